package vn.conduct.rules.hanoi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Decision;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.InvalidDecisionsException;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.DecisionsFile;
import vn.conduct.rules.io.WaiversFile;

/**
 * Issue 14's "done when" for decisions, on the sample district (samples/hanoi-demo.yaml, June 2025) and
 * the sample decisions (samples/decisions-demo.yaml): officer cb-013's working-time FAIL is contested,
 * reviewed and overridden by the head of the unit; the monthly grade and the unit's A quota are computed
 * again on the final outcomes; the same override signed by the officer is refused, located.
 */
class HanoiDecisionTests {

  private static final RulesEngine ENGINE = RulesEngine.builder().discoverProviders().build();
  private static final Path DECISIONS = Path.of("src/main/resources/samples/decisions-demo.yaml");
  private static final EvaluationRequest FACTS =
      new vn.conduct.rules.io.FactsReader().load(Path.of("src/main/resources/samples/hanoi-demo.yaml")).request();

  private static Report decided(List<Decision> decisions) {
    return ENGINE.evaluate(FACTS.toBuilder().decisions(decisions).build());
  }

  private static ChecklistScore monthly(Report report, String officer) {
    return report.subject(officer).orElseThrow().score("hn3814-monthly").orElseThrow();
  }

  @Test
  void the_contested_FAIL_overridden_by_the_unit_head_is_PASS_with_its_whole_history() {
    Report report = decided(DecisionsFile.read(DECISIONS).decisions());

    Finding time = report.subject("cb-013").orElseThrow().finding("hn3814.working-time").orElseThrow();
    assertThat(time.originalOutcome()).isEqualTo(Outcome.FAIL);
    assertThat(time.outcome()).isEqualTo(Outcome.PASS);
    assertThat(time.decisions()).extracting(Decision::id).containsExactly("d-2025-06-cb-013-contest",
        "d-2025-06-cb-013-review", "d-2025-06-cb-013-override");
    assertThat(time.override().orElseThrow().by().id()).isEqualTo("cb-001");
    assertThat(time.contestPending()).isFalse();
    // the reason stays the engine's: the evidence behind the original FAIL
    assertThat(time.reason().en()).containsIgnoringCase("late");
    // QĐ 522's own late-arrival rule was not contested: it stays FAIL
    assertThat(report.subject("cb-013").orElseThrow().finding("hn522.late-arrival").orElseThrow().outcome())
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void the_monthly_grade_is_computed_again_on_the_final_outcome() {
    ChecklistScore before = monthly(ENGINE.evaluate(FACTS), "cb-013");
    ChecklistScore after = monthly(decided(DecisionsFile.read(DECISIONS).decisions()), "cb-013");

    // By hand from hn3814-monthly: I.1 2+2+2, I.2 office culture 3 + working time 3 (0 while FAIL) + badge 2
    // + attitude 2 + reputation 2 + confidentiality 2, II capability 15 + task completion 74 % × 0.5 = 37, no
    // bonus: 69 (C ≥ 50) on the engine's outcome, 72 (B ≥ 70) on the final one.
    assertThat(before.score()).isEqualByComparingTo("69");
    assertThat(before.rating()).isEqualTo("C");
    assertThat(after.score()).isEqualByComparingTo("72");
    assertThat(after.rating()).isEqualTo("B");
    assertThat(after.withoutWaivers()).isEmpty(); // an override is not a waiver
  }

  @Test
  void the_A_quotas_are_computed_again_on_the_final_outcomes() {
    Report before = ENGINE.evaluate(FACTS);
    Report after = decided(DecisionsFile.read(DECISIONS).decisions());

    // UBND quận Ba Đình, 15 graded officers: at most 30 % × 15 = 4.5 → 4 keep A. Scores 90+: cb-001 94,
    // cb-004 93.5, cb-007 93, cb-005 92, cb-006 90 → cb-006 lowered to B, before and after cb-013's
    // override (72 is no A score).
    for (Report report : List.of(before, after)) {
      assertThat(monthly(report, "cb-006").rating()).isEqualTo("B");
      assertThat(monthly(report, "cb-006").adjustments()).extracting(ScoreAdjustment::kind)
          .contains(ScoreAdjustment.Kind.QUOTA);
      assertThat(aGrades(report, "ubnd-ba-dinh")).isEqualTo(4);
    }
    // UBND phường Quán Thánh, 14 graded (cb-028 is not): 30 % × 14 = 4.2 → 4 keep A. Before: cb-016 93.5,
    // cb-020 92.5, cb-019 92, cb-021 91, all A; cb-022 89, B. cb-022's bonus overridden from 3 to 6 points:
    // 20 (part I) + 18 (capability) + 96 % × 0.5 = 48 + 6 = 92, an A score; five A scores for four places,
    // so the lowest, cb-021 at 91, is lowered to B.
    assertThat(monthly(before, "cb-022").score()).isEqualByComparingTo("89");
    assertThat(monthly(before, "cb-021").rating()).isEqualTo("A");
    ChecklistScore cb022 = monthly(after, "cb-022");
    assertThat(cb022.score()).isEqualByComparingTo("92");
    assertThat(cb022.rating()).isEqualTo("A");
    assertThat(cb022.decisions()).extracting(Decision::id).containsExactly("d-2025-06-cb-022-contest",
        "d-2025-06-cb-022-review", "d-2025-06-cb-022-override");
    assertThat(cb022.items()).filteredOn(i -> i.ruleId().equals("hn3814.initiative")).singleElement()
        .satisfies(i -> assertThat(i.earned()).isEqualByComparingTo("6"));
    ChecklistScore cb021 = monthly(after, "cb-021");
    assertThat(cb021.score()).isEqualByComparingTo("91");
    assertThat(cb021.rating()).isEqualTo("B");
    assertThat(aGrades(before, "ubnd-p-quan-thanh")).isEqualTo(4);
    assertThat(aGrades(after, "ubnd-p-quan-thanh")).isEqualTo(4);
  }

  @Test
  void a_contest_nobody_answered_is_pending_and_changes_nothing() {
    Report report = decided(DecisionsFile.read(DECISIONS).decisions());

    Finding culture = report.subject("cb-025").orElseThrow().finding("hn3814.office-culture").orElseThrow();
    assertThat(culture.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(culture.originalOutcome()).isEqualTo(Outcome.FAIL);
    assertThat(culture.contestPending()).isTrue();
    assertThat(monthly(report, "cb-025").score()).isEqualByComparingTo("83.5");
    assertThat(DecisionsFile.read(DECISIONS).check(ENGINE, FACTS, LocalDate.of(2025, 7, 31)))
        .extracting(ValidationIssue::code).containsExactly("decision.pending");
  }

  @Test
  void the_same_override_signed_by_the_officer_is_refused_with_a_located_error() throws IOException {
    String text = Files.readString(DECISIONS, StandardCharsets.UTF_8);
    String signedBySelf = text.replace("""
        date: 2025-07-08
            by: {id: cb-001, name: "Phan Trọng Kiên", role: unit-head}""", """
        date: 2025-07-08
            by: {id: cb-013, name: "Cao Ngọc Long", role: unit-head}""");
    assertThat(signedBySelf).isNotEqualTo(text);
    DecisionsFile file = DecisionsFile.read("decisions-demo.yaml", signedBySelf.getBytes(StandardCharsets.UTF_8));

    // the evaluation refuses it before evaluating anything, naming the decision and where it was written
    assertThatThrownBy(() -> decided(file.decisions()))
        .isInstanceOf(InvalidDecisionsException.class)
        .hasMessageContaining("decisions-demo.yaml:" + line(signedBySelf, "id: d-2025-06-cb-013-override") + ":5")
        .hasMessageContaining("decision 'd-2025-06-cb-013-override' is an override of cb-013's hanoi-3814 rule"
            + " hn3814.working-time by Cao Ngọc Long (cb-013), the subject itself")
        .hasMessageContaining("[decision.self]");
    // the check locates it at the field
    List<ValidationIssue> issues = file.check(ENGINE, FACTS, LocalDate.of(2025, 7, 31));
    assertThat(issues).filteredOn(i -> i.code().equals("decision.self")).singleElement().satisfies(issue -> {
      assertThat(issue.line()).isEqualTo(line(signedBySelf, "by: {id: cb-013, name: \"Cao Ngọc Long\", role: unit-head}"));
      assertThat(issue.path()).isEqualTo("decisions[2].by.id");
    });
  }

  @Test
  void an_override_by_a_leader_of_another_unit_or_by_staff_is_refused() throws IOException {
    String text = Files.readString(DECISIONS, StandardCharsets.UTF_8);
    String otherUnit = text.replace("by: {id: cb-001, name: \"Phan Trọng Kiên\", role: unit-head}\n    reason:\n"
        + "      vi: \"Đến muộn", "by: {id: cb-016, role: unit-head}\n    reason:\n      vi: \"Đến muộn");
    String staff = text.replace("by: {id: cb-001, name: \"Phan Trọng Kiên\", role: unit-head}\n    reason:\n"
        + "      vi: \"Đến muộn", "by: {id: cb-014, role: unit-head}\n    reason:\n      vi: \"Đến muộn");
    assertThat(otherUnit).isNotEqualTo(text);

    assertThatThrownBy(() -> decided(DecisionsFile.read("d.yaml", otherUnit.getBytes(StandardCharsets.UTF_8))
        .decisions())).hasMessageContaining("[decision.not-authorised]")
        .hasMessageContaining("cb-016 is in ubnd-p-quan-thanh and cb-013 in ubnd-ba-dinh");
    assertThatThrownBy(() -> decided(DecisionsFile.read("d.yaml", staff.getBytes(StandardCharsets.UTF_8))
        .decisions())).hasMessageContaining("[decision.not-holder]")
        .hasMessageContaining("has position 'staff', the role needs 'leader'");
  }

  @Test
  void with_the_sample_waivers_too_the_override_comes_first_and_the_waiver_excuses_nothing_there() {
    EvaluationRequest both = FACTS.toBuilder().decisions(DecisionsFile.read(DECISIONS).decisions())
        .waivers(WaiversFile.read(Path.of("src/main/resources/samples/waivers-demo.yaml")).waivers()).build();
    Report report = ENGINE.evaluate(both);

    Finding time = report.subject("cb-013").orElseThrow().finding("hn3814.working-time").orElseThrow();
    assertThat(time.outcome()).isEqualTo(Outcome.PASS);
    assertThat(time.waiver()).isEmpty(); // nothing left to excuse
    ChecklistScore score = monthly(report, "cb-013");
    assertThat(score.score()).isEqualByComparingTo("72");
    assertThat(score.withoutWaivers()).isEmpty();
    assertThat(report.provenance().notes()).anySatisfy(n -> assertThat(n.en())
        .startsWith("Waiver w-2025-06-cb-013-working-time excused no finding"));
  }

  private static int line(String text, String needle) {
    int at = text.indexOf(needle);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static long aGrades(Report report, String unit) {
    return report.subjects().stream().filter(s -> unit.equals(s.subject().parentId()))
        .flatMap(s -> s.score("hn3814-monthly").stream()).filter(s -> "A".equals(s.rating())).count();
  }
}
