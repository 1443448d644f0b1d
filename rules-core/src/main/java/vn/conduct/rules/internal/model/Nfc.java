package vn.conduct.rules.internal.model;

import java.text.Normalizer;

/**
 * The one Unicode normalisation of the engine: pack values, compared strings and fact text are all
 * kept in NFC, so that text typed with precomposed letters and the same text typed with combining
 * marks are one value (facts-format.md, section 8).
 */
public final class Nfc {

  private Nfc() { }

  /** Returns the text in NFC, or {@code null}; the same instance when it already is (always so below U+0300). */
  public static String of(CharSequence text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= '\u0300') {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text.toString()
            : Normalizer.normalize(text, Normalizer.Form.NFC);
      }
    }
    return text.toString();
  }
}
