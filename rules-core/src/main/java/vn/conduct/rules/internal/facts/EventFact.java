package vn.conduct.rules.internal.facts;

/** An event as the rule engine sees it. */
public final class EventFact extends Values {

  public final String subjectId;
  public final String type;
  public final long day;
  /** The epoch day the event was recorded; its own day when the host did not say. */
  public final long recorded;
  public final boolean verified;
  /** How the event was recorded ({@code Evidence.method}), or {@code null}. */
  public final String method;
  /** The event as the host gave it (for the facts a finding lists). */
  public final vn.conduct.rules.api.Event source;

  public EventFact(String subjectId, String type, long day, long recorded, boolean verified, int slots) {
    this(subjectId, type, day, recorded, verified, slots, null);
  }

  public EventFact(String subjectId, String type, long day, long recorded, boolean verified, int slots,
      vn.conduct.rules.api.Event source) {
    super(slots);
    this.method = source == null ? null : source.method();
    this.source = source;
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
