package vn.conduct.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.InvalidWaiversException;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.FactsReader;
import vn.conduct.rules.io.WaiversFile;

/** {@code conduct waivers}: the waiver files' commands; {@code conduct waivers check <file>...} lints them. */
@Command(
    name = "waivers",
    mixinStandardHelpOptions = true,
    description = {"Works with waiver files (specs/waiver-format.md): governed exceptions to rules, with scope,",
        "subjects, justification, approver, risk and dates. 'conduct evaluate --waivers <file>' applies them."},
    subcommands = {WaiversCommand.Check.class, CommandLine.HelpCommand.class})
final class WaiversCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** {@code conduct waivers check <file>...}: lints waiver files against the packs and, optionally, the facts. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
          "Lints waiver files and prints every located problem (file:line:col, field path, message, hint, code).",
          "",
          "Errors: the file's shape (a missing approver, a bad date or risk, …); a scope naming a pack, rule,"
              + " checklist or item the packs lack (with 'did you mean'); a subject type no rule of the pack applies"
              + " to; with --facts, a subject id or unit the facts lack.",
          "Warnings: a waiver expired before --on (default today); two grants with the same scope, overlapping"
              + " dates and subjects in common; a waiver with no subject selector.",
          "",
          "Exits 0 if every file is valid (warnings allowed), 1 if any has an error, or, with --strict, a"
              + " warning; 2 if a file does not exist."})
  static final class Check implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PackOptions packs;

    @Option(names = "--facts", paramLabel = "<file>",
        description = "The facts the waivers are for (.yaml, .yml or .json): subjects they name must be in it.")
    Path facts;

    @Option(names = "--on", paramLabel = "<yyyy-mm-dd>",
        description = "The date expiry is judged against. Default: today.")
    LocalDate on;

    @Option(names = "--strict", description = "Also fail on warnings (expired, overlapping, every subject).")
    boolean strict;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "en",
        description = "Language of the summary lines: en (the default; the problems themselves are in English) or vi.")
    Language language = Language.EN;

    @Parameters(arity = "1..*", paramLabel = "<file>", description = "A waiver file (.yaml, .yml or .json).")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      var engine = packs.engine();
      EvaluationRequest request = facts == null ? null : FactsInput.load(new FactsReader(), facts).request();
      LocalDate date = on != null ? on : LocalDate.now();
      Messages messages = new Messages(language);
      int exit = ConductCommand.OK;
      for (Path file : files) {
        List<ValidationIssue> issues;
        try {
          issues = WaiversFile.read(file).check(engine, request, date);
        } catch (InvalidWaiversException e) {
          issues = new ArrayList<>(e.issues());
        }
        if (CheckCommand.report(file, issues, strict, messages, out, err)) {
          exit = ConductCommand.INVALID;
        }
      }
      return exit;
    }
  }
}
