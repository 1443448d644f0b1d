package vn.conduct.rules.conformance;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the suite's own files ({@code facts.yaml}, {@code expected.yaml},
 * {@code known-deviations.yaml}) with fixed, YAML-1.2-core-like typing of plain scalars, so that
 * every implementation of the suite reads them the same way:
 *
 * <ul>
 *   <li>{@code true} / {@code false} are booleans (never {@code yes}, {@code NO}, {@code on});
 *   <li>{@code null}, {@code ~} and empty are null;
 *   <li>{@code -?[0-9]+} is an integer, decimal (leading zeros ignored: {@code 0777} is 777);
 *   <li>a decimal number ({@code 2.5}, {@code 1e3}) is an exact decimal;
 *   <li>{@code YYYY-MM-DD} is a date;
 *   <li>anything else, and every quoted scalar, is a string.
 * </ul>
 *
 * <p>Parsing composes nodes only (safe {@link LoaderOptions}: no tags, no object construction).
 * Anchors, aliases and duplicate keys are refused.
 */
final class CoreYaml {

  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private CoreYaml() { }

  /** Reads a file holding one YAML document; an empty file reads as {@code null}. */
  static Object read(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(64);
    options.setTagInspector(tag -> false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Node root = yaml.compose(reader);
      return root == null ? null : convert(root, file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  private static Object convert(Node node, Path file) {
    if (node.getAnchor() != null) {
      throw new IllegalStateException(file + ": anchors and aliases are not used in suite files");
    }
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        list.add(convert(item, file));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new IllegalStateException(file + ": keys must be scalars (line "
            + (tuple.getKeyNode().getStartMark().getLine() + 1) + ")");
      }
      if (map.containsKey(key.getValue())) {
        throw new IllegalStateException(file + ": duplicate key '" + key.getValue() + "'");
      }
      map.put(key.getValue(), convert(tuple.getValueNode(), file));
    }
    return map;
  }

  private static Object scalar(ScalarNode scalar) {
    String text = scalar.getValue();
    if (!scalar.isPlain()) {
      return text;
    }
    if (text.isEmpty() || text.equals("~") || text.equals("null")) {
      return null;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    if (INT.matcher(text).matches()) {
      BigInteger value = new BigInteger(text);
      return value.bitLength() < 63 ? (Object) value.longValue() : new BigDecimal(value);
    }
    if (DECIMAL.matcher(text).matches()) {
      return new BigDecimal(text);
    }
    if (DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return text;
  }
}
