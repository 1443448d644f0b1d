/** The Hanoi rule packs, supplied to the engine by {@link vn.conduct.rules.hanoi.HanoiRulePackProvider}. */
package vn.conduct.rules.hanoi;
