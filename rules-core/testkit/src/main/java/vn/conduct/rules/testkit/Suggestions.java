package vn.conduct.rules.testkit;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** "Did you mean" for misspelt ids: the known ids nearest by edit distance. */
final class Suggestions {

  /** How many known ids a hint lists when none is near. */
  private static final int LISTED = 12;

  private Suggestions() { }

  /**
   * The known ids nearest to {@code given}: those at the smallest edit distance, if it is at most a
   * third of the longer id's length (at least 1, at most 3); sorted, empty when none is that near.
   */
  static List<String> nearest(String given, Collection<String> known) {
    String probe = given.toLowerCase(Locale.ROOT);
    int best = Integer.MAX_VALUE;
    List<String> nearest = List.of();
    for (String candidate : known.stream().distinct().sorted().toList()) {
      int distance = distance(probe, candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.max(1, Math.min(3, Math.max(probe.length(), candidate.length()) / 3));
      if (distance > allowed || distance > best) {
        continue;
      }
      if (distance < best) {
        best = distance;
        nearest = new java.util.ArrayList<>();
      }
      nearest.add(candidate);
    }
    return List.copyOf(nearest);
  }

  /**
   * A hint for an unknown id: {@code did you mean 'x'?} when a known id is near, else the known ids
   * ({@code <what> are a, b, c}, at most twelve), or {@code null} when there are none.
   */
  static String hint(String given, Collection<String> known, String what) {
    List<String> nearest = nearest(given, known);
    if (!nearest.isEmpty()) {
      return "did you mean " + nearest.stream().map(id -> "'" + id + "'").collect(Collectors.joining(" or ")) + "?";
    }
    List<String> sorted = known.stream().distinct().sorted().toList();
    if (sorted.isEmpty()) {
      return null;
    }
    return what + " " + (sorted.size() == 1 ? "is " : "are ") + String.join(", ", sorted.subList(0, Math.min(LISTED,
        sorted.size()))) + (sorted.size() > LISTED ? ", … (" + sorted.size() + " in all)" : "");
  }

  /** The Levenshtein distance: insertions, deletions and substitutions of one character. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
