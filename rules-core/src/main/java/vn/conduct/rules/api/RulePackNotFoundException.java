package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * A pack or pack version named by the host is not registered.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RulePackNotFoundException extends RulesException {

  private static final long serialVersionUID = 1L;

  public RulePackNotFoundException(String message) {
    super(message);
  }
}
