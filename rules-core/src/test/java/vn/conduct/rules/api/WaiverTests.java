package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaiverTests {

  private static Waiver.Builder june() {
    return Waiver.builder("w-1", "p").rule("r")
        .justification(LocalizedText.of("lý do", "reason"))
        .approver(Waiver.Approver.named("An", "head-of-unit"))
        .risk(Waiver.Risk.LOW)
        .dates(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
  }

  @Test
  void its_dates_cover_a_period_only_when_the_period_lies_entirely_within_them() {
    Waiver waiver = june().build();

    assertThat(waiver.coverageOf(Period.month(2025, 6))).isEqualTo(Waiver.Coverage.COVERS);
    assertThat(waiver.coverageOf(Period.of(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 20))))
        .isEqualTo(Waiver.Coverage.COVERS);
    assertThat(waiver.coverageOf(Period.month(2025, 5))).isEqualTo(Waiver.Coverage.NOT_STARTED);
    assertThat(waiver.coverageOf(Period.month(2025, 7))).isEqualTo(Waiver.Coverage.EXPIRED);
    assertThat(waiver.coverageOf(Period.year(2025))).isEqualTo(Waiver.Coverage.PARTIAL);
    assertThat(waiver.coverageOf(Period.of(LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 30))))
        .as("one day before the start").isEqualTo(Waiver.Coverage.PARTIAL);
  }

  @Test
  void every_selector_given_must_match_and_units_select_their_whole_tree() {
    Waiver waiver = june().units(List.of("u1")).subjectTypes(List.of("officer")).attribute("grade", 3).build();
    Subject officer = new Subject("m1", "officer", null, "u2", Map.of("grade", new BigDecimal("3.00")));

    assertThat(waiver.selects(officer, List.of("u2", "u1"))).isTrue();
    assertThat(waiver.selects(officer, List.of("u2"))).as("not below u1").isFalse();
    assertThat(waiver.selects(new Subject("m1", "agency", null, "u2", Map.of("grade", 3)), List.of("u2", "u1")))
        .as("another type").isFalse();
    assertThat(waiver.selects(officer.withAttribute("grade", 4), List.of("u2", "u1"))).as("another value").isFalse();
    assertThat(june().build().selects(officer, List.of())).as("no selector: every subject").isTrue();
    assertThat(june().build().selectsEverySubject()).isTrue();
  }

  @Test
  void the_builder_refuses_a_waiver_it_cannot_govern() {
    assertThatThrownBy(() -> Waiver.builder("w-1", "p").build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("waiver 'w-1' lacks justification, approver, risk, dates");
    assertThatThrownBy(() -> june().checklist("c").build()).hasMessageContaining("names both rule 'r' and checklist 'c'");
    assertThatThrownBy(() -> june().dates(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 1)).build())
        .hasMessage("waiver 'w-1' expires on 2025-06-01, before it starts on 2025-06-30");
    assertThatThrownBy(() -> Waiver.Approver.of(null, " ", "head")).hasMessage("an approver needs a name or an id");
    assertThatThrownBy(() -> Waiver.Approver.named("An", "")).hasMessage("approver An needs a role");
  }

  @Test
  void a_finding_carries_a_waiver_only_when_it_failed_or_is_unknown_and_keeps_its_outcome() {
    RuleRef rule = RuleRef.of("p", "1.0.0", "r", LocalizedText.of("r"), RuleKind.CRITERION, Severity.MINOR,
        Citation.of("src", "1/2025", null, null, Basis.READ, null), List.of());
    Waiver waiver = june().build();
    Finding fail = new Finding(rule, Outcome.FAIL, LocalizedText.of("x"));

    Finding waived = fail.withWaiver(waiver);

    assertThat(waived.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(waived.waiver()).hasValue(waiver);
    assertThat(waived.reason()).isEqualTo(fail.reason());
    assertThat(waived).isNotEqualTo(fail);
    assertThat(fail.waiver()).isEmpty();
    assertThatThrownBy(() -> new Finding(rule, Outcome.PASS, LocalizedText.of("x")).withWaiver(waiver))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only FAIL and UNKNOWN findings");
  }

  @Test
  void a_score_states_the_score_without_waivers_and_the_risk_accepted() {
    ChecklistScore with = score("8", "A");
    ChecklistScore without = score("5.50", "C");

    ChecklistScore both = with.withWithoutWaivers(without);

    assertThat(both.withoutWaivers()).hasValue(without);
    assertThat(both.riskAccepted()).hasValue(new BigDecimal("2.5"));
    assertThat(with.riskAccepted()).isEmpty();
    assertThat(both).isNotEqualTo(with);
    assertThat(both.score()).isEqualTo(with.score());
  }

  private static ChecklistScore score(String points, String rating) {
    return ChecklistScore.of("p", "c", LocalizedText.of("c"), new BigDecimal(points), new BigDecimal("10"),
        new BigDecimal("100"), rating, LocalizedText.of(rating), true, List.of(), List.of());
  }
}
