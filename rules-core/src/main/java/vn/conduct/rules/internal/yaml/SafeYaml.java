package vn.conduct.rules.internal.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import vn.conduct.rules.internal.load.Issues;

/**
 * Parses pack files without constructing any object from YAML: the text is composed into nodes
 * and turned into a Jackson tree of strings, so no tag can instantiate a class and no scalar is
 * typed by YAML 1.1 rules ({@code 1.10}, {@code NO} and {@code 0777} stay the text they are;
 * binding gives them the type the pack's schema declares).
 *
 * <p>Refused, with the position: explicit tags other than YAML's core ones, anchors and aliases,
 * duplicate keys, nesting deeper than {@value #MAX_DEPTH}, files over {@value #MAX_CODE_POINTS}
 * code points, and text that is not UTF-8.
 */
public final class SafeYaml {

  /** The deepest nesting of collections a pack file may have. */
  public static final int MAX_DEPTH = 64;

  /** The largest pack file, in code points. */
  public static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

  private static final Set<Tag> CORE_TAGS = Set.of(
      Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

  private SafeYaml() { }

  /**
   * Parses one file; on any problem, reports it to {@code issues} and returns empty.
   *
   * @param file the file's path relative to the pack root, used in messages
   */
  public static Optional<YamlDocument> parse(String file, byte[] content, Issues issues) {
    if (content.length > MAX_CODE_POINTS * 4L) {
      issues.error(file, 1, 1, "", "yaml.size",
          "file is " + content.length + " bytes, over the limit of " + MAX_CODE_POINTS + " code points",
          "split the file");
      return Optional.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      issues.error(file, 1, 1, "", "yaml.encoding", "file is not valid UTF-8", "save it as UTF-8");
      return Optional.empty();
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(1000);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    options.setTagInspector(tag -> false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    Node root;
    try {
      if (!refuseAnchorsAndAliases(file, yaml.parse(new StringReader(text)), issues)) {
        return Optional.empty();
      }
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String code = problem.contains("Nesting Depth") ? "yaml.depth"
          : problem.contains("Global tag is not allowed") ? "yaml.tag" : "yaml.syntax";
      String hint = code.equals("yaml.depth") ? "pack files may nest at most " + MAX_DEPTH + " levels"
          : code.equals("yaml.tag") ? "packs are data: remove the tag; only plain YAML values are accepted" : null;
      issues.error(file, line(mark), column(mark), "", code, firstLine(problem), hint);
      return Optional.empty();
    } catch (YAMLException e) {
      String message = firstLine(e.getMessage());
      String code = message.contains("Nesting Depth") ? "yaml.depth"
          : message.contains("code points") ? "yaml.size"
          : message.contains("aliases") ? "yaml.alias" : "yaml.syntax";
      String hint = code.equals("yaml.depth") ? "pack files may nest at most " + MAX_DEPTH + " levels" : null;
      issues.error(file, 1, 1, "", code, message, hint);
      return Optional.empty();
    } catch (StackOverflowError e) {
      issues.error(file, 1, 1, "", "yaml.depth", "document nests too deeply",
          "pack files may nest at most " + MAX_DEPTH + " levels");
      return Optional.empty();
    }
    if (root == null) {
      return Optional.of(new YamlDocument(file, MissingNode.getInstance(), Map.of(), Map.of()));
    }
    Converter converter = new Converter(file, issues);
    JsonNode tree = converter.convert(root, "");
    if (converter.failed) {
      return Optional.empty();
    }
    return Optional.of(new YamlDocument(file, tree, converter.valueMarks, converter.keyMarks));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed YAML";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  static int line(Mark mark) {
    return mark == null ? 0 : mark.getLine() + 1;
  }

  static int column(Mark mark) {
    return mark == null ? 0 : mark.getColumn() + 1;
  }

  /**
   * Reports every anchor ({@code &a}) and alias ({@code *a}) with its position and field path; returns
   * whether there was none. Checked on the event stream, before any alias is expanded.
   */
  private static boolean refuseAnchorsAndAliases(String file, Iterable<Event> events, Issues issues) {
    boolean clean = true;
    java.util.ArrayDeque<Object[]> frames = new java.util.ArrayDeque<>(); // {path, isMapping, expectKey, key, index}
    for (Event event : events) {
      if (event instanceof CollectionEndEvent) {
        frames.pop();
        continue;
      }
      if (!(event instanceof NodeEvent node)) {
        continue;
      }
      String path = "";
      Object[] top = frames.peek();
      if (top != null) {
        String parent = (String) top[0];
        if ((Boolean) top[1]) {
          boolean isKey = (Boolean) top[2];
          top[2] = !isKey;
          if (isKey) {
            top[3] = event instanceof ScalarEvent scalar ? scalar.getValue() : null;
            path = top[3] == null ? parent : YamlDocument.child(parent, (String) top[3]);
          } else {
            path = top[3] == null ? parent : YamlDocument.child(parent, (String) top[3]);
          }
        } else {
          int index = (Integer) top[4];
          top[4] = index + 1;
          path = YamlDocument.element(parent, index);
        }
      }
      if (event instanceof AliasEvent alias) {
        Mark mark = alias.getStartMark();
        issues.error(file, line(mark), column(mark), path, "yaml.alias",
            "alias '*" + alias.getAnchor() + "': anchors and aliases are not allowed in packs",
            "write the value out where it is used");
        clean = false;
      } else if (node.getAnchor() != null) {
        Mark mark = node.getStartMark();
        issues.error(file, line(mark), column(mark), path, "yaml.alias",
            "anchor '&" + node.getAnchor() + "': anchors and aliases are not allowed in packs",
            "remove the anchor and write values out where they are used");
        clean = false;
      }
      if (event instanceof MappingStartEvent) {
        frames.push(new Object[] {path, true, true, null, 0});
      } else if (event instanceof SequenceStartEvent) {
        frames.push(new Object[] {path, false, false, null, 0});
      }
    }
    return clean;
  }

  private static final class Converter {
    private final String file;
    private final Issues issues;
    private final Map<String, int[]> valueMarks = new HashMap<>();
    private final Map<String, int[]> keyMarks = new HashMap<>();
    private final Map<Node, Boolean> seen = new IdentityHashMap<>();
    private boolean failed;

    Converter(String file, Issues issues) {
      this.file = file;
      this.issues = issues;
    }

    JsonNode convert(Node node, String path) {
      valueMarks.put(path, new int[] {line(node.getStartMark()), column(node.getStartMark())});
      if (seen.put(node, Boolean.TRUE) != null) {
        fail(node, path, "yaml.alias", "anchors and aliases are not allowed in packs",
            "write the value out where it is used");
        return JsonNodeFactory.instance.nullNode();
      }
      if (!CORE_TAGS.contains(node.getTag())) {
        fail(node, path, "yaml.tag", "tag '" + node.getTag().getValue() + "' is not allowed",
            "packs are data: remove the tag; only plain YAML values are accepted");
        return JsonNodeFactory.instance.nullNode();
      }
      if (node instanceof ScalarNode scalar) {
        return scalar(scalar);
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        int index = 0;
        for (Node item : sequence.getValue()) {
          array.add(convert(item, YamlDocument.element(path, index++)));
        }
        return array;
      }
      MappingNode mapping = (MappingNode) node;
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode keyScalar) || !CORE_TAGS.contains(keyNode.getTag())) {
          fail(keyNode, path, "yaml.key", "keys must be plain text",
              keyNode.getTag() == Tag.MERGE ? "merge keys ('<<') are not allowed in packs" : null);
          continue;
        }
        String key = keyScalar.getValue();
        String childPath = YamlDocument.child(path, key);
        if (object.has(key)) {
          int[] first = keyMarks.get(childPath);
          fail(keyNode, childPath, "yaml.duplicate-key",
              "duplicate key '" + key + "' (first at line " + (first == null ? "?" : first[0]) + ")",
              "each key may appear once in a mapping");
          continue;
        }
        keyMarks.put(childPath, new int[] {line(keyNode.getStartMark()), column(keyNode.getStartMark())});
        object.set(key, convert(tuple.getValueNode(), childPath));
      }
      return object;
    }

    private JsonNode scalar(ScalarNode scalar) {
      String value = scalar.getValue();
      boolean plain = scalar.isPlain();
      if (plain && (value.isEmpty() || value.equals("~") || value.equals("null")
          || value.equals("Null") || value.equals("NULL"))) {
        return JsonNodeFactory.instance.nullNode();
      }
      return JsonNodeFactory.instance.textNode(value);
    }

    private void fail(Node node, String path, String code, String message, String hint) {
      failed = true;
      Mark mark = node.getStartMark();
      issues.error(file, line(mark), column(mark), path, code, message, hint);
    }
  }
}
