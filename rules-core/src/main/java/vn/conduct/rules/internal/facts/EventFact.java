package vn.conduct.rules.internal.facts;

/** An event as the rule engine sees it. */
public final class EventFact extends Values {

  public final String subjectId;
  public final String type;
  public final long day;
  /** The epoch day the event was recorded; its own day when the host did not say. */
  public final long recorded;
  public final boolean verified;

  public EventFact(String subjectId, String type, long day, long recorded, boolean verified, int slots) {
    super(slots);
    this.subjectId = subjectId;
    this.type = type;
    this.day = day;
    this.recorded = recorded;
    this.verified = verified;
  }

  public String getSubjectId() {
    return subjectId;
  }

  public String getType() {
    return type;
  }
}
