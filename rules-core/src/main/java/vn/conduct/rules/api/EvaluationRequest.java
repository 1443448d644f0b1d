package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The facts a host hands to {@link RulesEngine#evaluate}: subjects, observations, events, the two
 * times of the judgment, and optionally which packs (and which versions) to use.
 *
 * <p><b>Two times.</b> An evaluation judges a <em>period</em> (the span the acts and observations
 * belong to: a month, a year, any interval) and is made on a <em>decision date</em> (what was
 * recorded by then counts). Build a request for a period — the usual way for format 2 packs:
 *
 * <pre>{@code
 * EvaluationRequest.builder(Period.year(2025))          // judge 2025
 *     .decidedOn(LocalDate.of(2026, 1, 15))              // with what was recorded by 15 January 2026
 *     ...
 * }</pre>
 *
 * or for a date, as in format 1: {@code builder(LocalDate.of(2025, 6, 30))} judges, for each pack,
 * the calendar period of its natural unit that contains the date (a month for packs that declare
 * none), decided on that date. Without {@link Builder#decidedOn}, a request for a period is decided
 * on the period's last day. The pack versions used are those in force on the <em>reference
 * date</em>: the earlier of the period's last day and the decision date (rule-pack-format.md,
 * section 11).
 *
 * <p>Immutable; build one with {@link #builder(Period)} or {@link #builder(LocalDate)}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvaluationRequest {

  private final LocalDate asOf;
  private final Period period;
  private final boolean periodGiven;
  private final List<Subject> subjects;
  private final List<Observation> observations;
  private final List<Event> events;
  private final List<String> packIds;
  private final Map<String, String> pinnedVersions;
  private final List<Waiver> waivers;
  private final List<Decision> decisions;

  private EvaluationRequest(Builder builder) {
    this.period = builder.period != null ? builder.period : Period.monthOf(builder.asOf);
    this.periodGiven = builder.period != null;
    this.asOf = builder.asOf != null ? builder.asOf
        : builder.decidedOn != null ? builder.decidedOn : builder.period.end();
    this.subjects = List.copyOf(builder.subjects);
    this.observations = List.copyOf(builder.observations);
    this.events = List.copyOf(builder.events);
    this.packIds = List.copyOf(builder.packIds);
    this.pinnedVersions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.pinnedVersions));
    this.waivers = List.copyOf(builder.waivers);
    this.decisions = List.copyOf(builder.decisions);
  }

  /**
   * Starts a request evaluated as of the given date (format 1's way): each pack judges the
   * calendar period of its natural unit containing the date (the month, for packs that declare
   * none, unless {@link Builder#period} sets one), decided on that date.
   */
  public static Builder builder(LocalDate asOf) {
    return new Builder(Objects.requireNonNull(asOf, "asOf"), null);
  }

  /**
   * Starts a request judging the given period, decided on its last day unless
   * {@link Builder#decidedOn} says otherwise.
   *
   * @since 0.2
   */
  public static Builder builder(Period period) {
    return new Builder(null, Objects.requireNonNull(period, "period"));
  }

  /**
   * The decision date: what was recorded (events, observations) on or before it counts. For a
   * request built from a date, that date; for one built from a period, the date given to
   * {@link Builder#decidedOn}, else the period's last day.
   */
  public LocalDate asOf() {
    return asOf;
  }

  /**
   * The decision date; the same as {@link #asOf()}, under the name of the two-times model.
   *
   * @since 0.2
   */
  public LocalDate decisionDate() {
    return asOf;
  }

  /**
   * The period judged: the one given, or for a request built from a date without one, the calendar
   * month of that date (packs with a natural unit judge that unit's period containing the date
   * instead; see {@link #periodGiven()}).
   */
  public Period period() {
    return period;
  }

  /**
   * Whether the host gave the period ({@link #builder(Period)} or {@link Builder#period}); if not,
   * each pack judges the period of its natural unit containing {@link #asOf()}.
   *
   * @since 0.2
   */
  public boolean periodGiven() {
    return periodGiven;
  }

  /** The subjects, in the order given. */
  public List<Subject> subjects() {
    return subjects;
  }

  /** The observations, in the order given. */
  public List<Observation> observations() {
    return observations;
  }

  /** The events, in the order given. */
  public List<Event> events() {
    return events;
  }

  /** The packs to evaluate; empty means every registered pack. */
  public List<String> packIds() {
    return packIds;
  }

  /** Explicitly pinned versions by pack id; packs not named here use the version in force. */
  public Map<String, String> pinnedVersions() {
    return pinnedVersions;
  }

  /**
   * The waivers to apply, in the order given (the first that applies to a finding is the one it
   * carries); empty for none.
   *
   * @since 0.3
   */
  public List<Waiver> waivers() {
    return waivers;
  }

  /**
   * The contests, reviews and overrides to apply (specs/decision-format.md), in the order given; empty
   * for none.
   *
   * @since 0.3
   */
  public List<Decision> decisions() {
    return decisions;
  }

  /**
   * Returns a builder holding everything this request holds (its date, period, facts, packs, waivers and
   * pins), to derive a request that differs in a few points, e.g. one more {@link Builder#pack}.
   */
  public Builder toBuilder() {
    Builder builder = new Builder(asOf, null);
    builder.period = periodGiven ? period : null;
    builder.subjects.addAll(subjects);
    builder.observations.addAll(observations);
    builder.events.addAll(events);
    builder.packIds.addAll(packIds);
    builder.pinnedVersions.putAll(pinnedVersions);
    builder.waivers.addAll(waivers);
    builder.decisions.addAll(decisions);
    return builder;
  }

  /** Builds an {@link EvaluationRequest}; not thread-safe. */
  public static final class Builder {
    private LocalDate asOf;
    private Period period;
    private LocalDate decidedOn;
    private final List<Subject> subjects = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<String> packIds = new ArrayList<>();
    private final Map<String, String> pinnedVersions = new LinkedHashMap<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();

    private Builder(LocalDate asOf, Period period) {
      this.asOf = asOf;
      this.period = period;
    }

    /**
     * Sets the period judged.
     *
     * @throws IllegalStateException if the period was already set
     */
    public Builder period(Period value) {
      if (period != null) {
        throw new IllegalStateException("period was already set to " + period);
      }
      period = Objects.requireNonNull(value, "period");
      return this;
    }

    /**
     * Sets the decision date of a request built for a period: events and observations recorded
     * after it do not count. (A request built from a date is decided on that date.)
     *
     * @throws IllegalStateException if the request was built from a date, or the date was already set
     * @since 0.2
     */
    public Builder decidedOn(LocalDate date) {
      Objects.requireNonNull(date, "date");
      if (asOf != null) {
        throw new IllegalStateException("this request is evaluated as of " + asOf + ", its decision date;"
            + " build it with builder(Period) to set another");
      }
      if (decidedOn != null) {
        throw new IllegalStateException("decision date was already set to " + decidedOn);
      }
      decidedOn = date;
      return this;
    }

    /** Adds a subject. */
    public Builder subject(Subject subject) {
      subjects.add(Objects.requireNonNull(subject, "subject"));
      return this;
    }

    /** Adds subjects, in order. */
    public Builder subjects(Collection<Subject> values) {
      values.forEach(this::subject);
      return this;
    }

    /** Adds an observation. */
    public Builder observation(Observation observation) {
      observations.add(Objects.requireNonNull(observation, "observation"));
      return this;
    }

    /** Adds observations, in order. */
    public Builder observations(Collection<Observation> values) {
      values.forEach(this::observation);
      return this;
    }

    /** Adds an event. */
    public Builder event(Event event) {
      events.add(Objects.requireNonNull(event, "event"));
      return this;
    }

    /** Adds events, in order. */
    public Builder events(Collection<Event> values) {
      values.forEach(this::event);
      return this;
    }

    /** Restricts the evaluation to the given pack (may be called several times). */
    public Builder pack(String packId) {
      packIds.add(Objects.requireNonNull(packId, "packId"));
      return this;
    }

    /**
     * Uses the given version of a pack, whatever version is in force on the evaluation date.
     *
     * @throws IllegalStateException if a version of that pack was already pinned
     */
    public Builder pin(String packId, String version) {
      String previous = pinnedVersions.putIfAbsent(
          Objects.requireNonNull(packId, "packId"), Objects.requireNonNull(version, "version"));
      if (previous != null) {
        throw new IllegalStateException(
            "pack '" + packId + "' was already pinned to version " + previous);
      }
      return this;
    }

    /**
     * Adds a waiver (specs/waiver-format.md). The engine refuses, at evaluation, a waiver whose pack,
     * rule, checklist or item it does not know.
     *
     * @throws IllegalStateException if a waiver with the same id was already added
     * @since 0.3
     */
    public Builder waiver(Waiver waiver) {
      Objects.requireNonNull(waiver, "waiver");
      for (Waiver earlier : waivers) {
        if (earlier.id().equals(waiver.id())) {
          throw new IllegalStateException("waiver '" + waiver.id() + "' was already added"
              + earlier.source().map(s -> " (at " + s + ")").orElse("") + " [Hint: give each waiver its own id]");
        }
      }
      waivers.add(waiver);
      return this;
    }

    /**
     * Adds waivers, in order.
     *
     * @since 0.3
     */
    public Builder waivers(Collection<Waiver> values) {
      values.forEach(this::waiver);
      return this;
    }

    /**
     * Adds a decision (specs/decision-format.md). The engine refuses, at evaluation, a decision naming a
     * finding or checklist it does not have, or a review or override by someone without the authority.
     *
     * @throws IllegalStateException if a decision with the same id was already added
     * @since 0.3
     */
    public Builder decision(Decision decision) {
      Objects.requireNonNull(decision, "decision");
      for (Decision earlier : decisions) {
        if (earlier.id().equals(decision.id())) {
          throw new IllegalStateException("decision '" + decision.id() + "' was already added"
              + earlier.source().map(s -> " (at " + s + ")").orElse("") + " [Hint: give each decision its own id]");
        }
      }
      decisions.add(decision);
      return this;
    }

    /**
     * Adds decisions, in order.
     *
     * @since 0.3
     */
    public Builder decisions(Collection<Decision> values) {
      values.forEach(this::decision);
      return this;
    }

    /** Builds the immutable request. */
    public EvaluationRequest build() {
      return new EvaluationRequest(this);
    }
  }
}
