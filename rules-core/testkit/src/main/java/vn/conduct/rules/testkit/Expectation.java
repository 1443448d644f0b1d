package vn.conduct.rules.testkit;

import java.math.BigDecimal;
import java.util.Objects;
import org.apiguardian.api.API;
import vn.conduct.rules.api.Outcome;

/**
 * One thing a fixture expects of the report, with where the fixture says it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Expectation {

  /** The subject the expectation is about. */
  String subjectId();

  /** Where the fixture states it, as {@code file:line:col}. */
  String location();

  /**
   * The subject's finding for a rule has this outcome and, if {@code reasonContains} is given, a
   * reason (Vietnamese or English) containing that text.
   */
  record RuleOutcome(String subjectId, String ruleId, Outcome outcome, String reasonContains, String location)
      implements Expectation {
    public RuleOutcome {
      Objects.requireNonNull(subjectId, "subjectId");
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** The subject's score on a checklist; {@code null} fields are not checked. */
  record Score(String subjectId, String checklistId, BigDecimal score, String rating, Boolean rated,
      String location) implements Expectation {
    public Score {
      Objects.requireNonNull(subjectId, "subjectId");
      Objects.requireNonNull(checklistId, "checklistId");
    }
  }

  /** The subject's rank on a checklist's ranking (in whatever peer group it is in). */
  record Rank(String subjectId, String checklistId, int rank, String location) implements Expectation { }

  /** Whether the subject is compliant (every applicable rule decided and passed). */
  record Compliant(String subjectId, boolean compliant, String location) implements Expectation { }
}
