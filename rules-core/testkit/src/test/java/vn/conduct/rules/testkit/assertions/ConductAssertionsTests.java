package vn.conduct.rules.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.api.Outcome.FAIL;
import static vn.conduct.rules.api.Outcome.PASS;
import static vn.conduct.rules.testkit.assertions.ConductAssertions.assertThat;
import static vn.conduct.rules.testkit.assertions.DemoPack.lines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SubjectResult;

class ConductAssertionsTests {

  @TempDir
  static Path dir;

  static RulesEngine engine;
  static Report report;

  @BeforeAll
  static void evaluate() {
    engine = DemoPack.engine(dir);
    report = engine.evaluate(DemoPack.request().build());
  }

  @Test
  void reads_like_the_javadoc_example() {
    assertThat(report).hasNoFactProblems().usedPack("assert-demo", "1.2.0");
    assertThat(report).subject("o4").rule("demo.badge").hasOutcome(FAIL).hasReasonContaining("badge-worn");
    assertThat(report).subject("o3").score("demo-grade").hasScore("90").hasRating("B");
    assertThat(report).ranking("demo-grade", "north").ranksInOrder("o1", "o2", "o3");
  }

  @Test
  void assertThat_a_subject_result_from_a_streaming_evaluation() {
    List<SubjectResult> streamed = new ArrayList<>();
    engine.evaluate(DemoPack.request().build(), streamed::add);

    SubjectResult o4 = streamed.stream().filter(s -> s.subjectId().equals("o4")).findFirst().orElseThrow();
    assertThat(o4).isNotCompliant().hasOutcome("demo.task", FAIL);
    assertThatThrownBy(() -> assertThat(o4).isCompliant())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(lines(
            "",
            "Expecting subject \"o4\" to be compliant",
            "but these findings are FAIL, UNKNOWN or ERROR:"));
  }

  @Test
  void assertThat_a_ranking() {
    Ranking south = report.rankings().get(2);

    assertThat(south).hasRank("o4", 1).hasUnranked("o5");
    assertThatThrownBy(() -> assertThat(south).hasUnranked())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(lines(
            "",
            "Expecting the unranked subjects on checklist \"demo-grade\", peer group \"south\" to be exactly []",
            "but they are [o5]",
            "ranked or absent: []",
            "unexpectedly unranked: [o5]"));
  }

  @Test
  void fails_on_a_null_report_like_assertj() {
    assertThatThrownBy(() -> assertThat((Report) null).subject("o1"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines("", "Expecting actual not to be null"));
  }

  @Test
  void carries_the_description_over_to_the_asserts_navigated_to() {
    assertThatThrownBy(() -> assertThat(report).as("June report").subject("o4").rule("demo.task")
            .hasOutcome(PASS))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(lines(
            "[June report] ",
            "Expecting the finding of rule \"demo.task\" for subject \"o4\" to have outcome PASS"));
  }

  @Test
  void shows_reasons_with_percent_signs_verbatim() {
    assertThatThrownBy(() -> assertThat(report).subject("o3").score("demo-grade").hasRating("A"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Quota: at most 50% of 4 rated members 'u1' (2) may hold A");
  }

  @Test
  void rejects_null_arguments_with_a_named_parameter() {
    assertThatThrownBy(() -> assertThat(report).subject(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("subjectId must not be null");
  }
}
