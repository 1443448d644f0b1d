package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One fact a finding rests on, with its evidence: an observation that gave a value the rule read, or
 * an event of a type the rule counts (specs/report-format.md, "facts"). Facts a rule did not count
 * are listed too, with the reason ({@link Use}), so that a reader sees what was set aside.
 *
 * @param kind observation or event
 * @param subjectId the subject the fact is about (the finding's subject, or one of its members)
 * @param name the indicator observed, or the event type
 * @param eventId the event's id, or {@code null} (always {@code null} for observations)
 * @param value the observed value, or {@code null} (always {@code null} for events)
 * @param date when it was observed or happened; {@code null} for an undated observation
 * @param verified whether an event was verified ({@code true} for observations)
 * @param evidence how it is known; never {@code null}
 * @param use whether the rule counted it, and if not, why
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record FindingFact(Kind kind, String subjectId, String name, String eventId, Object value, LocalDate date,
    boolean verified, Evidence evidence, Use use) {

  /** What kind of fact it is. */
  public enum Kind {
    /** An observation of an indicator. */
    OBSERVATION,
    /** An event. */
    EVENT;

    /** The word used in reports: {@code observation}, {@code event}. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether the rule counted the fact. */
  public enum Use {
    /** Counted: the observation gave the value read, or the event was counted. */
    USED("used"),
    /** Not counted: an event that is not verified, for a rule that counts verified events only. */
    NOT_VERIFIED("not-verified"),
    /** Not counted: recorded by a method the rule does not accept (or by no method). */
    METHOD_NOT_ACCEPTED("method-not-accepted");

    private final String key;

    Use(String key) {
      this.key = key;
    }

    /** The word used in reports: {@code used}, {@code not-verified}, {@code method-not-accepted}. */
    public String key() {
      return key;
    }
  }

  public FindingFact {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(name, "name");
    evidence = evidence == null ? Evidence.NONE : evidence;
    Objects.requireNonNull(use, "use");
  }

  /** The fact an observation gives. */
  public static FindingFact of(Observation observation, Use use) {
    return new FindingFact(Kind.OBSERVATION, observation.subjectId(), observation.indicator(), null,
        observation.value(), observation.observedOn(), true, observation.evidence(), use);
  }

  /** The fact an event gives. */
  public static FindingFact of(Event event, Use use) {
    return new FindingFact(Kind.EVENT, event.subjectId(), event.type(), event.id(), null, event.date(),
        event.verified(), event.evidence(), use);
  }

  /** Whether the rule counted it. */
  public boolean used() {
    return use == Use.USED;
  }
}
