package vn.conduct.rules.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testkit.assertions.ConductAssertions.assertThat;
import static vn.conduct.rules.testkit.assertions.DemoPack.lines;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.ScoreAdjustment;

class ChecklistScoreAssertTests {

  /** o3: 100 − 10 for two late arrivals = 90, band A, lowered to B by the 50 % quota. */
  private static final String O3_SCORE = lines(
      "Score of subject \"o3\" on checklist \"demo-grade\": 90 of 100, rating \"B\", evidence 100 %",
      "  items:",
      "    demo.task PASS 60/60",
      "    demo.badge PASS 20/20",
      "    demo.no-smoking PASS 20/20",
      "  adjustments:",
      "    DEDUCTION late -10: −10 points: 2 event(s) [late] × 5 (at most 10)",
      "    QUOTA A A -> B: Quota: at most 50% of 4 rated members 'u1' (2) may hold A; 3 reached it; "
          + "lowered to B as score 90 is among the lowest");

  /** o5: no task observation, so demo.task is UNKNOWN and the subject is unrated. */
  private static final String O5_SCORE = lines(
      "Score of subject \"o5\" on checklist \"demo-grade\": 40 of 100, unrated, evidence 66.67 %",
      "  items:",
      "    demo.task UNKNOWN 0/60",
      "    demo.badge PASS 20/20",
      "    demo.no-smoking PASS 20/20",
      "  adjustments: none");

  @TempDir
  static Path dir;

  static Report report;

  @BeforeAll
  static void evaluate() {
    report = DemoPack.evaluate(dir);
  }

  private static ChecklistScoreAssert grade(String subjectId) {
    return assertThat(report).subject(subjectId).score("demo-grade");
  }

  @Test
  void hasScore_passes_comparing_numerically_whatever_the_scale() {
    grade("o3").hasScore("90.00").hasScore("90").hasScore(new BigDecimal("90.0")).hasScore(90.0);
    grade("o2").hasScore(95);
  }

  @Test
  void hasScore_fails_showing_items_and_adjustments() {
    assertThatThrownBy(() -> grade("o3").hasScore("95.50"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the score of subject \"o3\" on checklist \"demo-grade\" to have score 95.5",
            "but it is 90",
            O3_SCORE));
  }

  @Test
  void hasScore_with_a_double_fails_like_the_others() {
    assertThatThrownBy(() -> grade("o3").hasScore(90.5))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(lines(
            "",
            "Expecting the score of subject \"o3\" on checklist \"demo-grade\" to have score 90.5",
            "but it is 90"));
  }

  @Test
  void hasRating_passes_on_the_rating_after_quotas() {
    grade("o3").hasRating("B");
    grade("o4").hasRating("C");
  }

  @Test
  void hasRating_fails_on_another_rating() {
    assertThatThrownBy(() -> grade("o3").hasRating("A"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the score of subject \"o3\" on checklist \"demo-grade\" to have rating \"A\"",
            "but it has rating \"B\"",
            O3_SCORE));
  }

  @Test
  void hasRating_fails_on_an_unrated_subject() {
    assertThatThrownBy(() -> grade("o5").hasRating("C"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the score of subject \"o5\" on checklist \"demo-grade\" to have rating \"C\"",
            "but it is unrated",
            O5_SCORE));
  }

  @Test
  void isRated_passes() {
    grade("o4").isRated();
  }

  @Test
  void isRated_fails_showing_the_evidence() {
    assertThatThrownBy(() -> grade("o5").isRated())
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the score of subject \"o5\" on checklist \"demo-grade\" to be rated",
            "but it is unrated: evidence 66.67 %",
            O5_SCORE));
  }

  @Test
  void isUnrated_passes() {
    grade("o5").isUnrated().hasScore(40);
  }

  @Test
  void isUnrated_fails() {
    assertThatThrownBy(() -> grade("o3").isUnrated())
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the score of subject \"o3\" on checklist \"demo-grade\" to be unrated",
            "but it is rated \"B\"",
            O3_SCORE));
  }

  @Test
  void hasAdjustment_passes() {
    grade("o3").hasAdjustment(ScoreAdjustment.Kind.DEDUCTION).hasAdjustment(ScoreAdjustment.Kind.QUOTA);
  }

  @Test
  void hasAdjustment_fails_listing_the_adjustments_made() {
    assertThatThrownBy(() -> grade("o3").hasAdjustment(ScoreAdjustment.Kind.VETO))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the score of subject \"o3\" on checklist \"demo-grade\" to have a VETO adjustment",
            "but it has none",
            O3_SCORE));
  }

  @Test
  void wasLoweredByQuota_passes() {
    grade("o3").wasLoweredByQuota();
  }

  @Test
  void wasLoweredByQuota_fails_on_a_subject_that_kept_its_band() {
    assertThatThrownBy(() -> grade("o2").wasLoweredByQuota())
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the score of subject \"o2\" on checklist \"demo-grade\" to have been lowered "
                + "by a quota",
            "but no quota changed its rating \"A\"",
            "Score of subject \"o2\" on checklist \"demo-grade\": 95 of 100, rating \"A\", evidence 100 %",
            "  items:",
            "    demo.task PASS 60/60",
            "    demo.badge PASS 20/20",
            "    demo.no-smoking PASS 20/20",
            "  adjustments:",
            "    DEDUCTION late -5: −5 points: 1 event(s) [late] × 5 (at most 10)"));
  }
}
