package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A dated occurrence about a subject, such as a recorded violation or a verified complaint.
 *
 * @param id the event's id, or {@code null}
 * @param subjectId the subject the event is about; never {@code null}
 * @param type the event type, as declared in the pack's vocabulary; never {@code null}
 * @param date when it happened; never {@code null}
 * @param verified whether the event was verified (rules may count only verified events)
 * @param attributes further values (e.g. {@code amount}); copied, never {@code null}
 * @since 0.1
 */
public record Event(
    String id,
    String subjectId,
    String type,
    LocalDate date,
    boolean verified,
    Map<String, Object> attributes) {

  public Event {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(date, "date");
    attributes = attributes == null ? Map.of() : ordered(attributes);
  }

  /** Returns a verified event with no id and no attributes. */
  public static Event verified(String subjectId, String type, LocalDate date) {
    return new Event(null, subjectId, type, date, true, Map.of());
  }

  /** An unmodifiable copy that keeps the caller's order, so that reports stay deterministic. */
  private static Map<String, Object> ordered(Map<String, Object> attributes) {
    java.util.LinkedHashMap<String, Object> copy = new java.util.LinkedHashMap<>();
    attributes.forEach((key, value) -> copy.put(java.util.Objects.requireNonNull(key, "attribute name"),
        java.util.Objects.requireNonNull(value, () -> "value of attribute '" + key + "'")));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
