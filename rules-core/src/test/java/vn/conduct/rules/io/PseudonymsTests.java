package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.ValidationIssue;

/** Personal data marked by a pack is pseudonymised in exported reports (issue 14, part 3). */
class PseudonymsTests {

  @TempDir
  static Path dir;

  static RulesEngine engine;
  static EvaluationRequest request;
  static Report report;

  static final byte[] KEY = "a key the host keeps, 32 bytes..".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void evaluate() throws Exception {
    Path pack = Files.createDirectories(dir.resolve("personal"));
    Files.createDirectories(pack.resolve("rules/p.born"));
    Files.writeString(pack.resolve("pack.yaml"), """
        format: 2
        id: personal
        version: 1.0.0
        title: {vi: Thử, en: Test}
        engine: ">=0.1.0 <1.0.0"
        sources: {s: {number: "1/QĐ"}}
        vocabulary:
          subject-types:
            agency: {}
            officer:
              parent: agency
              personal: true
              attributes:
                born: {type: date, personal: true}
                position: {type: string}
        """);
    Files.writeString(pack.resolve("rules/p.born/rule.yaml"), """
        id: p.born
        title: {vi: Sinh trước 1990, en: Born before 1990}
        source: {document: s, basis: read}
        severity: minor
        applies-to: [officer]
        kind: criterion
        condition: {attribute: born, lt: 1990-01-01}
        """);
    engine = RulesEngine.builder().addPack(pack).build();
    request = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("u1", "agency").withName("UBND phường A"))
        .subject(Subject.of("cb-001", "officer").withParent("u1").withName("Nguyễn Văn An")
            .withAttribute("born", LocalDate.of(1985, 3, 14)).withAttribute("position", "staff"))
        .observation(Observation.of("cb-404", "task", 1))
        .build();
    report = engine.evaluate(request);
  }

  @Test
  void should_mask_personal_ids_names_and_attribute_values_and_say_how() {
    String plain = new ReportJson().write(report);
    String masked = new ReportJson().withPseudonyms(Pseudonyms.withKey(KEY)).write(report);
    String pseudonym = Pseudonyms.withKey(KEY).of("cb-001");

    assertThat(plain).contains("cb-001").contains("Nguyễn Văn An").contains("1985-03-14");
    assertThat(masked).doesNotContain("cb-001").doesNotContain("Nguyễn Văn An").doesNotContain("1985-03-14")
        .contains("\"id\": \"" + pseudonym + "\"")
        // the agency is not a person: its id and name stay
        .contains("\"id\": \"u1\"").contains("UBND phường A")
        .contains("\"names\": \"left out\"");
    assertThat(pseudonym).matches("p-[0-9a-f]{20}");
    com.fasterxml.jackson.databind.JsonNode privacy = read(masked).path("privacy");
    assertThat(privacy.path("subject-types").toString()).isEqualTo("[\"officer\"]");
    assertThat(privacy.path("attributes").path("officer").toString()).isEqualTo("[\"born\"]");
    assertThat(privacy.path("masked-values").asInt()).isEqualTo(2);
  }

  private static com.fasterxml.jackson.databind.JsonNode read(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void should_give_the_same_pseudonyms_under_one_key_and_others_under_another() {
    Pseudonyms one = Pseudonyms.withKey(KEY);
    Pseudonyms same = Pseudonyms.withKey(KEY.clone());
    Pseudonyms other = Pseudonyms.withKey("another key, 32 bytes long......".getBytes(StandardCharsets.UTF_8));

    assertThat(one.of("cb-001")).isEqualTo(same.of("cb-001")).isNotEqualTo(other.of("cb-001"))
        .isNotEqualTo(one.of("cb-002"));
    assertThat(new ReportJson().withPseudonyms(one).write(report))
        .isEqualTo(new ReportJson().withPseudonyms(same).write(report));
    assertThat(Pseudonyms.withRandomKey().of("cb-001")).isNotEqualTo(one.of("cb-001"));
    assertThat(new ReportJson().withPseudonyms(Pseudonyms.withRandomKey()).write(report))
        .contains("random, drawn for this report");
  }

  @Test
  void should_keep_names_when_asked_and_refuse_a_short_key() {
    assertThat(new ReportJson().withPseudonyms(Pseudonyms.withKey(KEY).keepingNames()).write(report))
        .contains("Nguyễn Văn An").doesNotContain("\"cb-001\"").contains("\"names\": \"kept, as the caller asked\"");
    assertThatThrownBy(() -> Pseudonyms.withKey(new byte[8])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 bytes");
  }

  @Test
  void should_refuse_personal_in_a_format_1_pack_and_on_an_indicator() throws Exception {
    Path old = Files.createDirectories(dir.resolve("old"));
    Files.writeString(old.resolve("pack.yaml"), """
        format: 1
        id: old
        version: 1.0.0
        title: {vi: Thử, en: Test}
        engine: ">=0.1.0 <1.0.0"
        sources: {s: {number: "1/QĐ"}}
        vocabulary:
          subject-types:
            officer:
              personal: true
              indicators:
                score: {type: number, personal: true}
        """);

    assertThat(RulesEngine.check(old)).filteredOn(i -> i.severity() == ValidationIssue.Level.ERROR)
        .extracting(i -> i.path() + " " + i.code())
        .contains("vocabulary.subject-types.officer.personal pack.format-feature",
            "vocabulary.subject-types.officer.indicators.score.personal field.constraint");
  }

  @Test
  void should_mask_the_report_itself_once_for_every_writer_and_keep_the_engines_report_as_it_was() {
    Pseudonyms pseudonyms = Pseudonyms.withKey(KEY);
    Report masked = pseudonyms.apply(report);
    String pseudonym = pseudonyms.of("cb-001");

    // the copy: real ids, names and personal values gone wherever they stand, lazily built reasons included
    SubjectResult officer = masked.subject(pseudonym).orElseThrow();
    assertThat(officer.subject().name()).isNull();
    assertThat(officer.subject().parentId()).isEqualTo("u1");
    assertThat(officer.subject().attributes()).containsEntry("position", "staff")
        .containsEntry("born", pseudonyms.of("born:1985-03-14"));
    assertThat(officer.finding("p.born").orElseThrow().reason().in(Language.EN)).doesNotContain("1985-03-14")
        .contains(pseudonyms.of("born:1985-03-14"));
    assertThat(masked.subject("cb-001")).isEmpty();
    assertThat(masked.subject("u1")).isEqualTo(report.subject("u1"));
    assertThat(masked.privacy()).hasValueSatisfying(p -> {
      assertThat(p.randomKey()).isFalse();
      assertThat(p.namesKept()).isFalse();
      assertThat(p.masked().subjectTypes()).containsExactly("officer");
    });
    // masked once: applying again changes nothing, and the JSON writer writes the copy as it is
    assertThat(Pseudonyms.withKey("another key, 32 bytes long......".getBytes(StandardCharsets.UTF_8)).apply(masked))
        .isSameAs(masked);
    assertThat(new ReportJson().write(masked)).isEqualTo(new ReportJson().withPseudonyms(pseudonyms).write(report));
    // the engine's report keeps the real values for the host
    assertThat(report.privacy()).isEmpty();
    assertThat(report.subject("cb-001").orElseThrow().subject().name()).isEqualTo("Nguyễn Văn An");
  }

  @Test
  void should_find_a_personal_id_inside_a_longer_word_only_at_its_signs() {
    Pseudonyms pseudonyms = Pseudonyms.withKey(KEY);
    Report masked = pseudonyms.apply(Report.of(report.provenance(), report.subjects(), report.rankings(), List.of(
        vn.conduct.rules.api.FactProblem.of("event", 0, "subject", "waiver w-2025-06-cb-001-late, cb-0012, xcb-001,"
            + " cb-001. Nguyễn Văn An"))));

    assertThat(masked.factProblems().get(0).message()).isEqualTo("waiver w-2025-06-" + pseudonyms.of("cb-001")
        + "-late, cb-0012, xcb-001, " + pseudonyms.of("cb-001") + ". " + pseudonyms.of("cb-001"));
  }

  @Test
  void should_replay_a_report_exported_under_the_hosts_key_byte_for_byte_and_say_what_a_random_key_leaves() {
    Pseudonyms host = Pseudonyms.withKey(KEY);
    String logged = DecisionLog.line(request, report, host, java.time.Instant.now(), false);
    assertThat(logged).contains("\"export\":{\"key\":\"host\",\"key-id\":\"" + host.keyId() + "\"")
        .contains("\"digest\":\"" + DecisionLog.digest(host.apply(report)) + "\"")
        .contains("\"report-digest\":\"" + DecisionLog.digest(report) + "\"");
    assertThat(host.keyId()).matches("k-[0-9a-f]{20}").isNotEqualTo(host.of("cb-001"));

    // with the key: both digests checked
    DecisionLog.Replay withKey = DecisionLog.replay(logged, engine, request, Pseudonyms.withKey(KEY.clone()));
    assertThat(withKey.reproduced()).as("%s", withKey.differences()).isTrue();
    assertThat(withKey.notes()).isEmpty();
    // without it: the report before masking, and a note saying the masked one was not checked
    DecisionLog.Replay withoutKey = DecisionLog.replay(logged, engine, request);
    assertThat(withoutKey.reproduced()).isTrue();
    assertThat(withoutKey.notes()).singleElement().asString().contains("host's key " + host.keyId())
        .contains("give that key");
    // with another key: a difference naming the key
    DecisionLog.Replay otherKey = DecisionLog.replay(logged, engine, request,
        Pseudonyms.withKey("another key, 32 bytes long......".getBytes(StandardCharsets.UTF_8)));
    assertThat(otherKey.reproduced()).isFalse();
    assertThat(otherKey.differences()).singleElement().asString().startsWith("the pseudonym key differs: key id k-");

    // a random key: not kept, so the replay checks the report before masking and says so
    String random = DecisionLog.line(request, report, Pseudonyms.withRandomKey(), java.time.Instant.now(), false);
    assertThat(random).contains("\"export\":{\"key\":\"random\",\"names\":\"left-out\"");
    DecisionLog.Replay replay = DecisionLog.replay(random, engine, request, host);
    assertThat(replay.reproduced()).isTrue();
    assertThat(replay.notes()).singleElement().asString().contains("a key drawn for that run and not kept")
        .contains("the report before masking was checked");
    // the log records the engine's report, never a masked copy
    assertThatThrownBy(() -> DecisionLog.line(request, host.apply(report), host, java.time.Instant.now(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a masked copy");
  }

  @Test
  void should_mask_names_in_texts_in_one_pass_however_many_people_the_report_holds() {
    // 20 000 officers named "Cán bộ 1" … "Cán bộ 20000", each with a reason naming one: a scan per name
    // (20 000 × 20 000) would take minutes
    vn.conduct.rules.api.Finding template = report.subject("cb-001").orElseThrow().findings().get(0);
    List<SubjectResult> results = new java.util.ArrayList<>();
    for (int i = 1; i <= 20_000; i++) {
      String said = "Cán bộ " + i + " (" + "o" + i + ") đi muộn; Cán bộ " + (i % 2000 + 1) + "0 không";
      results.add(SubjectResult.of(new Subject("o" + i, "officer", "Cán bộ " + i, "u1", java.util.Map.of()),
          List.of(new vn.conduct.rules.api.Finding(template.rule(), template.outcome(),
              vn.conduct.rules.api.LocalizedText.of(said, said))), List.of(), List.of()));
    }
    Report many = Report.of(report.provenance(), results, List.of(), List.of());
    Pseudonyms pseudonyms = Pseudonyms.withKey(KEY);

    long start = System.nanoTime();
    Report masked = pseudonyms.apply(many);
    String reasons = masked.subjects().stream().map(r -> r.findings().get(0).reason().in(Language.VI))
        .collect(java.util.stream.Collectors.joining("\n"));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(reasons).doesNotContain("Cán bộ").doesNotContainPattern("\\(o\\d+\\)");
    // "Cán bộ 8" is not taken out of "Cán bộ 80": the longest name that ends at a word's end
    assertThat(masked.subject(pseudonyms.of("o7")).orElseThrow().findings().get(0).reason().in(Language.VI))
        .isEqualTo(pseudonyms.of("o7") + " (" + pseudonyms.of("o7") + ") đi muộn; " + pseudonyms.of("o80")
            + " không");
    assertThat(millis).as("milliseconds to mask 20 000 subjects and read their reasons").isLessThan(20_000);
  }
}
