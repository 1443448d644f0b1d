package vn.conduct.rules.testkit.assertions;

import static vn.conduct.rules.testkit.assertions.Render.NL;
import static vn.conduct.rules.testkit.assertions.Render.quote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import vn.conduct.rules.api.Ranking;
import org.apiguardian.api.API;

/**
 * Assertions on the ranking of one peer group on one checklist; get one with {@link
 * ReportAssert#ranking(String, String)}.
 *
 * <p>Every failure message ends with the ranking: each entry's rank, subject, score and rating,
 * and the unranked subjects.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RankingAssert extends ReportPartAssert<RankingAssert, Ranking> {

  /**
   * Creates an assert on {@code actual}; prefer {@link ReportAssert#ranking(String, String)}.
   *
   * @param actual the ranking, may be {@code null} (every assertion then fails)
   */
  public RankingAssert(Ranking actual) {
    super(actual, RankingAssert.class);
  }

  /**
   * Verifies a subject's rank; equal scores share a rank ("1, 2, 2, 4").
   *
   * @param subjectId the subject's id
   * @param rank the expected rank, starting at 1
   * @return this assert
   * @throws AssertionError if the subject has another rank, is unranked or is not in this
   *     ranking's peer group
   */
  public RankingAssert hasRank(String subjectId, int rank) {
    Objects.requireNonNull(subjectId, "subjectId must not be null");
    isNotNull();
    Optional<Ranking.Entry> entry = entry(subjectId);
    if (entry.isEmpty()) {
      fail(expecting(subjectId, "to have rank " + rank) + "but " + absence(subjectId) + NL + ranking());
    } else if (entry.get().rank() != rank) {
      fail(entry.get().rank(), rank,
          expecting(subjectId, "to have rank " + rank) + "but it has rank " + entry.get().rank() + NL
              + ranking());
    }
    return myself;
  }

  /**
   * Verifies that the subjects are ranked and listed in this order, best first. Other subjects
   * may be listed before, between or after them. Subjects with equal scores share a rank and are
   * listed by id, so give tied subjects in id order.
   *
   * <pre>{@code assertThat(report).ranking("hn3814-monthly").ranksInOrder("cb-002", "cb-001");}</pre>
   *
   * @param subjectIds the subjects, best first
   * @return this assert
   * @throws AssertionError if one of them is not ranked or two are listed the other way round
   */
  public RankingAssert ranksInOrder(String... subjectIds) {
    Objects.requireNonNull(subjectIds, "subjectIds must not be null");
    isNotNull();
    String order = Arrays.toString(subjectIds);
    int previousIndex = -1;
    for (int i = 0; i < subjectIds.length; i++) {
      String subjectId = subjectIds[i];
      int index = indexOf(subjectId);
      if (index < 0) {
        fail(NL + "Expecting " + order + " to be ranked in this order on " + Render.rankingName(actual)
            + NL + "but " + quote(subjectId) + " " + absence(subjectId).substring("it ".length())
            + NL + ranking());
      }
      if (index <= previousIndex) {
        Ranking.Entry before = actual.entries().get(previousIndex);
        Ranking.Entry after = actual.entries().get(index);
        fail(NL + "Expecting " + order + " to be ranked in this order on " + Render.rankingName(actual)
            + NL + "but " + quote(after.subjectId()) + " (rank " + after.rank() + ") is listed "
            + (index == previousIndex ? "twice" : "before " + quote(before.subjectId()) + " (rank "
                + before.rank() + ")")
            + NL + ranking());
      }
      previousIndex = index;
    }
    return myself;
  }

  /**
   * Verifies that exactly these subjects, in any order, are in the peer group but could not be
   * ranked (not enough evidence). With no argument, verifies that every subject was ranked.
   *
   * @param subjectIds the unranked subjects
   * @return this assert
   * @throws AssertionError if the unranked subjects differ
   */
  public RankingAssert hasUnranked(String... subjectIds) {
    Objects.requireNonNull(subjectIds, "subjectIds must not be null");
    isNotNull();
    TreeSet<String> expected = new TreeSet<>(Arrays.asList(subjectIds));
    if (!expected.equals(new TreeSet<>(actual.unranked()))) {
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(actual.unranked());
      List<String> unexpected = new ArrayList<>(actual.unranked());
      unexpected.removeAll(expected);
      fail(actual.unranked(), List.copyOf(expected),
          NL + "Expecting the unranked subjects on " + Render.rankingName(actual)
              + " to be exactly " + expected + NL
              + "but they are " + actual.unranked() + NL
              + "ranked or absent: " + missing + NL
              + "unexpectedly unranked: " + unexpected + NL
              + ranking());
    }
    return myself;
  }

  private Optional<Ranking.Entry> entry(String subjectId) {
    return actual.entries().stream().filter(e -> e.subjectId().equals(subjectId)).findFirst();
  }

  private int indexOf(String subjectId) {
    for (int i = 0; i < actual.entries().size(); i++) {
      if (actual.entries().get(i).subjectId().equals(subjectId)) {
        return i;
      }
    }
    return -1;
  }

  private String absence(String subjectId) {
    return actual.unranked().contains(subjectId)
        ? "it is unranked (not rated: too little evidence)"
        : "it is not in this ranking";
  }

  private String expecting(String subjectId, String what) {
    return NL + "Expecting subject " + quote(subjectId) + " " + what + " on "
        + Render.rankingName(actual) + NL;
  }

  private String ranking() {
    return Render.ranking(actual);
  }
}
