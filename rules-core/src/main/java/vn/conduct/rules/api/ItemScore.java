package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The points one checklist item earned.
 *
 * @param ruleId the rule the item refers to
 * @param outcome the rule's outcome for the subject
 * @param earned points earned; in a weighted checklist, the item's weight if it passed (the score is
 *     100 × Σ earned ÷ Σ available over the counted items)
 * @param available points available (in a weighted checklist, the weight); zero when the item does
 *     not count (not applicable, bonus)
 * @param bonus whether the item is a bonus item (does not count towards the maximum)
 * @since 0.1
 */
public record ItemScore(
    String ruleId, Outcome outcome, BigDecimal earned, BigDecimal available, boolean bonus) {

  public ItemScore {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(earned, "earned");
    Objects.requireNonNull(available, "available");
  }
}
