package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The doors through which text from packs and facts leaves the command line: CSV cells, lines (HTML: HtmlPagesTests). */
class SafeOutputTests {

  @ParameterizedTest
  @ValueSource(strings = {"=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "=1+1"})
  void should_guard_a_text_cell_that_a_spreadsheet_would_run(String text) {
    assertThat(Csv.cell(text)).startsWith("'").contains(text.substring(0, 2));
  }

  @Test
  void should_guard_a_cell_hidden_behind_a_tab_or_a_carriage_return() {
    assertThat(Csv.cell("\t=1")).isEqualTo("\\t=1");
    assertThat(Csv.cell("\r=1")).isEqualTo("\\r=1");
    assertThat(Csv.cell("\r\n=1+1")).isEqualTo("\\r\\n=1+1");
  }

  @Test
  void should_write_numbers_and_booleans_as_themselves() {
    assertThat(Csv.cell(new BigDecimal("-20.50"))).isEqualTo("-20.5");
    assertThat(Csv.cell(new BigDecimal("83.3333"))).isEqualTo("83.3333");
    assertThat(Csv.cell(-3L)).isEqualTo("-3");
    assertThat(Csv.cell(Boolean.TRUE)).isEqualTo("true");
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(Csv.cell("-3")).as("text that looks like a number is still text").isEqualTo("'-3");
  }

  @Test
  void should_keep_a_row_one_record_whatever_its_text_holds() {
    StringWriter out = new StringWriter();

    Csv.row(new PrintWriter(out), Arrays.asList("a\nERROR pack.yaml:1:1 forged", "x,\"y\"", "\u001B[2J", null,
        new BigDecimal("1.50")));

    assertThat(out.toString()).isEqualTo("a\\nERROR pack.yaml:1:1 forged,\"x,\"\"y\"\"\",\\e[2J,,1.5\r\n");
  }

  @Test
  void should_write_one_line_per_line_whatever_the_text_holds() {
    StringWriter text = new StringWriter();
    TextOut out = new TextOut(new PrintWriter(text));

    out.println("cb-1  name\r\nERROR pack.yaml:1:1 forged\u001B[2J\u2028\u202E");
    out.println("Nguyễn Văn An → B · ✓");
    out.flush();

    List<String> lines = text.toString().lines().toList();
    assertThat(lines).containsExactly("cb-1  name\\r\\nERROR pack.yaml:1:1 forged\\e[2J\\u2028\\u202E",
        "Nguyễn Văn An → B · ✓");
  }
}
