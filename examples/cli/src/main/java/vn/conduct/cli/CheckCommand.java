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
        "Each problem is printed as file:line:col, field path, message and hint.",
        "Exits 0 if every pack is valid (warnings allowed), 1 otherwise."})
final class CheckCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

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
      List<ValidationIssue> issues = RulesEngine.check(pack);
      long errors = issues.stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR).count();
      long warnings = issues.size() - errors;
      for (ValidationIssue issue : issues) {
        (issue.severity() == ValidationIssue.Level.ERROR ? err : out).println(issue.render());
      }
      if (errors > 0) {
        err.println(pack + ": invalid, " + plural(errors, "error") + ", " + plural(warnings, "warning"));
        exit = ConductCommand.INVALID;
      } else {
        out.println(pack + ": valid" + (warnings > 0 ? ", " + plural(warnings, "warning") : ""));
      }
    }
    return exit;
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
