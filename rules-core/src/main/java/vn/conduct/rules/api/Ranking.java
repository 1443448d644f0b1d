package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Subjects ranked by their score on one checklist within one peer group.
 *
 * <p>Higher scores rank first. Equal scores share a rank ("1, 2, 2, 4") and are listed by subject
 * id. Subjects without enough evidence are listed in {@link #unranked()}, not ranked.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Ranking {

  private final String packId;
  private final String checklistId;
  private final String peerGroup;
  private final List<Entry> entries;
  private final List<String> unranked;

  private Ranking(String packId, String checklistId, String peerGroup, List<Entry> entries,
      List<String> unranked) {
    this.packId = Objects.requireNonNull(packId, "packId");
    this.checklistId = Objects.requireNonNull(checklistId, "checklistId");
    this.peerGroup = Objects.requireNonNull(peerGroup, "peerGroup");
    this.entries = List.copyOf(entries);
    this.unranked = List.copyOf(unranked);
  }

  /**
   * Creates a ranking; for the engine and for tests of code that reads reports.
   *
   * @param packId the pack; never {@code null}
   * @param checklistId the checklist; never {@code null}
   * @param peerGroup the peer group's value, or {@code ""} for all; never {@code null}
   * @param entries ranked subjects, best first; copied
   * @param unranked ids of subjects in the group that could not be ranked, sorted; copied
   * @since 0.2
   */
  public static Ranking of(String packId, String checklistId, String peerGroup, List<Entry> entries,
      List<String> unranked) {
    return new Ranking(packId, checklistId, peerGroup, entries, unranked);
  }

  /** The pack. */
  public String packId() {
    return packId;
  }

  /** The checklist. */
  public String checklistId() {
    return checklistId;
  }

  /** The peer group's value (e.g. {@code department}), or {@code ""} for all. */
  public String peerGroup() {
    return peerGroup;
  }

  /** Ranked subjects, best first. */
  public List<Entry> entries() {
    return entries;
  }

  /** Ids of subjects in the group that could not be ranked, sorted. */
  public List<String> unranked() {
    return unranked;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ranking that && packId.equals(that.packId) && checklistId.equals(that.checklistId)
        && peerGroup.equals(that.peerGroup) && entries.equals(that.entries) && unranked.equals(that.unranked);
  }

  @Override
  public int hashCode() {
    return Objects.hash(packId, checklistId, peerGroup, entries, unranked);
  }

  @Override
  public String toString() {
    return "Ranking[packId=" + packId + ", checklistId=" + checklistId + ", peerGroup=" + peerGroup
        + ", entries=" + entries + ", unranked=" + unranked + "]";
  }

  /**
   * One ranked subject.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Entry {

    private final int rank;
    private final String subjectId;
    private final BigDecimal score;
    private final String rating;

    private Entry(int rank, String subjectId, BigDecimal score, String rating) {
      this.rank = rank;
      this.subjectId = subjectId;
      this.score = score;
      this.rating = rating;
    }

    /**
     * Creates an entry; for the engine and for tests of code that reads reports.
     *
     * @param rank the rank, starting at 1
     * @param subjectId the subject
     * @param score its score
     * @param rating its rating, or {@code null}
     * @since 0.2
     */
    public static Entry of(int rank, String subjectId, BigDecimal score, String rating) {
      return new Entry(rank, subjectId, score, rating);
    }

    /** The rank, starting at 1; equal scores share a rank. */
    public int rank() {
      return rank;
    }

    /** The subject. */
    public String subjectId() {
      return subjectId;
    }

    /** Its score. */
    public BigDecimal score() {
      return score;
    }

    /** Its rating, or {@code null}. */
    public String rating() {
      return rating;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry that && rank == that.rank && Objects.equals(subjectId, that.subjectId)
          && Objects.equals(score, that.score) && Objects.equals(rating, that.rating);
    }

    @Override
    public int hashCode() {
      return Objects.hash(rank, subjectId, score, rating);
    }

    @Override
    public String toString() {
      return "Entry[rank=" + rank + ", subjectId=" + subjectId + ", score=" + score + ", rating=" + rating + "]";
    }
  }
}
