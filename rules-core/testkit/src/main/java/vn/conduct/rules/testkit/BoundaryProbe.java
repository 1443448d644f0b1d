package vn.conduct.rules.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RuleKind;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.internal.condition.ConditionLanguage.Operator;

/**
 * Probes a numeric threshold at its boundary: takes a fixture in which the rule decided (PASS or
 * FAIL) for its subject, sets the compared field to values just below, at and just above each
 * constant (±1 and ±0.01), evaluates again, and checks that the outcome flips exactly where the
 * comparison says. Only thresholds that are a rule's whole condition are probed: there the
 * outcome follows the comparison alone. The values tried and what each operator means come from
 * the engine's one definition of the condition language, so a new operator is probed without a
 * change here.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BoundaryProbe {

  /**
   * One probe.
   *
   * @param value the value given to the field
   * @param expected the outcome the comparison implies
   * @param actual the outcome the engine gave
   */
  public record Probe(BigDecimal value, Outcome expected, Outcome actual) {
    /** Whether the engine agreed. */
    public boolean agrees() {
      return expected == actual;
    }

    @Override
    public String toString() {
      return value.stripTrailingZeros().toPlainString() + " → " + actual + (agrees() ? "" : " (expected " + expected + ")");
    }
  }

  private BoundaryProbe() { }

  /** The values probed around a threshold's constants, ascending. */
  public static List<BigDecimal> values(RuleInfo.Threshold threshold) {
    return operator(threshold).probes(threshold.values());
  }

  /** Whether the comparison holds for a value, exactly. */
  public static boolean holds(RuleInfo.Threshold threshold, BigDecimal value) {
    return operator(threshold).holds(value, threshold.values());
  }

  private static Operator operator(RuleInfo.Threshold threshold) {
    return Operator.byKey(threshold.operator()).filter(Operator::isThreshold)
        .orElseThrow(() -> new IllegalArgumentException("not a numeric comparison: " + threshold.operator()));
  }

  /**
   * Probes a rule's threshold, starting from a fixture's facts about one subject. A value the pack
   * refuses as a fact (outside the indicator's declared {@code range}, such as 100.01 for a
   * percentage of 0 to 100) is not a boundary of the comparison and is left out.
   *
   * @return the probes, ascending by value; empty if the template does not decide the rule
   */
  public static List<Probe> probe(RulesEngine engine, RuleInfo rule, RuleInfo.Threshold threshold,
      EvaluationRequest template, String subjectId) {
    List<Probe> probes = new ArrayList<>();
    int baseline = -1;
    for (BigDecimal value : values(threshold)) {
      EvaluationRequest request = with(template, subjectId, threshold, value);
      Report report = engine.evaluate(request);
      if (!report.factProblems().isEmpty()) {
        if (baseline < 0) {
          baseline = engine.evaluate(template).factProblems().size();
        }
        if (report.factProblems().size() > baseline) {
          continue;
        }
      }
      Optional<Outcome> actual = report.subject(subjectId).flatMap(s -> s.finding(rule.ruleId()))
          .map(f -> f.outcome());
      boolean holds = holds(threshold, value);
      boolean passes = rule.rule().kind() == RuleKind.PROHIBITION ? !holds : holds;
      probes.add(new Probe(value, passes ? Outcome.PASS : Outcome.FAIL, actual.orElse(Outcome.NOT_APPLICABLE)));
    }
    return probes;
  }

  private static EvaluationRequest with(EvaluationRequest template, String subjectId, RuleInfo.Threshold threshold,
      BigDecimal value) {
    EvaluationRequest.Builder builder = EvaluationRequest.builder(template.asOf());
    if (template.periodGiven()) {
      // only a period the fixture gave: without one, each pack judges its natural period (a year
      // for a yearly pack), which an explicit month would refuse
      builder.period(template.period());
    }
    for (Subject subject : template.subjects()) {
      builder.subject(subject.id().equals(subjectId) && threshold.scope().equals("attribute")
          ? subject.withAttribute(threshold.field(), value) : subject);
    }
    for (Observation observation : template.observations()) {
      if (!(threshold.scope().equals("indicator") && observation.subjectId().equals(subjectId)
          && observation.indicator().equals(threshold.field()))) {
        builder.observation(observation);
      }
    }
    if (threshold.scope().equals("indicator")) {
      builder.observation(Observation.of(subjectId, threshold.field(), value));
    }
    builder.events(template.events());
    template.packIds().forEach(builder::pack);
    template.pinnedVersions().forEach(builder::pin);
    return builder.build();
  }
}
