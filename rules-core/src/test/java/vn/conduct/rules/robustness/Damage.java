package vn.conduct.rules.robustness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Damages a YAML tree (maps and lists) in place at one random node, and says what it did. */
final class Damage {

  private static final Object DELETE = new Object();

  private Damage() { }

  /**
   * Applies damage number {@code what} (0–9): delete, null, a list, a mapping, an odd number, hostile
   * text, a deep {@code not} chain, a wide {@code all}, or a plausible but wrong reference.
   */
  static void apply(Random random, Object tree, int what, String file, List<String> log) {
    List<Object[]> slots = new ArrayList<>(); // {container, key-or-index}
    collect(tree, slots);
    if (slots.isEmpty()) {
      return;
    }
    Object[] slot = Gen.pick(random, slots);
    Object replacement = switch (what) {
      case 0, 1 -> DELETE;
      case 2 -> null;
      case 3 -> new ArrayList<>(List.of("wrong", "type"));
      case 4 -> Gen.map("wrong", "type");
      case 5 -> Gen.pick(random, "1e999", "NaN", "-0", "99999999999999999999999999", "0x10", "1_000", "2025-02-30",
          "-1", "1.10", "∞", "１２", "0000-01-01", "+999999999-12-31", "2024-13-01");
      case 6 -> Gen.pick(random, "x".repeat(10_001), "\u0000", "\u202Eevil", "a\nb", "😀", "'; DROP TABLE",
          "${jndi:ldap://x/a}", "#{7*7}", "</script>", "\r\n", "\uFFFF", "Ǆ", "ﬁ", "=cmd|' /C calc'!A0");
      case 7 -> deepNot(20 + random.nextInt(random.nextBoolean() ? 40 : 400));
      case 8 -> wideAll(50 + random.nextInt(random.nextBoolean() ? 100 : 2000));
      default -> Gen.pick(random, "g.r0", "unknown", "officer0", "agency0", "A", "src", "ev0", "target", "", "s0",
          "hanoi-522");
    };
    log.add(file + " " + (slot[0] instanceof Map<?, ?> ? "key '" + slot[1] + "'" : "item " + slot[1]) + " ← "
        + brief(replacement));
    set(slot, replacement);
  }

  private static void collect(Object node, List<Object[]> slots) {
    if (node instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        slots.add(new Object[] {map, key});
        collect(map.get(key), slots);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        slots.add(new Object[] {list, i});
        collect(list.get(i), slots);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void set(Object[] slot, Object value) {
    if (slot[0] instanceof Map<?, ?> map) {
      if (value == DELETE) {
        ((Map<Object, Object>) map).remove(slot[1]);
      } else {
        ((Map<Object, Object>) map).put(slot[1], value);
      }
    } else {
      List<Object> list = (List<Object>) slot[0];
      if (value == DELETE) {
        list.remove((int) (Integer) slot[1]);
      } else {
        list.set((Integer) slot[1], value);
      }
    }
  }

  private static String brief(Object value) {
    String text = value == DELETE ? "deleted" : String.valueOf(value);
    return text.length() > 60 ? text.substring(0, 60) + "… (" + text.length() + " chars)" : text;
  }

  private static Object deepNot(int depth) {
    Object c = Gen.map("attribute", "a-string-0", "exists", true);
    for (int i = 0; i < depth; i++) {
      c = Gen.map("not", c);
    }
    return c;
  }

  private static Object wideAll(int width) {
    List<Object> operands = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      operands.add(Gen.map("any", new ArrayList<>(List.of(
          Gen.map("indicator", "i-number-0", "ge", i),
          Gen.map("indicator", "i-number-0", "lt", -i)))));
    }
    return Gen.map("all", operands);
  }
}
