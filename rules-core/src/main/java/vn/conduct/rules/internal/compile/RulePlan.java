package vn.conduct.rules.internal.compile;

import java.util.Map;
import vn.conduct.rules.api.RuleRef;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.load.LoadedPack;

/**
 * One rule of one pack version as compiled: its conditions with parameters resolved (a
 * prohibition's condition negated, so that every plan is "requirement holds"), and what evidence
 * it needs per subject type.
 *
 * @param index the rule's position among all compiled rules
 * @param version the index of its pack version
 * @param rule the loaded rule
 * @param ref what reports say about the rule
 * @param when the resolved applicability condition, or {@code null}
 * @param requirement the resolved condition that must hold for PASS
 * @param neededSlots per subject type, the own-field slots whose absence may leave the outcome unknown
 * @param proofRequired whether PASS must be proven by a firing (an aggregate may be unknown)
 * @param methods the methods whose facts count for the rule ({@code accepted-methods}); empty: every fact
 */
public record RulePlan(
    int index,
    int version,
    LoadedPack.LoadedRule rule,
    RuleRef ref,
    Cond when,
    Cond requirement,
    Map<String, int[]> neededSlots,
    boolean proofRequired,
    java.util.Set<String> methods) {

  /** Firing kinds recorded by the compiled rules. */
  public static final byte FAIL = 1;
  public static final byte PASS = 2;
  public static final byte NOT_APPLICABLE = 4;
}
