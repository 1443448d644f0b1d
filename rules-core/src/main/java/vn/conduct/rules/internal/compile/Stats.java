package vn.conduct.rules.internal.compile;

import vn.conduct.rules.internal.condition.Cond;

/**
 * What an aggregate saw: how many elements, how many matched for certain, their sum, min and max,
 * and how many could not be decided (missing values).
 */
public final class Stats implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  public int elements;
  public int unknown;
  public int ones;
  public double sum;
  public double min = Double.POSITIVE_INFINITY;
  public double max = Double.NEGATIVE_INFINITY;
  /**
   * The sum in exact decimal, kept once a value with a fractional part is added (whole numbers
   * add exactly in a double up to 2^53): 0.1 + 0.2 is 0.3, as the format promises.
   */
  private java.math.BigDecimal exactSum;

  /** Adds one element's code: NaN for undecided, else the value (1/0 for count and share). */
  public void add(double code) {
    elements++;
    if (Double.isNaN(code)) {
      unknown++;
      return;
    }
    if (code == 1.0) {
      ones++;
    }
    if (exactSum != null || code != Math.rint(code)) {
      exactSum = (exactSum == null ? java.math.BigDecimal.valueOf(sum) : exactSum).add(java.math.BigDecimal.valueOf(code));
    }
    sum += code;
    min = Math.min(min, code);
    max = Math.max(max, code);
  }

  public Stats copy() {
    Stats copy = new Stats();
    copy.elements = elements;
    copy.unknown = unknown;
    copy.ones = ones;
    copy.sum = sum;
    copy.exactSum = exactSum;
    copy.min = min;
    copy.max = max;
    return copy;
  }

  /**
   * Three-valued truth of {@code agg op operands}. For count and share, undecided elements may
   * each go either way: the answer is TRUE (FALSE) when every possible count makes the comparison
   * hold (fail), and UNKNOWN otherwise. Sum, min and max are UNKNOWN with any undecided element.
   */
  public int truth(Cond.Agg agg, Cond.Op op, java.util.List<Cond.Operand> operands) {
    if (agg == Cond.Agg.COUNT || agg == Cond.Agg.SHARE) {
      if (agg == Cond.Agg.SHARE && elements == 0) {
        return Semantics.UNKNOWN;
      }
      boolean anyHolds = false;
      boolean anyFails = false;
      for (int k = ones; k <= ones + unknown; k++) {
        double value = agg == Cond.Agg.COUNT ? k : 100.0 * k / elements;
        if (Semantics.holds(op, operands, value)) {
          anyHolds = true;
        } else {
          anyFails = true;
        }
        if (anyHolds && anyFails) {
          return Semantics.UNKNOWN;
        }
      }
      return anyHolds ? Semantics.TRUE : Semantics.FALSE;
    }
    if (!known(agg)) {
      return Semantics.UNKNOWN;
    }
    return Semantics.holds(op, operands, value(agg)) ? Semantics.TRUE : Semantics.FALSE;
  }

  /** Whether the aggregate's value is known exactly. */
  public boolean known(Cond.Agg agg) {
    if (unknown > 0) {
      return false;
    }
    return switch (agg) {
      case COUNT, SUM -> true;
      case MIN, MAX, SHARE -> elements > 0;
    };
  }

  /** The aggregate's value; only meaningful when {@link #known}. */
  public double value(Cond.Agg agg) {
    return switch (agg) {
      case COUNT -> ones;
      case SUM -> exactSum != null ? exactSum.doubleValue() : sum;
      case MIN -> min;
      case MAX -> max;
      case SHARE -> elements == 0 ? Double.NaN : 100.0 * ones / elements;
    };
  }

  @Override
  public String toString() {
    return "Stats[n=" + elements + ", unknown=" + unknown + ", ones=" + ones + ", sum=" + sum + "]";
  }
}
