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
import vn.conduct.rules.api.InvalidDecisionsException;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.FactsReader;
import vn.conduct.rules.io.DecisionsFile;

/** {@code conduct decisions}: the decision files' commands; {@code conduct decisions check <file>...} checks them. */
@Command(
    name = "decisions",
    mixinStandardHelpOptions = true,
    description = {"Works with decision files (specs/decision-format.md): contests, reviews and overrides of findings",
        "and checklist results. 'conduct evaluate --decisions <file>' applies them."},
    subcommands = {DecisionsCommand.Check.class, CommandLine.HelpCommand.class})
final class DecisionsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** {@code conduct decisions check <file>...}: checks decision files against the packs and, optionally, the facts. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
          "Checks decision files and prints every located problem (file:line:col, field path, message, hint, code).",
          "",
          "Errors: the file's shape (a missing reason, a bad date or outcome, an override that sets nothing, a contest"
              + " not by the subject, ...); a target naming a pack, rule, checklist or item the packs lack (with 'did"
              + " you mean'); a review or override by the subject itself, or under a role the pack does not declare for"
              + " that target; with --facts, a subject or signer the facts lack, or a signer who does not hold the"
              + " role for that subject (type, attributes, unit); a decision dated after --on.",
          "Warnings: a contest no review or override answers yet (reports show it as pending).",
          "",
          "Exits 0 if every file is valid (warnings allowed), 1 if any has an error, or, with --strict, a"
              + " warning; 2 if a file does not exist."})
  static final class Check implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PackOptions packs;

    @Option(names = "--facts", paramLabel = "<file>",
        description = "The facts the decisions are about (.yaml, .yml or .json): subjects and signers must be in it.")
    Path facts;

    @Option(names = "--on", paramLabel = "<yyyy-mm-dd>",
        description = "The date of the check: a decision dated after it is an error. Default: today.")
    LocalDate on;

    @Option(names = "--strict", description = "Also fail on warnings (contests still pending).")
    boolean strict;

    @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "en",
        description = "Language of the summary lines: en (the default; the problems themselves are in English) or vi.")
    Language language = Language.EN;

    @Parameters(arity = "1..*", paramLabel = "<file>", description = "A decision file (.yaml, .yml or .json).")
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
          issues = DecisionsFile.read(file).check(engine, request, date);
        } catch (InvalidDecisionsException e) {
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
