package vn.conduct.rules.api;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The outcome of one rule for one subject, with the reason and the legal source.
 *
 * <p>Immutable and thread-safe. The reason is rendered on first use and then kept, so findings
 * that nobody reads cost no text.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Finding {

  private final RuleRef rule;
  private final Outcome outcome;
  private final Function<Finding, LocalizedText> reasonSource;
  private volatile LocalizedText reason;
  private final Waiver waiver;
  private final Function<Finding, java.util.List<FindingFact>> factsSource;
  private volatile java.util.List<FindingFact> facts;

  /**
   * Creates a finding.
   *
   * @param rule the rule; never {@code null}
   * @param outcome the outcome; never {@code null}
   * @param reason computes the reason; called at most once, must not return {@code null}
   */
  public Finding(RuleRef rule, Outcome outcome, Supplier<LocalizedText> reason) {
    this(rule, outcome, reasonFor(reason));
  }

  /**
   * Creates a finding whose reason is computed from the finding itself by a function that may be
   * shared by many findings (for example all findings of one subject).
   *
   * @param reasons computes the reason of a finding; called at most once per finding
   */
  public Finding(RuleRef rule, Outcome outcome, Function<Finding, LocalizedText> reasons) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.reasonSource = Objects.requireNonNull(reasons, "reasons");
    this.waiver = null;
    this.factsSource = null;
  }

  private Finding(Finding waived, Waiver waiver) {
    this.rule = waived.rule;
    this.outcome = waived.outcome;
    this.reasonSource = waived.reasonSource;
    this.reason = waived.reason;
    this.waiver = waiver;
    this.factsSource = waived.factsSource;
    this.facts = waived.facts;
  }

  private Finding(Finding found, Function<Finding, java.util.List<FindingFact>> facts) {
    this.rule = found.rule;
    this.outcome = found.outcome;
    this.reasonSource = found.reasonSource;
    this.reason = found.reason;
    this.waiver = found.waiver;
    this.factsSource = facts;
  }

  private static Function<Finding, LocalizedText> reasonFor(Supplier<LocalizedText> reason) {
    Objects.requireNonNull(reason, "reason");
    return finding -> reason.get();
  }

  /** Creates a finding whose reason is already known. */
  public Finding(RuleRef rule, Outcome outcome, LocalizedText reason) {
    this(rule, outcome, () -> reason);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The rule this finding is about. */
  public RuleRef rule() {
    return rule;
  }

  /** Shorthand for {@code rule().ruleId()}. */
  public String ruleId() {
    return rule.ruleId();
  }

  /** The outcome. */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The waiver that excuses this finding, if one applies (specs/waiver-format.md). A waived finding
   * keeps its real {@link #outcome()} (FAIL or UNKNOWN); checklists count it as PASS.
   *
   * @since 0.3
   */
  public java.util.Optional<Waiver> waiver() {
    return java.util.Optional.ofNullable(waiver);
  }

  /**
   * Returns this finding carrying the given waiver (same rule, outcome and reason).
   *
   * @throws IllegalArgumentException if the outcome is neither FAIL nor UNKNOWN: only those can be waived
   * @since 0.3
   */
  public Finding withWaiver(Waiver value) {
    Objects.requireNonNull(value, "waiver");
    if (outcome != Outcome.FAIL && outcome != Outcome.UNKNOWN) {
      throw new IllegalArgumentException("finding " + rule.ruleId() + " is " + outcome
          + ": only FAIL and UNKNOWN findings can be waived (waiver '" + value.id() + "')");
    }
    return new Finding(this, value);
  }

  /**
   * The facts this finding rests on, with their evidence: the observations that gave the values the
   * rule read and the events of the types it counts, including those it did not count and why
   * ({@link FindingFact#use()}). Computed on first use, like the reason; empty when the engine did not
   * say (findings built by hosts, ERROR findings).
   *
   * @since 0.3
   */
  public java.util.List<FindingFact> facts() {
    if (factsSource == null) {
      return java.util.List.of();
    }
    java.util.List<FindingFact> value = facts;
    if (value == null) {
      synchronized (this) {
        value = facts;
        if (value == null) {
          value = java.util.List.copyOf(factsSource.apply(this));
          facts = value;
        }
      }
    }
    return value;
  }

  /**
   * Returns this finding with the facts it rests on, computed on first use by the given function
   * (which may be shared by many findings).
   *
   * @since 0.3
   */
  public Finding withFacts(Function<Finding, java.util.List<FindingFact>> source) {
    return new Finding(this, Objects.requireNonNull(source, "source"));
  }

  /**
   * Why: the observed values, the threshold and the citation, in both languages.
   */
  public LocalizedText reason() {
    LocalizedText value = reason;
    if (value == null) {
      synchronized (this) {
        value = reason;
        if (value == null) {
          value = Objects.requireNonNull(reasonSource.apply(this), "reason");
          reason = value;
        }
      }
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Finding that
        && rule.equals(that.rule)
        && outcome == that.outcome
        && Objects.equals(waiver, that.waiver)
        && reason().equals(that.reason());
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, outcome);
  }

  @Override
  public String toString() {
    return rule.ruleId() + " " + outcome + (waiver == null ? "" : " (waived: " + waiver.id() + ")") + ": "
        + reason().in(Language.EN);
  }
}
