package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a loaded pack says about one of its rules, for tools that list, print or test rules
 * (inspection forms, coverage, boundary tests). Read-only; describes, never evaluates.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RuleInfo {

  private final RuleRef rule;
  private final LocalizedText description;
  private final List<String> appliesTo;
  private final boolean enabled;
  private final boolean conditional;
  private final LocalizedText evidence;
  private final List<Threshold> thresholds;
  private final LocalizedText condition;
  private final LocalizedText when;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveUntil;

  private RuleInfo(RuleRef rule, LocalizedText description, List<String> appliesTo, boolean enabled,
      boolean conditional, LocalizedText evidence, List<Threshold> thresholds, LocalizedText condition,
      LocalizedText when, LocalDate effectiveFrom, LocalDate effectiveUntil) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.description = description == null ? LocalizedText.EMPTY : description;
    this.appliesTo = List.copyOf(appliesTo);
    this.enabled = enabled;
    this.conditional = conditional;
    this.evidence = evidence == null ? LocalizedText.EMPTY : evidence;
    this.thresholds = List.copyOf(thresholds);
    this.condition = condition == null ? LocalizedText.EMPTY : condition;
    this.when = when == null ? LocalizedText.EMPTY : when;
    this.effectiveFrom = effectiveFrom;
    this.effectiveUntil = effectiveUntil;
  }

  /**
   * Creates a rule description; for the engine and for tests of code that reads it.
   *
   * @param rule the rule's identity, title, kind, severity and citation; never {@code null}
   * @param description what the rule requires; {@code null} for {@link LocalizedText#EMPTY}
   * @param appliesTo the subject types it applies to; copied
   * @param enabled whether the rule is evaluated
   * @param conditional whether the rule has an applicability condition ({@code when})
   * @param evidence what an inspector observes; {@code null} for {@link LocalizedText#EMPTY}
   * @param thresholds numeric comparisons in the condition; copied
   * @since 0.2
   */
  public static RuleInfo of(RuleRef rule, LocalizedText description, List<String> appliesTo, boolean enabled,
      boolean conditional, LocalizedText evidence, List<Threshold> thresholds) {
    return of(rule, description, appliesTo, enabled, conditional, evidence, thresholds, null, null, null, null);
  }

  /**
   * Creates a rule description with its conditions in words; for the engine and for tests of code
   * that reads it.
   *
   * @param rule the rule's identity, title, kind, severity and citation; never {@code null}
   * @param description what the rule requires; {@code null} for {@link LocalizedText#EMPTY}
   * @param appliesTo the subject types it applies to; copied
   * @param enabled whether the rule is evaluated
   * @param conditional whether the rule has an applicability condition ({@code when})
   * @param evidence what an inspector observes; {@code null} for {@link LocalizedText#EMPTY}
   * @param thresholds numeric comparisons in the condition; copied
   * @param condition the condition in words; {@code null} for {@link LocalizedText#EMPTY}
   * @param when the applicability condition in words; {@code null} for {@link LocalizedText#EMPTY}
   * @param effectiveFrom the rule's own first day in force, or {@code null} (the pack's)
   * @param effectiveUntil the rule's own last day in force, or {@code null} (the pack's)
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static RuleInfo of(RuleRef rule, LocalizedText description, List<String> appliesTo, boolean enabled,
      boolean conditional, LocalizedText evidence, List<Threshold> thresholds, LocalizedText condition,
      LocalizedText when, LocalDate effectiveFrom, LocalDate effectiveUntil) {
    return new RuleInfo(rule, description, appliesTo, enabled, conditional, evidence, thresholds, condition, when,
        effectiveFrom, effectiveUntil);
  }

  /** The rule's identity, title, kind, severity and citation. */
  public RuleRef rule() {
    return rule;
  }

  /** What the rule requires, or {@link LocalizedText#EMPTY}. */
  public LocalizedText description() {
    return description;
  }

  /** The subject types it applies to. */
  public List<String> appliesTo() {
    return appliesTo;
  }

  /** Whether the rule is evaluated (draft rules are disabled). */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Whether the rule has an applicability condition ({@code when}), so that it can be
   * NOT_APPLICABLE.
   */
  public boolean conditional() {
    return conditional;
  }

  /** What an inspector observes, or {@link LocalizedText#EMPTY}. */
  public LocalizedText evidence() {
    return evidence;
  }

  /**
   * Numeric comparisons of the subject's own fields in the condition, with pack parameters
   * resolved.
   */
  public List<Threshold> thresholds() {
    return thresholds;
  }

  /**
   * The rule's condition in words, as the pack writes it (for a prohibition, what must not happen),
   * in Vietnamese and English: "count of events [late-arrival] in the last 12 months ≥ 2". Pack
   * parameters are named beside their value (the host's override, else the default); look-back
   * windows are worded ("in the last 12 months", not {@code P12M}). Empty only for descriptions made
   * without it.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public LocalizedText condition() {
    return condition;
  }

  /**
   * The applicability condition ({@code when}) in words, worded as {@link #condition()}; {@link
   * LocalizedText#EMPTY} when the rule has none.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public LocalizedText when() {
    return when;
  }

  /**
   * The rule's own first day in force ({@code effective.from} in its file), or {@code null} when it
   * follows the pack's.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /**
   * The rule's own last day in force ({@code effective.until} in its file), or {@code null} when it
   * follows the pack's.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public LocalDate effectiveUntil() {
    return effectiveUntil;
  }

  /** The rule's id. */
  public String ruleId() {
    return rule.ruleId();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RuleInfo that && rule.equals(that.rule) && description.equals(that.description)
        && appliesTo.equals(that.appliesTo) && enabled == that.enabled && conditional == that.conditional
        && evidence.equals(that.evidence) && thresholds.equals(that.thresholds) && condition.equals(that.condition)
        && when.equals(that.when) && java.util.Objects.equals(effectiveFrom, that.effectiveFrom)
        && java.util.Objects.equals(effectiveUntil, that.effectiveUntil);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, description, appliesTo, enabled, conditional, evidence, thresholds, condition, when,
        effectiveFrom, effectiveUntil);
  }

  @Override
  public String toString() {
    return "RuleInfo[rule=" + rule + ", description=" + description + ", appliesTo=" + appliesTo + ", enabled="
        + enabled + ", conditional=" + conditional + ", evidence=" + evidence + ", thresholds=" + thresholds + ", condition=" + condition + ", when=" + when
        + ", effectiveFrom=" + effectiveFrom + ", effectiveUntil=" + effectiveUntil + "]";
  }

  /**
   * A numeric comparison in a rule's condition, e.g. indicator {@code task-completion} {@code ge 70}.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Threshold {

    private final String scope;
    private final String field;
    private final String operator;
    private final List<BigDecimal> values;
    private final boolean whole;

    private Threshold(String scope, String field, String operator, List<BigDecimal> values, boolean whole) {
      this.scope = Objects.requireNonNull(scope, "scope");
      this.field = Objects.requireNonNull(field, "field");
      this.operator = Objects.requireNonNull(operator, "operator");
      this.values = List.copyOf(values);
      this.whole = whole;
    }

    /**
     * Creates a threshold; for the engine and for tests of code that reads it.
     *
     * @param scope {@code attribute} or {@code indicator}; never {@code null}
     * @param field the attribute's or indicator's name; never {@code null}
     * @param operator the comparison's operator key; never {@code null}
     * @param values the constant (two for {@code between} and {@code not-between}); copied
     * @param whole whether the comparison is the rule's whole condition
     * @since 0.2
     */
    public static Threshold of(String scope, String field, String operator, List<BigDecimal> values,
        boolean whole) {
      return new Threshold(scope, field, operator, values, whole);
    }

    /** {@code attribute} or {@code indicator}. */
    public String scope() {
      return scope;
    }

    /** The attribute's or indicator's name. */
    public String field() {
      return field;
    }

    /**
     * The key of a comparison whose outcome turns at its constants: {@code eq}, {@code ne}, {@code lt},
     * {@code le}, {@code gt}, {@code ge}, {@code between} or {@code not-between} (the spec's operator
     * table, section 9.1, lists every operator; more may be added).
     */
    public String operator() {
      return operator;
    }

    /**
     * The constant (two for {@code between} and {@code not-between}: low, high), exactly as the pack or
     * the host's parameter override gave it.
     */
    public List<BigDecimal> values() {
      return values;
    }

    /**
     * Whether the comparison is the rule's whole condition, so that the rule's outcome follows it
     * directly (a requirement passes when it holds, a prohibition fails).
     */
    public boolean whole() {
      return whole;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Threshold that && scope.equals(that.scope) && field.equals(that.field)
          && operator.equals(that.operator) && values.equals(that.values) && whole == that.whole;
    }

    @Override
    public int hashCode() {
      return Objects.hash(scope, field, operator, values, whole);
    }

    @Override
    public String toString() {
      return "Threshold[scope=" + scope + ", field=" + field + ", operator=" + operator + ", values=" + values
          + ", whole=" + whole + "]";
    }
  }
}
