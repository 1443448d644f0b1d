package vn.conduct.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.RulesException;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.testkit.PackTests;

/**
 * {@code conduct check <pack-dir>...}: validates packs and the fixtures beside them, and prints
 * every located problem.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Validates rule packs and their fixtures, and prints every located error and warning.",
        "",
        "The pack first; if it loads, its fixtures (rules/<id>/tests/*.yaml and tests/**, see"
            + " specs/fixture-format.md), without running them: their facts and expectations, and what they name"
            + " that the packs lack: an unknown rule or checklist (with 'did you mean'), a rule or checklist that"
            + " does not apply to the subject's type, a date on which no version of the pack is in force.",
        "Each problem is printed as file:line:col, field path, message, hint and code. With --strict, warnings"
            + " fail the check too, and so does an enabled rule that no fixture tests.",
        "Exits 0 if every pack and fixture is valid (warnings allowed), 1 otherwise; 2 if a folder does not exist."})
final class CheckCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** The most issues printed for one pack; the rest are counted. */
  static final int MAX_SHOWN = 100;

  /**
   * Prints the issues found in one side file (waivers, decisions) — errors on {@code err}, warnings on
   * {@code out}, at most {@link #MAX_SHOWN} — and its verdict line; returns whether the file fails the
   * check (an error, or with {@code strict} a warning).
   */
  static boolean report(java.nio.file.Path file, List<vn.conduct.rules.api.ValidationIssue> issues, boolean strict,
      Messages messages, PrintWriter out, PrintWriter err) {
    long errors = issues.stream().filter(i -> i.severity() == vn.conduct.rules.api.ValidationIssue.Level.ERROR).count();
    long warnings = issues.size() - errors;
    String name = SafeText.line(file.toString());
    int shown = 0;
    for (vn.conduct.rules.api.ValidationIssue issue : issues) {
      if (shown++ == MAX_SHOWN) {
        err.println(messages.get("waivers.more-issues", issues.size() - MAX_SHOWN, name));
        break;
      }
      (issue.severity() == vn.conduct.rules.api.ValidationIssue.Level.ERROR ? err : out).println(issue.render());
    }
    if (errors > 0 || (strict && warnings > 0)) {
      err.println(messages.get(errors == 0 ? "check.invalid-strict" : "check.invalid", name,
          messages.count("check.errors", errors), messages.count("check.warnings", warnings)));
      return true;
    }
    out.println(warnings > 0 ? messages.get("check.valid-with", name, messages.count("check.warnings", warnings))
        : messages.get("check.valid-alone", name));
    return false;
  }

  @Option(names = "--strict",
      description = "Also fail on warnings: unused vocabulary, rules citing no article without a note, untested rules.")
  boolean strict;

  @Option(names = "--with", paramLabel = "<pack-dir-or-id>",
      description = {"Another pack loaded beside each checked pack: one its fixtures need, or the pack an overlay",
          "extends; a folder, or the id of a pack on the class path (repeatable)."})
  List<String> others = new ArrayList<>();

  @Parameters(arity = "1..*", paramLabel = "<pack-dir>", description = "A pack folder (holding pack.yaml).")
  List<Path> packs;

  @Option(names = {"-f", "--format"}, paramLabel = "text|junit|sarif", defaultValue = "text",
      description = {"text (the default: one line per problem), junit (JUnit XML: a test suite per pack, a failing",
          "test case per file with errors) or sarif (SARIF 2.1.0: every problem located, for CI annotations)."})
  CiReports.Format format = CiReports.Format.text;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "en",
      description = "Language of the summary lines: en (the default; the problems themselves are in English) or vi.")
  Language language = Language.EN;

  @Option(names = {"-o", "--output"}, paramLabel = "<file>",
      description = "With --format junit or sarif: write the report to this file (default: the standard output).")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean report = format != CiReports.Format.text;
    if (output != null && !report) {
      throw new UsageException("--output: " + Arguments.say("usage.output-text", "check"));
    }
    Messages messages = new Messages(language);
    List<CiReports.Suite> suites = new ArrayList<>();
    List<CiReports.Located> located = new ArrayList<>();
    int exit = ConductCommand.OK;
    for (Path pack : packs) {
      List<ValidationIssue> issues = new ArrayList<>(RulesEngine.check(vn.conduct.rules.spi.RulePackSource.directory(pack), WithPacks.resolve(others)));
      if (issues.stream().noneMatch(i -> i.severity() == ValidationIssue.Level.ERROR)) {
        issues.addAll(fixtures(pack));
        issues.sort(ValidationIssue.ORDER);
      }
      long errors = issues.stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR).count();
      long warnings = issues.size() - errors;
      if (report) {
        suites.add(suite(pack, issues));
        issues.forEach(issue -> located.add(CiReports.Located.of(pack, issue)));
        if (errors > 0 || (strict && warnings > 0)) {
          exit = ConductCommand.INVALID;
        }
        err.println(messages.get(errors > 0 || (strict && warnings > 0) ? "check.invalid" : "check.valid",
            SafeText.line(pack.toString()), messages.count("check.errors", errors),
            messages.count("check.warnings", warnings)));
        continue;
      }
      int shown = 0;
      for (ValidationIssue issue : issues) {
        if (shown++ == MAX_SHOWN) {
          err.println(messages.get("check.more-issues", issues.size() - MAX_SHOWN, SafeText.line(pack.toString())));
          break;
        }
        (issue.severity() == ValidationIssue.Level.ERROR ? err : out).println(issue.render());
      }
      String name = SafeText.line(pack.toString());
      if (errors > 0 || (strict && warnings > 0)) {
        err.println(messages.get(errors == 0 ? "check.invalid-strict" : "check.invalid", name,
            messages.count("check.errors", errors), messages.count("check.warnings", warnings)));
        exit = ConductCommand.INVALID;
      } else {
        out.println(warnings > 0 ? messages.get("check.valid-with", name, messages.count("check.warnings", warnings))
            : messages.get("check.valid-alone", name));
      }
    }
    if (report) {
      CiReports.write(output, out, writer -> {
        if (format == CiReports.Format.junit) {
          CiReports.junit(suites, writer);
        } else {
          CiReports.sarif(located, RulesEngine.builder().build().version(), writer);
        }
      });
    }
    return exit;
  }

  /** A pack as a JUnit test suite: a failing case per file with errors (or warnings, with --strict), else one passing case. */
  private CiReports.Suite suite(Path pack, List<ValidationIssue> issues) {
    String name = SafeText.line(pack.toString());
    java.util.Map<String, List<ValidationIssue>> byFile = new java.util.TreeMap<>();
    issues.stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR || strict)
        .forEach(i -> byFile.computeIfAbsent(i.file(), f -> new ArrayList<>()).add(i));
    List<CiReports.Case> cases = new ArrayList<>();
    if (byFile.isEmpty()) {
      cases.add(CiReports.Case.passed(name, "pack is valid"));
    }
    byFile.forEach((file, found) -> cases.add(new CiReports.Case(name, SafeText.line(file),
        plural(found.size(), "problem") + ": " + SafeText.line(found.get(0).message()), null,
        String.join("\n", found.stream().map(ValidationIssue::render).toList()))));
    return new CiReports.Suite("conduct check " + name, cases);
  }

  /** The fixtures' problems (the test kit's check) and, with --strict, the rules no fixture tests. */
  private List<ValidationIssue> fixtures(Path pack) {
    PackTests tests = PackTests.forPack(pack);
    for (vn.conduct.rules.spi.RulePackSource other : WithPacks.resolve(others)) {
      tests = tests.withPack(other);
    }
    List<ValidationIssue> issues = new ArrayList<>();
    try {
      issues.addAll(tests.checkFixtures());
      if (strict) {
        issues.addAll(tests.untestedRules());
      }
    } catch (RulesException e) {
      // the pack checks clean but no engine can be built (with the packs given with --with): one issue
      issues.add(new ValidationIssue(ValidationIssue.Level.ERROR, "pack.engine", "pack.yaml", 0, 0, "",
          "the fixtures cannot run: no engine can be built" + (others.isEmpty() ? "" : " with the packs given with --with")
              + ": " + e.getMessage().lines().findFirst().orElse(""), "run 'conduct check' on each pack"));
    }
    return issues;
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
