package vn.conduct.cli;

import vn.conduct.rules.api.SafeText;

/** HTML escaping for text that comes from packs and facts files: never trusted as markup. */
final class Html {

  private Html() {
  }

  /**
   * Escapes text for an element's content or a quoted attribute value; {@code null} is empty. The
   * text is first made one line ({@link SafeText#line}): a control character (ESC, BEL, NUL), a
   * line break or a bidirectional override shows as its escape ({@code \e}, {@code \x07},
   * {@code \n}, {@code \u202E}) instead of reaching the page, a terminal that prints the page, or
   * the reader's sense of which way the text runs.
   */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    String line = SafeText.line(text);
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
