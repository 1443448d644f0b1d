package vn.conduct.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.conduct.rules.api.Language;

/**
 * The CLI's one message catalogue: every text it shows people, by key, from
 * {@code vn/conduct/cli/messages.properties} (English, the default) and
 * {@code messages_vi.properties} (Vietnamese). Values are {@link MessageFormat} patterns: {@code {0}}
 * is a value, {@code ''} one apostrophe. Values are passed as text, so numbers keep the form the
 * caller gave them (no grouping, no locale digits).
 */
class Messages {

  static final String BUNDLE = "vn.conduct.cli.messages";

  private final Language language;
  private final Locale locale;
  private final ResourceBundle bundle;

  Messages(Language language) {
    this.language = language;
    this.locale = locale(language);
    // No fallback to the JVM's default locale: --lang en is English on a Vietnamese machine too.
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The locale whose bundle holds a language's messages (English is the root bundle). */
  static Locale locale(Language language) {
    return switch (language) {
      case VI -> Locale.forLanguageTag("vi");
      case EN -> Locale.ROOT;
    };
  }

  Language language() {
    return language;
  }

  /**
   * A count with its noun: the message {@code key.one} for 1, else {@code key.other} (English has
   * "1 error", "2 errors"; Vietnamese "1 lỗi", "2 lỗi").
   */
  String count(String key, long count) {
    return get(key + (count == 1 ? ".one" : ".other"), count);
  }

  /** The message under {@code key} with {@code args} put in its placeholders, in this language. */
  String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no message '" + key + "' in " + BUNDLE + " for " + language
          + ": add it to messages.properties and messages_vi.properties", e);
    }
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      texts[i] = String.valueOf(args[i]);
    }
    return new MessageFormat(pattern, locale).format(texts);
  }
}
