package vn.conduct.rules.api;

import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One problem found in a rule pack, located in its source file.
 *
 * @param severity error or warning
 * @param code a stable code naming the kind of problem (e.g. {@code yaml.duplicate-key})
 * @param file the file, relative to the pack's root (e.g. {@code rules/hn522.badge/rule.yaml})
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param path the field path within the file (e.g. {@code condition.all[1].ge}), or {@code ""}
 * @param message what is wrong, naming the value
 * @param hint how to fix it, or {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ValidationIssue(
    Level severity,
    String code,
    String file,
    int line,
    int column,
    String path,
    String message,
    String hint) {

  /** Orders issues by file, line, column, path, code and message. */
  public static final Comparator<ValidationIssue> ORDER =
      Comparator.comparing(ValidationIssue::file)
          .thenComparingInt(ValidationIssue::line)
          .thenComparingInt(ValidationIssue::column)
          .thenComparing(ValidationIssue::path)
          .thenComparing(ValidationIssue::code)
          .thenComparing(ValidationIssue::message);

  public ValidationIssue {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    path = path == null ? "" : path;
    Objects.requireNonNull(message, "message");
  }

  /** The severity of an issue. */
  public enum Level {
    /** The pack cannot be loaded. */
    ERROR,
    /** The pack loads, but something is likely wrong. */
    WARNING
  }

  /** Returns {@code file:line:col}, omitting unknown parts; the file name is shown {@link SafeText#line safely}. */
  public String location() {
    String name = SafeText.line(file);
    if (line <= 0) {
      return name;
    }
    return column <= 0 ? name + ":" + line : name + ":" + line + ":" + column;
  }

  /**
   * Renders the issue on one line, e.g.
   * {@code ERROR   pack.yaml:3:10  version: must be ... [Hint: ...] [field.constraint]}.
   *
   * <p>Every part that may quote pack or facts text goes through {@link SafeText#line}, so a
   * rendered issue is always exactly one line and cannot carry terminal control sequences.
   */
  public String render() {
    StringBuilder text = new StringBuilder()
        .append(String.format(java.util.Locale.ROOT, "%-7s", severity))
        .append(' ')
        .append(location())
        .append("  ");
    if (!path.isEmpty()) {
      text.append(SafeText.line(path)).append(": ");
    }
    text.append(SafeText.line(message));
    if (hint != null && !hint.isBlank()) {
      text.append(" [Hint: ").append(SafeText.line(hint)).append(']');
    }
    text.append(" [").append(SafeText.line(code)).append(']');
    return text.toString();
  }

  /** The most issues {@link #describeAll} lists; it counts the rest. */
  public static final int MAX_DESCRIBED = 100;

  /**
   * Renders a list of issues as an exception message: {@code <what> is invalid (2 errors, 1 warning):}
   * followed by one {@link #render() rendered} issue per line, sorted by {@link #ORDER}: the first
   * {@value #MAX_DESCRIBED}, then "… and N more".
   *
   * @param what what the issues are about, e.g. {@code Rule pack at packs/x}
   */
  public static String describeAll(String what, java.util.List<ValidationIssue> issues) {
    long errors = issues.stream().filter(i -> i.severity() == Level.ERROR).count();
    long warnings = issues.size() - errors;
    StringBuilder text = new StringBuilder(SafeText.line(what)).append(" is invalid (")
        .append(errors).append(errors == 1 ? " error" : " errors");
    if (warnings > 0) {
      text.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
    }
    text.append("):");
    issues.stream().sorted(ORDER).limit(MAX_DESCRIBED)
        .forEach(issue -> text.append(System.lineSeparator()).append("  ").append(issue.render()));
    if (issues.size() > MAX_DESCRIBED) {
      text.append(System.lineSeparator()).append("  … and ").append(issues.size() - MAX_DESCRIBED)
          .append(" more (the exception's issues() lists them all)");
    }
    return text.toString();
  }
}
