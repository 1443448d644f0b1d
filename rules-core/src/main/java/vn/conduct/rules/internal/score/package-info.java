/**
 * The score stage: checklist scores per subject ({@code Scorer}), and the steps that need a whole unit or
 * every subject ({@code QuotaGroups}, {@code Rankings}, {@code RollUps}), reading the evaluation through
 * {@code Judged}. Internal implementation; not API. May change in any release without notice.
 */
package vn.conduct.rules.internal.score;
