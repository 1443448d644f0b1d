/**
 * The plan-and-compile stage: {@code Planner} turns loaded packs into {@code CompiledPacks}, compiling
 * rules to Drools through its executable-model Java API ({@code DroolsCompiler}) when first needed.
 * Internal implementation; not API. May change in any release without notice.
 */
package vn.conduct.rules.internal.compile;
