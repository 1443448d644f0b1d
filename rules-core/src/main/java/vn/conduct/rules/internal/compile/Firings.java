package vn.conduct.rules.internal.compile;

/** What compiled rules fired in one session: flags per (subject in batch, rule). */
public final class Firings {

  private final int rules;
  private final byte[] flags;

  public Firings(int subjects, int rules) {
    this.rules = rules;
    this.flags = new byte[Math.multiplyExact(subjects, rules)];
  }

  /** Called by rule consequences. */
  public void record(int subject, int rule, byte kind) {
    flags[subject * rules + rule] |= kind;
  }

  public byte get(int subject, int rule) {
    return flags[subject * rules + rule];
  }
}
