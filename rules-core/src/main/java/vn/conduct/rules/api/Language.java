package vn.conduct.rules.api;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The languages in which packs and reports are written.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Language {
  /** Vietnamese. */
  VI,
  /** English. */
  EN;

  /**
   * Parses a language tag such as {@code vi}, {@code en}, {@code vi-VN} or {@code en_GB}: the
   * primary language subtag decides ({@code "envelope"} is not English).
   *
   * @throws IllegalArgumentException if the tag names neither Vietnamese nor English
   */
  public static Language parse(String tag) {
    String lower = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
    String primary = lower.split("[-_]", 2)[0];
    if (primary.equals("vi")) {
      return VI;
    }
    if (primary.equals("en")) {
      return EN;
    }
    throw new IllegalArgumentException(
        "Unknown language '" + SafeText.line(String.valueOf(tag)) + "' [Hint: use 'vi' or 'en']");
  }
}
