package vn.conduct.rules.testkit.assertions;

import static vn.conduct.rules.testkit.assertions.Render.NL;
import static vn.conduct.rules.testkit.assertions.Render.quote;

import java.math.BigDecimal;
import java.util.Objects;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.ScoreAdjustment;
import org.apiguardian.api.API;

/**
 * Assertions on a subject's score on one checklist; get one with {@link
 * SubjectResultAssert#score(String)}.
 *
 * <p>Every failure message ends with the score: points of maximum, rating, evidence, each item
 * with its outcome and points, and each adjustment with its reason, e.g.
 *
 * <pre>
 * Score of subject "cb-003" on checklist "hn3814-monthly": 90 of 100, rating "B", evidence 100 %
 *   items:
 *     hn3814.task-completion PASS 50/50
 *     …
 *   adjustments:
 *     DEDUCTION late-arrival -2: −2 points: 2 event(s) [late-arrival] × 1 (at most 3)
 *     QUOTA A A -&gt; B: Quota: at most 30% of 10 rated members …
 * </pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ChecklistScoreAssert extends ReportPartAssert<ChecklistScoreAssert, ChecklistScore> {

  private final String subjectId;

  /**
   * Creates an assert on {@code actual}; prefer {@link SubjectResultAssert#score(String)}.
   *
   * @param subjectId the id of the subject scored, shown in failure messages
   * @param actual the score, may be {@code null} (every assertion then fails)
   */
  public ChecklistScoreAssert(String subjectId, ChecklistScore actual) {
    super(actual, ChecklistScoreAssert.class);
    this.subjectId = subjectId;
  }

  /**
   * Verifies the final score (after deductions, bonus, floor, vetoes), compared numerically:
   * {@code "90.50"} equals {@code 90.5}.
   *
   * @param expected the expected score as a decimal number, e.g. {@code "87.5"}
   * @return this assert
   * @throws AssertionError if the score differs
   * @throws NumberFormatException if {@code expected} is not a decimal number
   */
  public ChecklistScoreAssert hasScore(String expected) {
    Objects.requireNonNull(expected, "expected score must not be null");
    return hasScore(new BigDecimal(expected.trim()));
  }

  /**
   * Verifies the final score, compared numerically ({@link BigDecimal#compareTo}), so the scale
   * does not matter: {@code 90.50} equals {@code 90.5}.
   *
   * @param expected the expected score
   * @return this assert
   * @throws AssertionError if the score differs
   */
  public ChecklistScoreAssert hasScore(BigDecimal expected) {
    Objects.requireNonNull(expected, "expected score must not be null");
    isNotNull();
    if (actual.score().compareTo(expected) != 0) {
      fail(Render.number(actual.score()), Render.number(expected),
          expecting("to have score " + Render.number(expected)) + "but it is "
              + Render.number(actual.score()) + NL + score());
    }
    return myself;
  }

  /**
   * Verifies the final score, compared numerically after converting {@code expected} with {@link
   * BigDecimal#valueOf(double)}: {@code hasScore(90.5)} matches a score of {@code 90.50}.
   *
   * @param expected the expected score
   * @return this assert
   * @throws AssertionError if the score differs
   * @throws NumberFormatException if {@code expected} is infinite or NaN
   */
  public ChecklistScoreAssert hasScore(double expected) {
    return hasScore(BigDecimal.valueOf(expected));
  }

  /**
   * Verifies the final rating band, after vetoes and quotas.
   *
   * @param expected the band id, e.g. {@code A}
   * @return this assert
   * @throws AssertionError if the subject has another rating or is unrated
   */
  public ChecklistScoreAssert hasRating(String expected) {
    Objects.requireNonNull(expected, "expected rating must not be null");
    isNotNull();
    if (!expected.equals(actual.rating())) {
      fail(actual.rating(), expected,
          expecting("to have rating " + quote(expected)) + "but "
              + (actual.rating() == null ? "it is unrated" : "it has rating " + quote(actual.rating()))
              + NL + score());
    }
    return myself;
  }

  /**
   * Verifies that the subject had enough evidence to be rated and ranked.
   *
   * @return this assert
   * @throws AssertionError if it is unrated; the message shows the evidence percentage and items
   */
  public ChecklistScoreAssert isRated() {
    isNotNull();
    if (!actual.rated()) {
      fail(expecting("to be rated") + "but it is unrated: evidence "
          + Render.number(actual.evidencePercent()) + " %" + NL + score());
    }
    return myself;
  }

  /**
   * Verifies that the subject could not be rated (too little evidence, no counted item, or an
   * undecided veto rule), so it has no rating and no rank.
   *
   * @return this assert
   * @throws AssertionError if it is rated
   */
  public ChecklistScoreAssert isUnrated() {
    isNotNull();
    if (actual.rated()) {
      fail(expecting("to be unrated") + "but it is rated " + quote(actual.rating()) + NL + score());
    }
    return myself;
  }

  /**
   * Verifies that at least one adjustment of the given kind was made to the score or rating.
   *
   * @param kind the kind of adjustment
   * @return this assert
   * @throws AssertionError if none was; the message lists the adjustments made
   */
  public ChecklistScoreAssert hasAdjustment(ScoreAdjustment.Kind kind) {
    Objects.requireNonNull(kind, "kind must not be null");
    isNotNull();
    if (actual.adjustments().stream().noneMatch(a -> a.kind() == kind)) {
      fail(expecting("to have a " + kind + " adjustment") + "but it has none" + NL + score());
    }
    return myself;
  }

  /**
   * Verifies that a share quota lowered the subject's rating (a {@link
   * ScoreAdjustment.Kind#QUOTA QUOTA} adjustment).
   *
   * @return this assert
   * @throws AssertionError if no quota changed the rating
   */
  public ChecklistScoreAssert wasLoweredByQuota() {
    isNotNull();
    if (actual.adjustments().stream().noneMatch(a -> a.kind() == ScoreAdjustment.Kind.QUOTA)) {
      fail(expecting("to have been lowered by a quota") + "but no quota changed its "
          + Render.rating(actual) + NL + score());
    }
    return myself;
  }

  private String expecting(String what) {
    return NL + "Expecting the score of subject " + quote(subjectId) + " on checklist "
        + quote(actual.checklistId()) + " " + what + NL;
  }

  private String score() {
    return Render.score(subjectId, actual);
  }
}
