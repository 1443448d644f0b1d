package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the engine knows about one loaded pack version.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RulePackInfo {

  private final String id;
  private final String version;
  private final LocalizedText title;
  private final String jurisdiction;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveUntil;
  private final String digest;
  private final String origin;
  private final int ruleCount;
  private final int checklistCount;
  private final String base;

  private RulePackInfo(String id, String version, LocalizedText title, String jurisdiction,
      LocalDate effectiveFrom, LocalDate effectiveUntil, String digest, String origin, int ruleCount,
      int checklistCount, String base) {
    this.base = base;
    this.id = Objects.requireNonNull(id, "id");
    this.version = Objects.requireNonNull(version, "version");
    this.title = title;
    this.jurisdiction = jurisdiction;
    this.effectiveFrom = effectiveFrom;
    this.effectiveUntil = effectiveUntil;
    this.digest = Objects.requireNonNull(digest, "digest");
    this.origin = origin;
    this.ruleCount = ruleCount;
    this.checklistCount = checklistCount;
  }

  /**
   * Creates a pack description; for the engine and for tests of code that reads it.
   *
   * @param id the pack id; never {@code null}
   * @param version the semantic version; never {@code null}
   * @param title the title
   * @param jurisdiction the jurisdiction, or {@code null}
   * @param effectiveFrom first day in force, or {@code null}
   * @param effectiveUntil last day in force, or {@code null}
   * @param digest SHA-256 of the pack's content, lowercase hex; never {@code null}
   * @param origin where it was loaded from
   * @param ruleCount number of rules
   * @param checklistCount number of checklists
   * @since 0.2
   */
  public static RulePackInfo of(String id, String version, LocalizedText title, String jurisdiction,
      LocalDate effectiveFrom, LocalDate effectiveUntil, String digest, String origin, int ruleCount,
      int checklistCount) {
    return new RulePackInfo(id, version, title, jurisdiction, effectiveFrom, effectiveUntil, digest, origin,
        ruleCount, checklistCount, null);
  }

  /**
   * This description for an overlay of the given pack (rule-pack-format.md, section 16).
   *
   * @param basePackId the id of the pack the overlay extends
   * @since 0.3
   */
  public RulePackInfo withBase(String basePackId) {
    return new RulePackInfo(id, version, title, jurisdiction, effectiveFrom, effectiveUntil, digest, origin,
        ruleCount, checklistCount, Objects.requireNonNull(basePackId, "basePackId"));
  }

  /**
   * For an overlay, the id of the pack it extends; empty for a pack that extends none. An overlay is
   * evaluated only when a request names it, in place of that pack.
   *
   * @since 0.3
   */
  public java.util.Optional<String> base() {
    return java.util.Optional.ofNullable(base);
  }

  /** The pack id. */
  public String id() {
    return id;
  }

  /** The semantic version. */
  public String version() {
    return version;
  }

  /** The title. */
  public LocalizedText title() {
    return title;
  }

  /** The jurisdiction (e.g. {@code VN-HN}), or {@code null}. */
  public String jurisdiction() {
    return jurisdiction;
  }

  /** First day in force, or {@code null} for "always". */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** Last day in force, or {@code null} for "until replaced". */
  public LocalDate effectiveUntil() {
    return effectiveUntil;
  }

  /** SHA-256 of the pack's content, lowercase hex. */
  public String digest() {
    return digest;
  }

  /** Where it was loaded from (a directory, a jar URL, a provider class). */
  public String origin() {
    return origin;
  }

  /** Number of rules. */
  public int ruleCount() {
    return ruleCount;
  }

  /** Number of checklists. */
  public int checklistCount() {
    return checklistCount;
  }

  /** Returns whether this version is in force on the given date. */
  public boolean inForceOn(LocalDate date) {
    return (effectiveFrom == null || !date.isBefore(effectiveFrom))
        && (effectiveUntil == null || !date.isAfter(effectiveUntil));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RulePackInfo that && id.equals(that.id) && version.equals(that.version)
        && Objects.equals(title, that.title) && Objects.equals(jurisdiction, that.jurisdiction)
        && Objects.equals(effectiveFrom, that.effectiveFrom) && Objects.equals(effectiveUntil, that.effectiveUntil)
        && digest.equals(that.digest) && Objects.equals(origin, that.origin) && ruleCount == that.ruleCount
        && checklistCount == that.checklistCount && Objects.equals(base, that.base);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, title, jurisdiction, effectiveFrom, effectiveUntil, digest, origin, ruleCount,
        checklistCount, base);
  }

  @Override
  public String toString() {
    return "RulePackInfo[id=" + id + ", version=" + version + ", title=" + title + ", jurisdiction="
        + jurisdiction + ", effectiveFrom=" + effectiveFrom + ", effectiveUntil=" + effectiveUntil + ", digest="
        + digest + ", origin=" + origin + ", ruleCount=" + ruleCount + ", checklistCount=" + checklistCount + "]";
  }
}
