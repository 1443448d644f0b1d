package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A subject's score on one checklist (a model programme or a grading scheme).
 *
 * @param packId the pack
 * @param checklistId the checklist
 * @param title the checklist's title
 * @param score the final score after deductions, bonus, floor and vetoes
 * @param maximum the maximum score (bonus excluded)
 * @param evidencePercent percent of counted items whose outcome is backed by evidence
 *     (PASS or FAIL); UNKNOWN and ERROR items lower it
 * @param rating the final rating band id, or {@code null} when the subject cannot be rated
 *     (too little evidence, or no applicable item)
 * @param ratingTitle the final rating's title, or {@link LocalizedText#EMPTY}
 * @param rated whether the subject had enough evidence to be rated and ranked
 * @param items per-item points, in checklist order
 * @param adjustments every change made after the items were added, in the order applied
 * @since 0.1
 */
public record ChecklistScore(
    String packId,
    String checklistId,
    LocalizedText title,
    BigDecimal score,
    BigDecimal maximum,
    BigDecimal evidencePercent,
    String rating,
    LocalizedText ratingTitle,
    boolean rated,
    List<ItemScore> items,
    List<ScoreAdjustment> adjustments) {

  public ChecklistScore {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(checklistId, "checklistId");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(maximum, "maximum");
    items = List.copyOf(items);
    adjustments = List.copyOf(adjustments);
  }
}
