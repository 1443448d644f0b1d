package vn.conduct.rules.internal.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionLanguage;
import vn.conduct.rules.internal.condition.Cond.Operand;
import vn.conduct.rules.internal.facts.EvalContext;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.Values;
import vn.conduct.rules.internal.model.DataType;

/**
 * The meaning of conditions, shared by the Drools compiler and the explainer so that both agree:
 * parameter resolution, and three-valued evaluation of conditions on one fact's own fields and of
 * aggregate elements. What each operator and function means is {@link ConditionLanguage}'s.
 */
public final class Semantics {

  public static final int FALSE = ConditionLanguage.FALSE;
  public static final int TRUE = ConditionLanguage.TRUE;
  public static final int UNKNOWN = ConditionLanguage.UNKNOWN;

  private Semantics() { }

  /** Replaces every parameter by its value, so that ids and lambdas see constants only. */
  public static Cond resolve(Cond cond, Map<String, Object> parameters) {
    if (cond == null) {
      return null;
    }
    if (cond instanceof Cond.All all) {
      return new Cond.All(all.operands().stream().map(c -> resolve(c, parameters)).toList());
    }
    if (cond instanceof Cond.Any any) {
      return new Cond.Any(any.operands().stream().map(c -> resolve(c, parameters)).toList());
    }
    if (cond instanceof Cond.Not not) {
      return new Cond.Not(resolve(not.operand(), parameters));
    }
    if (cond instanceof Cond.Compare compare) {
      return new Cond.Compare(compare.field(), compare.op(), resolve(compare.operands(), parameters));
    }
    if (cond instanceof Cond.Measure measure) {
      return new Cond.Measure(measure.term(), measure.op(), resolve(measure.operands(), parameters));
    }
    Cond.Aggregate agg = (Cond.Aggregate) cond;
    return new Cond.Aggregate(agg.agg(), agg.over(), agg.reach(), agg.eventTypes(), agg.memberType(),
        agg.verifiedOnly(),
        agg.window(), resolve(agg.where(), parameters), agg.of(), agg.op(), resolve(agg.operands(), parameters));
  }

  private static List<Operand> resolve(List<Operand> operands, Map<String, Object> parameters) {
    List<Operand> resolved = new ArrayList<>();
    for (Operand operand : operands) {
      if (operand.param() == null) {
        resolved.add(operand);
      } else {
        Object value = parameters.get(operand.param());
        if (value == null) {
          throw new IllegalStateException("parameter '" + operand.param() + "' has no value");
        }
        resolved.add(Operand.of(value));
      }
    }
    return List.copyOf(resolved);
  }

  /** Numeric encoding of a value: {@link ConditionLanguage#number}. */
  public static double number(Object constant) {
    return ConditionLanguage.number(constant);
  }

  /**
   * A compiled condition over one fact's own fields, evaluated in three values; comparisons with
   * the dates of the evaluation read them from {@code ctx}.
   */
  @FunctionalInterface
  public interface TriCondition {
    int eval(Values values, EvalContext ctx);

    /** Its truth outside a judgment: a comparison with a date of the evaluation is then UNKNOWN. */
    default int eval(Values values) {
      return eval(values, null);
    }
  }

  /** Whether a condition reads a date of the evaluation (so its compiled form needs the context). */
  public static boolean timed(Cond cond) {
    if (cond == null || cond instanceof Cond.Compare) {
      return false;
    }
    if (cond instanceof Cond.Measure) {
      return true;
    }
    if (cond instanceof Cond.Not not) {
      return timed(not.operand());
    }
    if (cond instanceof Cond.All all) {
      return all.operands().stream().anyMatch(Semantics::timed);
    }
    if (cond instanceof Cond.Any any) {
      return any.operands().stream().anyMatch(Semantics::timed);
    }
    Cond.Aggregate agg = (Cond.Aggregate) cond;
    return timed(agg.where()) || agg.operands().stream().anyMatch(o -> o.date() != null);
  }

  /** Reads a term's exact value from a fact (dates as epoch days); {@code null} when missing. */
  @FunctionalInterface
  public interface TermReader {
    BigDecimal read(Values values, EvalContext ctx);
  }

  /** The reader of a term of facts of a type. */
  public static TermReader reader(Cond.Term term, String type, Layout layout) {
    if (term instanceof Cond.Field field) {
      int slot = layout.slot(type, field).index();
      boolean number = field.type() == DataType.NUMBER;
      if (number) {
        return (v, c) -> !v.present[slot] ? null : v.dec[slot] != null ? v.dec[slot] : BigDecimal.valueOf(v.num[slot]);
      }
      return (v, c) -> v.present[slot] ? BigDecimal.valueOf((long) v.num[slot]) : null;
    }
    if (term instanceof Cond.DateOf date) {
      ConditionLanguage.TimePoint point = date.point();
      return (v, c) -> c == null ? null : BigDecimal.valueOf(point.epochDay(c));
    }
    Cond.DaysBetween between = (Cond.DaysBetween) term;
    TermReader from = reader(between.from(), type, layout);
    TermReader to = reader(between.to(), type, layout);
    return (v, c) -> {
      BigDecimal a = from.read(v, c);
      BigDecimal b = a == null ? null : to.read(v, c);
      return b == null ? null : b.subtract(a);
    };
  }

  /** The exact constants of resolved operands in an evaluation (dates as epoch days); {@code null} without one. */
  public static List<BigDecimal> constants(List<Operand> operands, EvalContext ctx) {
    List<BigDecimal> values = new ArrayList<>(operands.size());
    for (Operand operand : operands) {
      if (operand.date() != null) {
        if (ctx == null) {
          return null;
        }
        values.add(BigDecimal.valueOf(operand.date().epochDay(ctx)));
      } else if (operand.constant() instanceof java.time.LocalDate date) {
        values.add(BigDecimal.valueOf(date.toEpochDay()));
      } else {
        values.add(ConditionLanguage.exact((Number) operand.constant()));
      }
    }
    return values;
  }

  /** The compiled comparison of a term known only in an evaluation. */
  public static TriCondition measure(Cond.Measure measure, String type, Layout layout) {
    TermReader term = reader(measure.term(), type, layout);
    ConditionLanguage.Operator op = measure.op();
    List<Operand> operands = measure.operands();
    return (v, c) -> {
      BigDecimal value = term.read(v, c);
      List<BigDecimal> constants = constants(operands, c);
      if (constants == null) {
        return UNKNOWN;
      }
      return ConditionLanguage.truth(op, value, constants);
    };
  }

  /**
   * Compiles a condition without aggregates for facts of the given type (subject or event type).
   */
  public static TriCondition tri(Cond cond, String type, Layout layout) {
    if (cond == null) {
      return (v, c) -> TRUE;
    }
    if (cond instanceof Cond.Not not) {
      TriCondition inner = tri(not.operand(), type, layout);
      return (v, c) -> {
        int r = inner.eval(v, c);
        return r == UNKNOWN ? UNKNOWN : 1 - r;
      };
    }
    if (cond instanceof Cond.All all) {
      TriCondition[] parts = all.operands().stream().map(c -> tri(c, type, layout)).toArray(TriCondition[]::new);
      return (v, c) -> {
        int result = TRUE;
        for (TriCondition part : parts) {
          int r = part.eval(v, c);
          if (r == FALSE) {
            return FALSE;
          }
          if (r == UNKNOWN) {
            result = UNKNOWN;
          }
        }
        return result;
      };
    }
    if (cond instanceof Cond.Any any) {
      TriCondition[] parts = any.operands().stream().map(c -> tri(c, type, layout)).toArray(TriCondition[]::new);
      return (v, c) -> {
        int result = FALSE;
        for (TriCondition part : parts) {
          int r = part.eval(v, c);
          if (r == TRUE) {
            return TRUE;
          }
          if (r == UNKNOWN) {
            result = UNKNOWN;
          }
        }
        return result;
      };
    }
    if (cond instanceof Cond.Compare compare) {
      ConditionLanguage.FieldTest test = fieldTest(compare, type, layout);
      return (v, c) -> test.eval(v);
    }
    if (cond instanceof Cond.Measure measure) {
      return measure(measure, type, layout);
    }
    throw new IllegalArgumentException("aggregates cannot be evaluated on one fact: " + cond);
  }

  /** The compiled comparison of a field of facts of a type. */
  public static ConditionLanguage.FieldTest fieldTest(Cond.Compare compare, String type, Layout layout) {
    return new ConditionLanguage.FieldTest(compare.op(), layout.slot(type, compare.field()).index(),
        ConditionLanguage.Constants.of(compare.operands(), compare.field().type()));
  }

  /** The constants an aggregate is compared with, when none is a date of the evaluation. */
  public static ConditionLanguage.Constants constants(Cond.Aggregate agg) {
    return ConditionLanguage.Constants.of(agg.operands(), DataType.NUMBER);
  }

  /** The constants an aggregate is compared with in an evaluation; {@code null} outside one when needed. */
  public static ConditionLanguage.Constants constants(Cond.Aggregate agg, EvalContext ctx) {
    if (agg.operands().stream().noneMatch(o -> o.date() != null)) {
      return constants(agg);
    }
    if (ctx == null) {
      return null;
    }
    List<Operand> known = agg.operands().stream()
        .map(o -> o.date() == null ? o : Operand.of(java.time.LocalDate.ofEpochDay(o.date().epochDay(ctx)))).toList();
    return ConditionLanguage.Constants.of(known, DataType.NUMBER);
  }

  /**
   * Builds what one element adds to an aggregate ({@link Stats#add}): for count and share whether it
   * matches ({@link Stats#MATCH}, {@link Stats#NO_MATCH}), for sum, min and max the exact value of
   * its {@code of} field; {@link Stats#UNDECIDED} when that cannot be told. Unless the function
   * keeps elements that do not match, they are filtered out before.
   */
  public static ElementCode elementCode(Cond.Aggregate agg, String type, Layout layout) {
    TriCondition where = tri(agg.where(), type, layout);
    if (agg.agg().counts) {
      return (v, c) -> {
        int r = where.eval(v, c);
        return r == UNKNOWN ? Stats.UNDECIDED : r == TRUE ? Stats.MATCH : Stats.NO_MATCH;
      };
    }
    TermReader of = reader(agg.of(), type, layout);
    return (v, c) -> {
      BigDecimal value = where.eval(v, c) == TRUE ? of.read(v, c) : null;
      return value == null ? Stats.UNDECIDED : value;
    };
  }

  /** The aggregate nested in a scope's {@code where} (at most one, by the parser), or {@code null}. */
  public static Cond.Aggregate nestedAggregate(Cond cond) {
    if (cond instanceof Cond.Aggregate agg) {
      return agg;
    }
    List<Cond> operands = cond instanceof Cond.All all ? all.operands() : cond instanceof Cond.Any any
        ? any.operands() : cond instanceof Cond.Not not ? List.of(not.operand()) : List.of();
    for (Cond operand : operands) {
      Cond.Aggregate found = nestedAggregate(operand);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A compiled {@code where} over one fact and the tally of the aggregate nested in it. */
  @FunctionalInterface
  public interface NestedCondition {
    int eval(Values values, EvalContext ctx, Stats inner);
  }

  /** Compiles a {@code where} holding one nested aggregate, for facts of a type. */
  public static NestedCondition nested(Cond cond, String type, Layout layout) {
    if (cond instanceof Cond.Aggregate agg) {
      return (v, c, st) -> st.truth(agg.agg(), agg.op(), constants(agg, c));
    }
    if (cond instanceof Cond.Not not) {
      NestedCondition inner = nested(not.operand(), type, layout);
      return (v, c, st) -> {
        int r = inner.eval(v, c, st);
        return r == UNKNOWN ? UNKNOWN : 1 - r;
      };
    }
    if (cond instanceof Cond.All || cond instanceof Cond.Any) {
      boolean all = cond instanceof Cond.All;
      NestedCondition[] parts = (all ? ((Cond.All) cond).operands() : ((Cond.Any) cond).operands()).stream()
          .map(c -> nested(c, type, layout)).toArray(NestedCondition[]::new);
      int dominant = all ? FALSE : TRUE;
      return (v, c, st) -> {
        int result = all ? TRUE : FALSE;
        for (NestedCondition part : parts) {
          int r = part.eval(v, c, st);
          if (r == dominant) {
            return dominant;
          }
          if (r == UNKNOWN) {
            result = UNKNOWN;
          }
        }
        return result;
      };
    }
    TriCondition own = tri(cond, type, layout);
    return (v, c, st) -> own.eval(v, c);
  }

  /**
   * What one element adds to an aggregate, given the truth of its {@code where}: see
   * {@link #elementCode}; an element whose {@code where} is FALSE is {@link Stats#SKIP}ped unless the
   * function keeps elements that do not match.
   */
  public static Object element(Cond.Aggregate agg, int where, Values values, EvalContext ctx, TermReader of) {
    if (where == FALSE) {
      return agg.agg().keepsNonMatching() ? Stats.NO_MATCH : Stats.SKIP;
    }
    if (where == UNKNOWN) {
      return Stats.UNDECIDED;
    }
    if (agg.agg().counts) {
      return Stats.MATCH;
    }
    BigDecimal value = of.read(values, ctx);
    return value == null ? Stats.UNDECIDED : value;
  }

  /** What one element adds to an aggregate, in an evaluation. */
  @FunctionalInterface
  public interface ElementCode {
    Object apply(Values values, EvalContext ctx);
  }
}
