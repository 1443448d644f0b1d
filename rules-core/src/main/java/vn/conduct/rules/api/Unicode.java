package vn.conduct.rules.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unicode normalisation of facts at intake: ids, types, names of attributes and indicators, and
 * text values are kept in NFC, so that "Đống Đa" typed with precomposed letters and the same words
 * typed with combining marks are one value, one subject and one peer group (facts-format.md,
 * section 8).
 */
final class Unicode {

  private Unicode() { }

  /** Returns the text in NFC; the same instance when it already is. */
  static String nfc(String text) {
    return vn.conduct.rules.internal.model.Nfc.of(text);
  }

  /** A value in NFC if it is text; any other value unchanged. */
  static Object nfcValue(Object value) {
    return value instanceof String text ? nfc(text) : value;
  }

  /**
   * An unmodifiable copy in the caller's order, names and text values in NFC; null names and values
   * are refused with the attribute's name.
   */
  static Map<String, Object> attributes(Map<String, Object> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    attributes.forEach((key, value) -> copy.put(nfc(java.util.Objects.requireNonNull(key, "attribute name")),
        nfcValue(java.util.Objects.requireNonNull(value, () -> "value of attribute '" + key + "'"))));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
