package vn.conduct.rules.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of test inputs: draws one value from a seeded {@link Random}. Small on purpose: the
 * property tests need texts, bytes and trees, and a shrinker that works on the final text.
 */
@FunctionalInterface
interface Gen<T> {

  T next(Random random);

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return random -> f.apply(next(random));
  }

  /** Picks one of the generators, each with the given weight. */
  @SafeVarargs
  static <T> Gen<T> frequency(Object... weightsAndGens) {
    List<Integer> weights = new ArrayList<>();
    List<Gen<T>> gens = new ArrayList<>();
    for (int i = 0; i < weightsAndGens.length; i += 2) {
      weights.add((Integer) weightsAndGens[i]);
      @SuppressWarnings("unchecked")
      Gen<T> gen = (Gen<T>) weightsAndGens[i + 1];
      gens.add(gen);
    }
    int total = weights.stream().mapToInt(Integer::intValue).sum();
    return random -> {
      int pick = random.nextInt(total);
      for (int i = 0; i < gens.size(); i++) {
        pick -= weights.get(i);
        if (pick < 0) {
          return gens.get(i).next(random);
        }
      }
      throw new IllegalStateException("unreachable");
    };
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * A mapping in the order its keys are given ({@code Map.of} iterates in an order that changes from
   * one JVM to the next, which would make a generated input unrepeatable from its seed).
   */
  static java.util.LinkedHashMap<String, Object> map(Object... keysAndValues) {
    java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A size skewed towards small values: most draws are below {@code max / 16}. */
  static int size(Random random, int max) {
    int bound = switch (random.nextInt(8)) {
      case 0, 1, 2, 3 -> Math.min(max, 16);
      case 4, 5 -> Math.min(max, 128);
      case 6 -> Math.min(max, 1024);
      default -> max;
    };
    return random.nextInt(bound + 1);
  }
}
