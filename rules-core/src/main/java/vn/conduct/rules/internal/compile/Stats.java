package vn.conduct.rules.internal.compile;

import java.math.BigDecimal;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionLanguage;

/**
 * What an aggregate saw: how many elements, how many matched for certain, the exact sum, least and
 * greatest of their values, and how many could not be decided (missing values). What the
 * aggregate then is, and whether it meets its comparison, is {@link ConditionLanguage.Aggregation}'s.
 */
public final class Stats implements java.io.Serializable, ConditionLanguage.Tally {

  private static final long serialVersionUID = 1L;

  /** An element that matches (count, share). */
  public static final Object MATCH = new Marker("match");
  /** An element that does not match (share). */
  public static final Object NO_MATCH = new Marker("no match");
  /** An element whose {@code where} or {@code of} value is unknown. */
  public static final Object UNDECIDED = new Marker("undecided");

  /** An element left out: its {@code where} is FALSE and the function does not keep such elements. */
  public static final Object SKIP = new Marker("skip");

  private record Marker(String name) implements java.io.Serializable { }

  public int elements;
  public int unknown;
  public int ones;
  private BigDecimal sum = BigDecimal.ZERO;
  private BigDecimal min;
  private BigDecimal max;

  /** Adds one element: {@link #MATCH}, {@link #NO_MATCH}, {@link #UNDECIDED} or the exact value of a matching element. */
  public void add(Object element) {
    if (element == SKIP) {
      return;
    }
    elements++;
    if (element == UNDECIDED) {
      unknown++;
    } else if (element == MATCH) {
      ones++;
    } else if (element instanceof BigDecimal value) {
      ones++;
      sum = ConditionLanguage.Aggregation.add(sum, value);
      min = min == null || value.compareTo(min) < 0 ? value : min;
      max = max == null || value.compareTo(max) > 0 ? value : max;
    }
  }

  public Stats copy() {
    Stats copy = new Stats();
    copy.elements = elements;
    copy.unknown = unknown;
    copy.ones = ones;
    copy.sum = sum;
    copy.min = min;
    copy.max = max;
    return copy;
  }

  /** Three-valued truth of {@code agg op operands} (resolved). */
  public int truth(ConditionLanguage.Aggregation agg, ConditionLanguage.Operator op,
      ConditionLanguage.Constants constants) {
    return agg.truth(this, op, constants);
  }

  /** Three-valued truth of an aggregate condition (resolved). */
  public int truth(Cond.Aggregate agg) {
    return truth(agg.agg(), agg.op(), Semantics.constants(agg));
  }

  @Override
  public int elements() {
    return elements;
  }

  @Override
  public int undecided() {
    return unknown;
  }

  @Override
  public int matches() {
    return ones;
  }

  @Override
  public BigDecimal sum() {
    return sum;
  }

  @Override
  public BigDecimal min() {
    return min;
  }

  @Override
  public BigDecimal max() {
    return max;
  }

  @Override
  public String toString() {
    return "Stats[n=" + elements + ", unknown=" + unknown + ", ones=" + ones + ", sum=" + sum + "]";
  }
}
