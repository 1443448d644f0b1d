package vn.conduct.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;

class BoundaryProbeTests {

  private static RuleInfo.Threshold threshold(String operator, String... values) {
    return RuleInfo.Threshold.of("indicator", "score", operator,
        java.util.Arrays.stream(values).map(BigDecimal::new).toList(), true);
  }

  private static List<String> plain(List<BigDecimal> values) {
    return values.stream().map(BigDecimal::toPlainString).toList();
  }

  @Test
  void probes_each_constant_and_a_little_and_a_unit_on_either_side() {
    assertThat(plain(BoundaryProbe.values(threshold("ge", "80"))))
        .containsExactly("79", "79.99", "80", "80.01", "81");
    assertThat(plain(BoundaryProbe.values(threshold("not-between", "70", "80"))))
        .containsExactly("69", "69.99", "70", "70.01", "71", "79", "79.99", "80", "80.01", "81");
  }

  @Test
  void says_where_a_comparison_holds_exactly_as_the_engine_reads_it() {
    RuleInfo.Threshold ge = threshold("ge", "80");
    assertThat(BoundaryProbe.holds(ge, new BigDecimal("79.99"))).isFalse();
    assertThat(BoundaryProbe.holds(ge, new BigDecimal("80.0"))).isTrue();
    RuleInfo.Threshold outside = threshold("not-between", "70", "80");
    assertThat(List.of("69.99", "70", "75", "80", "80.01").stream()
        .map(v -> BoundaryProbe.holds(outside, new BigDecimal(v)))).containsExactly(true, false, false, false, true);
    assertThat(BoundaryProbe.holds(threshold("eq", "0.3"), new BigDecimal("0.30000000000000001"))).isFalse();
  }

  @Test
  void leaves_out_the_values_the_pack_refuses_as_outside_the_indicators_range(@TempDir Path dir) throws Exception {
    // GIVEN a format 2 pack whose percentage takes 0 to 100, and a rule that it reaches 100
    Files.writeString(dir.resolve("pack.yaml"), """
        format: 2
        id: ranged
        version: 1.0.0
        title: {vi: Gói thử, en: Test pack}
        engine: ">=0.1.0 <1.0.0"
        sources:
          src: {number: "1/QĐ-TEST", title: {vi: Văn bản thử, en: Test document}}
        vocabulary:
          subject-types:
            officer:
              indicators:
                share: {type: number, unit: percent, range: {min: 0, max: 100}}
        """);
    Files.createDirectories(dir.resolve("rules/r.all"));
    Files.writeString(dir.resolve("rules/r.all/rule.yaml"), """
        id: r.all
        title: {vi: Đủ cả, en: All of them}
        source: {document: src, basis: read}
        applies-to: [officer]
        kind: requirement
        severity: minor
        condition: {indicator: share, ge: 100}
        """);
    RulesEngine engine = RulesEngine.builder().addPack(dir).build();
    RuleInfo rule = engine.rules().get(0);
    EvaluationRequest template = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("o1", "officer")).observation(Observation.of("o1", "share", 100)).build();

    // WHEN its threshold is probed
    List<BoundaryProbe.Probe> probes = BoundaryProbe.probe(engine, rule, rule.thresholds().get(0), template, "o1");

    // THEN 100.01 and 101 are not tried (they are invalid facts, not values above the boundary)
    assertThat(probes).extracting(probe -> probe.value().toPlainString()).containsExactly("99", "99.99", "100");
    assertThat(probes).allMatch(BoundaryProbe.Probe::agrees);
  }

  @Test
  void refuses_what_is_not_a_threshold() {
    assertThatThrownBy(() -> BoundaryProbe.values(threshold("in", "1", "2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a numeric comparison: in");
  }
}
