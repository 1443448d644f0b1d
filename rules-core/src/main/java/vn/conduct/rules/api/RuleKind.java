package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * What a rule states.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum RuleKind {
  /** A requirement that passes when its condition holds. */
  REQUIREMENT,
  /** A prohibition: its condition describes the forbidden situation; it fails when the condition holds. */
  PROHIBITION,
  /** A scored criterion: passes when its condition holds and may earn partial credit in a checklist. */
  CRITERION
}
