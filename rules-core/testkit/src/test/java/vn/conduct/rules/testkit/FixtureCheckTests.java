package vn.conduct.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.ValidationIssue;

/**
 * What a fixture names is checked against the loaded packs before it runs, and a missing finding
 * is explained by the versions in force: a misspelt rule never passes for want of a finding.
 */
class FixtureCheckTests {

  @TempDir
  Path directory;

  private Path pack;

  @BeforeEach
  void copySample() throws IOException {
    pack = copy(PackTestsSelfTests.SAMPLE, directory.resolve("sample"));
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  private static Path write(Path pack, String path, String content) throws IOException {
    Path file = pack.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static final String OFFICER = """
      as-of: 2025-06-30
      subjects:
        - {id: a1, type: agency}
        - {id: o1, type: officer, parent: a1, attributes: {position: staff}}
      observations:
        - {subject: o1, indicator: score, value: 82}
      """;

  @Test
  void should_name_a_misspelt_rule_and_checklist_with_the_nearest_ids() throws IOException {
    write(pack, "tests/typos.yaml", OFFICER + """
        expect:
          o1:
            outcomes: {s.scor: PASS}
            scores: {montly: {rating: A}}
        """);

    List<ValidationIssue> issues = PackTests.forPack(pack).checkFixtures();

    assertThat(issues).extracting(ValidationIssue::render).containsExactly(
        "ERROR   tests/typos.yaml:9:24  expect.o1.outcomes.s.scor: no loaded pack has a rule 's.scor'"
            + " [Hint: did you mean 's.score'?] [fixture.unknown-rule]",
        "ERROR   tests/typos.yaml:10:22  expect.o1.scores.montly: no loaded pack has a checklist 'montly'"
            + " [Hint: did you mean 'monthly'?] [fixture.unknown-checklist]");
  }

  @Test
  void should_list_the_rules_when_no_id_is_near() throws IOException {
    write(pack, "tests/far.yaml", OFFICER + "expect: {o1: {outcomes: {punctuality: PASS}}}\n");

    assertThat(PackTests.forPack(pack).checkFixtures()).singleElement().satisfies(issue -> {
      assertThat(issue.code()).isEqualTo("fixture.unknown-rule");
      assertThat(issue.hint()).isEqualTo("the rules are s.badge, s.late, s.score");
    });
  }

  @Test
  void should_refuse_to_run_a_fixture_naming_an_unknown_rule_instead_of_reporting_a_missing_finding()
      throws IOException {
    Path typo = write(pack, "tests/typo.yaml", OFFICER + "expect: {o1: {outcomes: {s.scor: PASS}}}\n");

    InvalidFixtureException error = catchThrowableOfType(InvalidFixtureException.class,
        () -> PackTests.forPack(pack).run(typo));

    assertThat(error).isNotNull();
    assertThat(error.issues()).extracting(ValidationIssue::code).containsExactly("fixture.unknown-rule");
    assertThat(error).hasMessageStartingWith("Fixture tests/typo.yaml is invalid (1 error):")
        .hasMessageContaining("did you mean 's.score'?");
  }

  @Test
  void should_refuse_a_rule_or_checklist_that_does_not_apply_to_the_subjects_type() throws IOException {
    write(pack, "tests/agency.yaml", OFFICER + """
        expect:
          a1:
            outcomes: {s.score: PASS}
            scores: {monthly: {rating: A}}
        """);

    assertThat(PackTests.forPack(pack).checkFixtures()).extracting(ValidationIssue::render).containsExactly(
        "ERROR   tests/agency.yaml:9:25  expect.a1.outcomes.s.score: rule 's.score' does not apply to subject 'a1'"
            + " of type 'agency' [Hint: it applies to officer] [fixture.type-mismatch]",
        "ERROR   tests/agency.yaml:10:23  expect.a1.scores.monthly: checklist 'monthly' does not score subject 'a1'"
            + " of type 'agency' [Hint: it scores officer] [fixture.type-mismatch]");
  }

  @Test
  void should_report_unknown_subjects_and_malformed_fixtures_with_the_reference_problems() throws IOException {
    write(pack, "tests/nobody.yaml", OFFICER + "expect: {o9: {outcomes: {s.score: PASS}}}\n");
    write(pack, "tests/typo.yaml", OFFICER + "expect: {o1: {outcomes: {s.scor: PASS}}}\n");

    assertThat(PackTests.forPack(pack).checkFixtures()).extracting(ValidationIssue::file, ValidationIssue::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tests/nobody.yaml", "fixture.subject"),
            org.assertj.core.groups.Tuple.tuple("tests/typo.yaml", "fixture.unknown-rule"));
  }

  @Test
  void should_accept_the_sample_packs_fixtures() {
    assertThat(PackTests.forPack(PackTestsSelfTests.SAMPLE).checkFixtures()).isEmpty();
  }

  @Test
  void should_refuse_a_fixture_dated_outside_every_version_of_the_pack() throws IOException {
    write(pack, "pack.yaml", Files.readString(pack.resolve("pack.yaml")) + "effective: {from: 2025-07-01}\n");
    Path fixture = write(pack, "tests/june.yaml", OFFICER + "expect: {o1: {outcomes: {s.score: PASS}}}\n");

    List<ValidationIssue> issues = PackTests.forPack(pack).checkFixtures();

    assertThat(issues).filteredOn(i -> i.file().equals("tests/june.yaml")).extracting(ValidationIssue::render)
        .containsExactly("ERROR   tests/june.yaml:1:8  as-of: kit-sample 1.0.0 is not in force on 2025-06-30"
            + " (from 2025-07-01) [Hint: date the fixture within a version's dates, or pin one:"
            + " 'pin: {kit-sample: 1.0.0}'] [fixture.date]");
    assertThat(issues).extracting(ValidationIssue::code).containsOnly("fixture.date");
    assertThat(catchThrowableOfType(InvalidFixtureException.class, () -> PackTests.forPack(pack).run(fixture)))
        .hasMessageContaining("kit-sample 1.0.0 is not in force on 2025-06-30 (from 2025-07-01)");
  }

  @Test
  void should_accept_a_fixture_that_pins_a_loaded_version_and_refuse_one_that_pins_another() throws IOException {
    write(pack, "pack.yaml", Files.readString(pack.resolve("pack.yaml")) + "effective: {from: 2025-07-01}\n");
    Path pinned = write(pack, "tests/pinned.yaml", "pin: {kit-sample: 1.0.0}\n" + OFFICER
        + "expect: {o1: {outcomes: {s.score: PASS}}}\n");
    Path wrong = write(pack, "tests/wrong-pin.yaml", "pin: {kit-sample: 1.2.0}\n" + OFFICER
        + "expect: {o1: {outcomes: {s.score: PASS}}}\n");
    PackTests tests = PackTests.forPack(pack);

    assertThat(tests.run(pinned).passed()).isTrue();
    assertThat(catchThrowableOfType(InvalidFixtureException.class, () -> tests.run(wrong)).issues())
        .extracting(ValidationIssue::render).containsExactly("ERROR   tests/wrong-pin.yaml:1:19  pin.kit-sample: the"
            + " fixture pins kit-sample 1.2.0, which is not loaded [Hint: loaded versions are 1.0.0] [fixture.pin]");
  }

  /** Version 1.1.0 of the sample, in force from July 2025, with one more rule. */
  private Path nextVersion() throws IOException {
    Path next = copy(PackTestsSelfTests.SAMPLE, directory.resolve("sample-1.1.0"));
    write(next, "pack.yaml", Files.readString(next.resolve("pack.yaml")).replace("version: 1.0.0", "version: 1.1.0")
        + "effective: {from: 2025-07-01}\n");
    write(next, "rules/s.new/rule.yaml", """
        id: s.new
        title: {vi: Điểm từ 50, en: Score at least 50}
        source: {document: code, article: "Điều 4", basis: read}
        applies-to: [officer]
        kind: requirement
        severity: minor
        condition: {indicator: score, ge: 50}
        """);
    return next;
  }

  @Test
  void should_say_that_the_version_with_the_rule_is_not_in_force_on_the_fixtures_date() throws IOException {
    Path next = nextVersion();
    Path june = write(pack, "tests/new-rule.yaml", OFFICER + "expect: {o1: {outcomes: {s.new: PASS}}}\n");
    PackTests tests = PackTests.forPack(pack).withPack(next);

    FixtureResult result = tests.run(june);

    assertThat(result.mismatches()).singleElement().extracting(FixtureResult.Mismatch::render).asString()
        .startsWith("tests/new-rule.yaml:7:33: o1 / s.new: expected PASS but was no finding: kit-sample 1.1.0 is not"
            + " in force on 2025-06-30 (from 2025-07-01); the version used, kit-sample 1.0.0, has no rule 's.new'");
  }

  @Test
  void should_say_that_the_pinned_version_lacks_the_rule() throws IOException {
    Path next = nextVersion();
    Path july = write(pack, "tests/pinned.yaml", "pin: {kit-sample: 1.0.0}\n"
        + OFFICER.replace("2025-06-30", "2025-07-31") + "expect: {o1: {outcomes: {s.new: PASS}}}\n");

    FixtureResult result = PackTests.forPack(pack).withPack(next).run(july);

    assertThat(result.mismatches()).singleElement().extracting(FixtureResult.Mismatch::actual).isEqualTo(
        "no finding: the facts pin kit-sample 1.0.0, which has no rule 's.new' (it is in kit-sample 1.1.0)");
  }

  @Test
  void should_test_the_new_version_on_fixtures_dated_in_its_range_with_the_old_one_loaded_beside_it()
      throws IOException {
    // GIVEN version 1.1.0 (from 2025-07-01) tested with 1.0.0 loaded beside it (fixture-format.md, section 5)
    Path next = nextVersion();
    Path july = write(next, "tests/new-rule-in-july.yaml", OFFICER.replace("2025-06-30", "2025-07-31")
        + "expect: {o1: {outcomes: {s.new: PASS}}}\n");
    PackTests tests = PackTests.forPack(next).withPack(pack);

    // WHEN the July fixture runs
    FixtureResult result = tests.run(july);

    // THEN 1.1.0 judged it; only the tested directory's fixtures run and only its rules count
    assertThat(result.passed()).as("%s", result.mismatches()).isTrue();
    assertThat(tests.fixtureFiles()).contains(july).allMatch(file -> file.startsWith(next));
    assertThat(tests.rules()).isNotEmpty().allMatch(rule -> rule.rule().packVersion().equals("1.1.0"));
  }

  @Test
  void should_warn_of_enabled_rules_that_no_fixture_tests() throws IOException {
    Files.walk(pack.resolve("rules/s.late/tests")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile()
        .delete());

    assertThat(PackTests.forPack(pack).untestedRules()).extracting(ValidationIssue::render).containsExactly(
        "WARNING rules/s.late/rule.yaml  no fixture tests rule 's.late' [Hint: add rules/s.late/tests/<case>.pass.yaml"
            + " and <case>.fail.yaml] [lint.untested-rule]");
  }

  @Test
  void should_suggest_the_nearest_ids_only_when_they_are_near() {
    List<String> known = List.of("hn522.badge", "hn522.late-arrival", "hn522.late-arrival-repeat", "s.score");

    assertThat(Suggestions.nearest("hn522.badg", known)).containsExactly("hn522.badge");
    assertThat(Suggestions.nearest("HN522.LATE-ARIVAL", known)).containsExactly("hn522.late-arrival");
    assertThat(Suggestions.nearest("punctuality", known)).isEmpty();
    assertThat(Suggestions.nearest("score", known)).as("two edits of seven characters").containsExactly("s.score");
    assertThat(Suggestions.nearest("s.scor", known)).containsExactly("s.score");
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }
}
