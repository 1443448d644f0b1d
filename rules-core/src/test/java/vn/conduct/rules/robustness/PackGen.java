package vn.conduct.rules.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Packs for the loader's property tests: a valid pack drawn from the format (vocabulary, parameters,
 * rules with conditions over the vocabulary, checklists over the rules), then damaged by zero to
 * three corruptions: a key deleted, a value set to null, to another type, to hostile text or to an
 * odd number, a reference broken, an id duplicated, a condition nested deep or made wide, a file
 * misplaced, emptied or filled with bytes. Mostly near-valid, so the checks behind the parser run.
 */
final class PackGen {

  /** A generated pack: its files, and what was done to it (for the failure report). */
  record Pack(Map<String, byte[]> files, List<String> corruptions) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("corruptions: ").append(corruptions);
      files.forEach((name, content) -> text.append("\n--- ").append(name).append('\n')
          .append(new String(content, StandardCharsets.UTF_8)));
      return text.toString();
    }
  }

  private static final List<String> TYPES = List.of("string", "number", "boolean", "date");

  private final Random random;
  private final Map<String, Map<String, Object>> subjectTypes = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> fields = new LinkedHashMap<>(); // type -> field key -> data type
  private final Map<String, List<String>> eventTypes = new LinkedHashMap<>(); // event -> subject types
  private final Map<String, String> parameters = new LinkedHashMap<>();
  private final Map<String, Object> files = new TreeMap<>();
  private final List<String> corruptions = new ArrayList<>();

  private PackGen(Random random) {
    this.random = random;
  }

  static Gen<Pack> packs() {
    return random -> new PackGen(random).generate();
  }

  private Pack generate() {
    Map<String, Object> manifest = manifest();
    files.put("pack.yaml", manifest);
    List<String> ruleIds = new ArrayList<>();
    Map<String, String> ruleTypes = new LinkedHashMap<>();
    int rules = 1 + random.nextInt(4);
    for (int i = 0; i < rules; i++) {
      String id = "g.r" + i;
      String type = Gen.pick(random, new ArrayList<>(subjectTypes.keySet()));
      files.put("rules/" + id + "/rule.yaml", rule(id, type));
      ruleIds.add(id);
      ruleTypes.put(id, type);
    }
    int checklists = random.nextInt(3);
    for (int i = 0; i < checklists; i++) {
      String type = Gen.pick(random, new ArrayList<>(ruleTypes.values()));
      files.put("checklists/c" + i + ".yaml", checklist("c" + i, type, ruleTypes));
    }
    files.put("README.md", "# generated");
    int damage = Gen.pick(random, 0, 0, 1, 1, 1, 2, 3);
    for (int i = 0; i < damage; i++) {
      corrupt();
    }
    Map<String, byte[]> rendered = new TreeMap<>();
    files.forEach((name, content) -> rendered.put(name, render(content)));
    return new Pack(rendered, corruptions);
  }

  // ------------------------------------------------------------------------------------- valid pack

  private Map<String, Object> manifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", 1);
    m.put("id", "gen-pack");
    m.put("version", "1.0.0");
    m.put("title", text("Gói sinh", "Generated pack"));
    m.put("engine", ">=0.1.0 <1.0.0");
    if (random.nextBoolean()) {
      m.put("effective", Gen.map("from", "2020-01-01"));
    }
    Map<String, Object> sources = new LinkedHashMap<>();
    sources.put("src", Gen.map("number", "1/QĐ-GEN", "title", text("Văn bản", "Document")));
    m.put("sources", sources);
    Map<String, Object> vocabulary = new LinkedHashMap<>();
    Map<String, Object> types = new LinkedHashMap<>();
    int count = 1 + random.nextInt(3);
    String previous = null;
    for (int i = 0; i < count; i++) {
      String type = Gen.pick(random, "agency", "officer", "team", "ward").concat(String.valueOf(i));
      Map<String, Object> doc = new LinkedHashMap<>();
      if (previous != null && random.nextBoolean()) {
        doc.put("parent", previous);
      }
      Map<String, String> own = new LinkedHashMap<>();
      doc.put("attributes", fieldMap(own, "attribute", 1 + random.nextInt(3)));
      doc.put("indicators", fieldMap(own, "indicator", 1 + random.nextInt(3)));
      types.put(type, doc);
      subjectTypes.put(type, doc);
      fields.put(type, own);
      previous = type;
    }
    vocabulary.put("subject-types", types);
    Map<String, Object> events = new LinkedHashMap<>();
    for (int i = 0; i < random.nextInt(3); i++) {
      String type = "ev" + i;
      List<String> allowed = List.of(Gen.pick(random, new ArrayList<>(subjectTypes.keySet())));
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("subject-types", new ArrayList<>(allowed));
      if (random.nextBoolean()) {
        doc.put("attributes", Gen.map("amount", Gen.map("type", "number")));
      }
      events.put(type, doc);
      eventTypes.put(type, allowed);
    }
    if (!events.isEmpty()) {
      vocabulary.put("event-types", events);
    }
    m.put("vocabulary", vocabulary);
    if (random.nextBoolean()) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("target", Gen.map("type", "number", "default", 80, "basis", "inferred"));
      parameters.put("target", "number");
      m.put("parameters", params);
    }
    return m;
  }

  private Map<String, Object> fieldMap(Map<String, String> own, String prefix, int n) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String type = Gen.pick(random, TYPES);
      String name = prefix.charAt(0) + "-" + type + "-" + i;
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("type", type);
      if (type.equals("string") && random.nextInt(3) == 0) {
        field.put("values", new ArrayList<>(List.of("a", "b", "c")));
      }
      map.put(name, field);
      own.put(prefix + ":" + name, type);
    }
    return map;
  }

  private Map<String, Object> rule(String id, String type) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("title", text("Quy tắc " + id, "Rule " + id));
    r.put("source", Gen.map("document", "src", "basis", "read"));
    r.put("applies-to", new ArrayList<>(List.of(type)));
    r.put("kind", Gen.pick(random, "requirement", "prohibition", "criterion"));
    r.put("severity", Gen.pick(random, "advisory", "minor", "major", "critical"));
    if (random.nextBoolean()) {
      r.put("points", 1 + random.nextInt(20));
    }
    if (random.nextInt(4) == 0) {
      r.put("when", condition(type, 1));
    }
    r.put("condition", condition(type, 0));
    if (random.nextInt(4) == 0) {
      r.put("tags", new ArrayList<>(List.of("t1")));
    }
    return r;
  }

  private Object condition(String type, int depth) {
    int shape = depth >= 3 ? 0 : random.nextInt(10);
    if (shape <= 5) {
      return comparison(type);
    }
    if (shape <= 7) {
      List<Object> operands = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(3); i++) {
        operands.add(condition(type, depth + 1));
      }
      return Gen.map(random.nextBoolean() ? "all" : "any", operands);
    }
    if (shape == 8) {
      return Gen.map("not", condition(type, depth + 1));
    }
    List<String> events = eventTypes.entrySet().stream().filter(e -> e.getValue().contains(type)).map(Map.Entry::getKey)
        .toList();
    if (events.isEmpty()) {
      return comparison(type);
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("events", new ArrayList<>(List.of(Gen.pick(random, events))));
    scope.put("within", Gen.pick(random, "period", "all", "P12M", "P30D"));
    Map<String, Object> aggregate = new LinkedHashMap<>();
    aggregate.put("count", scope);
    aggregate.put(Gen.pick(random, "ge", "le", "eq", "gt"), random.nextInt(4));
    return aggregate;
  }

  private Map<String, Object> comparison(String type) {
    Map<String, String> own = fields.get(type);
    String key = Gen.pick(random, new ArrayList<>(own.keySet()));
    String dataType = own.get(key);
    Map<String, Object> c = new LinkedHashMap<>();
    String[] scopeAndName = key.split(":");
    c.put(scopeAndName[0], scopeAndName[1]);
    if (random.nextInt(6) == 0) {
      c.put(random.nextBoolean() ? "exists" : "missing", true);
      return c;
    }
    switch (dataType) {
      case "number" -> {
        String op = Gen.pick(random, "eq", "ne", "lt", "le", "gt", "ge", "between", "in");
        if (op.equals("between")) {
          c.put(op, new ArrayList<>(List.of(1, 10)));
        } else if (op.equals("in")) {
          c.put(op, new ArrayList<>(List.of(1, 2, 3)));
        } else if (!parameters.isEmpty() && random.nextBoolean()) {
          c.put(op, Gen.map("param", "target"));
        } else {
          c.put(op, random.nextBoolean() ? (Object) (random.nextInt(200) - 50) : (random.nextInt(2000) - 500) / 10.0);
        }
      }
      case "date" -> c.put(Gen.pick(random, "lt", "le", "gt", "ge", "eq"), "2024-06-30");
      case "boolean" -> c.put(Gen.pick(random, "eq", "ne"), random.nextBoolean());
      default -> {
        String op = Gen.pick(random, "eq", "ne", "in", "not-in");
        c.put(op, op.endsWith("in") ? new ArrayList<>(List.of("a", "b")) : "a");
      }
    }
    return c;
  }

  private Map<String, Object> checklist(String id, String type, Map<String, String> ruleTypes) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("title", text("Phiếu " + id, "Sheet " + id));
    c.put("subject-type", type);
    boolean weighted = random.nextInt(3) == 0;
    if (weighted) {
      c.put("method", "weighted");
    }
    List<Object> items = new ArrayList<>();
    List<String> rulesOfType = ruleTypes.entrySet().stream().filter(e -> e.getValue().equals(type))
        .map(Map.Entry::getKey).toList();
    for (String rule : rulesOfType) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("rule", rule);
      item.put(weighted ? "weight" : "points", 1 + random.nextInt(10));
      items.add(item);
    }
    c.put("items", items);
    List<Object> bands = new ArrayList<>();
    bands.add(Gen.map("id", "A", "min", 80));
    bands.add(Gen.map("id", "B", "min", 40));
    bands.add(Gen.map("id", "C", "min", 0));
    c.put("bands", bands);
    if (random.nextInt(3) == 0) {
      c.put("quotas", new ArrayList<>(List.of(Gen.map("band", "A", "max-percent", 20))));
    }
    if (random.nextInt(3) == 0) {
      c.put("vetoes", new ArrayList<>(List.of(Gen.map("rule", rulesOfType.get(0),
          "cap-rating", "B"))));
    }
    if (random.nextInt(4) == 0 && !eventTypes.isEmpty()) {
      c.put("deductions", new ArrayList<>(List.of(Gen.map("events",
          new ArrayList<>(List.of(eventTypes.keySet().iterator().next())), "points", 2))));
    }
    if (random.nextInt(3) == 0) {
      c.put("ranking", new LinkedHashMap<>());
    }
    return c;
  }

  private static Map<String, Object> text(String vi, String en) {
    return Gen.map("vi", vi, "en", en);
  }

  // ------------------------------------------------------------------------------------ corruptions

  private void corrupt() {
    List<String> names = new ArrayList<>(files.keySet());
    String name = Gen.pick(random, names);
    Object content = files.get(name);
    int what = random.nextInt(14);
    if (what <= 9 && content instanceof Map<?, ?>) {
      Damage.apply(random, content, what, name, corruptions);
      return;
    }
    switch (what) {
      case 10 -> {
        files.remove(name);
        corruptions.add("removed " + name);
      }
      case 11 -> {
        String target = Gen.pick(random, "rules/g.r9.yaml", "rules/g.r0/tests/x.yaml", "checklists/sub/c.yaml",
            "checklists/c9.yml", "rules/other/rule.yaml", "pack.yml", ".hidden/rule.yaml", "rules/g.r0/rule.yaml");
        files.put(target, content);
        corruptions.add("copied " + name + " to " + target);
      }
      case 12 -> {
        files.put(name, Gen.pick(random, "", "---\n", "null\n", "[]\n", "- a\n", "x\n", "{}\n"));
        corruptions.add("emptied " + name);
      }
      default -> {
        byte[] junk = new byte[Gen.size(random, 512)];
        random.nextBytes(junk);
        files.put(name, junk);
        corruptions.add("filled " + name + " with " + junk.length + " random bytes");
      }
    }
  }

  private byte[] render(Object content) {
    if (content instanceof byte[] bytes) {
      return bytes;
    }
    if (content instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(Gen.pick(random, DumperOptions.FlowStyle.BLOCK, DumperOptions.FlowStyle.AUTO,
        DumperOptions.FlowStyle.FLOW));
    options.setAllowUnicode(true);
    options.setWidth(Gen.pick(random, 80, 200, 10_000));
    options.setMaxSimpleKeyLength(1024);
    return new Yaml(options).dump(content).getBytes(StandardCharsets.UTF_8);
  }
}
