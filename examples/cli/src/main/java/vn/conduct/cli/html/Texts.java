package vn.conduct.cli.html;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The page's texts in its language, by key, from the CLI's message catalogue
 * ({@code vn/conduct/cli/messages*.properties}): templates hold keys, never English or Vietnamese.
 */
public final class Texts {

  private final String lang;
  private final BiFunction<String, Object[], String> lookup;

  /**
   * @param lang the page's language tag ({@code vi}, {@code en}), for {@code <html lang>}
   * @param lookup the message under a key with its arguments put in
   */
  public Texts(String lang, BiFunction<String, Object[], String> lookup) {
    this.lang = Objects.requireNonNull(lang);
    this.lookup = Objects.requireNonNull(lookup);
  }

  /** The language tag of the page. */
  public String lang() {
    return lang;
  }

  /** The message under {@code key}, with {@code args} in its placeholders. */
  public String get(String key, Object... args) {
    return lookup.apply(key, args);
  }
}
