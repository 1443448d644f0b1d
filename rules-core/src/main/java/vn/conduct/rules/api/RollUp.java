package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * How a unit's direct members fared on one checklist.
 *
 * @param packId the pack
 * @param checklistId the checklist its members were scored on
 * @param members number of members scored
 * @param rated number of members with enough evidence to be rated
 * @param averageScore average score of the rated members, or {@code null} if none was rated
 * @param ratings how many rated members got each rating, in band order
 * @param failures FAIL findings among the members for the rules the checklist scores or vetoes on, by rule id
 * @since 0.1
 */
public record RollUp(
    String packId,
    String checklistId,
    int members,
    int rated,
    BigDecimal averageScore,
    Map<String, Integer> ratings,
    Map<String, Integer> failures) {

  public RollUp {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(checklistId, "checklistId");
    ratings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ratings));
    failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
  }
}
