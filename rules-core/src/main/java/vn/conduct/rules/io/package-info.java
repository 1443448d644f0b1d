/**
 * Files in and out of the engine: {@link vn.conduct.rules.io.FactsReader} reads a facts file
 * (YAML or JSON) into an {@link vn.conduct.rules.api.EvaluationRequest}, and
 * {@link vn.conduct.rules.io.ReportJson} writes a {@link vn.conduct.rules.api.Report} as JSON, and
 * {@link vn.conduct.rules.io.WaiversFile} reads (and lints) a waiver file into
 * {@link vn.conduct.rules.api.Waiver}s to give with the facts, and
 * {@link vn.conduct.rules.io.DecisionsFile} reads (and checks) a decision file into
 * {@link vn.conduct.rules.api.Decision}s: contests, reviews and overrides.
 *
 * <p>The formats are specified in {@code specs/facts-format.md}, {@code specs/report-format.md} and
 * {@code specs/waiver-format.md} and {@code specs/decision-format.md}.
 * Hosts that build requests in code and consume reports as objects do not need this package.
 *
 * <pre>{@code
 * FactsFile facts = new FactsReader().load(Path.of("june.yaml"));   // InvalidFactsException lists every problem
 * List<Waiver> waivers = WaiversFile.read(Path.of("waivers.yaml")).waivers();  // InvalidWaiversException
 * Report report = engine.evaluate(facts.request().toBuilder().waivers(waivers).build());
 * String json = new ReportJson()
 *     .withLanguage(Language.EN)
 *     .withFactLocator(facts::locate)                                // fact problems get file:line:column
 *     .write(report);
 * }</pre>
 *
 * @since 0.1
 */
package vn.conduct.rules.io;
