package vn.conduct.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.ValidationIssue;

/** The kit must fail where a fixture is wrong, and say where and why: these tests show it does. */
class PackTestsSelfTests {

  static final Path SAMPLE = Path.of("src/test/resources/packs/sample");

  @TempDir
  Path directory;

  private Path pack;

  @BeforeEach
  void copySample() throws IOException {
    pack = directory.resolve("sample");
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      for (Path file : files.toList()) {
        Path target = pack.resolve(SAMPLE.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private Path write(String path, String content) throws IOException {
    Path file = pack.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void should_fail_a_fixture_whose_outcome_is_wrong_naming_file_line_expected_actual_and_reason() throws IOException {
    Path wrong = write("rules/s.score/tests/sixty-four.pass.yaml", """
        as-of: 2025-06-30
        subjects:
          - {id: o1, type: officer}
        observations:
          - {subject: o1, indicator: score, value: 64}
        """);

    FixtureResult result = PackTests.forPack(pack).run(wrong);

    assertThat(result.passed()).isFalse();
    AssertionFailedError failure = PackTests.failure(result);
    assertThat(failure).hasMessage("""
        rules/s.score/tests/sixty-four.pass.yaml: 1 expectation not met
          rules/s.score/tests/sixty-four.pass.yaml:3:10: o1 / s.score: expected PASS but was FAIL
            reason: Not met: indicator 'score' = 64 points (required ≥ 70 points) — 1/2025/QĐ-MẪU, Điều 2 [read in source] \
        | Không đạt: chỉ số 'score' = 64 điểm (yêu cầu ≥ 70 điểm) — 1/2025/QĐ-MẪU, Điều 2 [đọc từ văn bản]""");
    assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("PASS");
    assertThat(failure.getActual().getStringRepresentation()).isEqualTo("FAIL");
  }

  @Test
  void should_check_reasons_scores_ranks_and_compliance_stated_under_expect() throws IOException {
    Path wrong = write("tests/wrong-grades.yaml", """
        as-of: 2025-06-30
        subjects:
          - {id: o1, type: officer, attributes: {position: staff}}
        observations:
          - {subject: o1, indicator: score, value: 95}
          - {subject: o1, indicator: badge-worn, value: true}
        expect:
          o1:
            outcomes: {s.score: PASS}
            reasons: {s.score: "thẻ"}
            scores: {monthly: {score: 90, rating: B}}
            compliant: false
        """);

    FixtureResult result = PackTests.forPack(pack).run(wrong);

    assertThat(result.mismatches()).extracting(FixtureResult.Mismatch::render).containsExactly(
        "tests/wrong-grades.yaml:9:25: o1 / s.score: expected a reason containing \"thẻ\" but was \"Met: indicator "
            + "'score' = 95 points (required ≥ 70 points) — 1/2025/QĐ-MẪU, Điều 2 [read in source] | Đạt: chỉ số "
            + "'score' = 95 điểm (yêu cầu ≥ 70 điểm) — 1/2025/QĐ-MẪU, Điều 2 [đọc từ văn bản]\"",
        "tests/wrong-grades.yaml:11:23: o1 / monthly: expected score 90, rating B but was score 100, rating A\n"
            + "    items: s.score PASS 60/60, s.late PASS 20/20, s.badge PASS 20/20",
        "tests/wrong-grades.yaml:12:16: o1 / compliant: expected not compliant but was compliant\n"
            + "    s.badge PASS: Met: indicator 'badge-worn' = true (required = true) — 1/2025/QĐ-MẪU, Điều 3 [read in source]\n"
            + "    s.late PASS: Not violated: number of verified events [late] in the period = 0 (threshold ≥ 1) — "
            + "1/2025/QĐ-MẪU, Điều 3 [read in source]\n"
            + "    s.score PASS: Met: indicator 'score' = 95 points (required ≥ 70 points) — 1/2025/QĐ-MẪU, Điều 2 [read in source]");
  }

  @Test
  void should_refuse_a_malformed_fixture_with_every_problem_located() throws IOException {
    Path bad = write("rules/s.late/tests/muddled.fail.yaml", """
        as-of: 2025-06-30
        subjects:
          - {id: o1, type: officer}
          - {id: o2, type: officer}
        expect:
          o1: {outcomes: {s.late: MAYBE}, colour: red}
          o9: {outcomes: {s.late: PASS}}
        """);

    InvalidFixtureException error = catchThrowableOfType(InvalidFixtureException.class,
        () -> PackTests.forPack(pack).run(bad));

    assertThat(error).isNotNull();
    assertThat(error.issues()).extracting(ValidationIssue::location, ValidationIssue::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("rules/s.late/tests/muddled.fail.yaml:1:1", "fixture.subject"),
        org.assertj.core.groups.Tuple.tuple("rules/s.late/tests/muddled.fail.yaml:6:27", "fixture.outcome"),
        org.assertj.core.groups.Tuple.tuple("rules/s.late/tests/muddled.fail.yaml:6:43", "fixture.unknown-key"),
        org.assertj.core.groups.Tuple.tuple("rules/s.late/tests/muddled.fail.yaml:7:7", "fixture.subject"));
    assertThat(error.getMessage()).contains("the file has 2 subjects; say which one the outcome in its name is about");
  }

  @Test
  void should_refuse_an_outcome_in_the_name_of_a_fixture_outside_a_rule_folder() throws IOException {
    Path bad = write("tests/lonely.fail.yaml", "as-of: 2025-06-30\nsubjects: [{id: o1, type: officer}]\n");

    assertThat(catchThrowableOfType(InvalidFixtureException.class, () -> PackTests.forPack(pack).run(bad)))
        .hasMessageContaining("only a fixture in rules/<rule-id>/tests/ can name an outcome (lonely.fail.yaml)");
  }

  @Test
  void should_break_the_threshold_when_a_rule_loses_its_fail_fixture() throws IOException {
    Files.delete(pack.resolve("rules/s.score/tests/low-score.fail.yaml"));
    PackTests tests = PackTests.forPack(pack);

    List<FixtureResult> results = tests.fixtureFiles().stream().map(tests::run).toList();
    Coverage coverage = tests.coverage(results);

    assertThat(results).allMatch(FixtureResult::passed);
    assertThat(coverage.rulePercent()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
    assertThat(tests.shortfalls(coverage)).containsExactly(
        "rule coverage 66.7 % is below the required 100.0 %: [s.score missing [fail]]",
        "clause coverage 50.0 % is below the required 100.0 %: [1/2025/QĐ-MẪU, Điều 2]");
    assertThat(coverage.table()).contains("s.score  ✓     ✗     ·    ✓     ·     NO (missing [fail])");
  }

  @Test
  void should_require_not_applicable_for_a_rule_with_an_applicability_condition() throws IOException {
    Files.delete(pack.resolve("rules/s.badge/tests/leader.not-applicable.yaml"));
    PackTests tests = PackTests.forPack(pack);

    Coverage coverage = tests.coverage(tests.fixtureFiles().stream().map(tests::run).toList());

    assertThat(coverage.rules()).filteredOn(r -> r.rule().ruleId().equals("s.badge")).singleElement()
        .satisfies(r -> assertThat(r.covered()).isFalse());
    assertThat(tests.shortfalls(coverage)).first().asString().contains("s.badge missing [not-applicable]");
  }

  @Test
  void should_probe_a_threshold_and_notice_when_the_outcome_flips_elsewhere() {
    PackTests tests = PackTests.forPack(SAMPLE);
    RuleInfo score = tests.rules().stream().filter(r -> r.ruleId().equals("s.score")).findFirst().orElseThrow();
    List<FixtureResult> results = tests.fixtureFiles().stream().map(tests::run).toList();
    PackTests.BoundaryCheck check = tests.boundaryChecks(results).stream()
        .filter(c -> c.name().startsWith("s.score")).findFirst().orElseThrow();

    assertThat(check.name()).isEqualTo(
        "s.score: indicator score ge 70 (from rules/s.score/tests/high-score.pass.yaml, o1)");
    assertThat(check.run(tests.engine())).extracting(Object::toString)
        .containsExactly("69 → FAIL", "69.99 → FAIL", "70 → PASS", "70.01 → PASS", "71 → PASS");

    RuleInfo.Threshold misread = RuleInfo.Threshold.of("indicator", "score", "gt", List.of(new BigDecimal("70")), true);
    assertThat(BoundaryProbe.probe(tests.engine(), score, misread, results.get(6).fixture().request(), "o1"))
        .filteredOn(p -> !p.agrees()).extracting(Object::toString).containsExactly("70 → PASS (expected FAIL)");
  }

  /**
   * Run by the JUnit Platform test kit below, on a pack with a broken fixture; skipped when a
   * {@code -Dtest} pattern selects it on its own.
   */
  static class BrokenPackTests {
    static Path pack;

    @TestFactory
    Stream<DynamicNode> fixtures() {
      Assumptions.assumeTrue(pack != null, "run only by should_fail_the_build_naming_the_fixture_as_a_junit_test");
      return PackTests.forPack(pack).dynamicTests();
    }
  }

  @Test
  void should_fail_the_build_naming_the_fixture_as_a_junit_test() throws IOException {
    write("rules/s.late/tests/on-time.pass.yaml", """
        as-of: 2025-06-30
        subjects:
          - {id: o1, type: officer}
        events:
          - {subject: o1, type: late, date: 2025-06-28}
        """);
    BrokenPackTests.pack = pack;
    Events tests;
    try {
      tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenPackTests.class))
          .execute().testEvents();
    } finally {
      BrokenPackTests.pack = null;
    }

    tests.assertStatistics(stats -> stats.failed(1));
    tests.assertThatEvents().haveExactly(1, event(displayName("rules/s.late/tests/on-time.pass.yaml"),
        finishedWithFailure(message(m -> m.contains("rules/s.late/tests/on-time.pass.yaml:3:10: o1 / s.late: "
            + "expected PASS but was FAIL")))));
    // s.late keeps a PASS asserted in late-once.fail.yaml (about o1), so coverage still holds
    tests.assertThatEvents().haveExactly(1, event(displayName("coverage"),
        org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
  }
}
