package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A change made to a subject's checklist score or rating after its items were added up: a
 * deduction, a floor, a bonus, a veto cap or a quota lowering. Every change is stated.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScoreAdjustment {

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
    ROUNDING,
    /**
     * An override by an authority adjusted the score (decision-format.md); {@link #source()} is the
     * decision's id.
     *
     * @since 0.3
     */
    DECISION
  }

  private final Kind kind;
  private final String source;
  private final BigDecimal points;
  private final String fromRating;
  private final String toRating;
  private final LocalizedText reason;

  private ScoreAdjustment(Kind kind, String source, BigDecimal points, String fromRating, String toRating,
      LocalizedText reason) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.source = source;
    this.points = points;
    this.fromRating = fromRating;
    this.toRating = toRating;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates an adjustment; for the engine and for tests of code that reads reports.
   *
   * @param kind what kind of change; never {@code null}
   * @param source the rule, event type or band that caused it
   * @param points the change in points, or {@code null} for rating changes
   * @param fromRating the rating before the change, or {@code null}
   * @param toRating the rating after the change, or {@code null}
   * @param reason why, in both languages; never {@code null}
   * @since 0.2
   */
  public static ScoreAdjustment of(Kind kind, String source, BigDecimal points, String fromRating,
      String toRating, LocalizedText reason) {
    return new ScoreAdjustment(kind, source, points, fromRating, toRating, reason);
  }

  /** What kind of change. */
  public Kind kind() {
    return kind;
  }

  /** The rule, event type or band that caused it. */
  public String source() {
    return source;
  }

  /** The change in points (negative for deductions), or {@code null} for rating changes. */
  public BigDecimal points() {
    return points;
  }

  /** The rating before the change, or {@code null}. */
  public String fromRating() {
    return fromRating;
  }

  /** The rating after the change, or {@code null}. */
  public String toRating() {
    return toRating;
  }

  /** Why, in both languages. */
  public LocalizedText reason() {
    return reason;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScoreAdjustment that && kind == that.kind && Objects.equals(source, that.source)
        && Objects.equals(points, that.points) && Objects.equals(fromRating, that.fromRating)
        && Objects.equals(toRating, that.toRating) && reason.equals(that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, source, points, fromRating, toRating, reason);
  }

  @Override
  public String toString() {
    return "ScoreAdjustment[kind=" + kind + ", source=" + source + ", points=" + points + ", fromRating="
        + fromRating + ", toRating=" + toRating + ", reason=" + reason + "]";
  }
}
