package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What produced a report: the engine version, the two times of the judgment (the period judged
 * and the decision date), and each pack version used with the period it judged and why it was
 * chosen.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Provenance {

  private final String engineVersion;
  private final LocalDate decisionDate;
  private final Period period;
  private final boolean periodGiven;
  private final List<PackUse> packs;
  private final List<LocalizedText> notes;
  private final PersonalData personalData;

  private Provenance(String engineVersion, LocalDate decisionDate, Period period, boolean periodGiven,
      List<PackUse> packs, List<LocalizedText> notes, PersonalData personalData) {
    this.personalData = Objects.requireNonNull(personalData, "personalData");
    this.engineVersion = Objects.requireNonNull(engineVersion, "engineVersion");
    this.decisionDate = Objects.requireNonNull(decisionDate, "decisionDate");
    this.period = Objects.requireNonNull(period, "period");
    this.periodGiven = periodGiven;
    this.packs = List.copyOf(packs);
    this.notes = List.copyOf(notes);
  }

  /**
   * Creates a provenance; for the engine and for tests of code that reads reports.
   *
   * @param period the period the request gave, or the month of the decision date if it gave none
   * @param periodGiven whether the request gave the period
   * @param notes what else the reader should know, e.g. a pack left out because it judges another
   *     kind of period
   * @since 0.2
   */
  public static Provenance of(String engineVersion, LocalDate decisionDate, Period period, boolean periodGiven,
      List<PackUse> packs, List<LocalizedText> notes) {
    return new Provenance(engineVersion, decisionDate, period, periodGiven, packs, notes, PersonalData.NONE);
  }

  /**
   * This provenance with what the packs used mark as personal data.
   *
   * @since 0.3
   */
  public Provenance withPersonalData(PersonalData value) {
    return new Provenance(engineVersion, decisionDate, period, periodGiven, packs, notes, value);
  }

  /**
   * What the packs used mark as personal data (subject types that are people, attributes that identify
   * one); {@link PersonalData#NONE} if nothing. Exported reports pseudonymise it.
   *
   * @since 0.3
   */
  public PersonalData personalData() {
    return personalData;
  }

  /** The version of rules-core. */
  public String engineVersion() {
    return engineVersion;
  }

  /** The decision date (format 1's "evaluation date"); the same as {@link #decisionDate()}. */
  public LocalDate asOf() {
    return decisionDate;
  }

  /** The decision date: what was recorded by then counted. @since 0.2 */
  public LocalDate decisionDate() {
    return decisionDate;
  }

  /**
   * The period the request gave; without one, the calendar month of the decision date. Each pack
   * states the period it judged in {@link PackUse#period()}.
   */
  public Period period() {
    return period;
  }

  /** Whether the request gave the period. @since 0.2 */
  public boolean periodGiven() {
    return periodGiven;
  }

  /** The packs used, ordered by id. */
  public List<PackUse> packs() {
    return packs;
  }

  /**
   * Notes on the evaluation: packs left out because they judge another kind of period than the one
   * given. Empty when there is nothing to say. @since 0.2
   */
  public List<LocalizedText> notes() {
    return notes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Provenance p && engineVersion.equals(p.engineVersion)
        && decisionDate.equals(p.decisionDate) && period.equals(p.period) && periodGiven == p.periodGiven
        && packs.equals(p.packs) && notes.equals(p.notes) && personalData.equals(p.personalData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(engineVersion, decisionDate, period, periodGiven, packs, notes, personalData);
  }

  @Override
  public String toString() {
    return "Provenance[engine " + engineVersion + ", decided " + decisionDate + ", period " + period + ", packs "
        + packs + "]";
  }
}
