package vn.conduct.benchmarks;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.RuleListener;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.mvel.MVELRuleFactory;
import org.jeasy.rules.support.reader.YamlRuleDefinitionReader;
import vn.conduct.benchmarks.SyntheticPacks.ThresholdPack;
import vn.conduct.benchmarks.SyntheticPacks.ThresholdRule;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Subject;

/**
 * The threshold workload in Easy Rules 4.1 with MVEL rules, written as a Java user who picks Easy
 * Rules instead of Conduct would: the rules as a YAML file read by {@link MVELRuleFactory}, one
 * {@link Facts} per subject built from the same {@link EvaluationRequest} the engine gets, and
 * {@code rulesEngine.fire(rules, facts)} per subject. A comparison only: Easy Rules is a
 * dependency of this benchmarks module and of nothing that ships.
 *
 * <p>Rule {@code r<k>} of {@link SyntheticPacks#thresholdRules} becomes an MVEL rule that fires
 * when the requirement is not met, e.g. {@code !(n3 >= 12)} or
 * {@code !(flag == true && n4 >= 5)}, and whose action records a FAIL of rule {@code k} in the
 * {@code tally} fact ({@code tally.fail(k)}). Easy Rules evaluates every rule for every subject
 * (default engine parameters), so PASS is every (subject, rule) pair that did not fire; the
 * check run ({@link #check}) counts the evaluations with a {@link RuleListener} to prove it, and
 * refuses a run with an evaluation or action error (which Easy Rules only logs).
 *
 * <p>The synthetic facts have every value, so the three-valued logic of the engine (a missing
 * value is UNKNOWN, not FAIL) is not exercised; MVEL would need explicit null checks for it.
 */
public final class EasyRulesBaseline {

  /** The name of the fact the rules' actions record their FAILs in. */
  public static final String TALLY_FACT = "tally";

  private final Rules rules;
  private final int ruleCount;
  private final DefaultRulesEngine engine = new DefaultRulesEngine();

  private EasyRulesBaseline(Rules rules, int ruleCount) {
    this.rules = rules;
    this.ruleCount = ruleCount;
  }

  /** Reads the pack's rules from {@link #rulesYaml} with Easy Rules' MVEL rule factory. */
  public static EasyRulesBaseline of(ThresholdPack pack) {
    String yaml = rulesYaml(pack.rules());
    Rules rules;
    try {
      rules = new MVELRuleFactory(new YamlRuleDefinitionReader()).createRules(new StringReader(yaml));
    } catch (Exception e) {
      throw new IllegalStateException("Easy Rules could not read the " + pack.size()
          + " MVEL rules written for the threshold pack: " + e.getMessage(), e);
    }
    if (rules.size() != pack.size()) {
      throw new IllegalStateException("Easy Rules read " + rules.size() + " rules from the YAML of "
          + pack.size() + " (rules with equal names are merged; are the names unique?)");
    }
    return new EasyRulesBaseline(rules, pack.size());
  }

  /**
   * The rules as an Easy Rules YAML file: one document per rule, condition and action in MVEL.
   * Rule {@code k} is named by its id and records {@code tally.fail(k)} when it fires.
   */
  public static String rulesYaml(List<ThresholdRule> rules) {
    StringBuilder yaml = new StringBuilder(rules.size() * 120);
    for (int k = 0; k < rules.size(); k++) {
      ThresholdRule rule = rules.get(k);
      String requirement = SyntheticPacks.INDICATOR_NAMES[rule.indicator()] + " >= " + rule.threshold();
      if (rule.needsFlag()) {
        requirement = "flag == true && " + requirement;
      }
      yaml.append("---\n")
          .append("name: \"").append(rule.id()).append("\"\n")
          .append("description: \"requirement ").append(requirement).append("\"\n")
          .append("condition: \"!(").append(requirement).append(")\"\n")
          .append("actions:\n")
          .append("  - \"").append(TALLY_FACT).append(".fail(").append(k).append(")\"\n");
    }
    return yaml.toString();
  }

  /** Number of rules. */
  public int size() {
    return ruleCount;
  }

  /** One batch: FAILs per rule, from the request's objects; the benchmarked operation. */
  public FailTally evaluate(EvaluationRequest request) {
    return evaluate(request, engine);
  }

  private FailTally evaluate(EvaluationRequest request, DefaultRulesEngine rulesEngine) {
    FailTally tally = new FailTally(ruleCount);
    for (Facts facts : factsPerSubject(request, tally)) {
      rulesEngine.fire(rules, facts);
    }
    return tally;
  }

  /**
   * Runs one batch with a listener and throws {@link IllegalStateException} unless every rule was
   * evaluated once per subject without an evaluation or action error and the FAILs per rule equal
   * {@code expectedFails} (the hand-written baseline's, which the engine is held to as well).
   *
   * @return a summary line
   */
  public String check(String what, EvaluationRequest request, String[] ruleNames,
      long[] expectedFails) {
    CountingListener listener = new CountingListener();
    DefaultRulesEngine checked = new DefaultRulesEngine();
    checked.registerRuleListener(listener);
    FailTally tally = evaluate(request, checked);
    long subjects = request.subjects().size();
    StringBuilder problems = new StringBuilder();
    long expectedEvaluations = subjects * ruleCount;
    if (listener.evaluated.get() != expectedEvaluations) {
      problems.append("\n  rule evaluations: ").append(listener.evaluated.get())
          .append(", expected ").append(expectedEvaluations);
    }
    if (listener.errors.get() != 0) {
      problems.append("\n  evaluation or action errors: ").append(listener.errors.get())
          .append(", first: ").append(listener.firstError);
    }
    if (listener.fired.get() != tally.total()) {
      problems.append("\n  rules fired ").append(listener.fired.get())
          .append(" but FAILs recorded ").append(tally.total());
    }
    int wrong = 0;
    for (int k = 0; k < expectedFails.length; k++) {
      if (tally.fails(k) != expectedFails[k] && wrong++ < 10) {
        problems.append("\n  rule ").append(ruleNames[k]).append(": FAIL ").append(tally.fails(k))
            .append(", baseline ").append(expectedFails[k]);
      }
    }
    if (wrong > 10) {
      problems.append("\n  ... and ").append(wrong - 10).append(" more rules differ");
    }
    if (problems.length() > 0) {
      throw new IllegalStateException("Easy Rules results differ from the hand-written baseline on "
          + what + ":" + problems + "\nRefusing to benchmark a wrong comparison.");
    }
    return subjects + " subjects; " + listener.evaluated.get() + " rule evaluations; FAIL="
        + tally.total() + " PASS=" + (listener.evaluated.get() - listener.fired.get());
  }

  /**
   * One {@link Facts} per subject: its {@code flag} attribute, its indicators by name (the
   * latest observation not after the evaluation date wins, as in the from-request loop) and the
   * tally. Observations are grouped by subject id in a hash map, as a host would.
   */
  static List<Facts> factsPerSubject(EvaluationRequest request, FailTally tally) {
    List<Subject> subjects = request.subjects();
    Map<String, Facts> byId = new HashMap<>(subjects.size() * 2);
    List<Facts> all = new ArrayList<>(subjects.size());
    for (Subject subject : subjects) {
      Facts facts = new Facts();
      Object flag = subject.attributes().get("flag");
      if (flag != null) {
        facts.put("flag", flag);
      }
      facts.put(TALLY_FACT, tally);
      byId.put(subject.id(), facts);
      all.add(facts);
    }
    LocalDate asOf = request.asOf();
    for (Observation observation : request.observations()) {
      Facts facts = byId.get(observation.subjectId());
      if (facts == null || observation.value() == null
          || (observation.observedOn() != null && observation.observedOn().isAfter(asOf))) {
        continue;
      }
      facts.put(observation.indicator(), observation.value());
    }
    return all;
  }

  /** FAILs per rule, written by the rules' MVEL actions ({@code tally.fail(k)}). */
  public static final class FailTally {
    private final long[] fails;
    private long total;

    FailTally(int ruleCount) {
      this.fails = new long[ruleCount];
    }

    /** Records a FAIL of rule {@code rule}; called from MVEL. */
    public void fail(int rule) {
      fails[rule]++;
      total++;
    }

    /** FAILs of rule {@code rule}. */
    public long fails(int rule) {
      return fails[rule];
    }

    /** FAILs of all rules. */
    public long total() {
      return total;
    }

    /** Throws unless the total is the baseline's: a wrong run must never produce a number. */
    public long require(long expected, String what) {
      if (total != expected) {
        throw new IllegalStateException(what + ": Easy Rules counted " + total
            + " FAILs in this batch, the baseline " + expected);
      }
      return total;
    }
  }

  /** Counts evaluations, firings and errors, for the check run only. */
  private static final class CountingListener implements RuleListener {
    final AtomicLong evaluated = new AtomicLong();
    final AtomicLong fired = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    volatile String firstError;

    @Override
    public void afterEvaluate(Rule rule, Facts facts, boolean evaluationResult) {
      evaluated.incrementAndGet();
    }

    @Override
    public void onEvaluationError(Rule rule, Facts facts, Exception exception) {
      error(rule, exception);
    }

    @Override
    public void onSuccess(Rule rule, Facts facts) {
      fired.incrementAndGet();
    }

    @Override
    public void onFailure(Rule rule, Facts facts, Exception exception) {
      error(rule, exception);
    }

    private void error(Rule rule, Exception exception) {
      if (errors.getAndIncrement() == 0) {
        firstError = rule.getName() + ": " + exception;
      }
    }
  }
}
