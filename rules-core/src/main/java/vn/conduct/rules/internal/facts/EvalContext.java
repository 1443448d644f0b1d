package vn.conduct.rules.internal.facts;

/** The evaluation date, period, windows and active pack versions, as one fact per session. */
public final class EvalContext {

  public final long asOf;
  public final long periodStart;
  public final long periodEnd;
  /** First day (inclusive) of each look-back window, by window index. */
  public final long[] windowStart;
  /** Whether each compiled pack version is in use, by version index. */
  public final boolean[] active;

  public EvalContext(long asOf, long periodStart, long periodEnd, long[] windowStart, boolean[] active) {
    this.asOf = asOf;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.windowStart = windowStart;
    this.active = active;
  }

  /** Whether an event day lies in a window: index -1 is the period, -2 is "all", else a look-back. */
  public boolean inWindow(int window, long day) {
    if (day > asOf) {
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
