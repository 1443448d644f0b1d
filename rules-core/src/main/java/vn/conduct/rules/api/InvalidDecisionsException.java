package vn.conduct.rules.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Decisions were refused: a decision file is not safe, well-formed YAML or does not have the shape of
 * specs/decision-format.md, or an evaluation was given a decision naming a finding or checklist it does
 * not have, or a review or override by someone without the authority the pack declares. Carries every
 * issue found, each located by file, line, column and field path when the decision was read from a
 * file (e.g. {@code decisions.yaml:31:9 decisions[2].by.id}).
 *
 * <pre>
 * Decision file at decisions-demo.yaml is invalid (1 error):
 *   ERROR   decisions-demo.yaml:41:9  decisions[3].by: decision 'd-4' is an override of cb-013's finding by
 *           cb-013, the subject itself [Hint: ...]
 * </pre>
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public class InvalidDecisionsException extends RulesException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<ValidationIssue> issues;

  /**
   * Creates the exception.
   *
   * @param source where the decisions came from (a path as given, or {@code request} for decisions built in code)
   * @param issues every issue found; at least one should be an error
   */
  public InvalidDecisionsException(String source, List<ValidationIssue> issues) {
    super(ValidationIssue.describeAll("request".equals(source) ? "The request's decision list" : "Decision file at " + source,
        issues));
    this.source = source;
    this.issues = issues.stream().sorted(ValidationIssue.ORDER).toList();
  }

  /** Where the decisions came from. */
  public String source() {
    return source;
  }

  /** Every issue, sorted by file, line and column. */
  public List<ValidationIssue> issues() {
    return issues;
  }
}
