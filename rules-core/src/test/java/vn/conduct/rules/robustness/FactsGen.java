package vn.conduct.rules.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Facts files for the facts reader's property tests: a valid file for the test pack's vocabulary
 * ({@code agency} and {@code officer}, see {@link vn.conduct.rules.testing.PackBuilder}), damaged
 * zero to three times; now and then YAML-ish text or bytes instead.
 */
final class FactsGen {

  /** A generated facts file and what was done to it. */
  record Facts(byte[] content, List<String> damage) {
    @Override
    public String toString() {
      return "damage: " + damage + "\n" + new String(content, StandardCharsets.UTF_8);
    }
  }

  private FactsGen() { }

  static Gen<Facts> files() {
    return random -> {
      int how = random.nextInt(20);
      if (how == 0) {
        return new Facts(YamlishGen.bytes().next(random), List.of("yaml-ish bytes"));
      }
      List<String> damage = new ArrayList<>();
      Map<String, Object> tree = tree(random);
      int times = Gen.pick(random, 0, 0, 1, 1, 1, 2, 3);
      for (int i = 0; i < times; i++) {
        Damage.apply(random, tree, random.nextInt(10), "facts", damage);
      }
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(Gen.pick(random, DumperOptions.FlowStyle.BLOCK, DumperOptions.FlowStyle.AUTO,
          DumperOptions.FlowStyle.FLOW));
      options.setAllowUnicode(random.nextBoolean());
      options.setWidth(Gen.pick(random, 80, 10_000));
      options.setMaxSimpleKeyLength(1024);
      String text = new Yaml(options).dump(tree);
      if (how == 1) {
        text = "\uFEFF" + text;
      }
      return new Facts(text.getBytes(StandardCharsets.UTF_8), damage);
    };
  }

  private static Map<String, Object> tree(Random random) {
    Map<String, Object> facts = new LinkedHashMap<>();
    boolean two = random.nextInt(3) == 0; // format 2: evidence blocks (facts-format.md, section 5.1)
    if (two) {
      facts.put("format", 2);
      facts.put("decided-on", "2025-06-30");
    } else {
      facts.put("as-of", "2025-06-30");
    }
    if (random.nextInt(5) == 0) {
      facts.put("period", Gen.map("start", "2025-06-01", "end", "2025-06-30"));
    }
    if (random.nextInt(8) == 0) {
      facts.put("packs", new ArrayList<>(List.of(Gen.pick(random, "facts-pack", "other-pack"))));
    }
    if (random.nextInt(10) == 0) {
      facts.put("pin", Gen.map("facts-pack", Gen.pick(random, "1.0.0", "9.9.9")));
    }
    List<Object> subjects = new ArrayList<>();
    List<Object> observations = new ArrayList<>();
    List<Object> events = new ArrayList<>();
    int count = 1 + Gen.size(random, 20);
    for (int i = 0; i < count; i++) {
      Map<String, Object> subject = new LinkedHashMap<>();
      String id = "s" + i;
      boolean agency = i == 0 || random.nextInt(5) == 0;
      subject.put("id", id);
      subject.put("type", agency ? "agency" : Gen.pick(random, "officer", "officer", "officer", "ghost"));
      if (random.nextBoolean()) {
        subject.put("name", Gen.pick(random, "Nguyễn Văn A", "UBND phường", "=1+1", "😀"));
      }
      if (!agency) {
        subject.put("parent", "s0");
      }
      Map<String, Object> attributes = new LinkedHashMap<>();
      if (agency) {
        attributes.put("block", Gen.pick(random, "district", "ward"));
        attributes.put("exceptional", random.nextBoolean());
      } else {
        attributes.put("position", Gen.pick(random, "leader", "staff", 12, true));
        if (random.nextBoolean()) {
          attributes.put("born", Gen.pick(random, "1980-02-29", "1981-02-29", "not a date"));
        }
      }
      subject.put("attributes", attributes);
      subjects.add(subject);
      for (String indicator : agency ? List.of("sipas") : List.of("n", "badge-worn", "signed", "task")) {
        if (random.nextBoolean()) {
          Map<String, Object> observation = new LinkedHashMap<>();
          observation.put("subject", id);
          observation.put("indicator", indicator);
          observation.put("value", Gen.pick(random, 80, 95.5, true, false, "x", 0, -1, "1e3"));
          if (random.nextBoolean()) {
            observation.put("observed-on", random.nextInt(50) == 0 ? "2025-06-31"
                : Gen.pick(random, "2025-06-12", "2025-07-01", "2025-05-31"));
          }
          if (random.nextInt(two ? 2 : 30) == 0) {
            observation.put("evidence", evidence(random));
          }
          observations.add(observation);
        }
      }
      if (!agency && random.nextBoolean()) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "e" + i);
        event.put("subject", id);
        event.put("type", Gen.pick(random, "late", "fine", "unknown-event"));
        event.put("date", "2025-06-0" + (1 + random.nextInt(9)));
        if (random.nextBoolean()) {
          event.put("verified", random.nextBoolean());
        }
        if (random.nextBoolean()) {
          event.put("attributes", Gen.map("amount", Gen.pick(random, 100, "lots", 1.5)));
        }
        if (random.nextInt(two ? 2 : 30) == 0) {
          event.put("evidence", evidence(random));
        }
        events.add(event);
      }
    }
    facts.put("subjects", subjects);
    facts.put("observations", observations);
    facts.put("events", events);
    return facts;
  }

  /** An evidence block, mostly well-formed: a recorder, a method, references of every shape. */
  private static Map<String, Object> evidence(Random random) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      evidence.put("recorded-by", Gen.pick(random, Gen.map("id", "tkt-01", "role", "inspection-team"),
          Gen.map("role", "citizen"), "Tổ kiểm tra", Gen.map("id", null), Gen.map("name", "x")));
    }
    if (random.nextBoolean()) {
      evidence.put("method", Gen.pick(random, "inspection", "citizen-report", "self-report", "", 7, "x".repeat(200)));
    }
    if (random.nextBoolean()) {
      List<Object> references = new ArrayList<>();
      for (int i = random.nextInt(3); i >= 0; i--) {
        references.add(Gen.pick(random,
            Gen.map("document", "12/BB-KTCV"),
            Gen.map("digest", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            Gen.map("digest", Gen.pick(random, "sha256:abc", "md5:00", "SHA512:" + "F".repeat(128))),
            Gen.map("url", Gen.pick(random, "https://example.gov.vn/a.pdf", "ftp://x/y", "http://", "javascript:alert(1)",
                "https://exa mple.org", "https://[::1", "https://xn--h-0fa.vn/ü")),
            Gen.map("document", "15/BC", "url", "https://example.org/15"),
            Gen.map("page", 3),
            new LinkedHashMap<>()));
      }
      evidence.put("references", references);
    }
    return evidence;
  }
}
