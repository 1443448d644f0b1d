package vn.conduct.rules.api;

import java.util.Locale;

/**
 * The languages in which packs and reports are written.
 *
 * @since 0.1
 */
public enum Language {
  /** Vietnamese. */
  VI,
  /** English. */
  EN;

  /**
   * Parses a language tag such as {@code vi}, {@code en} or {@code vi-VN}.
   *
   * @throws IllegalArgumentException if the tag names neither Vietnamese nor English
   */
  public static Language parse(String tag) {
    String lower = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
    if (lower.startsWith("vi")) {
      return VI;
    }
    if (lower.startsWith("en")) {
      return EN;
    }
    throw new IllegalArgumentException(
        "Unknown language '" + tag + "' [Hint: use 'vi' or 'en']");
  }
}
