package vn.conduct.rules.robustness;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.engine.EngineBuilder;
import vn.conduct.rules.internal.load.Issues;
import vn.conduct.rules.internal.yaml.SafeYaml;
import vn.conduct.rules.internal.yaml.YamlDocument;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;
import vn.conduct.rules.io.InvalidFactsException;
import vn.conduct.rules.spi.RulePackSource;

/**
 * The three readers under test, and the one definition of "located" the robustness tests share.
 * The only class here that touches internals, so that a change of their signatures is one edit.
 */
final class Readers {

  /** Codes whose issues may have line 0: problems of the pack's files and layout, and the issue cap. */
  static final Set<String> WHOLE_FILE_CODES =
      Set.of("pack.io", "pack.size", "pack.missing-manifest", "pack.layout", "file.too-many-issues");

  private Readers() { }

  /** What the safe YAML reader made of one file. */
  record Parsed(Optional<YamlDocument> document, List<ValidationIssue> issues) { }

  static Parsed yaml(String file, byte[] content) {
    Issues issues = new Issues();
    Optional<YamlDocument> document = SafeYaml.parse(file, content, issues);
    return new Parsed(document, issues.sorted());
  }

  /** Every issue the loader finds in a pack ({@code RulesEngine.check} for any source). */
  static List<ValidationIssue> check(RulePackSource source) {
    return EngineBuilder.check(source, java.util.List.of());
  }

  /** What the facts reader made of one file: the facts, or the issues it threw. */
  record Facts(Optional<FactsFile> file, List<ValidationIssue> issues) { }

  static Facts facts(FactsReader reader, String name, byte[] content) {
    try {
      return new Facts(Optional.of(reader.load(name, content)), List.of());
    } catch (InvalidFactsException e) {
      if (!e.source().equals(name)) {
        throw new AssertionError("InvalidFactsException names source '" + e.source() + "', not '" + name + "'");
      }
      return new Facts(Optional.empty(), e.issues());
    }
  }

  /**
   * Asserts that errors are reported (when {@code refused}) and that every issue is located: a file
   * among {@code texts}' keys (or a folder of the pack for a layout problem), line and column at least 1
   * and the line inside the file (line 0 only for whole-file codes), a code and a message.
   *
   * @param texts the files the issues may name, with their content
   */
  static void assertLocated(List<ValidationIssue> issues, boolean refused, Map<String, byte[]> texts) {
    boolean anyError = issues.stream().anyMatch(i -> i.severity() == ValidationIssue.Level.ERROR);
    if (refused && !anyError) {
      throw new AssertionError("refused without an error: " + issues);
    }
    if (!refused && anyError) {
      throw new AssertionError("accepted with errors: " + render(issues));
    }
    Map<String, Integer> lines = new java.util.HashMap<>();
    for (ValidationIssue issue : issues) {
      String why = unlocated(issue, texts, lines);
      if (!why.isEmpty()) {
        throw new AssertionError(why + ": " + render(List.of(issue)));
      }
    }
  }

  private static String unlocated(ValidationIssue issue, Map<String, byte[]> texts, Map<String, Integer> lines) {
    if (issue.code().isBlank()) {
      return "no code";
    }
    if (issue.message().isBlank()) {
      return "no message";
    }
    if (issue.file().isBlank()) {
      return "no file";
    }
    // line 0 means "the file as a whole" (the specs' section on error reporting): allowed for the codes
    // above, and for a problem with the whole file (empty path) that is not a YAML one, e.g. an empty file
    boolean wholeFile = WHOLE_FILE_CODES.contains(issue.code())
        || issue.path().isEmpty() && !issue.code().startsWith("yaml.");
    byte[] content = texts.get(issue.file());
    if (content == null && !(wholeFile && (issue.file().equals("pack.yaml") || texts.keySet().stream()
        .anyMatch(name -> name.startsWith(issue.file() + "/"))))) {
      return "names a file that is not there";
    }
    if (issue.line() <= 0 || issue.column() <= 0) {
      return wholeFile && issue.line() == 0 ? "" : "no line and column";
    }
    if (content != null) {
      int count = lines.computeIfAbsent(issue.file(), file -> lineBreaks(content) + 1);
      if (issue.line() > count) {
        return "line " + issue.line() + " is past the end of the file (" + count + " lines)";
      }
    }
    return "";
  }

  /** An upper bound of the line breaks YAML sees: LF, CR, NEL, LS and PS each count. */
  static int lineBreaks(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        count++;
      }
    }
    return count;
  }

  static String render(List<ValidationIssue> issues) {
    StringBuilder text = new StringBuilder();
    for (ValidationIssue issue : issues) {
      text.append(System.lineSeparator()).append("    ").append(issue.render());
    }
    return text.toString();
  }
}
