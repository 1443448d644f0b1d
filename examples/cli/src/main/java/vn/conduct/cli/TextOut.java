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

  /** Whether standard output is taken to be a colour terminal: a console, NO_COLOR unset, TERM not dumb (tests set it). */
  static boolean colourTerminal = System.console() != null
      && (System.getenv("NO_COLOR") == null || System.getenv("NO_COLOR").isEmpty())
      && !"dumb".equals(System.getenv("TERM"));

  /** The colours the program gives its own words (an outcome), never text from packs or facts. */
  enum Style {
    FAIL("31"), UNKNOWN("33"), ERROR("35"), PASS("32"), PLAIN("0");

    final String sgr;

    Style(String sgr) {
      this.sgr = sgr;
    }

    static Style of(vn.conduct.rules.api.Outcome outcome) {
      return switch (outcome) {
        case FAIL -> FAIL;
        case UNKNOWN -> UNKNOWN;
        case ERROR -> ERROR;
        case PASS -> PASS;
        default -> PLAIN;
      };
    }
  }

  private final PrintWriter out;
  private final boolean colour;

  TextOut(PrintWriter out) {
    this(out, false);
  }

  /** A text output that colours the program's own styled words when {@code colour} (a terminal). */
  TextOut(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  /**
   * Writes one line made of three parts, each escaped as {@link #println(String)} does; the middle one
   * in a colour on a colour terminal (ANSI SGR), plain otherwise.
   */
  void println(String before, String styled, Style style, String after) {
    String middle = SafeText.line(styled);
    out.println(SafeText.line(before) + (colour && style != Style.PLAIN ? "\u001b[" + style.sgr + "m" + middle
        + "\u001b[0m" : middle) + SafeText.line(after));
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
