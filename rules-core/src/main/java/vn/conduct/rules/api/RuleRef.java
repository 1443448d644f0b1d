package vn.conduct.rules.api;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a report says about a rule: its identity, title, kind, severity and legal source.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RuleRef {

  private final String packId;
  private final String packVersion;
  private final String ruleId;
  private final LocalizedText title;
  private final RuleKind kind;
  private final Severity severity;
  private final Citation citation;
  private final List<String> tags;
  private final String layer;

  private RuleRef(String packId, String packVersion, String ruleId, LocalizedText title, RuleKind kind,
      Severity severity, Citation citation, List<String> tags, String layer) {
    this.layer = layer;
    this.packId = Objects.requireNonNull(packId, "packId");
    this.packVersion = Objects.requireNonNull(packVersion, "packVersion");
    this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
    this.title = Objects.requireNonNull(title, "title");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.citation = Objects.requireNonNull(citation, "citation");
    this.tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * Creates a rule reference; for the engine and for tests of code that reads reports.
   *
   * @param packId the pack's id; never {@code null}
   * @param packVersion the pack version the rule was taken from; never {@code null}
   * @param ruleId the rule's id; never {@code null}
   * @param title the rule's title; never {@code null}
   * @param kind requirement, prohibition or criterion; never {@code null}
   * @param severity how serious a breach is; never {@code null}
   * @param citation the legal source; never {@code null}
   * @param tags the rule's tags; copied, {@code null} for none
   * @since 0.2
   */
  public static RuleRef of(String packId, String packVersion, String ruleId, LocalizedText title, RuleKind kind,
      Severity severity, Citation citation, List<String> tags) {
    return new RuleRef(packId, packVersion, ruleId, title, kind, severity, citation, tags, null);
  }

  /**
   * This reference with the overlay layer that last shaped the rule (rule-pack-format.md, section 16).
   *
   * @param layer {@code <pack id>@<version>} of the layer: the base pack that defined the rule, or the
   *     overlay that added or changed it; {@code null} for a rule of a pack that is no overlay
   * @since 0.3
   */
  public RuleRef withLayer(String layer) {
    return new RuleRef(packId, packVersion, ruleId, title, kind, severity, citation, tags, layer);
  }

  /**
   * For a rule of an overlay, the layer that last shaped it, as {@code <pack id>@<version>}: the base
   * pack whose rule it kept unchanged, or the overlay that added or changed it. Empty for a rule of a
   * pack that is no overlay.
   *
   * @since 0.3
   */
  public java.util.Optional<String> layer() {
    return java.util.Optional.ofNullable(layer);
  }

  /** The pack's id. */
  public String packId() {
    return packId;
  }

  /** The pack version the rule was taken from. */
  public String packVersion() {
    return packVersion;
  }

  /** The rule's id, stable across versions. */
  public String ruleId() {
    return ruleId;
  }

  /** The rule's title. */
  public LocalizedText title() {
    return title;
  }

  /** Requirement, prohibition or criterion. */
  public RuleKind kind() {
    return kind;
  }

  /** How serious a breach is. */
  public Severity severity() {
    return severity;
  }

  /** The legal source. */
  public Citation citation() {
    return citation;
  }

  /** The rule's tags; never {@code null}. */
  public List<String> tags() {
    return tags;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RuleRef that && packId.equals(that.packId) && packVersion.equals(that.packVersion)
        && ruleId.equals(that.ruleId) && title.equals(that.title) && kind == that.kind
        && severity == that.severity && citation.equals(that.citation) && tags.equals(that.tags)
        && Objects.equals(layer, that.layer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(packId, packVersion, ruleId, title, kind, severity, citation, tags, layer);
  }

  @Override
  public String toString() {
    return "RuleRef[packId=" + packId + ", packVersion=" + packVersion + ", ruleId=" + ruleId + ", title=" + title
        + ", kind=" + kind + ", severity=" + severity + ", citation=" + citation + ", tags=" + tags
        + (layer == null ? "" : ", layer=" + layer) + "]";
  }
}
