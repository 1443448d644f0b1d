package vn.conduct.rules.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.internal.condition.ConditionLanguage.Aggregation;
import vn.conduct.rules.internal.condition.ConditionLanguage.Operator;
import vn.conduct.rules.internal.condition.ConditionLanguage.Reach;
import vn.conduct.rules.internal.condition.ConditionLanguage.TimePoint;
import vn.conduct.rules.internal.condition.ConditionLanguage.WindowKind;
import vn.conduct.rules.internal.model.DataType;

class ConditionWordsTests {

  private static final Cond.Field POSITION = new Cond.Field(Cond.Scope.ATTRIBUTE, "position", DataType.STRING);
  private static final Cond.Field SCORE = new Cond.Field(Cond.Scope.INDICATOR, "score", DataType.NUMBER);
  private static final Cond.Field JOINED = new Cond.Field(Cond.Scope.ATTRIBUTE, "joined-on", DataType.DATE);

  @Test
  void should_word_a_share_of_members_with_its_condition_and_a_parameter_by_name_and_value() {
    // GIVEN "share of members of type officer with score ≥ 70 is at least {param: good-share}"
    Cond share = new Cond.Aggregate(Aggregation.SHARE, Cond.Over.MEMBERS, Reach.MEMBERS, Set.of(), "officer", false,
        Cond.Window.PERIOD, new Cond.Compare(SCORE, Operator.GE, List.of(Cond.Operand.of(new BigDecimal("70")))), null,
        Operator.GE, List.of(Cond.Operand.param("good-share")));

    LocalizedText words = ConditionWords.of(share, Map.of("good-share", new BigDecimal("70.0")));

    assertThat(words.in(Language.EN)).isEqualTo("share of members of type 'officer' meeting the condition"
        + " (indicator 'score' ≥ 70) ≥ 70 (parameter 'good-share')");
    assertThat(words.in(Language.VI)).isEqualTo("tỷ lệ thành viên loại 'officer' đáp ứng điều kiện"
        + " (chỉ số 'score' ≥ 70) ≥ 70 (tham số 'good-share')");
  }

  @Test
  void should_bracket_nested_logic_and_word_windows_dates_lists_and_presence() {
    Cond late = new Cond.Aggregate(Aggregation.COUNT, Cond.Over.EVENTS, Reach.SELF, Set.of("late-arrival"), null, true,
        new Cond.Window(WindowKind.LOOK_BACK, Period.ofMonths(12)), null, null, Operator.GE,
        List.of(Cond.Operand.of(2L)));
    Cond served = new Cond.Measure(new Cond.DaysBetween(JOINED, new Cond.DateOf(TimePoint.PERIOD_END)), Operator.GE,
        List.of(Cond.Operand.of(30L)));
    Cond cond = new Cond.All(List.of(
        new Cond.Any(List.of(new Cond.Compare(POSITION, Operator.IN,
            List.of(Cond.Operand.of("leader"), Cond.Operand.of("deputy"))), served)),
        new Cond.Not(late),
        new Cond.Compare(SCORE, Operator.EXISTS, List.of())));

    assertThat(ConditionWords.of(cond, Map.of(), Language.EN)).isEqualTo(
        "(attribute 'position' one of [leader, deputy] or days from attribute 'joined-on' to the last day of the"
            + " period ≥ 30) and not (number of verified events [late-arrival] in the last 12 months ≥ 2)"
            + " and indicator 'score' has a value");
    assertThat(ConditionWords.of(cond, Map.of(), Language.VI)).isEqualTo(
        "(thuộc tính 'position' thuộc [leader, deputy] hoặc số ngày từ thuộc tính 'joined-on' đến ngày cuối kỳ ≥ 30)"
            + " và không (số sự kiện [late-arrival] đã xác minh trong 12 tháng ≥ 2) và chỉ số 'score' có giá trị");
    assertThat(ConditionWords.of(null, Map.of())).isEqualTo(LocalizedText.EMPTY);
  }

  @Test
  void should_word_a_window_given_by_a_parameter_by_its_value() {
    Cond count = new Cond.Aggregate(Aggregation.COUNT, Cond.Over.EVENTS, Reach.SELF, Set.of("late"), null, false,
        new Cond.Window(WindowKind.LOOK_BACK, Period.ofMonths(12), "repeat-window"), null, null, Operator.GE,
        List.of(Cond.Operand.of(3L)));

    assertThat(ConditionWords.of(count, Map.of("repeat-window", "P6M"), Language.EN))
        .isEqualTo("number of events [late] in the last 6 months (parameter 'repeat-window') ≥ 3");
  }
}
