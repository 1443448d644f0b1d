package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTests {

  @Test
  void keepsVietnameseAndEmojiAsWritten() {
    String text = "Nguyễn Văn Ánh — Đống Đa 😀";
    assertThat(SafeText.line(text)).isSameAs(text);
  }

  @Test
  void escapesLineBreaksSoARecordCannotBeForged() {
    assertThat(SafeText.line("cb-001\nERROR   pack.yaml:1:1  forged\r"))
        .isEqualTo("cb-001\\nERROR   pack.yaml:1:1  forged\\r")
        .doesNotContain("\n", "\r");
  }

  @Test
  void escapesTerminalControlSequences() {
    String osc = "\u001B]0;pwned\u0007";
    String csi = "\u001B[2J\u009B31m";
    assertThat(SafeText.line(osc + csi + "\u007F\t"))
        .isEqualTo("\\e]0;pwned\\x07\\e[2J\\x9B31m\\x7F\\t");
  }

  @Test
  void escapesBidiOverridesAndUnicodeLineSeparators() {
    assertThat(SafeText.line("a\u202Eb\u2066c\u2028d\u2029"))
        .isEqualTo("a\\u202Eb\\u2066c\\u2028d\\u2029");
  }

  @Test
  void escapesUnpairedSurrogatesButKeepsPairs() {
    assertThat(SafeText.line("x\uD800y\uDC00\uD83D\uDE00")).isEqualTo("x\\uD800y\\uDC00\uD83D\uDE00");
  }

  @Test
  void markdownEscapesTablePipesLinksAndTags() {
    assertThat(SafeText.markdown("a|b [x](javascript:y) <script>*_`~&"))
        .isEqualTo("a\\|b \\[x\\](javascript:y) \\<script\\>\\*\\_\\`\\~\\&");
    assertThat(SafeText.markdown("# title")).isEqualTo("\\# title");
    assertThat(SafeText.markdown("- item")).isEqualTo("\\- item");
    assertThat(SafeText.markdown("cb-001")).isEqualTo("cb-001");
    assertThat(SafeText.markdown("x\ny")).isEqualTo("x\\\\ny");
  }

  @Test
  void spreadsheetCellNeutralisesFormulaStarters() {
    for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"}) {
      assertThat(SafeText.spreadsheetCell(formula)).isEqualTo("'" + formula);
    }
    assertThat(SafeText.spreadsheetCell("cb-001")).isEqualTo("cb-001");
    assertThat(SafeText.spreadsheetCell("")).isEmpty();
    assertThat(SafeText.spreadsheetCell(null)).isNull();
  }

  @Test
  void nullStaysNull() {
    assertThat(SafeText.line(null)).isNull();
    assertThat(SafeText.markdown(null)).isNull();
  }

  @Test
  void renderedIssueIsOneLineAndNamesItsCode() {
    ValidationIssue issue = new ValidationIssue(ValidationIssue.Level.ERROR, "facts.missing", "f\u001B.yaml", 3, 5,
        "subjects[0].name", "name 'x\nERROR   forged' is bad", "hint\r");
    assertThat(issue.render())
        .isEqualTo("ERROR   f\\e.yaml:3:5  subjects[0].name: name 'x\\nERROR   forged' is bad [Hint: hint\\r]"
            + " [facts.missing]")
        .doesNotContain("\n", "\r", "\u001B");
  }
}
