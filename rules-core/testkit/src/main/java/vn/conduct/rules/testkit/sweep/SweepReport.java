package vn.conduct.rules.testkit.sweep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import vn.conduct.rules.testkit.sweep.Mutation.Kind;
import vn.conduct.rules.testkit.sweep.MutationResult.Verdict;

/**
 * The outcome of a {@link PackMutationSweep}: how many mutations ran, how each was classed, and
 * every failure with its input and what was thrown.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SweepReport {

  private static final int SHOWN_FAILURES = 40;

  private final List<String> packs;
  private final int total;
  private final long seed;
  private final boolean complete;
  private final List<MutationResult> results;
  private final long nanos;

  SweepReport(List<String> packs, int total, long seed, boolean complete, List<MutationResult> results, long nanos) {
    this.packs = List.copyOf(packs);
    this.total = total;
    this.seed = seed;
    this.complete = complete;
    this.results = List.copyOf(results);
    this.nanos = nanos;
  }

  /** Every result, in mutation-id order. */
  public List<MutationResult> results() {
    return results;
  }

  /** How many mutations the packs have in all (the full sweep). */
  public int total() {
    return total;
  }

  /** How many mutations ran. */
  public int ran() {
    return results.size();
  }

  /** How many results have this verdict. */
  public long count(Verdict verdict) {
    return results.stream().filter(r -> r.verdict() == verdict).count();
  }

  /** The results that are failures ({@link Verdict#failure()}). */
  public List<MutationResult> failures() {
    return results.stream().filter(r -> r.verdict().failure()).toList();
  }

  /**
   * A table of what ran: mutations by kind and verdict, the time taken, and the failures, e.g.
   * <pre>
   * Pack mutation sweep of hanoi-522: 600 of 9 917 mutations (seed 1), 41.0 s
   *   kind         ran  valid  located  accepted  unlocated  exception  timeout
   *   DELETE       101     37       64         0          0          0        0
   * </pre>
   */
  public String summary() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder("Pack mutation sweep of ").append(String.join(", ", packs)).append(": ")
        .append(complete ? "all " + total + " mutations" : ran() + " of " + total + " mutations (seed " + seed + ")")
        .append(String.format(Locale.ROOT, ", %.1f s", nanos / 1e9)).append(nl);
    text.append(String.format(Locale.ROOT, "  %-9s %6s %6s %8s %9s %10s %10s %8s%n", "kind", "ran", "valid",
        "located", "accepted", "unlocated", "exception", "timeout"));
    Map<Kind, long[]> counts = new EnumMap<>(Kind.class);
    for (MutationResult result : results) {
      long[] row = counts.computeIfAbsent(result.mutation().kind(), k -> new long[Verdict.values().length + 1]);
      row[0]++;
      row[result.verdict().ordinal() + 1]++;
    }
    long[] sum = new long[Verdict.values().length + 1];
    counts.forEach((kind, row) -> {
      text.append(row(kind.name(), row));
      for (int i = 0; i < row.length; i++) {
        sum[i] += row[i];
      }
    });
    text.append(row("total", sum));
    long elsewhere = results.stream().filter(r -> r.verdict() == Verdict.LOCATED && !r.errorInMutatedFile()).count();
    if (elsewhere > 0) {
      text.append("  ").append(elsewhere).append(" refused mutation(s) had errors only in other files").append(nl);
    }
    List<MutationResult> failures = failures();
    if (!failures.isEmpty()) {
      text.append("  ").append(failures.size()).append(" failure(s):").append(nl);
      failures.stream().limit(SHOWN_FAILURES).forEach(f -> text.append("    ").append(f.describe()).append(nl));
      if (failures.size() > SHOWN_FAILURES) {
        text.append("    … and ").append(failures.size() - SHOWN_FAILURES).append(" more").append(nl);
      }
    }
    return text.toString();
  }

  private static String row(String label, long[] row) {
    return String.format(Locale.ROOT, "  %-9s %6d %6d %8d %9d %10d %10d %8d%n", label, row[0], row[1], row[2],
        row[3], row[4], row[5], row[6]);
  }

  /**
   * Fails with the summary if any mutation was a failure.
   *
   * @throws AssertionFailedError listing each failing mutation, and the stack top of what it threw
   */
  public void assertNoFailures() {
    List<MutationResult> failures = failures();
    if (failures.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder(summary());
    List<String> shown = new ArrayList<>();
    for (MutationResult failure : failures) {
      if (shown.size() == SHOWN_FAILURES) {
        break;
      }
      failure.thrown().ifPresent(t -> shown.add(failure.mutation() + System.lineSeparator() + "      " + trace(t)));
    }
    if (!shown.isEmpty()) {
      text.append("  what was thrown:").append(System.lineSeparator());
      shown.forEach(s -> text.append("    ").append(s).append(System.lineSeparator()));
    }
    throw new AssertionFailedError(text.toString());
  }

  /** The exception's class and message, and the first frame in the project's code. */
  static String head(Throwable thrown) {
    StackTraceElement top = null;
    for (StackTraceElement frame : thrown.getStackTrace()) {
      if (frame.getClassName().startsWith("vn.conduct.")) {
        top = frame;
        break;
      }
    }
    String message = String.valueOf(thrown.getMessage());
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline) + " …";
    if (message.length() > 300) {
      message = message.substring(0, 300) + " …";
    }
    return thrown.getClass().getName() + ": " + message + (top == null ? "" : " at " + top);
  }

  private static String trace(Throwable thrown) {
    StringBuilder text = new StringBuilder(head(thrown));
    StackTraceElement[] frames = thrown.getStackTrace();
    for (int i = 0; i < Math.min(6, frames.length); i++) {
      text.append(System.lineSeparator()).append("        at ").append(frames[i]);
    }
    return text.toString();
  }
}
