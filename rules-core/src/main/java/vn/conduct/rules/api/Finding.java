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
  private final Outcome originalOutcome;
  private final java.util.List<Decision> decisions;
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
    this(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(outcome, "outcome"),
        Objects.requireNonNull(reasons, "reasons"), null, null, outcome, java.util.List.of(), null, null);
  }

  /** Every field: each {@code with…} copy passes on what it does not change. */
  private Finding(RuleRef rule, Outcome outcome, Function<Finding, LocalizedText> reasonSource, LocalizedText reason,
      Waiver waiver, Outcome originalOutcome, java.util.List<Decision> decisions,
      Function<Finding, java.util.List<FindingFact>> factsSource, java.util.List<FindingFact> facts) {
    this.rule = rule;
    this.outcome = outcome;
    this.reasonSource = reasonSource;
    this.reason = reason;
    this.waiver = waiver;
    this.originalOutcome = originalOutcome;
    this.decisions = decisions;
    this.factsSource = factsSource;
    this.facts = facts;
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

  /**
   * The outcome: the final one, after the overrides in {@link #decisions()} (specs/decision-format.md);
   * the engine's own when no override applies. Checklists, compliance, quotas and rankings use it.
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The outcome the engine found, before any override; equal to {@link #outcome()} unless an override
   * changed it. The {@link #reason()} is worded on it.
   *
   * @since 0.3
   */
  public Outcome originalOutcome() {
    return originalOutcome;
  }

  /**
   * The history of this finding: the contests, reviews and overrides that name it, in date order (file
   * order on the same day); empty for none.
   *
   * @since 0.3
   */
  public java.util.List<Decision> decisions() {
    return decisions;
  }

  /**
   * The override in force: the last override in {@link #decisions()}, if any.
   *
   * @since 0.3
   */
  public java.util.Optional<Decision> override() {
    for (int i = decisions.size() - 1; i >= 0; i--) {
      if (decisions.get(i).kind() == Decision.Kind.OVERRIDE) {
        return java.util.Optional.of(decisions.get(i));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Whether the last act of the history is a contest: the subject disputes the result and no review or
   * override has answered it yet.
   *
   * @since 0.3
   */
  public boolean contestPending() {
    return !decisions.isEmpty() && decisions.get(decisions.size() - 1).kind() == Decision.Kind.CONTEST;
  }

  /**
   * Returns this finding with its history; its outcome becomes the outcome the last override sets, if
   * any (the reason stays the engine's, worded on the original outcome). For the engine, which checks
   * the decisions first (the target, the period, the authority).
   *
   * @param history the acts about this finding, in date order; each names this finding's rule
   * @throws IllegalArgumentException if an act names another rule, or the finding already has a history
   * @since 0.3
   */
  public Finding withDecisions(java.util.List<Decision> history) {
    Objects.requireNonNull(history, "history");
    if (!decisions.isEmpty()) {
      throw new IllegalArgumentException("finding " + rule.ruleId() + " already has a history");
    }
    Outcome last = outcome;
    for (Decision decision : history) {
      if (!decision.ruleId().map(rule.ruleId()::equals).orElse(false)) {
        throw new IllegalArgumentException("decision '" + decision.id() + "' is about " + decision.targetText()
            + ", not rule " + rule.ruleId());
      }
      if (decision.kind() == Decision.Kind.OVERRIDE) {
        last = decision.outcome().orElseThrow();
      }
    }
    if (history.isEmpty()) {
      return this;
    }
    Finding decided = this;
    // the reason stays the engine's, worded on the original outcome
    return new Finding(rule, last, finding -> decided.reason(), reason, waiver, originalOutcome,
        java.util.List.copyOf(history), factsSource, facts);
  }

  /**
   * Returns this finding with each act of its history replaced by what the function makes of it, its
   * outcomes unchanged: for a copy of a report whose people are pseudonymised.
   *
   * @since 0.3
   */
  public Finding withDecisionsChanged(java.util.function.UnaryOperator<Decision> change) {
    Objects.requireNonNull(change, "change");
    if (decisions.isEmpty()) {
      return this;
    }
    return new Finding(rule, outcome, reasonSource, reason, waiver, originalOutcome,
        decisions.stream().map(change).map(d -> Objects.requireNonNull(d, "changed decision")).toList(),
        factsSource, facts);
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
    return new Finding(rule, outcome, reasonSource, reason, value, originalOutcome, decisions, factsSource, facts);
  }

  /**
   * Returns this finding (same rule, outcomes, waiver, history and facts) with its reason changed by the
   * given function, applied when the reason is first read: e.g. a reason with personal values pseudonymised.
   *
   * @since 0.3
   */
  public Finding withReason(java.util.function.UnaryOperator<LocalizedText> change) {
    Objects.requireNonNull(change, "change");
    Finding source = this;
    return new Finding(rule, outcome, f -> change.apply(source.reason()), null, waiver, originalOutcome, decisions,
        factsSource, facts);
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
    return new Finding(rule, outcome, reasonSource, reason, waiver, originalOutcome, decisions,
        Objects.requireNonNull(source, "source"), null);
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
        && originalOutcome == that.originalOutcome
        && decisions.equals(that.decisions)
        && reason().equals(that.reason());
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, outcome);
  }

  @Override
  public String toString() {
    return rule.ruleId() + " " + (originalOutcome == outcome ? "" : originalOutcome + " → ") + outcome
        + (waiver == null ? "" : " (waived: " + waiver.id() + ")") + ": "
        + reason().in(Language.EN);
  }
}
