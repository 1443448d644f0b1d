package vn.conduct.rules.internal.facts;

/** A subject as the rule engine sees it. */
public final class SubjectFact extends Values {

  public final String id;
  public final String type;
  public final String parentId;
  /** Position of the subject in its batch. */
  public final int index;

  public SubjectFact(String id, String type, String parentId, int index, int slots) {
    super(slots);
    this.id = id;
    this.type = type;
    this.parentId = parentId;
    this.index = index;
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
