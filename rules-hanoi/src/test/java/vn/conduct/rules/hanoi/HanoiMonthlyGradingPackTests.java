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
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.testkit.PackTests;

/**
 * The hanoi-3814 pack (monthly grading per QĐ 3814-QĐ/TU): its fixtures, probes and coverage, for the
 * format 2 version 1.1.0 and the frozen format 1 version 1.0.0 kept for hosts that pin it; and the
 * checklist parameters a district may set.
 */
class HanoiMonthlyGradingPackTests {

  private static final Path PACK = Path.of("src/main/resources/rulepacks/hanoi-3814");

  @TestFactory
  Stream<DynamicNode> pack() {
    return PackTests.forPack(PACK)
        .requireBandCoverage(100)
        .dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> frozenWithoutAuthorities() {
    return PackTests.forPack(Path.of("src/main/resources/rulepacks/frozen/hanoi-3814-1.1.0"))
        .requireBandCoverage(100)
        .dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> frozenFormat1() {
    return PackTests.forPack(Path.of("src/main/resources/rulepacks/frozen/hanoi-3814-1.0.0"))
        .requireBandCoverage(100)
        .dynamicTests();
  }

  @Test
  void an_officer_never_inspected_is_not_graded_unless_a_district_lowers_min_evidence() {
    ChecklistScore byDefault = notInspected(RulesEngine.builder().addPack(PACK).build());
    assertThat(byDefault.rated()).as("min-evidence-percent 100: missing evidence is not graded").isFalse();

    ChecklistScore lowered = notInspected(RulesEngine.builder().addPack(PACK)
        .parameter("hanoi-3814", "min-evidence-percent", 80).build());
    assertThat(lowered.rated()).as("a district that grades without inspections, knowingly").isTrue();
    // 6 (I.1) + 9 of the 14 conduct points (badge/tidiness 2 and office culture 3 not decided) + 16 + 40
    assertThat(lowered.score()).isEqualByComparingTo(new BigDecimal("71"));
  }

  @Test
  void a_district_may_set_the_part_ii_deduction_and_the_grade_a_share() {
    RulesEngine engine = RulesEngine.builder().addPack(PACK)
        .parameter("hanoi-3814", "part-ii-deduction-points", 2)
        .parameter("hanoi-3814", "a-max-percent", 100)
        .build();
    EvaluationRequest.Builder request = observed(EvaluationRequest.builder(LocalDate.of(2025, 6, 30)), "cb-1", 100);
    request.event(vn.conduct.rules.api.Event.verified("cb-1", "report-late", LocalDate.of(2025, 6, 10)));

    ChecklistScore score = engine.evaluate(request.build()).subject("cb-1").orElseThrow()
        .score("hn3814-monthly").orElseThrow();

    // 20 + 20 + 50 = 90, less 2 for one late report = 88: B; alone in the unit, 100 % may hold A
    assertThat(score.score()).isEqualByComparingTo(new BigDecimal("88"));
    assertThat(score.rating()).isEqualTo("B");
  }

  private static ChecklistScore notInspected(RulesEngine engine) {
    EvaluationRequest.Builder request = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(new Subject("ubnd", "agency", "UBND", null, Map.of("exceptional", false)))
        .subject(new Subject("cb-1", "officer", "An", "ubnd", Map.of()));
    for (String indicator : new String[] {"exemplary-compliance", "diligent-manner", "internal-unity"}) {
      request.observation(Observation.of("cb-1", indicator, true));
    }
    request.observation(Observation.of("cb-1", "capability-points", 16))
        .observation(Observation.of("cb-1", "task-completion", 80));
    return engine.evaluate(request.build()).subject("cb-1").orElseThrow().score("hn3814-monthly").orElseThrow();
  }

  private static EvaluationRequest.Builder observed(EvaluationRequest.Builder request, String officer, int task) {
    request.subject(new Subject("ubnd", "agency", "UBND", null, Map.of("exceptional", false)))
        .subject(new Subject(officer, "officer", "An", "ubnd", Map.of()));
    for (String indicator : new String[] {"exemplary-compliance", "diligent-manner", "internal-unity",
        "badge-worn", "workplace-tidy", "dress-compliant"}) {
      request.observation(Observation.of(officer, indicator, true));
    }
    return request.observation(Observation.of(officer, "capability-points", 20))
        .observation(Observation.of(officer, "task-completion", task));
  }
}
