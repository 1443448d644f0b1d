package vn.conduct.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.io.ReportJson;

/** How a report is printed, shared by {@code evaluate} and {@code demo}. */
final class OutputOptions {

  /** The output formats. */
  enum Format { table, json, csv, html }

  @Option(names = {"-f", "--format"}, paramLabel = "table|json|csv|html", defaultValue = "table",
      description = {"table (readable text, the default), json (the report format of specs/report-format.md),",
          "csv (one row per subject and checklist: scores, ratings, ranks) or html (a self-contained page:",
          "summary, chart of ratings, rankings, findings with reasons and citations; over 1000 subjects",
          "abbreviated: units collapsible, one row per subject)."})
  Format format = Format.table;

  @Option(names = {"-o", "--output"}, paramLabel = "<file>",
      description = "Write the report to this file instead of the standard output (UTF-8 either way).")
  Path file;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
      description = "Language of reasons and labels: vi (default) or en; any other language tag (fr, zh-TW) reads en.")
  String lang = "vi";

  @Option(names = "--letterhead", paramLabel = "<file>",
      description = {"With html: the page's header and footer from this YAML file (office, motto, place, footer:",
          "lines of text). Default: for a report of one pack, its rulepacks/<pack-id>/letterhead.yaml; else none."})
  Path letterhead;

  @Option(names = "--report-format", paramLabel = "2|1", defaultValue = "2",
      description = {"With --format json: report format 2 (the default: texts in both languages, rules and",
          "checklists described once) or 1 (as written by conduct 0.1)."})
  int reportFormat = 2;

  @Option(names = "--all", description = "In a table or html report, list every finding, passes and not-applicable ones too.")
  boolean all;

  @Option(names = "--pseudonym-key", paramLabel = "<file>",
      description = {"Pseudonymise with the key in this file (16 bytes or more) instead of a key drawn for this run:",
          "the same key gives the same pseudonyms in every report, another key others. report-format.md, 14.1."})
  Path pseudonymKey;

  @Option(names = "--names", description = "Keep the names of people in the pseudonymised report (their ids stay pseudonyms).")
  boolean names;

  @Option(names = "--reveal-ids", description = {"Show the real ids, names and personal attributes of people (what the packs",
      "mark personal) instead of pseudonyms: a report for the host's own use, not to pass on."})
  boolean revealIds;

  @Option(names = "--bom", description = {"Start CSV output with a UTF-8 byte-order mark, so that spreadsheet programs",
      "(Excel) read its Vietnamese text as UTF-8; off by default, as most tools expect none."})
  boolean bom;

  @Option(names = "--report", paramLabel = "<format>=<file>",
      description = {"Also write the report in this format to this file (table, json, csv or html; repeatable):",
          "--report json=june.json --report html=june.html writes both in one run, beside the main output."})
  List<String> reports = new java.util.ArrayList<>();

  /** The letterhead read from --letterhead, {@code null} for the packs' own. */
  private vn.conduct.cli.html.Letterhead head;

  /** The pseudonyms of this run, drawn once so that every output of the run shares them. */
  private vn.conduct.rules.io.Pseudonyms pseudonyms;

  /**
   * The pseudonyms of this run: under the key of {@code --pseudonym-key}, else under a key drawn now (once
   * per run: every output of the run has the same pseudonyms); {@code null} with {@code --reveal-ids}.
   *
   * @throws UsageException if {@code --reveal-ids} comes with {@code --pseudonym-key} or {@code --names}, or
   *     the key is too short
   * @throws FileProblem if the key file cannot be read
   */
  vn.conduct.rules.io.Pseudonyms pseudonyms() {
    if (revealIds) {
      if (pseudonymKey != null || names) {
        throw new UsageException(Arguments.say("privacy.reveal-conflict",
            pseudonymKey != null ? "--pseudonym-key" : "--names"));
      }
      return null;
    }
    if (pseudonyms == null) {
      vn.conduct.rules.io.Pseudonyms drawn;
      if (pseudonymKey != null) {
        byte[] key;
        try {
          key = Files.readAllBytes(pseudonymKey);
        } catch (IOException e) {
          throw new FileProblem(SafeText.line("--pseudonym-key: cannot read " + pseudonymKey + ": " + e.getMessage()));
        }
        try {
          drawn = vn.conduct.rules.io.Pseudonyms.withKey(key);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--pseudonym-key: " + SafeText.line(e.getMessage()));
        }
      } else {
        drawn = vn.conduct.rules.io.Pseudonyms.withRandomKey();
      }
      pseudonyms = names ? drawn.keepingNames() : drawn;
    }
    return pseudonyms;
  }

  /** The report as this run shows it: pseudonymised (report-format.md, section 14.1) unless {@code --reveal-ids}. */
  Report shown(Report report) {
    vn.conduct.rules.io.Pseudonyms used = pseudonyms();
    return used == null ? report : used.apply(report);
  }

  /**
   * Says on the standard error how a pseudonymised report written as CSV was masked: a CSV file has room for
   * no more than its {@code privacy} column. Other formats state it in the report itself.
   */
  void notePrivacy(Report shown, PrintWriter err) {
    boolean csv = format == Format.csv || extras().stream().anyMatch(e -> e.format() == Format.csv);
    if (csv) {
      shown.privacy().ifPresent(privacy -> notePrivacy(privacy, err));
    }
  }

  /** The line of {@link #notePrivacy(Report, PrintWriter)}: how the report was masked, with a hint for a random key. */
  void notePrivacy(vn.conduct.rules.api.Privacy privacy, PrintWriter err) {
    if (privacy != null && err != null) {
      Words words = new Words(language());
      TextOut out = new TextOut(err);
      out.println("conduct: " + words.privacy(privacy) + (privacy.randomKey() ? " " + words.get("privacy.hint") : ""));
      out.flush();
    }
  }

  /** One {@code --report}: a format and its file. */
  record Extra(Format format, Path file) { }

  /**
   * The {@code --report} options, read and checked before anything is evaluated.
   *
   * @throws UsageException for a malformed one, an unknown format, or two reports (or -o) naming one file
   */
  List<Extra> extras() {
    List<Extra> extras = new java.util.ArrayList<>();
    java.util.Set<Path> files = new java.util.HashSet<>();
    if (file != null) {
      files.add(file.toAbsolutePath().normalize());
    }
    for (String report : reports) {
      int equals = report.indexOf('=');
      if (equals <= 0 || equals == report.length() - 1) {
        throw new UsageException("--report: " + Arguments.say("usage.report-shape", SafeText.line(report)));
      }
      Format format;
      try {
        format = Format.valueOf(report.substring(0, equals).strip().toLowerCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--report: " + Arguments.say("usage.report-format", SafeText.line(report.substring(0, equals))));
      }
      Path target = Path.of(report.substring(equals + 1).strip());
      if (!files.add(target.toAbsolutePath().normalize())) {
        throw new UsageException("--report: " + Arguments.say("usage.report-twice", SafeText.line(target.toString())));
      }
      extras.add(new Extra(format, target));
    }
    return extras;
  }

  Language language() {
    try {
      return Arguments.language(lang);
    } catch (RuntimeException e) {
      throw new UsageException("--lang: " + SafeText.line(e.getMessage()));
    }
  }

  void print(Report report, Function<FactProblem, Optional<String>> locator, PrintWriter out) {
    print(report, locator, out, false, List.of(), null);
  }

  /**
   * Prints the report in the chosen format, to {@code --output} if given, else to {@code out}.
   *
   * <p>The report is pseudonymised first, once, unless {@code --reveal-ids}: every format shows the same
   * masked report and states how it was masked (CSV: a column, and a line on {@code err}).
   *
   * @param original the report the engine returned
   * @param checklists the engine's checklists (band order and titles for html and table roll-ups), or empty
   * @param err where a CSV report's privacy note goes, or {@code null}
   */
  void print(Report original, Function<FactProblem, Optional<String>> locator, PrintWriter out, boolean summary,
      List<ChecklistInfo> checklists, PrintWriter err) {
    Language language = language();
    if (letterhead != null && format != Format.html && extras().stream().noneMatch(e -> e.format() == Format.html)) {
      throw new UsageException("--letterhead: " + Arguments.say("usage.letterhead-html"));
    }
    head = letterhead == null ? null : Letterheads.file(letterhead);
    Report report = shown(original);
    for (Extra extra : extras()) {
      write(extra.file(), target -> render(extra.format(), report, locator, target, summary, checklists, language,
          false));
    }
    if (file == null) {
      render(format, report, locator, out, summary, checklists, language, TextOut.colourTerminal);
    } else {
      write(file, target -> render(format, report, locator, target, summary, checklists, language, false));
    }
    notePrivacy(report, err);
  }

  /** Writes one file, UTF-8; a file that cannot be written is a located problem (exit 1), not a crash. */
  private static void write(Path path, java.util.function.Consumer<PrintWriter> body) {
    try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        PrintWriter target = new PrintWriter(writer)) {
      body.accept(target);
      if (target.checkError()) {
        throw new FileProblem("Could not write the report to " + SafeText.line(path.toString()));
      }
    } catch (IOException e) {
      throw new FileProblem(SafeText.line("Could not write the report to " + path + ": " + e)
          + " [Hint: the folder must exist and be writable]");
    }
  }

  private void render(Format format, Report report, Function<FactProblem, Optional<String>> locator, PrintWriter out,
      boolean summary, List<ChecklistInfo> checklists, Language language, boolean colour) {
    switch (format) {
      case json -> {
        try {
          ReportJson writer;
          try {
            writer = new ReportJson().withFormat(reportFormat);
          } catch (IllegalArgumentException e) {
            throw new UsageException("--report-format: " + Arguments.say("usage.report-format-number", reportFormat));
          }
          writer = writer.withLanguage(language).withFactLocator(locator).withChecklists(checklists);
          writer.write(report, out);
          out.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      case csv -> {
        if (bom) {
          out.write('\uFEFF');
        }
        new CsvReport(language).print(report, out);
      }
      case html -> new HtmlReport(language, all, locator, checklists, head).print(report, out);
      case table -> new TextReport(language, all, locator, summary && !all, checklists).withColour(colour)
          .print(report, out);
    }
  }
}
