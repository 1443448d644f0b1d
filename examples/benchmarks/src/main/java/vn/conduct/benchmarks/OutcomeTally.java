package vn.conduct.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SubjectResult;

/**
 * A streaming sink that counts outcomes, overall and FAILs per rule, and the check that compares
 * an engine run with {@link HandWrittenBaseline}. Safe if the engine calls the sink from several
 * threads.
 */
public final class OutcomeTally implements Consumer<SubjectResult> {

  private final ToIntFunction<String> ruleIndex;
  private final AtomicLongArray failsPerRule;
  private final LongAdder[] outcomes = new LongAdder[Outcome.values().length];
  private final LongAdder subjects = new LongAdder();
  private final LongAdder unknownRules = new LongAdder();

  /**
   * @param ruleIndex maps a rule id to {@code 0..ruleCount-1}, or -1 for a rule not expected
   * @param ruleCount number of expected rules
   */
  public OutcomeTally(ToIntFunction<String> ruleIndex, int ruleCount) {
    this.ruleIndex = ruleIndex;
    this.failsPerRule = new AtomicLongArray(ruleCount);
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = new LongAdder();
    }
  }

  @Override
  public void accept(SubjectResult result) {
    subjects.increment();
    for (Finding finding : result.findings()) {
      Outcome outcome = finding.outcome();
      outcomes[outcome.ordinal()].increment();
      int index = ruleIndex.applyAsInt(finding.ruleId());
      if (index < 0) {
        unknownRules.increment();
      } else if (outcome == Outcome.FAIL) {
        failsPerRule.incrementAndGet(index);
      }
    }
  }

  /** Number of findings with the given outcome. */
  public long count(Outcome outcome) {
    return outcomes[outcome.ordinal()].sum();
  }

  /** Number of subject results received. */
  public long subjects() {
    return subjects.sum();
  }

  /** FAIL count of rule {@code index}. */
  public long fails(int index) {
    return failsPerRule.get(index);
  }

  /** Summary line. */
  public String summary() {
    StringBuilder text = new StringBuilder().append(subjects()).append(" subjects;");
    for (Outcome outcome : Outcome.values()) {
      text.append(' ').append(outcome).append('=').append(count(outcome));
    }
    if (unknownRules.sum() > 0) {
      text.append("; findings of unexpected rules=").append(unknownRules.sum());
    }
    return text.toString();
  }

  /**
   * Runs the engine once on {@code request} and throws {@link IllegalStateException} unless its
   * FAILs per rule equal {@code expectedFails}, it returned {@code expectedSubjects} results and
   * {@code expectedDecided} PASS/FAIL findings, and nothing was UNKNOWN, ERROR or NOT_APPLICABLE.
   *
   * @return the tally, for printing
   */
  public static OutcomeTally check(String what, RulesEngine engine,
      EvaluationRequest request, ToIntFunction<String> ruleIndex,
      String[] ruleNames, long[] expectedFails, long expectedSubjects, long expectedDecided) {
    OutcomeTally tally = new OutcomeTally(ruleIndex, expectedFails.length);
    engine.evaluate(request, tally);
    tally.verify(what, ruleNames, expectedFails, expectedSubjects, expectedDecided);
    return tally;
  }

  /**
   * Throws {@link IllegalStateException} unless this tally's FAILs per rule equal
   * {@code expectedFails}, it saw {@code expectedSubjects} results and {@code expectedDecided}
   * PASS/FAIL findings, and nothing was UNKNOWN, ERROR or NOT_APPLICABLE.
   */
  public void verify(String what, String[] ruleNames, long[] expectedFails,
      long expectedSubjects, long expectedDecided) {
    OutcomeTally tally = this;
    StringBuilder problems = new StringBuilder();
    if (tally.subjects() != expectedSubjects) {
      problems.append("\n  subject results: ").append(tally.subjects())
          .append(", expected ").append(expectedSubjects);
    }
    long decided = tally.count(Outcome.PASS) + tally.count(Outcome.FAIL);
    if (decided != expectedDecided) {
      problems.append("\n  PASS+FAIL findings: ").append(decided)
          .append(", expected ").append(expectedDecided);
    }
    for (Outcome outcome : new Outcome[] {Outcome.UNKNOWN, Outcome.ERROR, Outcome.NOT_APPLICABLE}) {
      if (tally.count(outcome) != 0) {
        problems.append("\n  ").append(outcome).append(" findings: ").append(tally.count(outcome))
            .append(", expected 0");
      }
    }
    if (tally.unknownRules.sum() != 0) {
      problems.append("\n  findings of rules not in the pack: ").append(tally.unknownRules.sum());
    }
    int shown = 0;
    int wrong = 0;
    for (int i = 0; i < expectedFails.length; i++) {
      if (tally.fails(i) != expectedFails[i]) {
        wrong++;
        if (shown < 10) {
          shown++;
          problems.append("\n  rule ").append(ruleNames[i]).append(": FAIL ")
              .append(tally.fails(i)).append(", baseline ").append(expectedFails[i]);
        }
      }
    }
    if (wrong > shown) {
      problems.append("\n  ... and ").append(wrong - shown).append(" more rules differ");
    }
    long expectedTotal = Arrays.stream(expectedFails).sum();
    if (problems.length() > 0) {
      throw new IllegalStateException("Engine results differ from the hand-written baseline on "
          + what + " (engine FAIL total " + tally.count(Outcome.FAIL) + ", baseline "
          + expectedTotal + "; " + tally.summary() + "):" + problems
          + "\nRefusing to benchmark a wrong engine.");
    }
  }
}
