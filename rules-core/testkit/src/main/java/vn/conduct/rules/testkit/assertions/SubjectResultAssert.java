package vn.conduct.rules.testkit.assertions;

import static vn.conduct.rules.testkit.assertions.Render.NL;
import static vn.conduct.rules.testkit.assertions.Render.quote;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.RollUp;
import vn.conduct.rules.api.SubjectResult;
import org.apiguardian.api.API;

/**
 * Assertions on what a report says about one subject; get one with {@link
 * ReportAssert#subject(String)} or {@link ConductAssertions#assertThat(SubjectResult)}.
 *
 * <p>Failure messages name the subject and list the findings concerned, each with its rule id,
 * outcome and English reason.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class SubjectResultAssert extends ReportPartAssert<SubjectResultAssert, SubjectResult> {

  /**
   * Creates an assert on {@code actual}; prefer {@link ReportAssert#subject(String)}.
   *
   * @param actual the subject's result, may be {@code null} (every assertion then fails)
   */
  public SubjectResultAssert(SubjectResult actual) {
    super(actual, SubjectResultAssert.class);
  }

  /**
   * Verifies that the subject has a finding for the rule, and returns an assert on it.
   *
   * <pre>{@code assertThat(report).subject("cb-001").rule("hn522.badge").hasOutcome(FAIL);}</pre>
   *
   * @param ruleId the rule's id
   * @return an assert on the finding
   * @throws AssertionError if the subject has no finding for the rule (the rule does not exist
   *     or does not apply to the subject's type); the message lists every finding of the subject
   */
  public FindingAssert rule(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId must not be null");
    isNotNull();
    Optional<Finding> finding = actual.finding(ruleId);
    if (finding.isEmpty()) {
      fail(NL + "Expecting subject " + quote(actual.subjectId()) + " to have a finding for rule "
          + quote(ruleId) + NL + "but " + findingsOrNone());
    }
    return navigate(new FindingAssert(actual.subjectId(), finding.get()));
  }

  /**
   * Verifies that the rule's finding for the subject has the given outcome; shorthand for {@code
   * rule(ruleId).hasOutcome(outcome)} that returns this assert, to check several rules in a row.
   *
   * @param ruleId the rule's id
   * @param outcome the expected outcome
   * @return this assert
   * @throws AssertionError as {@link #rule(String)} and {@link FindingAssert#hasOutcome(Outcome)}
   */
  public SubjectResultAssert hasOutcome(String ruleId, Outcome outcome) {
    rule(ruleId).hasOutcome(outcome);
    return myself;
  }

  /**
   * Verifies that the subject complies ({@link SubjectResult#compliant()}): at least one finding
   * is PASS and none is FAIL, UNKNOWN or ERROR.
   *
   * @return this assert
   * @throws AssertionError if not; the message lists the findings that prevent compliance, or
   *     says that no rule applies to the subject
   */
  public SubjectResultAssert isCompliant() {
    isNotNull();
    if (!actual.compliant()) {
      List<Finding> blocking = actual.findings().stream()
          .filter(f -> f.outcome() == Outcome.FAIL || f.outcome() == Outcome.UNKNOWN
              || f.outcome() == Outcome.ERROR)
          .collect(Collectors.toList());
      fail(NL + "Expecting subject " + quote(actual.subjectId()) + " to be compliant" + NL
          + "but " + (blocking.isEmpty()
              ? (actual.findings().isEmpty() ? "it has no finding (no rule applies to its type "
                  + quote(actual.subject().type()) + ")" : "no rule applies to it:" + NL
                  + Render.findings(actual.findings()))
              : "these findings are FAIL, UNKNOWN or ERROR:" + NL + Render.findings(blocking)));
    }
    return myself;
  }

  /**
   * Verifies that the subject does not comply: a finding is FAIL, UNKNOWN or ERROR, or no rule
   * applies to it at all.
   *
   * @return this assert
   * @throws AssertionError if the subject complies; the message lists its findings
   */
  public SubjectResultAssert isNotCompliant() {
    isNotNull();
    if (actual.compliant()) {
      fail(NL + "Expecting subject " + quote(actual.subjectId()) + " not to be compliant" + NL
          + "but every finding is PASS or NOT_APPLICABLE:" + NL + Render.findings(actual.findings()));
    }
    return myself;
  }

  /**
   * Verifies that no finding of the subject has the given outcome.
   *
   * <pre>{@code assertThat(report).subject("cb-001").hasNoFindingWith(UNKNOWN);}</pre>
   *
   * @param outcome the outcome that must not occur
   * @return this assert
   * @throws AssertionError if some findings have it; the message lists them
   */
  public SubjectResultAssert hasNoFindingWith(Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome must not be null");
    isNotNull();
    List<Finding> found = actual.findings().stream().filter(f -> f.outcome() == outcome)
        .collect(Collectors.toList());
    if (!found.isEmpty()) {
      fail(NL + "Expecting subject " + quote(actual.subjectId()) + " to have no finding with outcome "
          + outcome + NL + "but " + found.size() + (found.size() == 1 ? " has it:" : " have it:") + NL
          + Render.findings(found));
    }
    return myself;
  }

  /**
   * Verifies that the subject was scored on the checklist, and returns an assert on its score.
   *
   * <pre>{@code assertThat(report).subject("cb-001").score("hn3814-monthly").hasRating("A");}</pre>
   *
   * @param checklistId the checklist's id
   * @return an assert on the score
   * @throws AssertionError if the subject has no score on the checklist; the message lists the
   *     checklists it was scored on
   */
  public ChecklistScoreAssert score(String checklistId) {
    Objects.requireNonNull(checklistId, "checklistId must not be null");
    isNotNull();
    Optional<ChecklistScore> score = actual.score(checklistId);
    if (score.isEmpty()) {
      fail(NL + "Expecting subject " + quote(actual.subjectId()) + " to have a score on checklist "
          + quote(checklistId) + NL + "but " + (actual.scores().isEmpty()
              ? "it has no score (no checklist scores its type " + quote(actual.subject().type()) + ")"
              : "it has scores on: " + actual.scores().stream().map(ChecklistScore::checklistId)
                  .collect(Collectors.toList())));
    }
    return navigate(new ChecklistScoreAssert(actual.subjectId(), score.get()));
  }

  /**
   * Verifies that the subject, a unit, has a roll-up of its direct members' scores on the
   * checklist, and returns an assert on it.
   *
   * <pre>{@code assertThat(report).subject("ubnd-ba-dinh").rollUp("hn3814-monthly").hasRatingCount("A", 3);}</pre>
   *
   * @param checklistId the checklist the members were scored on
   * @return an assert on the roll-up
   * @throws AssertionError if there is no such roll-up (the subject has no members scored on the
   *     checklist); the message lists the roll-ups the subject has
   */
  public RollUpAssert rollUp(String checklistId) {
    Objects.requireNonNull(checklistId, "checklistId must not be null");
    isNotNull();
    Optional<RollUp> rollUp = actual.rollUps().stream()
        .filter(r -> r.checklistId().equals(checklistId)).findFirst();
    if (rollUp.isEmpty()) {
      fail(NL + "Expecting subject " + quote(actual.subjectId()) + " to have a roll-up on checklist "
          + quote(checklistId) + NL + "but " + (actual.rollUps().isEmpty()
              ? "it has none (only units whose members are scored have roll-ups)"
              : "it has roll-ups on: " + actual.rollUps().stream().map(RollUp::checklistId)
                  .collect(Collectors.toList())));
    }
    return navigate(new RollUpAssert(actual.subjectId(), rollUp.get()));
  }

  private String findingsOrNone() {
    return actual.findings().isEmpty()
        ? "it has no finding (no rule applies to its type " + quote(actual.subject().type()) + ")"
        : "its findings are:" + NL + Render.findings(actual.findings());
  }
}
