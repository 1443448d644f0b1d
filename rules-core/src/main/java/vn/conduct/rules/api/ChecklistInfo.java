package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a loaded pack says about one of its checklists: its items and rating bands, and the terms by
 * which a score is computed (method, bounds, evidence, rounding, partial credit, deductions, vetoes,
 * quotas) and how it ranks, with the format's defaults filled in, so that a tool can print a checklist
 * without reading the pack itself. Read-only; describes, never evaluates.
 *
 * <p>Immutable. Built by the engine ({@link RulesEngine#checklists()}); hosts read it. The parts
 * ({@link Item}, {@link Band}, {@link Credit}, {@link Deduction}, {@link Veto}, {@link Quota},
 * {@link Rounding}, {@link PeerGroup}) are final classes built through factories, like the report's types, so that a
 * later release can add to them without breaking hosts.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ChecklistInfo {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** How items add up. @since 0.2 */
  public enum Method {
    /** Each item earns its points; the score is their sum. */
    POINTS,
    /** Each item has a weight; the score is 100 × Σ weights passed ÷ Σ weights counted. */
    WEIGHTED
  }

  private final String packId;
  private final String packVersion;
  private final String checklistId;
  private final LocalizedText title;
  private final String subjectType;
  private final LocalizedText subjectTypeTitle;
  private final List<Item> items;
  private final List<Band> bands;
  private final Method method;
  private final BigDecimal maximum;
  private final BigDecimal floor;
  private final BigDecimal minEvidence;
  private final Period.Unit period;
  private final Rounding rounding;
  private final List<Deduction> deductions;
  private final List<Veto> vetoes;
  private final List<Quota> quotas;
  private final PeerGroup peerGroup;

  private ChecklistInfo(Builder builder) {
    this.packId = builder.packId;
    this.packVersion = builder.packVersion;
    this.checklistId = builder.checklistId;
    this.title = builder.title;
    this.subjectType = builder.subjectType;
    this.subjectTypeTitle = builder.subjectTypeTitle != null ? builder.subjectTypeTitle : LocalizedText.EMPTY;
    this.items = List.copyOf(builder.items);
    this.bands = List.copyOf(builder.bands);
    this.method = builder.method != null ? builder.method : Method.POINTS;
    this.maximum = this.method == Method.WEIGHTED ? HUNDRED : builder.maximum;
    this.floor = builder.floor != null ? builder.floor : BigDecimal.ZERO;
    this.minEvidence = builder.minEvidence != null ? builder.minEvidence : HUNDRED;
    this.period = builder.period;
    this.rounding = builder.rounding;
    this.deductions = List.copyOf(builder.deductions);
    this.vetoes = List.copyOf(builder.vetoes);
    this.quotas = List.copyOf(builder.quotas);
    this.peerGroup = builder.peerGroup;
  }

  /**
   * Creates a checklist description with its items and bands only and the format's defaults for
   * everything else (points method, floor 0, min-evidence 100, no period, no rounding, no deductions,
   * vetoes or quotas, no ranking); for the engine and for tests of code that reads it.
   *
   * @param packId the pack's id; never {@code null}
   * @param packVersion the pack version; never {@code null}
   * @param checklistId the checklist's id; never {@code null}
   * @param title the title
   * @param subjectType the subject type it scores
   * @param items its items, in order; copied
   * @param bands its rating bands, best first; copied
   * @since 0.2
   */
  public static ChecklistInfo of(String packId, String packVersion, String checklistId, LocalizedText title,
      String subjectType, List<Item> items, List<Band> bands) {
    return builder(packId, packVersion, checklistId).title(title).subjectType(subjectType).items(items).bands(bands)
        .build();
  }

  /**
   * Returns a builder for a checklist description; for the engine and for tests of code that reads
   * it. What the builder is not told takes the format's default (see {@link #of}).
   *
   * @param packId the pack's id; never {@code null}
   * @param packVersion the pack version; never {@code null}
   * @param checklistId the checklist's id; never {@code null}
   * @since 0.2
   */
  public static Builder builder(String packId, String packVersion, String checklistId) {
    return new Builder(packId, packVersion, checklistId);
  }

  /** The pack's id. */
  public String packId() {
    return packId;
  }

  /** The pack version. */
  public String packVersion() {
    return packVersion;
  }

  /** The checklist's id. */
  public String checklistId() {
    return checklistId;
  }

  /** The title. */
  public LocalizedText title() {
    return title;
  }

  /** The subject type it scores. */
  public String subjectType() {
    return subjectType;
  }

  /**
   * The title the vocabulary gives the subject type it scores ("Cán bộ, công chức…" / "Cadre, civil
   * servant…"), or {@link LocalizedText#EMPTY} when the type has none or is declared by another pack.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public LocalizedText subjectTypeTitle() {
    return subjectTypeTitle;
  }

  /** Its items, in order. */
  public List<Item> items() {
    return items;
  }

  /** Its rating bands, best first. */
  public List<Band> bands() {
    return bands;
  }

  /** How items add up. @since 0.2 */
  public Method method() {
    return method;
  }

  /**
   * The maximum score (bonus excluded): 100 for a weighted checklist; for a points checklist the
   * maximum it states, or {@code null} when it states none and the maximum is, per subject, the sum
   * of the points of its counted items ({@link ChecklistScore#maximum()} gives it).
   *
   * @since 0.2
   */
  public BigDecimal maximum() {
    return maximum;
  }

  /** The floor: a lower score is raised to it (default 0). @since 0.2 */
  public BigDecimal floor() {
    return floor;
  }

  /**
   * The percent of counted items whose outcome must be backed by evidence for a subject to be rated
   * (default 100).
   *
   * @since 0.2
   */
  public BigDecimal minEvidence() {
    return minEvidence;
  }

  /**
   * The checklist's natural period: the calendar unit it judges when the host gives only a date,
   * declared on the checklist or its pack (format 2); {@code null} if neither declares one.
   *
   * @since 0.2
   */
  public Period.Unit period() {
    return period;
  }

  /** How the score is rounded before it is banded (format 2), if the checklist says. @since 0.2 */
  public Optional<Rounding> rounding() {
    return Optional.ofNullable(rounding);
  }

  /** Points taken off per event, in the order applied. @since 0.2 */
  public List<Deduction> deductions() {
    return deductions;
  }

  /**
   * Rules whose failure caps the score or rating, in the order applied. A veto on a disabled rule
   * ({@link RuleInfo#enabled()}) never applies: the rule is not evaluated.
   *
   * @since 0.2
   */
  public List<Veto> vetoes() {
    return vetoes;
  }

  /** Limits on how many members of a unit may hold a band, in the order applied. @since 0.2 */
  public List<Quota> quotas() {
    return quotas;
  }

  /** Whether the report ranks the subjects rated on this checklist. @since 0.2 */
  public boolean ranked() {
    return peerGroup != null;
  }

  /** How it groups subjects for rankings, or {@code null} if it does not rank. */
  public PeerGroup peerGroup() {
    return peerGroup;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChecklistInfo that && packId.equals(that.packId)
        && packVersion.equals(that.packVersion) && checklistId.equals(that.checklistId)
        && Objects.equals(title, that.title) && Objects.equals(subjectType, that.subjectType)
        && subjectTypeTitle.equals(that.subjectTypeTitle) && items.equals(that.items) && bands.equals(that.bands) && method == that.method
        && Objects.equals(maximum, that.maximum) && floor.equals(that.floor)
        && minEvidence.equals(that.minEvidence) && period == that.period
        && Objects.equals(rounding, that.rounding) && deductions.equals(that.deductions)
        && vetoes.equals(that.vetoes) && quotas.equals(that.quotas) && Objects.equals(peerGroup, that.peerGroup);
  }

  @Override
  public int hashCode() {
    return Objects.hash(packId, packVersion, checklistId, title, subjectType, subjectTypeTitle, items, bands, method,
        maximum, floor, minEvidence, period, rounding, deductions, vetoes, quotas, peerGroup);
  }

  @Override
  public String toString() {
    return "ChecklistInfo[packId=" + packId + ", packVersion=" + packVersion + ", checklistId=" + checklistId
        + ", title=" + title + ", subjectType=" + subjectType + ", subjectTypeTitle=" + subjectTypeTitle + ", items=" + items + ", bands=" + bands
        + ", method=" + method + ", maximum=" + maximum + ", floor=" + floor + ", minEvidence=" + minEvidence
        + ", period=" + period + ", rounding=" + rounding + ", deductions=" + deductions + ", vetoes=" + vetoes
        + ", quotas=" + quotas + ", peerGroup=" + peerGroup + "]";
  }

  /**
   * Builds a {@link ChecklistInfo}; for the engine and for tests of code that reads it. Each part
   * may be set once.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Builder {

    private final String packId;
    private final String packVersion;
    private final String checklistId;
    private LocalizedText title;
    private String subjectType;
    private LocalizedText subjectTypeTitle;
    private List<Item> items;
    private List<Band> bands;
    private Method method;
    private BigDecimal maximum;
    private BigDecimal floor;
    private BigDecimal minEvidence;
    private Period.Unit period;
    private Rounding rounding;
    private List<Deduction> deductions;
    private List<Veto> vetoes;
    private List<Quota> quotas;
    private PeerGroup peerGroup;

    private Builder(String packId, String packVersion, String checklistId) {
      this.packId = Objects.requireNonNull(packId, "packId");
      this.packVersion = Objects.requireNonNull(packVersion, "packVersion");
      this.checklistId = Objects.requireNonNull(checklistId, "checklistId");
    }

    private static void once(Object current, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set to " + current);
      }
    }

    /**
     * Sets the title.
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder title(LocalizedText value) {
      once(title, "title");
      title = value;
      return this;
    }

    /**
     * Sets the subject type it scores.
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder subjectType(String value) {
      once(subjectType, "subjectType");
      subjectType = value;
      return this;
    }

    /**
     * Sets the title the vocabulary gives the subject type it scores.
     *
     * @throws IllegalStateException if it was already set
     * @since 0.3
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public Builder subjectTypeTitle(LocalizedText value) {
      once(subjectTypeTitle, "subjectTypeTitle");
      subjectTypeTitle = value;
      return this;
    }

    /**
     * Sets the items, in order; copied.
     *
     * @throws IllegalStateException if they were already set
     */
    public Builder items(List<Item> value) {
      once(items, "items");
      items = List.copyOf(value);
      return this;
    }

    /**
     * Sets the rating bands, best first; copied.
     *
     * @throws IllegalStateException if they were already set
     */
    public Builder bands(List<Band> value) {
      once(bands, "bands");
      bands = List.copyOf(value);
      return this;
    }

    /**
     * Sets how items add up (default {@link Method#POINTS}).
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder method(Method value) {
      once(method, "method");
      method = Objects.requireNonNull(value, "method");
      return this;
    }

    /**
     * Sets the stated maximum of a points checklist ({@code null}: the sum of the counted items'
     * points); a weighted checklist's maximum is always 100.
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder maximum(BigDecimal value) {
      once(maximum, "maximum");
      maximum = value;
      return this;
    }

    /**
     * Sets the floor ({@code null}: 0).
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder floor(BigDecimal value) {
      once(floor, "floor");
      floor = value;
      return this;
    }

    /**
     * Sets the evidence percent needed to be rated ({@code null}: 100).
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder minEvidence(BigDecimal value) {
      once(minEvidence, "minEvidence");
      minEvidence = value;
      return this;
    }

    /**
     * Sets the natural period ({@code null}: none).
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder period(Period.Unit value) {
      once(period, "period");
      period = value;
      return this;
    }

    /**
     * Sets how the score is rounded ({@code null}: not rounded).
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder rounding(Rounding value) {
      once(rounding, "rounding");
      rounding = value;
      return this;
    }

    /**
     * Sets the deductions, in the order applied; copied.
     *
     * @throws IllegalStateException if they were already set
     */
    public Builder deductions(List<Deduction> value) {
      once(deductions, "deductions");
      deductions = List.copyOf(value);
      return this;
    }

    /**
     * Sets the vetoes, in the order applied; copied.
     *
     * @throws IllegalStateException if they were already set
     */
    public Builder vetoes(List<Veto> value) {
      once(vetoes, "vetoes");
      vetoes = List.copyOf(value);
      return this;
    }

    /**
     * Sets the quotas, in the order applied; copied.
     *
     * @throws IllegalStateException if they were already set
     */
    public Builder quotas(List<Quota> value) {
      once(quotas, "quotas");
      quotas = List.copyOf(value);
      return this;
    }

    /**
     * Says how the checklist groups subjects for rankings ({@code null}: it does not rank).
     *
     * @throws IllegalStateException if it was already set
     */
    public Builder peerGroup(PeerGroup value) {
      once(peerGroup, "peerGroup");
      peerGroup = value;
      return this;
    }

    /** Builds the description; parts not set take the format's defaults. */
    public ChecklistInfo build() {
      items = items == null ? List.of() : items;
      bands = bands == null ? List.of() : bands;
      deductions = deductions == null ? List.of() : deductions;
      vetoes = vetoes == null ? List.of() : vetoes;
      quotas = quotas == null ? List.of() : quotas;
      return new ChecklistInfo(this);
    }
  }

  /**
   * One item.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Item {

    private final String ruleId;
    private final BigDecimal points;
    private final BigDecimal weight;
    private final boolean bonus;
    private final boolean required;
    private final LocalDate effectiveFrom;
    private final LocalDate effectiveUntil;
    private final Credit credit;

    private Item(String ruleId, BigDecimal points, BigDecimal weight, boolean bonus, boolean required,
        LocalDate effectiveFrom, LocalDate effectiveUntil, Credit credit) {
      this.ruleId = ruleId;
      this.points = points;
      this.weight = weight;
      this.bonus = bonus;
      this.required = required;
      this.effectiveFrom = effectiveFrom;
      this.effectiveUntil = effectiveUntil;
      this.credit = credit;
    }

    /**
     * Creates an item that is not required, always in force and without partial credit; for the
     * engine and for tests of code that reads it.
     *
     * @param ruleId the rule it scores
     * @param points its points, or {@code null}
     * @param weight its weight, or {@code null}
     * @param bonus whether it is a bonus item
     * @since 0.2
     */
    public static Item of(String ruleId, BigDecimal points, BigDecimal weight, boolean bonus) {
      return new Item(ruleId, points, weight, bonus, false, null, null, null);
    }

    /**
     * Creates an item; for the engine and for tests of code that reads it.
     *
     * @param ruleId the rule it scores
     * @param points its points, or {@code null}
     * @param weight its weight, or {@code null}
     * @param bonus whether it is a bonus item
     * @param required whether it must be decided for a subject to be rated
     * @param effectiveFrom the first day it counts, or {@code null}
     * @param effectiveUntil the last day it counts, or {@code null}
     * @param credit its partial credit, or {@code null}
     * @since 0.2
     */
    public static Item of(String ruleId, BigDecimal points, BigDecimal weight, boolean bonus, boolean required,
        LocalDate effectiveFrom, LocalDate effectiveUntil, Credit credit) {
      return new Item(ruleId, points, weight, bonus, required, effectiveFrom, effectiveUntil, credit);
    }

    /** The rule it scores. */
    public String ruleId() {
      return ruleId;
    }

    /** Its points, or {@code null} for a non-bonus item of a weighted checklist. */
    public BigDecimal points() {
      return points;
    }

    /** Its weight (weighted checklists), or {@code null}. */
    public BigDecimal weight() {
      return weight;
    }

    /** Whether it is a bonus item (adds its points on PASS; does not count towards the maximum). */
    public boolean bonus() {
      return bonus;
    }

    /**
     * Whether it is required: in a format 2 checklist, a subject whose required item is undecided is
     * not rated. @since 0.2
     */
    public boolean required() {
      return required;
    }

    /** The first day the item counts (format 2), or {@code null} for "always". @since 0.2 */
    public LocalDate effectiveFrom() {
      return effectiveFrom;
    }

    /** The last day the item counts (format 2), or {@code null} for "until replaced". @since 0.2 */
    public LocalDate effectiveUntil() {
      return effectiveUntil;
    }

    /** Whether the item counts on the given reference date. @since 0.2 */
    public boolean inForceOn(LocalDate date) {
      return (effectiveFrom == null || !date.isBefore(effectiveFrom))
          && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    /** Its partial credit, if its points come from an indicator's value. @since 0.2 */
    public Optional<Credit> credit() {
      return Optional.ofNullable(credit);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Item that && Objects.equals(ruleId, that.ruleId) && Objects.equals(points, that.points)
          && Objects.equals(weight, that.weight) && bonus == that.bonus && required == that.required
          && Objects.equals(effectiveFrom, that.effectiveFrom) && Objects.equals(effectiveUntil, that.effectiveUntil)
          && Objects.equals(credit, that.credit);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ruleId, points, weight, bonus, required, effectiveFrom, effectiveUntil, credit);
    }

    @Override
    public String toString() {
      return "Item[ruleId=" + ruleId + ", points=" + points + ", weight=" + weight + ", bonus=" + bonus
          + ", required=" + required + ", effectiveFrom=" + effectiveFrom + ", effectiveUntil=" + effectiveUntil
          + ", credit=" + credit + "]";
    }
  }

  /**
   * Partial credit: an item's points come from an indicator's value, whatever the rule's outcome —
   * the points of the first band whose minimum the value reaches, or the value times
   * {@link #perUnit()}; capped at the item's points, never below 0.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Credit {

    private final String indicator;
    private final List<CreditBand> bands;
    private final BigDecimal perUnit;

    private Credit(String indicator, List<CreditBand> bands, BigDecimal perUnit) {
      this.indicator = Objects.requireNonNull(indicator, "indicator");
      this.bands = List.copyOf(bands);
      this.perUnit = perUnit;
    }

    /**
     * Creates partial credit; for the engine and for tests of code that reads it.
     *
     * @param indicator the number indicator read; never {@code null}
     * @param bands the bands, by decreasing minimum; copied (empty with {@code perUnit})
     * @param perUnit the points per unit of the value, or {@code null} when bands are given
     */
    public static Credit of(String indicator, List<CreditBand> bands, BigDecimal perUnit) {
      return new Credit(indicator, bands, perUnit);
    }

    /** The number indicator whose value gives the points. */
    public String indicator() {
      return indicator;
    }

    /** The bands, by decreasing minimum; empty when {@link #perUnit()} is given. */
    public List<CreditBand> bands() {
      return bands;
    }

    /** The points per unit of the indicator's value, or {@code null} when bands are given. */
    public BigDecimal perUnit() {
      return perUnit;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Credit that && indicator.equals(that.indicator) && bands.equals(that.bands)
          && Objects.equals(perUnit, that.perUnit);
    }

    @Override
    public int hashCode() {
      return Objects.hash(indicator, bands, perUnit);
    }

    @Override
    public String toString() {
      return "Credit[indicator=" + indicator + ", bands=" + bands + ", perUnit=" + perUnit + "]";
    }
  }

  /**
   * A partial-credit band: values at or above {@link #min()} earn {@link #points()}.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class CreditBand {

    private final BigDecimal min;
    private final BigDecimal points;

    private CreditBand(BigDecimal min, BigDecimal points) {
      this.min = Objects.requireNonNull(min, "min");
      this.points = Objects.requireNonNull(points, "points");
    }

    /**
     * Creates a credit band; for the engine and for tests of code that reads it.
     *
     * @param min the lowest value that earns the points; never {@code null}
     * @param points the points earned; never {@code null}
     */
    public static CreditBand of(BigDecimal min, BigDecimal points) {
      return new CreditBand(min, points);
    }

    /** The lowest indicator value that earns the points. */
    public BigDecimal min() {
      return min;
    }

    /** The points earned. */
    public BigDecimal points() {
      return points;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CreditBand that && min.equals(that.min) && points.equals(that.points);
    }

    @Override
    public int hashCode() {
      return Objects.hash(min, points);
    }

    @Override
    public String toString() {
      return "CreditBand[min=" + min + ", points=" + points + "]";
    }
  }

  /**
   * One rating band.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Band {

    private final String id;
    private final BigDecimal min;
    private final LocalizedText title;

    private Band(String id, BigDecimal min, LocalizedText title) {
      this.id = id;
      this.min = min;
      this.title = title;
    }

    /**
     * Creates a band; for the engine and for tests of code that reads it.
     *
     * @param id the rating
     * @param min the lowest score that earns it
     * @param title its title, or {@link LocalizedText#EMPTY}
     * @since 0.2
     */
    public static Band of(String id, BigDecimal min, LocalizedText title) {
      return new Band(id, min, title);
    }

    /** The rating, e.g. {@code A}. */
    public String id() {
      return id;
    }

    /** The lowest score that earns it. */
    public BigDecimal min() {
      return min;
    }

    /** Its title, or {@link LocalizedText#EMPTY}. */
    public LocalizedText title() {
      return title;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Band that && Objects.equals(id, that.id) && Objects.equals(min, that.min)
          && Objects.equals(title, that.title);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, min, title);
    }

    @Override
    public String toString() {
      return "Band[id=" + id + ", min=" + min + ", title=" + title + "]";
    }
  }

  /**
   * How a score is rounded before it is banded (format 2).
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Rounding {

    private final int scale;
    private final RoundingMode mode;

    private Rounding(int scale, RoundingMode mode) {
      this.scale = scale;
      this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * Creates a rounding; for the engine and for tests of code that reads it.
     *
     * @param scale the decimal places kept
     * @param mode the rounding mode; never {@code null}
     */
    public static Rounding of(int scale, RoundingMode mode) {
      return new Rounding(scale, mode);
    }

    /** The decimal places kept. */
    public int scale() {
      return scale;
    }

    /**
     * The rounding mode: {@link RoundingMode#HALF_UP} (the default), {@link RoundingMode#HALF_EVEN},
     * {@link RoundingMode#DOWN} or {@link RoundingMode#UP}.
     */
    public RoundingMode mode() {
      return mode;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Rounding that && scale == that.scale && mode == that.mode;
    }

    @Override
    public int hashCode() {
      return Objects.hash(scale, mode);
    }

    @Override
    public String toString() {
      return "Rounding[scale=" + scale + ", mode=" + mode + "]";
    }
  }

  /**
   * Points taken off per counted event of the given types, at most {@link #max()} in total.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Deduction {

    private final List<String> events;
    private final BigDecimal points;
    private final BigDecimal max;
    private final String window;
    private final boolean verifiedOnly;
    private final LocalizedText title;

    private Deduction(List<String> events, BigDecimal points, BigDecimal max, String window, boolean verifiedOnly,
        LocalizedText title) {
      this.events = List.copyOf(events);
      this.points = Objects.requireNonNull(points, "points");
      this.max = max;
      this.window = Objects.requireNonNull(window, "window");
      this.verifiedOnly = verifiedOnly;
      this.title = title == null ? LocalizedText.EMPTY : title;
    }

    /**
     * Creates a deduction; for the engine and for tests of code that reads it.
     *
     * @param events the event types counted; copied
     * @param points the points per event; never {@code null}
     * @param max the most taken off in total, or {@code null}
     * @param window the window, as the pack writes it; never {@code null}
     * @param verifiedOnly whether only verified events count
     * @param title its title; {@code null} for {@link LocalizedText#EMPTY}
     */
    public static Deduction of(List<String> events, BigDecimal points, BigDecimal max, String window,
        boolean verifiedOnly, LocalizedText title) {
      return new Deduction(events, points, max, window, verifiedOnly, title);
    }

    /** The event types counted. */
    public List<String> events() {
      return events;
    }

    /** The points taken off per counted event. */
    public BigDecimal points() {
      return points;
    }

    /** The most taken off in total, or {@code null} for no limit. */
    public BigDecimal max() {
      return max;
    }

    /**
     * The window events are counted in, as the pack writes it: {@code period} (the default: within
     * the period judged), {@code all}, or an ISO-8601 look-back such as {@code P12M}.
     */
    public String window() {
      return window;
    }

    /** Whether only verified events count (the default). */
    public boolean verifiedOnly() {
      return verifiedOnly;
    }

    /** Its title, or {@link LocalizedText#EMPTY}. */
    public LocalizedText title() {
      return title;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Deduction that && events.equals(that.events) && points.equals(that.points)
          && Objects.equals(max, that.max) && window.equals(that.window) && verifiedOnly == that.verifiedOnly
          && title.equals(that.title);
    }

    @Override
    public int hashCode() {
      return Objects.hash(events, points, max, window, verifiedOnly, title);
    }

    @Override
    public String toString() {
      return "Deduction[events=" + events + ", points=" + points + ", max=" + max + ", window=" + window
          + ", verifiedOnly=" + verifiedOnly + ", title=" + title + "]";
    }
  }

  /**
   * A veto: when the rule fails, the score is capped at {@link #capScore()} and the rating at
   * {@link #capRating()} (either may be absent).
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Veto {

    private final String ruleId;
    private final String capRating;
    private final BigDecimal capScore;
    private final LocalizedText reason;

    private Veto(String ruleId, String capRating, BigDecimal capScore, LocalizedText reason) {
      this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
      this.capRating = capRating;
      this.capScore = capScore;
      this.reason = reason == null ? LocalizedText.EMPTY : reason;
    }

    /**
     * Creates a veto; for the engine and for tests of code that reads it.
     *
     * @param ruleId the rule; never {@code null}
     * @param capRating the band the rating is capped at, or {@code null}
     * @param capScore the score cap, or {@code null}
     * @param reason the reason the pack gives; {@code null} for {@link LocalizedText#EMPTY}
     */
    public static Veto of(String ruleId, String capRating, BigDecimal capScore, LocalizedText reason) {
      return new Veto(ruleId, capRating, capScore, reason);
    }

    /** The rule whose failure triggers the veto. */
    public String ruleId() {
      return ruleId;
    }

    /** The band a better rating is lowered to, or {@code null}. */
    public String capRating() {
      return capRating;
    }

    /** The score a higher score is lowered to, or {@code null}. */
    public BigDecimal capScore() {
      return capScore;
    }

    /** The reason the pack gives, or {@link LocalizedText#EMPTY}. */
    public LocalizedText reason() {
      return reason;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Veto that && ruleId.equals(that.ruleId) && Objects.equals(capRating, that.capRating)
          && Objects.equals(capScore, that.capScore) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ruleId, capRating, capScore, reason);
    }

    @Override
    public String toString() {
      return "Veto[ruleId=" + ruleId + ", capRating=" + capRating + ", capScore=" + capScore + ", reason="
          + reason + "]";
    }
  }

  /**
   * A quota: at most {@link #maxPercent()} % of a group's rated members (or of the count of band
   * {@link #ofBand()}; only those meeting {@link #baseCondition()} if it has one) may hold
   * {@link #band()}; the rest, lowest scores first, are lowered to the next band, members at the
   * cut-off score as {@link #ties()} says. A group is the members of one unit unless
   * {@link #groupBy()} says otherwise. A unit that meets the override's condition gets
   * {@link #overrideMaxPercent()} instead.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Quota {

    /** What a quota does when members at the cut-off share a score. @since 0.2 */
    public enum Ties {
      /** If not all of them fit, all of them are lowered (the default, and format 1's rule). */
      LOWER_ALL,
      /** If the last member that fits has that score, all of them keep the band, beyond the limit. */
      KEEP_ALL
    }

    private final String band;
    private final BigDecimal maxPercent;
    private final String ofBand;
    private final BigDecimal overrideMaxPercent;
    private final String overrideCondition;
    private final List<GroupKey> groupBy;
    private final String baseCondition;
    private final Ties ties;

    private Quota(String band, BigDecimal maxPercent, String ofBand, BigDecimal overrideMaxPercent,
        String overrideCondition, List<GroupKey> groupBy, String baseCondition, Ties ties) {
      this.band = Objects.requireNonNull(band, "band");
      this.maxPercent = Objects.requireNonNull(maxPercent, "maxPercent");
      this.ofBand = ofBand;
      if ((overrideMaxPercent == null) != (overrideCondition == null)) {
        throw new IllegalArgumentException("an override needs both its max-percent and its condition, but was "
            + overrideMaxPercent + " when " + overrideCondition);
      }
      this.overrideMaxPercent = overrideMaxPercent;
      this.overrideCondition = overrideCondition;
      this.groupBy = List.copyOf(Objects.requireNonNull(groupBy, "groupBy"));
      this.baseCondition = baseCondition;
      this.ties = Objects.requireNonNull(ties, "ties");
    }

    /**
     * Creates a quota grouped by the parent unit, over all rated members (or the holders of
     * {@code ofBand}), ties lowered; for the engine and for tests of code that reads it.
     *
     * @param band the band limited; never {@code null}
     * @param maxPercent the share of members that may hold it; never {@code null}
     * @param ofBand the band whose count is the base, or {@code null} for all rated members
     * @param overrideMaxPercent the share for units meeting the override's condition, or {@code null}
     * @param overrideCondition the override's condition as text, or {@code null}; given with
     *     {@code overrideMaxPercent} or not at all
     * @throws IllegalArgumentException if only one of the override's parts is given
     */
    public static Quota of(String band, BigDecimal maxPercent, String ofBand, BigDecimal overrideMaxPercent,
        String overrideCondition) {
      return new Quota(band, maxPercent, ofBand, overrideMaxPercent, overrideCondition, List.of(), null,
          Ties.LOWER_ALL);
    }

    /**
     * Creates a quota with format 2's grouping, base condition and tie policy.
     *
     * @param groupBy the grouping keys, copied; empty for the parent unit
     * @param baseCondition the base's condition on the member as text, or {@code null} for none
     * @param ties the tie policy; never {@code null}
     * @throws IllegalArgumentException if only one of the override's parts is given
     */
    public static Quota of(String band, BigDecimal maxPercent, String ofBand, BigDecimal overrideMaxPercent,
        String overrideCondition, List<GroupKey> groupBy, String baseCondition, Ties ties) {
      return new Quota(band, maxPercent, ofBand, overrideMaxPercent, overrideCondition, groupBy, baseCondition,
          ties);
    }

    /** The band limited. */
    public String band() {
      return band;
    }

    /** The most members that may hold the band, in percent of the base. */
    public BigDecimal maxPercent() {
      return maxPercent;
    }

    /**
     * The band whose count of rated members is the base (the pack's {@code of}), or {@code null} when
     * the base is all rated members.
     */
    public String ofBand() {
      return ofBand;
    }

    /** Whether the quota has an override: a different share for units that meet a condition. */
    public boolean overridden() {
      return overrideCondition != null;
    }

    /** The share for units that meet the override's condition, or {@code null} without an override. */
    public BigDecimal overrideMaxPercent() {
      return overrideMaxPercent;
    }

    /**
     * The override's condition on the unit, as the pack writes it in flow style (e.g.
     * {@code {attribute: exceptional, eq: true}}), or {@code null} without an override. For display
     * only; its notation is that of the pack format.
     */
    public String overrideCondition() {
      return overrideCondition;
    }

    /**
     * How members are grouped, in order: members share a group when every key has the same value
     * for them. Empty: the members of one parent unit form a group (parentless members one group).
     */
    public List<GroupKey> groupBy() {
      return groupBy;
    }

    /**
     * The condition a rated member meets to be counted in the base, in the pack's flow style, or
     * {@code null} when every rated member (or holder of {@link #ofBand()}) is counted. For display.
     */
    public String baseCondition() {
      return baseCondition;
    }

    /** What happens to members at the cut-off score; {@link Ties#LOWER_ALL} unless the pack says. */
    public Ties ties() {
      return ties;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Quota that && band.equals(that.band) && maxPercent.equals(that.maxPercent)
          && Objects.equals(ofBand, that.ofBand) && Objects.equals(overrideMaxPercent, that.overrideMaxPercent)
          && Objects.equals(overrideCondition, that.overrideCondition) && groupBy.equals(that.groupBy)
          && Objects.equals(baseCondition, that.baseCondition) && ties == that.ties;
    }

    @Override
    public int hashCode() {
      return Objects.hash(band, maxPercent, ofBand, overrideMaxPercent, overrideCondition, groupBy, baseCondition,
          ties);
    }

    @Override
    public String toString() {
      return "Quota[band=" + band + ", maxPercent=" + maxPercent + ", ofBand=" + ofBand + ", overrideMaxPercent="
          + overrideMaxPercent + ", overrideCondition=" + overrideCondition + ", groupBy=" + groupBy
          + ", baseCondition=" + baseCondition + ", ties=" + ties + "]";
    }
  }

  /**
   * One key of a quota's grouping: members under the same subject of an ancestor type, or with the
   * same value of an attribute.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class GroupKey {

    /** What a key reads. */
    public enum Kind {
      /** The nearest subject of a subject type above the member. */
      ANCESTOR,
      /** An attribute of the member. */
      ATTRIBUTE
    }

    private final Kind kind;
    private final String name;

    private GroupKey(Kind kind, String name) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Creates a key.
     *
     * @param kind what it reads; never {@code null}
     * @param name the subject type or attribute id; never {@code null}
     */
    public static GroupKey of(Kind kind, String name) {
      return new GroupKey(kind, name);
    }

    /** What it reads. */
    public Kind kind() {
      return kind;
    }

    /** The ancestor's subject type or the attribute's id. */
    public String name() {
      return name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof GroupKey that && kind == that.kind && name.equals(that.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, name);
    }

    @Override
    public String toString() {
      return "GroupKey[kind=" + kind + ", name=" + name + "]";
    }
  }

  /**
   * How a ranking groups subjects: by the value of one attribute ({@link Ranking#peerGroup()} is
   * that value, {@code ""} when there is no attribute). Renderers show a group by its title, e.g.
   * "nhóm xã" rather than "nhóm commune", through {@link #groupTitle(String)}.
   *
   * <p>Immutable. Built by the engine; hosts read it.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class PeerGroup {

    private final String attribute;
    private final LocalizedText title;
    private final Map<String, LocalizedText> valueTitles;

    private PeerGroup(String attribute, LocalizedText title, Map<String, LocalizedText> valueTitles) {
      this.attribute = attribute;
      this.title = title == null ? LocalizedText.EMPTY : title;
      this.valueTitles = Map.copyOf(valueTitles);
    }

    /**
     * Creates a peer group; for the engine and for tests of code that reads it.
     *
     * @param attribute the attribute whose value forms the groups, or {@code null} for one group
     * @param title the attribute's title; {@code null} for {@link LocalizedText#EMPTY}
     * @param valueTitles the titles declared for the attribute's values, by value; copied
     * @since 0.2
     */
    public static PeerGroup of(String attribute, LocalizedText title, Map<String, LocalizedText> valueTitles) {
      return new PeerGroup(attribute, title, valueTitles);
    }

    /**
     * The attribute whose value forms the groups, or {@code null} when all rated subjects form one
     * group {@code ""}.
     */
    public String attribute() {
      return attribute;
    }

    /** The attribute's title, or {@link LocalizedText#EMPTY}. */
    public LocalizedText title() {
      return title;
    }

    /** The titles the pack declares for the attribute's values, by value; values without a title are absent. */
    public Map<String, LocalizedText> valueTitles() {
      return valueTitles;
    }

    /** A group's title: the declared title of its value, or the value itself as text in both languages. */
    public LocalizedText groupTitle(String group) {
      LocalizedText declared = valueTitles.get(group);
      return declared != null ? declared : LocalizedText.of(group);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PeerGroup that && Objects.equals(attribute, that.attribute)
          && title.equals(that.title) && valueTitles.equals(that.valueTitles);
    }

    @Override
    public int hashCode() {
      return Objects.hash(attribute, title, valueTitles);
    }

    @Override
    public String toString() {
      return "PeerGroup[attribute=" + attribute + ", title=" + title + ", valueTitles=" + valueTitles + "]";
    }
  }
}
