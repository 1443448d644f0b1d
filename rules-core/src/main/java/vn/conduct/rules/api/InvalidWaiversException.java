package vn.conduct.rules.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Waivers were refused: a waiver file is not safe, well-formed YAML or does not have the shape of
 * specs/waiver-format.md, or an evaluation was given a waiver naming a pack, rule, checklist or item
 * the engine does not know. Carries every issue found, each located by file, line, column and field
 * path when the waiver was read from a file (e.g. {@code waivers.yaml:7:9 waivers[0].scope.rule}).
 *
 * <pre>
 * Waiver file at waivers.yaml is invalid (1 error):
 *   ERROR   waivers.yaml:7:11  waivers[0].scope.rule: waiver 'w-1' names rule 'hn522.late-arival', which pack
 *           'hanoi-522' does not have [Hint: did you mean 'hn522.late-arrival'? ...]
 * </pre>
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public class InvalidWaiversException extends RulesException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<ValidationIssue> issues;

  /**
   * Creates the exception.
   *
   * @param source where the waivers came from (a path as given, or {@code request} for waivers built in code)
   * @param issues every issue found; at least one should be an error
   */
  public InvalidWaiversException(String source, List<ValidationIssue> issues) {
    super(ValidationIssue.describeAll("request".equals(source) ? "The request's waiver list" : "Waiver file at " + source,
        issues));
    this.source = source;
    this.issues = issues.stream().sorted(ValidationIssue.ORDER).toList();
  }

  /** Where the waivers came from. */
  public String source() {
    return source;
  }

  /** Every issue, sorted by file, line and column. */
  public List<ValidationIssue> issues() {
    return issues;
  }
}
