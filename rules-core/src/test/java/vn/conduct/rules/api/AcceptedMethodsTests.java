package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testing.PackBuilder.format2;
import static vn.conduct.rules.testing.PackBuilder.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.io.ReportJson;

/**
 * A rule's accepted methods (rule-pack-format.md, section 7.1) and the facts a finding lists
 * (report-format.md, section 14.3).
 */
class AcceptedMethodsTests {

  private static final String METHODS = """
      vocabulary:
        methods:
          inspection: {title: {vi: Kiểm tra, en: Inspection}}
          citizen-report: {title: {vi: Phản ánh, en: Citizen report}}
        subject-types:""";

  private static RulesEngine engine;

  @BeforeAll
  static void build(@TempDir Path dir) {
    engine = RulesEngine.builder().addPack(format2("methods", "1.0.0")
        .manifest(m -> m.replace("vocabulary:\n  subject-types:", METHODS))
        .rule("m.late", """
            applies-to: [officer]
            kind: prohibition
            accepted-methods: [inspection, citizen-report]
            condition: {count: {events: [late], within: period}, ge: 1}
            """)
        .rule("m.members-late", """
            applies-to: [agency]
            kind: prohibition
            accepted-methods: [inspection]
            condition: {count: {members: officer, where: {count: {events: [late], within: period}, ge: 1}}, ge: 1}
            """)
        .rule("m.signed", """
            applies-to: [agency]
            kind: requirement
            accepted-methods: [inspection]
            condition: {share: {members: officer, where: {indicator: signed, eq: true}}, ge: 100}
            """)
        .rule("m.badge", """
            applies-to: [officer]
            kind: requirement
            condition: {indicator: badge-worn, eq: true}
            """)
        .writeTo(dir)).build();
  }

  private static Event late(String id, String subject, String method) {
    return new Event(id, subject, "late", LocalDate.of(2025, 6, 3), true, Map.of(), null,
        method == null ? null : Evidence.method(method));
  }

  private static Report evaluate(List<Observation> observations, List<Event> events) {
    return engine.evaluate(EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("u1", "agency"))
        .subject(Subject.of("o1", "officer").withParent("u1"))
        .subject(Subject.of("o2", "officer").withParent("u1"))
        .observations(observations).events(events).build());
  }

  @Test
  void members_events_and_observations_count_only_by_accepted_methods() {
    Report report = evaluate(List.of(
        new Observation("o1", "signed", true, null, null, "inspection", null),
        new Observation("o2", "signed", true, null, LocalDate.of(2025, 6, 1), "inspection", null),
        new Observation("o2", "signed", false, null, LocalDate.of(2025, 6, 20), "citizen-report", null)),
        List.of(late("e1", "o1", "citizen-report"), late("e2", "o2", null)));

    SubjectResult unit = report.subject("u1").orElseThrow();
    assertThat(unit.finding("m.members-late").orElseThrow().outcome())
        .as("the citizen report and the event without a method are set aside").isEqualTo(Outcome.PASS);
    assertThat(unit.finding("m.members-late").orElseThrow().facts())
        .extracting(FindingFact::subjectId, FindingFact::eventId, FindingFact::use)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("o1", "e1", FindingFact.Use.METHOD_NOT_ACCEPTED),
            org.assertj.core.groups.Tuple.tuple("o2", "e2", FindingFact.Use.METHOD_NOT_ACCEPTED));
    assertThat(unit.finding("m.signed").orElseThrow().outcome())
        .as("o2's later citizen report (false) does not replace its inspection (true)").isEqualTo(Outcome.PASS);
    SubjectResult o1 = report.subject("o1").orElseThrow();
    assertThat(o1.finding("m.late").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(o1.finding("m.late").orElseThrow().facts()).singleElement().satisfies(fact -> {
      assertThat(fact.kind()).isEqualTo(FindingFact.Kind.EVENT);
      assertThat(fact.evidence().method()).isEqualTo("citizen-report");
      assertThat(fact.used()).isTrue();
    });
    assertThat(report.subject("o2").orElseThrow().finding("m.late").orElseThrow().reason().in(Language.EN))
        .contains("only facts recorded by citizen-report, inspection count; 1 recorded otherwise set aside");
    assertThat(report.factProblems()).isEmpty();
  }

  @Test
  void a_method_no_pack_declares_is_a_fact_problem_and_still_counts_elsewhere() {
    Report report = evaluate(List.of(new Observation("o1", "badge-worn", true, null, null, "inspectoin", null)),
        List.of(late("e1", "o1", "hearsay")));

    assertThat(report.factProblems()).extracting(FactProblem::kind, FactProblem::index, FactProblem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("observation", 0, "evidence.method"),
            org.assertj.core.groups.Tuple.tuple("event", 0, "evidence.method"));
    assertThat(report.factProblems().get(0).message()).contains("'inspectoin'").contains("did you mean 'inspection'?");
    assertThat(report.subject("o1").orElseThrow().finding("m.badge").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    assertThat(report.subject("o1").orElseThrow().finding("m.late").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void the_json_report_lists_each_findings_facts_with_their_evidence() throws Exception {
    Observation badge = new Observation("o1", "badge-worn", false, null, LocalDate.of(2025, 6, 12), null, null,
        new Evidence(new Evidence.Recorder("tkt-01", "inspection-team"), LocalDate.of(2025, 6, 13), "inspection",
            List.of(new Evidence.Reference("12/BB-KTCV", null, "https://example.gov.vn/bb/12.pdf"))));
    Report report = evaluate(List.of(badge), List.of(late("e1", "o1", "self-report")));

    JsonNode json = new ObjectMapper().readTree(new ReportJson().write(report));
    JsonNode o1 = null;
    for (JsonNode subject : json.get("subjects")) {
      if (subject.get("id").asText().equals("o1")) {
        o1 = subject;
      }
    }
    JsonNode finding = null;
    for (JsonNode f : o1.get("findings")) {
      if (f.get("rule").asText().equals("m.badge")) {
        finding = f;
      }
    }
    assertThat(finding.get("facts")).hasSize(1);
    assertThat(finding.at("/facts/0/use").isMissingNode()).as("counted: no use written").isTrue();
    JsonNode fact = o1.get("facts").get(finding.at("/facts/0/fact").asInt());
    assertThat(fact.get("kind").asText()).isEqualTo("observation");
    assertThat(fact.get("indicator").asText()).isEqualTo("badge-worn");
    assertThat(fact.get("value").asBoolean(true)).isFalse();
    assertThat(fact.get("date").asText()).isEqualTo("2025-06-12");
    assertThat(fact.at("/evidence/recorded-by/role").asText()).isEqualTo("inspection-team");
    assertThat(fact.at("/evidence/recorded-on").asText()).isEqualTo("2025-06-13");
    assertThat(fact.at("/evidence/references/0/document").asText()).isEqualTo("12/BB-KTCV");
    JsonNode late = null;
    for (JsonNode f : o1.get("findings")) {
      if (f.get("rule").asText().equals("m.late")) {
        late = f;
      }
    }
    assertThat(late.at("/facts/0/use").asText()).isEqualTo("method-not-accepted");
    assertThat(o1.get("facts").get(late.at("/facts/0/fact").asInt()).get("id").asText()).isEqualTo("e1");
  }

  @Test
  void accepted_methods_need_format_2_and_declared_methods() {
    assertThatThrownBy(() -> RulesEngine.builder().addPack(pack("old", "1.0.0")
        .rule("o.late", """
            applies-to: [officer]
            kind: prohibition
            accepted-methods: [inspection]
            condition: {count: {events: [late], within: period}, ge: 1}
            """)
        .writeTo(java.nio.file.Files.createTempDirectory("methods"))).build())
        .isInstanceOf(InvalidRulePackException.class)
        .satisfies(e -> assertThat(((InvalidRulePackException) e).issues())
            .extracting(ValidationIssue::code, ValidationIssue::path)
            .contains(org.assertj.core.groups.Tuple.tuple("pack.format-feature", "accepted-methods"),
                org.assertj.core.groups.Tuple.tuple("ref.unknown-method", "accepted-methods[0]")));
  }
}
