package vn.conduct.rules.spi;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * Thrown by {@link RulePackSource#open(String)} for a file the source will not read because it is
 * not the pack's own: a symbolic link, or a path that resolves outside the pack's root. The loader
 * reports it as a {@code pack.layout} error located at the file, and reads nothing from it.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public class UnsafePackFileException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what the file is and why it is refused, e.g. {@code "rules/x/rule.yaml is a
   *     symbolic link to /etc/passwd"}
   */
  public UnsafePackFileException(String message) {
    super(message);
  }
}
