package vn.conduct.rules.testkit.sweep;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import vn.conduct.rules.api.ValidationIssue;

/**
 * What building an engine from one mutated pack gave, and how the sweep classes it.
 *
 * <p>Instances are immutable; the sweep creates them.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MutationResult {

  /** The classes of outcome. */
  public enum Verdict {
    /** The pack still loads (e.g. an optional key was deleted). */
    VALID,
    /** The pack was refused with errors that each name a file, a line and column, a code and a path. */
    LOCATED,
    /**
     * The pack still loads although the mutation is of a kind the sweep must see refused (by default a
     * value of another shape: a list, mapping or scalar where another is): a failure.
     */
    ACCEPTED,
    /** The pack was refused, but some error lacks a usable location, code or path: a failure. */
    UNLOCATED,
    /** Something other than the engine's refusal of the pack was thrown: a failure. */
    EXCEPTION,
    /** The build did not finish within the sweep's time limit: a failure. */
    TIMEOUT;

    /** Whether this outcome breaks the promise: a result or located errors, in bounded time. */
    public boolean failure() {
      return this == ACCEPTED || this == UNLOCATED || this == EXCEPTION || this == TIMEOUT;
    }
  }

  private final Mutation mutation;
  private final Verdict verdict;
  private final List<ValidationIssue> issues;
  private final Optional<Throwable> thrown;
  private final String problem;
  private final long nanos;

  MutationResult(Mutation mutation, Verdict verdict, List<ValidationIssue> issues, Optional<Throwable> thrown,
      String problem, long nanos) {
    this.mutation = Objects.requireNonNull(mutation, "mutation");
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.issues = List.copyOf(issues);
    this.thrown = Objects.requireNonNull(thrown, "thrown");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.nanos = nanos;
  }

  /** The change made. */
  public Mutation mutation() {
    return mutation;
  }

  /** The class of the outcome. */
  public Verdict verdict() {
    return verdict;
  }

  /** The issues the engine reported (empty unless it refused the pack), sorted. */
  public List<ValidationIssue> issues() {
    return issues;
  }

  /** What was thrown other than the engine's refusal of the pack, if anything. */
  public Optional<Throwable> thrown() {
    return thrown;
  }

  /** Why the outcome is a failure; {@code ""} if it is not. */
  public String problem() {
    return problem;
  }

  /** How long the build took, in nanoseconds. */
  public long nanos() {
    return nanos;
  }

  /** Whether some error is in the mutated file itself (not only in files that refer to it). */
  public boolean errorInMutatedFile() {
    return issues.stream().anyMatch(i -> i.severity() == ValidationIssue.Level.ERROR
        && i.file().equals(mutation.file()));
  }

  /** One line: the mutation, the verdict and, for a failure, why. */
  public String describe() {
    StringBuilder text = new StringBuilder(mutation.toString()).append(": ").append(verdict);
    if (!problem.isEmpty()) {
      text.append(" (").append(problem).append(')');
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
