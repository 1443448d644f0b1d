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
  private final Messages words;
  private final long total;
  private final boolean bar;
  private final long started = System.nanoTime();
  private long lastTenth = -1;
  private long lastDone;
  private long printedDone = -1;

  Progress(PrintWriter err, long total, Messages words) {
    this.err = err;
    this.words = words;
    this.total = total;
    this.bar = interactive;
  }

  /** Whether a batch of this many subjects shows progress: only above the threshold. */
  static boolean wanted(long subjects, long threshold) {
    return subjects > threshold;
  }

  /** The bar for {@code done} of {@code total} subjects (a negative total: unknown). */
  static String bar(long done, long total, Messages words) {
    if (total < 0) {
      return words.get("progress.subjects", done);
    }
    long percent = percent(done, total);
    int filled = (int) (WIDTH * percent / 100);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format(Locale.ROOT, "%3d", percent)
        + words.get("progress.of-subjects", done, total);
  }

  private static long percent(long done, long total) {
    return total == 0 ? 100 : Math.min(100, done * 100 / total);
  }

  /** {@code  · 2400/s · 2 s left}: the rate so far and, when the total is known, the time left at that rate. */
  static String pace(long done, long total, long elapsedNanos, Messages words) {
    if (done <= 0 || elapsedNanos <= 0) {
      return "";
    }
    double perSecond = done * 1e9 / elapsedNanos;
    String text = words.get("progress.rate", Math.round(perSecond));
    if (total > done && perSecond > 0) {
      text += words.get("progress.left", Math.round((total - done) / perSecond));
    }
    return text;
  }

  /** {@code 50 %  5000 / 10000 subjects}, or the count alone when the total is unknown. */
  private String line(long done) {
    return total < 0 ? bar(done, total, words) : percent(done, total) + words.get("progress.of-subjects", done, total);
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
    String pace = pace(done, total, System.nanoTime() - started, words);
    if (bar) {
      err.print("\r" + bar(done, total, words) + pace);
      err.flush();
      return;
    }
    long tenth = total < 0 ? done / THRESHOLD : percent(done, total) / 10;
    if (tenth != lastTenth) {
      lastTenth = tenth;
      printedDone = done;
      err.println("conduct: " + line(done) + pace);
      err.flush();
    }
  }

  void finish() {
    if (bar) {
      err.println();
    } else if (printedDone != lastDone) {
      err.println("conduct: " + line(lastDone));
    }
    err.flush();
  }
}
