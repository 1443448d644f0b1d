package vn.conduct.rules.robustness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.Decision;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.InvalidDecisionsException;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.DecisionsFile;

/**
 * Decision files (specs/decision-format.md), near-valid and damaged, or YAML-ish bytes: each reads into
 * decisions or is refused with every problem located in it, in bounded time and memory; decisions that
 * read either evaluate or are refused by the engine with located errors — and in a report, a result
 * differs from the engine's only through an override signed by the one holder of the pack's role over
 * that subject's unit (h1 over o1 and o2), never by the subject itself, another unit's head or staff.
 *
 * <p>Tries per build: 250 + 150 (a few seconds); {@code -Dconduct.properties.scale=100} for a long run.
 */
class DecisionsPropertyTests {

  private static final String FILE = "decisions.yaml";
  private static RulesEngine engine;

  @BeforeAll
  static void build() {
    Map<String, byte[]> files = new HashMap<>(OverlayPropertyTests.BASE);
    String manifest = new String(files.get("pack.yaml"), StandardCharsets.UTF_8)
        .replace("    officer:\n", "    officer:\n      attributes:\n        position: {type: string}\n")
        + """
        authorities:
          - role: head
            held-by: {subject-type: officer, attribute: {position: head}}
            may-override: {rules: [c.badge, c.task], checklists: [grade]}
            over: {subject-type: officer, same-unit: true}
            max-adjustment: 5
        """;
    if (!manifest.contains("position: {type: string}")) {
      throw new IllegalStateException("the base pack changed: " + manifest);
    }
    files.put("pack.yaml", manifest.getBytes(StandardCharsets.UTF_8));
    engine = RulesEngine.builder().addPack(new MemoryPackSource("decided", files)).build();
  }

  private static String mostly(Random random, String valid, String... others) {
    return random.nextInt(25) != 0 ? valid : Gen.pick(random, others);
  }

  /** Near-valid decision files: signers with and without the role, unknown targets, odd payloads and dates. */
  static Gen<byte[]> files() {
    return random -> {
      StringBuilder text = new StringBuilder(random.nextInt(30) != 0 ? "format: 1\n" : Gen.pick(random, "format: 2\n", ""));
      text.append("decisions:\n");
      int count = random.nextInt(4);
      for (int i = 0; i < count; i++) {
        String kind = mostly(random, Gen.pick(random, "contest", "review", "override", "override"), "overide", "");
        String subject = mostly(random, Gen.pick(random, "o1", "o2"), "h1", "x9");
        text.append("  - id: ").append(random.nextInt(20) != 0 ? "d-" + i : Gen.pick(random, "d-0", "D 1")).append('\n');
        text.append("    kind: ").append(kind).append('\n');
        text.append("    subject: ").append(subject).append('\n');
        int target = random.nextInt(3);
        text.append("    target: {pack: ").append(mostly(random, "base", "nobody"));
        switch (target) {
          case 0 -> text.append(", rule: ").append(mostly(random, Gen.pick(random, "c.badge", "c.task"), "c.late", "c.gone"));
          case 1 -> text.append(", checklist: ").append(mostly(random, "grade", "other")).append(", item: ")
              .append(mostly(random, Gen.pick(random, "c.badge", "c.task"), "c.late"));
          default -> text.append(", checklist: grade").append(random.nextInt(8) == 0 ? ", rule: c.task" : "");
        }
        text.append("}\n");
        text.append("    period: ").append(mostly(random, "2025-06", "2025-05", "June", "2025")).append('\n');
        text.append("    date: ").append(mostly(random, Gen.pick(random, "2025-07-01", "2025-07-02", "2025-07-03"),
            "2025-02-30", "2025-05-01")).append('\n');
        String by = kind.equals("contest") && random.nextInt(4) != 0 ? subject
            : Gen.pick(random, "h1", "h1", "h2", "o1", "o2", "x9");
        text.append("    by: {id: ").append(by).append(", role: ")
            .append(mostly(random, kind.equals("contest") ? "subject" : "head", "chief", "head")).append("}\n");
        if (random.nextInt(15) != 0) {
          text.append("    reason: ").append(mostly(random, "{vi: Lý do, en: Reason}", "''", "[a]")).append('\n');
        }
        if (kind.startsWith("over") || random.nextInt(10) == 0) {
          switch (target) {
            case 0 -> text.append("    outcome: ").append(mostly(random, Gen.pick(random, "PASS", "FAIL", "NOT_APPLICABLE"),
                "ERROR", "pass")).append('\n');
            case 1 -> text.append(random.nextBoolean() ? "    points: " + mostly(random, Gen.pick(random, "0", "5", "10"),
                "-1", "100", "many") : "    outcome: " + Gen.pick(random, "PASS", "FAIL")).append('\n');
            default -> text.append("    adjustment: ").append(mostly(random, Gen.pick(random, "2", "-3", "5"), "0", "9"))
                .append('\n');
          }
        }
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  @Test
  void generated_decision_files_give_decisions_or_located_errors_and_only_authorised_overrides() {
    PropertyCheck.forAll("decisions-file", files())
        .tries(400)
        .shrinkWith(PropertyCheck::shrinkBytes)
        .describedBy(b -> new String(b, StandardCharsets.UTF_8))
        .within(Duration.ofSeconds(30))
        .allocatingAtMost(b -> (128L << 20) + 400L * b.length)
        .check(DecisionsPropertyTests::readAndEvaluate);
  }

  @Test
  void yaml_ish_bytes_give_decisions_or_located_errors() {
    PropertyCheck.forAll("decisions-yaml-ish", YamlishGen.bytes())
        .tries(150)
        .shrinkWith(PropertyCheck::shrinkBytes)
        .describedBy(b -> new String(b, StandardCharsets.UTF_8))
        .within(Duration.ofSeconds(10))
        .allocatingAtMost(b -> (128L << 20) + 800L * b.length)
        .check(DecisionsPropertyTests::readAndEvaluate);
  }

  static void readAndEvaluate(byte[] content) {
    DecisionsFile file;
    try {
      file = DecisionsFile.read(FILE, content);
    } catch (InvalidDecisionsException e) {
      Readers.assertLocated(e.issues(), true, Map.of(FILE, content));
      PropertyCheck.label("refused with located errors");
      return;
    }
    Readers.assertLocated(file.warnings(), false, Map.of(FILE, content));
    Random random = new Random(java.util.Arrays.hashCode(content));
    EvaluationRequest facts = EvaluationRequest.builder(Period.month(2025, 6))
        .subject(Subject.of("o1", "officer").withParent("u1").withAttribute("position", "staff"))
        .subject(Subject.of("o2", "officer").withParent("u1").withAttribute("position", "staff"))
        .subject(Subject.of("h1", "officer").withParent("u1").withAttribute("position", "head"))
        .subject(Subject.of("h2", "officer").withParent("u2").withAttribute("position", "head"))
        .observations(List.of("o1", "o2", "h1", "h2").stream().flatMap(s -> java.util.stream.Stream.of(
            Observation.of(s, "badge", random.nextBoolean()).withObservedOn(java.time.LocalDate.of(2025, 6, 10)),
            Observation.of(s, "task", 60 + random.nextInt(40)).withObservedOn(java.time.LocalDate.of(2025, 6, 10))))
            .toList())
        .build();
    EvaluationRequest request = facts.toBuilder().decisions(file.decisions()).build();
    // the check agrees with the engine: an error for each refusal, located at a field of the file
    List<ValidationIssue> checked = file.check(engine, request, java.time.LocalDate.of(2025, 12, 31));
    boolean checkRefuses = checked.stream().anyMatch(i -> i.severity() == ValidationIssue.Level.ERROR);
    Readers.assertLocated(checked, checkRefuses, Map.of(FILE, content));
    Report decided;
    try {
      decided = engine.evaluate(request);
    } catch (InvalidDecisionsException e) {
      if (e.issues().isEmpty() || !checkRefuses) {
        throw new AssertionError("refused without an issue, or the check saw none: " + e.getMessage(), e);
      }
      e.issues().forEach(issue -> {
        if (!issue.file().equals(FILE) || issue.line() <= 0 || issue.path().isEmpty()) {
          throw new AssertionError("not located at a field of " + FILE + ": " + issue.render());
        }
      });
      PropertyCheck.label("read, refused by the engine (located)");
      return;
    }
    if (checkRefuses) {
      throw new AssertionError("the check refused what the engine applied: " + checked);
    }
    PropertyCheck.label(file.decisions().isEmpty() ? "read, no decisions" : "read and evaluated");
    Report plain = engine.evaluate(facts);
    for (SubjectResult result : decided.subjects()) {
      SubjectResult before = plain.subject(result.subjectId()).orElseThrow();
      for (Finding finding : result.findings()) {
        Finding original = before.finding(finding.ruleId()).orElseThrow();
        if (finding.originalOutcome() != original.outcome()) {
          throw new AssertionError("the original outcome is not the engine's: " + finding + " was " + original);
        }
        if (finding.outcome() != original.outcome() && finding.override().isEmpty()) {
          throw new AssertionError("an outcome changed without an override: " + finding);
        }
        finding.decisions().forEach(d -> authorised(d, result.subjectId()));
      }
      result.scores().forEach(score -> score.decisions().forEach(d -> authorised(d, result.subjectId())));
    }
  }

  /** Only h1 (head of u1) reviews or overrides, and only about o1 and o2; contests are the subject's own. */
  private static void authorised(Decision decision, String subject) {
    if (decision.kind() == Decision.Kind.CONTEST) {
      if (!decision.by().id().equals(subject)) {
        throw new AssertionError("a contest not by its subject was applied: " + decision);
      }
      return;
    }
    if (!decision.by().id().equals("h1") || !decision.by().role().equals("head") || subject.equals("h1")
        || !(subject.equals("o1") || subject.equals("o2"))) {
      throw new AssertionError("an unauthorised " + decision.kind() + " was applied to " + subject + ": " + decision);
    }
  }
}
