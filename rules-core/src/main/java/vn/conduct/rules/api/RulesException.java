package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * The root of every exception this library throws.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class RulesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected RulesException(String message) {
    super(message);
  }

  protected RulesException(String message, Throwable cause) {
    super(message, cause);
  }
}
