package vn.conduct.rules.internal.condition;

import java.util.List;
import java.util.Set;
import vn.conduct.rules.internal.condition.ConditionLanguage.Aggregation;
import vn.conduct.rules.internal.condition.ConditionLanguage.Operator;
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

  /** An aggregate over events about the subject or over its direct members, compared with a constant. */
  record Aggregate(
      Aggregation agg,
      Over over,
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
  record Field(Scope scope, String name, DataType type) {
    public String label() {
      return switch (scope) {
        case ATTRIBUTE -> "attribute '" + name + "'";
        case INDICATOR -> "indicator '" + name + "'";
        case EVENT_ATTRIBUTE -> "event attribute '" + name + "'";
      };
    }
  }

  /** What an aggregate ranges over. */
  enum Over { EVENTS, MEMBERS }

  /** A constant, or a pack parameter resolved when the engine is built. */
  record Operand(Object constant, String param) {
    public static Operand of(Object constant) {
      return new Operand(constant, null);
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
