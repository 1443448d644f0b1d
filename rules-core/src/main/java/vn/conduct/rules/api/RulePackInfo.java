package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the engine knows about one loaded pack version.
 *
 * @param id the pack id
 * @param version the semantic version
 * @param title the title
 * @param jurisdiction the jurisdiction (e.g. {@code VN-HN}), or {@code null}
 * @param effectiveFrom first day in force, or {@code null} for "always"
 * @param effectiveUntil last day in force, or {@code null} for "until replaced"
 * @param digest SHA-256 of the pack's content, lowercase hex
 * @param origin where it was loaded from (a directory, a jar URL, a provider class)
 * @param ruleCount number of rules
 * @param checklistCount number of checklists
 * @since 0.1
 */
public record RulePackInfo(
    String id,
    String version,
    LocalizedText title,
    String jurisdiction,
    LocalDate effectiveFrom,
    LocalDate effectiveUntil,
    String digest,
    String origin,
    int ruleCount,
    int checklistCount) {

  public RulePackInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(digest, "digest");
  }

  /** Returns whether this version is in force on the given date. */
  public boolean inForceOn(LocalDate date) {
    return (effectiveFrom == null || !date.isBefore(effectiveFrom))
        && (effectiveUntil == null || !date.isAfter(effectiveUntil));
  }
}
