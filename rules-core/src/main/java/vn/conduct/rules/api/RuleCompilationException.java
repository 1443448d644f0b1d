package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * A valid pack could not be compiled to the rule engine; this is a bug in the engine, reported
 * with the pack and rule involved.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RuleCompilationException extends RulesException {

  private static final long serialVersionUID = 1L;

  public RuleCompilationException(String message, Throwable cause) {
    super(message, cause);
  }
}
