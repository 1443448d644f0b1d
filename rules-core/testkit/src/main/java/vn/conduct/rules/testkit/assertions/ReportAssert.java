package vn.conduct.rules.testkit.assertions;

import static vn.conduct.rules.testkit.assertions.Render.NL;
import static vn.conduct.rules.testkit.assertions.Render.quote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.SubjectResult;
import org.apiguardian.api.API;

/**
 * Assertions on a {@link Report}; get one with {@link ConductAssertions#assertThat(Report)}.
 *
 * <p>Navigation methods ({@link #subject(String)}, {@link #ranking(String)}) fail when the part
 * is missing, naming what the report does hold, and return an assert on the part.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ReportAssert extends ReportPartAssert<ReportAssert, Report> {

  /**
   * Creates an assert on {@code actual}; prefer {@link ConductAssertions#assertThat(Report)}.
   *
   * @param actual the report, may be {@code null} (every assertion then fails)
   */
  public ReportAssert(Report actual) {
    super(actual, ReportAssert.class);
  }

  /**
   * Verifies that the report has a result for the subject, and returns an assert on it.
   *
   * <pre>{@code assertThat(report).subject("cb-001").isCompliant();}</pre>
   *
   * @param subjectId the subject's id
   * @return an assert on the subject's result
   * @throws AssertionError if the report has no result for the subject; the message lists the
   *     ids of the subjects it has
   */
  public SubjectResultAssert subject(String subjectId) {
    Objects.requireNonNull(subjectId, "subjectId must not be null");
    isNotNull();
    Optional<SubjectResult> result = actual.subject(subjectId);
    if (result.isEmpty()) {
      fail(NL + "Expecting the report to have a result for subject " + quote(subjectId) + NL
          + "but its subjects are:" + NL
          + "  " + Render.subjectIds(actual.subjects()));
    }
    return navigate(new SubjectResultAssert(result.get()));
  }

  /**
   * Verifies that the report has results for exactly the given subjects, in any order.
   *
   * @param subjectIds the ids of every subject expected; none means the report has no subject
   * @return this assert
   * @throws AssertionError if a subject is missing or an unexpected one is present; the message
   *     lists both
   */
  public ReportAssert hasSubjects(String... subjectIds) {
    Objects.requireNonNull(subjectIds, "subjectIds must not be null");
    isNotNull();
    Set<String> expected = new LinkedHashSet<>(Arrays.asList(subjectIds));
    Set<String> present = actual.subjects().stream().map(SubjectResult::subjectId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(present);
    List<String> unexpected = new ArrayList<>(present);
    unexpected.removeAll(expected);
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      fail(NL + "Expecting the report's subjects to be exactly (in any order):" + NL
          + "  " + expected + NL
          + "but they are:" + NL
          + "  " + present + NL
          + "missing: " + missing + NL
          + "unexpected: " + unexpected);
    }
    return myself;
  }

  /**
   * Verifies that the engine found no problem with the facts: no unknown subject type, undeclared
   * indicator, value of the wrong type or event about an unknown subject.
   *
   * @return this assert
   * @throws AssertionError if there are fact problems; the message lists every one
   */
  public ReportAssert hasNoFactProblems() {
    isNotNull();
    List<FactProblem> problems = actual.factProblems();
    if (!problems.isEmpty()) {
      fail(NL + "Expecting the report to have no fact problems but it has " + problems.size() + ":"
          + NL + problems.stream()
              .map(p -> "  " + p.kind() + "[" + p.index() + "]." + p.field() + ": " + p.message())
              .collect(Collectors.joining(NL)));
    }
    return myself;
  }

  /**
   * Verifies that the report ranks all subjects on the checklist together (the checklist has no
   * peer group, which the report shows as peer group {@code ""}), and returns an assert on the
   * ranking. For checklists ranked per peer group use {@link #ranking(String, String)}.
   *
   * @param checklistId the checklist's id
   * @return an assert on the ranking
   * @throws AssertionError if there is no such ranking; the message lists the rankings there are
   */
  public RankingAssert ranking(String checklistId) {
    return ranking(checklistId, "");
  }

  /**
   * Verifies that the report ranks the subjects of one peer group on the checklist, and returns
   * an assert on that ranking. If several packs have a checklist with this id, the first pack's
   * ranking (by pack id) is used.
   *
   * <pre>{@code assertThat(report).ranking("hn3814-monthly", "ubnd-ba-dinh").hasRank("cb-001", 1);}</pre>
   *
   * @param checklistId the checklist's id
   * @param peerGroup the peer group's value (the value of the checklist's {@code peer-group}
   *     attribute), or {@code ""} for all subjects
   * @return an assert on the ranking
   * @throws AssertionError if there is no such ranking; the message lists the rankings there are
   */
  public RankingAssert ranking(String checklistId, String peerGroup) {
    Objects.requireNonNull(checklistId, "checklistId must not be null");
    Objects.requireNonNull(peerGroup, "peerGroup must not be null");
    isNotNull();
    Optional<Ranking> ranking = actual.rankings().stream()
        .filter(r -> r.checklistId().equals(checklistId) && r.peerGroup().equals(peerGroup))
        .findFirst();
    if (ranking.isEmpty()) {
      fail(NL + "Expecting the report to have a ranking on " + Render.rankingName(checklistId, peerGroup)
          + NL + "but " + (actual.rankings().isEmpty() ? "it has no ranking"
              : "its rankings are on:" + NL + actual.rankings().stream()
                  .map(r -> "  " + Render.rankingName(r) + " in pack " + r.packId())
                  .collect(Collectors.joining(NL))));
    }
    return navigate(new RankingAssert(ranking.get()));
  }

  /**
   * Verifies that the evaluation used the given version of a pack (pinned or in force).
   *
   * @param packId the pack's id
   * @param version the version, e.g. {@code 1.2.0}
   * @return this assert
   * @throws AssertionError if the report's provenance does not list that pack version; the
   *     message lists the pack versions it does list
   */
  public ReportAssert usedPack(String packId, String version) {
    Objects.requireNonNull(packId, "packId must not be null");
    Objects.requireNonNull(version, "version must not be null");
    isNotNull();
    List<PackUse> packs = actual.provenance().packs();
    boolean used = packs.stream().anyMatch(p -> p.packId().equals(packId) && p.version().equals(version));
    if (!used) {
      fail(NL + "Expecting the report to have used pack " + packId + " " + version + NL
          + "but " + (packs.isEmpty() ? "it used no pack"
              : "the packs used on " + actual.provenance().asOf() + " were:" + NL
                  + packs.stream().map(p -> "  " + Render.packUse(p)).collect(Collectors.joining(NL))));
    }
    return myself;
  }
}
