/**
 * The pack-author test kit: runs a pack's YAML fixtures as JUnit 5 dynamic tests, measures rule,
 * clause and rating-band coverage against thresholds, probes numeric thresholds at their
 * boundaries, and offers AssertJ assertions on reports ({@link vn.conduct.rules.testkit.assertions}).
 *
 * <p>Entry point: {@link vn.conduct.rules.testkit.PackTests}.
 */
package vn.conduct.rules.testkit;
