package vn.conduct.rules.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.testing.PackBuilder;

/** {@link RulesEngine#checklists()} states every term a checklist is scored by, defaults filled in. */
class ChecklistDescriptionsTests {

  @TempDir
  Path dir;

  private static BigDecimal n(String value) {
    return new BigDecimal(value);
  }

  @Test
  void should_describe_the_terms_a_points_checklist_states() {
    // GIVEN
    RulesEngine engine = RulesEngine.builder().addPack(pack("terms", "1.0.0")
        .rule("t.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: 50}\n")
        .rule("t.signed", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: signed, eq: true}\n")
        .rule("t.badge", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: badge-worn, eq: true}\n")
        .rule("t.draft", "applies-to: [officer]\nkind: prohibition\nenabled: false\n"
            + "condition: {count: {events: [late], within: period}, ge: 1}\n")
        .file("checklists/t-list.yaml", """
            id: t-list
            title: {vi: Phiếu, en: Sheet}
            subject-type: officer
            maximum: 100
            floor: 10
            min-evidence: 80
            items:
              - {rule: t.task, points: 60, credit: {indicator: task, bands: [{min: 90, points: 60}, {min: 50, points: 30}]}}
              - {rule: t.signed, points: 30, credit: {indicator: n, per-unit: 2}}
              - {rule: t.badge, points: 10, bonus: true}
            deductions:
              - {events: [late], points: 2, max: 10, title: {vi: Đi muộn, en: Late}}
              - {events: [late, fine], points: 1, within: P12M, verified-only: false}
            vetoes:
              - {rule: t.signed, cap-rating: B, reason: {vi: Chưa ký, en: Not signed}}
              - {rule: t.draft, cap-score: 50}
            bands:
              - {id: A, min: 90, title: {vi: Tốt, en: Good}}
              - {id: B, min: 50}
              - {id: C, min: 0}
            quotas:
              - {band: A, max-percent: 30, override: {when: {attribute: exceptional, eq: true}, max-percent: 40}}
              - {band: B, max-percent: 50, of: A}
            ranking: {peer-group: position}
            """)
        .writeTo(dir)).build();

    // WHEN
    ChecklistInfo list = engine.checklists().get(0);

    // THEN
    assertThat(list.method()).isEqualTo(ChecklistInfo.Method.POINTS);
    assertThat(list.maximum()).isEqualByComparingTo("100");
    assertThat(list.floor()).isEqualByComparingTo("10");
    assertThat(list.minEvidence()).isEqualByComparingTo("80");
    assertThat(list.period()).isNull();
    assertThat(list.rounding()).isEmpty();
    assertThat(list.items()).containsExactly(
        ChecklistInfo.Item.of("t.task", n("60"), null, false, false, null, null, ChecklistInfo.Credit.of("task",
            List.of(ChecklistInfo.CreditBand.of(n("90"), n("60")), ChecklistInfo.CreditBand.of(n("50"), n("30"))),
            null)),
        ChecklistInfo.Item.of("t.signed", n("30"), null, false, false, null, null,
            ChecklistInfo.Credit.of("n", List.of(), n("2"))),
        ChecklistInfo.Item.of("t.badge", n("10"), null, true));
    assertThat(list.deductions()).containsExactly(
        ChecklistInfo.Deduction.of(List.of("late"), n("2"), n("10"), "period", true, LocalizedText.of("Đi muộn", "Late")),
        ChecklistInfo.Deduction.of(List.of("late", "fine"), n("1"), null, "P12M", false, null));
    assertThat(list.vetoes()).containsExactly(
        ChecklistInfo.Veto.of("t.signed", "B", null, LocalizedText.of("Chưa ký", "Not signed")),
        ChecklistInfo.Veto.of("t.draft", null, n("50"), null));
    assertThat(list.quotas()).containsExactly(
        ChecklistInfo.Quota.of("A", n("30"), null, n("40"), "{attribute: exceptional, eq: true}"),
        ChecklistInfo.Quota.of("B", n("50"), "A", null, null));
    assertThat(list.quotas().get(0).overridden()).isTrue();
    assertThat(list.quotas().get(1).overridden()).isFalse();
    assertThat(list.ranked()).isTrue();
    assertThat(list.peerGroup().attribute()).isEqualTo("position");
  }

  @Test
  void should_fill_in_the_defaults_of_a_checklist_that_states_no_terms() {
    // GIVEN
    RulesEngine engine = RulesEngine.builder().addPack(pack("bare", "1.0.0")
        .rule("b.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: 50}\n")
        .file("checklists/b-list.yaml", """
            id: b-list
            title: {vi: Phiếu, en: Sheet}
            subject-type: officer
            items:
              - {rule: b.task, points: 10}
            bands:
              - {id: A, min: 0}
            """)
        .writeTo(dir)).build();

    // WHEN
    ChecklistInfo list = engine.checklists().get(0);

    // THEN the defaults of rule-pack-format.md §10, as the scorer applies them
    assertThat(list.method()).isEqualTo(ChecklistInfo.Method.POINTS);
    assertThat(list.maximum()).as("the sum of the counted items' points, per subject").isNull();
    assertThat(list.floor()).isEqualByComparingTo("0");
    assertThat(list.minEvidence()).isEqualByComparingTo("100");
    assertThat(list.period()).isNull();
    assertThat(list.rounding()).isEmpty();
    assertThat(list.deductions()).isEmpty();
    assertThat(list.vetoes()).isEmpty();
    assertThat(list.quotas()).isEmpty();
    assertThat(list.ranked()).isFalse();
    assertThat(list.peerGroup()).isNull();
    assertThat(list.items()).containsExactly(ChecklistInfo.Item.of("b.task", n("10"), null, false));
    assertThat(list.items().get(0).credit()).isEmpty();
  }

  @Test
  void should_describe_the_format_2_terms_of_a_weighted_checklist() {
    // GIVEN a format 2 pack: item dates, required items, rounding, a natural period
    RulesEngine engine = RulesEngine.builder().addPack(PackBuilder.format2("weighted", "1.0.0")
        .rule("w.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: 50}\n")
        .rule("w.signed", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: signed, eq: true}\n")
        .file("checklists/w-list.yaml", """
            id: w-list
            title: {vi: Phiếu, en: Sheet}
            subject-type: officer
            period: quarter
            method: weighted
            score: {scale: 2}
            items:
              - {rule: w.task, weight: 3, required: true}
              - {rule: w.signed, weight: 1, effective: {from: 2025-07-01, until: 2025-12-31}}
            bands:
              - {id: A, min: 80}
              - {id: B, min: 0}
            ranking: {}
            """)
        .writeTo(dir)).build();

    // WHEN
    ChecklistInfo list = engine.checklists().get(0);

    // THEN
    assertThat(list.method()).isEqualTo(ChecklistInfo.Method.WEIGHTED);
    assertThat(list.maximum()).isEqualByComparingTo("100");
    assertThat(list.period()).isEqualTo(Period.Unit.QUARTER);
    assertThat(list.rounding()).contains(ChecklistInfo.Rounding.of(2, RoundingMode.HALF_UP));
    assertThat(list.items()).containsExactly(
        ChecklistInfo.Item.of("w.task", null, n("3"), false, true, null, null, null),
        ChecklistInfo.Item.of("w.signed", null, n("1"), false, false, LocalDate.of(2025, 7, 1),
            LocalDate.of(2025, 12, 31), null));
    assertThat(list.items().get(1).inForceOn(LocalDate.of(2025, 6, 30))).isFalse();
    assertThat(list.ranked()).isTrue();
    assertThat(list.peerGroup().attribute()).as("one group of all subjects").isNull();
  }
}
