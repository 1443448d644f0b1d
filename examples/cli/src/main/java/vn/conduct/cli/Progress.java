package vn.conduct.cli;

import java.io.PrintWriter;
import java.util.Locale;
import vn.conduct.rules.api.EvaluationListener;

/**
 * Progress of long evaluations on the standard error. On a terminal, a bar redrawn in place with a
 * carriage return, with the rate and the time left: {@code [###---]  50 %  5000 / 10000 subjects · 2400/s ·
 * 2 s left}. Written to a file or a pipe (a CI log), plain lines instead, one at each tenth:
 * {@code conduct: 50 %  5000 / 10000 subjects · 2400/s}. It holds only numbers the program counted,
 * never text from the facts; its carriage return is the one control character the command line
 * writes on purpose.
 */
final class Progress implements EvaluationListener {

  /** Evaluations of more subjects than this show progress. */
  static final int THRESHOLD = 10_000;

  private static final int WIDTH = 30;

  /** Whether the standard error is taken to be a terminal (tests set it). */
  static boolean interactive = System.console() != null && !"dumb".equals(System.getenv("TERM"));

  private final PrintWriter err;
  private final long total;
  private final boolean bar;
  private final long started = System.nanoTime();
  private long lastTenth = -1;
  private long lastDone;
  private long printedDone = -1;

  Progress(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
    this.bar = interactive;
  }

  /** Whether a batch of this many subjects shows progress: only above the threshold. */
  static boolean wanted(long subjects, long threshold) {
    return subjects > threshold;
  }

  /** The bar for {@code done} of {@code total} subjects (a negative total: unknown). */
  static String bar(long done, long total) {
    if (total < 0) {
      return String.format(Locale.ROOT, "%d subjects", done);
    }
    long percent = percent(done, total);
    int filled = (int) (WIDTH * percent / 100);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format(Locale.ROOT, "%3d %%  %d / %d subjects",
        percent, done, total);
  }

  private static long percent(long done, long total) {
    return total == 0 ? 100 : Math.min(100, done * 100 / total);
  }

  /** {@code  · 2400/s · 2 s left}: the rate so far and, when the total is known, the time left at that rate. */
  static String pace(long done, long total, long elapsedNanos) {
    if (done <= 0 || elapsedNanos <= 0) {
      return "";
    }
    double perSecond = done * 1e9 / elapsedNanos;
    String text = String.format(Locale.ROOT, " · %d/s", Math.round(perSecond));
    if (total > done && perSecond > 0) {
      text += String.format(Locale.ROOT, " · %d s left", Math.round((total - done) / perSecond));
    }
    return text;
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
    lastDone = done;
    String pace = pace(done, total, System.nanoTime() - started);
    if (bar) {
      err.print("\r" + bar(done, total) + pace);
      err.flush();
      return;
    }
    long tenth = total < 0 ? done / THRESHOLD : percent(done, total) / 10;
    if (tenth != lastTenth) {
      lastTenth = tenth;
      printedDone = done;
      err.println("conduct: " + (total < 0 ? bar(done, total) : String.format(Locale.ROOT, "%d %%  %d / %d subjects",
          percent(done, total), done, total)) + pace);
      err.flush();
    }
  }

  void finish() {
    if (bar) {
      err.println();
    } else if (printedDone != lastDone) {
      err.println("conduct: " + (total < 0 ? bar(lastDone, total) : String.format(Locale.ROOT,
          "%d %%  %d / %d subjects", percent(lastDone, total), lastDone, total)));
    }
    err.flush();
  }
}
