package vn.conduct.rules.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.api.Outcome.FAIL;
import static vn.conduct.rules.api.Outcome.PASS;
import static vn.conduct.rules.api.Outcome.UNKNOWN;
import static vn.conduct.rules.testkit.assertions.ConductAssertions.assertThat;
import static vn.conduct.rules.testkit.assertions.DemoPack.lines;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Report;

class SubjectResultAssertTests {

  private static final String O4_BADGE = "  demo.badge FAIL: Not met: indicator 'badge-worn' = false "
      + "(required = true) — 522/QĐ-UBND, Điều 3 [from a summary]";
  private static final String O4_SMOKING = "  demo.no-smoking FAIL: Violation: number of verified events "
      + "[smoking] in the period = 1 (threshold ≥ 1) — 522/QĐ-UBND [inferred, not from a source]";
  private static final String O4_TASK = "  demo.task FAIL: Not met: indicator 'task' = 50 % "
      + "(required ≥ 80 %) — 522/QĐ-UBND, Điều 5, khoản 1 [read in source]";

  @TempDir
  static Path dir;

  static Report report;

  @BeforeAll
  static void evaluate() {
    report = DemoPack.evaluate(dir);
  }

  @Test
  void rule_passes_and_navigates_to_the_finding() {
    assertThat(report).subject("o4").rule("demo.task").hasOutcome(FAIL);
  }

  @Test
  void rule_fails_listing_every_finding_of_the_subject() {
    assertThatThrownBy(() -> assertThat(report).subject("o4").rule("demo.nope"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o4\" to have a finding for rule \"demo.nope\"",
            "but its findings are:",
            O4_BADGE,
            O4_SMOKING,
            O4_TASK));
  }

  @Test
  void rule_fails_on_a_subject_no_rule_applies_to() {
    assertThatThrownBy(() -> assertThat(report).subject("u1").rule("demo.task"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"u1\" to have a finding for rule \"demo.task\"",
            "but it has no finding (no rule applies to its type \"agency\")"));
  }

  @Test
  void hasOutcome_passes_for_several_rules_in_a_row() {
    assertThat(report).subject("o5")
        .hasOutcome("demo.task", UNKNOWN)
        .hasOutcome("demo.badge", PASS)
        .hasOutcome("demo.no-smoking", PASS);
  }

  @Test
  void hasOutcome_fails_showing_the_finding() {
    assertThatThrownBy(() -> assertThat(report).subject("o5").hasOutcome("demo.task", PASS))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the finding of rule \"demo.task\" for subject \"o5\" to have outcome PASS",
            "but it is UNKNOWN",
            "Finding of rule \"demo.task\" for subject \"o5\": UNKNOWN",
            "  vi: Thiếu bằng chứng: chỉ số 'task' chưa được ghi nhận — 522/QĐ-UBND, Điều 5, khoản 1 "
                + "[đọc từ văn bản]",
            "  en: Missing evidence: indicator 'task' was not observed — 522/QĐ-UBND, Điều 5, khoản 1 "
                + "[read in source]"));
  }

  @Test
  void hasOutcome_fails_when_the_rule_does_not_apply() {
    assertThatThrownBy(() -> assertThat(report).subject("o4").hasOutcome("demo.nope", FAIL))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(lines(
            "",
            "Expecting subject \"o4\" to have a finding for rule \"demo.nope\"",
            "but its findings are:"));
  }

  @Test
  void isCompliant_passes() {
    assertThat(report).subject("o1").isCompliant();
  }

  @Test
  void isCompliant_fails_listing_the_findings_in_the_way() {
    assertThatThrownBy(() -> assertThat(report).subject("o5").isCompliant())
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o5\" to be compliant",
            "but these findings are FAIL, UNKNOWN or ERROR:",
            "  demo.task UNKNOWN: Missing evidence: indicator 'task' was not observed — 522/QĐ-UBND, "
                + "Điều 5, khoản 1 [read in source]"));
  }

  @Test
  void isCompliant_fails_on_a_subject_without_findings() {
    assertThatThrownBy(() -> assertThat(report).subject("u1").isCompliant())
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"u1\" to be compliant",
            "but it has no finding (no rule applies to its type \"agency\")"));
  }

  @Test
  void isNotCompliant_passes_on_failures_unknowns_and_subjects_without_findings() {
    assertThat(report).subject("o4").isNotCompliant();
    assertThat(report).subject("o5").isNotCompliant();
    assertThat(report).subject("u1").isNotCompliant();
  }

  @Test
  void isNotCompliant_fails_listing_the_findings() {
    assertThatThrownBy(() -> assertThat(report).subject("o1").isNotCompliant())
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o1\" not to be compliant",
            "but every finding is PASS or NOT_APPLICABLE:",
            "  demo.badge PASS: Met: indicator 'badge-worn' = true (required = true) — 522/QĐ-UBND, "
                + "Điều 3 [from a summary]",
            "  demo.no-smoking PASS: Not violated: number of verified events [smoking] in the period = 0 "
                + "(threshold ≥ 1) — 522/QĐ-UBND [inferred, not from a source]",
            "  demo.task PASS: Met: indicator 'task' = 95 % (required ≥ 80 %) — 522/QĐ-UBND, Điều 5, "
                + "khoản 1 [read in source]"));
  }

  @Test
  void hasNoFindingWith_passes() {
    assertThat(report).subject("o5").hasNoFindingWith(FAIL);
  }

  @Test
  void hasNoFindingWith_fails_listing_the_findings_with_that_outcome() {
    assertThatThrownBy(() -> assertThat(report).subject("o4").hasNoFindingWith(FAIL))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o4\" to have no finding with outcome FAIL",
            "but 3 have it:",
            O4_BADGE,
            O4_SMOKING,
            O4_TASK));
  }

  @Test
  void score_passes_and_navigates_to_the_score() {
    assertThat(report).subject("o1").score("demo-grade").hasRating("A");
  }

  @Test
  void score_fails_listing_the_checklists_the_subject_was_scored_on() {
    assertThatThrownBy(() -> assertThat(report).subject("o1").score("demo-monthly"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o1\" to have a score on checklist \"demo-monthly\"",
            "but it has scores on: [demo-conduct, demo-grade]"));
  }

  @Test
  void score_fails_on_a_subject_no_checklist_scores() {
    assertThatThrownBy(() -> assertThat(report).subject("u1").score("demo-grade"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"u1\" to have a score on checklist \"demo-grade\"",
            "but it has no score (no checklist scores its type \"agency\")"));
  }

  @Test
  void rollUp_passes_and_navigates_to_the_roll_up() {
    assertThat(report).subject("u1").rollUp("demo-grade").hasMembers(5);
  }

  @Test
  void rollUp_fails_on_a_subject_without_members() {
    assertThatThrownBy(() -> assertThat(report).subject("o1").rollUp("demo-grade"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o1\" to have a roll-up on checklist \"demo-grade\"",
            "but it has none (only units whose members are scored have roll-ups)"));
  }

  @Test
  void rollUp_fails_listing_the_roll_ups_of_the_unit() {
    assertThatThrownBy(() -> assertThat(report).subject("u1").rollUp("demo-monthly"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"u1\" to have a roll-up on checklist \"demo-monthly\"",
            "but it has roll-ups on: [demo-conduct, demo-grade]"));
  }
}
