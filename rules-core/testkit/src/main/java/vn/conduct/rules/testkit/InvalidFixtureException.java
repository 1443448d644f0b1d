package vn.conduct.rules.testkit;

import java.util.List;
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
    super(ValidationIssue.describeAll("Fixture " + fixture, issues));
    this.issues = issues.stream().sorted(ValidationIssue.ORDER).toList();
  }

  /** The problems, sorted by location. */
  public List<ValidationIssue> issues() {
    return issues;
  }
}
