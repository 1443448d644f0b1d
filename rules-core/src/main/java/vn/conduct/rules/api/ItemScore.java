package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The points one checklist item earned.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ItemScore {

  private final String ruleId;
  private final Outcome outcome;
  private final BigDecimal earned;
  private final BigDecimal available;
  private final boolean bonus;

  private ItemScore(String ruleId, Outcome outcome, BigDecimal earned, BigDecimal available, boolean bonus) {
    this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.earned = Objects.requireNonNull(earned, "earned");
    this.available = Objects.requireNonNull(available, "available");
    this.bonus = bonus;
  }

  /**
   * Creates an item score; for the engine and for tests of code that reads reports.
   *
   * @param ruleId the rule the item refers to; never {@code null}
   * @param outcome the rule's outcome for the subject; never {@code null}
   * @param earned points earned; never {@code null}
   * @param available points available; never {@code null}
   * @param bonus whether the item is a bonus item
   * @since 0.2
   */
  public static ItemScore of(String ruleId, Outcome outcome, BigDecimal earned, BigDecimal available,
      boolean bonus) {
    return new ItemScore(ruleId, outcome, earned, available, bonus);
  }

  /** The rule the item refers to. */
  public String ruleId() {
    return ruleId;
  }

  /** The rule's outcome for the subject. */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Points earned; in a weighted checklist, the item's weight if it passed (the score is
   * 100 × Σ earned ÷ Σ available over the counted items).
   */
  public BigDecimal earned() {
    return earned;
  }

  /**
   * Points available (in a weighted checklist, the weight); zero when the item does not count (not
   * applicable, bonus).
   */
  public BigDecimal available() {
    return available;
  }

  /** Whether the item is a bonus item (does not count towards the maximum). */
  public boolean bonus() {
    return bonus;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ItemScore that && ruleId.equals(that.ruleId) && outcome == that.outcome
        && earned.equals(that.earned) && available.equals(that.available) && bonus == that.bonus;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ruleId, outcome, earned, available, bonus);
  }

  @Override
  public String toString() {
    return "ItemScore[ruleId=" + ruleId + ", outcome=" + outcome + ", earned=" + earned + ", available="
        + available + ", bonus=" + bonus + "]";
  }
}
