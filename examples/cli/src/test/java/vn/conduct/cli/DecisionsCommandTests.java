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
 * {@code conduct evaluate --decisions}, {@code conduct explain --decisions} and {@code conduct decisions
 * check} on the sample district (June 2025) and its sample decisions: cb-013's working-time FAIL contested,
 * reviewed and overridden by the head of the unit; cb-022's bonus raised, which moves the ward's A quota.
 */
class DecisionsCommandTests {

  @TempDir
  static Path dir;

  static Path facts;
  static Path decisions;
  static String sample;

  private final CliRun cli = new CliRun();

  @BeforeAll
  static void sampleFiles() throws Exception {
    CliRun demo = new CliRun();
    assertThat(demo.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    facts = Files.writeString(dir.resolve("district.yaml"), demo.out());
    assertThat(demo.run("demo", "--print-decisions")).isEqualTo(ConductCommand.OK);
    sample = demo.out();
    decisions = Files.writeString(dir.resolve("decisions.yaml"), sample);
  }

  @Test
  void a_pseudonymised_report_keeps_the_history_and_the_facts_with_the_people_in_them_masked() throws Exception {
    for (String format : java.util.List.of("json", "html", "table", "csv")) {
      int code = cli.run("evaluate", "--facts", facts.toString(), "--decisions", decisions.toString(), "-f", format,
          "--lang", "en");
      assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
      assertThat(cli.out()).as(format).doesNotContainPattern("\\bcb-\\d{3}\\b")
          .doesNotContain("Cao Ngọc Long", "Phan Trọng Kiên");
    }
    int code = cli.run("evaluate", "--facts", facts.toString(), "--decisions", decisions.toString(), "-f", "json");
    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    JsonNode report = new ObjectMapper().readTree(cli.out());
    JsonNode overridden = null;
    for (JsonNode subject : report.get("subjects")) {
      for (JsonNode finding : subject.get("findings")) {
        if (finding.path("original-outcome").asText().equals("FAIL") && finding.path("outcome").asText().equals("PASS")) {
          overridden = finding;
        }
      }
    }
    assertThat(overridden).as("the override survives masking").isNotNull();
    assertThat(overridden.get("decisions")).hasSize(3).allSatisfy(act -> {
      assertThat(act.get("by").get("id").asText()).matches("p-[0-9a-f]{20}");
      assertThat(act.get("by").get("name").isNull()).as("names left out").isTrue();
    });
  }

  @Test
  void the_html_report_shows_the_original_and_final_outcome_and_the_history_under_the_finding() {
    int code = cli.run("evaluate", "--facts", facts.toString(), "--decisions", decisions.toString(), "-f", "html",
        "--lang", "en", "--reveal-ids");
    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);

    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(cli.out());
    org.jsoup.nodes.Element officer = page.select("article").stream()
        .filter(a -> a.text().contains("cb-013")).findFirst().orElseThrow();
    org.jsoup.nodes.Element row = officer.select("table.findings tr").stream()
        .filter(r -> r.select("code").text().equals("hn3814.working-time")).findFirst().orElseThrow();
    assertThat(row.select("span.badge").first().text()).isEqualTo("FAIL → PASS (d-2025-06-cb-013-override)");
    assertThat(row.select("span.badge").first().hasClass("pass")).as("styled as its final outcome").isTrue();
    assertThat(row.select("ul.details li.decision").eachText()).hasSize(3).satisfiesExactly(
        contest -> assertThat(contest).contains("2025-07-02 contest by Cao Ngọc Long (cb-013, subject)"),
        review -> assertThat(review).contains("2025-07-07 review by Phan Trọng Kiên (cb-001, unit-head)"),
        override -> assertThat(override).contains("2025-07-08 override by Phan Trọng Kiên (cb-001, unit-head) → PASS",
            "[d-2025-06-cb-013-override]"));
    assertThat(officer.text()).as("the grade on the final outcome").contains("72");
  }

  @Test
  void evaluate_shows_the_original_and_the_final_outcome_and_the_history() {
    int code = cli.run("evaluate", "--facts", facts.toString(), "--decisions", decisions.toString(), "--lang", "en",
        "--reveal-ids");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    String officer = cli.out().substring(cli.out().indexOf("cb-013  Cao Ngọc Long"));
    officer = officer.substring(0, officer.indexOf(System.lineSeparator() + System.lineSeparator()));
    assertThat(officer).contains(
        "hn3814-monthly  72 / 100 points  → Grade B – Good",
        "FAIL → PASS (d-2025-06-cb-013-override) hn3814.working-time ",
        "history: 2025-07-02 contest by Cao Ngọc Long (cb-013, subject) — Both late arrivals",
        "history: 2025-07-07 review by Phan Trọng Kiên (cb-001, unit-head) — Checked with the office",
        "history: 2025-07-08 override by Phan Trọng Kiên (cb-001, unit-head) → PASS — Late with a good reason");
    String pending = cli.out().substring(cli.out().indexOf("cb-025  "));
    assertThat(pending.substring(0, pending.indexOf(System.lineSeparator() + System.lineSeparator())))
        .contains("FAIL (CONTESTED, pending)");
  }

  @Test
  void the_json_report_carries_the_original_outcome_and_the_history() throws Exception {
    int code = cli.run("evaluate", "--facts", facts.toString(), "--decisions", decisions.toString(), "-f", "json",
        "--reveal-ids");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    JsonNode root = new ObjectMapper().readTree(cli.out());
    JsonNode officer = null;
    for (JsonNode subject : root.path("subjects")) {
      if (subject.path("id").asText().equals("cb-013")) {
        officer = subject;
      }
    }
    assertThat(officer).isNotNull();
    JsonNode time = null;
    for (JsonNode finding : officer.path("findings")) {
      if (finding.path("rule").asText().equals("hn3814.working-time")) {
        time = finding;
      }
    }
    assertThat(time.path("outcome").asText()).isEqualTo("PASS");
    assertThat(time.path("original-outcome").asText()).isEqualTo("FAIL");
    assertThat(time.path("contest-pending").asBoolean()).isFalse();
    assertThat(time.path("decisions")).hasSize(3);
    JsonNode override = time.path("decisions").get(2);
    assertThat(override.path("kind").asText()).isEqualTo("override");
    assertThat(override.path("by").path("id").asText()).isEqualTo("cb-001");
    assertThat(override.path("by").path("role").asText()).isEqualTo("unit-head");
    assertThat(override.path("outcome").asText()).isEqualTo("PASS");
    assertThat(override.path("period").asText()).isEqualTo("2025-06");
    assertThat(override.path("date").asText()).isEqualTo("2025-07-08");
  }

  @Test
  void explain_says_what_the_override_changed_and_the_grade_without_it() {
    int code = cli.run("explain", "--facts", facts.toString(), "--decisions", decisions.toString(), "-s", "cb-013",
        "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("Score 72 / 100 → Grade B – Good", "Decisions:", "hn3814.working-time: FAIL → PASS",
        "2025-07-08 override by Phan Trọng Kiên (cb-001, unit-head) → PASS",
        "Without the decisions: 69 / 100 → Grade C – Satisfactory");
    // cb-021 was named by no decision, but the ward's quota moved
    assertThat(cli.run("explain", "--facts", facts.toString(), "--decisions", decisions.toString(), "-s", "cb-021",
        "--lang", "en")).isZero();
    assertThat(cli.out()).contains("Score 91 / 100 → Grade B – Good", "Without the decisions: 91 / 100 → Grade A – Excellent");
  }

  @Test
  void the_override_signed_by_the_officer_is_refused_located() throws Exception {
    Path self = Files.writeString(dir.resolve("self.yaml"), sample.replace(
        "date: 2025-07-08\n    by: {id: cb-001, name: \"Phan Trọng Kiên\", role: unit-head}",
        "date: 2025-07-08\n    by: {id: cb-013, name: \"Cao Ngọc Long\", role: unit-head}"));
    assertThat(Files.readString(self)).isNotEqualTo(sample);

    int code = cli.run("evaluate", "--facts", facts.toString(), "--decisions", self.toString(), "--lang", "en");
    assertThat(code).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("self.yaml:", "decision 'd-2025-06-cb-013-override' is an override of cb-013's",
        "the subject itself", "[decision.self]");
    String evaluated = cli.err().lines().filter(l -> l.contains("[decision.self]")).findFirst().orElseThrow().strip();
    assertThat(cli.run("decisions", "check", "--facts", facts.toString(), self.toString())).isEqualTo(ConductCommand.INVALID);
    assertThat((cli.out() + cli.err()).lines().map(String::strip)).as("evaluate and check locate it alike: line, column, whole path")
        .contains(evaluated);
    assertThat(evaluated).contains("decisions[2].by.id");

    code = cli.run("decisions", "check", "--facts", facts.toString(), "--on", "2025-07-31", self.toString());
    assertThat(code).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).containsPattern("self\\.yaml:\\d+:\\d+  decisions\\[2\\]\\.by\\.id: decision"
        + " 'd-2025-06-cb-013-override' is an override");
  }

  @Test
  void decisions_check_passes_the_sample_with_its_pending_contest_as_a_warning() {
    int code = cli.run("decisions", "check", "--facts", facts.toString(), "--on", "2025-07-31", decisions.toString());

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("[decision.pending]", "valid, 1 warning");
    assertThat(cli.run("decisions", "check", "--strict", "--facts", facts.toString(), "--on", "2025-07-31",
        decisions.toString())).isEqualTo(ConductCommand.INVALID);
  }

  @Test
  void replay_takes_the_decisions_and_names_a_tampered_one() throws Exception {
    Path log = dir.resolve("decisions.log");
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--decisions", decisions.toString(), "--log",
        log.toString(), "-f", "json")).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.run("replay", "--log", log.toString(), "--facts", facts.toString(), "--decisions",
        decisions.toString(), "--lang", "en")).as(cli.err()).isEqualTo(ConductCommand.OK);

    Path tampered = Files.writeString(dir.resolve("tampered.yaml"), sample.replace("    points: 6", "    points: 9"));
    assertThat(Files.readString(tampered)).isNotEqualTo(sample);
    int code = cli.run("replay", "--log", log.toString(), "--facts", facts.toString(), "--decisions",
        tampered.toString(), "--lang", "en");
    assertThat(code).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out() + cli.err()).contains("decision d-2025-06-cb-022-override was changed since the evaluation");
  }
}
