package vn.conduct.rules.testkit.assertions;

import static vn.conduct.rules.testkit.assertions.Render.NL;
import static vn.conduct.rules.testkit.assertions.Render.quote;

import java.math.BigDecimal;
import java.util.Objects;
import vn.conduct.rules.api.RollUp;
import org.apiguardian.api.API;

/**
 * Assertions on how a unit's direct members fared on one checklist; get one with {@link
 * SubjectResultAssert#rollUp(String)}.
 *
 * <p>Every failure message ends with the roll-up: members, rated members, average score, the
 * count per rating and the failures per rule.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RollUpAssert extends ReportPartAssert<RollUpAssert, RollUp> {

  private final String unitId;

  /**
   * Creates an assert on {@code actual}; prefer {@link SubjectResultAssert#rollUp(String)}.
   *
   * @param unitId the id of the unit, shown in failure messages
   * @param actual the roll-up, may be {@code null} (every assertion then fails)
   */
  public RollUpAssert(String unitId, RollUp actual) {
    super(actual, RollUpAssert.class);
    this.unitId = unitId;
  }

  /**
   * Verifies the number of direct members scored on the checklist.
   *
   * @param expected the expected number
   * @return this assert
   * @throws AssertionError if it differs
   */
  public RollUpAssert hasMembers(int expected) {
    isNotNull();
    if (actual.members() != expected) {
      fail(actual.members(), expected,
          expecting("to have " + expected + " members") + "but it has " + actual.members() + NL + rollUp());
    }
    return myself;
  }

  /**
   * Verifies the number of members with enough evidence to be rated.
   *
   * @param expected the expected number
   * @return this assert
   * @throws AssertionError if it differs
   */
  public RollUpAssert hasRated(int expected) {
    isNotNull();
    if (actual.rated() != expected) {
      fail(actual.rated(), expected,
          expecting("to have " + expected + " rated members") + "but it has " + actual.rated() + NL
              + rollUp());
    }
    return myself;
  }

  /**
   * Verifies the average score of the rated members, compared numerically ({@code "71.250"}
   * equals {@code 71.25}).
   *
   * @param expected the expected average as a decimal number
   * @return this assert
   * @throws AssertionError if it differs or no member was rated
   * @throws NumberFormatException if {@code expected} is not a decimal number
   */
  public RollUpAssert hasAverageScore(String expected) {
    Objects.requireNonNull(expected, "expected average must not be null");
    BigDecimal value = new BigDecimal(expected.trim());
    isNotNull();
    if (actual.averageScore() == null || actual.averageScore().compareTo(value) != 0) {
      fail(Render.number(actual.averageScore()), Render.number(value),
          expecting("to have average score " + Render.number(value)) + "but "
              + (actual.averageScore() == null ? "no member was rated"
                  : "it is " + Render.number(actual.averageScore()))
              + NL + rollUp());
    }
    return myself;
  }

  /**
   * Verifies how many rated members hold a rating band (after quotas).
   *
   * @param rating the band id
   * @param expected the expected number of members; 0 also matches a band no member holds
   * @return this assert
   * @throws AssertionError if the count differs
   */
  public RollUpAssert hasRatingCount(String rating, int expected) {
    Objects.requireNonNull(rating, "rating must not be null");
    isNotNull();
    int count = actual.ratings().getOrDefault(rating, 0);
    if (count != expected) {
      fail(count, expected,
          expecting("to have " + expected + " members rated " + quote(rating)) + "but it has " + count
              + NL + rollUp());
    }
    return myself;
  }

  /**
   * Verifies how many members failed a rule (findings with outcome FAIL).
   *
   * @param ruleId the rule's id
   * @param expected the expected number of failing members; 0 also matches a rule nobody failed
   * @return this assert
   * @throws AssertionError if the count differs
   */
  public RollUpAssert hasFailures(String ruleId, int expected) {
    Objects.requireNonNull(ruleId, "ruleId must not be null");
    isNotNull();
    int count = actual.failures().getOrDefault(ruleId, 0);
    if (count != expected) {
      fail(count, expected,
          expecting("to have " + expected + " members failing rule " + quote(ruleId)) + "but it has "
              + count + NL + rollUp());
    }
    return myself;
  }

  private String expecting(String what) {
    return NL + "Expecting the roll-up of unit " + quote(unitId) + " on checklist "
        + quote(actual.checklistId()) + " " + what + NL;
  }

  private String rollUp() {
    return Render.rollUp(unitId, actual);
  }
}
