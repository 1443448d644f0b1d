package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facts a host hands to {@link RulesEngine#evaluate}: subjects, observations, events, the
 * evaluation date and period, and optionally which packs (and which versions) to use.
 *
 * <p>Immutable; build one with {@link #builder(LocalDate)}.
 *
 * @since 0.1
 */
public final class EvaluationRequest {

  private final LocalDate asOf;
  private final Period period;
  private final List<Subject> subjects;
  private final List<Observation> observations;
  private final List<Event> events;
  private final List<String> packIds;
  private final Map<String, String> pinnedVersions;

  private EvaluationRequest(Builder builder) {
    this.asOf = builder.asOf;
    this.period = builder.period != null ? builder.period : Period.monthOf(builder.asOf);
    this.subjects = List.copyOf(builder.subjects);
    this.observations = List.copyOf(builder.observations);
    this.events = List.copyOf(builder.events);
    this.packIds = List.copyOf(builder.packIds);
    this.pinnedVersions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.pinnedVersions));
  }

  /** Starts a request evaluated as of the given date. */
  public static Builder builder(LocalDate asOf) {
    return new Builder(asOf);
  }

  /** The evaluation date: rules' time windows end here and pack versions are chosen by it. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The period evaluated; defaults to the calendar month of {@link #asOf()}. */
  public Period period() {
    return period;
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

  /** Builds an {@link EvaluationRequest}; not thread-safe. */
  /**
   * Returns a builder holding everything this request holds (its date, period, facts, packs and
   * pins), to derive a request that differs in a few points, e.g. one more {@link Builder#pack}.
   */
  public Builder toBuilder() {
    Builder builder = new Builder(asOf);
    builder.period = period;
    builder.subjects.addAll(subjects);
    builder.observations.addAll(observations);
    builder.events.addAll(events);
    builder.packIds.addAll(packIds);
    builder.pinnedVersions.putAll(pinnedVersions);
    return builder;
  }

  /** Builds an {@link EvaluationRequest}; not thread-safe. */
  public static final class Builder {
    private final LocalDate asOf;
    private Period period;
    private final List<Subject> subjects = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<String> packIds = new ArrayList<>();
    private final Map<String, String> pinnedVersions = new LinkedHashMap<>();

    private Builder(LocalDate asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Sets the evaluated period.
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

    /** Builds the immutable request. */
    public EvaluationRequest build() {
      return new EvaluationRequest(this);
    }
  }
}
