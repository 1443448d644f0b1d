package vn.conduct.rules.internal.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * Collects validation issues for one pack or facts file, locating each through the file's source
 * marks.
 *
 * <p>At most {@value #MAX_PER_FILE} issues are kept per file; the rest are counted, and
 * {@link #sorted()} starts that file's issues with one {@code file.too-many-issues} issue giving
 * their number. This bounds the memory a hostile file can make the reader spend on reporting,
 * while every realistic file has all its problems listed.
 */
public final class Issues {

  /** The most issues kept for one file. */
  public static final int MAX_PER_FILE = 10_000;

  private final List<ValidationIssue> issues = new ArrayList<>();
  private final Map<String, int[]> perFile = new HashMap<>();
  private int errorCount;

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
    if (count(document.file(), level)) {
      int[] mark = document.locate(path);
      issues.add(new ValidationIssue(level, code, document.file(), mark[0], mark[1], path, message, hint));
    }
  }

  /** Reports an error at an explicit location (for problems found before a document exists). */
  public void error(String file, int line, int column, String path, String code, String message,
      String hint) {
    if (count(file, ValidationIssue.Level.ERROR)) {
      issues.add(new ValidationIssue(ValidationIssue.Level.ERROR, code, file, line, column, path, message, hint));
    }
  }

  /** Adds an issue found elsewhere (e.g. by another reader). */
  public void add(ValidationIssue issue) {
    if (count(issue.file(), issue.severity())) {
      issues.add(issue);
    }
  }

  /** Counts an issue for its file; returns whether it is kept. */
  private boolean count(String file, ValidationIssue.Level level) {
    if (level == ValidationIssue.Level.ERROR) {
      errorCount++;
    }
    int[] count = perFile.computeIfAbsent(file, f -> new int[1]);
    return ++count[0] <= MAX_PER_FILE;
  }

  /** Whether another issue for this file would still be kept (callers may skip building its text). */
  public boolean accepts(String file) {
    int[] count = perFile.get(file);
    return count == null || count[0] < MAX_PER_FILE;
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }

  /** How many errors have been reported so far, kept or not. */
  public int errorCount() {
    return errorCount;
  }

  /** How many issues have been reported so far, kept or not. */
  public int count() {
    return perFile.values().stream().mapToInt(c -> c[0]).sum();
  }

  /** Every issue so far, sorted; a file over the limit starts with one issue counting the rest. */
  public List<ValidationIssue> sorted() {
    List<ValidationIssue> all = new ArrayList<>(issues);
    perFile.forEach((file, count) -> {
      if (count[0] > MAX_PER_FILE) {
        all.add(new ValidationIssue(ValidationIssue.Level.ERROR, "file.too-many-issues", file, 0, 0,
            "", (count[0] - MAX_PER_FILE) + " more issues in this file are not listed", "fix the ones listed first"));
      }
    });
    all.sort(ValidationIssue.ORDER);
    return all;
  }
}
