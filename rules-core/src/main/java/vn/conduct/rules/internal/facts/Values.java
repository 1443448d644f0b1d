package vn.conduct.rules.internal.facts;

/**
 * Field values of a fact, by slot: numbers (booleans as 1/0, dates as epoch days) and strings.
 * A number is kept twice: as a double for fast comparisons, and as the exact decimal the host gave,
 * for comparisons the double cannot decide and for arithmetic (scores, sums).
 */
public abstract class Values {

  public final double[] num;
  /** The exact value of each number slot; {@code null} for other types and missing values. */
  public final java.math.BigDecimal[] dec;
  public final String[] str;
  public final boolean[] present;

  private static final double[] NO_NUMBERS = {};
  private static final java.math.BigDecimal[] NO_DECIMALS = {};
  private static final String[] NO_STRINGS = {};
  private static final boolean[] NOTHING_PRESENT = {};

  protected Values(int slots) {
    // facts without fields (most events) share empty arrays
    num = slots == 0 ? NO_NUMBERS : new double[slots];
    dec = slots == 0 ? NO_DECIMALS : new java.math.BigDecimal[slots];
    str = slots == 0 ? NO_STRINGS : new String[slots];
    present = slots == 0 ? NOTHING_PRESENT : new boolean[slots];
  }

  /** The value in a slot as the host gave it, for explanations; {@code null} if missing. */
  public Object display(int slot, vn.conduct.rules.internal.model.DataType type) {
    if (!present[slot]) {
      return null;
    }
    return switch (type) {
      case STRING -> str[slot];
      case BOOLEAN -> num[slot] != 0;
      case DATE -> java.time.LocalDate.ofEpochDay((long) num[slot]);
      case NUMBER -> dec[slot] != null ? dec[slot] : num[slot];
    };
  }
}
