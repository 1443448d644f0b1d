package vn.conduct.rules.robustness;

import static vn.conduct.rules.testing.PackBuilder.pack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.io.FactsReader;

/**
 * The facts reader, on generated facts files (mostly near-valid), gives facts or located errors, in
 * bounded time and memory; facts it accepts evaluate with every subject accounted for.
 *
 * <p>Tries per build: 250 + 300 (about 10 s); {@code -Dconduct.properties.scale=100} for a long run.
 */
class FactsReaderPropertyTests {

  private static final String FILE = "june.yaml";

  private static RulesEngine engine;

  @BeforeAll
  static void build(@TempDir Path dir) {
    engine = RulesEngine.builder().addPack(pack("facts-pack", "1.0.0")
        .rule("r.score", """
            applies-to: [officer]
            kind: requirement
            condition: {indicator: n, ge: {param: target}}
            """)
        .rule("r.leader", """
            applies-to: [officer]
            kind: requirement
            when: {attribute: position, eq: leader}
            condition: {indicator: badge-worn, eq: true}
            """)
        .rule("r.late", """
            applies-to: [officer]
            kind: prohibition
            condition: {count: {events: [late], within: period}, ge: 1}
            """)
        .rule("r.fine", """
            applies-to: [officer]
            kind: prohibition
            condition: {sum: {events: [fine], of: {attribute: amount}}, gt: 0}
            """)
        .rule("r.born", """
            applies-to: [officer]
            kind: criterion
            condition: {attribute: born, lt: 1990-01-01}
            """)
        .rule("r.sipas", """
            applies-to: [agency]
            kind: requirement
            condition: {all: [{indicator: sipas, ge: 80}, {attribute: exceptional, eq: false}]}
            """)
        .file("checklists/monthly.yaml", """
            id: monthly
            title: {vi: Phiếu tháng, en: Monthly sheet}
            subject-type: officer
            items:
              - {rule: r.score, points: 50}
              - {rule: r.late, points: 30}
              - {rule: r.born, points: 20}
            bands:
              - {id: A, min: 80}
              - {id: B, min: 0}
            quotas:
              - {band: A, max-percent: 20}
            ranking: {peer-group: position}
            """)
        .writeTo(dir)).build();
  }

  @Test
  void generated_facts_files_give_facts_or_located_errors_and_evaluate() {
    PropertyCheck.forAll("facts-reader", FactsGen.files())
        .tries(250)
        .describedBy(FactsGen.Facts::toString)
        .within(Duration.ofSeconds(20))
        .allocatingAtMost(facts -> (128L << 20) + 400L * facts.content().length)
        .check(facts -> readAndEvaluate(facts.content(), new Random(java.util.Arrays.hashCode(facts.content()))));
  }

  @Test
  void yaml_ish_bytes_give_facts_or_located_errors() {
    PropertyCheck.forAll("facts-yaml-ish", YamlishGen.bytes())
        .tries(300)
        .shrinkWith(PropertyCheck::shrinkBytes)
        .describedBy(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
        .within(Duration.ofSeconds(10))
        .allocatingAtMost(b -> (128L << 20) + 800L * b.length)
        .check(content -> readAndEvaluate(content, new Random(content.length)));
  }

  static void readAndEvaluate(byte[] content, Random random) {
    FactsReader reader = switch (random.nextInt(3)) {
      case 0 -> new FactsReader().withAsOf(LocalDate.of(2025, 6, 30));
      case 1 -> new FactsReader().withExtensionKeys("description", "expect");
      default -> new FactsReader();
    };
    Readers.Facts facts = Readers.facts(reader, FILE, content);
    Readers.assertLocated(facts.issues(), facts.file().isEmpty(), Map.of(FILE, content));
    if (facts.file().isEmpty()) {
      PropertyCheck.label("refused with located errors");
      return;
    }
    PropertyCheck.label("read and evaluated");
    EvaluationRequest request = facts.file().get().request();
    Report report;
    try {
      report = engine.evaluate(request);
    } catch (RulePackNotFoundException e) {
      if (request.packIds().isEmpty() && request.pinnedVersions().isEmpty()) {
        throw new AssertionError("no pack was named or pinned, yet: " + e.getMessage(), e);
      }
      return;
    }
    long ignored = report.factProblems().stream()
        .filter(p -> p.kind().equals("subject") && (p.field().equals("type") || p.field().equals("id"))).count();
    if (report.subjects().size() + ignored != request.subjects().size()) {
      throw new AssertionError(request.subjects().size() + " subjects, but " + report.subjects().size()
          + " results and " + ignored + " ignored: " + report.factProblems());
    }
    for (SubjectResult result : report.subjects()) {
      for (Finding finding : result.findings()) {
        if (finding.reason().in(Language.EN).isBlank() || finding.reason().in(Language.VI).isBlank()) {
          throw new AssertionError("a finding without a reason: " + finding);
        }
      }
      facts.file().get().locate("subjects");
    }
    report.factProblems().forEach(problem -> facts.file().get().locate(problem));
  }
}
