package vn.conduct.rules.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A closed range of dates: the period judged, such as a month, a quarter or a year.
 *
 * <pre>{@code
 * Period.year(2025);                  // 2025-01-01 .. 2025-12-31
 * Period.month(2025, 6);              // 2025-06-01 .. 2025-06-30
 * Period.quarter(2025, 2);            // 2025-04-01 .. 2025-06-30
 * Period.of(from, to);                // any interval, both days inclusive
 * Period.parse("2025-01-01/2025-06-30");
 * }</pre>
 *
 * @param start the first day, inclusive
 * @param end the last day, inclusive
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Period(LocalDate start, LocalDate end) {

  /** The calendar units a pack or checklist may judge by (its natural period). */
  public enum Unit {
    /** A calendar month. */
    MONTH,
    /** A calendar quarter: January–March, April–June, July–September, October–December. */
    QUARTER,
    /** A calendar year. */
    YEAR;

    /** The period of this unit that contains {@code date}. */
    public Period containing(LocalDate date) {
      Objects.requireNonNull(date, "date");
      return switch (this) {
        case MONTH -> monthOf(date);
        case QUARTER -> quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
        case YEAR -> yearOf(date);
      };
    }

    /** The id used in packs and reports: {@code month}, {@code quarter}, {@code year}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Period {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "Period end " + end + " is before its start " + start);
    }
  }

  /** Returns the period from {@code start} to {@code end}, both inclusive. */
  public static Period of(LocalDate start, LocalDate end) {
    return new Period(start, end);
  }

  /** Returns the calendar year. */
  public static Period year(int year) {
    return yearOf(LocalDate.of(year, 1, 1));
  }

  /** Returns a calendar month ({@code month} 1–12). */
  public static Period month(int year, int month) {
    return monthOf(LocalDate.of(year, month, 1));
  }

  /** Returns a calendar quarter ({@code quarter} 1–4). */
  public static Period quarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter " + quarter + " is not 1, 2, 3 or 4");
    }
    LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    LocalDate last = start.plusMonths(2);
    return new Period(start, last.withDayOfMonth(last.lengthOfMonth()));
  }

  /** Returns the calendar month containing {@code date}. */
  public static Period monthOf(LocalDate date) {
    return new Period(date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth()));
  }

  /** Returns the calendar year containing {@code date}. */
  public static Period yearOf(LocalDate date) {
    return new Period(date.withDayOfYear(1), date.withDayOfYear(date.lengthOfYear()));
  }

  /**
   * Reads a period as written on a command line or in a facts file: a year ({@code 2025}), a month
   * ({@code 2025-06}), a quarter ({@code 2025-Q2}), or two ISO dates joined by {@code /}
   * ({@code 2025-01-01/2025-06-30}, both inclusive).
   *
   * @throws IllegalArgumentException naming the text and the forms accepted, if it is none of them
   */
  public static Period parse(String text) {
    Objects.requireNonNull(text, "text");
    String value = text.trim();
    try {
      if (value.matches("[0-9]{4}")) {
        return year(Integer.parseInt(value));
      }
      if (value.matches("[0-9]{4}-[0-9]{2}")) {
        YearMonth month = YearMonth.parse(value);
        return month(month.getYear(), month.getMonthValue());
      }
      if (value.matches("[0-9]{4}-[Qq][1-4]")) {
        return quarter(Integer.parseInt(value.substring(0, 4)), value.charAt(6) - '0');
      }
      int slash = value.indexOf('/');
      if (slash > 0) {
        return of(LocalDate.parse(value.substring(0, slash)), LocalDate.parse(value.substring(slash + 1)));
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a period: " + e.getMessage()
          + " [Hint: write a year (2025), a month (2025-06), a quarter (2025-Q2) or start/end dates"
          + " (2025-01-01/2025-06-30)]", e);
    }
    throw new IllegalArgumentException("'" + text + "' is not a period [Hint: write a year (2025), a month"
        + " (2025-06), a quarter (2025-Q2) or start/end dates (2025-01-01/2025-06-30)]");
  }

  /** Returns whether {@code date} lies within this period. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** Whether this period is exactly one calendar period of {@code unit}. */
  public boolean is(Unit unit) {
    return unit.containing(start).equals(this);
  }

  /** The calendar unit this period is exactly one of ({@code YEAR} before {@code QUARTER} before {@code MONTH}), if any. */
  public Optional<Unit> unit() {
    for (Unit unit : new Unit[] {Unit.YEAR, Unit.QUARTER, Unit.MONTH}) {
      if (is(unit)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }

  /**
   * The period as people write it: {@code 2025}, {@code 2025-Q2}, {@code 2025-06}, or
   * {@code 2025-01-01/2025-06-30}; {@link #parse} reads it back.
   */
  @Override
  public String toString() {
    Optional<Unit> unit = unit();
    if (unit.isEmpty()) {
      return start + "/" + end;
    }
    return switch (unit.get()) {
      case YEAR -> String.valueOf(start.getYear());
      case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      case MONTH -> YearMonth.from(start).toString();
    };
  }
}
