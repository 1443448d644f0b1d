package vn.conduct.rules.internal.facts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.conduct.rules.internal.model.DataType;

/**
 * Values a host hands over (facts, parameter overrides) read as the declared types, with the
 * bounds of facts-format.md, section 8: one definition for the fact intake and the planner.
 */
public final class HostValues {

  private HostValues() {
  }

  /** The largest magnitude a number fact may have (facts-format.md, section 8). */
  public static final double MAX_MAGNITUDE = 1e18;

  /** The most decimal places a number fact may have. */
  public static final int MAX_DECIMALS = 18;

  /** The most bits of an exact host number's digits (about 120 decimal digits). */
  private static final int MAX_NUMBER_BITS = 400;

  /**
   * Whether a number the host gave is written too long to read at a bounded cost: text longer than
   * {@link vn.conduct.rules.internal.condition.ConditionLanguage#MAX_NUMBER_LENGTH} characters, or an
   * exact number of more than about 120 digits. No valid fact comes near either (at most 18
   * integer digits and 18 decimals), and reading a million digits takes minutes.
   */
  public static boolean tooLong(Object value) {
    if (value instanceof CharSequence text) {
      return text.length() > vn.conduct.rules.internal.condition.ConditionLanguage.MAX_NUMBER_LENGTH;
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.unscaledValue().bitLength() > MAX_NUMBER_BITS;
    }
    if (value instanceof java.math.BigInteger integer) {
      return integer.bitLength() > MAX_NUMBER_BITS;
    }
    return false;
  }

  /**
   * The exact decimal of a number the host gave: a {@link java.math.BigDecimal} as is, integers
   * exactly, decimal text as written, and a binary double by its shortest decimal form.
   */
  public static java.math.BigDecimal decimal(Object value, double converted) {
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return java.math.BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof java.math.BigInteger integer) {
      return new java.math.BigDecimal(integer);
    }
    if (value instanceof CharSequence text) {
      try {
        return new java.math.BigDecimal(text.toString().trim());
      } catch (NumberFormatException e) {
        return java.math.BigDecimal.valueOf(converted);
      }
    }
    return java.math.BigDecimal.valueOf(converted);
  }

  /** A host value as text for a message: one line, at most 120 characters, never throwing. */
  public static String shown(Object value) {
    String text;
    try {
      text = String.valueOf(value);
    } catch (RuntimeException e) {
      return "(unreadable " + value.getClass().getSimpleName() + ")";
    }
    text = vn.conduct.rules.api.SafeText.line(text);
    return text.length() <= 120 ? text : text.substring(0, 100) + "… (" + text.length() + " characters)";
  }

  /**
   * A host value read as a number fact: its exact decimal (see {@link #decimal}), or {@code null} if it is
   * not a number, is written too long, is not finite, exceeds {@link #MAX_MAGNITUDE} or has more than
   * {@link #MAX_DECIMALS} decimals. Its {@code doubleValue()} is the double the host's value reads as.
   */
  public static java.math.BigDecimal number(Object value) {
    if (tooLong(value)) {
      return null;
    }
    double d;
    if (value instanceof Number number) {
      d = number.doubleValue();
    } else if (value instanceof CharSequence text) {
      try {
        d = Double.parseDouble(text.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    if (!Double.isFinite(d) || Math.abs(d) > MAX_MAGNITUDE) {
      return null;
    }
    java.math.BigDecimal exact = decimal(value, d);
    // stripping zeros only lowers the scale: most numbers need no stripping to pass (it costs an allocation)
    return exact.scale() > MAX_DECIMALS && exact.stripTrailingZeros().scale() > MAX_DECIMALS ? null : exact;
  }

  /** Converts a host value to the declared type: String, Double, Boolean or LocalDate; else {@code null}. */
  public static Object convert(Object value, DataType type) {
    switch (type) {
      case STRING -> {
        return value instanceof CharSequence text ? vn.conduct.rules.internal.model.Nfc.of(text)
            : null;
      }
      case NUMBER -> {
        java.math.BigDecimal exact = number(value);
        return exact == null ? null : exact.doubleValue();
      }
      case BOOLEAN -> {
        if (value instanceof Boolean b) {
          return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
          return Boolean.valueOf((String) value);
        }
        return null;
      }
      default -> {
        if (value instanceof LocalDate date) {
          return date;
        }
        if (value instanceof CharSequence text) {
          try {
            return LocalDate.parse(text);
          } catch (DateTimeParseException e) {
            return null;
          }
        }
        return null;
      }
    }
  }
}
