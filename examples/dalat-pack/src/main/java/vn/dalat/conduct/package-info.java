/**
 * Đà Lạt's code of cultural conduct (QĐ 1027/QĐ-UBND, 4 April 2022) as a rule-pack plugin, supplied to
 * the Conduct engine by {@link vn.dalat.conduct.DalatRulePackProvider}.
 */
package vn.dalat.conduct;
