package vn.conduct.rules.api;

import java.util.Objects;

/**
 * Which version of a pack an evaluation used, and why.
 *
 * @param packId the pack's id
 * @param version the version used
 * @param digest the SHA-256 digest of the pack's content, as lowercase hex
 * @param pinned {@code true} if the host pinned this version, {@code false} if it was the
 *     version in force on the evaluation date
 * @since 0.1
 */
public record PackUse(String packId, String version, String digest, boolean pinned) {

  public PackUse {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(digest, "digest");
  }
}
