package vn.conduct.rules.internal.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * Three-valued conditions as alternatives of conjunctions of literals. A literal says an atom
 * (comparison or aggregate) is definitely true, or definitely false; "unknown" is what neither
 * says. {@code whenTrue(c)} lists the ways {@code c} is definitely true, {@code whenFalse(c)}
 * the ways it is definitely false (Kleene logic).
 */
public final class Dnf {

  /** An atom, asserted definitely true ({@code truth}) or definitely false. */
  public record Literal(Cond atom, boolean truth) { }

  private Dnf() { }

  public static List<List<Literal>> whenTrue(Cond cond) {
    return expand(cond, true);
  }

  public static List<List<Literal>> whenFalse(Cond cond) {
    return expand(cond, false);
  }

  private static List<List<Literal>> expand(Cond cond, boolean truth) {
    if (cond instanceof Cond.Not not) {
      return expand(not.operand(), !truth);
    }
    if (cond instanceof Cond.All all) {
      return truth ? product(all.operands(), true) : union(all.operands(), false);
    }
    if (cond instanceof Cond.Any any) {
      return truth ? union(any.operands(), true) : product(any.operands(), false);
    }
    return List.of(List.of(new Literal(cond, truth)));
  }

  private static List<List<Literal>> union(List<Cond> operands, boolean truth) {
    List<List<Literal>> result = new ArrayList<>();
    operands.forEach(op -> result.addAll(expand(op, truth)));
    return result;
  }

  private static List<List<Literal>> product(List<Cond> operands, boolean truth) {
    List<List<Literal>> result = List.of(List.of());
    for (Cond operand : operands) {
      List<List<Literal>> next = new ArrayList<>();
      for (List<Literal> left : result) {
        for (List<Literal> right : expand(operand, truth)) {
          List<Literal> joined = new ArrayList<>(left);
          joined.addAll(right);
          next.add(List.copyOf(joined));
        }
      }
      result = next;
    }
    return result;
  }

  /** How many alternatives the larger of the two expansions has, without building them. */
  public static int branchCount(Cond cond) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(count(cond, true), count(cond, false)));
  }

  private static long count(Cond cond, boolean truth) {
    if (cond instanceof Cond.Not not) {
      return count(not.operand(), !truth);
    }
    List<Cond> operands = cond instanceof Cond.All all ? all.operands()
        : cond instanceof Cond.Any any ? any.operands() : null;
    if (operands == null) {
      return 1;
    }
    boolean multiply = (cond instanceof Cond.All) == truth;
    long total = multiply ? 1 : 0;
    for (Cond operand : operands) {
      long n = count(operand, truth);
      total = multiply ? Math.min(1L << 40, total * n) : Math.min(1L << 40, total + n);
    }
    return total;
  }
}
