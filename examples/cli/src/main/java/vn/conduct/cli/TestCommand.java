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
import vn.conduct.rules.api.RulesException;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.testkit.BoundaryProbe;
import vn.conduct.rules.testkit.Coverage;
import vn.conduct.rules.testkit.FixtureResult;
import vn.conduct.rules.testkit.PackTests;

/** {@code conduct test <pack-dir>}: runs a pack's fixtures and prints the coverage table. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a pack's fixtures, probes its numeric thresholds and prints the coverage table.",
        "",
        "Fixtures live in rules/<rule-id>/tests/ and tests/ (see specs/fixture-format.md). A fixture that names a"
            + " rule or checklist the packs lack, or is dated when no version of the pack is in force, is an ERROR"
            + " with its location and a hint ('conduct check' lists them all). An expected outcome without a finding"
            + " says why: e.g. the version that has the rule is not in force on the fixture's date.",
        "Exits 0 when every fixture and probe passes and coverage meets the thresholds, 1 otherwise; 2 for a"
            + " wrong command line (a folder that does not exist, a percentage outside 0–100)."})
final class TestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<pack-dir>", description = "The pack directory (holding pack.yaml).")
  Path pack;

  @Option(names = "--with", paramLabel = "<pack-dir-or-id>", description = {"Another pack to load beside it: a folder,",
      "or the id of a pack on the class path, such as the Hanoi pack an overlay extends (repeatable)."})
  List<String> others = new ArrayList<>();

  @Option(names = "--min-rules", paramLabel = "<percent>", defaultValue = "100",
      description = "Required rule coverage (default 100).")
  double minRules;

  @Option(names = "--min-clauses", paramLabel = "<percent>", defaultValue = "100",
      description = "Required coverage of cited clauses (default 100).")
  double minClauses;

  @Option(names = "--min-bands", paramLabel = "<percent>", defaultValue = "0",
      description = "Required coverage of rating bands (default 0: reported only).")
  double minBands;

  @Option(names = "--no-boundaries", description = "Do not probe numeric thresholds.")
  boolean noBoundaries;

  @Option(names = {"-f", "--format"}, paramLabel = "text|junit|sarif", defaultValue = "text",
      description = {"text (the default), junit (JUnit XML: one test case per fixture, per probed threshold and",
          "for coverage, as CI servers read Surefire's reports) or sarif (SARIF 2.1.0: each failing fixture",
          "located at its file). The summary goes to the standard error when a report is written."})
  CiReports.Format format = CiReports.Format.text;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "en",
      description = "Language of the summary lines: en (the default; the problems themselves are in English) or vi.")
  Language language = Language.EN;

  @Option(names = {"-o", "--output"}, paramLabel = "<file>",
      description = "With --format junit or sarif: write the report to this file (default: the standard output).")
  Path output;

  @Override
  public Integer call() {
    boolean report = format != CiReports.Format.text;
    if (output != null && !report) {
      throw new UsageException("--output: " + Arguments.say("usage.output-text", "test"));
    }
    PrintWriter out = report ? spec.commandLine().getErr() : spec.commandLine().getOut();
    String suite = SafeText.line(pack.toString());
    List<CiReports.Case> cases = new ArrayList<>();
    List<CiReports.Located> located = new ArrayList<>();
    percent("--min-rules", minRules);
    percent("--min-clauses", minClauses);
    percent("--min-bands", minBands);
    PackTests tests = PackTests.forPack(pack).requireRuleCoverage(minRules).requireClauseCoverage(minClauses)
        .requireBandCoverage(minBands);
    for (vn.conduct.rules.spi.RulePackSource other : WithPacks.resolve(others)) {
      tests = tests.withPack(other);
    }
    tests.engine();
    List<FixtureResult> results = new ArrayList<>();
    int failed = 0;
    List<Path> files = tests.fixtureFiles();
    for (Path file : files) {
      String name = SafeText.line(pack.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
          .toString());
      try {
        FixtureResult result = tests.run(file);
        results.add(result);
        if (result.passed()) {
          out.println("PASS   " + name);
          cases.add(CiReports.Case.passed(suite, name));
        } else {
          failed++;
          out.println("FAIL   " + name);
          result.mismatches().forEach(m -> out.println("       " + m.render().replace("\n", "\n       ")));
          String details = String.join("\n", result.mismatches().stream().map(FixtureResult.Mismatch::render).toList());
          cases.add(new CiReports.Case(suite, name, plural(result.mismatches().size(), "expectation") + " not met",
              null, details));
          result.mismatches().forEach(m -> located.add(CiReports.Located.at(pack, m.expectation().location(),
              "fixture.failed", m.render())));
        }
      } catch (RulesException e) {
        failed++;
        out.println("ERROR  " + name);
        out.println("       " + ConductCommand.safeLines(e.getMessage()).replace("\n", "\n       "));
        String message = ConductCommand.safeLines(e.getMessage());
        cases.add(new CiReports.Case(suite, name, null, message.lines().findFirst().orElse("error"), message));
        List<vn.conduct.rules.api.ValidationIssue> issues = issuesOf(e);
        if (issues.isEmpty()) {
          located.add(CiReports.Located.at(pack, name, "fixture.error", message));
        }
        issues.forEach(issue -> located.add(CiReports.Located.of(pack, issue)));
      }
    }
    int probes = 0;
    if (!noBoundaries) {
      for (PackTests.BoundaryCheck check : tests.boundaryChecks(results)) {
        List<BoundaryProbe.Probe> run = check.run(tests.engine());
        probes++;
        boolean agrees = run.stream().allMatch(BoundaryProbe.Probe::agrees);
        out.println((agrees ? "PASS   " : "FAIL   ") + "boundary " + SafeText.line(check.name() + ": " + run));
        cases.add(agrees ? CiReports.Case.passed(suite + " boundaries", SafeText.line(check.name()))
            : new CiReports.Case(suite + " boundaries", SafeText.line(check.name()), "the threshold disagrees with"
                + " its probes", null, SafeText.line(run.toString())));
        if (!agrees) {
          failed++;
        }
      }
    }
    Coverage coverage = tests.coverage(results);
    out.println();
    out.print(ConductCommand.safeLines(coverage.table()) + System.lineSeparator());
    List<String> shortfalls = tests.shortfalls(coverage);
    out.println();
    Messages messages = new Messages(language);
    int passed = files.size() - (int) results.stream().filter(r -> !r.passed()).count() - (files.size() - results.size());
    out.println(messages.get("test.summary", files.size(), passed, probes, failed)
        + (shortfalls.isEmpty() ? "" : messages.get("test.coverage-below")));
    shortfalls.forEach(s -> out.println("  " + SafeText.line(s)));
    out.flush();
    if (report) {
      cases.add(shortfalls.isEmpty() ? CiReports.Case.passed(suite, "coverage")
          : new CiReports.Case(suite, "coverage", "coverage below the thresholds", null,
              String.join("\n", shortfalls.stream().map(SafeText::line).toList())));
      shortfalls.forEach(shortfall -> located.add(CiReports.Located.at(pack, "pack.yaml", "coverage.shortfall",
          SafeText.line(shortfall))));
      String version = tests.engine().version();
      CiReports.write(output, spec.commandLine().getOut(), writer -> {
        if (format == CiReports.Format.junit) {
          CiReports.junit(List.of(new CiReports.Suite("conduct test " + suite, cases)), writer);
        } else {
          CiReports.sarif(located, version, writer);
        }
      });
    }
    return failed == 0 && shortfalls.isEmpty() ? ConductCommand.OK : ConductCommand.INVALID;
  }

  /** The located issues an exception carries, if it is one that locates them. */
  private static List<vn.conduct.rules.api.ValidationIssue> issuesOf(RulesException e) {
    if (e instanceof vn.conduct.rules.testkit.InvalidFixtureException fixture) {
      return fixture.issues();
    }
    if (e instanceof vn.conduct.rules.io.InvalidFactsException facts) {
      return facts.issues();
    }
    if (e instanceof vn.conduct.rules.api.InvalidRulePackException pack) {
      return pack.issues();
    }
    return List.of();
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static void percent(String option, double value) {
    if (value < 0 || value > 100) {
      throw new UsageException(option + ": " + Arguments.say("usage.percentage", Words.display(java.math.BigDecimal.valueOf(value)),
          option));
    }
  }
}
