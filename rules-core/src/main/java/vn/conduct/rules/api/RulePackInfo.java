package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.List;
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
  private final List<Parameter> parameters;
  private final String base;

  /**
   * A pack parameter as the pack declares it: a threshold, point value or window hosts may override.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Parameter {

    private final String id;
    private final String type;
    private final String defaultValue;
    private final LocalizedText title;
    private final Basis basis;

    private Parameter(String id, String type, String defaultValue, LocalizedText title, Basis basis) {
      this.id = Objects.requireNonNull(id, "id");
      this.type = Objects.requireNonNull(type, "type");
      this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
      this.title = title == null ? LocalizedText.EMPTY : title;
      this.basis = basis;
    }

    /**
     * Creates a parameter description; for the engine and for tests of code that reads it.
     *
     * @param id the parameter's id, as rules write it ({@code {param: id}}); never {@code null}
     * @param type its data type: {@code number}, {@code string}, {@code boolean} or {@code date}; never {@code null}
     * @param defaultValue its default as the pack writes it ({@code 2}, {@code P12M}, {@code true}); never
     *     {@code null}
     * @param title what it is; {@code null} for {@link LocalizedText#EMPTY}
     * @param basis whether the default was read in a source or chosen by the pack's author
     * @return the description
     * @since 0.3
     */
    public static Parameter of(String id, String type, String defaultValue, LocalizedText title, Basis basis) {
      return new Parameter(id, type, defaultValue, title, basis);
    }

    /** The parameter's id. */
    public String id() {
      return id;
    }

    /** Its data type: {@code number}, {@code string}, {@code boolean} or {@code date}. */
    public String type() {
      return type;
    }

    /** Its default as the pack writes it ({@code 2}, {@code P12M}, {@code true}); not the host's override. */
    public String defaultValue() {
      return defaultValue;
    }

    /** What it is, or {@link LocalizedText#EMPTY}. */
    public LocalizedText title() {
      return title;
    }

    /** Whether the default was read in a source or chosen by the pack's author. */
    public Basis basis() {
      return basis;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Parameter that && id.equals(that.id) && type.equals(that.type)
          && defaultValue.equals(that.defaultValue) && title.equals(that.title) && basis == that.basis;
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, type, defaultValue, title, basis);
    }

    @Override
    public String toString() {
      return "Parameter[id=" + id + ", type=" + type + ", defaultValue=" + defaultValue + ", title=" + title
          + ", basis=" + basis + "]";
    }
  }

  private RulePackInfo(String id, String version, LocalizedText title, String jurisdiction,
      LocalDate effectiveFrom, LocalDate effectiveUntil, String digest, String origin, int ruleCount,
      int checklistCount, List<Parameter> parameters, String base) {
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
    this.parameters = List.copyOf(parameters);
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
        ruleCount, checklistCount, List.of(), null);
  }

  /**
   * This description with the pack's parameters; for the engine and for tests of code that reads it.
   *
   * @param parameters the parameters the pack declares, in id order; copied
   * @return a copy of this description with those parameters
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public RulePackInfo withParameters(List<Parameter> parameters) {
    return new RulePackInfo(id, version, title, jurisdiction, effectiveFrom, effectiveUntil, digest, origin,
        ruleCount, checklistCount, parameters, base);
  }

  /**
   * This description for an overlay of the given pack (rule-pack-format.md, section 16).
   *
   * @param basePackId the id of the pack the overlay extends
   * @since 0.3
   */
  public RulePackInfo withBase(String basePackId) {
    return new RulePackInfo(id, version, title, jurisdiction, effectiveFrom, effectiveUntil, digest, origin,
        ruleCount, checklistCount, parameters, Objects.requireNonNull(basePackId, "basePackId"));
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

  /**
   * The parameters the pack declares, with their declared defaults (not the host's overrides), in id order;
   * empty when it declares none.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public List<Parameter> parameters() {
    return parameters;
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
        && checklistCount == that.checklistCount && parameters.equals(that.parameters)
        && Objects.equals(base, that.base);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, title, jurisdiction, effectiveFrom, effectiveUntil, digest, origin, ruleCount,
        checklistCount, parameters, base);
  }

  @Override
  public String toString() {
    return "RulePackInfo[id=" + id + ", version=" + version + ", title=" + title + ", jurisdiction="
        + jurisdiction + ", effectiveFrom=" + effectiveFrom + ", effectiveUntil=" + effectiveUntil + ", digest="
        + digest + ", origin=" + origin + ", ruleCount=" + ruleCount + ", checklistCount=" + checklistCount + ", parameters=" + parameters + "]";
  }
}
