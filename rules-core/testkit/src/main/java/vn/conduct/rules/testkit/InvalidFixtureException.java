package vn.conduct.rules.testkit;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import vn.conduct.rules.api.RulesException;
import vn.conduct.rules.api.ValidationIssue;

/**
 * A fixture file cannot be used: every problem, located by {@code file:line:col} and field path.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class InvalidFixtureException extends RulesException {

  private static final long serialVersionUID = 1L;

  private final transient List<ValidationIssue> issues;

  /** Creates the exception for a fixture's problems. */
  public InvalidFixtureException(String fixture, List<ValidationIssue> issues) {
    super("Fixture " + fixture + " is invalid (" + issues.size() + (issues.size() == 1 ? " error" : " errors")
        + "):\n" + issues.stream().map(i -> "  " + i.render()).collect(Collectors.joining("\n")));
    this.issues = List.copyOf(issues);
  }

  /** The problems, sorted by location. */
  public List<ValidationIssue> issues() {
    return issues;
  }
}
