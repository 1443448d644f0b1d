package vn.conduct.rules.internal.compile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.Cond.Operand;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.Values;
import vn.conduct.rules.internal.model.DataType;

/**
 * The meaning of conditions, shared by the Drools compiler and the explainer so that both agree:
 * parameter resolution, comparisons of one value, and three-valued evaluation of conditions on
 * one fact's own fields.
 */
public final class Semantics {

  public static final int FALSE = 0;
  public static final int TRUE = 1;
  public static final int UNKNOWN = -1;

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
    Cond.Aggregate agg = (Cond.Aggregate) cond;
    return new Cond.Aggregate(agg.agg(), agg.over(), agg.eventTypes(), agg.memberType(), agg.verifiedOnly(),
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

  /** A test of one present value in a slot. */
  @FunctionalInterface
  public interface ValueTest {
    boolean holds(Values values, int slot);
  }

  /** Numeric encoding of a constant: numbers as is, booleans 1/0, dates as epoch days. */
  public static double number(Object constant) {
    if (constant instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (constant instanceof LocalDate d) {
      return d.toEpochDay();
    }
    return ((Number) constant).doubleValue();
  }

  /** Builds the test a comparison makes of a present value (not for exists/missing). */
  public static ValueTest test(Cond.Op op, List<Operand> operands, DataType type) {
    if (type == DataType.STRING) {
      List<String> values = operands.stream().map(o -> (String) o.constant()).toList();
      String first = values.isEmpty() ? null : values.get(0);
      Set<String> set = new HashSet<>(values);
      return switch (op) {
        case EQ -> (v, s) -> first.equals(v.str[s]);
        case NE -> (v, s) -> !first.equals(v.str[s]);
        case IN -> (v, s) -> set.contains(v.str[s]);
        case NOT_IN -> (v, s) -> !set.contains(v.str[s]);
        default -> throw new IllegalArgumentException(op + " on a string");
      };
    }
    double[] values = operands.stream().mapToDouble(o -> number(o.constant())).toArray();
    double t = values.length == 0 ? 0 : values[0];
    return switch (op) {
      case EQ -> (v, s) -> v.num[s] == t;
      case NE -> (v, s) -> v.num[s] != t;
      case LT -> (v, s) -> v.num[s] < t;
      case LE -> (v, s) -> v.num[s] <= t;
      case GT -> (v, s) -> v.num[s] > t;
      case GE -> (v, s) -> v.num[s] >= t;
      case BETWEEN -> {
        double high = values[1];
        yield (v, s) -> v.num[s] >= t && v.num[s] <= high;
      }
      case IN -> (v, s) -> contains(values, v.num[s]);
      case NOT_IN -> (v, s) -> !contains(values, v.num[s]);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  /** Tests a number against an aggregate comparison. */
  public static boolean holds(Cond.Op op, List<Operand> operands, double value) {
    double t = number(operands.get(0).constant());
    return switch (op) {
      case EQ -> value == t;
      case NE -> value != t;
      case LT -> value < t;
      case LE -> value <= t;
      case GT -> value > t;
      case GE -> value >= t;
      case BETWEEN -> value >= t && value <= number(operands.get(1).constant());
      case IN -> operands.stream().anyMatch(o -> number(o.constant()) == value);
      case NOT_IN -> operands.stream().noneMatch(o -> number(o.constant()) == value);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  private static boolean contains(double[] values, double value) {
    for (double v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  /** A compiled condition over one fact's own fields, evaluated in three values. */
  @FunctionalInterface
  public interface TriCondition {
    int eval(Values values);
  }

  /**
   * Compiles a condition without aggregates for facts of the given type (subject or event type).
   */
  public static TriCondition tri(Cond cond, String type, Layout layout) {
    if (cond == null) {
      return v -> TRUE;
    }
    if (cond instanceof Cond.Not not) {
      TriCondition inner = tri(not.operand(), type, layout);
      return v -> {
        int r = inner.eval(v);
        return r == UNKNOWN ? UNKNOWN : 1 - r;
      };
    }
    if (cond instanceof Cond.All all) {
      TriCondition[] parts = all.operands().stream().map(c -> tri(c, type, layout)).toArray(TriCondition[]::new);
      return v -> {
        int result = TRUE;
        for (TriCondition part : parts) {
          int r = part.eval(v);
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
      return v -> {
        int result = FALSE;
        for (TriCondition part : parts) {
          int r = part.eval(v);
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
      Layout.Slot slot = layout.slot(type, compare.field());
      int s = slot.index();
      return switch (compare.op()) {
        case EXISTS -> v -> v.present[s] ? TRUE : FALSE;
        case MISSING -> v -> v.present[s] ? FALSE : TRUE;
        default -> {
          ValueTest test = test(compare.op(), compare.operands(), compare.field().type());
          yield v -> !v.present[s] ? UNKNOWN : test.holds(v, s) ? TRUE : FALSE;
        }
      };
    }
    throw new IllegalArgumentException("aggregates cannot be evaluated on one fact: " + cond);
  }

  /**
   * Builds the per-element code an aggregate accumulates: NaN when undecided, 1/0 for count and
   * share, the value for sum, min and max. For count, sum, min and max, elements whose
   * {@code where} is definitely false are filtered out before.
   */
  public static java.util.function.ToDoubleFunction<Values> elementCode(Cond.Aggregate agg, String type,
      Layout layout) {
    TriCondition where = tri(agg.where(), type, layout);
    if (agg.agg() == Cond.Agg.SHARE || agg.agg() == Cond.Agg.COUNT) {
      return v -> {
        int r = where.eval(v);
        return r == UNKNOWN ? Double.NaN : r;
      };
    }
    int of = layout.slot(type, agg.of()).index();
    return v -> where.eval(v) == TRUE && v.present[of] ? v.num[of] : Double.NaN;
  }
}
