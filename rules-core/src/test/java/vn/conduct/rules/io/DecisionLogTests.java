package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testing.PackBuilder.format2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.Waiver;

/** A logged evaluation replays byte for byte, and a changed pack, fact or waiver is named (issue 14, part 4). */
class DecisionLogTests {

  @TempDir
  static Path dir;

  static Path pack;
  static RulesEngine engine;

  @BeforeAll
  static void pack() throws Exception {
    pack = format2("logged", "1.0.0")
        .rule("l.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: {param: target}}\n")
        .writeTo(Files.createDirectories(dir.resolve("logged")));
    engine = RulesEngine.builder().addPack(pack).build();
  }

  static EvaluationRequest june(int task) {
    return EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("o1", "officer").withParent("u1"))
        .subject(Subject.of("o2", "officer").withParent("u1"))
        .observation(Observation.of("o1", "task", 85).withObservedOn(LocalDate.of(2025, 6, 10)))
        .observation(Observation.of("o2", "task", task).withObservedOn(LocalDate.of(2025, 6, 10)))
        .build();
  }

  @Test
  void should_reproduce_a_logged_evaluation_byte_for_byte() {
    EvaluationRequest request = june(70);
    Report report = engine.evaluate(request);

    String line = DecisionLog.line(request, report, Instant.parse("2026-12-02T10:00:00Z"), false);

    assertThat(line).doesNotContain("\n").contains("\"log-format\":1").contains("\"report-digest\":\"sha256:")
        .contains("\"id\":\"logged\"").doesNotContain("\"facts\":");
    DecisionLog.Replay replay = DecisionLog.replay(line, engine, june(70));
    assertThat(replay.reproduced()).as("%s", replay.differences()).isTrue();
    assertThat(replay.differences()).isEmpty();
    assertThat(DecisionLog.digest(replay.report().orElseThrow())).isEqualTo(DecisionLog.digest(report));
  }

  @Test
  void a_fact_without_more_evidence_than_its_own_fields_keeps_the_canonical_form_logged_before_evidence()
      throws Exception {
    EvaluationRequest request = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("o1", "officer"))
        .observation(new Observation("o1", "task", 85, "Đoàn kiểm tra", LocalDate.of(2025, 6, 10), "inspection"))
        .observation(Observation.of("o1", "task", 90).withEvidence(new vn.conduct.rules.api.Evidence(
            new vn.conduct.rules.api.Evidence.Recorder("doan-kt", "inspection-team"), null, "inspection",
            List.of(new vn.conduct.rules.api.Evidence.Reference("12/BB-KTCV", null, null)))))
        .build();

    String line = DecisionLog.line(request, engine.evaluate(request), Instant.now(), true);

    com.fasterxml.jackson.databind.JsonNode observations = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(line).get("facts").get("observations");
    List<String> keys = new java.util.ArrayList<>();
    observations.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).as("the members of 0.2's form, nothing more (decision-log.md, section 3)")
        .containsExactly("indicator", "method", "observedBy", "observedOn", "recordedOn", "subjectId", "value");
    assertThat(observations.get(1).get("evidence").has("references")).isTrue();
    assertThat(observations.get(1).get("evidence").has("empty")).as("no derived member").isFalse();
  }

  @Test
  void should_name_the_fact_that_was_edited_when_the_facts_are_embedded() {
    EvaluationRequest request = june(70);
    String line = DecisionLog.line(request, engine.evaluate(request), Instant.now(), true);

    DecisionLog.Replay replay = DecisionLog.replay(line, engine, june(95));

    assertThat(replay.reproduced()).isFalse();
    assertThat(replay.differences()).anySatisfy(d -> assertThat(d).startsWith("the facts differ")
        .contains("observations[1] is").contains("\"value\":95").contains("logged").contains("\"value\":70"));
    // o2 now passes: the report differs too
    assertThat(replay.differences()).anySatisfy(d -> assertThat(d).startsWith("the report differs"));
  }

  @Test
  void should_say_the_facts_differ_without_naming_them_when_they_were_not_embedded() {
    EvaluationRequest request = june(70);
    String line = DecisionLog.line(request, engine.evaluate(request), Instant.now(), false);

    DecisionLog.Replay replay = DecisionLog.replay(line, engine, june(71));

    assertThat(replay.differences()).anySatisfy(d -> assertThat(d).startsWith("the facts differ")
        .contains("log with the facts embedded"));
  }

  @Test
  void should_name_a_pack_whose_files_changed() throws Exception {
    EvaluationRequest request = june(70);
    String line = DecisionLog.line(request, engine.evaluate(request), Instant.now(), false);
    Path edited = format2("logged", "1.0.0")
        .rule("l.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: 60}\n")
        .writeTo(Files.createDirectories(dir.resolve("edited")));

    DecisionLog.Replay replay = DecisionLog.replay(line, RulesEngine.builder().addPack(edited).build(), request);

    assertThat(replay.reproduced()).isFalse();
    assertThat(replay.differences()).first().asString().startsWith("pack logged 1.0.0 differs: digest ");
  }

  @Test
  void should_name_a_changed_waiver() {
    Waiver waiver = Waiver.builder("w-1", "logged").justification(LocalizedText.of("thử", "test"))
        .approver(Waiver.Approver.withId("head", "head-of-unit")).risk(Waiver.Risk.LOW)
        .dates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).build();
    EvaluationRequest request = june(70).toBuilder().waiver(waiver).build();
    String line = DecisionLog.line(request, engine.evaluate(request), Instant.now(), false);
    Waiver widened = Waiver.builder("w-1", "logged").justification(LocalizedText.of("thử", "test"))
        .approver(Waiver.Approver.withId("head", "head-of-unit")).risk(Waiver.Risk.HIGH)
        .dates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).build();

    DecisionLog.Replay replay = DecisionLog.replay(line, engine, june(70).toBuilder().waiver(widened).build());

    assertThat(replay.differences()).anySatisfy(d -> assertThat(d).startsWith("the waivers differ"));
  }

  @Test
  void a_line_holds_the_digests_of_waiver_ids_not_the_ids_which_may_name_people() {
    Waiver waiver = Waiver.builder("w-2025-06-o2-late", "logged").justification(LocalizedText.of("thử", "test"))
        .approver(Waiver.Approver.withId("head", "head-of-unit")).risk(Waiver.Risk.LOW)
        .dates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).build();
    EvaluationRequest request = june(70).toBuilder().waiver(waiver).build();

    String line = DecisionLog.line(request, engine.evaluate(request), Instant.now(), false);

    assertThat(line).doesNotContain("o2").containsPattern("\"waivers\":\\[\"sha256:[0-9a-f]{64}:sha256:[0-9a-f]{64}\"\\]");
    assertThat(DecisionLog.replay(line, engine, request).reproduced()).isTrue();
    // a line logged before, with the id as written, still replays
    String before = line.replaceFirst("\"waivers\":\\[\"sha256:[0-9a-f]{64}:", "\"waivers\":[\"w-2025-06-o2-late:");
    assertThat(before).contains("w-2025-06-o2-late:sha256:");
    assertThat(DecisionLog.replay(before, engine, request).reproduced()).isTrue();
  }

  @Test
  void should_refuse_a_line_that_is_not_a_log_line() {
    assertThatThrownBy(() -> DecisionLog.replay("{\"x\": 1}", engine, june(70)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a decision log line");
    assertThatThrownBy(() -> DecisionLog.replay("not json", engine, june(70)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
