package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A dated occurrence about a subject, such as a recorded violation or a verified complaint. Ids,
 * the type, attribute names and text values are kept in Unicode NFC.
 *
 * @param id the event's id, or {@code null}
 * @param subjectId the subject the event is about; never {@code null}
 * @param type the event type, as declared in the pack's vocabulary; never {@code null}
 * @param date when it happened; never {@code null}
 * @param verified whether the event was verified (rules may count only verified events)
 * @param attributes further values (e.g. {@code amount}); copied, never {@code null}
 * @param recordedOn when the event was recorded, or {@code null} for "on its date": an evaluation
 *     decided before this date does not count the event (since 0.2)
 * @param evidence how it is known (since 0.3): never {@code null}; its recording date is
 *     {@code recordedOn}, which fills it in when the evidence does not say. Independent of
 *     {@code verified}: a method says how the event was recorded, {@code verified} whether it was confirmed
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Event(
    String id,
    String subjectId,
    String type,
    LocalDate date,
    boolean verified,
    Map<String, Object> attributes,
    LocalDate recordedOn,
    Evidence evidence) {

  /** An event with no evidence beyond its recording date (the form of 0.2). */
  public Event(String id, String subjectId, String type, LocalDate date, boolean verified,
      Map<String, Object> attributes, LocalDate recordedOn) {
    this(id, subjectId, type, date, verified, attributes, recordedOn, null);
  }

  /** An event recorded on its date (the form of 0.1). */
  public Event(String id, String subjectId, String type, LocalDate date, boolean verified,
      Map<String, Object> attributes) {
    this(id, subjectId, type, date, verified, attributes, null);
  }

  public Event {
    id = Unicode.nfc(id);
    subjectId = Unicode.nfc(Objects.requireNonNull(subjectId, "subjectId"));
    type = Unicode.nfc(Objects.requireNonNull(type, "type"));
    Objects.requireNonNull(date, "date");
    attributes = Unicode.attributes(attributes);
    evidence = Evidence.merge(evidence, null, recordedOn, "event of '" + SafeText.line(subjectId) + "'");
    recordedOn = evidence.recordedOn();
    if (recordedOn != null && recordedOn.isBefore(date)) {
      throw new IllegalArgumentException("event of '" + SafeText.line(subjectId) + "' on " + date
          + " is recorded on " + recordedOn + ", before it happened");
    }
  }

  /** The date the event counts as recorded: {@link #recordedOn()}, else its {@link #date()}. @since 0.2 */
  public LocalDate recorded() {
    return recordedOn != null ? recordedOn : date;
  }

  /** Returns a copy recorded on the given date. @since 0.2 */
  public Event withRecordedOn(LocalDate recorded) {
    return new Event(id, subjectId, type, date, verified, attributes, null, evidence.withRecordedOn(recorded));
  }

  /** The method the event was recorded by ({@code evidence().method()}), or {@code null}. @since 0.3 */
  public String method() {
    return evidence.method();
  }

  /** Returns a copy with the given evidence (its recording date replaces this one's). @since 0.3 */
  public Event withEvidence(Evidence value) {
    return new Event(id, subjectId, type, date, verified, attributes, null, value);
  }

  /** Returns a verified event with no id and no attributes. */
  public static Event verified(String subjectId, String type, LocalDate date) {
    return new Event(null, subjectId, type, date, true, Map.of());
  }
}
