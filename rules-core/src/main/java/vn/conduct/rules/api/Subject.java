package vn.conduct.rules.api;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A person, agency or place that rules are evaluated for.
 *
 * <p>Attribute values are strings, numbers ({@link Number}), booleans or {@link java.time.LocalDate}s;
 * each is checked against the type the pack declares for it. The id, type, parent, attribute names
 * and text values are kept in Unicode NFC, so that text typed with combining marks and the same text
 * typed precomposed are one value.
 *
 * @param id the subject's id, unique within a request; never {@code null}
 * @param type the subject type, as declared in the pack's vocabulary (e.g. {@code officer})
 * @param name a display name, or {@code null}
 * @param parentId the id of the unit this subject belongs to, or {@code null}
 * @param attributes the subject's static attributes; copied, never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Subject(
    String id, String type, String name, String parentId, Map<String, Object> attributes) {

  public Subject {
    id = Unicode.nfc(Objects.requireNonNull(id, "id"));
    type = Unicode.nfc(Objects.requireNonNull(type, "type"));
    parentId = Unicode.nfc(parentId);
    attributes = Unicode.attributes(attributes);
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
}
