package vn.conduct.rules.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.internal.condition.ConditionLanguage.Aggregation;
import vn.conduct.rules.internal.condition.ConditionLanguage.Form;
import vn.conduct.rules.internal.condition.ConditionLanguage.Operator;
import vn.conduct.rules.internal.condition.ConditionLanguage.TimePoint;
import vn.conduct.rules.internal.condition.ConditionLanguage.WindowKind;
import vn.conduct.rules.internal.model.DataType;

/**
 * The JSON schemas and the spec state the condition language as {@link ConditionLanguage} defines
 * it: the condition definitions of {@code rule.schema.json} and {@code checklist.schema.json}, and
 * the operator table of the spec (section 9.1), are generated from the table; this test fails when
 * the committed files differ, and rewrites them when run with {@code -Dconduct.regenerate=true}:
 *
 * <pre>
 * mvn -B -o -q -pl rules-core test -Dtest=ConditionLanguageDocsTests -Dconduct.regenerate=true
 * </pre>
 */
class ConditionLanguageDocsTests {

  static final String REGENERATE = "mvn -B -o -q -pl rules-core test -Dtest=ConditionLanguageDocsTests"
      + " -Dconduct.regenerate=true";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ID_PATTERN = "^[a-z][a-z0-9]*([._-][a-z0-9]+)*$";
  private static final String BEGIN = "<!-- generated from ConditionLanguage.Operator by ConditionLanguageDocsTests; do not edit -->";
  private static final String END = "<!-- end of generated table -->";

  static Path specs() {
    Path root = Path.of("..", "specs").toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("schema"))) {
      fail("specs/ was not found at " + root + "; run the tests from the rules-core module directory");
    }
    return root;
  }

  private static boolean regenerate() {
    return Boolean.getBoolean("conduct.regenerate");
  }

  // ------------------------------------------------------------------------------- schemas

  @Test
  void the_schemas_define_conditions_as_the_table_does() throws IOException {
    List<String> stale = new ArrayList<>();
    for (String name : List.of("rule.schema.json", "checklist.schema.json")) {
      Path file = specs().resolve("schema").resolve(name);
      String committed = Files.readString(file, StandardCharsets.UTF_8);
      ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(committed);
      ObjectNode defs = (ObjectNode) schema.get("$defs");
      generatedDefinitions().forEach(defs::set);
      String generated = PythonStyleJson.write(schema);
      if (!generated.equals(committed)) {
        if (regenerate()) {
          Files.writeString(file, generated, StandardCharsets.UTF_8);
        } else {
          stale.add(name);
        }
      }
    }
    assertThat(stale).as("schemas whose condition definitions differ from ConditionLanguage; regenerate them"
        + " with: " + REGENERATE).isEmpty();
  }

  @Test
  void the_json_writer_reproduces_the_committed_formatting() throws IOException {
    for (String name : List.of("rule-pack.schema.json", "facts.schema.json", "report.schema.json")) {
      String committed = Files.readString(specs().resolve("schema").resolve(name), StandardCharsets.UTF_8);
      assertThat(PythonStyleJson.write(new ObjectMapper().readTree(committed))).as(name).isEqualTo(committed);
    }
  }

  /** The condition definitions, in the order the schemas list them. */
  static Map<String, JsonNode> generatedDefinitions() {
    return Map.of(
        "comparison", comparison(),
        "aggregate", aggregate(),
        "value", value(),
        "range", range(),
        "valueList", valueList(),
        "window", window(),
        "timePoint", timePoint(),
        "dateTerm", dateTerm());
  }

  private static ObjectNode timePoint() {
    ObjectNode def = NODES.objectNode().put("type", "object");
    ObjectNode date = def.putObject("properties").putObject("date");
    ArrayNode keys = date.putArray("enum");
    List<String> meanings = new ArrayList<>();
    for (TimePoint point : TimePoint.values()) {
      keys.add(point.key);
      meanings.add("'" + point.key + "': " + point.meaning);
    }
    date.put("description", String.join("; ", meanings) + ".");
    def.putArray("required").add("date");
    def.put("additionalProperties", false);
    def.put("description", "A date of the evaluation (format 2), known in every evaluation.");
    return def;
  }

  private static ObjectNode dateTerm() {
    ObjectNode def = NODES.objectNode();
    ArrayNode oneOf = def.putArray("oneOf");
    for (String key : List.of("attribute", "indicator")) {
      ObjectNode field = oneOf.addObject().put("type", "object");
      field.putObject("properties").putObject(key).put("type", "string").put("pattern", ID_PATTERN);
      field.putArray("required").add(key);
      field.put("additionalProperties", false);
    }
    oneOf.addObject().put("$ref", "#/$defs/timePoint");
    def.put("description", "An end of days-between: a date attribute or indicator, or a date of the evaluation.");
    return def;
  }

  private static ObjectNode comparison() {
    ObjectNode def = NODES.objectNode().put("type", "object");
    ObjectNode properties = def.putObject("properties");
    properties.putObject("attribute").put("type", "string").put("pattern", ID_PATTERN).put("description",
        "A static attribute of the subject (inside 'where' of an event aggregate: an attribute of the event).");
    properties.putObject("indicator").put("type", "string").put("pattern", ID_PATTERN).put("description",
        "An observed indicator of the subject: the latest observation on or before the evaluation date.");
    properties.putObject("date").set("enum", enumOf(TimePoint.keys()));
    ((ObjectNode) properties.get("date")).put("description", "A date of the evaluation (format 2).");
    ObjectNode days = properties.putObject(ConditionLanguage.DAYS_BETWEEN).put("type", "array").put("minItems", 2)
        .put("maxItems", 2);
    days.putObject("items").put("$ref", "#/$defs/dateTerm");
    days.put("description", "The days from the first date to the second, second minus first (format 2): a number;"
        + " UNKNOWN when either is missing.");
    List<Operator> operators = Arrays.asList(Operator.values());
    operators.forEach(op -> properties.set(op.key, operator(op)));
    def.put("additionalProperties", false);
    ArrayNode allOf = def.putArray("allOf");
    allOf.add(oneOfRequired(List.of("attribute", "indicator", "date", ConditionLanguage.DAYS_BETWEEN)));
    allOf.add(oneOfRequired(operators.stream().map(op -> op.key).toList()));
    List<String> deciding = operators.stream().filter(op -> op.form.decidesMissing()).map(op -> op.key).toList();
    def.put("description", "A comparison: exactly one operand (attribute, indicator, and in format 2 a date of the"
        + " evaluation or days-between) and exactly one operator."
        + " A comparison on a missing value is UNKNOWN (except " + String.join("/", deciding) + ").");
    return def;
  }

  private static ObjectNode aggregate() {
    ObjectNode def = NODES.objectNode().put("type", "object");
    ObjectNode properties = def.putObject("properties");
    for (Aggregation function : Aggregation.values()) {
      properties.putObject(function.key).put("$ref", function.needsOf() ? "#/$defs/valueScope" : "#/$defs/countScope")
          .put("description", function.meaning);
    }
    List<Operator> operators = Operator.comparingAggregates();
    operators.forEach(op -> properties.set(op.key, operator(op)));
    def.put("additionalProperties", false);
    ArrayNode allOf = def.putArray("allOf");
    allOf.add(oneOfRequired(Aggregation.keys()));
    allOf.add(oneOfRequired(operators.stream().map(op -> op.key).toList()));
    def.put("description", "An aggregate over events (about the subject, or in format 2 about its members or"
        + " descendants) or over its members or descendants, compared with exactly one operator.");
    return def;
  }

  private static ObjectNode operator(Operator op) {
    String types = op.types().size() == DataType.values().length ? "any type" : op.typesInWords() + " only";
    return switch (op.form) {
      case PRESENCE -> NODES.objectNode().put("const", true).put("description",
          "TRUE when the operand " + op.meaning + "; never UNKNOWN. Only 'true' is allowed.");
      case ONE, RANGE, LIST -> NODES.objectNode().put("$ref", "#/$defs/" + op.form.schemaDefinition())
          .put("description", "TRUE when the operand " + op.meaning + " (" + types + ").");
    };
  }

  private static ArrayNode enumOf(List<String> keys) {
    ArrayNode array = NODES.arrayNode();
    keys.forEach(array::add);
    return array;
  }

  private static ObjectNode oneOfRequired(List<String> keys) {
    ObjectNode node = NODES.objectNode();
    ArrayNode oneOf = node.putArray("oneOf");
    keys.forEach(key -> oneOf.addObject().putArray("required").add(key));
    return node;
  }

  /** The JSON types of values of operators of a form. */
  private static ArrayNode jsonTypes(Form form) {
    Set<String> types = new LinkedHashSet<>();
    for (Operator op : Operator.values()) {
      if (op.form == form) {
        for (DataType type : DataType.values()) {
          if (op.accepts(type)) {
            types.add(switch (type) {
              case STRING, DATE -> "string";
              case NUMBER -> "number";
              case BOOLEAN -> "boolean";
            });
          }
        }
      }
    }
    ArrayNode array = NODES.arrayNode();
    types.forEach(array::add);
    return array;
  }

  private static ObjectNode value() {
    ObjectNode def = NODES.objectNode();
    ArrayNode oneOf = def.putArray("oneOf");
    oneOf.addObject().set("type", jsonTypes(Form.ONE));
    oneOf.addObject().put("$ref", "#/$defs/param");
    oneOf.addObject().put("$ref", "#/$defs/timePoint");
    def.put("description", "A comparison value: a scalar read as the operand's declared type, {param: id}, or (format"
        + " 2, for dates) {date: point}.");
    return def;
  }

  private static ObjectNode range() {
    ObjectNode def = NODES.objectNode().put("type", "array").put("minItems", 2).put("maxItems", 2);
    def.putObject("items").put("$ref", "#/$defs/value");
    def.put("description", "[low, high], both inclusive; each a scalar or {param: id}. Low MUST NOT exceed high.");
    return def;
  }

  private static ObjectNode valueList() {
    ObjectNode def = NODES.objectNode().put("type", "array").put("minItems", 1).put("uniqueItems", true);
    def.putObject("items").set("type", jsonTypes(Form.LIST));
    def.put("description", "A non-empty list of distinct values (strings or numbers); never {param: id}.");
    return def;
  }

  private static ObjectNode window() {
    List<String> kinds = new ArrayList<>();
    for (WindowKind kind : WindowKind.values()) {
      kinds.add((kind.key == null ? "" : "'" + kind.key + "': ") + kind.meaning);
    }
    return NODES.objectNode().put("type", "string").put("pattern", WindowKind.schemaPattern())
        .put("description", "The time window, back from the evaluation date: " + String.join("; ", kinds) + ".");
  }

  // ---------------------------------------------------------------------------------- spec

  @Test
  void the_spec_lists_the_operators_as_the_table_does() throws IOException {
    Path file = specs().resolve("rule-pack-format.md");
    String spec = Files.readString(file, StandardCharsets.UTF_8);
    int begin = spec.indexOf(BEGIN);
    int end = spec.indexOf(END);
    assertThat(begin).as("the spec's operator table starts with " + BEGIN).isPositive();
    assertThat(end).as("and ends with " + END).isGreaterThan(begin);
    String generated = spec.substring(0, begin) + BEGIN + "\n" + operatorTable() + END + spec.substring(end + END.length());
    if (!generated.equals(spec)) {
      if (regenerate()) {
        Files.writeString(file, generated, StandardCharsets.UTF_8);
      } else {
        fail("the operator table of specs/rule-pack-format.md differs from ConditionLanguage; regenerate it with: "
            + REGENERATE);
      }
    }
  }

  static String operatorTable() {
    StringBuilder table = new StringBuilder();
    table.append("| Operator | Value | Types | TRUE when the operand… | Missing value | In reasons (en / vi) |\n");
    table.append("|---|---|---|---|---|---|\n");
    for (Operator op : Operator.values()) {
      String value = switch (op.form) {
        case PRESENCE -> "`true`";
        case ONE -> "one value or `{param: id}`";
        case RANGE -> "`[low, high]`, each a value or `{param: id}`; low not above high";
        case LIST -> "non-empty list of distinct values (no `{param: id}`)";
      };
      String missing = switch (op.truthWhenMissing()) {
        case ConditionLanguage.TRUE -> "TRUE";
        case ConditionLanguage.FALSE -> "FALSE";
        default -> "UNKNOWN";
      };
      List<String> sample = switch (op.form) {
        case PRESENCE -> List.of();
        case ONE -> List.of("a");
        case RANGE, LIST -> List.of("a", "b");
      };
      table.append("| `").append(op.key).append("` | ").append(value).append(" | ")
          .append(op.types().size() == DataType.values().length ? "all" : op.typesInWords()).append(" | ")
          .append(op.meaning).append(" | ").append(missing).append(" | ")
          .append(op.words(Language.EN, sample)).append(" / ").append(op.words(Language.VI, sample)).append(" |\n");
    }
    return table.toString();
  }

  @Test
  void the_spec_lists_the_functions_and_windows_of_the_table() throws IOException {
    String spec = Files.readString(specs().resolve("rule-pack-format.md"), StandardCharsets.UTF_8);
    String aggregates = section(spec, "### 9.3 Aggregates", "**Windows**");
    String windows = section(spec, "**Windows**", "**Unknown elements.**");
    assertThat(firstColumnKeys(aggregates)).as("functions in section 9.3").containsExactlyInAnyOrderElementsOf(
        Aggregation.keys());
    List<String> named = Arrays.stream(WindowKind.values()).filter(k -> k.key != null).map(k -> k.key).toList();
    assertThat(firstColumnKeys(windows)).as("windows in section 9.3").containsExactlyInAnyOrderElementsOf(named);
  }

  private static String section(String text, String from, String to) {
    int start = text.indexOf(from);
    int end = text.indexOf(to, start + from.length());
    assertThat(start).as(from).isNotNegative();
    assertThat(end).as(to).isPositive();
    return text.substring(start, end);
  }

  /** The backticked keys in the first column of a section's Markdown table rows (not header or rule). */
  private static List<String> firstColumnKeys(String section) {
    List<String> keys = new ArrayList<>();
    Pattern key = Pattern.compile("`([a-z-]+)`");
    for (String line : section.split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String cell = line.substring(1, line.indexOf('|', 1));
      Matcher m = key.matcher(cell);
      while (m.find()) {
        keys.add(m.group(1));
      }
    }
    return keys;
  }

  // ------------------------------------------------------------------------------- writer

  /** Writes JSON as Python's {@code json.dumps(value, indent=2, ensure_ascii=False)} does, plus a newline. */
  static final class PythonStyleJson {
    private PythonStyleJson() { }

    static String write(JsonNode node) {
      StringBuilder out = new StringBuilder();
      write(node, "", out);
      return out.append('\n').toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
      String inner = indent + "  ";
      if (node.isObject()) {
        if (node.isEmpty()) {
          out.append("{}");
          return;
        }
        out.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          out.append(inner);
          string(field.getKey(), out);
          out.append(": ");
          write(field.getValue(), inner, out);
          out.append(fields.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
      } else if (node.isArray()) {
        if (node.isEmpty()) {
          out.append("[]");
          return;
        }
        out.append("[\n");
        for (int i = 0; i < node.size(); i++) {
          out.append(inner);
          write(node.get(i), inner, out);
          out.append(i + 1 < node.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
      } else if (node.isTextual()) {
        string(node.asText(), out);
      } else {
        out.append(node.toString());
      }
    }

    private static void string(String text, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
