package vn.conduct.rules.internal.load;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The one way hints name what was probably meant: the nearest known key or id by edit distance
 * ("did you mean 'enabled'?"), then the known ones, so every "unknown X" message reads alike.
 */
public final class Hints {

  /** At most this many known names are listed in a hint; the rest are counted. */
  static final int MAX_LISTED = 40;

  private Hints() { }

  /**
   * Long values are shown by their start and length, so one message stays readable. Here rather
   * than in {@link Binder}, whose first use starts data binding and bean validation.
   */
  static String shorten(String text) {
    return text.length() <= 120 ? text : text.substring(0, 100) + "… (" + text.length() + " characters)";
  }

  /**
   * Returns the known name closest to {@code given}, if it is close enough to be a likely typo:
   * an edit distance (insertions, deletions, substitutions, adjacent swaps) of at most 2, or a
   * third of the name's length for long names; or the same name in another case.
   */
  public static Optional<String> nearest(String given, Collection<String> known) {
    if (given == null || given.isEmpty() || known.isEmpty()) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(2, given.length() / 3);
    for (String candidate : new TreeSet<>(known)) {
      if (Math.abs(candidate.length() - given.length()) > limit) {
        if (!candidate.equalsIgnoreCase(given)) {
          continue;
        }
      }
      int distance = candidate.equalsIgnoreCase(given) ? 0 : distance(given, candidate, limit);
      if (distance > 0 && (distance >= given.length() || distance >= candidate.length())) {
        continue; // replacing every character is not a typo
      }
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /**
   * Returns a hint such as {@code did you mean 'enabled'? known fields: [a, b, c]}; without a
   * close name, only the list; {@code null} if nothing is known.
   *
   * @param what what the known names are, e.g. {@code "known fields here"}, {@code "declared sources"}
   */
  public static String unknown(String given, Collection<String> known, String what) {
    Optional<String> nearest = nearest(given, known);
    if (known.isEmpty()) {
      return null;
    }
    TreeSet<String> sorted = new TreeSet<>(known);
    String listed;
    if (sorted.size() <= MAX_LISTED) {
      listed = sorted.toString();
    } else {
      listed = "[" + String.join(", ", sorted.stream().limit(MAX_LISTED).toList()) + ", … "
          + (sorted.size() - MAX_LISTED) + " more]";
    }
    return nearest.map(n -> "did you mean '" + n + "'? ").orElse("") + what + ": " + listed;
  }

  /** Optimal-string-alignment distance, giving up (returning {@code limit + 1}) beyond {@code limit}. */
  static int distance(String a, String b, int limit) {
    int[] previous2 = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current[j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous2;
      previous2 = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * What a value of a YAML or JSON document is, for messages: {@code nothing}, {@code a list},
   * {@code a mapping}, or the scalar quoted (long ones cut to 100 characters, with their length).
   */
  public static String shown(com.fasterxml.jackson.databind.JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    String text = node.asText();
    return "'" + (text.length() <= 120 ? text : text.substring(0, 100) + "… (" + text.length() + " characters)")
        + "'";
  }
}
