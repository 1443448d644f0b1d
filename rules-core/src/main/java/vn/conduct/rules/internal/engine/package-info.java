/**
 * The evaluate stage and the engine that wires the stages ({@code DefaultRulesEngine}): fact intake,
 * {@code Evaluator} (the one Drools session loop), explanations, and evaluation in parts of whole unit
 * trees ({@code Parts}). Internal implementation; not API. May change in any release without notice.
 */
package vn.conduct.rules.internal.engine;
