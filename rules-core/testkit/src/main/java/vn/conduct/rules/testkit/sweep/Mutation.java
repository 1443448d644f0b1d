package vn.conduct.rules.testkit.sweep;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One change to one YAML file of a pack: a key deleted, or a value replaced by null, by a value of
 * another type or by an over-long string. The rest of the file is kept byte for byte.
 *
 * <p>Instances are immutable. {@link #toString()} names the pack, the file, the line and column of
 * the changed node, its field path and the change, e.g.
 * {@code hanoi-522 rules/hn522.alcohol/rule.yaml:14:12 condition.ge set to a list}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Mutation {

  /** What a mutation does to its node. */
  public enum Kind {
    /** The key and its value are removed from their mapping (an only key leaves {@code {}}). */
    DELETE("deleted"),
    /** The value becomes {@code null}. */
    NULL("set to null"),
    /** The value becomes the list {@code [wrong, type]} (applied where a scalar or mapping is). */
    LIST("set to a list"),
    /** The value becomes the mapping {@code {wrong: type}} (applied where a scalar or list is). */
    MAPPING("set to a mapping"),
    /** The value becomes the text {@code "wrong type"} (applied where a list or mapping is). */
    SCALAR("set to a scalar"),
    /** The value becomes the number {@code 12345} (applied where non-numeric text is). */
    NUMBER("set to a number"),
    /** The value becomes the text {@code "wrong type"} (applied where a number, boolean or date is). */
    TEXT("set to text"),
    /** The value becomes a double-quoted string of {@value PackMutationSweep#OVERLONG_LENGTH} characters. */
    OVERLONG("set to an over-long string");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** How the change is described in reports, e.g. {@code set to a list}. */
    public String words() {
      return words;
    }
  }

  private final int id;
  private final String pack;
  private final String file;
  private final List<Object> segments;
  private final Kind kind;
  private final int line;
  private final int column;
  private final int start;
  private final int end;
  private final String replacement;

  Mutation(int id, String pack, String file, List<Object> segments, Kind kind, int line, int column, int start,
      int end, String replacement) {
    this.id = id;
    this.pack = Objects.requireNonNull(pack, "pack");
    this.file = Objects.requireNonNull(file, "file");
    this.segments = List.copyOf(segments);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.line = line;
    this.column = column;
    this.start = start;
    this.end = end;
    this.replacement = Objects.requireNonNull(replacement, "replacement");
  }

  /** Returns a copy numbered {@code newId}. */
  Mutation withId(int newId) {
    return new Mutation(newId, pack, file, segments, kind, line, column, start, end, replacement);
  }

  /**
   * The mutation's number in the full, unsampled sweep of its packs (stable while the packs' files
   * do not change), for {@code -Dconduct.sweep.only=<id>}.
   */
  public int id() {
    return id;
  }

  /** The pack's directory name (as given to the sweep). */
  public String pack() {
    return pack;
  }

  /** The mutated file, relative to the pack's root, with {@code /} separators. */
  public String file() {
    return file;
  }

  /**
   * The changed node's field path, in the form issues use: dotted keys and list indexes, e.g.
   * {@code items[2].points}; {@code ""} for the whole file.
   */
  public String path() {
    StringBuilder text = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(segment);
      }
    }
    return text.toString();
  }

  /** The path as keys ({@code String}) and list indexes ({@code Integer}). */
  public List<Object> segments() {
    return segments;
  }

  /** What the mutation does. */
  public Kind kind() {
    return kind;
  }

  /** The 1-based line of the changed node (of its key, for {@link Kind#DELETE}) in the original file. */
  public int line() {
    return line;
  }

  /** The 1-based column of the changed node (of its key, for {@link Kind#DELETE}) in the original file. */
  public int column() {
    return column;
  }

  /** Applies the mutation to the original file's text. */
  public String apply(String original) {
    return original.substring(0, start) + replacement + original.substring(end);
  }

  @Override
  public String toString() {
    String where = path().isEmpty() ? "(whole file)" : path();
    return "#" + id + " " + pack + " " + file + ":" + line + ":" + column + " " + where + " " + kind.words();
  }
}
