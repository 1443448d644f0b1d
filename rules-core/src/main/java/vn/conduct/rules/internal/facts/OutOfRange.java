package vn.conduct.rules.internal.facts;

import java.math.BigDecimal;

/** An indicator value outside its declared range (format 2), kept to explain the rules that read it. */
public record OutOfRange(BigDecimal value, BigDecimal min, BigDecimal max) {

  /** The range as written in messages: {@code 0–30}, {@code …–30}, {@code 0–…}. */
  public String range() {
    return (min == null ? "…" : min.toPlainString()) + "–" + (max == null ? "…" : max.toPlainString());
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}
