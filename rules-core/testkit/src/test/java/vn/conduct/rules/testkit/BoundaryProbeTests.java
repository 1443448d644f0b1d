package vn.conduct.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.RuleInfo;

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
  void refuses_what_is_not_a_threshold() {
    assertThatThrownBy(() -> BoundaryProbe.values(threshold("in", "1", "2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a numeric comparison: in");
  }
}
