package vn.conduct.rules.internal.condition;

import java.util.List;
import java.util.Set;
import vn.conduct.rules.internal.model.DataType;

/**
 * A type-checked condition: the data-only language of packs, as a tree of immutable values.
 * Nothing in it is code; the engine interprets it.
 */
public sealed interface Cond {

  /** Every operand of {@code all} holds. */
  record All(List<Cond> operands) implements Cond { }

  /** Some operand of {@code any} holds. */
  record Any(List<Cond> operands) implements Cond { }

  /** The operand does not hold. */
  record Not(Cond operand) implements Cond { }

  /** A comparison of one field (of the subject, a member or an event) with constants. */
  record Compare(Field field, Op op, List<Operand> operands) implements Cond { }

  /** An aggregate over events about the subject or over its direct members, compared with a constant. */
  record Aggregate(
      Agg agg,
      Over over,
      Set<String> eventTypes,
      String memberType,
      boolean verifiedOnly,
      Window window,
      Cond where,
      Field of,
      Op op,
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

  /** Comparison operators. */
  enum Op {
    EQ("eq", "="), NE("ne", "≠"), LT("lt", "<"), LE("le", "≤"), GT("gt", ">"), GE("ge", "≥"),
    IN("in", "∈"), NOT_IN("not-in", "∉"), BETWEEN("between", "∈"), EXISTS("exists", "exists"),
    MISSING("missing", "missing");

    public final String key;
    public final String symbol;

    Op(String key, String symbol) {
      this.key = key;
      this.symbol = symbol;
    }
  }

  /** Aggregate functions. */
  enum Agg { COUNT, SUM, MIN, MAX, SHARE }

  /** What an aggregate ranges over. */
  enum Over { EVENTS, MEMBERS }

  /** A constant, or a pack parameter resolved when the engine is built. */
  record Operand(Object constant, String param) {
    public static Operand of(Object constant) {
      return new Operand(constant, null);
    }
  }

  /** A time window for events: the evaluation period, a look-back from the evaluation date, or all. */
  record Window(Kind kind, java.time.Period lookBack) {
    public enum Kind { PERIOD, LOOK_BACK, ALL }

    public static final Window PERIOD = new Window(Kind.PERIOD, null);
    public static final Window ALL = new Window(Kind.ALL, null);

    public String label() {
      return switch (kind) {
        case PERIOD -> "period";
        case ALL -> "all";
        case LOOK_BACK -> lookBack.toString();
      };
    }
  }
}
