package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * Two packs, or two rules, claim the same id; the message names both sources.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RulePackConflictException extends RulesException {

  private static final long serialVersionUID = 1L;

  public RulePackConflictException(String message) {
    super(message);
  }
}
