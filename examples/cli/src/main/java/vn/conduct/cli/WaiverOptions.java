package vn.conduct.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.Waiver;
import vn.conduct.rules.io.WaiversFile;

/** {@code --waivers <file>} (repeatable), shared by the commands that evaluate facts. */
final class WaiverOptions {

  @Option(names = "--waivers", paramLabel = "<file>",
      description = {"A waiver file (specs/waiver-format.md): exceptions granted with justification, approver,",
          "risk and dates. Repeatable; a finding carries the first waiver that applies, files in the order given.",
          "Waived findings keep their outcome and show WAIVED beside it; scores are shown with and without them."})
  List<Path> files = new ArrayList<>();

  private List<Waiver> waivers;

  /**
   * The request with the waivers of every file, read once, in the order given; the request itself if
   * none was given.
   *
   * @throws vn.conduct.rules.api.InvalidWaiversException if a file has an error
   * @throws FileProblem if two waivers have the same id
   */
  EvaluationRequest apply(EvaluationRequest request) {
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
}
