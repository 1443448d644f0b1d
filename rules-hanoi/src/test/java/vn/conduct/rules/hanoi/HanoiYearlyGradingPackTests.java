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
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.testkit.PackTests;

/**
 * The versions of pack hanoi-yearly: 1.1.0 (format 2, NĐ 90/2020, years up to 2025) and 2.1.0 (format 2,
 * NĐ 335/2025, years from 2026), and the pinned-only format 1 versions 1.0.0 and 2.0.0 kept in
 * {@code rulepacks/frozen}. Each current version's fixtures run with the other version loaded too, so the
 * period judged of every fixture has to pick the right version.
 */
class HanoiYearlyGradingPackTests {

  private static final Path ND90 = Path.of("src/main/resources/rulepacks/hanoi-yearly-nd90");
  private static final Path ND335 = Path.of("src/main/resources/rulepacks/hanoi-yearly-nd335");
  private static final Path ND90_1_0 = Path.of("src/main/resources/rulepacks/frozen/hanoi-yearly-1.0.0");
  private static final Path ND335_2_0 = Path.of("src/main/resources/rulepacks/frozen/hanoi-yearly-2.0.0");

  private static final RulesEngine ALL = RulesEngine.builder()
      .addPack(ND90).addPack(ND335).addPack(ND90_1_0).addPack(ND335_2_0).build();

  @TestFactory
  Stream<DynamicNode> nd90() {
    return PackTests.forPack(ND90).withPack(ND335).requireBandCoverage(100).dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> nd335() {
    return PackTests.forPack(ND335).withPack(ND90).requireBandCoverage(100).dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> nd90FrozenFormat1() {
    return PackTests.forPack(ND90_1_0).withPack(ND335_2_0).requireBandCoverage(100).dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> nd335FrozenFormat1() {
    return PackTests.forPack(ND335_2_0).withPack(ND90_1_0).requireBandCoverage(100).dynamicTests();
  }

  @Test
  void a_2025_grading_decided_in_january_2026_is_graded_under_nd90_without_a_pin() {
    Report report = ALL.evaluate(officers(EvaluationRequest.builder(Period.year(2025))
        .decidedOn(LocalDate.of(2026, 1, 15))).build());

    assertThat(report.provenance().packs()).singleElement().satisfies(use -> {
      assertThat(use.packId()).isEqualTo("hanoi-yearly");
      assertThat(use.version()).isEqualTo("1.1.0");
      assertThat(use.pinned()).isFalse();
      assertThat(use.choice()).isEqualTo(PackUse.Choice.IN_FORCE_AT_PERIOD_END);
      assertThat(use.referenceDate()).isEqualTo(LocalDate.of(2025, 12, 31));
    });
    assertThat(report.subject("cb-1").orElseThrow().finding("nd90.good").orElseThrow().outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(report.subject("cb-1").orElseThrow().findings()).extracting(f -> f.ruleId())
        .noneMatch(id -> id.startsWith("nd335."));
  }

  @Test
  void the_2026_grading_is_graded_under_nd335() {
    Report report = ALL.evaluate(officers(EvaluationRequest.builder(Period.year(2026))
        .decidedOn(LocalDate.of(2027, 1, 15))).build());

    assertThat(report.provenance().packs()).singleElement().satisfies(use -> {
      assertThat(use.version()).isEqualTo("2.1.0");
      assertThat(use.referenceDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    });
    ChecklistScore score = report.subject("cb-1").orElseThrow().score("yearly-classification").orElseThrow();
    assertThat(score.rated()).isTrue();
    assertThat(score.score()).isEqualByComparingTo(new BigDecimal("85"));
    assertThat(score.rating()).isEqualTo("tot");
  }

  @Test
  void a_yearly_grading_given_only_a_december_date_counts_a_march_reprimand() {
    Report report = ALL.evaluate(officers(EvaluationRequest.builder(LocalDate.of(2025, 12, 31)))
        .event(Event.verified("cb-1", "disciplined", LocalDate.of(2025, 3, 20)))
        .build());

    PackUse use = report.provenance().packs().get(0);
    assertThat(use.version()).isEqualTo("1.1.0");
    assertThat(use.period()).isEqualTo(Period.year(2025));
    assertThat(report.subject("cb-1").orElseThrow().finding("nd90.no-discipline").orElseThrow().outcome())
        .isEqualTo(Outcome.FAIL);
    assertThat(report.subject("cb-1").orElseThrow().score("yearly-classification").orElseThrow().rating())
        .isEqualTo("khong-hoan-thanh");
  }

  @Test
  void a_host_may_still_pin_the_format_1_version() {
    Report report = ALL.evaluate(officers(EvaluationRequest.builder(LocalDate.of(2025, 12, 31))
        .period(Period.year(2025)).pin("hanoi-yearly", "1.0.0")).build());

    assertThat(report.provenance().packs()).singleElement().satisfies(use -> {
      assertThat(use.version()).isEqualTo("1.0.0");
      assertThat(use.choice()).isEqualTo(PackUse.Choice.PINNED);
    });
  }

  private static EvaluationRequest.Builder officers(EvaluationRequest.Builder request) {
    return request
        .subject(new Subject("so-noi-vu", "agency", "Sở Nội vụ", null, Map.of()))
        .subject(new Subject("cb-1", "officer", "Lan", "so-noi-vu", Map.of("position", "staff")))
        // NĐ 90 facts (2025)
        .observation(Observation.of("cb-1", "deficient-task-share", 0))
        .observation(Observation.of("cb-1", "exceeded-task-share", 40))
        .observation(Observation.of("cb-1", "general-criteria-good", true))
        // NĐ 335 facts (2026)
        .observation(Observation.of("cb-1", "general-criteria-points", 25))
        .observation(Observation.of("cb-1", "task-result-points", 60));
  }
}
