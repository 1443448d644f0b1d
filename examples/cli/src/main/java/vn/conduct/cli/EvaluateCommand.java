package vn.conduct.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;

/** {@code conduct evaluate}: evaluates a facts file against packs and prints the report. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
        "Evaluates a facts file against rule packs and prints an explained report.",
        "",
        "The facts file (YAML or JSON, see specs/facts-format.md) gives subjects, observations and events."
            + " The report gives the outcome of every rule for every subject with its reason and legal source,"
            + " scores, ratings, roll-ups and rankings.",
        "",
        "Exits 0 when the evaluation ran, whatever its outcomes; 1 if a pack or the facts file is invalid."})
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  PackOptions packs;

  @Mixin
  OutputOptions output;

  @Option(names = "--facts", required = true, paramLabel = "<file>",
      description = "The facts: subjects, observations and events (.yaml, .yml or .json).")
  Path facts;

  @Option(names = "--as-of", paramLabel = "<yyyy-mm-dd>",
      description = "The evaluation date; overrides the file's as-of (and its default period).")
  LocalDate asOf;

  @Override
  public Integer call() {
    FactsReader reader = asOf == null ? new FactsReader() : new FactsReader().withAsOf(asOf);
    FactsFile file = reader.load(facts);
    RulesEngine engine = packs.engine();
    EvaluationRequest request = packs.restrict(file.request());
    Report report = engine.evaluate(request);
    output.print(report, file::locate, spec.commandLine().getOut());
    return ConductCommand.OK;
  }
}
