package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * How firmly a rule rests on its cited source.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Basis {
  /** Read in the source document itself. */
  READ,
  /** Read in an official or press summary of the source, not in the document. */
  SUMMARY,
  /** Read only in a draft; not confirmed in the final text. */
  DRAFT,
  /** Inferred or proposed by the pack author; not stated by any source. */
  INFERRED
}
