package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A governed exception to a rule: who is excused (scope and subjects), why (justification), on whose
 * authority (approver), at what risk, and for which dates (specs/waiver-format.md).
 *
 * <p>A waiver applies to the FAIL and UNKNOWN findings of the rules it scopes, for the subjects it
 * selects, when the period judged lies entirely within {@link #start()} and {@link #expiry()} (both
 * inclusive). A waived finding keeps its outcome and carries the waiver ({@link Finding#waiver()});
 * checklists count it as PASS, and state their score without waivers beside it
 * ({@link ChecklistScore#withoutWaivers()}).
 *
 * <pre>{@code
 * Waiver waiver = Waiver.builder("w-2025-06-late", "hanoi-522")
 *     .rule("hn522.late-arrival")
 *     .subjectIds(List.of("cb-013"))
 *     .justification(LocalizedText.of("Con ốm, đã báo trước", "Child ill, reported in advance"))
 *     .approver(Waiver.Approver.named("Phan Trọng Kiên", "head-of-unit"))
 *     .risk(Waiver.Risk.LOW)
 *     .dates(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Read waiver files with {@link vn.conduct.rules.io.WaiversFile}.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Waiver {

  /** The risk the approver accepted. */
  public enum Risk {
    /** Little harm if the exception is wrong. */
    LOW,
    /** Some harm. */
    MEDIUM,
    /** Serious harm; usually needs a higher approver. */
    HIGH
  }

  /**
   * Who approved a waiver: a name or an id (at least one), and the role under which they approved.
   * Immutable.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Approver {
    private final String name;
    private final String id;
    private final String role;

    private Approver(String name, String id, String role) {
      this.name = blankToNull(name);
      this.id = blankToNull(id);
      this.role = blankToNull(role);
      if (this.name == null && this.id == null) {
        throw new IllegalArgumentException("an approver needs a name or an id");
      }
      if (this.role == null) {
        throw new IllegalArgumentException("approver " + label() + " needs a role");
      }
    }

    /**
     * An approver.
     *
     * @param name the approver's name, or {@code null}
     * @param id the approver's id, or {@code null}
     * @param role the role (e.g. {@code head-of-unit}); never blank
     * @throws IllegalArgumentException if both name and id are missing, or the role is
     */
    public static Approver of(String name, String id, String role) {
      return new Approver(name, id, role);
    }

    /** An approver known by name. */
    public static Approver named(String name, String role) {
      return new Approver(name, null, role);
    }

    /** An approver known by id. */
    public static Approver withId(String id, String role) {
      return new Approver(null, id, role);
    }

    /** The approver's name, or {@code null}. */
    public String name() {
      return name;
    }

    /** The approver's id, or {@code null}. */
    public String id() {
      return id;
    }

    /** The role under which they approved. */
    public String role() {
      return role;
    }

    /** The name, else the id. */
    public String label() {
      return name != null ? name : id;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Approver that && Objects.equals(name, that.name) && Objects.equals(id, that.id)
          && role.equals(that.role);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, id, role);
    }

    @Override
    public String toString() {
      return "Approver[name=" + name + ", id=" + id + ", role=" + role + "]";
    }
  }

  /** How a waiver's dates stand to a period judged. */
  public enum Coverage {
    /** The period lies within the waiver's dates: the waiver applies. */
    COVERS,
    /** The dates cover only part of the period: the waiver does not apply. */
    PARTIAL,
    /** The waiver expired before the period began: it does not apply. */
    EXPIRED,
    /** The waiver starts after the period ends: it does not apply. */
    NOT_STARTED
  }

  private final String id;
  private final String packId;
  private final String ruleId;
  private final String checklistId;
  private final String itemId;
  private final List<String> subjectIds;
  private final List<String> subjectTypes;
  private final List<String> units;
  private final Map<String, String> attributes;
  private final LocalizedText justification;
  private final Approver approver;
  private final Risk risk;
  private final LocalDate start;
  private final LocalDate expiry;
  private final String source;

  private Waiver(Builder b) {
    this.id = b.id;
    this.packId = b.packId;
    this.ruleId = b.ruleId;
    this.checklistId = b.checklistId;
    this.itemId = b.itemId;
    this.subjectIds = List.copyOf(b.subjectIds);
    this.subjectTypes = List.copyOf(b.subjectTypes);
    this.units = List.copyOf(b.units);
    this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    this.justification = b.justification;
    this.approver = b.approver;
    this.risk = b.risk;
    this.start = b.start;
    this.expiry = b.expiry;
    this.source = b.source;
  }

  /**
   * Starts a waiver on a pack; without {@link Builder#rule} or {@link Builder#checklist} it covers
   * every rule of the pack.
   */
  public static Builder builder(String id, String packId) {
    return new Builder(id, packId);
  }

  /** The waiver's id, unique within the waivers of an evaluation. */
  public String id() {
    return id;
  }

  /** The pack whose rules the waiver covers. */
  public String packId() {
    return packId;
  }

  /** The one rule covered, if the scope names a rule. */
  public Optional<String> ruleId() {
    return Optional.ofNullable(ruleId);
  }

  /** The checklist whose items are covered, if the scope names a checklist. */
  public Optional<String> checklistId() {
    return Optional.ofNullable(checklistId);
  }

  /** The one item (the rule id of an item of {@link #checklistId()}) covered, if named. */
  public Optional<String> itemId() {
    return Optional.ofNullable(itemId);
  }

  /** Subject ids selected; empty means this selector is not used. */
  public List<String> subjectIds() {
    return subjectIds;
  }

  /** Subject types selected; empty means this selector is not used. */
  public List<String> subjectTypes() {
    return subjectTypes;
  }

  /** Units selected: each unit and every subject whose parent chain reaches it; empty means not used. */
  public List<String> units() {
    return units;
  }

  /** Attribute values a subject must have (compared as text); empty means not used. */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** Whether no subject selector is given, so that every subject is selected. */
  public boolean selectsEverySubject() {
    return subjectIds.isEmpty() && subjectTypes.isEmpty() && units.isEmpty() && attributes.isEmpty();
  }

  /** Why the exception is granted. */
  public LocalizedText justification() {
    return justification;
  }

  /** Who approved it. */
  public Approver approver() {
    return approver;
  }

  /** The risk accepted. */
  public Risk risk() {
    return risk;
  }

  /** The first day the waiver covers (inclusive). */
  public LocalDate start() {
    return start;
  }

  /** The last day the waiver covers (inclusive). */
  public LocalDate expiry() {
    return expiry;
  }

  /** Where the waiver was written ({@code file:line:column}), if it was read from a file. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** How the waiver's dates stand to a judged period; it applies only when they {@link Coverage#COVERS cover} it. */
  public Coverage coverageOf(Period period) {
    Objects.requireNonNull(period, "period");
    if (expiry.isBefore(period.start())) {
      return Coverage.EXPIRED;
    }
    if (start.isAfter(period.end())) {
      return Coverage.NOT_STARTED;
    }
    return !start.isAfter(period.start()) && !expiry.isBefore(period.end()) ? Coverage.COVERS : Coverage.PARTIAL;
  }

  /**
   * Whether the waiver selects a subject, given the ids of the units above it (its parent, the
   * parent's parent, …). Every selector given must match; with none, every subject is selected.
   */
  public boolean selects(Subject subject, Collection<String> ancestors) {
    if (!subjectIds.isEmpty() && !subjectIds.contains(subject.id())) {
      return false;
    }
    if (!subjectTypes.isEmpty() && !subjectTypes.contains(subject.type())) {
      return false;
    }
    if (!units.isEmpty() && !units.contains(subject.id()) && ancestors.stream().noneMatch(units::contains)) {
      return false;
    }
    for (Map.Entry<String, String> wanted : attributes.entrySet()) {
      Object value = subject.attributes().get(wanted.getKey());
      if (value == null || !text(value).equals(wanted.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** An attribute value as a waiver compares it: numbers in plain notation, others as written. */
  static String text(Object value) {
    if (value instanceof BigDecimal number) {
      BigDecimal stripped = number.stripTrailingZeros();
      return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
    if (value instanceof Number number) {
      return text(new BigDecimal(number.toString()));
    }
    return String.valueOf(value);
  }

  /** The scope in words, e.g. {@code hanoi-3814/hn3814-monthly item hn3814.working-time}. */
  public String scopeText() {
    if (ruleId != null) {
      return packId + " rule " + ruleId;
    }
    if (checklistId != null) {
      return packId + "/" + checklistId + (itemId != null ? " item " + itemId : " (every item)");
    }
    return packId + " (every rule)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Waiver that && id.equals(that.id) && packId.equals(that.packId)
        && Objects.equals(ruleId, that.ruleId) && Objects.equals(checklistId, that.checklistId)
        && Objects.equals(itemId, that.itemId) && subjectIds.equals(that.subjectIds)
        && subjectTypes.equals(that.subjectTypes) && units.equals(that.units) && attributes.equals(that.attributes)
        && justification.equals(that.justification) && approver.equals(that.approver) && risk == that.risk
        && start.equals(that.start) && expiry.equals(that.expiry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, packId, ruleId, checklistId, itemId, start, expiry);
  }

  @Override
  public String toString() {
    return "Waiver[" + id + ": " + scopeText() + ", " + start + ".." + expiry + ", risk " + risk + ", approved by "
        + approver.label() + " (" + approver.role() + ")]";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Builds a {@link Waiver}; not thread-safe. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Builder {
    private final String id;
    private final String packId;
    private String ruleId;
    private String checklistId;
    private String itemId;
    private final List<String> subjectIds = new ArrayList<>();
    private final List<String> subjectTypes = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private LocalizedText justification;
    private Approver approver;
    private Risk risk;
    private LocalDate start;
    private LocalDate expiry;
    private String source;

    private Builder(String id, String packId) {
      this.id = Unicode.nfc(Objects.requireNonNull(id, "id"));
      this.packId = Unicode.nfc(Objects.requireNonNull(packId, "packId"));
    }

    /** Covers one rule of the pack. */
    public Builder rule(String value) {
      ruleId = Unicode.nfc(Objects.requireNonNull(value, "rule"));
      return this;
    }

    /** Covers every item of a checklist of the pack. */
    public Builder checklist(String value) {
      checklistId = Unicode.nfc(Objects.requireNonNull(value, "checklist"));
      return this;
    }

    /** Covers one item (by its rule id) of a checklist of the pack. */
    public Builder item(String checklist, String rule) {
      checklist(checklist);
      itemId = Unicode.nfc(Objects.requireNonNull(rule, "item"));
      return this;
    }

    /** Selects subjects by id (added to those given before). */
    public Builder subjectIds(Collection<String> values) {
      values.forEach(v -> subjectIds.add(Unicode.nfc(Objects.requireNonNull(v, "subject id"))));
      return this;
    }

    /** Selects subjects by type (added to those given before). */
    public Builder subjectTypes(Collection<String> values) {
      values.forEach(v -> subjectTypes.add(Unicode.nfc(Objects.requireNonNull(v, "subject type"))));
      return this;
    }

    /** Selects the subjects of units: each unit and every subject below it (added to those given before). */
    public Builder units(Collection<String> values) {
      values.forEach(v -> units.add(Unicode.nfc(Objects.requireNonNull(v, "unit"))));
      return this;
    }

    /** Selects subjects whose attribute has this value (compared as text; numbers in plain notation). */
    public Builder attribute(String name, Object value) {
      attributes.put(Unicode.nfc(Objects.requireNonNull(name, "attribute")),
          Unicode.nfc(text(Objects.requireNonNull(value, "value"))));
      return this;
    }

    /** Why; required. */
    public Builder justification(LocalizedText value) {
      justification = Objects.requireNonNull(value, "justification");
      return this;
    }

    /** Who approved; required. */
    public Builder approver(Approver value) {
      approver = Objects.requireNonNull(value, "approver");
      return this;
    }

    /** The risk accepted; required. */
    public Builder risk(Risk value) {
      risk = Objects.requireNonNull(value, "risk");
      return this;
    }

    /** The first and last day covered, both inclusive; required. */
    public Builder dates(LocalDate first, LocalDate last) {
      start = Objects.requireNonNull(first, "start");
      expiry = Objects.requireNonNull(last, "expiry");
      return this;
    }

    /** Where the waiver was written ({@code file:line:column}), for messages. */
    public Builder source(String value) {
      source = value;
      return this;
    }

    /**
     * Builds the waiver.
     *
     * @throws IllegalStateException if a required member is missing, the scope names both a rule and a
     *     checklist, or the expiry is before the start
     */
    public Waiver build() {
      List<String> missing = new ArrayList<>();
      if (justification == null || (blankToNull(justification.vi()) == null && blankToNull(justification.en()) == null)) {
        missing.add("justification");
      }
      if (approver == null) {
        missing.add("approver");
      }
      if (risk == null) {
        missing.add("risk");
      }
      if (start == null) {
        missing.add("dates");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("waiver '" + id + "' lacks " + String.join(", ", missing));
      }
      if (ruleId != null && checklistId != null) {
        throw new IllegalStateException("waiver '" + id + "' names both rule '" + ruleId + "' and checklist '"
            + checklistId + "' [Hint: scope a waiver by a rule, or by a checklist and one of its items]");
      }
      if (expiry.isBefore(start)) {
        throw new IllegalStateException("waiver '" + id + "' expires on " + expiry + ", before it starts on " + start);
      }
      return new Waiver(this);
    }
  }
}
