package vn.conduct.rules.internal.facts;

/** A subject as the rule engine sees it. */
public final class SubjectFact extends Values {

  public final String id;
  public final String type;
  public final String parentId;
  /** Position of the subject in its batch. */
  public final int index;
  /**
   * The ids of the subject's ancestors in its batch, nearest first (its parent, the parent's parent…);
   * set when the batch is put together, before the facts are inserted.
   */
  public String[] ancestors = new String[0];
  /** The observation each indicator slot holds (for the facts a finding lists); {@code null} if none. */
  public vn.conduct.rules.api.Observation[] observed;

  /** Values the host gave that do not fit their declared type, by slot; {@code null} if none. */
  public Object[] invalid;

  public SubjectFact(String id, String type, String parentId, int index, int slots) {
    super(slots);
    this.id = id;
    this.type = type;
    this.parentId = parentId;
    this.index = index;
  }

  /** Whether the subject with this id is among its ancestors: whether it is a descendant of that subject. */
  public boolean descendsFrom(String id) {
    for (String ancestor : ancestors) {
      if (ancestor.equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Records a value that does not fit its slot's type; the slot stays missing. */
  public void markInvalid(int slot, Object value) {
    if (invalid == null) {
      invalid = new Object[num.length];
    }
    invalid[slot] = value;
  }

  /** Records the observation a slot's value (or missing or invalid value) comes from. */
  public void observedBy(int slot, vn.conduct.rules.api.Observation observation) {
    if (observed == null) {
      observed = new vn.conduct.rules.api.Observation[num.length];
    }
    observed[slot] = observation;
  }

  /** The observation a slot's value comes from, or {@code null}. */
  public vn.conduct.rules.api.Observation observationAt(int slot) {
    return observed == null ? null : observed[slot];
  }

  /** The invalid value given for a slot, or {@code null}. */
  public Object invalidAt(int slot) {
    return invalid == null ? null : invalid[slot];
  }

  public String getId() {
    return id;
  }

  public String getType() {
    return type;
  }

  public String getParentId() {
    return parentId;
  }

  @Override
  public String toString() {
    return type + ":" + id;
  }
}
