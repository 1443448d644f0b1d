package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML pages (report, form) read as a browser reads them (jsoup): hostile text from packs and facts is
 * only ever text, the letterhead given by a host or a pack is there, and the pages print on A4.
 */
class HtmlPagesTests {

  private static final String HOSTILE_TITLE = "Monthly \"><img src=x onerror=alert(1)> & 'quoted'";

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  private Path pack;
  private Path facts;

  @BeforeEach
  void write() throws IOException {
    pack = TestPack.write(directory);
    Path checklist = pack.resolve("checklists/monthly.yaml");
    Files.writeString(checklist, Files.readString(checklist).replace("en: Monthly score}",
        "en: '" + HOSTILE_TITLE.replace("'", "''") + "'}"), StandardCharsets.UTF_8);
    facts = directory.resolve("june.yaml");
    Files.writeString(facts, """
        as-of: 2025-06-30
        subjects:
          - {id: o1, type: officer, name: "<script>alert(1)</script>", attributes: {group: "g\\" onclick=\\"x"}}
          - {id: o2, type: officer, name: "An \\u202Elive\\u202C Trần\\e[2J", attributes: {group: "g\\" onclick=\\"x"}}
        observations:
          - {subject: o1, indicator: score, value: 82}
          - {subject: o2, indicator: score, value: 64}
        """, StandardCharsets.UTF_8);
  }

  private Document report(String... more) throws IOException {
    Path file = directory.resolve("report.html");
    String[] args = {"evaluate", "-p", pack.toString(), "--facts", facts.toString(), "-f", "html", "--lang", "en",
        "-o", file.toString()};
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
        .toArray(String[]::new);
    assertThat(cli.run(all)).as(cli.err()).isZero();
    return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void should_show_hostile_names_titles_and_groups_only_as_text() throws IOException {
    Document page = report("--all");

    assertThat(page.select("script, img, iframe, [onerror], [onclick], [src]")).isEmpty();
    // a name with markup is text, in the ranking and in the subject's heading
    assertThat(page.select("table.ranking tbody tr td:nth-child(3)").eachText()).contains("<script>alert(1)</script>");
    assertThat(page.getElementById("s-o1").select("h3").text()).startsWith("o1 · <script>alert(1)</script>");
    // a title with quotes stays inside its attribute and its heading
    assertThat(page.select("nav.toc a[href=#c-monthly]").attr("title")).isEqualTo(HOSTILE_TITLE);
    assertThat(page.select("section#c-monthly > h2").text()).isEqualTo(HOSTILE_TITLE + " monthly");
    // a peer group with quotes is text
    assertThat(page.select("section#c-monthly h3").eachText()).contains("Ranking — peer group g\" onclick=\"x");
    // a bidirectional override and an escape sequence show as escapes, never as themselves
    assertThat(page.getElementById("s-o2").select("h3").text()).startsWith("o2 · An \\u202Elive\\u202C Trần\\e[2J");
    assertThat(page.outerHtml()).doesNotContain("\u202E").doesNotContain("\u001B");
  }

  @Test
  void should_put_a_hosts_letterhead_on_the_report_as_text() throws IOException {
    Path letterhead = directory.resolve("letterhead.yaml");
    Files.writeString(letterhead, """
        office: [UBND QUẬN BA ĐÌNH, "PHÒNG <b>NỘI VỤ</b>"]
        motto:
          - CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
          - Độc lập - Tự do - Hạnh phúc
        place: Ba Đình
        footer: Lưu hành nội bộ
        """, StandardCharsets.UTF_8);

    Document page = report("--letterhead", letterhead.toString());

    assertThat(page.select(".letterhead .office div").eachText()).containsExactly("UBND QUẬN BA ĐÌNH",
        "PHÒNG <b>NỘI VỤ</b>");
    assertThat(page.select(".letterhead b")).isEmpty();
    assertThat(page.select(".letterhead .motto div").eachText()).containsExactly("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Ba Đình, 2025-06-30");
    assertThat(page.select(".letterfoot").text()).isEqualTo("Lưu hành nội bộ");
    assertThat(page.select("main > .letterhead + header h1")).hasSize(1);
  }

  @Test
  void should_have_no_letterhead_unless_a_host_or_the_pack_gives_one() throws IOException {
    Document page = report();

    assertThat(page.select(".letterhead, .letterfoot")).isEmpty();
  }

  @Test
  void should_take_the_packs_own_letterhead_for_a_report_of_that_pack_alone() throws IOException {
    Path market = Files.writeString(directory.resolve("market.yaml"), """
        as-of: 2025-06-30
        packs: [hanoi-models]
        subjects:
          - {id: cho-a, type: market, name: Chợ A}
        """, StandardCharsets.UTF_8);
    Path file = directory.resolve("market.html");

    assertThat(cli.run("evaluate", "--facts", market.toString(), "-f", "html", "-o", file.toString())).as(cli.err())
        .isZero();

    Document page = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(page.select(".letterhead .office div").eachText()).containsExactly("UBND THÀNH PHỐ HÀ NỘI",
        "SỞ VĂN HOÁ VÀ THỂ THAO");
    assertThat(page.select(".letterhead .place").text()).isEqualTo("Hà Nội, ngày 30 tháng 6 năm 2025");
  }

  @Test
  void should_print_the_report_on_a4_without_its_navigation() throws IOException {
    Document page = report();

    String css = String.join("\n", page.select("style").stream().map(Element::data).toList());
    assertThat(css).contains("@page { size: A4;").containsPattern("(?s)@media print \\{.*nav, \\.screen-only \\{ display:"
        + " none !important; \\}").contains("thead { display: table-header-group; }")
        .contains("article.subject { break-inside: avoid; }");
    assertThat(page.select("nav.toc a").eachAttr("href")).contains("#summary", "#c-monthly", "#subjects");
    for (String href : page.select("nav.toc a").eachAttr("href")) {
      assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
    }
  }

  @Test
  void should_print_a_form_with_the_packs_letterhead_one_sheet_per_checklist_on_a4() {
    assertThat(cli.run("form", "hanoi-models", "-t", "market", "-f", "html")).as(cli.err()).isZero();

    Document form = Jsoup.parse(cli.out());
    // the pack's own letterhead (rulepacks/hanoi-models/letterhead.yaml), with a blank date to fill in
    assertThat(form.select(".letterhead .office div").eachText()).containsExactly("UBND THÀNH PHỐ HÀ NỘI",
        "SỞ VĂN HOÁ VÀ THỂ THAO");
    assertThat(form.select(".letterhead .motto div").eachText()).containsExactly("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày ...... tháng ...... năm ..........");
    assertThat(form.select(".letterfoot").text()).startsWith("Theo Hướng dẫn 35/HD-SVHTT");
    // one sheet for the checklist, one for the rules it does not score; a row per criterion with three boxes
    assertThat(form.select("section.sheet")).hasSize(2);
    assertThat(form.select("section.sheet").first().id()).isEqualTo("k-hnm-market");
    Element sheet = form.select("section.sheet").first();
    assertThat(sheet.select("table.criteria tbody tr")).hasSize(12)
        .allSatisfy(row -> assertThat(row.select("td.result").text().chars().filter(c -> c == '☐').count()).isEqualTo(3));
    assertThat(sheet.select("table.criteria tbody tr td:first-child").eachText()).startsWith("1", "2", "3").endsWith("12");
    assertThat(form.select("p.sign span")).hasSize(2);
    String css = String.join("\n", form.select("style").stream().map(Element::data).toList());
    assertThat(css).contains("@page { size: A4;").contains("section.sheet + section.sheet { break-before: page; }");
  }

  @Test
  void should_take_a_forms_letterhead_from_the_command_line_over_the_packs() throws IOException {
    Path letterhead = directory.resolve("lh.yaml");
    Files.writeString(letterhead, "office: [UBND QUẬN TÂY HỒ]\n", StandardCharsets.UTF_8);

    assertThat(cli.run("form", "hanoi-models", "-t", "market", "-f", "html", "--letterhead", letterhead.toString()))
        .as(cli.err()).isZero();

    Document form = Jsoup.parse(cli.out());
    assertThat(form.select(".letterhead .office").text()).isEqualTo("UBND QUẬN TÂY HỒ");
    assertThat(form.select(".letterhead .motto div, .letterfoot")).isEmpty();
  }

  @Test
  void should_refuse_a_letterhead_with_an_unknown_key_at_its_line_and_column() throws IOException {
    Path letterhead = directory.resolve("bad.yaml");
    Files.writeString(letterhead, "office: [UBND QUẬN TÂY HỒ]\nmotto: [X]\nofice: [Y]\n", StandardCharsets.UTF_8);

    assertThat(cli.run("form", "hanoi-models", "-t", "market", "-f", "html", "--letterhead", letterhead.toString()))
        .isEqualTo(ConductCommand.INVALID);

    assertThat(cli.err()).contains("letterhead " + letterhead + ":3:1: unknown key 'ofice'")
        .contains("[Hint: a letterhead has only office, motto, place and footer (did you mean 'office'?)]");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void should_refuse_a_letterhead_of_the_wrong_shape_where_it_is_wrong() throws IOException {
    Path letterhead = directory.resolve("shape.yaml");
    Files.writeString(letterhead, "office:\n  - UBND\n  - {name: PHÒNG}\n", StandardCharsets.UTF_8);

    assertThat(cli.run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "-f", "html", "--letterhead",
        letterhead.toString())).isEqualTo(ConductCommand.INVALID);

    assertThat(cli.err()).contains("letterhead " + letterhead + ":3:5: 'office' must be text on one line");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void should_refuse_a_letterhead_for_a_page_that_has_none_or_a_file_that_does_not_exist() throws IOException {
    Path letterhead = Files.writeString(directory.resolve("lh.yaml"), "place: Hà Nội\n", StandardCharsets.UTF_8);
    assertThat(cli.run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "-f", "csv", "--letterhead",
        letterhead.toString())).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--letterhead: only an html report has a letterhead");

    assertThat(cli.run("form", "hanoi-models", "-t", "market", "--letterhead", letterhead.toString()))
        .isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--letterhead: only an html form has a letterhead");

    assertThat(cli.run("form", "hanoi-models", "-t", "market", "-f", "html", "--letterhead",
        directory.resolve("missing.yaml").toString())).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--letterhead: '").contains("missing.yaml' does not exist");
  }
}
