package vn.conduct.rules.io;

import java.util.List;
import org.apiguardian.api.API;
import vn.conduct.rules.api.RulesException;
import vn.conduct.rules.api.ValidationIssue;

/**
 * A facts file could not be read: it is not safe, well-formed YAML or JSON, or its content does
 * not have the shape described in {@code specs/facts-format.md}. Carries every issue found, not
 * only the first, each located by file, line, column and field path (e.g. {@code subjects[3].type}).
 *
 * <p>The message lists all issues, one per line, in the same form as
 * {@link vn.conduct.rules.api.InvalidRulePackException}:
 *
 * <pre>
 * Facts file at data/june.yaml is invalid (2 errors):
 *   ERROR   june.yaml:7:5  subjects[1].type: missing 'type' [Hint: ...]
 *   ERROR   june.yaml:12:48  events[0].date: '2025-06-31' is not a date [Hint: ...]
 * </pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class InvalidFactsException extends RulesException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<ValidationIssue> issues;

  /**
   * Creates the exception.
   *
   * @param source where the facts were read from (a path as given, or a resource name)
   * @param issues every issue found; at least one should be an error
   */
  public InvalidFactsException(String source, List<ValidationIssue> issues) {
    super(ValidationIssue.describeAll("Facts file at " + source, issues));
    this.source = source;
    this.issues = issues.stream().sorted(ValidationIssue.ORDER).toList();
  }

  /** Where the facts were read from. */
  public String source() {
    return source;
  }

  /** Every issue, sorted by file, line and column. */
  public List<ValidationIssue> issues() {
    return issues;
  }

}
