package vn.conduct.cli;

/**
 * A file named on the command line cannot be read or written, or an input file is malformed as a
 * whole (e.g. a CSV header without a required column); exits with {@link ConductCommand#INVALID}.
 */
final class FileProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  FileProblem(String message) {
    super(message);
  }
}
