package vn.conduct.rules.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.api.Outcome.FAIL;
import static vn.conduct.rules.api.Outcome.PASS;
import static vn.conduct.rules.testkit.assertions.ConductAssertions.assertThat;
import static vn.conduct.rules.testkit.assertions.DemoPack.lines;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import vn.conduct.rules.api.Basis;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Report;

class FindingAssertTests {

  private static final String O4_TASK = lines(
      "Finding of rule \"demo.task\" for subject \"o4\": FAIL",
      "  vi: Không đạt: chỉ số 'task' = 50 % (yêu cầu ≥ 80 %) — 522/QĐ-UBND, Điều 5, khoản 1 "
          + "[đọc từ văn bản]",
      "  en: Not met: indicator 'task' = 50 % (required ≥ 80 %) — 522/QĐ-UBND, Điều 5, khoản 1 "
          + "[read in source]");
  private static final String O4_BADGE = lines(
      "Finding of rule \"demo.badge\" for subject \"o4\": FAIL",
      "  vi: Không đạt: chỉ số 'badge-worn' = false (yêu cầu = true) — 522/QĐ-UBND, Điều 3 "
          + "[theo bản tóm tắt]",
      "  en: Not met: indicator 'badge-worn' = false (required = true) — 522/QĐ-UBND, Điều 3 "
          + "[from a summary]");
  private static final String O4_SMOKING = lines(
      "Finding of rule \"demo.no-smoking\" for subject \"o4\": FAIL",
      "  vi: Vi phạm: số sự kiện [smoking] đã xác minh trong kỳ = 1 (ngưỡng ≥ 1) — "
          + "522/QĐ-UBND [suy luận, không có nguồn]",
      "  en: Violation: number of verified events [smoking] in the period = 1 (threshold ≥ 1) — "
          + "522/QĐ-UBND [inferred, not from a source]");

  @TempDir
  static Path dir;

  static Report report;

  @BeforeAll
  static void evaluate() {
    report = DemoPack.evaluate(dir);
  }

  private static FindingAssert o4(String ruleId) {
    return assertThat(report).subject("o4").rule(ruleId);
  }

  @Test
  void hasOutcome_passes_on_a_requirement_and_a_prohibition() {
    o4("demo.task").hasOutcome(FAIL);
    o4("demo.no-smoking").hasOutcome(FAIL);
    assertThat(report).subject("o1").rule("demo.no-smoking").hasOutcome(PASS);
  }

  @Test
  void hasOutcome_fails_showing_subject_rule_outcome_and_both_reasons() {
    assertThatThrownBy(() -> o4("demo.task").hasOutcome(PASS))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the finding of rule \"demo.task\" for subject \"o4\" to have outcome PASS",
            "but it is FAIL",
            O4_TASK));
  }

  @Test
  void hasOutcome_failure_states_actual_and_expected_for_ide_diffs() {
    assertThatThrownBy(() -> o4("demo.task").hasOutcome(PASS))
        .isInstanceOfSatisfying(AssertionFailedError.class, error -> {
          org.assertj.core.api.Assertions.assertThat(error.getActual().getValue()).isEqualTo(FAIL);
          org.assertj.core.api.Assertions.assertThat(error.getExpected().getValue()).isEqualTo(PASS);
        });
  }

  @Test
  void hasReasonContaining_passes_on_the_vietnamese_or_the_english_reason() {
    o4("demo.task").hasReasonContaining("yêu cầu ≥ 80 %").hasReasonContaining("required ≥ 80 %");
  }

  @Test
  void hasReasonContaining_fails_showing_both_reasons() {
    assertThatThrownBy(() -> o4("demo.badge").hasReasonContaining("thẻ"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the finding of rule \"demo.badge\" for subject \"o4\" to have a reason "
                + "containing \"thẻ\" (in Vietnamese or English)",
            "but neither reason contains it",
            O4_BADGE));
  }

  @Test
  void hasReasonContaining_in_a_language_passes() {
    o4("demo.no-smoking")
        .hasReasonContaining(Language.VI, "Vi phạm")
        .hasReasonContaining(Language.EN, "Violation");
  }

  @Test
  void hasReasonContaining_in_a_language_fails_when_only_the_other_language_matches() {
    assertThatThrownBy(() -> o4("demo.no-smoking").hasReasonContaining(Language.VI, "Violation"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the finding of rule \"demo.no-smoking\" for subject \"o4\" to have a reason "
                + "in Vietnamese containing \"Violation\"",
            "but it does not",
            O4_SMOKING));
  }

  @Test
  void citesDocument_passes_on_the_official_number() {
    o4("demo.task").citesDocument("522/QĐ-UBND");
  }

  @Test
  void citesDocument_fails_on_the_pack_local_source_id_and_says_so() {
    assertThatThrownBy(() -> o4("demo.task").citesDocument("qd-522"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the finding of rule \"demo.task\" for subject \"o4\" to cite document \"qd-522\"",
            "but it cites document \"522/QĐ-UBND\" (source id \"qd-522\")",
            "Citation: 522/QĐ-UBND, Điều 5, khoản 1 [read in source]",
            O4_TASK));
  }

  @Test
  void citesArticle_passes() {
    o4("demo.task").citesArticle("Điều 5");
    o4("demo.badge").citesArticle("Điều 3");
  }

  @Test
  void citesArticle_fails_on_another_article() {
    assertThatThrownBy(() -> o4("demo.task").citesArticle("Điều 9"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the finding of rule \"demo.task\" for subject \"o4\" to cite article \"Điều 9\"",
            "but it cites article \"Điều 5\"",
            "Citation: 522/QĐ-UBND, Điều 5, khoản 1 [read in source]",
            O4_TASK));
  }

  @Test
  void citesArticle_fails_when_the_citation_states_no_article() {
    assertThatThrownBy(() -> o4("demo.no-smoking").citesArticle("Điều 4"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the finding of rule \"demo.no-smoking\" for subject \"o4\" to cite article "
                + "\"Điều 4\"",
            "but its citation states no article",
            "Citation: 522/QĐ-UBND [inferred, not from a source]",
            O4_SMOKING));
  }

  @Test
  void hasBasis_passes() {
    o4("demo.task").hasBasis(Basis.READ);
    o4("demo.badge").hasBasis(Basis.SUMMARY);
    o4("demo.no-smoking").hasBasis(Basis.INFERRED);
  }

  @Test
  void hasBasis_fails() {
    assertThatThrownBy(() -> o4("demo.no-smoking").hasBasis(Basis.READ))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the finding of rule \"demo.no-smoking\" for subject \"o4\" to have basis READ",
            "but its basis is INFERRED",
            "Citation: 522/QĐ-UBND [inferred, not from a source]",
            O4_SMOKING));
  }
}
