package vn.conduct.rules.api;

import java.util.List;

/**
 * A rule pack has at least one error; carries every issue found, errors and warnings, sorted.
 *
 * @since 0.1
 */
public class InvalidRulePackException extends RulesException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<ValidationIssue> issues;

  public InvalidRulePackException(String source, List<ValidationIssue> issues) {
    super(render(source, issues));
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

  private static String render(String source, List<ValidationIssue> issues) {
    long errors = issues.stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR).count();
    long warnings = issues.size() - errors;
    StringBuilder text = new StringBuilder("Rule pack at ").append(source).append(" is invalid (")
        .append(errors).append(errors == 1 ? " error" : " errors");
    if (warnings > 0) {
      text.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
    }
    text.append("):");
    issues.stream().sorted(ValidationIssue.ORDER)
        .forEach(issue -> text.append(System.lineSeparator()).append("  ").append(issue.render()));
    return text.toString();
  }
}
