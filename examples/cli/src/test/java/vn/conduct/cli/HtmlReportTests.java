package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Basis;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Citation;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RuleKind;
import vn.conduct.rules.api.RuleRef;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.Severity;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;

class HtmlReportTests {

  private static final String FACTS = """
      as-of: 2025-06-30
      subjects:
        - {id: o1, type: officer, name: "<script>alert('x')</script>", attributes: {group: g}}
        - {id: o2, type: officer, name: "Trần & Co", attributes: {group: g}}
        - {id: o3, type: officer, attributes: {group: g}}
        - {id: o4, type: officer, attributes: {group: g}}
      observations:
        - {subject: o1, indicator: score, value: 82}
        - {subject: o2, indicator: score, value: 64}
        - {subject: o3, indicator: score, value: 90}
      events:
        - {subject: o3, type: late, date: 2025-06-03}
      """;

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  private Path pack;
  private Path facts;

  @BeforeEach
  void write() throws IOException {
    pack = TestPack.write(directory);
    facts = directory.resolve("june.yaml");
    Files.writeString(facts, FACTS, StandardCharsets.UTF_8);
  }

  @Test
  void should_write_a_self_contained_page_with_summary_chart_ranking_and_findings() throws IOException {
    Path file = directory.resolve("report.html");

    assertThat(cli.run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--format", "html", "--lang", "en",
        "-o", file.toString())).isZero();

    assertThat(cli.out()).isEmpty();
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    Document page = Jsoup.parse(html);
    assertThat(page.select("html").attr("lang")).isEqualTo("en");
    assertThat(page.select("head > style")).isNotEmpty();
    assertThat(page.select("p.meta").text()).isEqualTo("Evaluated as of 2025-06-30 · period 2025-06-01 → 2025-06-30");
    assertThat(page.select("h1").text()).isEqualTo("Code of conduct evaluation report");
    assertThat(page.select("section.checklist h2").eachText()).containsExactly("Monthly score monthly");
    // the chart: one bar per band, best first, then those not rated
    assertThat(page.select("svg.chart")).hasSize(1);
    assertThat(page.select("svg.chart rect")).hasSize(4);
    assertThat(page.select("svg.chart > text:not(.n)").eachText())
        .containsExactly("Good", "Fair", "Poor", "Not rated (too little evidence)");
    // the ranking: a row per ranked subject, best first, with a link to the subject
    assertThat(page.select("table.ranking tbody tr")).extracting(Element::text)
        .as("ratings by their band titles").containsExactly("1 o1 <script>alert('x')</script> 100 Good", "2 o3 80 Fair",
            "3 o2 Trần & Co 0 Poor");
    assertThat(page.select("table.ranking tbody tr a").eachAttr("href")).containsExactly("#s-o1", "#s-o3", "#s-o2");
    assertThat(page.select("section.checklist p.note").text())
        .isEqualTo("Not ranked (no rating: too little evidence, or the criteria do not apply): o4");
    // the findings: o2 failed, o3 lost points, o4 has no evidence; o1 has nothing to explain
    assertThat(page.select("article.subject").eachAttr("id")).containsExactly("s-o2", "s-o3", "s-o4");
    Element o2 = page.getElementById("s-o2");
    assertThat(o2.select("h3").text()).isEqualTo("o2 · Trần & Co officer");
    assertThat(o2.select("table.findings tbody tr")).hasSize(1);
    assertThat(o2.select("table.findings .badge.fail").text()).isEqualTo("FAIL");
    assertThat(o2.select("table.findings td").get(3).text()).isEqualTo("1/2025/QĐ-TEST, Article 2 [read in source]");
    assertThat(page.getElementById("s-o3").select("ul.adjustments li").text()).startsWith("deduction −20 points");
    assertThat(page.select("p.quiet").text()).startsWith("Nothing to explain (1):").contains("o1 <script>alert('x')</script> A");
    // nothing runs, nothing is fetched
    assertThat(page.select("script, [src], link, iframe, object")).isEmpty();
    assertThat(page.select("a[href]").eachAttr("href")).allMatch(href -> href.startsWith("#"));
    assertThat(page.select("details")).as("a small run is shown in full").isEmpty();
    assertThat(page.select("p.abbreviated")).isEmpty();
    // the names from the facts are text
    assertThat(html).contains("&lt;script&gt;alert('x')&lt;/script&gt;").contains("Trần &amp; Co").doesNotContain("<script");
  }

  @Test
  void should_head_the_csv_with_the_column_names_in_english() {
    assertThat(cli.run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--format", "csv",
        "--lang", "en")).isZero();

    assertThat(cli.out().split("\r\n")[0]).isEqualTo(String.join(",", CsvReport.HEADER));
  }

  @Test
  void should_write_scores_and_ranks_as_csv() {
    assertThat(cli.run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--format", "csv")).isZero();

    String[] rows = cli.out().split("\r\n");
    assertThat(rows[0]).as("Vietnamese titles under --lang vi, the default")
        .startsWith("Mã đối tượng,Tên,Loại,Thuộc đơn vị,Bộ quy tắc,Phiếu,Điểm,Điểm tối đa,Bằng chứng (%),")
        .endsWith(",Điểm không miễn trừ,Xếp loại không miễn trừ,Rủi ro chấp nhận,Ẩn danh hoá")
        .satisfies(header -> assertThat(header.split(",")).hasSameSizeAs(CsvReport.HEADER));
    assertThat(rows).hasSize(5)
        .anyMatch(r -> r.startsWith("o1,<script>alert('x')</script>,officer,,cli-out,monthly,100,100,100,true,A,Tốt,1,g,1,0,"))
        .anyMatch(r -> r.startsWith("o3,,officer,,cli-out,monthly,80,100,100,true,B,Khá,2,g,"))
        .anyMatch(r -> r.startsWith("o4,,officer,,cli-out,monthly,0,100,0,false,,,,,0,0,1,"));
  }

  @Test
  void should_refuse_to_write_into_a_missing_folder() {
    assertThat(cli.run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--format", "html",
        "-o", directory.resolve("no/such/report.html").toString())).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("Could not write the report to");
  }

  @Test
  void should_abbreviate_a_run_of_20000_subjects_into_collapsible_units_under_10_mb_and_say_so() {
    // GIVEN 20 000 officers in 20 units, 30 findings each (2 FAIL, 5 UNKNOWN), one ranking of them all
    Report report = largeReport(20, 1000);

    // WHEN
    String html = print(report);

    // THEN the page is under 10 MB and states what it left out
    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(10_000_000);
    Document page = Jsoup.parse(html);
    assertThat(page.select("p.abbreviated#abbreviated").text()).startsWith("Abbreviated report This run has 20020"
        + " subjects (more than 1000)")
        .contains("Passes, not-applicable and unknown findings are counted, not listed")
        .contains("every subject's scores and ranks: --format csv");
    assertThat(page.select("article.subject")).isEmpty();
    // AND every unit is a collapsible section, the units themselves in the section of those in no unit
    assertThat(page.select("details.unit")).hasSize(21);
    assertThat(page.select("details.unit").first().hasAttr("id")).as("no anchor for no unit").isFalse();
    assertThat(page.select("details#u-unit-07 > summary").text()).isEqualTo("unit-07 · Unit 7 — 1000 members; 0 fully"
        + " compliant; 1000 with failures or errors; 2000 failed, 5000 unknown monthly C 1000");
    // AND every subject has one compact row: scores, counts, failed criteria; the shared reason stated once
    assertThat(page.select("details.unit tbody tr[id^=s-]")).hasSize(20_020);
    assertThat(page.select("tr#s-o-07-0003 > td")).extracting(Element::text).containsExactly("o-07-0003", "Officer 3",
        "monthly 63 C · deduction -10 · quota B→C", "20", "2", "5", "3", "r.00: Not met: late 3 times; r.01");
    assertThat(page.select("tr#s-o-07-0003 a").eachAttr("href")).containsExactly("#r-r.00", "#r-r.01");
    assertThat(count(html, "Not met: badge not worn")).as("the most frequent reason, once in the criteria").isEqualTo(1);
    assertThat(page.select("table.criteria tr#r-r\\.01 > td")).extracting(Element::text).containsExactly(
        "Rule 1 r.01", "20000", "0", "0", "0", "Not met: badge not worn (20000)",
        "9/QĐ-X, Article 1 [read in source] A note on the source, long enough to matter.");
    // AND the ranking shows its first 25 and last 10 ranks
    assertThat(page.select("table.ranking tr.cut").text()).isEqualTo("… 19965 ranks left out (all of them in --format csv)");
    assertThat(page.select("table.ranking tbody tr:not(.cut) > td:first-child").eachText())
        .hasSize(35).startsWith("1", "2").contains("25", "19991", "20000").doesNotContain("26", "19990");
  }

  @Test
  void should_show_every_subject_in_full_up_to_the_threshold() {
    Report report = largeReport(1, HtmlReport.FULL_DETAIL_UP_TO - 1);

    String html = print(report);

    assertThat(report.subjects()).hasSize(HtmlReport.FULL_DETAIL_UP_TO);
    Document page = Jsoup.parse(html);
    assertThat(page.select("p.abbreviated, details")).isEmpty();
    assertThat(page.select("article.subject")).hasSize(HtmlReport.FULL_DETAIL_UP_TO - 1);
  }

  private static String print(Report report) {
    StringWriter out = new StringWriter();
    new HtmlReport(Language.EN, false, problem -> java.util.Optional.empty(), List.of())
        .print(report, new PrintWriter(out));
    return out.toString();
  }

  /**
   * {@code units} units of {@code members} officers each, every officer with 30 findings: r.00 FAIL
   * (a reason of its own), r.01 FAIL (one reason shared by all), r.02–r.06 UNKNOWN, r.07–r.09
   * NOT_APPLICABLE, the rest PASS; one score with a deduction and a quota; one ranking of everyone.
   */
  private static Report largeReport(int units, int members) {
    Citation citation = Citation.of("x", "9/QĐ-X", "1", null, Basis.READ, "A note on the source, long enough to matter.");
    List<RuleRef> rules = new ArrayList<>();
    for (int r = 0; r < 30; r++) {
      rules.add(RuleRef.of("p", "1.0.0", String.format("r.%02d", r), LocalizedText.of("Quy tắc " + r, "Rule " + r),
          RuleKind.REQUIREMENT, Severity.MINOR, citation, List.of()));
    }
    String cited = " — " + citation.render(Language.EN);
    List<SubjectResult> subjects = new ArrayList<>();
    List<Ranking.Entry> ranks = new ArrayList<>();
    for (int u = 1; u <= units; u++) {
      String unit = String.format("unit-%02d", u);
      subjects.add(SubjectResult.of(Subject.of(unit, "agency").withName("Unit " + u), List.of(), List.of(), List.of()));
      for (int m = 1; m <= members; m++) {
        String id = String.format("o-%02d-%04d", u, m);
        List<Finding> findings = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
          Outcome outcome = r < 2 ? Outcome.FAIL : r < 7 ? Outcome.UNKNOWN : r < 10 ? Outcome.NOT_APPLICABLE : Outcome.PASS;
          String why = switch (r) {
            case 0 -> "Not met: late " + m + " times";
            case 1 -> "Not met: badge not worn";
            default -> outcome + ": indicator " + r;
          };
          findings.add(new Finding(rules.get(r), outcome, LocalizedText.of(why + cited)));
        }
        ChecklistScore score = ChecklistScore.of("p", "monthly", LocalizedText.of("Monthly"), BigDecimal.valueOf(60 + m),
            BigDecimal.valueOf(100), BigDecimal.valueOf(100), "C", LocalizedText.of("C"), true, List.of(),
            List.of(ScoreAdjustment.of(ScoreAdjustment.Kind.DEDUCTION, "late", BigDecimal.valueOf(-10), null, null,
                    LocalizedText.of("−10 points")),
                ScoreAdjustment.of(ScoreAdjustment.Kind.QUOTA, "B", null, "B", "C", LocalizedText.of("Quota"))));
        subjects.add(SubjectResult.of(Subject.of(id, "officer").withName("Officer " + m).withParent(unit), findings,
            List.of(score), List.of()));
        ranks.add(Ranking.Entry.of(ranks.size() + 1, id, BigDecimal.valueOf(60 + m), "C"));
      }
    }
    subjects.sort(java.util.Comparator.comparing(SubjectResult::subjectId));
    return Report.of(Provenance.of("0.2.0", LocalDate.of(2025, 6, 30), Period.month(2025, 6), false, List.of(),
        List.of()), subjects, List.of(Ranking.of("p", "monthly", "", ranks, List.of())), List.of());
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
