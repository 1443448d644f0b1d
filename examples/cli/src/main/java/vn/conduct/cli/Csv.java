package vn.conduct.cli;

import java.io.PrintWriter;
import java.util.List;

/** Writes CSV rows (RFC 4180, CRLF line ends) as spreadsheets read them. */
final class Csv {

  private Csv() {
  }

  /**
   * Writes one row. Fields holding a comma, quote or line break are quoted; a text field starting
   * with {@code =}, {@code +}, {@code -} or {@code @} that is not a number gets a leading apostrophe,
   * so that a spreadsheet never runs a name from the facts as a formula.
   */
  static void row(PrintWriter out, List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    out.print(line);
    out.print("\r\n");
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
