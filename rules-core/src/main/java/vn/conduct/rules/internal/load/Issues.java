package vn.conduct.rules.internal.load;

import java.util.ArrayList;
import java.util.List;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.yaml.YamlDocument;

/** Collects validation issues for one pack, locating each through the file's source marks. */
public final class Issues {

  private final List<ValidationIssue> issues = new ArrayList<>();

  /** Reports an error at a field path of a parsed document. */
  public void error(YamlDocument document, String path, String code, String message, String hint) {
    add(ValidationIssue.Level.ERROR, document, path, code, message, hint);
  }

  /** Reports a warning at a field path of a parsed document. */
  public void warning(YamlDocument document, String path, String code, String message, String hint) {
    add(ValidationIssue.Level.WARNING, document, path, code, message, hint);
  }

  private void add(ValidationIssue.Level level, YamlDocument document, String path, String code,
      String message, String hint) {
    int[] mark = document.locate(path);
    issues.add(new ValidationIssue(level, code, document.file(), mark[0], mark[1], path, message, hint));
  }

  /** Reports an error at an explicit location (for problems found before a document exists). */
  public void error(String file, int line, int column, String path, String code, String message,
      String hint) {
    issues.add(new ValidationIssue(
        ValidationIssue.Level.ERROR, code, file, line, column, path, message, hint));
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(i -> i.severity() == ValidationIssue.Level.ERROR);
  }

  /** Every issue so far, sorted. */
  public List<ValidationIssue> sorted() {
    return issues.stream().sorted(ValidationIssue.ORDER).toList();
  }
}
