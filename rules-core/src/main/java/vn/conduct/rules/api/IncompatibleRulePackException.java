package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * A rule pack requires an engine version this engine is not.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class IncompatibleRulePackException extends RulesException {

  private static final long serialVersionUID = 1L;

  public IncompatibleRulePackException(String message) {
    super(message);
  }
}
