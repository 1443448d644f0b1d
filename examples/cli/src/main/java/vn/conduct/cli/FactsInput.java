package vn.conduct.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;

/** A {@code --facts} argument: a file, or {@code -} for the standard input (YAML or JSON either way). */
final class FactsInput {

  /** The most bytes read from the standard input: one more than a facts file may hold, so that the reader refuses it. */
  private static final int MAX_BYTES = 8 * 1024 * 1024 + 1;

  /** Where the standard input is read from; tests replace it. */
  static InputStream stdin = System.in;

  private FactsInput() {
  }

  static boolean isStdin(Path facts) {
    return facts != null && facts.toString().equals("-");
  }

  /** Reads the facts; {@code -} reads the standard input, named {@code <stdin>} in messages. */
  static FactsFile load(FactsReader reader, Path facts) {
    if (!isStdin(facts)) {
      return reader.load(facts);
    }
    try {
      return reader.load("<stdin>", stdin.readNBytes(MAX_BYTES));
    } catch (IOException e) {
      throw new FileProblem("--facts -: cannot read the standard input: " + e.getMessage());
    }
  }
}
