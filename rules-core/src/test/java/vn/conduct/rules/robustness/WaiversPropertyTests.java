package vn.conduct.rules.robustness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.InvalidWaiversException;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.io.WaiversFile;

/**
 * Waiver files (specs/waiver-format.md), near-valid and damaged, or YAML-ish bytes: each reads into
 * waivers or is refused with every problem located in it, in bounded time and memory; waivers that
 * read either evaluate — a waived finding keeps its outcome, only FAIL and UNKNOWN are waived, and a
 * checklist's score without waivers never exceeds its score with them — or are refused by the engine
 * with a located error (a scope the packs lack).
 *
 * <p>Tries per build: 250 + 250 (a few seconds); {@code -Dconduct.properties.scale=100} for a long run.
 */
class WaiversPropertyTests {

  private static final String FILE = "waivers.yaml";
  private static RulesEngine engine;

  @BeforeAll
  static void build() {
    engine = RulesEngine.builder().addPack(new MemoryPackSource("base", OverlayPropertyTests.BASE)).build();
  }

  /** Mostly the first (valid) value; now and then one of the others. */
  private static String mostly(Random random, String valid, String... others) {
    return random.nextInt(25) != 0 ? valid : Gen.pick(random, others);
  }

  /** Near-valid waiver files: some keys missing, wrong types, unknown names, odd dates. */
  static Gen<byte[]> files() {
    return random -> {
      StringBuilder text = new StringBuilder(mostly(random, "format: 1\n", "format: 2\n", "", "format: one\n"));
      text.append("waivers:\n");
      int count = random.nextInt(4);
      for (int i = 0; i < count; i++) {
        text.append("  - id: ").append(mostly(random, "w-" + i, "w-0", "W bad", "")).append('\n');
        text.append("    scope: {pack: ").append(mostly(random, "base", "nobody"));
        switch (random.nextInt(4)) {
          case 0 -> text.append(", rule: ").append(mostly(random, Gen.pick(random, "c.badge", "c.task"), "c.gone"));
          case 1 -> text.append(", checklist: ").append(mostly(random, "grade", "other"))
              .append(random.nextBoolean() ? ", item: " + mostly(random, "c.task", "c.late") : "");
          default -> { }
        }
        text.append("}\n");
        if (random.nextInt(6) != 0) {
          text.append("    subjects: {").append(mostly(random, Gen.pick(random, "ids: [o1]", "types: [officer]", "units: [u1]"),
              "attribute: {position: leader}", "ids: o1", "colours: [red]")).append("}\n");
        }
        if (random.nextInt(12) != 0) {
          text.append("    justification: ").append(mostly(random, "{vi: Lý do, en: Reason}", "just because", "{en: ''}")).append('\n');
        }
        if (random.nextInt(12) != 0) {
          text.append("    approver: ").append(mostly(random, Gen.pick(random, "{name: Trưởng phòng, role: head}",
              "{id: cb-001, role: head}"), "{role: head}", "nobody")).append('\n');
        }
        if (random.nextInt(12) != 0) {
          text.append("    risk: ").append(mostly(random, Gen.pick(random, "low", "medium", "high"), "extreme")).append('\n');
        }
        text.append("    start: ").append(mostly(random, Gen.pick(random, "2025-06-01", "2025-01-01", "2025-06-15"), "2025-02-30",
            "June"))
            .append("\n    expiry: ").append(Gen.pick(random, "2025-06-30", "2025-12-31", "2025-05-31", "2025-06-20"))
            .append('\n');
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  @Test
  void generated_waiver_files_give_waivers_or_located_errors_and_evaluate() {
    PropertyCheck.forAll("waivers-file", files())
        .tries(250)
        .shrinkWith(PropertyCheck::shrinkBytes)
        .describedBy(b -> new String(b, StandardCharsets.UTF_8))
        .within(Duration.ofSeconds(20))
        .allocatingAtMost(b -> (128L << 20) + 400L * b.length)
        .check(WaiversPropertyTests::readAndEvaluate);
  }

  @Test
  void yaml_ish_bytes_give_waivers_or_located_errors() {
    PropertyCheck.forAll("waivers-yaml-ish", YamlishGen.bytes())
        .tries(250)
        .shrinkWith(PropertyCheck::shrinkBytes)
        .describedBy(b -> new String(b, StandardCharsets.UTF_8))
        .within(Duration.ofSeconds(10))
        .allocatingAtMost(b -> (128L << 20) + 800L * b.length)
        .check(WaiversPropertyTests::readAndEvaluate);
  }

  static void readAndEvaluate(byte[] content) {
    WaiversFile file;
    try {
      file = WaiversFile.read(FILE, content);
    } catch (InvalidWaiversException e) {
      Readers.assertLocated(e.issues(), true, Map.of(FILE, content));
      PropertyCheck.label("refused with located errors");
      return;
    }
    Readers.assertLocated(file.warnings(), false, Map.of(FILE, content));
    Random random = new Random(java.util.Arrays.hashCode(content));
    EvaluationRequest request = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("o1", "officer").withParent("u1"))
        .observation(Observation.of("o1", "badge", random.nextBoolean()).withObservedOn(LocalDate.of(2025, 6, 10)))
        .observation(Observation.of("o1", "task", 60 + random.nextInt(40)).withObservedOn(LocalDate.of(2025, 6, 10)))
        .waivers(file.waivers()).build();
    Report plain;
    Report waived;
    try {
      waived = engine.evaluate(request);
    } catch (InvalidWaiversException e) {
      // a scope the packs lack: refused by the engine, located in the waiver's file
      if (e.issues().isEmpty()) {
        throw new AssertionError("refused without an issue: " + e.getMessage(), e);
      }
      PropertyCheck.label("read, scope refused by the engine");
      return;
    }
    PropertyCheck.label(file.waivers().isEmpty() ? "read, no waivers" : "read and evaluated");
    plain = engine.evaluate(request.toBuilder().waivers(List.of()).build());
    SubjectResult with = waived.subject("o1").orElseThrow();
    SubjectResult without = plain.subject("o1").orElseThrow();
    for (Finding finding : with.findings()) {
      Outcome real = without.finding(finding.ruleId()).orElseThrow().outcome();
      if (finding.outcome() != real) {
        throw new AssertionError("a waiver changed an outcome: " + finding + " was " + real);
      }
      if (finding.waiver().isPresent() && real != Outcome.FAIL && real != Outcome.UNKNOWN) {
        throw new AssertionError("a " + real + " finding carries a waiver: " + finding);
      }
    }
    with.scores().forEach(score -> score.withoutWaivers().ifPresent(before -> {
      if (before.score().compareTo(score.score()) > 0) {
        throw new AssertionError("the score without waivers exceeds the score with them: " + score);
      }
    }));
  }
}
