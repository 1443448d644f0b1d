package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * How serious a breach of a rule is.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Severity {
  /** Guidance: a reminder is the usual response. */
  ADVISORY,
  /** A minor breach. */
  MINOR,
  /** A serious breach. */
  MAJOR,
  /** A grave breach (for example soliciting money or gifts). */
  CRITICAL
}
