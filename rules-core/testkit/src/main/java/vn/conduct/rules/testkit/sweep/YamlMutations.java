package vn.conduct.rules.testkit.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import vn.conduct.rules.testkit.sweep.Mutation.Kind;

/**
 * Lists every mutation of one YAML file, each as a text edit at the node's position (so comments,
 * quoting and layout elsewhere in the file stay as they are).
 *
 * <p>Edits: a mapping value is replaced from the end of its key ({@code ": " + new}), which also
 * works for an indentless block sequence or a value on the next line; a list item or the root is
 * replaced in place. A key is deleted from its start to the next key's start, or, for the last key,
 * from the end of the previous entry's content; an only key leaves the empty mapping {@code {}}.
 */
final class YamlMutations {

  static final String LIST = "[wrong, type]";
  static final String MAPPING = "{wrong: type}";
  static final String SCALAR = "\"wrong type\"";
  static final String NUMBER = "12345";
  static final String OVERLONG = "\"" + "x".repeat(PackMutationSweep.OVERLONG_LENGTH) + "\"";

  private static final Pattern TYPED = Pattern.compile(
      "[-+]?[0-9][0-9_.]*([eE][-+]?[0-9]+)?|true|false|True|False|TRUE|FALSE|[0-9]{4}-[0-9]{2}-[0-9]{2}.*");

  private final String pack;
  private final String file;
  private final String text;
  private final int[] charAt;
  private final List<Mutation> out = new ArrayList<>();

  private YamlMutations(String pack, String file, String text) {
    this.pack = pack;
    this.file = file;
    this.text = text;
    int codePoints = text.codePointCount(0, text.length());
    this.charAt = new int[codePoints + 1];
    int offset = 0;
    for (int i = 0; i < codePoints; i++) {
      charAt[i] = offset;
      offset = text.offsetByCodePoints(offset, 1);
    }
    charAt[codePoints] = text.length();
  }

  /**
   * Every mutation of a file, in document order, numbered from 0.
   *
   * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException if the original file is not YAML
   */
  static List<Mutation> of(String pack, String file, String text) {
    YamlMutations mutations = new YamlMutations(pack, file, text);
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setUseMarks(true).build();
    new Compose(settings).composeString(text).ifPresent(mutations::root);
    return mutations.out;
  }

  private void root(Node root) {
    List<Object> here = List.of();
    int[] whole = {0, text.length()};
    String suffix = "\n";
    replace(here, root, Kind.NULL, whole, "null" + suffix);
    for (Kind kind : wrongTypes(root)) {
      replace(here, root, kind, whole, replacement(kind) + suffix);
    }
    if (root instanceof ScalarNode) {
      replace(here, root, Kind.OVERLONG, whole, OVERLONG + suffix);
    }
    children(root, here);
  }

  private void children(Node node, List<Object> path) {
    if (node instanceof MappingNode mapping) {
      List<NodeTuple> entries = mapping.getValue();
      for (int i = 0; i < entries.size(); i++) {
        NodeTuple entry = entries.get(i);
        if (!(entry.getKeyNode() instanceof ScalarNode key)) {
          continue;
        }
        List<Object> childPath = append(path, key.getValue());
        delete(mapping, i, childPath);
        int from = index(end(entry.getKeyNode()));
        int to = contentEnd(from, index(end(entry.getValueNode())));
        value(entry.getValueNode(), childPath, new int[] {from, to}, ": ");
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        int from = index(start(item));
        int to = Math.max(from, contentEnd(from, index(end(item))));
        value(item, append(path, i), new int[] {from, to}, "");
      }
    }
  }

  private void value(Node node, List<Object> path, int[] span, String prefix) {
    replace(path, node, Kind.NULL, span, prefix + "null");
    for (Kind kind : wrongTypes(node)) {
      if (kind == Kind.LIST && node instanceof MappingNode && !path.isEmpty()
          && "values".equals(path.get(path.size() - 1))) {
        continue; // a field's values may be a list or a mapping (spec section 5): a list is no wrong type
      }
      replace(path, node, kind, span, prefix + replacement(kind));
    }
    if (node instanceof ScalarNode) {
      replace(path, node, Kind.OVERLONG, span, prefix + OVERLONG);
    }
    children(node, path);
  }

  private void delete(MappingNode mapping, int i, List<Object> path) {
    List<NodeTuple> entries = mapping.getValue();
    Node key = entries.get(i).getKeyNode();
    int[] span;
    String replacement = "";
    if (entries.size() == 1) {
      span = new int[] {index(start(mapping)), contentEnd(index(start(mapping)), index(end(mapping)))};
      replacement = "{}";
    } else if (i < entries.size() - 1) {
      span = new int[] {index(start(key)), index(start(entries.get(i + 1).getKeyNode()))};
    } else {
      NodeTuple previous = entries.get(i - 1);
      int previousEnd = contentEnd(index(start(previous.getKeyNode())), index(end(previous.getValueNode())));
      span = new int[] {previousEnd, contentEnd(index(start(key)), index(end(entries.get(i).getValueNode())))};
    }
    Mark mark = start(key);
    out.add(new Mutation(out.size(), pack, file, path, Kind.DELETE, mark.getLine() + 1, mark.getColumn() + 1,
        span[0], span[1], replacement));
  }

  private void replace(List<Object> path, Node node, Kind kind, int[] span, String replacement) {
    Mark mark = start(node);
    out.add(new Mutation(out.size(), pack, file, path, kind, mark.getLine() + 1, mark.getColumn() + 1,
        span[0], span[1], replacement));
  }

  /** The wrong types tried for a node: the other two shapes, and for a scalar the other kind of scalar. */
  static List<Kind> wrongTypes(Node node) {
    if (node instanceof MappingNode) {
      return List.of(Kind.SCALAR, Kind.LIST);
    }
    if (node instanceof SequenceNode) {
      return List.of(Kind.SCALAR, Kind.MAPPING);
    }
    ScalarNode scalar = (ScalarNode) node;
    boolean typed = scalar.isPlain() && TYPED.matcher(scalar.getValue()).matches();
    return List.of(Kind.LIST, Kind.MAPPING, typed ? Kind.TEXT : Kind.NUMBER);
  }

  static String replacement(Kind kind) {
    return switch (kind) {
      case LIST -> LIST;
      case MAPPING -> MAPPING;
      case SCALAR, TEXT -> SCALAR;
      case NUMBER -> NUMBER;
      case OVERLONG -> OVERLONG;
      case NULL -> "null";
      case DELETE -> "";
    };
  }

  private static Mark start(Node node) {
    return node.getStartMark().orElseThrow(() -> new IllegalStateException("no position for a node"));
  }

  private static Mark end(Node node) {
    return node.getEndMark().orElseThrow(() -> new IllegalStateException("no position for a node"));
  }

  private int index(Mark mark) {
    return charAt[Math.min(mark.getIndex(), charAt.length - 1)];
  }

  /** One past the last character in [from, to) that is not white space; {@code from} if there is none. */
  private int contentEnd(int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return i + 1;
      }
    }
    return from;
  }

  private static List<Object> append(List<Object> path, Object segment) {
    List<Object> copy = new ArrayList<>(path.size() + 1);
    copy.addAll(path);
    copy.add(segment);
    return copy;
  }
}
