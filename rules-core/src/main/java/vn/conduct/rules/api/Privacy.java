package vn.conduct.rules.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a pseudonymised report masked and how (report-format.md, section 14.1): the personal data the
 * packs mark, that the method is a keyed HMAC-SHA256, whether the key was the host's or drawn for this
 * report, whether names of people were kept, and how many distinct values were replaced. Every writer of
 * a report carrying one states it ({@link Report#privacy()}).
 *
 * <p>Immutable. Built by {@code vn.conduct.rules.io.Pseudonyms#apply(Report)}.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Privacy {

  /** The method, as every format names it. */
  public static final String METHOD = "HMAC-SHA256";

  private final PersonalData masked;
  private final boolean randomKey;
  private final boolean namesKept;
  private final int maskedValues;

  private Privacy(PersonalData masked, boolean randomKey, boolean namesKept, int maskedValues) {
    this.masked = Objects.requireNonNull(masked, "masked");
    if (maskedValues < 0) {
      throw new IllegalArgumentException("masked values cannot be negative: " + maskedValues);
    }
    this.randomKey = randomKey;
    this.namesKept = namesKept;
    this.maskedValues = maskedValues;
  }

  /**
   * A statement; for {@code Pseudonyms} and for tests of code that reads reports.
   *
   * @param masked what the packs mark personal, hence what was masked
   * @param randomKey whether the key was drawn for this report (its pseudonyms match no other report's)
   * @param namesKept whether names of people were kept, as the caller asked
   * @param maskedValues how many distinct values were replaced
   */
  public static Privacy of(PersonalData masked, boolean randomKey, boolean namesKept, int maskedValues) {
    return new Privacy(masked, randomKey, namesKept, maskedValues);
  }

  /** The personal data the packs mark: the subject types and attributes masked. */
  public PersonalData masked() {
    return masked;
  }

  /** Whether the key was drawn for this report only: its pseudonyms match those of no other report. */
  public boolean randomKey() {
    return randomKey;
  }

  /** Whether the names of people were kept (the caller asked); otherwise they are left out. */
  public boolean namesKept() {
    return namesKept;
  }

  /** How many distinct values (ids, attribute values) were replaced by pseudonyms. */
  public int maskedValues() {
    return maskedValues;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Privacy that && masked.equals(that.masked) && randomKey == that.randomKey
        && namesKept == that.namesKept && maskedValues == that.maskedValues;
  }

  @Override
  public int hashCode() {
    return Objects.hash(masked, randomKey, namesKept, maskedValues);
  }

  @Override
  public String toString() {
    return "Privacy[" + METHOD + ", " + (randomKey ? "random key" : "host's key") + ", names "
        + (namesKept ? "kept" : "left out") + ", " + maskedValues + " values masked, " + masked + "]";
  }
}
