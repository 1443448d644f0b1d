package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactCommandTests {

  @TempDir
  static Path dir;

  static Path facts;

  private final CliRun cli = new CliRun();

  @BeforeAll
  static void sampleFacts() throws Exception {
    CliRun demo = new CliRun();
    assertThat(demo.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    facts = Files.writeString(dir.resolve("district.yaml"), demo.out());
  }

  @Test
  void should_word_the_impact_in_vietnamese_by_default() {
    assertThat(cli.run("impact", "--from", "hanoi-units@1.1.0", "--to", "hanoi-units@2.1.0", "--facts",
        facts.toString())).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).startsWith("hanoi-units 1.1.0 → 2.1.0: 9 trong 81 đối tượng thay đổi").contains(
        "  thay đổi xếp loại do hnunits.par-appraisal (3), hnunits.par-survey (3)",
        "đơn vị: (không thuộc đơn vị) 6 trong 18, ubnd-ba-dinh 3 trong 18",
        "so-noi-vu: hnunits.district-level-ended — → ĐẠT");
    assertThat(VietnameseOutputTests.leaks(cli.out())).isEmpty();
  }

  @Test
  void should_report_who_changes_rating_and_why_on_the_sample_district() {
    // WHEN the sample district (June 2025) is evaluated under hanoi-units 1.1.0 and 2.1.0 (districts abolished)
    int code = cli.run("impact", "--from", "hanoi-units@1.1.0", "--to", "hanoi-units@2.1.0", "--facts",
        facts.toString(), "--lang", "en");

    // THEN the three districts lose their PAR rating, because the rules that scored them no longer apply
    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).startsWith("hanoi-units 1.1.0 → 2.1.0: 9 of 81 subjects change").contains(
        "  rating changes caused by hnunits.par-appraisal (3), hnunits.par-survey (3)",
        "units: (no unit) 6 of 18, ubnd-ba-dinh 3 of 18",
        "ubnd-ba-dinh: hnunits.conduct-plan-issued PASS → NOT_APPLICABLE; hnunits.district-level-ended — → FAIL;"
            + " hnunits.par-appraisal PASS → NOT_APPLICABLE; hnunits.par-survey PASS → NOT_APPLICABLE;"
            + " hnunits-par score 88.81 → 0, rating nhom-2 → —; hnunits-par [district] rank 2 → —",
        "so-noi-vu: hnunits.district-level-ended — → PASS");
    assertThat(cli.out().lines().filter(l -> l.startsWith("hnunits-par ("))).singleElement().asString()
        .endsWith(": 3 of 9 agency or unit change rating, 3 change score");
    assertThat(cli.out().lines().filter(l -> l.startsWith("hnunits-sipas ("))).singleElement().asString()
        .endsWith(": 0 of 9 agency or unit change rating, 0 change score");
  }

  @Test
  void should_pseudonymise_people_either_version_marks_personal_unless_revealed() throws Exception {
    // hanoi-3814 1.0.0 marks nothing personal, 1.2.0 marks officers: the impact masks them (the union)
    String[] args = {"impact", "--from", "hanoi-3814@1.0.0", "--to", "hanoi-3814@1.2.0", "--facts", facts.toString(),
        "--lang", "en"};
    assertThat(cli.run(args)).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).doesNotContain("cb-028").containsPattern("p-[0-9a-f]{20} \\(ubnd-p-quan-thanh\\): hn3814-monthly");
    assertThat(cli.err()).startsWith("conduct: the ids of people (officer) are pseudonyms, HMAC-SHA256 under a key drawn");

    java.nio.file.Path key = Files.writeString(dir.resolve("impact.key"), "an office key of 32 bytes......");
    String[] keyed = java.util.Arrays.copyOf(args, args.length + 4);
    System.arraycopy(new String[] {"--pseudonym-key", key.toString(), "--format", "json"}, 0, keyed, args.length, 4);
    assertThat(cli.run(keyed)).isEqualTo(ConductCommand.OK);
    String first = cli.out();
    assertThat(cli.run(keyed)).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).as("same key, same pseudonyms").isEqualTo(first).doesNotContain("cb-028")
        .contains("\"privacy\" : \"the ids of people (officer) are pseudonyms");

    String[] revealed = java.util.Arrays.copyOf(args, args.length + 1);
    revealed[args.length] = "--reveal-ids";
    assertThat(cli.run(revealed)).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("cb-028 (ubnd-p-quan-thanh): hn3814-monthly");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void should_say_when_a_grade_changes_because_of_the_checklist_itself() {
    // WHEN the officers' monthly grades (June 2025) are evaluated under hanoi-3814 1.0.0 (frozen) and 1.1.0
    int code = cli.run("impact", "--from", "hanoi-3814@1.0.0", "--to", "hanoi-3814@1.1.0", "--facts",
        facts.toString(), "--lang", "en");

    // THEN one officer of 60 loses its grade with the same score: no rule changed outcome, the sheet did
    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).containsExactly(
        "hanoi-3814 1.0.0 → 1.1.0: 1 of 81 subjects change",
        "hn3814-monthly (Monthly officer evaluation and grading sheet (Decision 3814-QĐ/TU)): 1 of 60 cadre, civil"
            + " servant, public employee or worker change rating, 0 change score",
        "  ratings: Grade B – Good → — (1)",
        "  rating changes caused by the checklist itself (no rule changed outcome: points, bands, evidence,"
            + " quotas...)",
        "units: ubnd-p-quan-thanh 1 of 15",
        "cb-028 (ubnd-p-quan-thanh): hn3814-monthly rating B → — (score 74)");
  }

  @Test
  void should_say_who_changes_grade_when_decree_335_replaces_decree_90_on_the_sample_district() throws Exception {
    // GIVEN the sample district with a year's results for its 60 officers under both decrees (the sample itself holds
    // none: it is a June file): most meet every ND 90 'good' criterion and score 27 + 58 under ND 335; the six whose
    // id ends in 7 have 15 % of tasks deficient (ND 90 'complete') but 27 + 45 points (ND 335 'good'); the six whose
    // id ends in 3 exceeded 55 % of tasks (ND 90 'excellent') but score 28 + 60 = 88 (ND 335 'good')
    Path yearly = Files.writeString(dir.resolve("district-2025.yaml"), withYearlyResults(Files.readString(facts)));

    // WHEN the year 2025 is judged under hanoi-yearly 1.0.0 (ND 90) and 2.0.0 (ND 335)
    int code = cli.run("impact", "--from", "hanoi-yearly@1.0.0", "--to", "hanoi-yearly@2.0.0", "--facts",
        yearly.toString(), "--period", "2025", "--as-of", "2025-12-31", "--lang", "en");

    // THEN twelve officers change grade, six up and six down, and the causes are the rules the new decree replaced
    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).startsWith(
        "hanoi-yearly 1.0.0 → 2.0.0: 60 of 81 subjects change",
        "yearly-classification (Yearly classification of civil servants under Decree 335/2025/NĐ-CP): 12 of 60"
            + " cadre, civil servant, public employee or worker change rating, 60 change score",
        "  ratings: Complete → Good (6), Excellent → Good (6)",
        "  rating changes caused by rules replaced: only in 1.0.0 nd90.completion, nd90.excellent, nd90.good; only"
            + " in 2.0.0 nd335.general-criteria, nd335.task-results");
    assertThat(cli.out().lines().filter(l -> l.startsWith("cb-007 ") || l.startsWith("cb-013 ")
        || l.startsWith("cb-001 ")).map(l -> l.substring(l.lastIndexOf("; ") + 2))).containsExactly(
            "yearly-classification score 70 → 85",
            "yearly-classification score 50 → 72, rating hoan-thanh → tot",
            "yearly-classification score 90 → 88, rating xuat-sac → tot");
  }

  @Test
  void should_name_the_one_rule_behind_every_grade_change() throws Exception {
    Path yearly = Files.writeString(dir.resolve("district-2025-nd90.yaml"), withYearlyResults(Files.readString(facts)));

    // WHEN the year 2025 is judged under hanoi-yearly 1.0.0 and 1.1.0 (leaders 'good' with up to 20 % deficient)
    int code = cli.run("impact", "--from", "hanoi-yearly@1.0.0", "--to", "hanoi-yearly@1.1.0", "--facts",
        yearly.toString(), "--period", "2025", "--as-of", "2025-12-31", "--lang", "en");

    // THEN the two leaders with 15 % deficient move up, all because of nd90.good
    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).containsExactly(
        "hanoi-yearly 1.0.0 → 1.1.0: 2 of 81 subjects change",
        "yearly-classification (Yearly quality classification under Decree 90/2020/NĐ-CP): 2 of 60 cadre, civil"
            + " servant, public employee or worker change rating, 2 change score",
        "  ratings: Complete → Good (2)",
        "  all because of nd90.good",
        "rules changing outcome: nd90.good (2)",
        "units: ubnd-p-dien-bien 1 of 15, ubnd-p-quan-thanh 1 of 15",
        "cb-017 (ubnd-p-quan-thanh): nd90.good FAIL → PASS; yearly-classification score 50 → 70, rating hoan-thanh"
            + " → tot",
        "cb-047 (ubnd-p-dien-bien): nd90.good FAIL → PASS; yearly-classification score 50 → 70, rating hoan-thanh"
            + " → tot");
  }

  /** The sample facts with a year's results (dated 15 December 2025) for its 60 officers, under ND 90 and ND 335. */
  private static String withYearlyResults(String sample) {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 60; i++) {
      boolean leader = (i - 1) % 15 < 3;
      int[] v = i % 10 == 7 ? new int[] {15, 0, 27, 45} : i % 10 == 3 ? new int[] {0, 55, 28, 60}
          : new int[] {0, 20, 27, 58};
      String[][] observed = {{"general-criteria-good", "true"}, {"deficient-task-share", "" + v[0]},
          {"exceeded-task-share", "" + v[1]}, {"general-criteria-points", "" + v[2]}, {"task-result-points", "" + v[3]},
          {"unit-target-share", "90"}, {"units-completed-share", "100"}, {"units-good-share", "80"}};
      for (int k = 0; k < (leader ? observed.length : 5); k++) {
        lines.append("  - {subject: cb-%03d, indicator: %s, value: %s, observed-on: 2025-12-15, method: record}\n"
            .formatted(i, observed[k][0], observed[k][1]));
      }
    }
    assertThat(sample).contains("\nevents:");
    return sample.replaceFirst("\nevents:", "\n" + lines + "events:");
  }

  @Test
  void should_give_the_same_counts_as_json() throws Exception {
    int code = cli.run("impact", "--from", "hanoi-units@1.1.0", "--to", "hanoi-units@2.1.0", "--facts",
        facts.toString(), "--format", "json");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    JsonNode root = new ObjectMapper().readTree(cli.out());
    assertThat(root.path("changed").asInt()).isEqualTo(9);
    assertThat(root.path("subjects").asInt()).isEqualTo(81);
    assertThat(root.path("rules").path("hnunits.district-level-ended").asInt()).isEqualTo(9);
    assertThat(root.path("units").path("ubnd-ba-dinh").path("changed").asInt()).isEqualTo(3);
    assertThat(root.path("changes")).anySatisfy(s -> {
      assertThat(s.path("subject").asText()).isEqualTo("ubnd-hoan-kiem");
      assertThat(s.path("scores").get(0).path("from-rating").asText()).isEqualTo("nhom-1");
      assertThat(s.path("scores").get(0).path("to-rating").isNull()).isTrue();
      assertThat(s.path("scores").get(0).path("causes")).extracting(JsonNode::asText)
          .contains("hnunits.par-appraisal");
    });
  }

  @Test
  void should_write_one_csv_row_per_change() {
    int code = cli.run("impact", "--from", "hanoi-units@1.1.0", "--to", "hanoi-units@2.1.0", "--facts",
        facts.toString(), "--format", "csv", "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().split("\r\n"))
        .startsWith("subject,unit,kind,id,peer_group,from,to,from_rating,to_rating,causes")
        .contains("ubnd-hoan-kiem,,score,hnunits-par,,90.36,0,nhom-1,,hnunits.par-appraisal hnunits.par-survey",
            "ubnd-hoan-kiem,,rank,hnunits-par,district,1,,,,",
            "ubnd-p-truc-bach,ubnd-ba-dinh,outcome,hnunits.par-survey,,NOT_APPLICABLE,UNKNOWN,,,");
  }

  @Test
  void should_write_one_html_page_with_the_counts_and_the_subjects() {
    int code = cli.run("impact", "--from", "hanoi-units@1.1.0", "--to", "hanoi-units@2.1.0", "--facts",
        facts.toString(), "--format", "html", "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).startsWith("<!DOCTYPE html>");
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(cli.out());
    assertThat(page.select("h1").text()).isEqualTo("hanoi-units 1.1.0 → 2.1.0");
    assertThat(page.select("h1 + p").text()).isEqualTo("9 of 81 subjects change");
    assertThat(page.select("table.checklists tbody tr").eachText())
        .anyMatch(row -> row.contains("9 agency or unit 3") && row.endsWith("3 hnunits.par-appraisal (3), hnunits.par-survey (3)"));
    assertThat(page.select("ul.rules li").eachText()).contains("hnunits.district-level-ended: 9");
    org.jsoup.nodes.Element hoanKiem = page.select("table.subjects tbody tr").stream()
        .filter(row -> row.child(0).text().equals("ubnd-hoan-kiem")).findFirst().orElseThrow();
    assertThat(hoanKiem.child(1).text()).isEmpty();
    // one change a line
    assertThat(hoanKiem.child(2).textNodes()).extracting(node -> node.text().strip())
        .startsWith("hnunits.conduct-plan-issued PASS → NOT_APPLICABLE", "hnunits.district-level-ended — → FAIL");
    assertThat(hoanKiem.child(2).select("br")).hasSize(hoanKiem.child(2).textNodes().size() - 1);
  }

  @Test
  void should_refuse_two_different_packs_with_a_hint() {
    int code = cli.run("impact", "--from", "hanoi-units@1.1.0", "--to", "hanoi-yearly@1.1.0", "--facts",
        facts.toString());

    assertThat(code).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("'hanoi-units@1.1.0' and 'hanoi-yearly@1.1.0' name two packs and neither extends the other")
        .contains("[Hint:");
  }
}
