package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.InvalidWaiversException;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.api.Waiver;

class WaiversFileTests {

  private static final String ONE = """
      format: 1
      waivers:
        - id: w-1
          scope: {pack: conf-waivers, rule: w.punctual}
          subjects: {ids: [m1], attribute: {grade: 3.0, leader: true}}
          justification: Had a reason
          approver: {id: u1-head, role: head-of-unit}
          risk: high
          start: 2025-06-01
          expiry: 2025-06-30
      """;

  private static final RulesEngine ENGINE = RulesEngine.builder()
      .addPack(Path.of("../specs/conformance/cases/waivers/applied/pack")).build();

  private static WaiversFile read(String text) {
    return WaiversFile.read("w.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void reads_a_waiver_with_its_position_and_typed_values() {
    WaiversFile file = read(ONE);

    Waiver waiver = file.waivers().get(0);
    assertThat(waiver.id()).isEqualTo("w-1");
    assertThat(waiver.packId()).isEqualTo("conf-waivers");
    assertThat(waiver.ruleId()).hasValue("w.punctual");
    assertThat(waiver.checklistId()).isEmpty();
    assertThat(waiver.subjectIds()).containsExactly("m1");
    assertThat(waiver.attributes()).containsEntry("grade", "3").containsEntry("leader", "true");
    assertThat(waiver.justification().en()).isEqualTo("Had a reason");
    assertThat(waiver.approver()).isEqualTo(Waiver.Approver.withId("u1-head", "head-of-unit"));
    assertThat(waiver.risk()).isEqualTo(Waiver.Risk.HIGH);
    assertThat(waiver.source()).hasValue("w.yaml:3:5");
    assertThat(file.warnings()).isEmpty();
    assertThat(waiver.selects(new Subject("m1", "officer", null, null,
        java.util.Map.of("grade", new java.math.BigDecimal("3"), "leader", true)), List.of())).isTrue();
    assertThat(waiver.selects(new Subject("m1", "officer", null, null,
        java.util.Map.of("grade", new java.math.BigDecimal("4"), "leader", true)), List.of())).isFalse();
  }

  @Test
  void reports_every_problem_at_once_located_with_its_field_path() {
    String text = """
        format: 1
        waivers:
          - id: W 1
            scope: {pack: p, rule: r, checklist: c}
            subjects: {ids: []}
            justification: {vi: "", en: ""}
            risk: meduim
            start: 2025-06-31
            expiry: 2025-06-30T00:00
            colour: red
          - id: w-2
            scope: {pack: p, item: i}
            justification: x
            approver: {role: head}
            risk: low
            start: 2025-07-01
            expiry: 2025-06-01
        """;

    assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(InvalidWaiversException.class, e -> {
      assertThat(e.issues()).extracting(i -> i.location() + " " + i.path() + " " + i.code()).containsExactly(
          "w.yaml:3:5 waivers[0] waivers.missing",
          "w.yaml:3:9 waivers[0].id waivers.id",
          "w.yaml:4:28 waivers[0].scope.rule waivers.scope",
          "w.yaml:5:21 waivers[0].subjects.ids waivers.type",
          "w.yaml:6:20 waivers[0].justification waivers.missing",
          "w.yaml:7:11 waivers[0].risk waivers.risk",
          "w.yaml:8:12 waivers[0].start waivers.date",
          "w.yaml:9:13 waivers[0].expiry waivers.date",
          "w.yaml:10:5 waivers[0].colour waivers.unknown-key",
          "w.yaml:12:28 waivers[1].scope.item waivers.scope",
          "w.yaml:14:15 waivers[1].approver waivers.approver",
          "w.yaml:17:13 waivers[1].expiry waivers.dates");
      assertThat(e.getMessage()).startsWith("Waiver file at w.yaml is invalid (12 errors):")
          .contains("missing 'approver'").contains("did you mean 'medium'?");
    });
  }

  @Test
  void a_waiver_without_subject_selector_is_read_with_a_warning() {
    WaiversFile file = read(ONE.replace("    subjects: {ids: [m1], attribute: {grade: 3.0, leader: true}}\n", ""));

    assertThat(file.waivers().get(0).selectsEverySubject()).isTrue();
    assertThat(file.warnings()).extracting(ValidationIssue::code, ValidationIssue::location)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("waivers.every-subject", "w.yaml:3:5"));
  }

  @Test
  void check_lints_unknown_names_and_subjects_expiry_and_overlapping_grants() {
    String text = ONE.replace("rule: w.punctual", "rule: w.punctal") + """
          - id: w-2
            scope: {pack: conf-waivers, checklist: grade, item: w.badge}
            subjects: {ids: [m1, m9]}
            justification: x
            approver: {name: A, role: head}
            risk: low
            start: 2025-01-01
            expiry: 2025-03-31
          - id: w-3
            scope: {pack: conf-waivers, checklist: grade, item: w.badge}
            subjects: {units: [u1], types: [oficer, officer]}
            justification: x
            approver: {name: A, role: head}
            risk: low
            start: 2025-03-01
            expiry: 2025-06-30
        """;
    WaiversFile file = read(text);
    EvaluationRequest facts = EvaluationRequest.builder(Period.month(2025, 6))
        .subject(Subject.of("u1", "unit")).subject(Subject.of("m1", "officer").withParent("u1")).build();

    List<ValidationIssue> issues = file.check(ENGINE, facts, LocalDate.of(2025, 5, 1));

    assertThat(issues).extracting(i -> i.severity() + " " + i.location() + " " + i.code()).containsExactly(
        "ERROR w.yaml:4:39 waiver.unknown-rule",
        "ERROR w.yaml:13:26 waiver.unknown-subject",
        "WARNING w.yaml:18:13 waiver.expired",
        "WARNING w.yaml:19:5 waiver.overlap",
        "ERROR w.yaml:21:37 waiver.unknown-type");
    assertThat(issues.get(0).hint()).startsWith("did you mean 'w.punctual'?");
    assertThat(issues.get(4).hint()).startsWith("did you mean 'officer'?");
    assertThat(issues.get(3).message()).contains("waiver 'w-3' grants what waiver 'w-2' (at w.yaml:11:5)");

    // without facts, ids m1/m9 and unit u1 cannot be told apart: still a possible overlap; no subject errors
    assertThat(file.check(ENGINE, null, LocalDate.of(2025, 5, 1))).extracting(ValidationIssue::code)
        .containsExactly("waiver.unknown-rule", "waiver.expired", "waiver.overlap", "waiver.unknown-type");
  }
}
