package vn.conduct.rules.hanoi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.EvaluationListener;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.InvalidWaiversException;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.Waiver;
import vn.conduct.rules.io.FactsReader;
import vn.conduct.rules.io.ReportJson;
import vn.conduct.rules.io.WaiversFile;

/**
 * Issue 12's "done when" for waivers, on the sample district (samples/hanoi-demo.yaml, June 2025) and
 * the sample waivers (samples/waivers-demo.yaml): officer cb-013's two late arrivals in June are waived
 * for June, for QĐ 522's rule and for the monthly sheet's working-time item.
 */
class HanoiWaiverTests {

  private static final RulesEngine ENGINE = RulesEngine.builder().discoverProviders().build();
  private static final Path WAIVERS = Path.of("src/main/resources/samples/waivers-demo.yaml");
  private static final EvaluationRequest FACTS =
      new FactsReader().load(Path.of("src/main/resources/samples/hanoi-demo.yaml")).request();
  private static final Report PLAIN = ENGINE.evaluate(FACTS);

  @Test
  void the_waived_late_arrival_stays_FAIL_and_carries_its_waiver() {
    SubjectResult officer = evaluate(WaiversFile.read(WAIVERS).waivers()).subject("cb-013").orElseThrow();

    Finding late = officer.finding("hn522.late-arrival").orElseThrow();
    assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
    Waiver waiver = late.waiver().orElseThrow();
    assertThat(waiver.id()).isEqualTo("w-2025-06-cb-013-late");
    assertThat(waiver.approver().role()).isEqualTo("head-of-unit");
    assertThat(waiver.risk()).isEqualTo(Waiver.Risk.LOW);
    assertThat(waiver.source()).hasValue("waivers-demo.yaml:11:5");
    // the 12-month repeat rule is not in the waiver's scope
    assertThat(officer.finding("hn522.late-arrival-repeat").orElseThrow().waiver()).isEmpty();
    // nor is another officer late in June (cb-002)
    assertThat(evaluate(WaiversFile.read(WAIVERS).waivers()).subject("cb-002").orElseThrow()
        .finding("hn522.late-arrival").orElseThrow().waiver()).isEmpty();
  }

  @Test
  void the_monthly_grade_is_stated_with_and_without_the_waiver() {
    ChecklistScore monthly = evaluate(WaiversFile.read(WAIVERS).waivers()).subject("cb-013").orElseThrow()
        .score("hn3814-monthly").orElseThrow();

    // By hand from hn3814-monthly: I.1 2+2+2, I.2 office culture 3 + working time 3 (FAIL: 0 without the
    // waiver) + badge 2 + attitude 2 + reputation 2 + confidentiality 2, II capability 15 (of 20) + task
    // completion 74 % × 0.5 = 37, no bonus: 72 with the waiver (B ≥ 70), 69 without (C ≥ 50).
    assertThat(monthly.score()).isEqualByComparingTo("72");
    assertThat(monthly.rating()).isEqualTo("B");
    ChecklistScore without = monthly.withoutWaivers().orElseThrow();
    assertThat(without.score()).isEqualByComparingTo("69");
    assertThat(without.rating()).isEqualTo("C");
    assertThat(monthly.riskAccepted()).hasValue(new BigDecimal("3"));
    // the item keeps its real outcome, with the points the waiver grants
    var item = monthly.items().stream().filter(i -> i.ruleId().equals("hn3814.working-time")).findFirst().orElseThrow();
    assertThat(item.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(item.earned()).isEqualByComparingTo("3");
    // without waivers it is the score of the plain evaluation
    ChecklistScore plain = PLAIN.subject("cb-013").orElseThrow().score("hn3814-monthly").orElseThrow();
    assertThat(without.score()).isEqualByComparingTo(plain.score());
    assertThat(plain.withoutWaivers()).isEmpty();
    assertThat(plain.riskAccepted()).isEmpty();
  }

  @Test
  void report_format_2_carries_the_waiver_the_waived_count_and_both_scores() throws IOException {
    JsonNode report = new ObjectMapper().readTree(new ReportJson().write(evaluate(WaiversFile.read(WAIVERS).waivers())));
    JsonNode officer = null;
    for (JsonNode subject : report.get("subjects")) {
      if (subject.get("id").asText().equals("cb-013")) {
        officer = subject;
      }
    }
    assertThat(officer).isNotNull();
    assertThat(officer.get("counts").get("waived").asInt()).isEqualTo(2);
    assertThat(officer.get("counts").get("FAIL").asInt())
        .isEqualTo(PLAIN.subject("cb-013").orElseThrow().count(Outcome.FAIL));
    JsonNode late = null;
    for (JsonNode finding : officer.get("findings")) {
      if (finding.get("rule").asText().equals("hn522.late-arrival")) {
        late = finding;
      }
    }
    assertThat(late.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(late.get("waiver").get("id").asText()).isEqualTo("w-2025-06-cb-013-late");
    assertThat(late.get("waiver").get("start").asText()).isEqualTo("2025-06-01");
    assertThat(late.get("waiver").get("approver").get("name").asText()).isEqualTo("Phan Trọng Kiên");
    JsonNode score = officer.get("scores").get(0);
    assertThat(score.get("score").asText()).isEqualTo("72");
    assertThat(score.get("without-waivers").get("score").asText()).isEqualTo("69");
    assertThat(score.get("without-waivers").get("rating").asText()).isEqualTo("C");
    assertThat(score.get("risk-accepted").asText()).isEqualTo("3");
  }

  @Test
  void the_same_waivers_expired_before_june_change_nothing_and_the_report_says_so() {
    List<Waiver> expired = changed("expiry: 2025-06-30", "expiry: 2025-05-31", "start: 2025-06-01", "start: 2025-05-01");

    Report report = evaluate(expired);

    assertThat(report.subjects()).isEqualTo(PLAIN.subjects());
    assertThat(report.rankings()).isEqualTo(PLAIN.rankings());
    assertThat(report.provenance().notes()).map(note -> note.in(Language.EN)).contains(
        "Waiver w-2025-06-cb-013-late expired on 2025-05-31, before the period 2025-06: not applied",
        "Waiver w-2025-06-cb-013-working-time expired on 2025-05-31, before the period 2025-06: not applied");
  }

  @Test
  void a_waiver_covering_part_of_june_is_not_applied_and_the_report_says_which_part() {
    List<Waiver> partial = changed("start: 2025-06-01", "start: 2025-06-10");

    Report report = evaluate(partial);

    assertThat(report.subjects()).isEqualTo(PLAIN.subjects());
    assertThat(report.provenance().notes()).map(note -> note.in(Language.EN)).contains(
        "Waiver w-2025-06-cb-013-late (2025-06-10..2025-06-30) covers 2025-06-10..2025-06-30 of the period 2025-06:"
            + " not applied (a waiver must cover the whole period judged)");
  }

  @Test
  void a_waiver_starting_after_june_is_noted_as_not_started() {
    Report report = evaluate(changed("start: 2025-06-01", "start: 2025-07-01", "expiry: 2025-06-30",
        "expiry: 2025-07-31"));

    assertThat(report.subjects()).isEqualTo(PLAIN.subjects());
    assertThat(report.provenance().notes()).map(note -> note.in(Language.EN)).contains(
        "Waiver w-2025-06-cb-013-late starts on 2025-07-01, after the period 2025-06: not applied");
  }

  @Test
  void a_streamed_evaluation_applies_the_waivers_too() {
    EvaluationRequest request = FACTS.toBuilder().waivers(WaiversFile.read(WAIVERS).waivers()).build();
    List<SubjectResult> streamed = new ArrayList<>();

    ENGINE.evaluate(List.of(request).iterator(), new EvaluationListener() {
      @Override
      public void subjectEvaluated(SubjectResult result) {
        streamed.add(result);
      }
    });

    SubjectResult officer = streamed.stream().filter(r -> r.subjectId().equals("cb-013")).findFirst().orElseThrow();
    assertThat(officer.finding("hn522.late-arrival").orElseThrow().waiver()).isPresent();
    assertThat(officer.score("hn3814-monthly").orElseThrow().riskAccepted()).hasValue(new BigDecimal("3"));
  }

  @Test
  void a_waiver_naming_an_unknown_rule_is_refused_with_its_position_and_the_near_name() {
    List<Waiver> typo = changed("rule: hn522.late-arrival}", "rule: hn522.late-arival}");

    assertThatThrownBy(() -> evaluate(typo))
        .isInstanceOf(InvalidWaiversException.class)
        .hasMessageContaining("waivers-demo.yaml:11:5")
        .hasMessageContaining("waiver 'w-2025-06-cb-013-late' names rule 'hn522.late-arival', which pack 'hanoi-522'"
            + " does not have")
        .hasMessageContaining("did you mean 'hn522.late-arrival'?");
  }

  @Test
  void a_waiver_built_in_code_applies_like_one_read_from_a_file() {
    Waiver waiver = Waiver.builder("w-code", "hanoi-522").rule("hn522.late-arrival")
        .units(List.of("ubnd-ba-dinh")).subjectTypes(List.of("officer"))
        .justification(LocalizedText.of("Mất điện máy chấm công", "Time clock out of order"))
        .approver(Waiver.Approver.withId("cb-001", "head-of-unit")).risk(Waiver.Risk.MEDIUM)
        .dates(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31)).build();

    Report report = evaluate(List.of(waiver));

    // every officer below the district committee late in June is waived: cb-002 and cb-013 (its own officers)
    // and cb-039 (an officer of a ward, whose parent is the district committee)
    for (String late : List.of("cb-002", "cb-013", "cb-039")) {
      assertThat(report.subject(late).orElseThrow().finding("hn522.late-arrival").orElseThrow())
          .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAIL))
          .satisfies(f -> assertThat(f.waiver()).hasValue(waiver));
    }
    // all selectors must match: leaders only keeps cb-002 (leader) and leaves cb-013 (staff)
    Waiver leaders = Waiver.builder("w-leaders", "hanoi-522").rule("hn522.late-arrival")
        .units(List.of("ubnd-ba-dinh")).attribute("position", "leader")
        .justification(LocalizedText.of("Họp khẩn", "Emergency meeting"))
        .approver(Waiver.Approver.named("Phan Trọng Kiên", "head-of-unit")).risk(Waiver.Risk.HIGH)
        .dates(java.time.LocalDate.of(2025, 6, 1), java.time.LocalDate.of(2025, 6, 30)).build();
    Report onlyLeaders = evaluate(List.of(leaders));
    assertThat(onlyLeaders.subject("cb-002").orElseThrow().finding("hn522.late-arrival").orElseThrow().waiver())
        .hasValue(leaders);
    assertThat(onlyLeaders.subject("cb-013").orElseThrow().finding("hn522.late-arrival").orElseThrow().waiver())
        .isEmpty();
    // a PASS is never waived
    assertThat(report.subject("cb-001").orElseThrow().finding("hn522.late-arrival").orElseThrow().waiver()).isEmpty();
  }

  private static Report evaluate(List<Waiver> waivers) {
    return ENGINE.evaluate(FACTS.toBuilder().waivers(waivers).build());
  }

  /** The sample waivers with text replaced (pairs of old, new). */
  private static List<Waiver> changed(String... replacements) {
    try {
      String text = Files.readString(WAIVERS);
      for (int i = 0; i < replacements.length; i += 2) {
        assertThat(text).contains(replacements[i]);
        text = text.replace(replacements[i], replacements[i + 1]);
      }
      return WaiversFile.read("waivers-demo.yaml", text.getBytes(StandardCharsets.UTF_8)).waivers();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
