package vn.conduct.cli;

import java.io.PrintWriter;
import vn.conduct.rules.api.SafeText;

/**
 * The one door through which text reaches a terminal or a log: the table report, the demo's
 * introduction, CSV rejections and summaries. Every line passes through {@link SafeText#line}, so
 * a string from a pack or the facts (an id, a name, an attribute value, a reason that quotes one)
 * can neither move the cursor, retitle the terminal or clear the screen, nor start a line of its
 * own that would pass for a line of the program's (a forged {@code ERROR pack.yaml:1:1 …}).
 *
 * <p>Renderers take a {@code TextOut}, not the raw writer, so that none can forget. The text the
 * program itself writes holds no control character, and is unchanged.
 */
final class TextOut {

  private final PrintWriter out;

  TextOut(PrintWriter out) {
    this.out = out;
  }

  /** Writes one line, any control character, line break or bidirectional override in it escaped. */
  void println(String line) {
    out.println(SafeText.line(line));
  }

  /** Writes an empty line. */
  void println() {
    out.println();
  }

  void flush() {
    out.flush();
  }
}
