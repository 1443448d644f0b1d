package vn.conduct.rules.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one evaluation: per-subject findings and scores, rankings, fact problems and
 * provenance. Immutable; results are in a deterministic order (subjects by id).
 *
 * @param provenance what produced the report
 * @param subjects results per subject, ordered by subject id
 * @param rankings rankings, ordered by pack, checklist and peer group
 * @param factProblems problems with the host's facts, in input order
 * @since 0.1
 */
public record Report(
    Provenance provenance,
    List<SubjectResult> subjects,
    List<Ranking> rankings,
    List<FactProblem> factProblems) {

  public Report {
    Objects.requireNonNull(provenance, "provenance");
    subjects = List.copyOf(subjects);
    rankings = List.copyOf(rankings);
    factProblems = List.copyOf(factProblems);
  }

  /** The result for the given subject id (compared in Unicode NFC, as ids are kept). */
  public Optional<SubjectResult> subject(String subjectId) {
    String id = Unicode.nfc(subjectId);
    return subjects.stream().filter(s -> s.subjectId().equals(id)).findFirst();
  }
}
