package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which version of a pack an evaluation used, for which period, and why.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PackUse {

  /** Why a version was chosen. */
  public enum Choice {
    /** The host pinned it. */
    PINNED,
    /** It was in force on the last day of the period judged (the period had ended by the decision date). */
    IN_FORCE_AT_PERIOD_END,
    /** It was in force on the decision date, which falls before the period judged ends. */
    IN_FORCE_ON_DECISION_DATE
  }

  private final String packId;
  private final String version;
  private final String digest;
  private final Choice choice;
  private final Period period;
  private final LocalDate referenceDate;
  private final java.util.List<Layer> layers;

  /**
   * One pack version an overlay is made of (rule-pack-format.md, section 16): its id, version and
   * the SHA-256 digest of its own files. Immutable.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Layer {
    private final String packId;
    private final String version;
    private final String digest;

    private Layer(String packId, String version, String digest) {
      this.packId = Objects.requireNonNull(packId, "packId");
      this.version = Objects.requireNonNull(version, "version");
      this.digest = Objects.requireNonNull(digest, "digest");
    }

    /** Creates a layer; for the engine and for tests of code that reads reports. */
    public static Layer of(String packId, String version, String digest) {
      return new Layer(packId, version, digest);
    }

    /** The layer's pack id. */
    public String packId() {
      return packId;
    }

    /** The layer's version. */
    public String version() {
      return version;
    }

    /** The SHA-256 digest of the layer's own files, as lowercase hex. */
    public String digest() {
      return digest;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Layer layer && packId.equals(layer.packId) && version.equals(layer.version)
          && digest.equals(layer.digest);
    }

    @Override
    public int hashCode() {
      return Objects.hash(packId, version, digest);
    }

    @Override
    public String toString() {
      return packId + "@" + version;
    }
  }

  private PackUse(String packId, String version, String digest, Choice choice, Period period,
      LocalDate referenceDate, java.util.List<Layer> layers) {
    this.layers = java.util.List.copyOf(layers);
    this.packId = Objects.requireNonNull(packId, "packId");
    this.version = Objects.requireNonNull(version, "version");
    this.digest = Objects.requireNonNull(digest, "digest");
    this.choice = Objects.requireNonNull(choice, "choice");
    this.period = Objects.requireNonNull(period, "period");
    this.referenceDate = Objects.requireNonNull(referenceDate, "referenceDate");
  }

  /**
   * Creates a pack use; for the engine and for tests of code that reads reports.
   *
   * @param period the period this pack judged
   * @param referenceDate the date versions were chosen by: the earlier of the period's last day and
   *     the decision date
   * @since 0.2
   */
  public static PackUse of(String packId, String version, String digest, Choice choice, Period period,
      LocalDate referenceDate) {
    return new PackUse(packId, version, digest, choice, period, referenceDate, java.util.List.of());
  }

  /**
   * This pack use with the layers an overlay is made of, base first, the overlay itself last.
   *
   * @since 0.3
   */
  public PackUse withLayers(java.util.List<Layer> layers) {
    return new PackUse(packId, version, digest, choice, period, referenceDate, layers);
  }

  /**
   * The layers of an overlay, base first and the overlay itself last, each with its own digest; empty
   * for a pack that is no overlay ({@link #digest()} is then its files' digest; for an overlay it is
   * the digest over its layers').
   *
   * @since 0.3
   */
  public java.util.List<Layer> layers() {
    return layers;
  }

  /** The pack's id. */
  public String packId() {
    return packId;
  }

  /** The version used. */
  public String version() {
    return version;
  }

  /** The SHA-256 digest of the pack's content, as lowercase hex. */
  public String digest() {
    return digest;
  }

  /** Whether the host pinned this version (else it was the version in force). */
  public boolean pinned() {
    return choice == Choice.PINNED;
  }

  /** Why this version was chosen. @since 0.2 */
  public Choice choice() {
    return choice;
  }

  /** The period this pack judged (its natural unit's period, or the one the host gave). @since 0.2 */
  public Period period() {
    return period;
  }

  /** The date versions were chosen by: the earlier of the period's last day and the decision date. @since 0.2 */
  public LocalDate referenceDate() {
    return referenceDate;
  }

  /** Why this version, in words: "in force on 2025-12-31, the last day of the period judged (2025)". @since 0.2 */
  public LocalizedText reason() {
    return switch (choice) {
      case PINNED -> LocalizedText.of("phiên bản do bên sử dụng chỉ định", "pinned by the host");
      case IN_FORCE_AT_PERIOD_END -> LocalizedText.of(
          "có hiệu lực ngày " + referenceDate + ", ngày cuối của kỳ đánh giá (" + period + ")",
          "in force on " + referenceDate + ", the last day of the period judged (" + period + ")");
      case IN_FORCE_ON_DECISION_DATE -> LocalizedText.of(
          "có hiệu lực ngày " + referenceDate + ", ngày quyết định (trước khi kỳ " + period + " kết thúc)",
          "in force on " + referenceDate + ", the decision date (before the period " + period + " ends)");
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PackUse use && packId.equals(use.packId) && version.equals(use.version)
        && digest.equals(use.digest) && choice == use.choice && period.equals(use.period)
        && referenceDate.equals(use.referenceDate) && layers.equals(use.layers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(packId, version, digest, choice, period, referenceDate, layers);
  }

  @Override
  public String toString() {
    return "PackUse[" + packId + " " + version + ", " + choice + ", period " + period + ", reference "
        + referenceDate + (layers.isEmpty() ? "" : ", layers " + layers) + "]";
  }
}
