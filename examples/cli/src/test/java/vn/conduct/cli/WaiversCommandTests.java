package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conduct evaluate --waivers} and {@code conduct waivers check} on the sample district (June 2025)
 * and its sample waivers: officer cb-013's late arrivals of June, waived for QĐ 522's rule and the monthly
 * sheet's working-time item.
 */
class WaiversCommandTests {

  @TempDir
  static Path dir;

  static Path facts;
  static Path waivers;
  static String sample;

  private final CliRun cli = new CliRun();

  @BeforeAll
  static void sampleFiles() throws Exception {
    CliRun demo = new CliRun();
    assertThat(demo.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    facts = Files.writeString(dir.resolve("district.yaml"), demo.out());
    assertThat(demo.run("demo", "--print-waivers")).isEqualTo(ConductCommand.OK);
    sample = demo.out();
    waivers = Files.writeString(dir.resolve("waivers.yaml"), sample);
  }

  private Path variant(String name, String from, String to) throws Exception {
    assertThat(sample).contains(from);
    return Files.writeString(dir.resolve(name), sample.replace(from, to));
  }

  @Test
  void evaluate_shows_the_waived_finding_beside_its_outcome_and_the_grade_with_and_without_waivers() {
    int code = cli.run("evaluate", "--facts", facts.toString(), "--waivers", waivers.toString(), "--lang", "en",
        "--reveal-ids");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    String officer = cli.out().substring(cli.out().indexOf("cb-013  Cao Ngọc Long"));
    officer = officer.substring(0, officer.indexOf(System.lineSeparator() + System.lineSeparator()));
    assertThat(officer).contains(
        "hn3814-monthly  72 / 100 points  → Grade B – Good",
        "    without waivers: 69 / 100 → Grade C – Satisfactory; risk accepted: 3 points",
        "FAIL → WAIVED (w-2025-06-cb-013-late)         hn522.late-arrival              Violation:",
        "Waiver w-2025-06-cb-013-late: Young child in hospital in June 2025; reported to the leaders in advance and"
            + " hours made up — approved by Phan Trọng Kiên (head-of-unit), risk low, 2025-06-01..2025-06-30",
        "FAIL → WAIVED (w-2025-06-cb-013-working-time) hn3814.working-time             Not met:",
        "FAIL                                          hn522.late-arrival-repeat       Violation:",
        "(WAIVED 2)");
    // the 12-month repeat is not waived
    assertThat(officer.lines().filter(l -> l.contains("hn522.late-arrival-repeat")).findFirst().orElseThrow())
        .doesNotContain("WAIVED");
  }

  @Test
  void evaluate_with_the_waivers_expired_changes_nothing_and_says_so() throws Exception {
    Path expired = variant("expired.yaml", "expiry: 2025-06-30", "expiry: 2025-05-31");
    Path earlier = variant("earlier.yaml", "start: 2025-06-01", "start: 2025-05-01");
    Files.writeString(expired, Files.readString(expired).replace("start: 2025-06-01", "start: 2025-05-01"));
    Files.delete(earlier);
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--lang", "en", "--reveal-ids"))
        .isEqualTo(ConductCommand.OK);
    String plain = cli.out();

    int code = cli.run("evaluate", "--facts", facts.toString(), "--waivers", expired.toString(), "--lang", "en",
        "--reveal-ids");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).doesNotContain("WAIVED").contains(
        "  Waiver w-2025-06-cb-013-late expired on 2025-05-31, before the period 2025-06: not applied");
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--waivers", expired.toString(), "--format", "html",
        "--lang", "en", "--reveal-ids")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).doesNotContain("badge waived").contains("<ul class=\"notes\">\n<li>Waiver"
        + " w-2025-06-cb-013-late expired on 2025-05-31, before the period 2025-06: not applied</li>");
    cli.run("evaluate", "--facts", facts.toString(), "--waivers", expired.toString(), "--lang", "en", "--reveal-ids");
    // the report is the plain one but for the notes
    assertThat(cli.out().lines().filter(l -> !l.contains("Waiver w-2025-06"))).containsExactlyElementsOf(
        plain.lines().toList());
  }

  @Test
  void evaluate_writes_the_waiver_in_json_csv_and_html() throws Exception {
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--waivers", waivers.toString(), "--format", "json",
        "--reveal-ids"))
        .as(cli.err()).isEqualTo(ConductCommand.OK);
    JsonNode report = new ObjectMapper().readTree(cli.out());
    JsonNode officer = null;
    for (JsonNode subject : report.get("subjects")) {
      officer = subject.get("id").asText().equals("cb-013") ? subject : officer;
    }
    assertThat(officer.get("counts").get("waived").asInt()).isEqualTo(2);
    assertThat(officer.get("scores").get(0).get("risk-accepted").asInt()).isEqualTo(3);

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--waivers", waivers.toString(), "--format", "csv",
        "--lang", "en", "--reveal-ids"))
        .as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines().findFirst().orElseThrow())
        .endsWith(",compliant,waived,score_without_waivers,rating_without_waivers,risk_accepted,privacy");
    assertThat(cli.out().lines().filter(l -> l.startsWith("cb-013,"))).singleElement().asString()
        .contains(",hanoi-3814,hn3814-monthly,72,").endsWith(",false,2,69,C,3,"); // privacy: empty, the ids are real

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--waivers", waivers.toString(), "--format", "html",
        "--lang", "en", "--reveal-ids")).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("<span class=\"badge waived\">WAIVED</span> <code>w-2025-06-cb-013-late</code>",
        "Without waivers: 69 / 100 → <span class=\"rating\">Grade C – Satisfactory</span> · risk accepted: 3 points");

    // by default the waiver is shown with the officer pseudonymised, in its id too
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--waivers", waivers.toString(), "--format", "html",
        "--lang", "en")).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("<span class=\"badge waived\">WAIVED</span> <code>w-2025-06-p-")
        .doesNotContain("cb-013").doesNotContain("Cao Ngọc Long");
  }

  @Test
  void explain_counts_the_waived_item_and_does_not_ask_to_fix_it() {
    int code = cli.run("explain", "--facts", facts.toString(), "--waivers", waivers.toString(), "--subject", "cb-013",
        "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("  Score 72 / 100 → Grade B – Good",
        "    FAIL          hn3814.working-time              3 / 3       [WAIVED w-2025-06-cb-013-working-time]  Not met:",
        "  Without waivers: 69 / 100 → Grade C – Satisfactory; risk accepted: 3 points (WAIVED items count as PASS)",
        "  Next band: Grade A – Excellent ≥ 90, needs 18 more points.");
    assertThat(cli.out()).doesNotContain("hn3814.working-time  +");
  }

  @Test
  void evaluate_refuses_a_waiver_naming_an_unknown_rule_with_its_position() throws Exception {
    Path typo = variant("typo.yaml", "rule: hn522.late-arrival}", "rule: hn522.late-arival}");

    int code = cli.run("evaluate", "--facts", facts.toString(), "--waivers", typo.toString(), "--lang", "en");

    assertThat(code).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("typo.yaml:11:5", "waiver 'w-2025-06-cb-013-late' names rule 'hn522.late-arival'",
        "did you mean 'hn522.late-arrival'?");
  }

  @Test
  void waivers_check_passes_the_sample_and_exits_0() {
    int code = cli.run("waivers", "check", waivers.toString(), "--facts", facts.toString(), "--on", "2025-06-15");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).isEqualTo(waivers + ": valid" + System.lineSeparator());
  }

  @Test
  void waivers_check_exits_1_on_errors_and_prints_them_located() throws Exception {
    Path bad = variant("bad.yaml", "subjects: {ids: [cb-013]}\n    justification:\n      vi: \"Con",
        "subjects: {ids: [cb-913]}\n    justification:\n      vi: \"Con");

    int code = cli.run("waivers", "check", bad.toString(), "--facts", facts.toString(), "--on", "2025-06-15");

    assertThat(code).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("bad.yaml:13:22  waivers[0].subjects.ids[0]: waiver 'w-2025-06-cb-013-late' names"
        + " subject 'cb-913', which the facts do not have", "[waiver.unknown-subject]",
        bad + ": invalid, 1 error, 0 warnings");

    Path noApprover = variant("no-approver.yaml", "    approver: {name: \"Phan Trọng Kiên\", role: head-of-unit}\n"
        + "    risk: low\n    start: 2025-06-01\n    expiry: 2025-06-30\n  - id: w-2025-06-cb-013-working-time",
        "    risk: low\n    start: 2025-06-01\n    expiry: 2025-06-30\n  - id: w-2025-06-cb-013-working-time");
    assertThat(cli.run("waivers", "check", noApprover.toString())).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("no-approver.yaml:11:5  waivers[0]: missing 'approver'");
  }

  @Test
  void waivers_check_warns_of_expired_waivers_and_fails_on_warnings_only_with_strict() {
    int code = cli.run("waivers", "check", waivers.toString(), "--on", "2025-08-01");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("waivers[0].expiry: waiver 'w-2025-06-cb-013-late' expired on 2025-06-30"
        + " (checked on 2025-08-01)", waivers + ": valid, 2 warnings");

    assertThat(cli.run("waivers", "check", waivers.toString(), "--on", "2025-08-01", "--strict"))
        .isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains(waivers + ": invalid, 0 errors, 2 warnings (--strict)");
  }

  @Test
  void waivers_check_of_a_missing_file_is_a_usage_error() {
    assertThat(cli.run("waivers", "check", dir.resolve("nope.yaml").toString())).isEqualTo(ConductCommand.USAGE);
  }
}
