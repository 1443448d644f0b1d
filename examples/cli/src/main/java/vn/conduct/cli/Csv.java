package vn.conduct.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import vn.conduct.rules.api.SafeText;

/**
 * Writes CSV rows (RFC 4180, CRLF line ends) as spreadsheets read them: the one place where a
 * value becomes a CSV cell, for every CSV the command line writes.
 */
final class Csv {

  private Csv() {
  }

  /**
   * Writes one row. A cell is written by its value's type:
   *
   * <ul>
   *   <li>a {@link Number} or {@link Boolean} as itself ({@code 83.5}, {@code -20}, {@code true});
   *       a {@link BigDecimal} exactly, without trailing zeros;
   *   <li>{@code null} as an empty cell;
   *   <li>anything else as text: on one line, any control character, line break or bidirectional
   *       override escaped ({@link SafeText#line}), and, if it starts with {@code =}, {@code +},
   *       {@code -} or {@code @}, after an apostrophe ({@link SafeText#spreadsheetCell}), so that a
   *       spreadsheet never runs a name from the facts as a formula, even one written as
   *       {@code "\t=1"}; then quoted if it holds a comma or a quote.
   * </ul>
   */
  static void row(PrintWriter out, List<?> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    out.print(line);
    out.print("\r\n");
  }

  /** One cell, as {@link #row} writes it. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return Words.number(number);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = SafeText.spreadsheetCell(SafeText.line(value.toString()));
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
