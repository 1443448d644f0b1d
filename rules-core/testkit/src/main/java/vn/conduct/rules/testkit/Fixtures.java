package vn.conduct.rules.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;

/**
 * Finds and reads a pack's fixtures.
 *
 * <p>Fixtures live in {@code rules/<rule-id>/tests/} (about that rule) and anywhere under the pack's
 * {@code tests/} folder (about several rules, scores and rankings). A fixture is a facts file
 * (see {@code specs/facts-format.md}) with three more keys: {@code description}, {@code subject}
 * and {@code expect}. Its name ends in its expected outcome for the folder's rule,
 * {@code .pass.yaml}, {@code .fail.yaml}, {@code .not-applicable.yaml}, {@code .unknown.yaml} or
 * {@code .error.yaml}, about the {@code subject} (which may be omitted when the file has one
 * subject). Other fixtures end in {@code .yaml} and state everything under {@code expect}; see
 * {@code specs/fixture-format.md}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Fixtures {

  private static final FactsReader READER = new FactsReader().withExtensionKeys("description", "subject", "expect");
  private static final List<String> SUBJECT_KEYS = List.of("outcomes", "reasons", "scores", "ranks", "compliant");
  private static final List<String> SCORE_KEYS = List.of("score", "rating", "rated");

  private Fixtures() { }

  /** Every fixture file of a pack, sorted by path. */
  public static List<Path> find(Path packDirectory) {
    List<Path> files = new ArrayList<>();
    Path rules = packDirectory.resolve("rules");
    try {
      if (Files.isDirectory(rules)) {
        try (Stream<Path> folders = Files.list(rules)) {
          for (Path folder : folders.sorted().toList()) {
            Path tests = folder.resolve("tests");
            if (Files.isDirectory(tests)) {
              try (Stream<Path> walk = Files.walk(tests)) {
                walk.filter(Fixtures::isFixture).forEach(files::add);
              }
            }
          }
        }
      }
      Path tests = packDirectory.resolve("tests");
      if (Files.isDirectory(tests)) {
        try (Stream<Path> walk = Files.walk(tests)) {
          walk.filter(Fixtures::isFixture).forEach(files::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the fixtures of " + packDirectory, e);
    }
    return files.stream().sorted().toList();
  }

  private static boolean isFixture(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml")
        || name.endsWith(".json"));
  }

  /**
   * Reads a fixture.
   *
   * @param packDirectory the pack the fixture belongs to
   * @param file the fixture file, inside the pack
   * @throws vn.conduct.rules.io.InvalidFactsException if its facts are invalid
   * @throws InvalidFixtureException if its expectations are invalid
   */
  public static Fixture read(Path packDirectory, Path file) {
    Read read = readAll(packDirectory, file);
    if (!read.issues().isEmpty()) {
      throw new InvalidFixtureException(read.fixture().name(), read.issues());
    }
    return read.fixture();
  }

  /**
   * A fixture as far as it could be read, with its problems: the expectations that could be read,
   * so that what they name can be checked too, and every problem found in the file.
   */
  record Read(Fixture fixture, List<ValidationIssue> issues) { }

  /**
   * Reads a fixture, keeping its problems instead of throwing them.
   *
   * @throws vn.conduct.rules.io.InvalidFactsException if its facts are invalid (nothing can be checked further)
   */
  static Read readAll(Path packDirectory, Path file) {
    String name = packDirectory.relativize(file).toString().replace('\\', '/');
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    FactsFile facts = READER.load(name, content);
    Problems problems = new Problems(name, facts);
    Optional<String> rule = ruleOf(name);
    String fileName = file.getFileName().toString();
    Optional<Outcome> named = outcomeOf(fileName);
    if (fileName.endsWith(".yml")) {
      problems.add("", "fixture.name", "fixture files use the extension .yaml", "rename it to .yaml");
    }
    List<Expectation> expectations = new ArrayList<>();
    List<Subject> subjects = facts.request().subjects();
    String subject = facts.extension("subject").map(String::valueOf).orElse(null);
    if (subject != null && subjects.stream().noneMatch(s -> s.id().equals(subject))) {
      problems.add("subject", "fixture.subject", "no subject with id '" + subject + "' in this fixture",
          "name one of " + subjects.stream().map(Subject::id).toList());
    }
    if (named.isPresent()) {
      if (rule.isEmpty()) {
        problems.add("", "fixture.name", "only a fixture in rules/<rule-id>/tests/ can name an outcome ("
            + fileName + ")", "rename it to end in .yaml and state the outcome under 'expect'");
      } else if (subject == null && subjects.size() != 1) {
        problems.add("subject", "fixture.subject", "the file has " + subjects.size()
            + " subjects; say which one the outcome in its name is about", "add 'subject: <id>'");
      } else {
        String about = subject != null ? subject : subjects.get(0).id();
        expectations.add(new Expectation.RuleOutcome(about, rule.get(), named.get(), null,
            facts.locate(subject != null ? "subject" : "subjects[0].id").orElse(name)));
      }
    }
    Object expect = facts.extension("expect").orElse(null);
    if (expect != null) {
      readExpect(expect, problems, expectations, subjects);
    }
    if (expectations.isEmpty() && !problems.hasAny()) {
      problems.add("", "fixture.empty", "the fixture expects nothing",
          "end its name in .pass.yaml, .fail.yaml, ... inside rules/<rule-id>/tests/, or add 'expect'");
    }
    if (named.isPresent() && rule.isPresent()) {
      Expectation first = expectations.isEmpty() ? null : expectations.get(0);
      for (Expectation e : expectations.subList(Math.min(1, expectations.size()), expectations.size())) {
        if (first instanceof Expectation.RuleOutcome o && e instanceof Expectation.RuleOutcome other
            && other.subjectId().equals(o.subjectId()) && other.ruleId().equals(o.ruleId())
            && other.outcome() != o.outcome()) {
          problems.issues.add(issue(other.location(), other.path(), "fixture.contradiction", "the file name says "
              + o.outcome() + " for " + o.ruleId() + " but 'expect' says " + other.outcome(), "make them agree"));
        }
      }
    }
    Object description = facts.extension("description").orElse("");
    return new Read(new Fixture(name, file, rule, String.valueOf(description), facts, expectations),
        problems.issues.stream().sorted(ValidationIssue.ORDER).toList());
  }

  static Optional<String> ruleOf(String name) {
    String[] parts = name.split("/");
    return parts.length >= 4 && parts[0].equals("rules") && parts[2].equals("tests")
        ? Optional.of(parts[1]) : Optional.empty();
  }

  static Optional<Outcome> outcomeOf(String fileName) {
    String base = fileName.replaceFirst("\\.(ya?ml|json)$", "");
    int dot = base.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return switch (base.substring(dot + 1)) {
      case "pass" -> Optional.of(Outcome.PASS);
      case "fail" -> Optional.of(Outcome.FAIL);
      case "not-applicable", "na" -> Optional.of(Outcome.NOT_APPLICABLE);
      case "unknown" -> Optional.of(Outcome.UNKNOWN);
      case "error" -> Optional.of(Outcome.ERROR);
      default -> Optional.empty();
    };
  }

  @SuppressWarnings("unchecked")
  private static void readExpect(Object expect, Problems problems, List<Expectation> into, List<Subject> subjects) {
    if (!(expect instanceof Map<?, ?> bySubject)) {
      problems.add("expect", "fixture.type", "expected a mapping of subject ids", "write 'expect: {<subject-id>: {...}}'");
      return;
    }
    for (Map.Entry<?, ?> entry : bySubject.entrySet()) {
      String subject = String.valueOf(entry.getKey());
      String path = "expect." + subject;
      if (subjects.stream().noneMatch(s -> s.id().equals(subject))) {
        problems.add(path, "fixture.subject", "no subject with id '" + subject + "' in this fixture",
            "the subjects are " + subjects.stream().map(Subject::id).toList());
        continue;
      }
      if (!(entry.getValue() instanceof Map<?, ?> fields)) {
        problems.add(path, "fixture.type", "expected a mapping with keys " + SUBJECT_KEYS, null);
        continue;
      }
      for (Object key : fields.keySet()) {
        if (!SUBJECT_KEYS.contains(String.valueOf(key))) {
          problems.add(path + "." + key, "fixture.unknown-key", "unknown key '" + key + "'",
              "known keys are " + SUBJECT_KEYS);
        }
      }
      Map<String, Object> reasons = map(fields.get("reasons"), path + ".reasons", problems);
      Map<String, Object> outcomes = map(fields.get("outcomes"), path + ".outcomes", problems);
      outcomes.forEach((rule, value) -> {
        String at = path + ".outcomes." + rule;
        Outcome outcome = outcome(value);
        if (outcome == null) {
          problems.add(at, "fixture.outcome", "'" + value + "' is not an outcome",
              "use PASS, FAIL, NOT_APPLICABLE, UNKNOWN or ERROR");
        } else {
          Object reason = reasons.get(rule);
          into.add(new Expectation.RuleOutcome(subject, rule, outcome, reason == null ? null : String.valueOf(reason),
              problems.locate(at), at));
        }
      });
      reasons.keySet().stream().filter(rule -> !outcomes.containsKey(rule)).forEach(rule ->
          problems.add(path + ".reasons." + rule, "fixture.reason", "a reason is expected for rule '" + rule
              + "' but not its outcome", "add it under 'outcomes' too"));
      map(fields.get("scores"), path + ".scores", problems).forEach((checklist, value) -> {
        String at = path + ".scores." + checklist;
        Map<String, Object> score = map(value, at, problems);
        score.keySet().stream().filter(k -> !SCORE_KEYS.contains(k)).forEach(k ->
            problems.add(at + "." + k, "fixture.unknown-key", "unknown key '" + k + "'", "known keys are " + SCORE_KEYS));
        Object points = score.get("score");
        if (points != null && !(points instanceof BigDecimal)) {
          problems.add(at + ".score", "fixture.type", "'" + points + "' is not a number", null);
        }
        Object rated = score.get("rated");
        if (rated != null && !(rated instanceof Boolean)) {
          problems.add(at + ".rated", "fixture.type", "'" + rated + "' is not true or false", null);
        }
        into.add(new Expectation.Score(subject, checklist, points instanceof BigDecimal b ? b : null,
            score.get("rating") == null ? null : String.valueOf(score.get("rating")),
            rated instanceof Boolean b ? b : null, problems.locate(at), at));
      });
      map(fields.get("ranks"), path + ".ranks", problems).forEach((checklist, value) -> {
        String at = path + ".ranks." + checklist;
        if (value instanceof BigDecimal rank && rank.signum() > 0 && rank.stripTrailingZeros().scale() <= 0) {
          into.add(new Expectation.Rank(subject, checklist, rank.intValue(), problems.locate(at), at));
        } else {
          problems.add(at, "fixture.type", "'" + value + "' is not a rank (1, 2, ...)", null);
        }
      });
      Object compliant = fields.get("compliant");
      if (compliant instanceof Boolean b) {
        into.add(new Expectation.Compliant(subject, b, problems.locate(path + ".compliant"), path + ".compliant"));
      } else if (compliant != null) {
        problems.add(path + ".compliant", "fixture.type", "'" + compliant + "' is not true or false", null);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String path, Problems problems) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    problems.add(path, "fixture.type", "expected a mapping, but found '" + value + "'", null);
    return Map.of();
  }

  private static Outcome outcome(Object value) {
    String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (Outcome outcome : Outcome.values()) {
      if (outcome.name().equals(text)) {
        return outcome;
      }
    }
    return text.equals("NA") ? Outcome.NOT_APPLICABLE : null;
  }

  static ValidationIssue issue(String location, String path, String code, String message, String hint) {
    String[] parts = location.split(":");
    int line = parts.length >= 3 ? parse(parts[parts.length - 2]) : 0;
    int column = parts.length >= 3 ? parse(parts[parts.length - 1]) : 0;
    String file = parts.length >= 3 ? location.substring(0, location.length() - parts[parts.length - 1].length()
        - parts[parts.length - 2].length() - 2) : location;
    return new ValidationIssue(ValidationIssue.Level.ERROR, code, file, line, column, path, message, hint);
  }

  private static int parse(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Collects a fixture's problems with their locations. */
  private static final class Problems {
    private final String name;
    private final FactsFile facts;
    private final List<ValidationIssue> issues = new ArrayList<>();

    Problems(String name, FactsFile facts) {
      this.name = name;
      this.facts = facts;
    }

    String locate(String path) {
      return facts.locate(path).orElse(name);
    }

    void add(String path, String code, String message, String hint) {
      issues.add(issue(locate(path), path, code, message, hint));
    }

    boolean hasAny() {
      return !issues.isEmpty();
    }
  }

  static Set<String> subjectKeys() {
    return Set.copyOf(SUBJECT_KEYS);
  }
}
