package vn.conduct.benchmarks;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.SubjectResult;

/**
 * The cheapest useful streaming sink: counts FAIL findings (thread-safe). Used inside timed
 * benchmark methods, where the per-rule {@link OutcomeTally} would add its own cost.
 */
final class FailCounter implements Consumer<SubjectResult> {

  private final LongAdder fails = new LongAdder();

  @Override
  public void accept(SubjectResult result) {
    long n = 0;
    for (Finding finding : result.findings()) {
      if (finding.outcome() == Outcome.FAIL) {
        n++;
      }
    }
    fails.add(n);
  }

  long fails() {
    return fails.sum();
  }

  /** Throws unless the count is the baseline's: a wrong run must never produce a number. */
  long require(long expected, String what) {
    long actual = fails();
    if (actual != expected) {
      throw new IllegalStateException(what + ": engine counted " + actual
          + " FAIL findings in this batch, the baseline " + expected);
    }
    return actual;
  }
}
