package vn.conduct.rules.internal.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed YAML file: its content as a Jackson tree, and where each value and key came from.
 *
 * <p>Paths name fields as dotted keys and list indexes, e.g. {@code condition.all[1].ge}.
 */
public final class YamlDocument {

  private final String file;
  private final JsonNode root;
  private final Map<String, int[]> valueMarks;
  private final Map<String, int[]> keyMarks;

  YamlDocument(String file, JsonNode root, Map<String, int[]> valueMarks, Map<String, int[]> keyMarks) {
    this.file = file;
    this.root = root;
    this.valueMarks = valueMarks;
    this.keyMarks = keyMarks;
  }

  /** The file, relative to the pack root. */
  public String file() {
    return file;
  }

  /** The content; never {@code null} ({@code MissingNode} for an empty file). */
  public JsonNode root() {
    return root;
  }

  /**
   * Returns {line, column} (1-based) for a path: the value's position, or the nearest enclosing
   * value that exists, or {0, 0}.
   */
  public int[] locate(String path) {
    String probe = path;
    while (true) {
      int[] mark = valueMarks.get(probe);
      if (mark != null) {
        return mark;
      }
      if (probe.isEmpty()) {
        return new int[] {0, 0};
      }
      probe = parent(probe);
    }
  }

  /** Returns the position of the key that introduces a path, or of its value if it has no key. */
  public int[] locateKey(String path) {
    int[] mark = keyMarks.get(path);
    return mark != null ? mark : locate(path);
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  /** Returns the path of a child key. */
  public static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Returns the path of a list element. */
  public static String element(String path, int index) {
    return path + "[" + index + "]";
  }
}
