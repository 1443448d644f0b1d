package vn.conduct.rules.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testkit.assertions.ConductAssertions.assertThat;
import static vn.conduct.rules.testkit.assertions.DemoPack.lines;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;

class ReportAssertTests {

  @TempDir
  static Path dir;

  static Report report;
  static Report withProblems;

  @BeforeAll
  static void evaluate() {
    RulesEngine engine = DemoPack.engine(dir);
    report = engine.evaluate(DemoPack.request().build());
    withProblems = engine.evaluate(DemoPack.request()
        .subject(Subject.of("m1", "market"))
        .observation(Observation.of("o1", "height", 170))
        .build());
  }

  @Test
  void subject_passes_and_navigates_to_the_subject() {
    assertThat(report).subject("o1").isCompliant();
  }

  @Test
  void subject_fails_listing_the_subjects_of_the_report() {
    assertThatThrownBy(() -> assertThat(report).subject("o9"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the report to have a result for subject \"o9\"",
            "but its subjects are:",
            "  [o1, o2, o3, o4, o5, u1]"));
  }

  @Test
  void hasSubjects_passes_in_any_order() {
    assertThat(report).hasSubjects("u1", "o5", "o4", "o3", "o2", "o1");
  }

  @Test
  void hasSubjects_fails_naming_missing_and_unexpected_subjects() {
    assertThatThrownBy(() -> assertThat(report).hasSubjects("o1", "o2", "o3", "o4", "o5", "o6"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the report's subjects to be exactly (in any order):",
            "  [o1, o2, o3, o4, o5, o6]",
            "but they are:",
            "  [o1, o2, o3, o4, o5, u1]",
            "missing: [o6]",
            "unexpected: [u1]"));
  }

  @Test
  void hasNoFactProblems_passes_on_clean_facts() {
    assertThat(report).hasNoFactProblems();
  }

  @Test
  void hasNoFactProblems_fails_listing_every_problem() {
    assertThatThrownBy(() -> assertThat(withProblems).hasNoFactProblems())
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the report to have no fact problems but it has 2:",
            "  subject[6].type: subject 'm1' has type 'market', which no loaded pack declares; it is ignored",
            "  observation[9].indicator: subject type 'officer' has no indicator 'height'; the observation is ignored"));
  }

  @Test
  void ranking_of_all_subjects_passes() {
    assertThat(report).ranking("demo-conduct").hasRank("o4", 5);
  }

  @Test
  void ranking_of_all_subjects_fails_when_the_checklist_is_ranked_per_peer_group() {
    assertThatThrownBy(() -> assertThat(report).ranking("demo-grade"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the report to have a ranking on checklist \"demo-grade\" (all subjects)",
            "but its rankings are on:",
            "  checklist \"demo-conduct\" (all subjects) in pack assert-demo",
            "  checklist \"demo-grade\", peer group \"north\" in pack assert-demo",
            "  checklist \"demo-grade\", peer group \"south\" in pack assert-demo"));
  }

  @Test
  void ranking_of_a_peer_group_passes() {
    assertThat(report).ranking("demo-grade", "south").hasRank("o4", 1);
  }

  @Test
  void ranking_of_a_peer_group_fails_listing_the_rankings() {
    assertThatThrownBy(() -> assertThat(report).ranking("demo-grade", "east"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the report to have a ranking on checklist \"demo-grade\", peer group \"east\"",
            "but its rankings are on:",
            "  checklist \"demo-conduct\" (all subjects) in pack assert-demo",
            "  checklist \"demo-grade\", peer group \"north\" in pack assert-demo",
            "  checklist \"demo-grade\", peer group \"south\" in pack assert-demo"));
  }

  @Test
  void usedPack_passes() {
    assertThat(report).usedPack("assert-demo", "1.2.0");
  }

  @Test
  void usedPack_fails_listing_the_packs_used() {
    assertThatThrownBy(() -> assertThat(report).usedPack("assert-demo", "2.0.0"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the report to have used pack assert-demo 2.0.0",
            "but the packs used on 2025-06-30 were:",
            "  assert-demo 1.2.0 (in force)"));
  }
}
