package vn.conduct.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.testing.PackBuilder;

/** Dates of the evaluation, days between two dates, and the least or greatest date (format 2). */
class TimeOperandsTests {

  private static final Period JUNE = Period.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));

  @TempDir
  Path dir;

  private static PackBuilder format2(String id) {
    return PackBuilder.format2(id, "1.0.0");
  }

  private static Outcome outcome(Report report, String subject, String rule) {
    return report.subject(subject).orElseThrow().finding(rule).orElseThrow().outcome();
  }

  @Test
  void should_agree_with_the_plain_reading_on_every_time_operand() {
    // GIVEN rules reading the dates of the evaluation, days between dates and the latest date
    RulesEngine engine = RulesEngine.builder().addPack(format2("times")
        .rule("r.born-before", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {attribute: born, lt: {date: period-start}}\n")
        .rule("r.age", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {days-between: [{attribute: born}, {date: reference}], between: [10000, {param: target}]}\n")
        .rule("r.decided", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {any: [{date: decision, ge: {date: period-end}}, {indicator: n, ge: 50}]}\n")
        .rule("r.share-young", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {share: {members: officer, where: {days-between: [{attribute: born}, {date: period-end}],"
            + " le: 12000}}, ge: 50}\n")
        .rule("r.youngest", "applies-to: [agency]\nkind: prohibition\n"
            + "condition: {max: {members: officer, of: {attribute: born}}, gt: 1990-01-01}\n")
        .rule("r.oldest", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {min: {members: officer, of: {attribute: born}}, le: {date: period-end}}\n")
        .writeTo(dir)).build();
    Random random = new Random(7);
    EvaluationRequest.Builder request = EvaluationRequest.builder(JUNE).decidedOn(LocalDate.of(2025, 6, 20));
    for (int a = 0; a < 30; a++) {
      String agency = "a" + a;
      request.subject(Subject.of(agency, "agency"));
      for (int o = random.nextInt(4); o > 0; o--) {
        String id = agency + "-o" + o;
        Subject officer = Subject.of(id, "officer").withParent(agency);
        if (random.nextInt(4) > 0) {
          officer = officer.withAttribute("born", LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1));
        }
        request.subject(officer);
        if (random.nextBoolean()) {
          request.observation(Observation.of(id, "n", random.nextInt(100)));
        }
      }
    }
    EvaluationRequest built = request.build();

    // WHEN
    List<String> mismatches = ((DefaultRulesEngine) engine).crossCheck(built);
    Report report = engine.evaluate(built);

    // THEN the compiled rules and the plain reading agree, and every outcome occurs
    assertThat(mismatches).isEmpty();
    assertThat(report.subjects().stream().flatMap(s -> s.findings().stream()).map(f -> f.outcome()).distinct())
        .contains(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN);
  }

  @Test
  void should_count_days_from_the_first_date_to_the_second_and_word_them_in_both_languages() {
    // GIVEN
    RulesEngine engine = RulesEngine.builder().addPack(format2("days")
        .rule("r.age", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {days-between: [{attribute: born}, {date: reference}], ge: 30}\n")
        .writeTo(dir)).build();

    // WHEN R is the decision date 2025-06-20, before the period's end
    Report report = engine.evaluate(EvaluationRequest.builder(JUNE).decidedOn(LocalDate.of(2025, 6, 20))
        .subject(Subject.of("young", "officer").withAttribute("born", LocalDate.of(2025, 5, 22)))
        .subject(Subject.of("old", "officer").withAttribute("born", LocalDate.of(2025, 5, 21)))
        .subject(Subject.of("unborn", "officer"))
        .build());

    // THEN 29 days, 30 days, and a missing date
    assertThat(outcome(report, "young", "r.age")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "old", "r.age")).isEqualTo(Outcome.PASS);
    assertThat(outcome(report, "unborn", "r.age")).isEqualTo(Outcome.UNKNOWN);
    var reason = report.subject("young").orElseThrow().finding("r.age").orElseThrow().reason();
    assertThat(reason.in(Language.EN)).startsWith(
        "Not met: days from attribute 'born' to the reference date = 29 (required ≥ 30)");
    assertThat(reason.in(Language.VI)).startsWith(
        "Không đạt: số ngày từ thuộc tính 'born' đến ngày tham chiếu = 29 (yêu cầu ≥ 30)");
  }

  @Test
  void should_show_the_greatest_date_and_the_date_of_the_evaluation_it_is_compared_with() {
    // GIVEN
    RulesEngine engine = RulesEngine.builder().addPack(format2("latest")
        .rule("r.latest", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {max: {members: officer, of: {attribute: born}}, le: {date: period-end}}\n")
        .writeTo(dir)).build();

    // WHEN
    Report report = engine.evaluate(EvaluationRequest.builder(JUNE)
        .subject(Subject.of("a", "agency"))
        .subject(Subject.of("o1", "officer").withParent("a").withAttribute("born", LocalDate.of(2025, 7, 1)))
        .subject(Subject.of("o2", "officer").withParent("a").withAttribute("born", LocalDate.of(1990, 1, 1)))
        .build());

    // THEN
    assertThat(outcome(report, "a", "r.latest")).isEqualTo(Outcome.FAIL);
    assertThat(report.subject("a").orElseThrow().finding("r.latest").orElseThrow().reason().in(Language.EN))
        .contains("= 2025-07-01", "≤ the last day of the period (2025-06-30)");
  }

  @Test
  void should_refuse_time_operands_in_a_format_1_pack_at_the_operand() {
    // GIVEN a format 1 pack
    Path pack = PackBuilder.pack("old", "1.0.0")
        .rule("r.age", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {days-between: [{attribute: born}, {date: reference}], ge: 30}\n")
        .rule("r.latest", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {max: {members: officer, of: {attribute: born}}, le: 2025-01-01}\n")
        .writeTo(dir);

    // WHEN
    InvalidRulePackException e = catchThrowableOfType(InvalidRulePackException.class,
        () -> RulesEngine.builder().addPack(pack).build());

    // THEN
    assertThat(e.issues()).extracting(i -> i.file() + ":" + i.path() + ": " + i.code() + ": " + i.message())
        .containsExactlyInAnyOrder(
            "rules/r.age/rule.yaml:condition.days-between: pack.format-feature: days between two dates"
                + " ('days-between') needs format 2, but pack.yaml says format: 1",
            "rules/r.latest/rule.yaml:condition.max.of.attribute: pack.format-feature: the least or greatest date"
                + " ('attribute') needs format 2, but pack.yaml says format: 1");
  }

  @Test
  void should_refuse_a_sum_of_dates_and_a_date_compared_with_a_number() {
    // GIVEN
    Path pack = format2("bad")
        .rule("r.sum", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {sum: {members: officer, of: {attribute: born}}, ge: 1}\n")
        .rule("r.days", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {days-between: [{attribute: born}, {indicator: n}], ge: 1}\n")
        .rule("r.list", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {date: decision, between: [{date: someday}, 2025-01-01]}\n")
        .writeTo(dir);

    // WHEN
    InvalidRulePackException e = catchThrowableOfType(InvalidRulePackException.class,
        () -> RulesEngine.builder().addPack(pack).build());

    // THEN
    assertThat(e.issues()).extracting(i -> i.path() + ": " + i.code() + ": " + i.message())
        .containsExactlyInAnyOrder(
            "condition.sum.of.attribute: type.mismatch: 'sum' needs a number, but attribute 'born' is a date",
            "condition.days-between[1].indicator: type.mismatch: 'days-between' counts days between dates, but"
                + " indicator 'n' is a number",
            "condition.between[0].date: condition.syntax: unknown date of the evaluation 'someday'");
  }
}
