package vn.conduct.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.Waiver;
import vn.conduct.rules.io.WaiversFile;

/**
 * {@code --waivers <file>} and {@code --decisions <file>} (both repeatable), shared by the commands that
 * evaluate facts.
 */
final class WaiverOptions {

  @Option(names = "--waivers", paramLabel = "<file>",
      description = {"A waiver file (specs/waiver-format.md): exceptions granted with justification, approver,",
          "risk and dates. Repeatable; a finding carries the first waiver that applies, files in the order given.",
          "Waived findings keep their outcome and show WAIVED beside it; scores are shown with and without them."})
  List<Path> files = new ArrayList<>();

  @Option(names = "--decisions", paramLabel = "<file>",
      description = {"A decision file (specs/decision-format.md): contests, reviews and overrides of findings and",
          "checklist results. Repeatable. Overrides by someone without the pack's authority are refused, located;",
          "reports show the original and the final outcome and the history; grades and quotas use the final ones."})
  List<Path> decisionFiles = new ArrayList<>();

  private List<Waiver> waivers;
  private List<vn.conduct.rules.api.Decision> decisions;

  /**
   * The request with the waivers of every file, read once, in the order given; the request itself if
   * none was given.
   *
   * @throws vn.conduct.rules.api.InvalidWaiversException if a file has an error
   * @throws FileProblem if two waivers have the same id
   */
  EvaluationRequest apply(EvaluationRequest request) {
    return waive(decide(request));
  }

  /** The request with the waivers only (no decisions): what the decisions are measured against. */
  EvaluationRequest waive(EvaluationRequest request) {
    if (files.isEmpty()) {
      return request;
    }
    if (waivers == null) {
      List<Waiver> all = new ArrayList<>();
      for (Path file : files) {
        all.addAll(WaiversFile.read(file).waivers());
      }
      waivers = all;
    }
    try {
      return request.toBuilder().waivers(waivers).build();
    } catch (IllegalStateException e) { // the same id in two files
      throw new FileProblem(SafeText.line("--waivers: " + e.getMessage()));
    }
  }

  /** The request with the decisions of every {@code --decisions} file, read once, in the order given. */
  private EvaluationRequest decide(EvaluationRequest request) {
    if (decisionFiles.isEmpty()) {
      return request;
    }
    if (decisions == null) {
      List<vn.conduct.rules.api.Decision> all = new ArrayList<>();
      for (Path file : decisionFiles) {
        all.addAll(vn.conduct.rules.io.DecisionsFile.read(file).decisions());
      }
      decisions = all;
    }
    try {
      return request.toBuilder().decisions(decisions).build();
    } catch (IllegalStateException e) { // the same id in two files
      throw new FileProblem(SafeText.line("--decisions: " + e.getMessage()));
    }
  }

  /**
   * Refuses decisions the engine would refuse, located as {@code conduct decisions check} locates them
   * (the field's own line and the whole path, {@code decisions[2].by.id}), and a decision dated after
   * today, which cannot have been taken yet: the same checks, so the two commands never disagree on where
   * a problem is. Warnings (a contest nobody answered yet) do not stop an evaluation.
   *
   * @throws vn.conduct.rules.api.InvalidDecisionsException with every error of the first file that has any
   */
  void checkDecisions(vn.conduct.rules.api.RulesEngine engine, EvaluationRequest facts) {
    for (Path file : decisionFiles) {
      List<vn.conduct.rules.api.ValidationIssue> errors = vn.conduct.rules.io.DecisionsFile.read(file)
          .check(engine, facts, java.time.LocalDate.now()).stream()
          .filter(issue -> issue.severity() == vn.conduct.rules.api.ValidationIssue.Level.ERROR).toList();
      if (!errors.isEmpty()) {
        throw new vn.conduct.rules.api.InvalidDecisionsException(file.toString(), errors);
      }
    }
  }

  /** Whether decisions were given. */
  boolean decided() {
    return !decisionFiles.isEmpty();
  }
}
