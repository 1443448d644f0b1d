package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One act in the history of a finding or a checklist result (specs/decision-format.md): a
 * <em>contest</em> by the subject, a <em>review</em> by an authority, or an <em>override</em> by an
 * authority that sets a new outcome, an item's points, or a score adjustment.
 *
 * <pre>{@code
 * Decision override = Decision.builder("d-3", Decision.Kind.OVERRIDE, "cb-013")
 *     .rule("hanoi-3814", "hn3814.working-time")
 *     .period(Period.month(2025, 6))
 *     .date(LocalDate.of(2025, 7, 8))
 *     .by(Decision.Actor.of("cb-001", "Phan Trọng Kiên", "unit-head"))
 *     .reason(LocalizedText.of("Đi muộn do được cử đi họp", "Late because sent to a meeting"))
 *     .outcome(Outcome.PASS)
 *     .build();
 * }</pre>
 *
 * <p>The engine refuses, at evaluation, a decision naming a finding or checklist it does not have, and
 * a review or override by someone who does not hold, for that subject, an authority the pack declares
 * (rule-pack-format.md, {@code authorities}); never the subject itself. Immutable and thread-safe.
 * Read decision files with {@link vn.conduct.rules.io.DecisionsFile}.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Decision {

  /** What the act is. */
  public enum Kind {
    /** The subject disputes the result; changes nothing, shows the result as contested until reviewed. */
    CONTEST,
    /** An authority looked at the result; without an override it stands (upheld). */
    REVIEW,
    /** An authority set a new outcome, an item's points or a score adjustment. */
    OVERRIDE
  }

  /**
   * Who acted: an id (a subject of the facts, so that the engine can check the role), a name, and the
   * role claimed. Immutable.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Actor {
    private final String id;
    private final String name;
    private final String role;

    private Actor(String id, String name, String role) {
      this.id = Objects.requireNonNull(blankToNull(id), "an actor needs an id");
      this.name = blankToNull(name);
      this.role = Objects.requireNonNull(blankToNull(role), "an actor needs a role");
    }

    /**
     * An actor.
     *
     * @param id the subject id of the person; never blank
     * @param name the name, or {@code null}
     * @param role the role claimed (e.g. {@code unit-head}, {@code subject}); never blank
     */
    public static Actor of(String id, String name, String role) {
      return new Actor(Unicode.nfc(id), name == null ? null : Unicode.nfc(name), Unicode.nfc(role));
    }

    /** The person's subject id. */
    public String id() {
      return id;
    }

    /** The person's name, or {@code null}. */
    public String name() {
      return name;
    }

    /** The role claimed. */
    public String role() {
      return role;
    }

    /** The name and id, e.g. {@code Phan Trọng Kiên (cb-001)}, or the id. */
    public String label() {
      return name == null ? id : name + " (" + id + ")";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Actor that && id.equals(that.id) && Objects.equals(name, that.name)
          && role.equals(that.role);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, name, role);
    }

    @Override
    public String toString() {
      return "Actor[" + label() + ", " + role + "]";
    }
  }

  private final String id;
  private final Kind kind;
  private final String subjectId;
  private final String packId;
  private final String ruleId;
  private final String checklistId;
  private final String itemId;
  private final Period period;
  private final LocalDate date;
  private final Actor by;
  private final LocalizedText reason;
  private final Outcome outcome;
  private final BigDecimal points;
  private final BigDecimal adjustment;
  private final String source;

  private Decision(Builder b) {
    this.id = b.id;
    this.kind = b.kind;
    this.subjectId = b.subjectId;
    this.packId = b.packId;
    this.ruleId = b.ruleId;
    this.checklistId = b.checklistId;
    this.itemId = b.itemId;
    this.period = b.period;
    this.date = b.date;
    this.by = b.by;
    this.reason = b.reason;
    this.outcome = b.outcome;
    this.points = b.points;
    this.adjustment = b.adjustment;
    this.source = b.source;
  }

  /** Starts a decision about a subject; name its target with {@link Builder#rule}, {@link Builder#item} or {@link Builder#checklist}. */
  public static Builder builder(String id, Kind kind, String subjectId) {
    return new Builder(id, kind, subjectId);
  }

  /** The decision's id, unique within the decisions of an evaluation. */
  public String id() {
    return id;
  }

  /** Contest, review or override. */
  public Kind kind() {
    return kind;
  }

  /** The subject whose finding or result this is about. */
  public String subjectId() {
    return subjectId;
  }

  /** The pack of the finding or checklist. */
  public String packId() {
    return packId;
  }

  /** The rule whose finding this is about, if the target is a rule finding. */
  public Optional<String> ruleId() {
    return Optional.ofNullable(ruleId);
  }

  /** The checklist whose item or score this is about, if the target is a checklist result. */
  public Optional<String> checklistId() {
    return Optional.ofNullable(checklistId);
  }

  /** The item (by its rule id) of {@link #checklistId()}, if the target is one item; empty for the score. */
  public Optional<String> itemId() {
    return Optional.ofNullable(itemId);
  }

  /** The period judged that the finding or result belongs to. */
  public Period period() {
    return period;
  }

  /** The day of the act. */
  public LocalDate date() {
    return date;
  }

  /** Who acted. */
  public Actor by() {
    return by;
  }

  /** Why. */
  public LocalizedText reason() {
    return reason;
  }

  /** The outcome an override sets (a rule finding or a checklist item), if it sets one. */
  public Optional<Outcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** The points an override gives a checklist item, if it gives them. */
  public Optional<BigDecimal> points() {
    return Optional.ofNullable(points);
  }

  /** The points an override adds to (or, negative, takes off) a checklist score, if it adjusts it. */
  public Optional<BigDecimal> adjustment() {
    return Optional.ofNullable(adjustment);
  }

  /** Where the decision was written ({@code file:line:column}), if it was read from a file. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The target in words: {@code hanoi-3814 rule hn3814.working-time}, {@code hanoi-3814/hn3814-monthly item r}, {@code … score}. */
  public String targetText() {
    if (ruleId != null) {
      return packId + " rule " + ruleId;
    }
    return packId + "/" + checklistId + (itemId != null ? " item " + itemId : " score");
  }

  /** What the act did, in English, e.g. {@code override → PASS}, {@code override +2 points}, {@code contest}. */
  public String effectText() {
    if (kind != Kind.OVERRIDE) {
      return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
    if (outcome != null) {
      return "override → " + outcome;
    }
    if (points != null) {
      return "override → " + plain(points) + " points";
    }
    return "override " + (adjustment.signum() >= 0 ? "+" : "") + plain(adjustment) + " points";
  }

  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Decision that && id.equals(that.id) && kind == that.kind
        && subjectId.equals(that.subjectId) && packId.equals(that.packId) && Objects.equals(ruleId, that.ruleId)
        && Objects.equals(checklistId, that.checklistId) && Objects.equals(itemId, that.itemId)
        && period.equals(that.period) && date.equals(that.date) && by.equals(that.by) && reason.equals(that.reason)
        && outcome == that.outcome && Objects.equals(points, that.points)
        && Objects.equals(adjustment, that.adjustment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, kind, subjectId, packId, ruleId, checklistId, itemId, date);
  }

  @Override
  public String toString() {
    return "Decision[" + id + ": " + effectText() + ", " + subjectId + " " + targetText() + " " + period + ", "
        + date + ", by " + by.label() + " (" + by.role() + ")]";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Builds a {@link Decision}; not thread-safe. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Builder {
    private final String id;
    private final Kind kind;
    private final String subjectId;
    private String packId;
    private String ruleId;
    private String checklistId;
    private String itemId;
    private Period period;
    private LocalDate date;
    private Actor by;
    private LocalizedText reason;
    private Outcome outcome;
    private BigDecimal points;
    private BigDecimal adjustment;
    private String source;

    private Builder(String id, Kind kind, String subjectId) {
      this.id = Unicode.nfc(Objects.requireNonNull(id, "id"));
      this.kind = Objects.requireNonNull(kind, "kind");
      this.subjectId = Unicode.nfc(Objects.requireNonNull(subjectId, "subjectId"));
    }

    /** The target is the finding of a rule. */
    public Builder rule(String pack, String rule) {
      packId = Unicode.nfc(Objects.requireNonNull(pack, "pack"));
      ruleId = Unicode.nfc(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** The target is one item (by its rule id) of a checklist. */
    public Builder item(String pack, String checklist, String item) {
      checklist(pack, checklist);
      itemId = Unicode.nfc(Objects.requireNonNull(item, "item"));
      return this;
    }

    /** The target is a checklist's score. */
    public Builder checklist(String pack, String checklist) {
      packId = Unicode.nfc(Objects.requireNonNull(pack, "pack"));
      checklistId = Unicode.nfc(Objects.requireNonNull(checklist, "checklist"));
      return this;
    }

    /** The period judged; required. */
    public Builder period(Period value) {
      period = Objects.requireNonNull(value, "period");
      return this;
    }

    /** The day of the act; required. */
    public Builder date(LocalDate value) {
      date = Objects.requireNonNull(value, "date");
      return this;
    }

    /** Who acted; required. */
    public Builder by(Actor value) {
      by = Objects.requireNonNull(value, "by");
      return this;
    }

    /** Why; required. */
    public Builder reason(LocalizedText value) {
      reason = Objects.requireNonNull(value, "reason");
      return this;
    }

    /** The outcome an override sets (rule or item targets). */
    public Builder outcome(Outcome value) {
      outcome = Objects.requireNonNull(value, "outcome");
      return this;
    }

    /** The points an override gives an item (item targets). */
    public Builder points(BigDecimal value) {
      points = Objects.requireNonNull(value, "points");
      return this;
    }

    /** The points an override adds to a checklist score (checklist targets); negative takes off. */
    public Builder adjustment(BigDecimal value) {
      adjustment = Objects.requireNonNull(value, "adjustment");
      return this;
    }

    /** Where the decision was written ({@code file:line:column}), for messages. */
    public Builder source(String value) {
      source = value;
      return this;
    }

    /**
     * Builds the decision.
     *
     * @throws IllegalStateException naming what is missing or contradictory: no target, period, date,
     *     actor or reason; an override that sets nothing or more than one thing, or a thing its target
     *     cannot take; a contest or review that sets something; a contest not by the subject
     */
    public Decision build() {
      List<String> problems = new ArrayList<>(Decision.problems(kind, subjectId, packId, ruleId, checklistId, itemId,
          by, outcome, points, adjustment));
      List<String> missing = new ArrayList<>();
      if (period == null) {
        missing.add("period");
      }
      if (date == null) {
        missing.add("date");
      }
      if (by == null) {
        missing.add("by");
      }
      if (reason == null || (blankToNull(reason.vi()) == null && blankToNull(reason.en()) == null)) {
        missing.add("reason");
      }
      if (!missing.isEmpty()) {
        problems.add(0, "lacks " + String.join(", ", missing));
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("decision '" + id + "' " + String.join("; ", problems));
      }
      return new Decision(this);
    }
  }

  /**
   * What is contradictory in a decision's target and payload (the rules of decision-format.md,
   * section 3), each as a phrase; empty when none. Shared by the builder and the file reader.
   */
  static List<String> problems(Kind kind, String subjectId, String packId, String ruleId, String checklistId,
      String itemId, Actor by, Outcome outcome, BigDecimal points, BigDecimal adjustment) {
    List<String> problems = new ArrayList<>();
    if (packId == null) {
      problems.add("names no target (a rule, a checklist item or a checklist)");
    } else if (ruleId != null && checklistId != null) {
      problems.add("names both rule '" + ruleId + "' and checklist '" + checklistId + "'");
    }
    int set = (outcome != null ? 1 : 0) + (points != null ? 1 : 0) + (adjustment != null ? 1 : 0);
    if (kind != Kind.OVERRIDE && set > 0) {
      problems.add("is a " + kind.name().toLowerCase(java.util.Locale.ROOT)
          + ": only an override sets an outcome, points or an adjustment");
    }
    if (kind == Kind.OVERRIDE && packId != null) {
      if (set != 1) {
        problems.add("is an override that must set exactly one of outcome, points, adjustment (it sets " + set + ")");
      } else if (ruleId != null && outcome == null) {
        problems.add("overrides a rule finding: it sets an outcome (points and adjustments are for checklists)");
      } else if (checklistId != null && itemId != null && adjustment != null) {
        problems.add("overrides a checklist item: it sets an outcome or points (an adjustment is for the score)");
      } else if (checklistId != null && itemId == null && adjustment == null) {
        problems.add("overrides a checklist score: it sets an adjustment (outcomes and points are for items)");
      }
      if (outcome == Outcome.ERROR) {
        problems.add("sets outcome ERROR: an override sets PASS, FAIL, NOT_APPLICABLE or UNKNOWN");
      }
      if (points != null && points.signum() < 0) {
        problems.add("gives negative points " + plain(points));
      }
    }
    if (kind == Kind.CONTEST && by != null && !by.id().equals(subjectId)) {
      problems.add("is a contest by '" + by.id() + "': a contest is made by the subject itself ('" + subjectId + "')");
    }
    return problems;
  }
}
