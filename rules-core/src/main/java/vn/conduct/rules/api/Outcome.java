package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * The outcome of one rule for one subject.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Outcome {
  /** The subject meets the requirement, or the prohibited situation did not occur. */
  PASS,
  /** The subject does not meet the requirement, or the prohibited situation occurred. */
  FAIL,
  /** The rule does not apply to this subject (its applicability condition is false). */
  NOT_APPLICABLE,
  /** The evidence the rule needs is missing; never silently a pass or a fail. */
  UNKNOWN,
  /** The rule could not be evaluated for this subject (for example a malformed fact value). */
  ERROR;

  /** Returns {@code true} for {@link #PASS} and {@link #FAIL}: outcomes backed by evidence. */
  public boolean isDecided() {
    return this == PASS || this == FAIL;
  }
}
