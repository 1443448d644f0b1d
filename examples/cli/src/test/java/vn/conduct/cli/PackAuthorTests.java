package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What 'check' and 'test' tell a pack author about fixtures that name what the pack does not have. */
class PackAuthorTests {

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  private Path pack;

  private static final String OFFICER = """
      as-of: 2025-06-30
      subjects:
        - {id: o1, type: officer, attributes: {group: g1}}
      observations:
        - {subject: o1, indicator: score, value: 82}
      """;

  @BeforeEach
  void writePackWithFixtures() throws IOException {
    pack = TestPack.write(directory);
    write(pack, "rules/t.score/tests/good.pass.yaml", OFFICER);
    write(pack, "rules/t.score/tests/poor.fail.yaml", OFFICER.replace("value: 82", "value: 40"));
  }

  private static Path write(Path pack, String path, String text) throws IOException {
    Path file = pack.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void should_check_a_pack_and_its_fixtures() {
    assertThat(cli.run("check", pack.toString())).isEqualTo(ConductCommand.OK);

    assertThat(cli.out()).contains(pack + ": valid");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void should_speak_vietnamese_with_lang_vi_and_english_by_default() throws IOException {
    assertThat(cli.run("check", pack.toString(), "--lang", "vi")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).endsWith(pack + ": hợp lệ, 1 cảnh báo" + System.lineSeparator());

    write(pack, "rules/t.score/tests/wrong.pass.yaml", OFFICER.replace("value: 82", "value: 40"));
    assertThat(cli.run("test", pack.toString(), "--no-boundaries", "--lang", "vi")).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out()).contains("3 tệp kiểm thử, 2 đạt; 0 ngưỡng đã dò; 1 không đạt");
    assertThat(cli.run("test", pack.toString(), "--no-boundaries")).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out()).contains("3 fixtures, 2 passed; 0 thresholds probed; 1 failed");

    assertThat(cli.run("check", pack.toString(), "--lang", "fr")).as("no French: English").isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).endsWith(pack + ": valid, 1 warning" + System.lineSeparator());
  }

  @Test
  void should_refuse_fixtures_naming_an_unknown_rule_checklist_or_subject_with_did_you_mean() throws IOException {
    write(pack, "tests/typos.yaml", OFFICER + """
        expect:
          o1:
            outcomes: {t.scor: PASS}
            scores: {montly: {rating: A}}
          o2:
            compliant: true
        """);

    assertThat(cli.run("check", pack.toString())).isEqualTo(ConductCommand.INVALID);

    assertThat(cli.err())
        .contains("ERROR   tests/typos.yaml:8:24  expect.o1.outcomes.t.scor: no loaded pack has a rule 't.scor'"
            + " [Hint: did you mean 't.score'?] [fixture.unknown-rule]")
        .contains("ERROR   tests/typos.yaml:9:22  expect.o1.scores.montly: no loaded pack has a checklist 'montly'"
            + " [Hint: did you mean 'monthly'?] [fixture.unknown-checklist]")
        .contains("ERROR   tests/typos.yaml:11:5  expect.o2: no subject with id 'o2' in this fixture [Hint: the"
            + " subjects are [o1]] [fixture.subject]")
        .contains(pack + ": invalid, 3 errors");
  }

  @Test
  void should_refuse_a_fixture_dated_when_no_version_of_the_pack_is_in_force_in_check_and_in_test()
      throws IOException {
    Files.writeString(pack.resolve("pack.yaml"), Files.readString(pack.resolve("pack.yaml"))
        + "effective: {from: 2025-07-01}\n");

    assertThat(cli.run("check", pack.toString())).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("ERROR   rules/t.score/tests/good.pass.yaml:1:8  as-of: cli-out 1.0.0 is not in"
        + " force on 2025-06-30 (from 2025-07-01) [Hint: date the fixture within a version's dates, or pin one:"
        + " 'pin: {cli-out: 1.0.0}'] [fixture.date]");

    assertThat(cli.run("test", pack.toString())).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out()).contains("ERROR  rules/t.score/tests/good.pass.yaml")
        .contains("cli-out 1.0.0 is not in force on 2025-06-30 (from 2025-07-01)")
        .doesNotContain("no finding");
  }

  /** Version {@code version} of pack hue-demo, in force from {@code from}; 1.1.0 adds rule hue.new. */
  private Path hueDemo(String version, String from) throws IOException {
    Path hue = directory.resolve("hue-demo-" + version);
    write(hue, "pack.yaml", """
        format: 1
        id: hue-demo
        version: %s
        title: {vi: Bộ Huế, en: Hue demo}
        engine: ">=0.1.0 <1.0.0"
        effective: {from: %s}
        sources:
          src: {number: "3/2025/QĐ-HUE", title: {vi: Văn bản thử, en: Test document}}
        vocabulary:
          subject-types:
            officer:
              indicators:
                score: {type: number}
        """.formatted(version, from));
    for (String rule : version.equals("1.0.0") ? new String[] {"hue.score"} : new String[] {"hue.score", "hue.new"}) {
      write(hue, "rules/" + rule + "/rule.yaml", """
          id: %s
          title: {vi: Điểm, en: Score}
          source: {document: src, article: "1", basis: read}
          applies-to: [officer]
          kind: requirement
          severity: minor
          condition: {indicator: score, ge: 50}
          """.formatted(rule));
    }
    return hue;
  }

  @Test
  void should_say_which_version_is_not_in_force_when_an_expected_rule_gives_no_finding() throws IOException {
    Path previous = hueDemo("1.0.0", "2025-01-01");
    Path next = hueDemo("1.1.0", "2025-07-01");
    write(next, "rules/hue.new/tests/may.pass.yaml", OFFICER.replace("2025-06-30", "2025-05-31"));

    assertThat(cli.run("test", next.toString(), "--with", previous.toString(), "--no-boundaries", "--min-rules", "0",
        "--min-clauses", "0")).isEqualTo(ConductCommand.INVALID);

    assertThat(cli.out()).contains("FAIL   rules/hue.new/tests/may.pass.yaml")
        .contains(": o1 / hue.new: expected PASS but was no finding: hue-demo 1.1.0 is not in force on 2025-05-31"
            + " (from 2025-07-01); the version used, hue-demo 1.0.0, has no rule 'hue.new'")
        .doesNotContain("the rule is unknown, disabled");

    assertThat(cli.run("test", next.toString(), "--no-boundaries")).as("without 1.0.0 no version is in force")
        .isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out()).contains("ERROR  rules/hue.new/tests/may.pass.yaml")
        .contains("as-of: hue-demo 1.1.0 is not in force on 2025-05-31 (from 2025-07-01)");
  }

  @Test
  void should_fail_a_strict_check_on_a_rule_no_fixture_tests() throws IOException {
    Files.delete(pack.resolve("rules/t.score/tests/poor.fail.yaml"));
    Files.delete(pack.resolve("rules/t.score/tests/good.pass.yaml"));

    assertThat(cli.run("check", "--strict", pack.toString())).isEqualTo(ConductCommand.INVALID);

    assertThat(cli.out()).contains("WARNING rules/t.score/rule.yaml  no fixture tests rule 't.score' [Hint: add"
        + " rules/t.score/tests/<case>.pass.yaml and <case>.fail.yaml] [lint.untested-rule]");
  }
}
