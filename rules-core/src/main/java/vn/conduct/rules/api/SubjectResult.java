package vn.conduct.rules.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report says about one subject.
 *
 * @param subject the subject as given
 * @param findings one finding per rule applicable to the subject's type, ordered by pack then rule id
 * @param scores one score per checklist for the subject's type, ordered by pack then checklist id
 * @param rollUps for units: how their direct members fared, ordered by pack then checklist id
 * @since 0.1
 */
public record SubjectResult(
    Subject subject, List<Finding> findings, List<ChecklistScore> scores, List<RollUp> rollUps) {

  public SubjectResult {
    Objects.requireNonNull(subject, "subject");
    findings = List.copyOf(findings);
    scores = List.copyOf(scores);
    rollUps = List.copyOf(rollUps);
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
}
