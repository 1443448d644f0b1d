package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testing.PackBuilder.format2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.io.DecisionLog;
import vn.conduct.rules.io.DecisionsFile;

/**
 * Contests, reviews and overrides (specs/decision-format.md) on a small format 2 pack whose unit head
 * (an officer with position: head, same unit) may override its two rules and its checklist, adjusting the
 * score by at most 5: final outcomes, item points, adjustments, the grade and the quota on them, and each
 * refusal named and located.
 */
class DecisionsTests {

  @TempDir
  static Path dir;

  static RulesEngine engine;

  static final String AUTHORITIES = """
      authorities:
        - role: unit-head
          basis: inferred
          held-by: {subject-type: officer, attribute: {position: head}}
          may-override: {rules: [d.punctual, d.badge], checklists: [grade]}
          over: {subject-type: officer, same-unit: true}
          max-adjustment: 5
      """;

  @BeforeAll
  static void pack() {
    Path pack = format2("decided", "1.0.0").manifest(m -> m + AUTHORITIES)
        .rule("d.punctual", "applies-to: [officer]\nkind: prohibition\ncondition: {count: {events: [late], within: period}, ge: 1}\n")
        .rule("d.badge", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: badge-worn, eq: true}\n")
        .file("checklists/grade.yaml", """
            id: grade
            title: {vi: Xếp loại, en: Grade}
            subject-type: officer
            source: {document: src, basis: read}
            method: points
            items:
              - {rule: d.punctual, points: 5}
              - {rule: d.badge, points: 5}
            bands:
              - {id: A, min: 10}
              - {id: B, min: 5}
              - {id: C, min: 0}
            quotas:
              - {band: A, max-percent: 50}
            """)
        .writeTo(dir.resolve("decided"));
    engine = RulesEngine.builder().addPack(pack).build();
  }

  /** Unit u1: h1 (the head, A), m1 (late once: 5, B), m2 (A); unit u2: h2 (head of another unit). */
  static EvaluationRequest.Builder june() {
    return EvaluationRequest.builder(Period.month(2025, 6))
        .subject(Subject.of("u1", "agency")).subject(Subject.of("u2", "agency"))
        .subject(Subject.of("h1", "officer").withParent("u1").withAttribute("position", "head"))
        .subject(Subject.of("m1", "officer").withParent("u1").withAttribute("position", "staff"))
        .subject(Subject.of("m2", "officer").withParent("u1").withAttribute("position", "staff"))
        .subject(Subject.of("h2", "officer").withParent("u2").withAttribute("position", "head"))
        .observation(Observation.of("h1", "badge-worn", true).withObservedOn(LocalDate.of(2025, 6, 10)))
        .observation(Observation.of("m1", "badge-worn", true).withObservedOn(LocalDate.of(2025, 6, 10)))
        .observation(Observation.of("m2", "badge-worn", true).withObservedOn(LocalDate.of(2025, 6, 10)))
        .observation(Observation.of("h2", "badge-worn", true).withObservedOn(LocalDate.of(2025, 6, 10)))
        .event(Event.verified("m1", "late", LocalDate.of(2025, 6, 3)));
  }

  static Decision.Builder act(String id, Decision.Kind kind, String by, LocalDate date) {
    return Decision.builder(id, kind, "m1").rule("decided", "d.punctual").period(Period.month(2025, 6)).date(date)
        .by(Decision.Actor.of(by, null, by.equals("m1") ? "subject" : "unit-head"))
        .reason(LocalizedText.of("lý do", "reason"));
  }

  static List<Decision> contestReviewOverride() {
    return List.of(act("c", Decision.Kind.CONTEST, "m1", LocalDate.of(2025, 7, 1)).build(),
        act("r", Decision.Kind.REVIEW, "h1", LocalDate.of(2025, 7, 2)).build(),
        act("o", Decision.Kind.OVERRIDE, "h1", LocalDate.of(2025, 7, 3)).outcome(Outcome.PASS).build());
  }

  @Test
  void an_override_sets_the_final_outcome_and_the_grade_and_the_quota_follow_it() {
    Report before = engine.evaluate(june().build());
    Report after = engine.evaluate(june().decisions(contestReviewOverride()).build());

    assertThat(before.subject("m1").orElseThrow().score("grade").orElseThrow().rating()).isEqualTo("B");
    Finding punctual = after.subject("m1").orElseThrow().finding("d.punctual").orElseThrow();
    assertThat(punctual.originalOutcome()).isEqualTo(Outcome.FAIL);
    assertThat(punctual.outcome()).isEqualTo(Outcome.PASS);
    assertThat(punctual.decisions()).extracting(Decision::id).containsExactly("c", "r", "o");
    // 10 points: an A score; the quota (50 % of 3 rated in u1 = 1.5 → 1 A) now has three A scores for one place,
    // all at 10: members with equal scores at the cut are all lowered
    ChecklistScore grade = after.subject("m1").orElseThrow().score("grade").orElseThrow();
    assertThat(grade.score()).isEqualByComparingTo("10");
    assertThat(grade.rating()).isEqualTo("B");
    assertThat(grade.adjustments()).extracting(ScoreAdjustment::kind).containsExactly(ScoreAdjustment.Kind.QUOTA);
    assertThat(after.subject("m1").orElseThrow().compliant()).isTrue();
  }

  @Test
  void a_review_without_override_changes_nothing_and_a_contest_alone_is_pending() {
    Report reviewed = engine.evaluate(june().decisions(contestReviewOverride().subList(0, 2)).build());
    Finding finding = reviewed.subject("m1").orElseThrow().finding("d.punctual").orElseThrow();
    assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(finding.contestPending()).isFalse();

    Report contested = engine.evaluate(june().decisions(contestReviewOverride().subList(0, 1)).build());
    assertThat(contested.subject("m1").orElseThrow().finding("d.punctual").orElseThrow().contestPending()).isTrue();
  }

  @Test
  void a_later_override_replaces_an_earlier_whatever_the_order_given() {
    List<Decision> decisions = List.of(
        act("late", Decision.Kind.OVERRIDE, "h1", LocalDate.of(2025, 7, 9)).outcome(Outcome.NOT_APPLICABLE).build(),
        act("early", Decision.Kind.OVERRIDE, "h1", LocalDate.of(2025, 7, 3)).outcome(Outcome.PASS).build());
    Finding finding = engine.evaluate(june().decisions(decisions).build()).subject("m1").orElseThrow()
        .finding("d.punctual").orElseThrow();
    assertThat(finding.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(finding.decisions()).extracting(Decision::id).containsExactly("early", "late");
  }

  @Test
  void item_points_and_score_adjustments_count_within_their_bounds() {
    Decision points = Decision.builder("p", Decision.Kind.OVERRIDE, "m1").item("decided", "grade", "d.punctual")
        .period(Period.month(2025, 6)).date(LocalDate.of(2025, 7, 3)).by(Decision.Actor.of("h1", null, "unit-head"))
        .reason(LocalizedText.of("part")).points(new BigDecimal("2")).build();
    Decision adjust = Decision.builder("a", Decision.Kind.OVERRIDE, "m1").checklist("decided", "grade")
        .period(Period.month(2025, 6)).date(LocalDate.of(2025, 7, 4)).by(Decision.Actor.of("h1", null, "unit-head"))
        .reason(LocalizedText.of("extra")).adjustment(new BigDecimal("-1")).build();
    ChecklistScore grade = engine.evaluate(june().decision(points).decision(adjust).build()).subject("m1")
        .orElseThrow().score("grade").orElseThrow();

    // 2 (the item's points set by p) + 5 (badge) − 1 (a) = 6 → B
    assertThat(grade.score()).isEqualByComparingTo("6");
    assertThat(grade.rating()).isEqualTo("B");
    assertThat(grade.decisions()).extracting(Decision::id).containsExactly("p", "a");
    assertThat(grade.adjustments()).anySatisfy(a -> {
      assertThat(a.kind()).isEqualTo(ScoreAdjustment.Kind.DECISION);
      assertThat(a.source()).isEqualTo("a");
      assertThat(a.points()).isEqualByComparingTo("-1");
    });
    // the finding itself is not overridden by an item's points
    assertThat(engine.evaluate(june().decision(points).build()).subject("m1").orElseThrow().finding("d.punctual")
        .orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void every_refusal_is_named_and_located_at_once() {
    String file = """
        format: 1
        decisions:
          - {id: self, kind: override, subject: m1, target: {pack: decided, rule: d.punctual}, period: 2025-06,
             date: 2025-07-03, by: {id: m1, role: unit-head}, reason: mine, outcome: PASS}
          - {id: staff, kind: override, subject: m1, target: {pack: decided, rule: d.punctual}, period: 2025-06,
             date: 2025-07-03, by: {id: m2, role: unit-head}, reason: peer, outcome: PASS}
          - {id: other-unit, kind: review, subject: m1, target: {pack: decided, rule: d.punctual}, period: 2025-06,
             date: 2025-07-03, by: {id: h2, role: unit-head}, reason: far}
          - {id: no-role, kind: override, subject: m1, target: {pack: decided, rule: d.punctual}, period: 2025-06,
             date: 2025-07-03, by: {id: h1, role: chief}, reason: why, outcome: PASS}
          - {id: typo, kind: override, subject: m1, target: {pack: decided, rule: d.punctaul}, period: 2025-06,
             date: 2025-07-03, by: {id: h1, role: unit-head}, reason: why, outcome: PASS}
          - {id: too-much, kind: override, subject: m1, target: {pack: decided, checklist: grade}, period: 2025-06,
             date: 2025-07-03, by: {id: h1, role: unit-head}, reason: why, adjustment: 6}
          - {id: nobody, kind: contest, subject: m9, target: {pack: decided, rule: d.badge}, period: 2025-06,
             date: 2025-07-03, by: {id: m9, role: subject}, reason: why}
          - {id: unit, kind: contest, subject: u1, target: {pack: decided, rule: d.badge}, period: 2025-06,
             date: 2025-07-03, by: {id: u1, role: subject}, reason: why}
        """;
    DecisionsFile decisions = DecisionsFile.read("d.yaml", file.getBytes(StandardCharsets.UTF_8));
    EvaluationRequest request = june().decisions(decisions.decisions()).build();

    assertThatThrownBy(() -> engine.evaluate(request)).isInstanceOf(InvalidDecisionsException.class)
        .hasMessageContaining("Decision file at d.yaml is invalid (8 errors)")
        .hasMessageContaining("d.yaml:3:5  by.id: decision 'self' is an override of m1's decided rule d.punctual by m1,"
            + " the subject itself")
        .hasMessageContaining("[decision.self]")
        .hasMessageContaining("decision 'staff' is signed by m2 as 'unit-head', but m2 does not hold that role: has"
            + " position 'staff', the role needs 'head'")
        .hasMessageContaining("role 'unit-head' decides only about its own unit's officers, but h2 is in u2 and m1 in u1")
        .hasMessageContaining("decision 'no-role' is signed as 'chief', a role pack decided 1.0.0 does not declare")
        .hasMessageContaining("names rule 'd.punctaul', which pack 'decided' does not have: there is no such finding"
            + " [Hint: did you mean 'd.punctual'?")
        .hasMessageContaining("adjusts the score by 6, more than role 'unit-head' may (at most 5 either way)")
        .hasMessageContaining("is about subject 'm9', which the facts do not have")
        .hasMessageContaining("decision 'unit' is about u1's finding of rule d.badge, but u1 is of type agency and the rule"
            + " applies to [officer]: there is no such finding");
    // the check locates each at its field
    List<ValidationIssue> issues = decisions.check(engine, request, LocalDate.of(2025, 12, 31));
    assertThat(issues).filteredOn(i -> i.severity() == ValidationIssue.Level.ERROR)
        .extracting(i -> i.code() + " " + i.path())
        .containsExactlyInAnyOrder("decision.self decisions[0].by.id", "decision.not-holder decisions[1].by.id",
            "decision.not-authorised decisions[2].by.id", "decision.unknown-role decisions[3].by.role",
            "decision.unknown-rule decisions[4].target.rule", "decision.adjustment decisions[5].adjustment",
            "decision.unknown-subject decisions[6].subject", "decision.no-finding decisions[7].target.rule");
    assertThat(issues).filteredOn(i -> i.code().equals("decision.self")).singleElement()
        .satisfies(i -> assertThat(i.line()).isEqualTo(4));
  }

  @Test
  void a_decision_about_another_period_is_noted_and_not_applied() {
    Decision may = Decision.builder("may", Decision.Kind.OVERRIDE, "m1").rule("decided", "d.punctual")
        .period(Period.month(2025, 5)).date(LocalDate.of(2025, 6, 3)).by(Decision.Actor.of("h1", null, "unit-head"))
        .reason(LocalizedText.of("x")).outcome(Outcome.PASS).build();
    Report report = engine.evaluate(june().decision(may).build());

    assertThat(report.subject("m1").orElseThrow().finding("d.punctual").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(report.provenance().notes()).extracting(LocalizedText::en)
        .contains("Decision may is about the period 2025-05, not the period judged 2025-06: not applied");
  }

  @Test
  void the_log_records_the_decisions_and_replay_names_a_tampered_one() {
    EvaluationRequest request = june().decisions(contestReviewOverride()).build();
    String line = DecisionLog.line(request, engine.evaluate(request), Instant.parse("2025-07-10T00:00:00Z"), false);
    assertThat(line).as("the digests of the ids, not the ids").contains("\"decisions\":[\"sha256:")
        .doesNotContain("\"c:sha256:", "\"o:sha256:");
    assertThat(DecisionLog.replay(line, engine, request).reproduced()).isTrue();

    List<Decision> tampered = List.of(contestReviewOverride().get(0), contestReviewOverride().get(1),
        act("o", Decision.Kind.OVERRIDE, "h1", LocalDate.of(2025, 7, 3)).outcome(Outcome.NOT_APPLICABLE).build());
    DecisionLog.Replay replay = DecisionLog.replay(line, engine, june().decisions(tampered).build());
    assertThat(replay.reproduced()).isFalse();
    assertThat(replay.differences()).anySatisfy(d -> assertThat(d)
        .startsWith("decision o was changed since the evaluation: digest sha256:"));
    DecisionLog.Replay dropped = DecisionLog.replay(line, engine, june().decisions(contestReviewOverride().subList(0, 2))
        .build());
    assertThat(dropped.differences()).anySatisfy(d -> assertThat(d).startsWith("decision sha256:")
        .endsWith(" was applied by the evaluation but not given to the replay (the line holds the digest of its id,"
            + " not the id)"));
  }

  @Test
  void the_pack_authorities_are_checked_with_located_errors() throws Exception {
    Path bad = format2("badauth", "1.0.0").manifest(m -> m + """
        authorities:
          - role: unit-head
            held-by: {subject-type: officr, attribute: {rank: head}}
            may-override: {rules: [b.rul], checklists: []}
            over: {subject-type: officer}
            max-adjustment: 0
        """).rule("b.rule", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n")
        .writeTo(Files.createDirectories(dir.resolve("badauth")));

    List<ValidationIssue> errors = RulesEngine.check(bad).stream()
        .filter(i -> i.severity() == ValidationIssue.Level.ERROR).toList();
    assertThat(errors).extracting(i -> i.code() + " " + i.path()).containsExactlyInAnyOrder(
        "ref.unknown-subject-type authorities[0].held-by.subject-type",
        "ref.unknown-rule authorities[0].may-override.rules[0]",
        "field.constraint authorities[0].max-adjustment");
    assertThat(errors).allSatisfy(i -> assertThat(i.line()).isPositive());
  }
}
