package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A change made to a subject's checklist score or rating after its items were added up: a
 * deduction, a floor, a bonus, a veto cap or a quota lowering. Every change is stated.
 *
 * @param kind what kind of change
 * @param source the rule, event type or band that caused it
 * @param points the change in points (negative for deductions), or {@code null} for rating changes
 * @param fromRating the rating before the change, or {@code null}
 * @param toRating the rating after the change, or {@code null}
 * @param reason why, in both languages
 * @since 0.1
 */
public record ScoreAdjustment(
    Kind kind,
    String source,
    BigDecimal points,
    String fromRating,
    String toRating,
    LocalizedText reason) {

  public ScoreAdjustment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  /** The kinds of adjustment. */
  public enum Kind {
    /** Points taken off per event. */
    DEDUCTION,
    /** Bonus points added. */
    BONUS,
    /** The score was raised to the checklist's floor or lowered to its maximum. */
    BOUND,
    /** A failed veto rule capped the score or rating. */
    VETO,
    /** A share quota lowered the rating. */
    QUOTA,
    /** The score was rounded to the checklist's declared decimal places before it was banded (format 2). */
    ROUNDING
  }
}
