/**
 * Robustness sweeps for pack authors: {@link vn.conduct.rules.testkit.sweep.PackMutationSweep}
 * deletes keys and gives nodes null, wrong-typed and over-long values, one at a time, and checks that
 * the engine answers each with a loaded pack or located errors.
 */
package vn.conduct.rules.testkit.sweep;
