package vn.conduct.rules.testkit.assertions;

import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.SubjectResult;
import org.apiguardian.api.API;

/**
 * Entry point of the AssertJ assertions on Conduct reports. Import it statically, beside or
 * instead of {@link org.assertj.core.api.Assertions}:
 *
 * <pre>{@code
 * import static vn.conduct.rules.api.Outcome.FAIL;
 * import static vn.conduct.rules.testkit.assertions.ConductAssertions.assertThat;
 *
 * Report report = engine.evaluate(request);
 * assertThat(report).hasNoFactProblems().usedPack("hanoi-522", "1.0.0");
 * assertThat(report).subject("cb-001").rule("hn522.badge").hasOutcome(FAIL).hasReasonContaining("thẻ");
 * assertThat(report).subject("cb-001").score("hn3814-monthly").hasScore("87.5").hasRating("B");
 * assertThat(report).ranking("hn3814-monthly", "ubnd-ba-dinh").ranksInOrder("cb-002", "cb-001");
 * }</pre>
 *
 * <p>Failure messages are the point: each names the subject and rule (or checklist, or ranking)
 * and shows what the report does hold — the outcome and reason in Vietnamese and English, the
 * score with its items and adjustments, the ranking's entries — so a failing test explains itself.
 * A description set with {@code as(…)} is carried over to the asserts navigated to.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConductAssertions {

  private ConductAssertions() { }

  /**
   * Creates an assert on an evaluation report.
   *
   * @param actual the report
   * @return an assert on it
   */
  public static ReportAssert assertThat(Report actual) {
    return new ReportAssert(actual);
  }

  /**
   * Creates an assert on one subject's result, e.g. one handed to a streaming evaluation's sink.
   *
   * @param actual the subject's result
   * @return an assert on it
   */
  public static SubjectResultAssert assertThat(SubjectResult actual) {
    return new SubjectResultAssert(actual);
  }

  /**
   * Creates an assert on a ranking.
   *
   * @param actual the ranking
   * @return an assert on it
   */
  public static RankingAssert assertThat(Ranking actual) {
    return new RankingAssert(actual);
  }
}
