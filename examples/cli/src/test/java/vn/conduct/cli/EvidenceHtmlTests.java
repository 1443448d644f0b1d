package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts behind a finding in the HTML report (report-format.md, section 14.3): as in the table report,
 * under a finding, the facts its rule set aside (marked apart) and those backed by documents.
 */
class EvidenceHtmlTests {

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  @Test
  void a_finding_lists_the_facts_its_rule_set_aside_with_their_evidence() throws Exception {
    assertThat(cli.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    Path facts = Files.writeString(dir.resolve("district.yaml"), cli.out());

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "-f", "html", "--lang", "en", "--reveal-ids",
        "--all")).as(cli.err()).isEqualTo(ConductCommand.OK);

    Document page = Jsoup.parse(cli.out());
    Element harassment = page.select("table.findings tr").stream()
        .filter(row -> row.select("code").text().equals("hn522.citizen-harassment"))
        .filter(row -> !row.select("li.fact").isEmpty()).findFirst().orElseThrow();
    assertThat(harassment.select("li.fact.set-aside").eachText()).anySatisfy(line -> assertThat(line)
        .contains("citizen-harassment ev-072", "method citizen-report", "not counted: not verified"));
    assertThat(page.select("li.fact:not(.set-aside)").eachText()).as("a counted fact backed by a document")
        .anySatisfy(line -> assertThat(line).startsWith("observation badge-worn = true 2025-06-12")
            .contains("method inspection", "recorded by doan-kiem-tra-tp (inspection-team)", "12/BB-KTCV",
                "https://badinh.hanoi.gov.vn/bien-ban/12-BB-KTCV.pdf", "sha256:9f86d081884c"));
  }
}
