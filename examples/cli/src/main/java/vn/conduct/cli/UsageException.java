package vn.conduct.cli;

/** A mistake on the command line found after parsing; exits with {@link ConductCommand#USAGE}. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
