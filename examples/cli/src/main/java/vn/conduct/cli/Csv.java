package vn.conduct.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.conduct.rules.api.SafeText;

/**
 * Writes CSV rows (RFC 4180, CRLF line ends) as spreadsheets read them: the one place where a
 * value becomes a CSV cell, for every CSV the command line writes. Quoting and escaping are
 * Jackson's CSV writer's (a cell is quoted only when it must be); this class decides what each value
 * becomes before that.
 */
final class Csv {

  /** Quotes a cell only when it holds a separator, a quote or a line end (RFC 4180's minimum). */
  private static final ObjectWriter ROW = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build()
      .writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));

  private Csv() {
  }

  /**
   * Writes one row. A cell is written by its value's type:
   *
   * <ul>
   *   <li>a {@link Number} or {@link Boolean} as itself ({@code 83.5}, {@code -20}, {@code true});
   *       a {@link BigDecimal} exactly, without trailing zeros;
   *   <li>{@code null} as an empty cell (Jackson would drop the cell and shift the row);
   *   <li>anything else as text: on one line, any control character, line break or bidirectional
   *       override escaped ({@link SafeText#line}), and, if it starts with {@code =}, {@code +},
   *       {@code -} or {@code @}, after an apostrophe ({@link SafeText#spreadsheetCell}), so that a
   *       spreadsheet never runs a name from the facts as a formula, even one written as
   *       {@code "\t=1"}; then quoted if it holds a comma or a quote.
   * </ul>
   */
  static void row(PrintWriter out, List<?> cells) {
    List<Object> values = new ArrayList<>(cells.size());
    for (Object cell : cells) {
      values.add(value(cell));
    }
    try {
      out.print(ROW.writeValueAsString(values));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // only strings, numbers and booleans are written
    }
  }

  /**
   * A header row in a language: each column's title under the key {@code csv.column.<name>} of the
   * message catalogue. The English titles are the column names themselves, stable for scripts; the
   * Vietnamese ones are for people opening the file in a spreadsheet.
   */
  static List<String> header(Messages messages, List<String> columns) {
    return columns.stream().map(column -> messages.get("csv.column." + column)).toList();
  }

  /** One cell, as {@link #row} writes it. */
  static String cell(Object value) {
    String line;
    try {
      line = ROW.writeValueAsString(List.of(value(value)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return line.substring(0, line.length() - 2);
  }

  private static Object value(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return Words.number(number);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return SafeText.spreadsheetCell(SafeText.line(value.toString()));
  }
}
