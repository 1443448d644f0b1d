package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormCommandTests {

  private final CliRun cli = new CliRun();

  @Test
  void should_list_every_market_criterion_with_its_source_points_and_a_blank_result() {
    assertThat(cli.run("form", "hanoi-models", "--subject-type", "market", "--lang", "en")).isZero();

    assertThat(cli.out())
        .startsWith("# Inspection checklist — market")
        .containsPattern("## .* `hnm-market`")
        .contains("Scoring: score = 100 × the weights of the criteria met ÷ the weights of the criteria that apply")
        .contains("`hnm.market.prices-posted`").contains("`hnm.market.stalls-licensed`")
        .contains("`hnm.market.no-touting-overcharging`")
        .as("pack text is escaped for Markdown").contains("35/HD-SVHTT \\[from a summary\\]")
        .contains("The share of stalls posting prices is at least")
        .contains("| weight 1 | ☐ Pass ☐ Fail ☐ N/A |")
        .contains("- Ratings: dat (Meets the model) ≥ 100");
    assertThat(cli.out().lines().filter(l -> l.matches("\\| \\d+ \\| .*"))).hasSize(12 + 1);
    assertThat(cli.out()).containsPattern("## Other rules for this type \\(not scored\\)\\n(.*\\n){3}.*"
        + "`hnm\\.market\\.cashless-payment`");
  }

  @Test
  void should_print_the_one_stop_desk_form_in_vietnamese_as_html() {
    assertThat(cli.run("form", "hanoi-models", "-t", "one-stop-desk", "--format", "html")).isZero();

    assertThat(cli.out())
        .startsWith("<!DOCTYPE html>")
        .contains("Phiếu kiểm tra — one-stop-desk")
        .contains("<code>hnm.one-stop.badges-worn</code>")
        .contains("Cán bộ bộ phận một cửa đeo thẻ chức danh")
        .contains("522/QĐ-UBND [theo bản tóm tắt]")
        .contains("Bằng chứng: ").contains("Biên bản kiểm tra của tổ kiểm tra công vụ")
        .contains("☐ Đạt")
        .doesNotContain("<script");
  }

  @Test
  void should_write_one_csv_row_per_criterion() {
    assertThat(cli.run("form", "hanoi-models", "-t", "one-stop-desk", "-f", "csv", "--lang", "en")).isZero();

    assertThat(cli.out().split("\r\n")).filteredOn(l -> l.contains(",item,")).hasSize(6);
    assertThat(cli.out()).startsWith("section,kind,no,rule,criterion,observe,evidence,source,points,result,notes")
        .contains(",item,1,hnm.one-stop.badges-worn,")
        .contains(",band,,,dat (Meets the model) ≥ 100,");
  }

  @Test
  void should_print_deductions_vetoes_bounds_quotas_and_bands_as_an_inspector_needs_them() {
    assertThat(cli.run("form", "hanoi-3814", "-t", "officer", "--lang", "en")).isZero();

    String form = cli.out();
    assertThat(form)
        .contains("Scoring: the points of the criteria met are added up; criteria that do not apply are left out;"
            + " rated when at least 100 % of the criteria that apply are decided (pass or fail).")
        .contains("| 50 (by task-completion: 0.5 per unit) |")
        .contains("| bonus +10 |")
        .contains("### Deductions")
        .contains("| submission-unreported, case-handled-late, report-late<br>_Part II: submitted to higher leaders")
        .contains("| −1 each | 5 | in the period | verified events only |  |")
        .contains("### Vetoes")
        .contains("`hn3814.no-gift-solicitation`")
        .contains("| If failed: rating at most D — Verified soliciting or accepting money or gifts from citizens: graded"
            + " no higher than D (inferred rule, not stated in QĐ 3814) | ☐ Pass ☐ Fail ☐ N/A |  |")
        .contains("- Bounds: floor 0, maximum 100; bonus points offset deductions but never lift the score above the"
            + " maximum.")
        .contains("- Quota: at most 30 % of a unit's rated members may hold A; 40 % when the unit meets {attribute:"
            + " exceptional, eq: true}; those over it, lowest scores first, go down one band; members with equal"
            + " scores at the cut, if not all fit, are all lowered.")
        .contains("- Ratings: A (Grade A – Excellent) ≥ 90; B (Grade B – Good) ≥ 70; C (Grade C – Satisfactory) ≥ 50;"
            + " D (Grade D – Unsatisfactory) ≥ 0")
        .as("a veto rule is a veto, not a rule that is not scored").doesNotContain("not scored");
    assertThat(form.indexOf("### Vetoes")).isGreaterThan(form.indexOf("### Deductions"));
  }

  @Test
  void should_show_a_weighted_checklists_deduction_and_veto_in_every_format(@TempDir Path directory)
      throws IOException {
    Path pack = WeightedPack.write(directory, "Criterion A");

    assertThat(cli.run("form", pack.toString(), "-t", "desk", "--lang", "en")).isZero();
    assertThat(cli.out()).contains("| weight 5 |").contains("| complaint<br>_Citizen complaints_ | −5 each | 10 |")
        .contains("| If failed: score at most 80 — Serious breach |").doesNotContain("not scored");

    assertThat(cli.run("form", pack.toString(), "-t", "desk", "--lang", "en", "-f", "html")).isZero();
    assertThat(cli.out()).contains("<h3>Deductions</h3>").contains("<code>complaint</code><br><i>Citizen complaints</i>")
        .contains("<h3>Vetoes</h3>").contains("<code>r.v</code>");

    assertThat(cli.run("form", pack.toString(), "-t", "desk", "--lang", "en", "-f", "csv")).isZero();
    assertThat(cli.out().split("\r\n")).contains(
        "Desk sheet [desk],deduction,1,complaint,Citizen complaints,in the period; verified events only,,,"
            + "−5 each; at most 10,,",
        "Desk sheet [desk],veto,1,r.v,No serious breach,Observe v,,\"2/2025/QĐ-TEST, Article 1 [read in source]\","
            + "If failed: score at most 80 — Serious breach,,");
  }

  @Test
  void should_escape_pack_text_so_that_markdown_shows_it_as_written(@TempDir Path directory) throws IOException {
    Path pack = WeightedPack.write(directory, "Badge | <b>worn</b> \\e[31m*now*");

    assertThat(cli.run("form", pack.toString(), "-t", "desk", "--lang", "en")).isZero();

    assertThat(cli.out()).contains("**Badge \\| \\<b\\>worn\\</b\\> \\\\e\\[31m\\*now\\***")
        .doesNotContain("<b>").doesNotContain("\u001b");
  }

  @Test
  void should_show_pack_text_in_an_html_form_only_as_text(@TempDir Path directory) throws IOException {
    Path pack = WeightedPack.write(directory, "Badge \\\" onclick=\\\"x <b>worn</b> \\e[31m*now*\\u202E");

    assertThat(cli.run("form", pack.toString(), "-t", "desk", "--lang", "en", "-f", "html")).as(cli.err()).isZero();

    org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(cli.out());
    assertThat(form.select("table.criteria tbody tr td:nth-child(2) b").first().text())
        .isEqualTo("Badge \" onclick=\"x <b>worn</b> \\e[31m*now*\\u202E");
    assertThat(form.select("td b b, [onclick], script")).isEmpty();
    assertThat(cli.out()).doesNotContain("\u001b").doesNotContain("\u202e");
  }

  @Test
  void should_name_the_types_of_the_pack_when_the_type_has_no_rule() {
    assertThat(cli.run("form", "hanoi-models", "-t", "shop")).isEqualTo(ConductCommand.USAGE);

    assertThat(cli.err()).contains("no rule for subject type 'shop'").contains("market").contains("one-stop-desk");
  }

  @Test
  void should_refuse_an_unknown_pack() {
    assertThat(cli.run("form", "hanoi-nowhere", "-t", "market")).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("No rule pack with id 'hanoi-nowhere'");
  }
}
