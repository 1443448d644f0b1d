package vn.conduct.rules.internal.facts;

/**
 * The times of one judgment and what is in force in it, as one fact per session: the reference
 * date (windows end on it), the decision date (facts recorded after it do not count), the period
 * judged, the first day of each look-back window, and which rule plans are in force.
 */
public final class EvalContext {

  /** The reference date, as an epoch day: the earlier of the period's last day and the decision date. */
  public final long asOf;
  /** The decision date, as an epoch day. */
  public final long decision;
  public final long periodStart;
  public final long periodEnd;
  /** First day (inclusive) of each look-back window, by window index. */
  public final long[] windowStart;
  /** Whether each compiled rule plan is evaluated in this judgment, by plan index. */
  public final boolean[] planActive;

  public EvalContext(long asOf, long decision, long periodStart, long periodEnd, long[] windowStart,
      boolean[] planActive) {
    this.asOf = asOf;
    this.decision = decision;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.windowStart = windowStart;
    this.planActive = planActive;
  }

  /**
   * Whether an event counts in a window: it happened on or before the reference date, inside the
   * window (index -1 is the period, -2 is "all", else a look-back), and was recorded on or before
   * the decision date.
   */
  public boolean inWindow(int window, long day, long recorded) {
    if (day > asOf || recorded > decision) {
      return false;
    }
    if (window == -1) {
      return day >= periodStart && day <= periodEnd;
    }
    if (window == -2) {
      return true;
    }
    return day >= windowStart[window];
  }
}
