package vn.conduct.rules.api;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The two languages in which packs and reports are written: the pack format gives every text as a
 * Vietnamese and an English rendering ({@link LocalizedText}), so this set is closed by the format, not
 * by the library. Hosts speak {@link Locale}: {@link LocalizedText#in(Locale)},
 * {@link Citation#render(Locale)} and {@code ReportJson.withLocale(Locale)} take one and choose the
 * language by {@link #of(Locale)}.
 *
 * <p><b>Fallback rule.</b> A locale whose language is Vietnamese ({@code vi}, {@code vi-VN}) gets the
 * Vietnamese texts; every other locale — English, French, Chinese, {@link Locale#ROOT} — gets the English
 * ones. A text a pack gives in one language only is shown in that language whatever the locale.
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
   * The language a locale reads, by the fallback rule above: Vietnamese for a Vietnamese locale,
   * English for every other.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static Language of(Locale locale) {
    return "vi".equals(java.util.Objects.requireNonNull(locale, "locale").getLanguage()) ? VI : EN;
  }

  /**
   * The locale of this language's texts: {@code vi} or {@code en}.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public Locale locale() {
    return this == VI ? Locale.forLanguageTag("vi") : Locale.ENGLISH;
  }

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
