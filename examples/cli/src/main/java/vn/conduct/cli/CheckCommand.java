package vn.conduct.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;

/** {@code conduct check <pack-dir>...}: validates packs and prints every located problem. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Validates rule packs and prints every located error and warning.",
        "",
        "Each problem is printed as file:line:col, field path, message and hint. With --strict, warnings fail"
            + " the check too, and so does an enabled rule that no fixture tests.",
        "Exits 0 if every pack is valid (warnings allowed), 1 otherwise."})
final class CheckCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Option(names = "--strict",
      description = "Also fail on warnings: unused vocabulary, rules citing no article without a note, untested rules.")
  boolean strict;

  @Parameters(arity = "1..*", paramLabel = "<pack-dir>", description = "A pack directory (holding pack.yaml).")
  List<Path> packs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = ConductCommand.OK;
    for (Path pack : packs) {
      if (!Files.isDirectory(pack)) {
        err.println("ERROR   " + pack + "  no such directory [Hint: give the folder that holds pack.yaml]");
        exit = ConductCommand.INVALID;
        continue;
      }
      List<ValidationIssue> issues = new java.util.ArrayList<>(RulesEngine.check(pack));
      if (strict && issues.stream().noneMatch(i -> i.severity() == ValidationIssue.Level.ERROR)) {
        issues.addAll(untested(pack));
        issues.sort(ValidationIssue.ORDER);
      }
      long errors = issues.stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR).count();
      long warnings = issues.size() - errors;
      for (ValidationIssue issue : issues) {
        (issue.severity() == ValidationIssue.Level.ERROR ? err : out).println(issue.render());
      }
      if (errors > 0 || (strict && warnings > 0)) {
        err.println(pack + ": invalid, " + plural(errors, "error") + ", " + plural(warnings, "warning")
            + (errors == 0 ? " (--strict)" : ""));
        exit = ConductCommand.INVALID;
      } else {
        out.println(pack + ": valid" + (warnings > 0 ? ", " + plural(warnings, "warning") : ""));
      }
    }
    return exit;
  }

  /** A warning for every enabled rule that no fixture of the pack names. */
  private static List<ValidationIssue> untested(Path pack) {
    vn.conduct.rules.testkit.PackTests tests = vn.conduct.rules.testkit.PackTests.forPack(pack);
    java.util.Set<String> tested = new java.util.HashSet<>();
    List<ValidationIssue> issues = new java.util.ArrayList<>();
    for (Path file : tests.fixtureFiles()) {
      try {
        vn.conduct.rules.testkit.Fixtures.read(pack.toAbsolutePath().normalize(), file.toAbsolutePath().normalize())
            .expectations().stream()
            .filter(e -> e instanceof vn.conduct.rules.testkit.Expectation.RuleOutcome)
            .forEach(e -> tested.add(((vn.conduct.rules.testkit.Expectation.RuleOutcome) e).ruleId()));
      } catch (vn.conduct.rules.api.RulesException e) {
        issues.add(new ValidationIssue(ValidationIssue.Level.WARNING, "fixture.invalid",
            pack.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString(), 0, 0, "",
            e.getMessage().lines().findFirst().orElse("invalid fixture"), "run 'conduct test' for every problem"));
      }
    }
    tests.rules().stream().filter(vn.conduct.rules.api.RuleInfo::enabled)
        .filter(r -> !tested.contains(r.ruleId()))
        .forEach(r -> issues.add(new ValidationIssue(ValidationIssue.Level.WARNING, "rule.untested",
            "rules/" + r.ruleId() + "/rule.yaml", 0, 0, "", "no fixture tests rule '" + r.ruleId() + "'",
            "add rules/" + r.ruleId() + "/tests/<case>.pass.yaml and <case>.fail.yaml")));
    return issues;
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
