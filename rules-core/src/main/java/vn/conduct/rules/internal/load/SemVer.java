package vn.conduct.rules.internal.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version (pre-release tags order before the release), and ranges of them. */
public record SemVer(int major, int minor, int patch, String preRelease) implements Comparable<SemVer> {

  private static final Pattern VERSION =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?");

  /** Parses {@code 1.2.3} or {@code 1.2.3-beta.1}; returns {@code null} if malformed. */
  public static SemVer parse(String text) {
    Matcher m = VERSION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return null;
    }
    return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), m.group(4));
  }

  @Override
  public int compareTo(SemVer other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, other.patch);
    }
    if (c == 0) {
      if (preRelease == null || other.preRelease == null) {
        c = preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
      } else {
        c = preRelease.compareTo(other.preRelease);
      }
    }
    return c;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
  }

  /** A conjunction of comparators such as {@code >=0.1.0 <1.0.0}. */
  public record Range(String text, List<Comparator> comparators) {

    /** One comparator. */
    public record Comparator(String op, SemVer version) {
      boolean admits(SemVer v) {
        int c = v.compareTo(version);
        return switch (op) {
          case ">=" -> c >= 0;
          case ">" -> c > 0;
          case "<=" -> c <= 0;
          case "<" -> c < 0;
          default -> c == 0;
        };
      }
    }

    /** Parses a range; returns {@code null} if malformed. */
    public static Range parse(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      List<Comparator> comparators = new ArrayList<>();
      for (String part : text.trim().split("\\s+")) {
        Matcher m = Pattern.compile("(>=|<=|>|<|=)?(.+)").matcher(part);
        if (!m.matches()) {
          return null;
        }
        SemVer version = SemVer.parse(m.group(2));
        if (version == null) {
          return null;
        }
        comparators.add(new Comparator(m.group(1) == null ? "=" : m.group(1), version));
      }
      return new Range(text, List.copyOf(comparators));
    }

    /** Whether the version satisfies every comparator. */
    public boolean admits(SemVer version) {
      return comparators.stream().allMatch(c -> c.admits(version));
    }
  }
}
