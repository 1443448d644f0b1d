package vn.conduct.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;

/**
 * {@code conduct evaluate}: evaluates a facts file (YAML or JSON) or CSV files of subjects, events
 * and observations against packs and prints the report as a table, JSON, CSV or HTML.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Evaluates facts against rule packs and prints an explained report.",
        "",
        "Facts come either from one facts file (--facts, YAML or JSON, see specs/facts-format.md) or from CSV"
            + " files (--subjects, with optional --events and --observations, and --as-of). The report gives the"
            + " outcome of every rule for every subject with its reason and legal source, scores, ratings,"
            + " roll-ups and rankings.",
        "",
        "CSV layout (UTF-8, header row, comma-separated, RFC 4180 quotes; * = required column):",
        "  subjects:     id*, type*, name, parent, attr.<name>...",
        "  events:       id, subject*, type*, date*, verified, attr.<name>...",
        "  observations: subject*, indicator*, value*, observed-by, observed-on, method",
        "Dates are yyyy-mm-dd; verified is true (default) or false; an empty value means not observed.",
        "A CSV row with a problem is reported on the standard error as file:line  field: message and left out;"
            + " the rest is evaluated and a summary reconciles the counts (read = evaluated + rejected + ignored,"
            + " ignored: rows the engine did not use, such as a subject of an unknown type or an observation"
            + " dated after --as-of).",
        "",
        "More than 10000 subjects are evaluated with a progress bar on the standard error (the engine takes a"
            + " large request in parts of whole units; the report is the same as in one run).",
        "",
        "Exits 0 when the evaluation ran, whatever its outcomes; 1 if a pack or the facts are invalid, or if"
            + " any CSV row was rejected (the report of the other rows is still written)."})
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--progress-over", hidden = true, defaultValue = "" + Progress.THRESHOLD,
      description = "Show progress above this many subjects; for tests.")
  int progressThreshold = Progress.THRESHOLD;

  @Spec
  CommandSpec spec;

  @Mixin
  PackOptions packs;

  @Mixin
  OutputOptions output;

  @Option(names = "--facts", paramLabel = "<file>",
      description = "The facts: subjects, observations and events (.yaml, .yml or .json).")
  Path facts;

  @Option(names = "--subjects", paramLabel = "<csv>", description = "Subjects as CSV (instead of --facts).")
  Path subjects;

  @Option(names = "--events", paramLabel = "<csv>", description = "Events as CSV (with --subjects).")
  Path events;

  @Option(names = "--observations", paramLabel = "<csv>", description = "Observations as CSV (with --subjects).")
  Path observations;

  @Option(names = "--as-of", paramLabel = "<yyyy-mm-dd>",
      description = {"The decision date: facts recorded after it do not count; overrides the facts file's",
          "as-of or decided-on. Without --period, each pack judges its natural period containing it",
          "(a yearly pack the year, others the month). CSV input needs --as-of or --period."})
  LocalDate asOf;

  @Option(names = "--period", paramLabel = "<period>", converter = PeriodConverter.class,
      description = {"The period judged: a year (2025), a month (2025-06), a quarter (2025-Q2) or",
          "start/end dates (2025-01-01/2025-06-30); overrides the facts file's period. Decided on its last",
          "day unless --as-of gives the decision date. Pack versions are those in force at the period's",
          "end (or on the decision date, if earlier)."})
  vn.conduct.rules.api.Period period;

  /** Reads --period (registered here too, for the option's own converter). */
  static final class PeriodConverter implements picocli.CommandLine.ITypeConverter<vn.conduct.rules.api.Period> {
    @Override
    public vn.conduct.rules.api.Period convert(String value) {
      return Arguments.period(value);
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    TextOut messages = new TextOut(err);
    EvaluationRequest request;
    Function<FactProblem, Optional<String>> locator;
    CsvFacts csv = null;
    if (facts != null) {
      if (subjects != null || events != null || observations != null) {
        throw new UsageException("give either --facts or CSV files (--subjects, --events, --observations), not both");
      }
      FactsReader reader = new FactsReader().withAsOf(asOf).withPeriod(period);
      FactsFile file = reader.load(facts);
      request = file.request();
      locator = file::locate;
    } else if (subjects != null) {
      if (asOf == null && period == null) {
        throw new UsageException("--as-of or --period is required with CSV input (a CSV file has no dates of its"
            + " own) [Hint: e.g. --period 2025-06, or --as-of 2025-06-30]");
      }
      LocalDate decided = asOf != null ? asOf : period.end();
      csv = CsvFacts.read(subjects, events, observations, decided, rejection -> messages.println(rejection.render()));
      messages.flush();
      EvaluationRequest.Builder builder = asOf != null ? EvaluationRequest.builder(asOf)
          : EvaluationRequest.builder(period);
      if (asOf != null && period != null) {
        builder.period(period);
      }
      request = builder.subjects(csv.subjects).events(csv.events).observations(csv.observations).build();
      locator = csv::locate;
    } else if (events != null || observations != null) {
      throw new UsageException("--events and --observations need --subjects");
    } else {
      throw new UsageException("give the facts: --facts <file>, or --subjects <csv> with --as-of or --period");
    }
    RulesEngine engine = packs.engine();
    request = packs.restrict(request);
    Report report = evaluate(engine, request, err);
    output.print(report, locator, spec.commandLine().getOut(), false, engine.checklists());
    if (csv != null) {
      // The rows the engine left out: on the standard error unless the report lists them (a CSV report has no room).
      boolean reportLists = output.format != OutputOptions.Format.csv;
      for (CsvFacts.Ignored ignored : csv.reconcile(report.factProblems())) {
        if (!ignored.fromReport() || !reportLists) {
          messages.println(ignored.where().render());
        }
      }
      messages.println(csv.summary());
      messages.flush();
      return csv.rejected() > 0 ? ConductCommand.INVALID : ConductCommand.OK;
    }
    return ConductCommand.OK;
  }

  /**
   * The evaluation, with a progress bar on the standard error above the threshold of subjects (the
   * engine evaluates a large request in parts of whole units and says how far it has come).
   */
  Report evaluate(RulesEngine engine, EvaluationRequest request, PrintWriter err) {
    int count = request.subjects().size();
    if (!Progress.wanted(count, progressThreshold)) {
      return engine.evaluate(request);
    }
    Progress progress = new Progress(err, count);
    Report report = engine.evaluate(request, progress);
    progress.finish();
    return report;
  }
}
