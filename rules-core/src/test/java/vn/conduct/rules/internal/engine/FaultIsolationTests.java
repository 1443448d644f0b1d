package vn.conduct.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.spi.RulePackSource;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.load.PackLoader;
import vn.conduct.rules.internal.load.SemVer;

/** A failure while evaluating is kept to the subjects it touches; the rest are evaluated and counted. */
class FaultIsolationTests {

  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  @TempDir
  Path dir;

  private DefaultRulesEngine engine(Evaluator.Faults faults) {
    Path packDir = pack("faults", "1.0.0")
        .rule("r.badge", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: badge-worn, eq: true}\n")
        .rule("r.staffed", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {count: {members: officer}, ge: 1}\n")
        .writeTo(dir);
    LoadedPack pack = PackLoader.load(RulePackSource.directory(packDir), SemVer.parse("0.1.0")).pack().orElseThrow();
    return DefaultRulesEngine.create(List.of(pack), Map.of(), faults, DefaultRulesEngine.PART_SUBJECTS,
        DefaultRulesEngine.PART_FACTS, 1);
  }

  /** Three agencies of two officers each; every officer wears the badge. */
  private static EvaluationRequest threeUnits() {
    EvaluationRequest.Builder request = EvaluationRequest.builder(AS_OF);
    for (String unit : List.of("a", "b", "c")) {
      request.subject(Subject.of(unit, "agency"));
      for (int i = 1; i <= 2; i++) {
        String officer = unit + i;
        request.subject(Subject.of(officer, "officer").withParent(unit));
        request.observation(Observation.of(officer, "badge-worn", true));
      }
    }
    return request.build();
  }

  @Test
  void should_give_error_findings_only_to_the_unit_tree_whose_session_fails() {
    AtomicInteger sessions = new AtomicInteger();
    DefaultRulesEngine engine = engine(subjects -> {
      sessions.incrementAndGet();
      if (subjects.stream().anyMatch(s -> s.id().equals("b1"))) {
        throw new IllegalStateException("disk full\u001B[2J");
      }
    });

    Report report = engine.evaluate(threeUnits());

    assertThat(report.subjects()).extracting(SubjectResult::subjectId)
        .containsExactly("a", "a1", "a2", "b", "b1", "b2", "c", "c1", "c2");
    for (String id : List.of("b", "b1", "b2")) {
      Finding finding = report.subject(id).orElseThrow().findings().get(0);
      assertThat(finding.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(finding.reason().in(Language.EN))
          .isEqualTo("Evaluation failed: IllegalStateException: disk full\\e[2J");
    }
    assertThat(report.subject("a1").orElseThrow().finding("r.badge").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    assertThat(report.subject("c").orElseThrow().finding("r.staffed").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    assertThat(sessions).hasValue(4); // the batch of three trees, then each tree on its own
    assertThat(engine.openSessions()).isZero();
  }

  @Test
  void should_report_a_value_that_cannot_be_read_as_a_fact_problem_and_evaluate_the_rest() {
    CharSequence hostile = new CharSequence() {
      @Override public int length() { throw new UnsupportedOperationException("boom"); }
      @Override public char charAt(int index) { throw new UnsupportedOperationException("boom"); }
      @Override public CharSequence subSequence(int start, int end) { throw new UnsupportedOperationException(); }
      @Override public String toString() { throw new UnsupportedOperationException("boom"); }
    };
    EvaluationRequest request = EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("a", "agency"))
        .subject(Subject.of("a1", "officer").withParent("a").withAttribute("position", hostile))
        .observation(Observation.of("a1", "badge-worn", true))
        .build();

    Report report = engine(Evaluator.Faults.NONE).evaluate(request);

    assertThat(report.factProblems()).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEqualTo("attributes.position");
      assertThat(problem.message()).contains("could not be read");
    });
    assertThat(report.subject("a1").orElseThrow().finding("r.badge").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    assertThat(report.subject("a").orElseThrow().finding("r.staffed").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
  }
}
