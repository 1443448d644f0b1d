package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A value observed for one of a subject's indicators: a measured figure or a checklist answer.
 *
 * <p>When several observations of the same indicator exist, the latest one on or before the
 * reference date and recorded by the decision date is used; observations dated after it are ignored.
 * An observation without a date counts as made on the reference date (the end of the period judged,
 * or the decision date if that comes first). Format 2 packs may also ask that it be fresh
 * ({@code fresh-within}, by default the period judged) and within a range.
 *
 * @param subjectId the subject observed; never {@code null}
 * @param indicator the indicator, as declared for the subject's type; never {@code null}
 * @param value the value (string, number, boolean or date); {@code null} means "not observed"
 * @param observedBy who observed it, or {@code null}
 * @param observedOn when, or {@code null} (treated as the evaluation date)
 * @param method how (e.g. {@code inspection}, {@code survey}, {@code self-report}), or {@code null}
 * @param recordedOn when the observation was recorded, or {@code null} for "when it was made": an
 *     evaluation decided before this date does not use it (since 0.2)
 * @param evidence how it is known (since 0.3): never {@code null}; its method, recording date and
 *     recorder agree with {@code method}, {@code recordedOn} and {@code observedBy}, which fill them in
 *     when the evidence does not say (an {@code observedBy} becomes a recorder with that id)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Observation(
    String subjectId,
    String indicator,
    Object value,
    String observedBy,
    LocalDate observedOn,
    String method,
    LocalDate recordedOn,
    Evidence evidence) {

  /** An observation with no evidence beyond its observer, method and recording date (the form of 0.2). */
  public Observation(String subjectId, String indicator, Object value, String observedBy, LocalDate observedOn,
      String method, LocalDate recordedOn) {
    this(subjectId, indicator, value, observedBy, observedOn, method, recordedOn, null);
  }

  /** An observation recorded when it was made (the form of 0.1). */
  public Observation(String subjectId, String indicator, Object value, String observedBy, LocalDate observedOn,
      String method) {
    this(subjectId, indicator, value, observedBy, observedOn, method, null);
  }

  public Observation {
    subjectId = Unicode.nfc(Objects.requireNonNull(subjectId, "subjectId"));
    indicator = Unicode.nfc(Objects.requireNonNull(indicator, "indicator"));
    value = Unicode.nfcValue(value);
    evidence = Evidence.merge(evidence, method, recordedOn, "observation of '" + SafeText.line(indicator) + "'");
    if (observedBy != null && !observedBy.isBlank() && evidence.recordedBy() == null) {
      evidence = evidence.withRecordedBy(new Evidence.Recorder(observedBy, null));
    } else if ((observedBy == null || observedBy.isBlank()) && evidence.recordedBy() != null) {
      observedBy = evidence.recordedBy().id() != null ? evidence.recordedBy().id() : evidence.recordedBy().role();
    }
    method = evidence.method();
    recordedOn = evidence.recordedOn();
  }

  /** Returns a copy with the given evidence (its method and recording date replace this one's). @since 0.3 */
  public Observation withEvidence(Evidence given) {
    return new Observation(subjectId, indicator, value, given == null || given.recordedBy() == null ? observedBy : null,
        observedOn, null, null, given);
  }

  /** Returns a copy recorded on the given date. @since 0.2 */
  public Observation withRecordedOn(LocalDate recorded) {
    return new Observation(subjectId, indicator, value, observedBy, observedOn, method, null,
        evidence.withRecordedOn(recorded));
  }

  /** Returns a copy observed on the given date. @since 0.2 */
  public Observation withObservedOn(LocalDate observed) {
    return new Observation(subjectId, indicator, value, observedBy, observed, method, recordedOn, evidence);
  }

  /** Returns an observation with no observer, date or method. */
  public static Observation of(String subjectId, String indicator, Object value) {
    return new Observation(subjectId, indicator, value, null, null, null);
  }
}
