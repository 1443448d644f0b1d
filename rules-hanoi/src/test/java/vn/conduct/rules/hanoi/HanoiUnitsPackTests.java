package vn.conduct.rules.hanoi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.testkit.PackTests;

/**
 * Fixtures, probes and coverage of pack {@code hanoi-units}: version 1.2.0 (format 2, years judged until
 * 30 June 2025, department and district blocks) and version 2.2.0 (format 2, from 1 July 2025, department
 * and commune/ward blocks), the frozen versions 1.1.0 and 2.1.0 (with the Tây Hồ plan's rules) and 1.0.0 and
 * 2.0.0 (format 1) kept for hosts that pin them, and the overlay hanoi-tayho-2020-units.
 */
class HanoiUnitsPackTests {

  private static final Path V1 = Path.of("src/main/resources/rulepacks/hanoi-units/v1");
  private static final Path V2 = Path.of("src/main/resources/rulepacks/hanoi-units/v2");
  private static final Path V1_FROZEN = Path.of("src/main/resources/rulepacks/frozen/hanoi-units-1.0.0");
  private static final Path V1_1_FROZEN = Path.of("src/main/resources/rulepacks/frozen/hanoi-units-1.1.0");
  private static final Path V2_1_FROZEN = Path.of("src/main/resources/rulepacks/frozen/hanoi-units-2.1.0");
  private static final Path TAYHO = Path.of("src/main/resources/rulepacks/hanoi-tayho-2020-units");
  private static final Path V2_FROZEN = Path.of("src/main/resources/rulepacks/frozen/hanoi-units-2.0.0");

  @TestFactory
  Stream<DynamicNode> untilJune2025() {
    return PackTests.forPack(V1).requireBandCoverage(100).dynamicTests();
  }

  /** Version 2.2.0, with 1.2.0 also loaded so that the fixtures in tests/versions show the switch on 1 July 2025. */
  @TestFactory
  Stream<DynamicNode> fromJuly2025() {
    return PackTests.forPack(V2).withPack(V1).requireBandCoverage(100).dynamicTests();
  }

  /** Versions 1.1.0 and 2.1.0, which still held the Tây Hồ plan's rules, kept for hosts that pin them. */
  @TestFactory
  Stream<DynamicNode> frozenUntilJune2025WithTheTayHoRules() {
    return PackTests.forPack(V1_1_FROZEN).requireBandCoverage(100).dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> frozenFromJuly2025WithTheTayHoRules() {
    return PackTests.forPack(V2_1_FROZEN).withPack(V1_1_FROZEN).requireBandCoverage(100).dynamicTests();
  }

  /**
   * The overlay hanoi-tayho-2020-units over 1.2.0, named in its fixtures by the kit. The base's rules are covered
   * by the base's fixtures; the overlay's own rule has its pass, fail and not-applicable fixtures.
   */
  @TestFactory
  Stream<DynamicNode> tayHoOverlay() {
    return PackTests.forPack(TAYHO).withPack(V1).dynamicTests();
  }

  @Test
  void the_tay_ho_overlay_adds_one_rule_and_every_one_of_its_rules_has_fixtures() {
    PackTests kit = PackTests.forPack(TAYHO).withPack(V1);

    assertThat(kit.rules()).extracting(r -> r.ruleId()).filteredOn(id -> id.startsWith("tayho2020."))
        .containsExactly("tayho2020.periodic-rounds");
    assertThat(kit.rules()).extracting(r -> r.ruleId())
        .doesNotContain("hnunits.periodic-rounds", "hnunits.commitment-all-staff");
    assertThat(kit.untestedRules()).extracting(vn.conduct.rules.api.ValidationIssue::message)
        .noneMatch(message -> message.contains("tayho2020."));
  }

  @TestFactory
  Stream<DynamicNode> frozenFormat1UntilJune2025() {
    return PackTests.forPack(V1_FROZEN).requireBandCoverage(100).dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> frozenFormat1FromJuly2025() {
    return PackTests.forPack(V2_FROZEN).withPack(V1_FROZEN).requireBandCoverage(100).dynamicTests();
  }

  @Test
  void an_out_of_range_par_survey_leaves_the_unit_not_rated_and_unranked_with_the_fact_problem_named() {
    RulesEngine engine = RulesEngine.builder().addPack(V1).addPack(V2).build();
    Report report = engine.evaluate(EvaluationRequest.builder(Period.year(2025))
        .decidedOn(LocalDate.of(2026, 3, 1))
        .subject(new Subject("so-a", "agency", "Sở A", null, Map.of("block", "department")))
        .subject(new Subject("so-b", "agency", "Sở B", null, Map.of("block", "department")))
        .observation(Observation.of("so-a", "par-survey-conducted", true))
        .observation(Observation.of("so-a", "par-appraisal-points", 60))
        .observation(Observation.of("so-a", "par-survey-points", 25))
        .observation(Observation.of("so-b", "par-survey-conducted", true))
        .observation(Observation.of("so-b", "par-appraisal-points", 65))
        .observation(Observation.of("so-b", "par-survey-points", 35))
        .build());

    assertThat(report.provenance().packs()).singleElement()
        .satisfies(use -> assertThat(use.version()).isEqualTo("2.2.0"));
    ChecklistScore a = report.subject("so-a").orElseThrow().score("hnunits-par").orElseThrow();
    assertThat(a.rated()).isTrue();
    assertThat(a.score()).as("points are points: 60 + 25 is exactly 85").isEqualByComparingTo(new BigDecimal("85"));
    ChecklistScore b = report.subject("so-b").orElseThrow().score("hnunits-par").orElseThrow();
    assertThat(b.rated()).isFalse();
    assertThat(b.rating()).isNull();
    Ranking par = report.rankings().stream().filter(r -> r.checklistId().equals("hnunits-par")).findFirst().orElseThrow();
    assertThat(par.entries()).extracting(Ranking.Entry::subjectId).containsExactly("so-a");
    assertThat(par.unranked()).containsExactly("so-b");
    assertThat(report.factProblems()).anySatisfy(problem ->
        assertThat(problem.toString()).contains("par-survey-points").contains("35"));
  }
}
