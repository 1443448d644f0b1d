package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * The one place where text from packs and facts is made safe to show: every renderer, log line and
 * error message passes untrusted strings (ids, names, attribute values, messages that quote them)
 * through it, so that no string can move the cursor, retitle a terminal, forge a line of output,
 * reorder what is displayed or run as a spreadsheet formula.
 *
 * <ul>
 *   <li>{@link #line(String)} for terminals, logs and any one-line record: C0 and C1 control
 *       characters, DEL, the Unicode line and paragraph separators, bidirectional overrides and
 *       isolates, and unpaired surrogates are shown escaped ({@code \n}, {@code \r}, {@code \t},
 *       {@code \e}, {@code \x07}, {@code \u202E}); everything else, Vietnamese included, is kept.
 *   <li>{@link #markdown(String)} for Markdown text and table cells: {@link #line(String)}, then
 *       the characters Markdown or HTML would read ({@code \ ` * _ [ ] < > | ~ &}, and a leading
 *       {@code # + - =}) backslash-escaped.
 *   <li>{@link #spreadsheetCell(String)} for a CSV text cell: a leading {@code = + - @}, tab or
 *       carriage return is neutralised with an apostrophe (the OWASP guard against CSV injection).
 * </ul>
 *
 * <p>The functions are pure, total ({@code null} gives {@code null}) and idempotent only in the
 * sense that applying them twice escapes the escapes; apply each once, where the text is written.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SafeText {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SafeText() { }

  /**
   * Returns the text with every character that could change how a terminal shows it, or split
   * the record it is part of, written as a visible escape.
   *
   * @param text any text, or {@code null}
   * @return the text, safe on one line; {@code null} if {@code text} is {@code null}
   */
  public static String line(String text) {
    if (text == null) {
      return null;
    }
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (isUnsafe(c)) {
        escape(c, out);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Returns the text safe for Markdown: {@link #line(String) one line}, with the characters that
   * Markdown or embedded HTML would interpret backslash-escaped, so a name shows as written and
   * cannot open a link, an image, a table cell or a tag.
   *
   * @param text any text, or {@code null}
   * @return the escaped text; {@code null} if {@code text} is {@code null}
   */
  public static String markdown(String text) {
    String line = line(text);
    if (line == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ("\\`*_[]<>|~&".indexOf(c) >= 0 || (i == 0 && "#+-=".indexOf(c) >= 0)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Returns the text safe as a spreadsheet cell: if it starts with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return, an apostrophe is put before it so that a
   * spreadsheet shows it as text instead of evaluating it. Use it for text cells only: numbers are
   * written as numbers.
   *
   * @param text any text, or {@code null}
   * @return the guarded text; {@code null} if {@code text} is {@code null}
   */
  public static String spreadsheetCell(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
  }

  /** Whether a character would be escaped by {@link #line(String)} (surrogates count when unpaired). */
  static boolean isUnsafe(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F)
        || c == '\u2028' || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C'
        || Character.isSurrogate(c);
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (isUnsafe(c)) {
        return i;
      }
    }
    return -1;
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\u001B' -> out.append("\\e");
      default -> {
        if (c <= 0xFF) {
          out.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        } else {
          out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
              .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        }
      }
    }
  }
}
