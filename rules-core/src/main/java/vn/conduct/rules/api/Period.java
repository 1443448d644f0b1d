package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A closed range of dates, such as the month or year being evaluated.
 *
 * @param start the first day, inclusive
 * @param end the last day, inclusive
 * @since 0.1
 */
public record Period(LocalDate start, LocalDate end) {

  public Period {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "Period end " + end + " is before its start " + start);
    }
  }

  /** Returns whether {@code date} lies within this period. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** Returns the calendar month containing {@code date}. */
  public static Period monthOf(LocalDate date) {
    return new Period(date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth()));
  }

  /** Returns the calendar year containing {@code date}. */
  public static Period yearOf(LocalDate date) {
    return new Period(date.withDayOfYear(1), date.withDayOfYear(date.lengthOfYear()));
  }
}
