package vn.conduct.rules.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.internal.condition.ConditionLanguage;
import vn.conduct.rules.internal.model.DataType;
import vn.conduct.rules.internal.model.ParameterDoc;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * The places of a checklist a city or district may tune with a pack parameter (format 2): band
 * minimums, deduction points, caps and windows, quota percentages (and their override), veto score
 * caps, the floor and min-evidence — written {@code {param: <id>}} where a number (or, for a
 * window, a text) is expected.
 *
 * <p>Before a checklist is bound, each such reference is checked (a declared parameter of the
 * right type) and replaced by the parameter's value — its default when the pack is loaded, the
 * host's override when an engine is built with one — so the binder, the checks and the scorer see
 * plain values, and one definition of each check serves both.
 */
public final class ParameterSlots {

  /** A place that takes a parameter: a path pattern ({@code []} for any list index) and its type. */
  private record Slot(List<String> path, DataType type) { }

  private static final List<Slot> SLOTS = List.of(
      new Slot(List.of("min-evidence"), DataType.NUMBER),
      new Slot(List.of("floor"), DataType.NUMBER),
      new Slot(List.of("bands", "[]", "min"), DataType.NUMBER),
      new Slot(List.of("deductions", "[]", "points"), DataType.NUMBER),
      new Slot(List.of("deductions", "[]", "max"), DataType.NUMBER),
      new Slot(List.of("deductions", "[]", "within"), DataType.STRING),
      new Slot(List.of("quotas", "[]", "max-percent"), DataType.NUMBER),
      new Slot(List.of("quotas", "[]", "override", "max-percent"), DataType.NUMBER),
      new Slot(List.of("vetoes", "[]", "cap-score"), DataType.NUMBER));

  private ParameterSlots() { }

  /**
   * Finds every {@code {param: <id>}} in a tunable place of a checklist, reports the ones that
   * name no parameter of the right type (or appear in a format 1 pack), and replaces each by the
   * parameter's default value. Returns the document with its values in place, and the places found
   * (field path → parameter id).
   */
  static Found rewrite(YamlDocument document, PackScope scope, Issues issues) {
    Map<String, String> found = new LinkedHashMap<>();
    java.util.Set<String> failed = new java.util.HashSet<>();
    if (!document.root().isObject()) {
      return new Found(found, failed);
    }
    for (Slot slot : SLOTS) {
      visit(document.root(), slot.path(), 0, "", (parent, key, index, node, path) -> {
        if (!isReference(node)) {
          return;
        }
        String id = node.get("param").asText();
        ParameterDoc parameter = scope.parameters().get(id);
        JsonNode replacement = neutral(slot.type());
        int errorsBefore = issues.errorCount();
        if (scope.pack() != null && scope.pack().format() != null && scope.pack().format() < 2) {
          issues.error(document, path, "pack.format-feature", "a parameter in a checklist ('" + lastKey(path)
              + "') needs format 2, but pack.yaml says format: " + scope.pack().format(), "write 'format: 2' in"
              + " pack.yaml (rule-pack-format.md, section 18)");
        }
        if (parameter == null) {
          if (scope.reportsParameter(id)) {
            issues.error(document, YamlDocument.child(path, "param"), "ref.unknown-parameter", "unknown parameter '"
                + Binder.shorten(id) + "'", Hints.unknown(id, scope.parameters().keySet(), "declared parameters"));
          }
        } else if (parameter.type() != slot.type()) {
          issues.error(document, YamlDocument.child(path, "param"), "type.mismatch", "parameter '" + id + "' is a "
              + parameter.type().label() + ", but '" + lastKey(path) + "' takes a " + slot.type().label(), null);
        } else if (slot.type() == DataType.STRING
            && ConditionLanguage.WindowKind.read(parameter.defaultValue().asText()) == null) {
          issues.error(document, YamlDocument.child(path, "param"), "type.mismatch", "parameter '" + id
              + "' is used as a window, but its default '" + Binder.shorten(parameter.defaultValue().asText())
              + "' is not one", "a window is " + ConditionLanguage.WindowKind.expected());
        } else if (parameter.defaultValue().isValueNode()) {
          replacement = JsonNodeFactory.instance.textNode(parameter.defaultValue().asText());
        }
        if (issues.errorCount() == errorsBefore) {
          found.put(path, id);
        } else {
          failed.add(path);
        }
        put(parent, key, index, replacement);
      });
    }
    return new Found(found, failed);
  }

  /**
   * What {@link #rewrite} found: the places that take a parameter (path → id), and the places whose
   * reference was refused (their value is a stand-in: checks on it would only repeat the error).
   */
  record Found(Map<String, String> slots, java.util.Set<String> failed) { }

  /**
   * Returns a copy of a checklist's tree with the given values at the given places (the values of
   * the parameters found there by {@link #rewrite}).
   */
  static JsonNode withValues(JsonNode root, Map<String, String> places, Map<String, String> values) {
    JsonNode copy = root.deepCopy();
    for (Slot slot : SLOTS) {
      visit(copy, slot.path(), 0, "", (parent, key, index, node, path) -> {
        String id = places.get(path);
        if (id != null && values.containsKey(id)) {
          put(parent, key, index, JsonNodeFactory.instance.textNode(values.get(id)));
        }
      });
    }
    return copy;
  }

  private static boolean isReference(JsonNode node) {
    return node != null && node.isObject() && node.size() == 1 && node.has("param") && node.get("param").isTextual();
  }

  /** A value that passes binding without raising follow-on errors, for a reference that failed. */
  private static JsonNode neutral(DataType type) {
    return JsonNodeFactory.instance.textNode(type == DataType.STRING ? "period" : "0");
  }

  private static String lastKey(String path) {
    String parent = YamlDocument.parent(path);
    String key = path.substring(parent.length());
    return key.startsWith(".") ? key.substring(1) : key;
  }

  private interface Visitor {
    void at(JsonNode parent, String key, int index, JsonNode node, String path);
  }

  private static void visit(JsonNode node, List<String> pattern, int depth, String path, Visitor visitor) {
    String step = pattern.get(depth);
    boolean last = depth == pattern.size() - 1;
    if (step.equals("[]")) {
      if (!node.isArray()) {
        return;
      }
      for (int i = 0; i < node.size(); i++) {
        JsonNode child = node.get(i);
        String childPath = YamlDocument.element(path, i);
        if (last) {
          visitor.at(node, null, i, child, childPath);
        } else if (child != null) {
          visit(child, pattern, depth + 1, childPath, visitor);
        }
      }
      return;
    }
    if (!node.isObject() || !node.has(step)) {
      return;
    }
    JsonNode child = node.get(step);
    String childPath = YamlDocument.child(path, step);
    if (last) {
      visitor.at(node, step, -1, child, childPath);
    } else {
      visit(child, pattern, depth + 1, childPath, visitor);
    }
  }

  private static void put(JsonNode parent, String key, int index, JsonNode value) {
    if (key != null) {
      ((ObjectNode) parent).set(key, value);
    } else {
      ((ArrayNode) parent).set(index, value);
    }
  }
}
