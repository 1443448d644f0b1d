package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Evidence;
import vn.conduct.rules.api.ValidationIssue;

/** The facts format 2 'evidence' block (facts-format.md, section 5.1). */
class FactsReaderEvidenceTests {

  private static final String SHA256 = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private final FactsReader reader = new FactsReader();

  private EvaluationRequest read(String yaml) {
    return reader.read("facts.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private InvalidFactsException invalid(String yaml) {
    return catchThrowableOfType(InvalidFactsException.class, () -> read(yaml));
  }

  @Test
  void should_read_evidence_on_observations_and_events() {
    EvaluationRequest request = read("""
        format: 2
        decided-on: 2025-06-30
        observations:
          - subject: cb-1
            indicator: badge-worn
            value: false
            observed-on: 2025-06-12
            recorded-on: 2025-06-13
            evidence:
              recorded-by: {id: tkt-01, role: inspection-team}
              method: inspection
              references:
                - {document: "12/BB-KTCV", digest: "%s", url: "https://badinh.hanoi.gov.vn/bb/12.pdf"}
          - {subject: cb-1, indicator: task, value: 90, observed-by: "Chủ tịch", method: assessment}
        events:
          - {id: ev-1, subject: cb-1, type: citizen-harassment, date: 2025-06-20, verified: false,
             evidence: {method: citizen-report, recorded-by: one-stop-desk}}
        """.formatted(SHA256));

    Evidence inspected = request.observations().get(0).evidence();
    assertThat(inspected.recordedBy()).isEqualTo(new Evidence.Recorder("tkt-01", "inspection-team"));
    assertThat(inspected.method()).isEqualTo("inspection");
    assertThat(inspected.recordedOn()).isEqualTo(LocalDate.of(2025, 6, 13));
    assertThat(inspected.references()).containsExactly(
        new Evidence.Reference("12/BB-KTCV", SHA256, "https://badinh.hanoi.gov.vn/bb/12.pdf"));
    assertThat(request.observations().get(0).observedBy()).isEqualTo("tkt-01");
    assertThat(request.observations().get(1).evidence())
        .as("format 1 keys are evidence too")
        .isEqualTo(new Evidence(new Evidence.Recorder("Chủ tịch", null), null, "assessment", List.of()));
    assertThat(request.events().get(0).evidence())
        .isEqualTo(new Evidence(new Evidence.Recorder("one-stop-desk", null), null, "citizen-report", List.of()));
    assertThat(request.events().get(0).verified()).isFalse();
  }

  @Test
  void should_locate_every_evidence_mistake_with_its_path() {
    InvalidFactsException error = invalid("""
        format: 2
        decided-on: 2025-06-30
        observations:
          - {subject: cb-1, indicator: badge-worn, value: true, method: inspection, evidence: {method: survey}}
          - {subject: cb-1, indicator: dress, value: true, evidence: {methd: inspection, recorded-by: {}}}
        events:
          - {subject: cb-1, type: late, date: 2025-06-02, evidence: {references: [{digest: "md5:x"}, {url: "ftp://x/y"}, {}]}}
          - {subject: cb-1, type: late, date: 2025-06-03, evidence: [inspection]}
        """);

    assertThat(error).isNotNull();
    assertThat(error.issues()).extracting(ValidationIssue::location, ValidationIssue::path, ValidationIssue::code)
        .containsExactly(
            tuple("facts.yaml:4:96", "observations[0].evidence.method", "facts.evidence"),
            tuple("facts.yaml:5:63", "observations[1].evidence.methd", "facts.unknown-key"),
            tuple("facts.yaml:5:95", "observations[1].evidence.recorded-by", "facts.missing"),
            tuple("facts.yaml:7:84", "events[0].evidence.references[0].digest", "facts.evidence"),
            tuple("facts.yaml:7:100", "events[0].evidence.references[1].url", "facts.evidence"),
            tuple("facts.yaml:7:114", "events[0].evidence.references[2]", "facts.missing"),
            tuple("facts.yaml:8:61", "events[1].evidence", "facts.type"));
    assertThat(error.issues().get(1).hint()).contains("did you mean 'method'?");
    assertThat(error.issues().get(0).message()).contains("'inspection'").contains("'survey'");
    assertThat(error.issues().get(3).message()).contains("'md5:x'").contains("sha256:");
  }

  @Test
  void should_refuse_a_recorder_whose_id_and_role_are_both_null() {
    InvalidFactsException error = invalid("""
        format: 2
        decided-on: 2025-06-30
        events:
          - {subject: cb-1, type: late, date: 2025-06-02, evidence: {recorded-by: {id: null, role: ''}}}
        """);

    assertThat(error.issues()).extracting(ValidationIssue::path, ValidationIssue::code)
        .containsExactly(tuple("events[0].evidence.recorded-by", "facts.missing"));
  }

  @Test
  void should_refuse_evidence_in_a_format_1_file() {
    InvalidFactsException error = invalid("""
        as-of: 2025-06-30
        events:
          - {subject: cb-1, type: late, date: 2025-06-02, evidence: {method: inspection}}
        """);

    assertThat(error.issues()).extracting(ValidationIssue::location, ValidationIssue::path, ValidationIssue::code)
        .containsExactly(tuple("facts.yaml:3:51", "events[0].evidence", "facts.format-feature"));
  }

  @Test
  void should_locate_a_method_problem_at_whichever_key_gave_the_method() {
    FactsFile file = reader.load("facts.yaml", """
        format: 2
        decided-on: 2025-06-30
        observations:
          - {subject: cb-1, indicator: badge-worn, value: true, method: inspectoin}
        events:
          - {subject: cb-1, type: late, date: 2025-06-02, evidence: {method: hearsay}}
        """.getBytes(StandardCharsets.UTF_8));

    assertThat(file.locate(vn.conduct.rules.api.FactProblem.of("observation", 0, "evidence.method", "x")))
        .contains("facts.yaml:4:65");
    assertThat(file.locate(vn.conduct.rules.api.FactProblem.of("event", 0, "evidence.method", "x")))
        .contains("facts.yaml:6:70");
  }
}
