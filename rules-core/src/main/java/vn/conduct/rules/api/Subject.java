package vn.conduct.rules.api;

import java.util.Map;
import java.util.Objects;

/**
 * A person, agency or place that rules are evaluated for.
 *
 * <p>Attribute values are strings, numbers ({@link Number}), booleans or {@link java.time.LocalDate}s;
 * each is checked against the type the pack declares for it.
 *
 * @param id the subject's id, unique within a request; never {@code null}
 * @param type the subject type, as declared in the pack's vocabulary (e.g. {@code officer})
 * @param name a display name, or {@code null}
 * @param parentId the id of the unit this subject belongs to, or {@code null}
 * @param attributes the subject's static attributes; copied, never {@code null}
 * @since 0.1
 */
public record Subject(
    String id, String type, String name, String parentId, Map<String, Object> attributes) {

  public Subject {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    attributes = attributes == null ? Map.of() : ordered(attributes);
  }

  /** Returns a subject with no parent and no attributes. */
  public static Subject of(String id, String type) {
    return new Subject(id, type, null, null, Map.of());
  }

  /** Returns a copy of this subject with the given parent unit. */
  public Subject withParent(String parent) {
    return new Subject(id, type, name, parent, attributes);
  }

  /** Returns a copy of this subject with the given display name. */
  public Subject withName(String displayName) {
    return new Subject(id, type, displayName, parentId, attributes);
  }

  /** Returns a copy of this subject with one more attribute. */
  public Subject withAttribute(String key, Object value) {
    var copy = new java.util.LinkedHashMap<>(attributes);
    copy.put(key, value);
    return new Subject(id, type, name, parentId, copy);
  }

  /** An unmodifiable copy that keeps the caller's order, so that reports stay deterministic. */
  private static Map<String, Object> ordered(Map<String, Object> attributes) {
    java.util.LinkedHashMap<String, Object> copy = new java.util.LinkedHashMap<>();
    attributes.forEach((key, value) -> copy.put(java.util.Objects.requireNonNull(key, "attribute name"),
        java.util.Objects.requireNonNull(value, () -> "value of attribute '" + key + "'")));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
