package vn.conduct.rules.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of one evaluation: per-subject findings and scores, rankings, fact problems and
 * provenance. Immutable; results are in a deterministic order (subjects by id).
 *
 * <p>Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Report {

  private final Provenance provenance;
  private final List<SubjectResult> subjects;
  private final List<Ranking> rankings;
  private final List<FactProblem> factProblems;
  private final Privacy privacy;

  private Report(Provenance provenance, List<SubjectResult> subjects, List<Ranking> rankings,
      List<FactProblem> factProblems, Privacy privacy) {
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.subjects = List.copyOf(subjects);
    this.rankings = List.copyOf(rankings);
    this.factProblems = List.copyOf(factProblems);
    this.privacy = privacy;
  }

  /**
   * Creates a report; for the engine and for tests of code that reads reports.
   *
   * @param provenance what produced the report; never {@code null}
   * @param subjects results per subject, ordered by subject id; copied
   * @param rankings rankings, ordered by pack, checklist and peer group; copied
   * @param factProblems problems with the host's facts, in input order; copied
   * @since 0.2
   */
  public static Report of(Provenance provenance, List<SubjectResult> subjects, List<Ranking> rankings,
      List<FactProblem> factProblems) {
    return new Report(provenance, subjects, rankings, factProblems, null);
  }

  /**
   * This report stating that it was pseudonymised, and how; for {@code vn.conduct.rules.io.Pseudonyms},
   * which masks the report first, and for tests. A report that states a privacy is taken as masked: it is
   * never masked again ({@code Pseudonyms#apply} returns it as it is), so state one only on a report whose
   * personal data is masked.
   *
   * @since 0.3
   */
  public Report withPrivacy(Privacy value) {
    return new Report(provenance, subjects, rankings, factProblems, Objects.requireNonNull(value, "privacy"));
  }

  /**
   * What was masked and how, if this report was pseudonymised ({@code Pseudonyms#apply(Report)}); empty
   * for the report the engine returns, which keeps the real ids and names for the host.
   *
   * @since 0.3
   */
  public Optional<Privacy> privacy() {
    return Optional.ofNullable(privacy);
  }

  /** What produced the report. */
  public Provenance provenance() {
    return provenance;
  }

  /** Results per subject, ordered by subject id. */
  public List<SubjectResult> subjects() {
    return subjects;
  }

  /** Rankings, ordered by pack, checklist and peer group. */
  public List<Ranking> rankings() {
    return rankings;
  }

  /** Problems with the host's facts, in input order. */
  public List<FactProblem> factProblems() {
    return factProblems;
  }

  /** The result for the given subject id (compared in Unicode NFC, as ids are kept). */
  public Optional<SubjectResult> subject(String subjectId) {
    String id = Unicode.nfc(subjectId);
    return subjects.stream().filter(s -> s.subjectId().equals(id)).findFirst();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Report that && provenance.equals(that.provenance) && subjects.equals(that.subjects)
        && rankings.equals(that.rankings) && factProblems.equals(that.factProblems)
        && Objects.equals(privacy, that.privacy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provenance, subjects, rankings, factProblems, privacy);
  }

  @Override
  public String toString() {
    return "Report[provenance=" + provenance + ", subjects=" + subjects + ", rankings=" + rankings
        + ", factProblems=" + factProblems + (privacy == null ? "" : ", privacy=" + privacy) + "]";
  }
}
