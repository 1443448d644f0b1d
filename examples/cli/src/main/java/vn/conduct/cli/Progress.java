package vn.conduct.cli;

import java.io.PrintWriter;
import java.util.Locale;
import vn.conduct.rules.api.EvaluationListener;

/**
 * A progress bar on the standard error for long evaluations, redrawn in place with a carriage
 * return: {@code [##########----------]  50 %  5000 / 10000 subjects}. The bar holds only numbers
 * the program counted, never text from the facts; its carriage return is the one control
 * character the command line writes on purpose.
 */
final class Progress implements EvaluationListener {

  /** Evaluations of more subjects than this show a progress bar. */
  static final int THRESHOLD = 10_000;

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final long total;

  Progress(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
  }

  /** Whether a batch of this many subjects shows a progress bar: only above the threshold. */
  static boolean wanted(long subjects, long threshold) {
    return subjects > threshold;
  }

  /** The bar for {@code done} of {@code total} subjects. */
  static String bar(long done, long total) {
    if (total < 0) {
      return String.format(Locale.ROOT, "%d subjects", done);
    }
    long percent = total == 0 ? 100 : Math.min(100, done * 100 / total);
    int filled = (int) (WIDTH * percent / 100);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format(Locale.ROOT, "%3d %%  %d / %d subjects",
        percent, done, total);
  }

  @Override
  public void started(EvaluationListener.Progress progress) {
    update(progress.subjectsDone());
  }

  @Override
  public void progressed(EvaluationListener.Progress progress) {
    update(progress.subjectsDone());
  }

  void update(long done) {
    err.print("\r" + bar(done, total));
    err.flush();
  }

  void finish() {
    err.println();
    err.flush();
  }
}
