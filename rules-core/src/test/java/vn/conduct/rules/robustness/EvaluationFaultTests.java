package vn.conduct.rules.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.io.ReportJson;

/**
 * A host value that throws when the engine looks at it (its {@code toString}, {@code equals},
 * {@code hashCode}, or a number's {@code doubleValue}) is a fact problem that names what was thrown;
 * a subject's rules that read it are ERROR (an event's are left undecided, as the facts format says
 * for an event attribute that cannot be used); every other subject is evaluated as if the hostile
 * value were not there, and every subject is in the report.
 */
class EvaluationFaultTests {

  private static final String CAUSE = "hostile value";

  private static RulesEngine engine;

  @BeforeAll
  static void build(@TempDir Path dir) {
    engine = RulesEngine.builder().addPack(pack("fault", "1.0.0")
        .rule("r.position", "applies-to: [officer]\nkind: requirement\ncondition: {attribute: position, eq: leader}\n")
        .rule("r.score", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 50}\n")
        .rule("r.late", "applies-to: [officer]\nkind: prohibition\n"
            + "condition: {count: {events: [late], within: period}, ge: 1}\n")
        .rule("r.fine", "applies-to: [officer]\nkind: prohibition\n"
            + "condition: {sum: {events: [fine], of: {attribute: amount}, within: period}, gt: 0}\n")
        .rule("r.sipas", "applies-to: [agency]\nkind: requirement\ncondition: {indicator: sipas, ge: 80}\n")
        .writeTo(dir)).build();
  }

  /** An object every method of which throws. */
  static final class Hostile {
    @Override
    public String toString() {
      throw new IllegalStateException(CAUSE + ": toString");
    }

    @Override
    public boolean equals(Object other) {
      throw new IllegalStateException(CAUSE + ": equals");
    }

    @Override
    public int hashCode() {
      throw new IllegalStateException(CAUSE + ": hashCode");
    }
  }

  /** Text that throws when read. */
  static final class HostileText implements CharSequence {
    @Override
    public int length() {
      throw new IllegalStateException(CAUSE + ": length");
    }

    @Override
    public char charAt(int index) {
      throw new IllegalStateException(CAUSE + ": charAt");
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      throw new IllegalStateException(CAUSE + ": subSequence");
    }

    @Override
    public String toString() {
      throw new IllegalStateException(CAUSE + ": toString");
    }
  }

  /** A number that throws when read. */
  static final class HostileNumber extends Number {
    private static final long serialVersionUID = 1L;

    @Override
    public int intValue() {
      throw new IllegalStateException(CAUSE + ": intValue");
    }

    @Override
    public long longValue() {
      throw new IllegalStateException(CAUSE + ": longValue");
    }

    @Override
    public float floatValue() {
      throw new IllegalStateException(CAUSE + ": floatValue");
    }

    @Override
    public double doubleValue() {
      throw new IllegalStateException(CAUSE + ": doubleValue");
    }

    @Override
    public String toString() {
      throw new IllegalStateException(CAUSE + ": toString");
    }
  }

  @Test
  void should_give_error_findings_for_an_attribute_whose_methods_all_throw() {
    assertContained(request -> request.with(3, subject -> subject.withAttribute("position", new Hostile())),
        "r.position", "attributes.position", Outcome.ERROR);
  }

  @Test
  void should_give_error_findings_for_text_that_throws_when_read() {
    assertContained(request -> request.with(3, subject -> subject.withAttribute("position", new HostileText())),
        "r.position", "attributes.position", Outcome.ERROR);
  }

  @Test
  void should_give_error_findings_for_an_observed_number_that_throws_when_read() {
    assertContained(request -> request.observe(Observation.of("o3", "n", new HostileNumber())), "r.score", "value",
        Outcome.ERROR);
  }

  @Test
  void should_give_error_findings_for_an_event_attribute_that_throws_when_read() {
    assertContained(request -> request.event(new Event("ev-h", "o3", "fine", LocalDate.of(2025, 6, 10), true,
        Map.of("amount", new HostileNumber()))), "r.fine", "attributes.amount", Outcome.UNKNOWN, Outcome.ERROR);
  }

  @Test
  void should_report_an_event_attribute_of_the_wrong_type_and_not_decide_on_it() {
    // GIVEN: the amount of one of o3's fines is text, not a number
    EvaluationRequest request = new Facts().event(new Event("ev-text", "o3", "fine", LocalDate.of(2025, 6, 10), true,
        Map.of("amount", "lots"))).request();

    // WHEN
    Report report = engine.evaluate(request);

    // THEN: the problem names the value and what follows (facts-format.md: the event counts without it),
    // and the sum of the amounts is not decided as if the value were not there
    assertThat(report.factProblems()).anySatisfy(problem -> {
      assertThat(problem.kind()).isEqualTo("event");
      assertThat(problem.field()).isEqualTo("attributes.amount");
      assertThat(problem.message()).contains("'lots'").contains("the event counts");
    });
    Finding fine = report.subject("o3").orElseThrow().finding("r.fine").orElseThrow();
    assertThat(fine.outcome()).isIn(Outcome.UNKNOWN, Outcome.ERROR);
  }

  @Test
  void should_stay_usable_after_a_host_sink_throws_mid_way() {
    // GIVEN
    EvaluationRequest request = new Facts().request();
    Report before = engine.evaluate(request);
    List<String> seen = new ArrayList<>();
    IllegalStateException sinkFailure = new IllegalStateException("the host's sink failed");

    // WHEN: the host's own sink throws on the third subject
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> engine.evaluate(request, result -> {
      seen.add(result.subjectId());
      if (seen.size() == 3) {
        throw sinkFailure;
      }
    }));

    // THEN: the host gets its own exception back, and the engine evaluates as before
    assertThat(thrown).isSameAs(sinkFailure);
    assertThat(seen).hasSize(3);
    Report after = engine.evaluate(request);
    for (String id : List.of("a0", "o1", "o2", "o3", "o4", "o5")) {
      assertThat(outcomes(after, id)).as("outcomes of %s", id).isEqualTo(outcomes(before, id));
    }
  }

  @Test
  void should_refuse_a_parameter_override_whose_value_throws_naming_the_pack_and_the_parameter(@TempDir Path dir) {
    // GIVEN: the pack declares the number parameter 'target'
    RulesEngine.Builder builder = RulesEngine.builder().addPack(pack("param", "1.0.0")
        .rule("r.p", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: {param: target}}\n")
        .writeTo(dir)).parameter("param", "target", new Hostile());

    // WHEN
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(builder::build);

    // THEN: as for any value of the wrong type (rule-pack-format.md, section 6)
    assertThat(thrown == null ? "nothing" : thrown.getClass().getName() + ": " + thrown.getMessage())
        .startsWith(IllegalArgumentException.class.getName()).contains("'param'").contains("'target'");
  }

  /** The request of the test: an agency and five officers, with facts for every rule. */
  private static final class Facts {
    final List<Subject> subjects = new ArrayList<>();
    final List<Observation> observations = new ArrayList<>();
    final List<Event> events = new ArrayList<>();

    Facts() {
      subjects.add(new Subject("a0", "agency", null, null, Map.of()));
      observations.add(Observation.of("a0", "sipas", new BigDecimal("85")));
      for (int i = 1; i <= 5; i++) {
        subjects.add(new Subject("o" + i, "officer", null, "a0", Map.of("position", i % 2 == 0 ? "leader" : "staff")));
        observations.add(Observation.of("o" + i, "n", new BigDecimal(i * 20)));
        if (i % 2 == 1) {
          events.add(new Event("ev" + i, "o" + i, "late", LocalDate.of(2025, 6, i), true, Map.of()));
        }
        events.add(new Event("fine" + i, "o" + i, "fine", LocalDate.of(2025, 6, i), true,
            Map.of("amount", new BigDecimal(i % 3 * 100))));
      }
    }

    Facts with(int officer, Function<Subject, Subject> change) {
      subjects.set(officer, change.apply(subjects.get(officer)));
      return this;
    }

    Facts observe(Observation observation) {
      observations.add(observation);
      return this;
    }

    Facts event(Event event) {
      events.add(event);
      return this;
    }

    EvaluationRequest request() {
      return EvaluationRequest.builder(LocalDate.of(2025, 6, 30)).subjects(subjects).observations(observations)
          .events(events).build();
    }
  }

  private static void assertContained(Function<Facts, Facts> hostility, String ruleReadingIt, String field,
      Outcome... outcomes) {
    // GIVEN
    EvaluationRequest baseline = new Facts().request();
    EvaluationRequest hostile = hostility.apply(new Facts()).request();
    Report expected = engine.evaluate(baseline);

    // WHEN
    Report report = engine.evaluate(hostile);
    List<SubjectResult> streamed = new ArrayList<>();
    engine.evaluate(hostile, streamed::add);

    // THEN: every subject is reported, with a finding for every rule that applies to it
    assertThat(report.subjects()).extracting(SubjectResult::subjectId)
        .containsExactly("a0", "o1", "o2", "o3", "o4", "o5");
    assertThat(streamed).extracting(SubjectResult::subjectId).containsExactlyInAnyOrder("a0", "o1", "o2", "o3", "o4",
        "o5");
    for (SubjectResult result : report.subjects()) {
      assertThat(result.findings()).as("findings of %s", result.subjectId())
          .hasSize(result.subjectId().equals("a0") ? 1 : 4);
    }
    // the value is a fact problem that gives the cause: what was thrown, or at least which value it was
    assertThat(report.factProblems()).as("fact problems").anySatisfy(problem -> {
      assertThat(problem.field()).isEqualTo(field);
      assertThat(problem.message()).containsAnyOf(CAUSE, IllegalStateException.class.getSimpleName(),
          "unreadable Hostile");
    });
    // the rule that reads it is not decided on it: ERROR for a subject's value, saying which value or
    // what was thrown (the engine may also give ERROR to the subject's other rules, with the cause)
    Finding finding = report.subject("o3").orElseThrow().finding(ruleReadingIt).orElseThrow();
    assertThat(finding.outcome()).as("outcome of %s for o3", ruleReadingIt).isIn((Object[]) outcomes);
    if (finding.outcome() == Outcome.ERROR) {
      assertThat(finding.reason().in(Language.EN)).as("reason of %s for o3", ruleReadingIt)
          .containsAnyOf(field.substring(field.lastIndexOf('.') + 1).replace("value", "'n'"), CAUSE);
    }
    report.subject("o3").orElseThrow().findings().stream().filter(f -> f.outcome() == Outcome.ERROR)
        .forEach(f -> assertThat(f.reason().in(Language.EN)).as("reason of %s for o3", f.ruleId()).isNotBlank());
    // every other subject comes out as it does without the hostile value
    for (String id : List.of("a0", "o1", "o2", "o4", "o5")) {
      assertThat(outcomes(report, id)).as("outcomes of %s", id).isEqualTo(outcomes(expected, id));
    }
    // the report can be read and written: every reason renders
    for (SubjectResult result : report.subjects()) {
      result.findings().forEach(each -> assertThat(each.reason().in(Language.VI)).isNotBlank());
    }
    assertThat(new ReportJson().write(report)).contains("\"o3\"");
  }

  private static Map<String, Outcome> outcomes(Report report, String subjectId) {
    Map<String, Outcome> outcomes = new TreeMap<>();
    report.subject(subjectId).orElseThrow().findings().forEach(f -> outcomes.put(f.ruleId(), f.outcome()));
    return outcomes;
  }
}
