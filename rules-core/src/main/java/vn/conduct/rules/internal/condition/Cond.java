package vn.conduct.rules.internal.condition;

import java.util.List;
import java.util.Set;
import vn.conduct.rules.internal.condition.ConditionLanguage.Aggregation;
import vn.conduct.rules.internal.condition.ConditionLanguage.Operator;
import vn.conduct.rules.internal.condition.ConditionLanguage.Reach;
import vn.conduct.rules.internal.condition.ConditionLanguage.TimePoint;
import vn.conduct.rules.internal.condition.ConditionLanguage.WindowKind;
import vn.conduct.rules.internal.model.DataType;

/**
 * A type-checked condition: the data-only language of packs, as a tree of immutable values.
 * Nothing in it is code; the engine interprets it. Its operators, aggregate functions and window
 * kinds are those of {@link ConditionLanguage}.
 */
public sealed interface Cond {

  /** Every operand of {@code all} holds. */
  record All(List<Cond> operands) implements Cond { }

  /** Some operand of {@code any} holds. */
  record Any(List<Cond> operands) implements Cond { }

  /** The operand does not hold. */
  record Not(Cond operand) implements Cond { }

  /** A comparison of one field (of the subject, a member or an event) with constants. */
  record Compare(Field field, Operator op, List<Operand> operands) implements Cond { }

  /**
   * A comparison known only in an evaluation (format 2): of a date of the evaluation or of the days
   * between two dates, or of a field with a date of the evaluation ({@code {date: period-end}}).
   * Its operands may be constants, parameters or {@link Operand#date dates of the evaluation}.
   */
  record Measure(Term term, Operator op, List<Operand> operands) implements Cond { }

  /** What a comparison compares: a field, a date of the evaluation, or the days between two dates. */
  sealed interface Term permits Field, DateOf, DaysBetween {
    DataType type();
  }

  /** A date of the evaluation: {@code {date: period-end}}. */
  record DateOf(TimePoint point) implements Term {
    @Override
    public DataType type() {
      return DataType.DATE;
    }
  }

  /** The days from one date to another ({@code to − from}): {@code {days-between: [from, to]}}. */
  record DaysBetween(Term from, Term to) implements Term {
    @Override
    public DataType type() {
      return DataType.NUMBER;
    }
  }

  /**
   * An aggregate over events or over subjects, compared with a constant. {@code reach} says whose:
   * over events, the subject's own ({@code SELF}, {@code memberType} null) or those of its members or
   * descendants of {@code memberType}; over subjects, its members or descendants of {@code memberType}.
   */
  record Aggregate(
      Aggregation agg,
      Over over,
      Reach reach,
      Set<String> eventTypes,
      String memberType,
      boolean verifiedOnly,
      Window window,
      Cond where,
      Field of,
      Operator op,
      List<Operand> operands) implements Cond { }

  /** Where a field lives. */
  enum Scope { ATTRIBUTE, INDICATOR, EVENT_ATTRIBUTE }

  /** A typed field reference. {@code owner} is the subject or event type it was checked against. */
  record Field(Scope scope, String name, DataType type) implements Term {
    public String label() {
      return switch (scope) {
        case ATTRIBUTE -> "attribute '" + name + "'";
        case INDICATOR -> "indicator '" + name + "'";
        case EVENT_ATTRIBUTE -> "event attribute '" + name + "'";
      };
    }
  }

  /** What an aggregate ranges over: events, or subjects (members or descendants, by its reach). */
  enum Over { EVENTS, MEMBERS }

  /**
   * A constant, a pack parameter resolved when the engine is built, or a date of the evaluation
   * (format 2), known only when a judgment is made.
   */
  record Operand(Object constant, String param, TimePoint date) {
    public static Operand of(Object constant) {
      return new Operand(constant, null, null);
    }

    public static Operand param(String name) {
      return new Operand(null, name, null);
    }

    public static Operand date(TimePoint point) {
      return new Operand(null, null, point);
    }
  }

  /** A time window for events: the evaluation period, all events, or a look-back from the evaluation date. */
  record Window(WindowKind kind, java.time.Period lookBack) {
    public static final Window PERIOD = new Window(WindowKind.PERIOD, null);
    public static final Window ALL = new Window(WindowKind.ALL, null);

    /** As written in the pack: {@code period}, {@code all} or the ISO period; for ids and diagnostics. */
    public String label() {
      return kind.key != null ? kind.key : lookBack.toString();
    }
  }
}
