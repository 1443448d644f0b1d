package vn.conduct.rules.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.FactsReader;

/**
 * Coverage-guided fuzz targets (Jazzer) for the YAML reader, the pack loader and the facts reader,
 * with the invariant of the property tests: a result or located errors, never another exception.
 *
 * <p>In a normal build each target replays its committed seed corpus
 * ({@code src/test/resources/vn/conduct/rules/robustness/ParserFuzzTestsInputs/<target>/}) and the empty
 * input. To fuzz one target, see docs/robustness.md:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl rules-core -am verify -Dtest='ParserFuzzTests#safeYaml' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=30m
 * </pre>
 * A crashing input is written next to the seeds (as {@code crash-<sha1>}) and replayed by every later build.
 */
class ParserFuzzTests {

  /** A pack whose other files are valid, so that a fuzzed file meets the loader's checks. */
  private static final Map<String, String> PACK = Map.of(
      "pack.yaml", """
          format: 1
          id: fuzz
          version: 1.0.0
          title: {vi: Gói thử, en: Fuzz pack}
          engine: ">=0.1.0 <1.0.0"
          sources:
            src: {number: "1/QĐ-FUZZ"}
          vocabulary:
            subject-types:
              agency: {attributes: {block: {type: string, values: [district, ward]}}}
              officer:
                parent: agency
                attributes: {position: {type: string}, born: {type: date}}
                indicators: {n: {type: number}, badge-worn: {type: boolean}}
            event-types:
              late: {subject-types: [officer]}
              fine: {subject-types: [officer], attributes: {amount: {type: number}}}
          parameters:
            target: {type: number, default: 80, basis: inferred}
          """,
      "rules/r.fuzz/rule.yaml", """
          id: r.fuzz
          title: {vi: Quy tắc, en: Rule}
          source: {document: src, basis: read}
          applies-to: [officer]
          kind: requirement
          severity: minor
          points: 10
          condition: {all: [{indicator: n, ge: {param: target}}, {count: {events: [late]}, le: 2}]}
          """,
      "checklists/c.yaml", """
          id: c
          title: {vi: Phiếu, en: Sheet}
          subject-type: officer
          items: [{rule: r.fuzz, points: 10}]
          bands: [{id: A, min: 8}, {id: B, min: 0}]
          """);

  @FuzzTest(maxDuration = "5m")
  void safeYaml(byte[] content) {
    YamlReaderPropertyTests.documentOrLocatedErrors(content);
  }

  @FuzzTest(maxDuration = "5m")
  void factsReader(byte[] content) {
    Readers.Facts facts = Readers.facts(new FactsReader(), "facts.yaml", content);
    Readers.assertLocated(facts.issues(), facts.file().isEmpty(), Map.of("facts.yaml", content));
  }

  @FuzzTest(maxDuration = "5m")
  void packManifest(byte[] content) {
    loadWith("pack.yaml", content);
  }

  @FuzzTest(maxDuration = "5m")
  void ruleFile(byte[] content) {
    loadWith("rules/r.fuzz/rule.yaml", content);
  }

  @FuzzTest(maxDuration = "5m")
  void checklistFile(byte[] content) {
    loadWith("checklists/c.yaml", content);
  }

  /** Loads the pack with one file replaced; a pack that loads must also build. */
  private static void loadWith(String file, byte[] content) {
    Map<String, byte[]> files = new TreeMap<>();
    PACK.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
    files.put(file, content);
    MemoryPackSource source = new MemoryPackSource("fuzz", files);
    var issues = Readers.check(source);
    boolean refused = issues.stream().anyMatch(i -> i.severity() == ValidationIssue.Level.ERROR);
    Readers.assertLocated(issues, refused, files);
    if (!refused) {
      RulesEngine.builder().addPack(source).build();
    }
  }
}
