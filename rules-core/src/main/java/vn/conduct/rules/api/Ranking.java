package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Subjects ranked by their score on one checklist within one peer group.
 *
 * <p>Higher scores rank first. Equal scores share a rank ("1, 2, 2, 4") and are listed by subject
 * id. Subjects without enough evidence are listed in {@link #unranked()}, not ranked.
 *
 * @param packId the pack
 * @param checklistId the checklist
 * @param peerGroup the peer group's value (e.g. {@code department}), or {@code ""} for all
 * @param entries ranked subjects, best first
 * @param unranked ids of subjects in the group that could not be ranked, sorted
 * @since 0.1
 */
public record Ranking(
    String packId,
    String checklistId,
    String peerGroup,
    List<Entry> entries,
    List<String> unranked) {

  public Ranking {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(checklistId, "checklistId");
    Objects.requireNonNull(peerGroup, "peerGroup");
    entries = List.copyOf(entries);
    unranked = List.copyOf(unranked);
  }

  /**
   * One ranked subject.
   *
   * @param rank the rank, starting at 1; equal scores share a rank
   * @param subjectId the subject
   * @param score its score
   * @param rating its rating, or {@code null}
   */
  public record Entry(int rank, String subjectId, BigDecimal score, String rating) { }
}
