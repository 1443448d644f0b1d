package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A value observed for one of a subject's indicators: a measured figure or a checklist answer.
 *
 * <p>When several observations of the same indicator exist, the latest one on or before the
 * evaluation date is used; observations dated after it are ignored.
 *
 * @param subjectId the subject observed; never {@code null}
 * @param indicator the indicator, as declared for the subject's type; never {@code null}
 * @param value the value (string, number, boolean or date); {@code null} means "not observed"
 * @param observedBy who observed it, or {@code null}
 * @param observedOn when, or {@code null} (treated as the evaluation date)
 * @param method how (e.g. {@code inspection}, {@code survey}, {@code self-report}), or {@code null}
 * @since 0.1
 */
public record Observation(
    String subjectId,
    String indicator,
    Object value,
    String observedBy,
    LocalDate observedOn,
    String method) {

  public Observation {
    subjectId = Unicode.nfc(Objects.requireNonNull(subjectId, "subjectId"));
    indicator = Unicode.nfc(Objects.requireNonNull(indicator, "indicator"));
    value = Unicode.nfcValue(value);
  }

  /** Returns an observation with no observer, date or method. */
  public static Observation of(String subjectId, String indicator, Object value) {
    return new Observation(subjectId, indicator, value, null, null, null);
  }
}
