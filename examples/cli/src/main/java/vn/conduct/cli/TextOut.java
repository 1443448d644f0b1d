package vn.conduct.cli;

import java.io.PrintWriter;
import java.util.List;
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

  /**
   * The width lines are wrapped to on a terminal: {@code COLUMNS}, else what {@code stty} says, else 0
   * (no wrapping: a file, a pipe, a log, or a terminal whose width cannot be read). Tests set it.
   */
  static int terminalWidth = System.console() == null ? 0 : readWidth();

  private static int readWidth() {
    try {
      String columns = System.getenv("COLUMNS");
      if (columns != null && columns.strip().matches("\\d{2,4}")) {
        return Integer.parseInt(columns.strip());
      }
      Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
      String size = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
      if (stty.waitFor() == 0 && size.matches("\\d+ \\d+")) {
        return Integer.parseInt(size.substring(size.indexOf(' ') + 1));
      }
    } catch (java.io.IOException | RuntimeException e) {
      // no width: no wrapping
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private final PrintWriter out;
  private final boolean colour;
  private final int width;

  TextOut(PrintWriter out) {
    this(out, false);
  }

  /**
   * A text output that colours the program's own styled words when {@code colour} and wraps lines to the
   * terminal's width (both: it writes to a terminal).
   */
  TextOut(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
    this.width = colour ? terminalWidth : 0;
  }

  /**
   * Writes one line made of three parts, each escaped as {@link #println(String)} does; the middle one
   * in a colour on a colour terminal (ANSI SGR), plain otherwise.
   */
  void println(String before, String styled, Style style, String after) {
    String head = SafeText.line(before);
    String middle = SafeText.line(styled);
    List<String> lines = wrap(head + middle + SafeText.line(after));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && colour && style != Style.PLAIN && line.startsWith(head + middle)) {
        line = head + "\u001b[" + style.sgr + "m" + middle + "\u001b[0m" + line.substring(head.length() + middle.length());
      }
      out.println(line);
    }
  }

  /** Writes one line, any control character, line break or bidirectional override in it escaped. */
  void println(String line) {
    wrap(SafeText.line(line)).forEach(out::println);
  }

  /**
   * A line cut at spaces to the width (none when the width is 0 or the line fits), the continuation
   * lines indented four spaces past the line's own indentation.
   */
  List<String> wrap(String line) {
    if (width < 40 || line.length() <= width) {
      return List.of(line);
    }
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    String pad = " ".repeat(Math.min(indent + 4, width / 2));
    List<String> lines = new java.util.ArrayList<>();
    String rest = line;
    String prefix = "";
    while ((prefix + rest).length() > width) {
      int room = width - prefix.length();
      int cut = rest.lastIndexOf(' ', room);
      if (cut <= 0) {
        cut = room; // a word longer than the line: cut it
      }
      lines.add(prefix + rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
      prefix = pad;
      if (rest.isEmpty()) {
        return lines;
      }
    }
    lines.add(prefix + rest);
    return lines;
  }

  /** Writes an empty line. */
  void println() {
    out.println();
  }

  void flush() {
    out.flush();
  }
}
