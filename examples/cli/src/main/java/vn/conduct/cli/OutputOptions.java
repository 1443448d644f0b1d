package vn.conduct.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.io.ReportJson;

/** How a report is printed, shared by {@code evaluate} and {@code demo}. */
final class OutputOptions {

  /** The output formats. */
  enum Format { table, json }

  @Option(names = {"-f", "--format"}, paramLabel = "table|json", defaultValue = "table",
      description = "table (readable text, the default) or json (the report format of specs/report-format.md).")
  Format format = Format.table;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
      description = "Language of reasons and labels: vi (default) or en.")
  String lang = "vi";

  @Option(names = "--all", description = "In a table, list every finding, passes and not-applicable ones too.")
  boolean all;

  Language language() {
    try {
      return Language.parse(lang);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--lang: " + e.getMessage());
    }
  }

  void print(Report report, Function<FactProblem, Optional<String>> locator, PrintWriter out) {
    print(report, locator, out, false);
  }

  void print(Report report, Function<FactProblem, Optional<String>> locator, PrintWriter out, boolean summary) {
    Language language = language();
    if (format == Format.json) {
      try {
        new ReportJson().withLanguage(language).withFactLocator(locator).write(report, out);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      new TextReport(language, all, locator, summary && !all).print(report, out);
    }
  }
}
