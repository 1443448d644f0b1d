package vn.conduct.rules.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Everything a report says about one subject.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SubjectResult {

  private final Subject subject;
  private final List<Finding> findings;
  private final List<ChecklistScore> scores;
  private final List<RollUp> rollUps;

  private SubjectResult(Subject subject, List<Finding> findings, List<ChecklistScore> scores,
      List<RollUp> rollUps) {
    this.subject = Objects.requireNonNull(subject, "subject");
    this.findings = List.copyOf(findings);
    this.scores = List.copyOf(scores);
    this.rollUps = List.copyOf(rollUps);
  }

  /**
   * Creates a subject's result; for the engine and for tests of code that reads reports.
   *
   * @param subject the subject as given; never {@code null}
   * @param findings its findings, ordered by pack then rule id; copied
   * @param scores its scores, ordered by pack then checklist id; copied
   * @param rollUps for units, how their direct members fared, ordered by pack then checklist id; copied
   * @since 0.2
   */
  public static SubjectResult of(Subject subject, List<Finding> findings, List<ChecklistScore> scores,
      List<RollUp> rollUps) {
    return new SubjectResult(subject, findings, scores, rollUps);
  }

  /** The subject as given. */
  public Subject subject() {
    return subject;
  }

  /** One finding per rule applicable to the subject's type, ordered by pack then rule id. */
  public List<Finding> findings() {
    return findings;
  }

  /** One score per checklist for the subject's type, ordered by pack then checklist id. */
  public List<ChecklistScore> scores() {
    return scores;
  }

  /** For units: how their direct members fared, ordered by pack then checklist id. */
  public List<RollUp> rollUps() {
    return rollUps;
  }

  /** The subject's id. */
  public String subjectId() {
    return subject.id();
  }

  /** The finding for the given rule id, if the rule applied to this subject's type. */
  public Optional<Finding> finding(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
  }

  /** The score on the given checklist, if it applied to this subject's type. */
  public Optional<ChecklistScore> score(String checklistId) {
    return scores.stream().filter(s -> s.checklistId().equals(checklistId)).findFirst();
  }

  /** Returns the number of findings with the given outcome. */
  public long count(Outcome outcome) {
    return findings.stream().filter(f -> f.outcome() == outcome).count();
  }

  /**
   * Returns whether the subject complies: at least one rule applied, none failed, and none was
   * UNKNOWN or ERROR. A subject with no applicable rule is never compliant.
   */
  public boolean compliant() {
    boolean anyDecided = false;
    for (Finding finding : findings) {
      switch (finding.outcome()) {
        case FAIL, UNKNOWN, ERROR -> {
          return false;
        }
        case PASS -> anyDecided = true;
        default -> { }
      }
    }
    return anyDecided;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SubjectResult that && subject.equals(that.subject) && findings.equals(that.findings)
        && scores.equals(that.scores) && rollUps.equals(that.rollUps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, findings, scores, rollUps);
  }

  @Override
  public String toString() {
    return "SubjectResult[subject=" + subject + ", findings=" + findings + ", scores=" + scores + ", rollUps="
        + rollUps + "]";
  }
}
