package vn.conduct.rules.robustness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.spi.RulePackSource;

/**
 * Overlays (rule-pack-format.md, section 16) drawn at random over one base pack — includes and skips
 * of ids the base has and has not, changes of every kind with values in and out of range, rules and
 * vocabulary of their own, sometimes clashing with the base's — either load into an engine that
 * evaluates the overlay named, or are refused with every error located in the overlay's own files.
 *
 * <p>Tries per build: 300 (a few seconds); {@code -Dconduct.properties.scale=100} for a long run.
 */
class OverlayPropertyTests {

  private static final List<String> BASE_RULES = List.of("c.badge", "c.task", "c.late");
  private static final List<String> OTHER_IDS = List.of("c.gone", "x.y", "c.badge.extra", "d.own");
  private static final List<String> BANDS = List.of("A", "B", "C", "Z");
  private static final List<String> SEVERITIES = List.of("minor", "major", "critical", "advisory", "fatal", "1");
  private static final List<String> NUMBERS = List.of("0", "5", "85", "70", "60", "-1", "1e999", "90.5", "abc", "null");

  static final Map<String, byte[]> BASE = files(Map.of(
      "pack.yaml", """
          format: 2
          id: base
          version: 1.0.0
          title: {vi: Gốc, en: Base}
          engine: ">=0.1.0 <1.0.0"
          sources:
            code: {number: "1/QĐ"}
          vocabulary:
            subject-types:
              officer:
                indicators:
                  badge: {type: boolean}
                  task: {type: number}
            event-types:
              late: {subject-types: [officer]}
          parameters:
            target: {type: number, default: 80, basis: read}
          """,
      "rules/c.badge/rule.yaml", rule("c.badge", "requirement", "{indicator: badge, eq: true}"),
      "rules/c.task/rule.yaml", rule("c.task", "requirement", "{indicator: task, ge: {param: target}}"),
      "rules/c.late/rule.yaml", rule("c.late", "prohibition", "{count: {events: [late], within: period}, ge: 2}"),
      "checklists/grade.yaml", """
          id: grade
          title: {vi: Xếp loại, en: Grade}
          subject-type: officer
          items:
            - {rule: c.badge, points: 10}
            - {rule: c.task, points: 78}
          bands:
            - {id: A, min: 90}
            - {id: B, min: 50}
            - {id: C, min: 0}
          """));

  private static String rule(String id, String kind, String condition) {
    return "id: " + id + "\ntitle: {vi: " + id + ", en: " + id + "}\nsource: {document: code, basis: read}\n"
        + "severity: minor\napplies-to: [officer]\nkind: " + kind + "\ncondition: " + condition + "\n";
  }

  private static Map<String, byte[]> files(Map<String, String> texts) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    texts.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return files;
  }

  /** One generated overlay: its files. */
  record Overlay(Map<String, byte[]> files) {
    @Override
    public String toString() {
      return new String(files.get("pack.yaml"), StandardCharsets.UTF_8);
    }
  }

  private static String ids(Random random, List<String> pool) {
    List<String> chosen = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      chosen.add(Gen.pick(random, pool));
    }
    return "[" + String.join(", ", chosen) + "]";
  }

  static Gen<Overlay> overlays() {
    return random -> {
      List<String> pool = new ArrayList<>(BASE_RULES);
      if (random.nextInt(4) == 0) {
        pool.addAll(OTHER_IDS);
      }
      StringBuilder manifest = new StringBuilder("""
          format: 2
          id: district
          version: 1.0.0
          title: {vi: Quận, en: District}
          engine: ">=0.1.0 <1.0.0"
          """);
      if (random.nextBoolean()) {
        manifest.append("sources:\n  plan: {number: \"KH\"}\n");
      }
      if (random.nextInt(3) == 0) {
        manifest.append("vocabulary:\n  subject-types:\n    officer:\n      indicators:\n        ")
            .append(random.nextInt(4) == 0 ? "badge" : "flag").append(": {type: boolean}\n");
      }
      manifest.append("extends:\n  pack: ").append(random.nextInt(10) == 0 ? "nobody" : "base")
          .append("\n  version: \"").append(Gen.pick(random, ">=1.0.0 <2.0.0", ">=1.0.0 <2.0.0", ">=1.0.0 <2.0.0", "1.0.0", ">=2.0.0", "junk"))
          .append("\"\n");
      if (random.nextBoolean()) {
        manifest.append("  include: {rules: ").append(ids(random, pool)).append("}\n");
      }
      if (random.nextBoolean()) {
        manifest.append("  skip: {rules: ").append(ids(random, pool))
            .append(random.nextBoolean() ? ", checklists: [grade]" : "").append("}\n");
      }
      if (random.nextBoolean()) {
        manifest.append("  modify:\n");
        if (random.nextBoolean()) {
          manifest.append("    parameters: {").append(Gen.pick(random, "target", "nothing")).append(": ")
              .append(Gen.pick(random, NUMBERS)).append("}\n");
        }
        if (random.nextBoolean()) {
          manifest.append("    rules:\n      ").append(Gen.pick(random, pool)).append(": {severity: ")
              .append(Gen.pick(random, SEVERITIES)).append(", points: ").append(Gen.pick(random, NUMBERS)).append("}\n");
        }
        if (random.nextBoolean()) {
          manifest.append("    checklists:\n      ").append(Gen.pick(random, "grade", "other")).append(":\n")
              .append("        bands: {").append(Gen.pick(random, BANDS)).append(": {min: ")
              .append(Gen.pick(random, NUMBERS)).append("}}\n")
              .append("        items: {").append(Gen.pick(random, pool)).append(": {points: ")
              .append(Gen.pick(random, NUMBERS)).append("}}\n");
        }
      }
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put("pack.yaml", manifest.toString());
      if (random.nextInt(3) == 0) {
        String id = random.nextInt(4) == 0 ? "c.badge" : "d.own";
        texts.put("rules/" + id + "/rule.yaml", rule(id, "requirement", "{indicator: "
            + Gen.pick(random, "badge", "flag", "task") + ", eq: true}").replace("document: code",
                "document: " + Gen.pick(random, "code", "plan")));
      }
      return new Overlay(files(texts));
    };
  }

  @Test
  void generated_overlays_load_and_evaluate_or_give_errors_located_in_the_overlay() {
    RulePackSource base = new MemoryPackSource("base", BASE);
    PropertyCheck.forAll("overlays", overlays())
        .tries(300)
        .describedBy(Overlay::toString)
        .within(Duration.ofSeconds(60))
        .allocatingAtMost(overlay -> 1L << 30)
        .check(overlay -> {
          MemoryPackSource source = new MemoryPackSource("district", overlay.files());
          List<ValidationIssue> issues = RulesEngine.check(source, List.of(base));
          boolean refused = issues.stream().anyMatch(i -> i.severity() == ValidationIssue.Level.ERROR);
          Readers.assertLocated(issues, refused, overlay.files());
          PropertyCheck.label(refused ? "refused with located errors" : "loaded and evaluated");
          if (!refused) {
            RulesEngine engine = RulesEngine.builder().addPack(base).addPack(source).build();
            Report report = engine.evaluate(EvaluationRequest.builder(LocalDate.of(2025, 6, 30)).pack("district")
                .subject(Subject.of("o1", "officer"))
                .observation(Observation.of("o1", "badge", true).withObservedOn(LocalDate.of(2025, 6, 10)))
                .observation(Observation.of("o1", "task", 75).withObservedOn(LocalDate.of(2025, 6, 10)))
                .build());
            if (report.subject("o1").isEmpty() || report.provenance().packs().get(0).layers().size() != 2) {
              throw new AssertionError("the overlay evaluated without its subject or its two layers: " + report);
            }
          }
        });
  }
}
