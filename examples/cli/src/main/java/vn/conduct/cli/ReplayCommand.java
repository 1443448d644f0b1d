package vn.conduct.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.io.DecisionLog;
import vn.conduct.rules.io.FactsReader;

/**
 * {@code conduct replay --log <file> --facts <file>}: evaluates the kept inputs again and checks the
 * report against a line of the decision log that {@code evaluate --log} wrote (specs/decision-log.md).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Evaluates logged inputs again and checks the report byte for byte against a decision log line.",
        "",
        "Give the same facts, packs (--pack, --pin, --param, --plugin), waivers and decisions as the evaluation",
        "that 'conduct evaluate --log' logged. Every difference is named: a pack whose files changed (its digest),",
        "a waiver, a decision changed, dropped or added, the facts (the fact itself when the line holds them:",
        "evaluate --log-facts), the report.",
        "Exits 0 when the report is reproduced, 1 when anything differs (or a file is invalid)."})
final class ReplayCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  PackOptions packs;

  @Mixin
  WaiverOptions waivers;

  @Option(names = "--log", required = true, paramLabel = "<file>",
      description = "The decision log (one JSON line per evaluation).")
  Path log;

  @Option(names = "--line", paramLabel = "<n>", defaultValue = "0",
      description = "Which line of the log, from 1; 0 (the default) is the last.")
  int line;

  @Option(names = "--facts", required = true, paramLabel = "<file>",
      description = "The facts evaluated (.yaml, .yml or .json); - reads the standard input.")
  Path facts;

  @Option(names = "--as-of", paramLabel = "<yyyy-mm-dd>", description = "As given to the evaluation, if it was.")
  LocalDate asOf;

  @Option(names = "--pseudonym-key", paramLabel = "<file>",
      description = {"The key the report was exported with (evaluate --pseudonym-key): the pseudonymised report is",
          "then checked byte for byte too. Without it, or when the export used a key drawn for its run, the",
          "report before masking is checked and the verdict says what was not."})
  Path pseudonymKey;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
      description = "Language of the verdict: vi (default) or en. The differences name packs, facts and digests.")
  vn.conduct.rules.api.Language language = vn.conduct.rules.api.Language.VI;

  @Override
  public Integer call() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new FileProblem(SafeText.line("--log: " + log + " holds no line [Hint: 'conduct evaluate --log " + log
          + "' appends one per evaluation]"));
    }
    if (line < 0 || line > lines.size()) {
      throw new UsageException("--line: " + Arguments.say("usage.replay-line", line, lines.size()));
    }
    String logged = lines.get(line == 0 ? lines.size() - 1 : line - 1);
    FactsReader reader = asOf == null ? new FactsReader() : new FactsReader().withAsOf(asOf);
    EvaluationRequest request = waivers.apply(packs.restrict(FactsInput.load(reader, facts).request()));
    DecisionLog.Replay replay;
    try {
      replay = DecisionLog.replay(logged, packs.engine(), request, key());
    } catch (IllegalArgumentException e) {
      throw new FileProblem(SafeText.line("--log: line " + (line == 0 ? lines.size() : line) + " of " + log + ": "
          + e.getMessage()));
    }
    PrintWriter out = spec.commandLine().getOut();
    Messages messages = new Messages(language);
    if (replay.reproduced()) {
      out.println(messages.get("replay.reproduced", DecisionLog.digest(replay.report().orElseThrow())));
      notes(replay, messages, out);
      out.flush();
      return ConductCommand.OK;
    }
    out.println(messages.get("replay.not-reproduced"));
    replay.differences().forEach(d -> out.println("  " + SafeText.line(d)));
    notes(replay, messages, out);
    out.flush();
    return ConductCommand.INVALID;
  }

  /** What the replay could not check (a pseudonymised export whose key is not at hand). */
  private static void notes(DecisionLog.Replay replay, Messages messages, PrintWriter out) {
    if (!replay.notes().isEmpty()) {
      out.println(messages.get("replay.not-checked"));
      replay.notes().forEach(n -> out.println("  " + SafeText.line(n)));
    }
  }

  /** The key of {@code --pseudonym-key}, or {@code null}. */
  private vn.conduct.rules.io.Pseudonyms key() {
    if (pseudonymKey == null) {
      return null;
    }
    try {
      return vn.conduct.rules.io.Pseudonyms.withKey(Files.readAllBytes(pseudonymKey));
    } catch (IOException e) {
      throw new FileProblem(SafeText.line("--pseudonym-key: cannot read " + pseudonymKey + ": " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--pseudonym-key: " + SafeText.line(e.getMessage()));
    }
  }
}
