package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormCommandTests {

  private final CliRun cli = new CliRun();

  @Test
  void should_list_every_market_criterion_with_its_source_points_and_a_blank_result() {
    assertThat(cli.run("form", "hanoi-models", "--subject-type", "market", "--lang", "en")).isZero();

    assertThat(cli.out())
        .startsWith("# Inspection checklist — market")
        .contains("[hnm-market]")
        .contains("`hnm.market.prices-posted`").contains("`hnm.market.stalls-licensed`")
        .contains("`hnm.market.no-touting-overcharging`")
        .contains("35/HD-SVHTT [from a summary]")
        .contains("The share of stalls posting prices is at least")
        .contains("| weight 1 | ☐ Pass ☐ Fail ☐ N/A |")
        .contains("Ratings: dat (Meets the model) ≥ 100");
    assertThat(cli.out().lines().filter(l -> l.matches("\\| \\d+ \\| .*"))).hasSize(10 + 1);
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

    assertThat(cli.out().split("\r\n")).hasSize(1 + 6);
    assertThat(cli.out()).startsWith("section,no,rule,criterion,observe,evidence,source,points,result,notes")
        .contains(",1,hnm.one-stop.badges-worn,");
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
