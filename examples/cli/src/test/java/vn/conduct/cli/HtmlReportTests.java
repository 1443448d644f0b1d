package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<html lang=\"en\">").contains("<style>")
        .contains("Evaluated as of 2025-06-30")
        .contains("<svg class=\"chart\"").contains("A — Good").contains("C — Poor")
        .contains("<table class=\"ranking\">")
        .containsPattern("<tr><td class=\"num\">1</td><td><a href=\"#s-o1\">o1</a></td>")
        .containsPattern("<td class=\"num\">2</td><td><a href=\"#s-o3\">o3</a></td><td></td><td class=\"num\">80</td>")
        .contains("Not ranked (no rating: too little evidence, or the criteria do not apply): o4")
        .contains("<span class=\"badge fail\">FAIL</span>")
        .contains("1/2025/QĐ-TEST, Article 2 [read in source]")
        .contains("<span class=\"kind\">deduction</span> −20 points")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=\"http")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("Trần &amp; Co");
    assertThat(count(html, "<table")).isEqualTo(count(html, "</table>"));
    assertThat(count(html, "<tr>")).isEqualTo(count(html, "</tr>"));
    assertThat(count(html, "<svg")).isEqualTo(count(html, "</svg>")).isEqualTo(1);
  }

  @Test
  void should_write_scores_and_ranks_as_csv() {
    assertThat(cli.run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--format", "csv")).isZero();

    String[] rows = cli.out().split("\r\n");
    assertThat(rows[0]).isEqualTo(String.join(",", CsvReport.HEADER));
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

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
