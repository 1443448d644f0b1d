package vn.conduct.rules.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.internal.condition.ConditionLanguage.Aggregation;
import vn.conduct.rules.internal.condition.ConditionLanguage.Constants;
import vn.conduct.rules.internal.condition.ConditionLanguage.FieldTest;
import vn.conduct.rules.internal.condition.ConditionLanguage.Form;
import vn.conduct.rules.internal.condition.ConditionLanguage.Operator;
import vn.conduct.rules.internal.condition.ConditionLanguage.WindowKind;
import vn.conduct.rules.internal.facts.Values;
import vn.conduct.rules.internal.model.DataType;

class ConditionLanguageTests {

  private static final class Fact extends Values {
    Fact() {
      super(1);
    }
  }

  private static Fact number(BigDecimal value) {
    Fact fact = new Fact();
    if (value != null) {
      fact.present[0] = true;
      fact.num[0] = value.doubleValue();
      fact.dec[0] = value;
    }
    return fact;
  }

  @Test
  void keys_are_distinct_across_operators_functions_and_windows() {
    List<String> keys = new ArrayList<>(Operator.keys());
    keys.addAll(Aggregation.keys());
    Arrays.stream(WindowKind.values()).filter(k -> k.key != null).forEach(k -> keys.add(k.key));
    assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
  }

  @Test
  void facts_and_exact_numbers_are_read_alike_by_every_operator_on_numbers() {
    // GIVEN values around and at constants, some equal as doubles but not as decimals
    Random random = new Random(7);
    List<BigDecimal> pool = List.of(new BigDecimal("0.3"), new BigDecimal("0.30000000000000001"),
        new BigDecimal("9007199254740992"), new BigDecimal("9007199254740993"), new BigDecimal("-1"),
        BigDecimal.ZERO, new BigDecimal("80"), new BigDecimal("80.0"), new BigDecimal("79.99"));
    for (Operator op : Operator.values()) {
      if (!op.accepts(DataType.NUMBER) || op.form == Form.PRESENCE) {
        continue;
      }
      for (int round = 0; round < 200; round++) {
        List<BigDecimal> constants = new ArrayList<>();
        int count = op.form.arity() > 0 ? op.form.arity() : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
          constants.add(pool.get(random.nextInt(pool.size())));
        }
        if (op.form == Form.RANGE) {
          constants.sort(BigDecimal::compareTo);
        }
        BigDecimal value = pool.get(random.nextInt(pool.size()));
        List<Cond.Operand> operands = constants.stream().map(c -> Cond.Operand.of((Object) c)).toList();

        // WHEN the engine's reading of a fact and the exact reading of the test kit are asked
        int fact = new FieldTest(op, 0, Constants.of(operands, DataType.NUMBER)).eval(number(value));
        boolean exact = op.holds(value, constants);

        // THEN they agree
        assertThat(fact).as(op.key + " " + constants + " on " + value)
            .isEqualTo(exact ? ConditionLanguage.TRUE : ConditionLanguage.FALSE);
      }
      assertThat(new FieldTest(op, 0, Constants.of(List.of(Cond.Operand.of((Object) BigDecimal.ONE),
          Cond.Operand.of((Object) BigDecimal.TEN)).subList(0, Math.max(1, op.form.arity())), DataType.NUMBER))
          .eval(number(null))).as(op.key + " on a missing value").isEqualTo(ConditionLanguage.UNKNOWN);
    }
  }

  @Test
  void presence_decides_missing_values() {
    assertThat(new FieldTest(Operator.EXISTS, 0, Constants.of(List.of(), DataType.NUMBER)).eval(number(null)))
        .isEqualTo(ConditionLanguage.FALSE);
    assertThat(new FieldTest(Operator.MISSING, 0, Constants.of(List.of(), DataType.NUMBER)).eval(number(null)))
        .isEqualTo(ConditionLanguage.TRUE);
    assertThat(new FieldTest(Operator.MISSING, 0, Constants.of(List.of(), DataType.NUMBER)).eval(number(BigDecimal.ONE)))
        .isEqualTo(ConditionLanguage.FALSE);
  }

  @Test
  void windows_and_wording_are_in_words() {
    assertThat(WindowKind.LOOK_BACK.words(Language.EN, java.time.Period.parse("P12M"))).isEqualTo("in the last 12 months");
    assertThat(WindowKind.LOOK_BACK.words(Language.VI, java.time.Period.parse("P12M"))).isEqualTo("trong 12 tháng");
    assertThat(WindowKind.LOOK_BACK.words(Language.EN, java.time.Period.parse("P1M"))).isEqualTo("in the last month");
    assertThat(WindowKind.LOOK_BACK.words(Language.EN, java.time.Period.parse("P1Y6M3D")))
        .isEqualTo("in the last 1 year, 6 months and 3 days");
    assertThat(WindowKind.LOOK_BACK.words(Language.VI, java.time.Period.parse("P2W"))).isEqualTo("trong 14 ngày");
    assertThat(WindowKind.PERIOD.words(Language.VI, null)).isEqualTo("trong kỳ");
    assertThat(Operator.NOT_IN.words(Language.EN, List.of("a", "{0}"))).isEqualTo("none of [a, {0}]");
    assertThat(Operator.BETWEEN.words(Language.VI, List.of("{1}", "b"))).isEqualTo("từ {1} đến b");
  }

  @Test
  void numbers_are_read_exactly_within_bounds() {
    assertThat(ConditionLanguage.readNumber("0.30000000000000001")).isEqualByComparingTo("0.30000000000000001");
    assertThat(ConditionLanguage.readNumber("1e999999999")).isNull();
    assertThat(ConditionLanguage.readNumber("1e-400")).isNull();
    assertThat(ConditionLanguage.readNumber("0e-400")).isEqualByComparingTo("0");
    assertThat(ConditionLanguage.readNumber("1".repeat(101))).isNull();
    assertThat(ConditionLanguage.show(new BigDecimal("1E-999999999"), java.util.Map.of(), Language.EN))
        .isEqualTo("1E-999999999");
    assertThat(ConditionLanguage.show(new BigDecimal("8E+1"), java.util.Map.of(), Language.EN)).isEqualTo("80");
    assertThat(Aggregation.add(BigDecimal.ONE, new BigDecimal("1E-999999999")).precision()).isLessThanOrEqualTo(100);
  }
}
