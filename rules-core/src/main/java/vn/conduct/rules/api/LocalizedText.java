package vn.conduct.rules.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A human-readable text in Vietnamese and English.
 *
 * <p>Either language may be absent in a pack; {@link #in(Language)} falls back to the other one,
 * so a rendered text is never empty when at least one language was given.
 *
 * @param vi the Vietnamese text, or {@code null}
 * @param en the English text, or {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LocalizedText(String vi, String en) {

  /** The empty text. */
  public static final LocalizedText EMPTY = new LocalizedText(null, null);

  /** Returns the same text in both languages. */
  public static LocalizedText of(String both) {
    return new LocalizedText(both, both);
  }

  /** Returns a text with the given Vietnamese and English renderings. */
  public static LocalizedText of(String vi, String en) {
    return new LocalizedText(vi, en);
  }

  /** Returns the text in the given language, falling back to the other language, then to "". */
  public String in(Language language) {
    Objects.requireNonNull(language, "language");
    String preferred = language == Language.VI ? vi : en;
    String other = language == Language.VI ? en : vi;
    if (preferred != null && !preferred.isBlank()) {
      return preferred;
    }
    return other == null ? "" : other;
  }

  /**
   * Returns the text for a locale: Vietnamese for a Vietnamese locale, English for every other
   * ({@link Language#of(Locale)}), falling back to the other language, then to "".
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public String in(java.util.Locale locale) {
    return in(Language.of(locale));
  }

  /** Returns {@code true} if neither language holds text. */
  public boolean isEmpty() {
    return (vi == null || vi.isBlank()) && (en == null || en.isBlank());
  }
}
