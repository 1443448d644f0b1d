package vn.conduct.rules.hanoi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Severity;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.FactsReader;
import vn.conduct.rules.testkit.PackTests;

/**
 * The Tây Hồ 2020 plan as an overlay on {@code hanoi-522} (issue 12): its fixtures run with the base loaded and the
 * overlay named; the sample district judged for June 2025 through the overlay shows both layers; and a base that
 * lost a rule the overlay includes is refused with an error located in the overlay's {@code pack.yaml}.
 */
class HanoiTayHoOverlayTests {

  private static final Path PACKS = Path.of("src/main/resources/rulepacks");
  private static final Path BASE = PACKS.resolve("hanoi-522/v2");
  private static final Path OVERLAY = PACKS.resolve("hanoi-tayho-2020");
  private static final Path SAMPLE = Path.of("src/main/resources/samples/hanoi-demo.yaml");

  @TestFactory
  Stream<DynamicNode> overlayFixturesWithTheirBase() {
    // coverage counts the rules the overlay adds or changes; the base's unchanged rules are covered by the
    // base's own fixtures (HanoiCivilServicePackTests)
    return PackTests.forPack(OVERLAY).withPack(BASE).dynamicTests();
  }

  @Test
  void the_kit_counts_the_rules_the_overlay_adds_or_changes_and_all_have_fixtures() {
    PackTests kit = PackTests.forPack(OVERLAY).withPack(BASE);

    assertThat(kit.rules()).extracting(r -> r.ruleId()).containsExactlyInAnyOrder("tayho2020.commitment-signed",
        "tayho2020.inspection-rounds", "tayho2020.ward-broadcasts", "hn522.leader-example");
    assertThat(kit.untestedRules()).extracting(ValidationIssue::message).isEmpty();
  }

  /** The sample district's request, with the overlay in place of the city pack it extends. */
  private static EvaluationRequest sampleWith(String replaced, String by) {
    EvaluationRequest sample = new FactsReader().read(SAMPLE);
    EvaluationRequest.Builder request = EvaluationRequest.builder(sample.asOf())
        .subjects(sample.subjects()).observations(sample.observations()).events(sample.events());
    sample.packIds().forEach(id -> request.pack(id.equals(replaced) ? by : id));
    return request.build();
  }

  @Test
  void the_sample_district_in_june_2025_is_judged_through_both_layers() {
    RulesEngine engine = RulesEngine.builder().addProvider(new HanoiRulePackProvider()).build();

    Report report = engine.evaluate(sampleWith("hanoi-522", "hanoi-tayho-2020"));

    assertThat(report.provenance().packs()).extracting(PackUse::packId)
        .contains("hanoi-tayho-2020", "hanoi-3814").doesNotContain("hanoi-522");
    PackUse use = report.provenance().packs().stream().filter(p -> p.packId().equals("hanoi-tayho-2020"))
        .findFirst().orElseThrow();
    assertThat(use.version()).isEqualTo("1.0.0");
    assertThat(use.layers()).extracting(l -> l.packId() + "@" + l.version())
        .containsExactly("hanoi-522@2.2.0", "hanoi-tayho-2020@1.0.0");
    assertThat(use.layers()).allSatisfy(layer -> assertThat(layer.digest()).hasSize(64));

    SubjectResult agency = report.subject("ubnd-ba-dinh").orElseThrow();
    // the overlay's own rule, and a base rule the overlay changed (leaders' example: critical in Tây Hồ)
    Finding commitment = agency.finding("tayho2020.commitment-signed").orElseThrow();
    assertThat(commitment.rule().layer()).contains("hanoi-tayho-2020@1.0.0");
    assertThat(commitment.outcome()).isIn(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN);
    Finding leaders = agency.finding("hn522.leader-example").orElseThrow();
    assertThat(leaders.rule().layer()).contains("hanoi-tayho-2020@1.0.0");
    assertThat(leaders.rule().severity()).isEqualTo(Severity.CRITICAL);
    // a base rule the overlay keeps as it is: shaped by the base
    assertThat(agency.finding("hn522.code-posted-visibly").orElseThrow().rule().layer())
        .contains("hanoi-522@2.2.0");
    // rules of 2020 only give no finding in 2025
    assertThat(agency.findings()).extracting(Finding::ruleId)
        .doesNotContain("tayho2020.inspection-rounds", "tayho2020.ward-broadcasts");
  }

  @Test
  void the_city_pack_alone_no_longer_judges_the_district_plan() {
    RulesEngine engine = RulesEngine.builder().addProvider(new HanoiRulePackProvider()).build();

    Report report = engine.evaluate(sampleWith("hanoi-522", "hanoi-522"));

    SubjectResult agency = report.subject("ubnd-ba-dinh").orElseThrow();
    assertThat(agency.findings()).extracting(Finding::ruleId)
        .contains("hn522.leader-example")
        .noneMatch(id -> id.startsWith("tayho2020.") || id.equals("hn522.commitment-signed"));
    assertThat(agency.finding("hn522.leader-example").orElseThrow().rule().layer()).isEmpty();
    assertThat(report.provenance().packs()).filteredOn(p -> p.packId().equals("hanoi-522"))
        .singleElement().satisfies(p -> assertThat(p.version()).isEqualTo("2.2.0"));
  }

  @Test
  void a_base_without_an_included_rule_is_refused_in_the_overlays_file(@TempDir Path dir) throws IOException {
    Path base = copy(BASE, dir.resolve("hanoi-522"));
    delete(base.resolve("rules/hn522.smoking"));
    Path overlay = copy(OVERLAY, dir.resolve("hanoi-tayho-2020"));
    int line = lineOf(overlay.resolve("pack.yaml"), "hn522.smoking,");

    assertThatThrownBy(() -> RulesEngine.builder().addPack(base).addPack(overlay).build())
        .isInstanceOf(InvalidRulePackException.class)
        .satisfies(e -> {
          List<ValidationIssue> issues = ((InvalidRulePackException) e).issues();
          assertThat(issues).filteredOn(i -> i.code().equals("overlay.unknown")).singleElement().satisfies(issue -> {
            assertThat(issue.file()).endsWith("hanoi-tayho-2020/pack.yaml");
            assertThat(issue.line()).isEqualTo(line);
            assertThat(issue.column()).isPositive();
            assertThat(issue.path()).startsWith("extends.include.rules[");
            assertThat(issue.message()).contains("'hn522.smoking'").contains("hanoi-522 2.2.0 (" + base)
                .contains("rules/hn522.smoking/rule.yaml");
          });
        });
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
