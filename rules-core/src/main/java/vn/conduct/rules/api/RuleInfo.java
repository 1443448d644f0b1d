package vn.conduct.rules.api;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a loaded pack says about one of its rules, for tools that list, print or test rules
 * (inspection forms, coverage, boundary tests). Read-only; describes, never evaluates.
 *
 * @param rule the rule's identity, title, kind, severity and citation
 * @param description what the rule requires, or {@link LocalizedText#EMPTY}
 * @param appliesTo the subject types it applies to
 * @param enabled whether the rule is evaluated (draft rules are disabled)
 * @param conditional whether the rule has an applicability condition ({@code when}), so that it
 *     can be NOT_APPLICABLE
 * @param evidence what an inspector observes, or {@link LocalizedText#EMPTY}
 * @param thresholds numeric comparisons of the subject's own fields in the condition, with pack
 *     parameters resolved
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RuleInfo(
    RuleRef rule,
    LocalizedText description,
    List<String> appliesTo,
    boolean enabled,
    boolean conditional,
    LocalizedText evidence,
    List<Threshold> thresholds) {

  public RuleInfo {
    Objects.requireNonNull(rule, "rule");
    description = description == null ? LocalizedText.EMPTY : description;
    evidence = evidence == null ? LocalizedText.EMPTY : evidence;
    appliesTo = List.copyOf(appliesTo);
    thresholds = List.copyOf(thresholds);
  }

  /** The rule's id. */
  public String ruleId() {
    return rule.ruleId();
  }

  /**
   * A numeric comparison in a rule's condition, e.g. indicator {@code task-completion} {@code ge 70}.
   *
   * @param scope {@code attribute} or {@code indicator}
   * @param field the attribute's or indicator's name
   * @param operator the key of a comparison whose outcome turns at its constants: {@code eq}, {@code ne},
   *     {@code lt}, {@code le}, {@code gt}, {@code ge}, {@code between} or {@code not-between} (the spec's
   *     operator table, section 9.1, lists every operator; more may be added)
   * @param values the constant (two for {@code between} and {@code not-between}: low, high), exactly as the
   *     pack or the host's parameter override gave it
   * @param whole whether the comparison is the rule's whole condition, so that the rule's outcome
   *     follows it directly (a requirement passes when it holds, a prohibition fails)
   */
  public record Threshold(String scope, String field, String operator, List<java.math.BigDecimal> values,
      boolean whole) {

    public Threshold {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
    }
  }
}
