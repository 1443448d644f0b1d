package vn.conduct.rules.internal.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML file: its content as a Jackson tree, and where each value and key came from.
 *
 * <p>Paths name fields as dotted keys and list indexes, e.g. {@code condition.all[1].ge}; a key
 * that is empty or holds {@code . [ ] " \} is written {@code ["key"]} (with {@code "} and {@code \}
 * backslash-escaped), so that every path names exactly one place: {@code sources["qd.522"].date}.
 * Locating also accepts a key with dots written unquoted, as long as it is unambiguous.
 *
 * <p>Positions are kept in a tree that mirrors the content (one small node per value), so memory
 * grows linearly with the file whatever its depth or key lengths; a path is only built when a
 * problem is reported, and only walked when one is located.
 */
public final class YamlDocument {

  private final String file;
  private final JsonNode root;
  private final Marks marks;

  YamlDocument(String file, JsonNode root, Marks marks) {
    this.file = file;
    this.root = root;
    this.marks = marks;
  }

  /** The same file with another content tree (the same positions): for values put in place later. */
  public YamlDocument withRoot(JsonNode newRoot) {
    return new YamlDocument(file, newRoot, marks);
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
    Marks found = walk(path, false);
    return found == null ? new int[] {0, 0} : new int[] {found.line, found.column};
  }

  /** Returns the position of the key that introduces a path, or of its value if it has no key. */
  public int[] locateKey(String path) {
    Marks found = walk(path, true);
    if (found != null && found.keyLine > 0) {
      return new int[] {found.keyLine, found.keyColumn};
    }
    return locate(path);
  }

  /** Whether the scalar at a path was written quoted (or as a block scalar) rather than plain. */
  public boolean isQuoted(String path) {
    Marks found = walk(path, true);
    return found != null && found.quoted;
  }

  /**
   * Walks a path; returns the node it names, or with {@code exact == false} the deepest node on
   * the way; {@code null} if nothing matches ({@code exact}) or the document is empty.
   */
  private Marks walk(String path, boolean exact) {
    if (marks == null) {
      return null;
    }
    Marks current = marks;
    int i = 0;
    while (i < path.length()) {
      Marks next;
      char c = path.charAt(i);
      if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
        StringBuilder key = new StringBuilder();
        int j = i + 2;
        while (j < path.length() && path.charAt(j) != '"') {
          if (path.charAt(j) == '\\' && j + 1 < path.length()) {
            j++;
          }
          key.append(path.charAt(j++));
        }
        i = Math.min(path.length(), j + 2);
        next = current.children == null ? null : current.children.get(key.toString());
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return exact ? null : current;
        }
        int index;
        try {
          index = Integer.parseInt(path, i + 1, close, 10);
        } catch (NumberFormatException e) {
          return exact ? null : current;
        }
        i = close + 1;
        next = current.elements == null || index < 0 || index >= current.elements.size()
            ? null : current.elements.get(index);
      } else {
        int start = c == '.' ? i + 1 : i;
        int end = start;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        next = current.children == null ? null : current.children.get(path.substring(start, end));
        // A caller may have written a key holding '.' unquoted (rule ids such as hn522.badge):
        // try the longer names before giving up.
        while (next == null && current.children != null && end < path.length() && path.charAt(end) == '.') {
          end++;
          while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
          }
          next = current.children.get(path.substring(start, end));
        }
        i = end;
      }
      if (next == null) {
        return exact ? null : current;
      }
      current = next;
    }
    return current;
  }

  /** Returns the path of the value that holds the one at {@code path}; {@code ""} for a top-level key. */
  public static String parent(String path) {
    int last = 0;
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '[') {
        last = i;
        if (i + 1 < path.length() && path.charAt(i + 1) == '"') {
          i += 2;
          while (i < path.length() && path.charAt(i) != '"') {
            i += path.charAt(i) == '\\' ? 2 : 1;
          }
        }
        int close = path.indexOf(']', i);
        i = close < 0 ? path.length() : close + 1;
      } else if (c == '.') {
        last = i;
        i++;
      } else {
        i++;
      }
    }
    return path.substring(0, last);
  }

  /** Returns the path of a child key, quoting the key when it is not a plain name. */
  public static String child(String path, String key) {
    if (isPlainKey(key)) {
      return path.isEmpty() ? key : path + "." + key;
    }
    StringBuilder quoted = new StringBuilder(path.length() + key.length() + 4).append(path).append("[\"");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.append("\"]").toString();
  }

  private static boolean isPlainKey(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.' || c == '[' || c == ']' || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Returns the path of a list element. */
  public static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  /** Where one value (and its key) was written; children mirror the value's structure. */
  static final class Marks {
    final int line;
    final int column;
    int keyLine;
    int keyColumn;
    boolean quoted;
    Map<String, Marks> children;
    List<Marks> elements;

    Marks(int line, int column) {
      this.line = line;
      this.column = column;
    }

    Marks child(String key, int keyLine, int keyColumn, Marks value) {
      if (children == null) {
        children = new LinkedHashMap<>();
      }
      value.keyLine = keyLine;
      value.keyColumn = keyColumn;
      children.put(key, value);
      return value;
    }

    Marks element(Marks value) {
      if (elements == null) {
        elements = new ArrayList<>();
      }
      elements.add(value);
      return value;
    }
  }
}
