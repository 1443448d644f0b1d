package vn.conduct.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
        "People are pseudonymised in every format (report-format.md, section 14.1): the ids, names and attributes"
            + " the packs mark personal become HMAC-SHA256 pseudonyms under a key drawn for the run, and the report"
            + " says so (CSV: a privacy column and a line on the standard error). --pseudonym-key <file> gives"
            + " pseudonyms stable across runs, --names keeps names, --reveal-ids shows the real ids.",
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

  /** The outcomes {@code --fail-on} may name. */
  enum FailOn {
    fail(vn.conduct.rules.api.Outcome.FAIL), unknown(vn.conduct.rules.api.Outcome.UNKNOWN),
    error(vn.conduct.rules.api.Outcome.ERROR);

    final vn.conduct.rules.api.Outcome outcome;

    FailOn(vn.conduct.rules.api.Outcome outcome) {
      this.outcome = outcome;
    }
  }

  @Option(names = "--fail-on", split = ",", paramLabel = "fail|unknown|error",
      description = {"Exit 4 when any finding has one of these outcomes (comma-separated or repeated), after the",
          "report is written: a gate for CI. A waived finding does not count (its risk was accepted)."})
  java.util.EnumSet<FailOn> failOn = java.util.EnumSet.noneOf(FailOn.class);

  @Option(names = "--log", paramLabel = "<file>",
      description = {"Append one line to this decision log (specs/decision-log.md): the packs and layers with",
          "their digests, the waivers, and digests of the facts and of the report (before and after",
          "pseudonymising, with the key's id), for 'conduct replay'."})
  Path log;

  @Option(names = "--log-facts", description = "With --log: the line also holds the facts, so that a replay names a fact that changed.")
  boolean logFacts;

  @Option(names = "--facts", paramLabel = "<file>",
      description = "The facts: subjects, observations and events (.yaml, .yml or .json); - reads the standard input.")
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

  @Mixin
  WaiverOptions waivers;

  @Option(names = "--stream", description = {"Read the CSV files part by part, holding one part of whole units in",
      "memory: for inputs larger than the heap. The subjects file lists unit by unit (a subject without a",
      "parent starts a unit tree, the rows after it belong to it); events and observations follow the order",
      "of their subjects. Writes CSV (--format csv) as subjects are done; ranks go to --rankings."})
  boolean stream;

  @Option(names = "--stream-part", hidden = true, defaultValue = "" + CsvFacts.STREAM_PART_SUBJECTS,
      description = "With --stream: subjects per part, about; for tests.")
  int streamPart = CsvFacts.STREAM_PART_SUBJECTS;

  @Option(names = "--rankings", paramLabel = "<csv>",
      description = "With --stream: write the rankings (merged across parts) to this CSV file.")
  Path rankings;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    TextOut messages = new TextOut(err);
    output.extras(); // a malformed --report is a usage error before anything is evaluated
    output.pseudonyms(); // a key that cannot be read, or --reveal-ids with a key, before anything is evaluated
    if (stream && log != null) {
      throw new UsageException("--log: " + Arguments.say("usage.log-stream"));
    }
    if (logFacts && log == null) {
      throw new UsageException(Arguments.say("usage.log-facts"));
    }
    if (stream && !output.reports.isEmpty()) {
      throw new UsageException("--report: " + Arguments.say("usage.report-stream"));
    }
    EvaluationRequest request;
    Function<FactProblem, Optional<String>> locator;
    CsvFacts csv = null;
    if (facts != null) {
      if (subjects != null || events != null || observations != null) {
        throw new UsageException(Arguments.say("usage.facts-or-csv"));
      }
      FactsReader reader = new FactsReader().withAsOf(asOf).withPeriod(period);
      FactsFile file = FactsInput.load(reader, facts);
      request = file.request();
      locator = file::locate;
    } else if (stream && subjects == null) {
      throw new UsageException(Arguments.say("usage.stream-csv"));
    } else if (subjects != null && stream) {
      return stream(err, messages);
    } else if (subjects != null) {
      EvaluationRequest.Builder builder = csvRequest();
      LocalDate decided = asOf != null ? asOf : period.end();
      csv = CsvFacts.read(subjects, events, observations, decided, rejection -> messages.println(rejection.render()),
          new Messages(output.language()));
      messages.flush();
      request = builder.subjects(csv.subjects).events(csv.events).observations(csv.observations).build();
      locator = csv::locate;
    } else if (events != null || observations != null) {
      throw new UsageException(Arguments.say("usage.need-subjects"));
    } else {
      throw new UsageException(Arguments.say("usage.give-facts"));
    }
    RulesEngine engine = packs.engine();
    request = waivers.apply(packs.restrict(request));
    waivers.checkDecisions(engine, request);
    Report report = evaluate(engine, request, err);
    output.print(report, locator, spec.commandLine().getOut(), false, engine.checklists(), err);
    if (log != null) {
      appendToLog(request, report);
    }
    int gate = gate(report.subjects(), messages);
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
      return csv.rejected() > 0 ? ConductCommand.INVALID : gate;
    }
    messages.flush();
    return gate;
  }

  /** {@code --fail-on}: FAILED if any finding (not waived) has an outcome named, with a line saying how many. */
  private int gate(Iterable<vn.conduct.rules.api.SubjectResult> subjects, TextOut messages) {
    if (failOn.isEmpty()) {
      return ConductCommand.OK;
    }
    java.util.Map<vn.conduct.rules.api.Outcome, Integer> counts = new java.util.EnumMap<>(vn.conduct.rules.api.Outcome.class);
    for (vn.conduct.rules.api.SubjectResult subject : subjects) {
      count(subject, counts);
    }
    return gateResult(counts, messages);
  }

  private void count(vn.conduct.rules.api.SubjectResult subject,
      java.util.Map<vn.conduct.rules.api.Outcome, Integer> counts) {
    for (vn.conduct.rules.api.Finding finding : subject.findings()) {
      if (finding.waiver().isEmpty() && failOn.stream().anyMatch(f -> f.outcome == finding.outcome())) {
        counts.merge(finding.outcome(), 1, Integer::sum);
      }
    }
  }

  private int gateResult(java.util.Map<vn.conduct.rules.api.Outcome, Integer> counts, TextOut messages) {
    if (counts.isEmpty()) {
      return ConductCommand.OK;
    }
    messages.println("conduct: --fail-on " + failOn.stream().map(Enum::name).collect(java.util.stream.Collectors
        .joining(",")) + ": " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(java.util.stream.Collectors.joining(", ")) + " (exit 4)");
    return ConductCommand.FAILED;
  }

  /** {@code --log}: one line appended to the decision log. */
  private void appendToLog(EvaluationRequest request, Report report) {
    String line = vn.conduct.rules.io.DecisionLog.line(request, report, output.pseudonyms(), java.time.Instant.now(),
        logFacts);
    try {
      java.nio.file.Files.writeString(log, line + "\n", java.nio.charset.StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new FileProblem(vn.conduct.rules.api.SafeText.line("--log: cannot append to " + log + ": " + e.getMessage())
          + " [Hint: the folder must exist and be writable]");
    }
  }

  /** The request builder of CSV input: its dates and period as the options give them. */
  private EvaluationRequest.Builder csvRequest() {
    if (asOf == null && period == null) {
      throw new UsageException(Arguments.say("usage.csv-needs-date"));
    }
    EvaluationRequest.Builder builder = asOf != null ? EvaluationRequest.builder(asOf)
        : EvaluationRequest.builder(period);
    if (asOf != null && period != null) {
      builder.period(period);
    }
    return builder;
  }

  /**
   * {@code --stream}: the CSV files read part by part, each part evaluated as soon as it is read and its
   * subjects' rows written, the rankings merged at the end.
   */
  private Integer stream(PrintWriter err, TextOut messages) {
    if (output.format != OutputOptions.Format.csv) {
      throw new UsageException(Arguments.say("usage.stream-format"));
    }
    csvRequest();
    if (rankings != null && rankings.equals(output.file)) {
      throw new UsageException(Arguments.say("usage.rankings-output"));
    }
    LocalDate decided = asOf != null ? asOf : period.end();
    RulesEngine engine = packs.engine();
    CsvFacts.Streamed parts = CsvFacts.stream(subjects, events, observations, decided,
        Math.max(1, streamPart), rejection -> messages.println(rejection.render()), this::csvRequest,
        new Messages(output.language()));
    java.util.Iterator<EvaluationRequest> restricted = new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return parts.hasNext();
      }

      @Override
      public EvaluationRequest next() {
        EvaluationRequest part = waivers.apply(packs.restrict(parts.next()));
        messages.flush();
        return part;
      }
    };
    StreamMask mask = new StreamMask(output.pseudonyms(),
        engine.evaluate(waivers.apply(packs.restrict(csvRequest().build()))).provenance());
    CsvReport csv = new CsvReport(output.language(), mask.privacy());
    java.util.Map<vn.conduct.rules.api.Outcome, Integer> gated = new java.util.EnumMap<>(vn.conduct.rules.api.Outcome.class);
    Report report;
    try (Target target = new Target(output.file, spec.commandLine().getOut())) {
      csv.header(target.out);
      Progress progress = new Progress(err, -1, new Messages(output.language()));
      try {
        report = engine.evaluate(restricted, new vn.conduct.rules.api.EvaluationListener() {
          @Override
          public void subjectEvaluated(vn.conduct.rules.api.SubjectResult result) {
            csv.print(mask.apply(result), target.out);
            count(result, gated);
          }

          @Override
          public void progressed(Progress done) {
            target.out.flush();
            progress.update(done.subjectsDone());
          }
        });
      } catch (IllegalArgumentException e) { // a part the engine refuses: the input is not grouped by unit
        throw new FileProblem(vn.conduct.rules.api.SafeText.line("--stream: " + e.getMessage()));
      }
      progress.finish();
    }
    if (rankings != null) {
      try (Target target = new Target(rankings, null)) {
        csv.printRankings(mask.apply(report.rankings()), target.out);
      }
    } else if (!report.rankings().isEmpty()) {
      messages.println("conduct: " + report.rankings().size() + " rankings were not written [Hint: --rankings <csv>"
          + " writes them]");
    }
    output.notePrivacy(mask.privacy(), err);
    CsvFacts reading = parts.reading();
    for (CsvFacts.Ignored ignored : reading.reconcile(report.factProblems())) {
      messages.println(ignored.where().render());
    }
    messages.println(reading.summary());
    int gate = failOn.isEmpty() ? ConductCommand.OK : gateResult(gated, messages);
    messages.flush();
    return reading.rejected() > 0 ? ConductCommand.INVALID : gate;
  }

  /**
   * Pseudonymises a streamed report subject by subject (report-format.md, section 14.1): each result is
   * masked with what it holds (its id, name, personal attributes and texts) and the ids of the personal
   * subjects seen before it (its unit, if the unit is a person); the rankings at the end with every personal
   * id seen. The marks come from the packs in force, read by evaluating no subject first. With
   * {@code --reveal-ids} it changes nothing.
   */
  private static final class StreamMask {
    private final vn.conduct.rules.io.Pseudonyms pseudonyms;
    private final vn.conduct.rules.api.Provenance provenance;
    private final java.util.Map<String, String> personal = new java.util.HashMap<>(); // id -> type

    StreamMask(vn.conduct.rules.io.Pseudonyms pseudonyms, vn.conduct.rules.api.Provenance provenance) {
      this.pseudonyms = pseudonyms;
      this.provenance = provenance;
    }

    vn.conduct.rules.api.Privacy privacy() {
      return pseudonyms == null ? null : vn.conduct.rules.api.Privacy.of(provenance.personalData(),
          pseudonyms.randomKey(), pseudonyms.namesKept(), 0);
    }

    vn.conduct.rules.api.SubjectResult apply(vn.conduct.rules.api.SubjectResult result) {
      if (pseudonyms == null || provenance.personalData().isEmpty()) {
        return result;
      }
      vn.conduct.rules.api.Subject subject = result.subject();
      if (provenance.personalData().isPersonal(subject.type())) {
        personal.put(subject.id(), subject.type());
      }
      java.util.List<vn.conduct.rules.api.SubjectResult> results = new java.util.ArrayList<>(List.of(result));
      String parent = subject.parentId();
      if (parent != null && personal.containsKey(parent)) {
        results.add(stub(parent));
      }
      Report masked = pseudonyms.apply(Report.of(provenance, results, List.of(), List.of()));
      String id = personal.containsKey(subject.id()) ? pseudonyms.of(subject.id()) : subject.id();
      return masked.subject(id).orElseThrow();
    }

    List<vn.conduct.rules.api.Ranking> apply(List<vn.conduct.rules.api.Ranking> rankings) {
      if (pseudonyms == null || personal.isEmpty()) {
        return rankings;
      }
      java.util.List<vn.conduct.rules.api.SubjectResult> ranked = new java.util.ArrayList<>();
      for (vn.conduct.rules.api.Ranking ranking : rankings) {
        ranking.entries().forEach(e -> {
          if (personal.containsKey(e.subjectId())) {
            ranked.add(stub(e.subjectId()));
          }
        });
        ranking.unranked().stream().filter(personal::containsKey).forEach(id -> ranked.add(stub(id)));
      }
      return pseudonyms.apply(Report.of(provenance, ranked, rankings, List.of())).rankings();
    }

    private vn.conduct.rules.api.SubjectResult stub(String id) {
      return vn.conduct.rules.api.SubjectResult.of(vn.conduct.rules.api.Subject.of(id, personal.get(id)), List.of(),
          List.of(), List.of());
    }
  }

  /** Where a streamed CSV goes: a file (UTF-8), or the standard output. */
  private static final class Target implements AutoCloseable {
    final PrintWriter out;
    private final Path file;

    Target(Path file, PrintWriter standard) {
      this.file = file;
      if (file == null) {
        out = standard;
        return;
      }
      try {
        out = new PrintWriter(java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new FileProblem(vn.conduct.rules.api.SafeText.line("Could not write " + file + ": " + e)
            + " [Hint: the folder must exist and be writable]");
      }
    }

    @Override
    public void close() {
      out.flush();
      if (file != null) {
        out.close();
      }
      if (out.checkError()) {
        throw new FileProblem("Could not write " + vn.conduct.rules.api.SafeText.line(String.valueOf(file)));
      }
    }
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
    Progress progress = new Progress(err, count, new Messages(output.language()));
    Report report = engine.evaluate(request, progress);
    progress.finish();
    return report;
  }
}
