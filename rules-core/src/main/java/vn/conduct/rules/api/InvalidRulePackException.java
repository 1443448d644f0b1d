package vn.conduct.rules.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A rule pack has at least one error; carries every issue found, errors and warnings, sorted.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class InvalidRulePackException extends RulesException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<ValidationIssue> issues;

  public InvalidRulePackException(String source, List<ValidationIssue> issues) {
    super(ValidationIssue.describeAll("Rule pack at " + source, issues));
    this.source = source;
    this.issues = issues.stream().sorted(ValidationIssue.ORDER).toList();
  }

  /** Where the pack was read from. */
  public String source() {
    return source;
  }

  /** Every issue, sorted by file, line and column. */
  public List<ValidationIssue> issues() {
    return issues;
  }

}
