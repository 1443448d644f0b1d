package vn.conduct.rules.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testkit.assertions.ConductAssertions.assertThat;
import static vn.conduct.rules.testkit.assertions.DemoPack.lines;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Report;

class RollUpAssertTests {

  private static final String U1_GRADE = lines(
      "Roll-up of unit \"u1\" on checklist \"demo-grade\": 5 members, 4 rated, average score 71.25",
      "  ratings: {A=2, B=1, C=1}",
      "  failures: {demo.badge=1, demo.no-smoking=1, demo.task=1}");

  @TempDir
  static Path dir;

  static Report report;

  @BeforeAll
  static void evaluate() {
    report = DemoPack.evaluate(dir);
  }

  private static RollUpAssert grade() {
    return assertThat(report).subject("u1").rollUp("demo-grade");
  }

  @Test
  void hasMembers_passes() {
    grade().hasMembers(5);
  }

  @Test
  void hasMembers_fails() {
    assertThatThrownBy(() -> grade().hasMembers(4))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the roll-up of unit \"u1\" on checklist \"demo-grade\" to have 4 members",
            "but it has 5",
            U1_GRADE));
  }

  @Test
  void hasRated_passes() {
    grade().hasRated(4);
  }

  @Test
  void hasRated_fails() {
    assertThatThrownBy(() -> grade().hasRated(5))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the roll-up of unit \"u1\" on checklist \"demo-grade\" to have 5 rated members",
            "but it has 4",
            U1_GRADE));
  }

  @Test
  void hasAverageScore_passes_comparing_numerically() {
    grade().hasAverageScore("71.25").hasAverageScore("71.250");
  }

  @Test
  void hasAverageScore_fails() {
    assertThatThrownBy(() -> grade().hasAverageScore("80"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the roll-up of unit \"u1\" on checklist \"demo-grade\" to have average score 80",
            "but it is 71.25",
            U1_GRADE));
  }

  @Test
  void hasRatingCount_passes_after_quotas_and_on_bands_nobody_holds() {
    grade().hasRatingCount("A", 2).hasRatingCount("B", 1).hasRatingCount("C", 1);
    assertThat(report).subject("u1").rollUp("demo-conduct").hasRatingCount("good", 4).hasRatingCount("A", 0);
  }

  @Test
  void hasRatingCount_fails() {
    assertThatThrownBy(() -> grade().hasRatingCount("A", 3))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the roll-up of unit \"u1\" on checklist \"demo-grade\" to have 3 members rated \"A\"",
            "but it has 2",
            U1_GRADE));
  }

  @Test
  void hasFailures_passes() {
    grade().hasFailures("demo.task", 1).hasFailures("demo.nope", 0);
  }

  @Test
  void hasFailures_fails() {
    assertThatThrownBy(() -> grade().hasFailures("demo.badge", 0))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the roll-up of unit \"u1\" on checklist \"demo-grade\" to have 0 members failing "
                + "rule \"demo.badge\"",
            "but it has 1",
            U1_GRADE));
  }
}
