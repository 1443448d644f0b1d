package vn.conduct.rules.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionLanguage;
import vn.conduct.rules.internal.condition.Cond.Operand;
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

  /** Numeric encoding of a value: {@link ConditionLanguage#number}. */
  public static double number(Object constant) {
    return ConditionLanguage.number(constant);
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
      ConditionLanguage.FieldTest test = fieldTest(compare, type, layout);
      return test::eval;
    }
    throw new IllegalArgumentException("aggregates cannot be evaluated on one fact: " + cond);
  }

  /** The compiled comparison of a field of facts of a type. */
  public static ConditionLanguage.FieldTest fieldTest(Cond.Compare compare, String type, Layout layout) {
    return new ConditionLanguage.FieldTest(compare.op(), layout.slot(type, compare.field()).index(),
        ConditionLanguage.Constants.of(compare.operands(), compare.field().type()));
  }

  /** The constants an aggregate is compared with. */
  public static ConditionLanguage.Constants constants(Cond.Aggregate agg) {
    return ConditionLanguage.Constants.of(agg.operands(), DataType.NUMBER);
  }

  /**
   * Builds what one element adds to an aggregate ({@link Stats#add}): for count and share whether it
   * matches ({@link Stats#MATCH}, {@link Stats#NO_MATCH}), for sum, min and max the exact value of
   * its {@code of} field; {@link Stats#UNDECIDED} when that cannot be told. Unless the function
   * keeps elements that do not match, they are filtered out before.
   */
  public static java.util.function.Function<Values, Object> elementCode(Cond.Aggregate agg, String type,
      Layout layout) {
    TriCondition where = tri(agg.where(), type, layout);
    if (agg.agg().counts) {
      return v -> {
        int r = where.eval(v);
        return r == UNKNOWN ? Stats.UNDECIDED : r == TRUE ? Stats.MATCH : Stats.NO_MATCH;
      };
    }
    int of = layout.slot(type, agg.of()).index();
    return v -> where.eval(v) == TRUE && v.present[of]
        ? (v.dec[of] != null ? v.dec[of] : java.math.BigDecimal.valueOf(v.num[of])) : Stats.UNDECIDED;
  }
}
