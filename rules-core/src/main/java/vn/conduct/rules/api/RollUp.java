package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a unit's direct members fared on one checklist.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RollUp {

  private final String packId;
  private final String checklistId;
  private final int members;
  private final int rated;
  private final BigDecimal averageScore;
  private final Map<String, Integer> ratings;
  private final Map<String, Integer> failures;

  private RollUp(String packId, String checklistId, int members, int rated, BigDecimal averageScore,
      Map<String, Integer> ratings, Map<String, Integer> failures) {
    this.packId = Objects.requireNonNull(packId, "packId");
    this.checklistId = Objects.requireNonNull(checklistId, "checklistId");
    this.members = members;
    this.rated = rated;
    this.averageScore = averageScore;
    this.ratings = Collections.unmodifiableMap(new LinkedHashMap<>(ratings));
    this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  /**
   * Creates a roll-up; for the engine and for tests of code that reads reports.
   *
   * @param packId the pack; never {@code null}
   * @param checklistId the checklist its members were scored on; never {@code null}
   * @param members number of members scored
   * @param rated number of members with enough evidence to be rated
   * @param averageScore average score of the rated members, or {@code null} if none was rated
   * @param ratings how many rated members got each rating, in band order; copied, order kept
   * @param failures FAIL findings among the members by rule id; copied, order kept
   * @since 0.2
   */
  public static RollUp of(String packId, String checklistId, int members, int rated, BigDecimal averageScore,
      Map<String, Integer> ratings, Map<String, Integer> failures) {
    return new RollUp(packId, checklistId, members, rated, averageScore, ratings, failures);
  }

  /** The pack. */
  public String packId() {
    return packId;
  }

  /** The checklist its members were scored on. */
  public String checklistId() {
    return checklistId;
  }

  /** Number of members scored. */
  public int members() {
    return members;
  }

  /** Number of members with enough evidence to be rated. */
  public int rated() {
    return rated;
  }

  /** Average score of the rated members, or {@code null} if none was rated. */
  public BigDecimal averageScore() {
    return averageScore;
  }

  /** How many rated members got each rating, in band order. */
  public Map<String, Integer> ratings() {
    return ratings;
  }

  /** FAIL findings among the members for the rules the checklist scores or vetoes on, by rule id. */
  public Map<String, Integer> failures() {
    return failures;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RollUp that && packId.equals(that.packId) && checklistId.equals(that.checklistId)
        && members == that.members && rated == that.rated && Objects.equals(averageScore, that.averageScore)
        && ratings.equals(that.ratings) && failures.equals(that.failures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(packId, checklistId, members, rated, averageScore, ratings, failures);
  }

  @Override
  public String toString() {
    return "RollUp[packId=" + packId + ", checklistId=" + checklistId + ", members=" + members + ", rated="
        + rated + ", averageScore=" + averageScore + ", ratings=" + ratings + ", failures=" + failures + "]";
  }
}
