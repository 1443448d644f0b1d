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
   * The field path in the fixture that states it, e.g. {@code expect.o1.outcomes.s.late}; {@code ""}
   * for the outcome the file name states.
   *
   * @since 0.2
   */
  String path();

  /**
   * The subject's finding for a rule has this outcome and, if {@code reasonContains} is given, a
   * reason (Vietnamese or English) containing that text.
   */
  record RuleOutcome(String subjectId, String ruleId, Outcome outcome, String reasonContains, String location,
      String path) implements Expectation {
    public RuleOutcome {
      Objects.requireNonNull(subjectId, "subjectId");
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(outcome, "outcome");
      path = path == null ? "" : path;
    }

    /** An expectation without a field path (the file name's outcome). */
    public RuleOutcome(String subjectId, String ruleId, Outcome outcome, String reasonContains, String location) {
      this(subjectId, ruleId, outcome, reasonContains, location, "");
    }
  }

  /** The subject's score on a checklist; {@code null} fields are not checked. */
  record Score(String subjectId, String checklistId, BigDecimal score, String rating, Boolean rated,
      String location, String path) implements Expectation {
    public Score {
      Objects.requireNonNull(subjectId, "subjectId");
      Objects.requireNonNull(checklistId, "checklistId");
      path = path == null ? "" : path;
    }

    /** An expectation without a field path. */
    public Score(String subjectId, String checklistId, BigDecimal score, String rating, Boolean rated,
        String location) {
      this(subjectId, checklistId, score, rating, rated, location, "");
    }
  }

  /** The subject's rank on a checklist's ranking (in whatever peer group it is in). */
  record Rank(String subjectId, String checklistId, int rank, String location, String path) implements Expectation {
    public Rank {
      path = path == null ? "" : path;
    }

    /** An expectation without a field path. */
    public Rank(String subjectId, String checklistId, int rank, String location) {
      this(subjectId, checklistId, rank, location, "");
    }
  }

  /** Whether the subject is compliant (every applicable rule decided and passed). */
  record Compliant(String subjectId, boolean compliant, String location, String path) implements Expectation {
    public Compliant {
      path = path == null ? "" : path;
    }

    /** An expectation without a field path. */
    public Compliant(String subjectId, boolean compliant, String location) {
      this(subjectId, compliant, location, "");
    }
  }
}
