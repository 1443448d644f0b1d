package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DiffCommandTests {

  private final CliRun cli = new CliRun();

  @Test
  void should_list_the_changes_between_a_frozen_and_a_current_version_in_words() {
    // WHEN hanoi-yearly 1.0.0 (frozen, format 1) is compared with 1.1.0 (format 2, ND 90)
    int code = cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-yearly@1.1.0", "--lang", "en");

    // THEN the threshold added for leaders and the quota now counted per agency are named with both values
    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).startsWith("hanoi-yearly 1.0.0 → 1.1.0").contains(
        "changed nd90.good: title 'Good' level: 100 % of targets and tasks on time, to quality and efficient → 'Good'"
            + " level: 100 % of targets and tasks on time, to quality and efficient (leaders and managers: at least"
            + " 80 %)",
        "changed nd90.good: threshold indicator 'deficient-task-share' eq 0 → eq 0; le 20",
        "changed nd90.good: description …lity and efficiently. On the sheet this … → …lity and efficiently; leaders"
            + " and managers complete all targets and tasks with at least 80 % on time and to quality (at most 20 %"
            + " deficient), with the condition on their managed units (rule nd90.leader-units-good). On the sheet"
            + " this …",
        "changed checklist yearly-classification: period — → year",
        "changed checklist yearly-classification: quota xuat-sac at most 20% of band tot → at most 20%, per agency")
        .endsWith("rules: 0 added, 0 removed, 2 changed; checklists: 0 added, 0 removed, 1 changed");
    // a description whose English is unchanged shows the Vietnamese that changed, and says so
    assertThat(cli.out().lines().filter(l -> l.startsWith("changed nd90.excellent: description (vi) …")))
        .singleElement().satisfies(line -> {
          String[] sides = line.substring("changed nd90.excellent: description (vi) ".length()).split(" → ");
          assertThat(sides).hasSize(2);
          assertThat(sides[0]).isNotEqualTo(sides[1]);
        });
  }

  @Test
  void should_word_the_changes_in_vietnamese_by_default() {
    assertThat(cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-yearly@1.1.0")).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).anyMatch(l -> l.startsWith("đổi nd90.good: "))
        .anyMatch(l -> l.startsWith("đổi phiếu yearly-classification: "))
        .endsWith("quy tắc: thêm 0, bỏ 0, đổi 2; phiếu: thêm 0, bỏ 0, đổi 1")
        .noneMatch(l -> l.startsWith("changed") || l.startsWith("rules:"));
  }

  @Test
  void should_print_the_change_from_decree_90_to_decree_335_with_conditions_in_words() throws Exception {
    // WHEN hanoi-yearly 1.0.0 (ND 90/2020, criteria and ladder points) is compared with 2.0.0 (ND 335/2025, 30 + 70)
    int code = cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-yearly@2.0.0", "--lang", "en");

    // THEN the dates, the rules replaced with their conditions in words, and the sheet's points and vetoes are named
    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).startsWith("hanoi-yearly 1.0.0 → 2.0.0").containsSubsequence(
        "pack: effective from 2020-08-20 → 2026-01-01",
        "pack: effective until 2025-12-31 → —",
        "added nd335.general-criteria: General criteria: at most 30 points",
        "  condition indicator 'general-criteria-points' between 0 and 30",
        "added nd335.managed-unit-corruption: Leaders: no embezzlement, corruption or waste in a directly managed unit",
        "  when attribute 'position' = leader",
        "  breached when number of verified events [managed-unit-corruption] in the period ≥ 1",
        "added nd335.task-results: Task results: at most 70 points",
        "  condition indicator 'task-result-points' between 0 and 70",
        "removed nd90.completion: 'Complete' level: at most 20 % of targets and tasks late, below quality or of low"
            + " efficiency",
        "  condition indicator 'deficient-task-share' ≤ 20",
        "removed nd90.excellent: 'Excellent' level: 100 % of tasks on time and to quality, at least 50 % exceeded",
        "  condition indicator 'deficient-task-share' = 0 and indicator 'exceeded-task-share' ≥ 50 and indicator"
            + " 'general-criteria-good' = true",
        "changed checklist yearly-classification: item nd90.completion points 50 → —",
        "changed checklist yearly-classification: item nd335.general-criteria — → points 30, credit by"
            + " 'general-criteria-points' per unit 1",
        "changed checklist yearly-classification: veto nd90.leader-units-good rating at most hoan-thanh → —",
        "changed checklist yearly-classification: veto nd335.no-discipline — → rating at most khong-hoan-thanh")
        .endsWith("rules: 5 added, 9 removed, 0 changed; checklists: 0 added, 0 removed, 1 changed");

    // and JSON gives each added or removed rule's kind and conditions, in the language asked
    assertThat(cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-yearly@2.0.0", "--format", "json")).isEqualTo(
        ConductCommand.OK);
    JsonNode removed = new ObjectMapper().readTree(cli.out()).at("/rules/removed/5");
    assertThat(removed.get("id").asText()).isEqualTo("nd90.leader-units-good");
    assertThat(removed.get("kind").asText()).isEqualTo("requirement");
    assertThat(removed.get("when").asText()).isEqualTo("thuộc tính 'position' = leader");
    assertThat(removed.get("condition").asText())
        .isEqualTo("chỉ số 'units-completed-share' ≥ 100 và chỉ số 'units-good-share' ≥ 70");

    // and Markdown (a change notice) lists them under the rule
    assertThat(cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-yearly@2.0.0", "--format", "markdown", "--lang", "en"))
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).containsSubsequence("## Rules added",
        "- nd335.general-criteria: General criteria: at most 30 points",
        "  - condition indicator 'general-criteria-points' between 0 and 30");
  }

  @Test
  void should_name_a_changed_condition_and_a_new_parameter_in_words() {
    int code = cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-yearly@1.1.0", "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).contains(
        "changed nd90.good: condition indicator 'deficient-task-share' = 0 and indicator 'general-criteria-good' ="
            + " true → indicator 'general-criteria-good' = true and (indicator 'deficient-task-share' = 0 or"
            + " (attribute 'position' = leader and indicator 'deficient-task-share' ≤ 20))")
        .anySatisfy(line -> assertThat(line).startsWith("pack: parameter excellent-max-percent — → number, default 20:"
            + " Highest share (%) of a unit's rated members that may be rated excellent"));
  }

  @Test
  void should_list_added_rules_and_the_packs_dates() {
    int code = cli.run("diff", "hanoi-units@1.1.0", "hanoi-units@2.1.0", "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).contains(
        "pack: effective from 2015-12-04 → 2025-07-01",
        "pack: effective until 2025-06-30 → —",
        "added hnunits.district-level-ended: No district level from 1 July 2025",
        "  breached when attribute 'block' = district",
        // the rules for districts now apply to communes and wards: their applicability, in words
        "changed hnunits.conduct-plan-issued: when attribute 'block' one of [department, district] → attribute"
            + " 'block' one of [department, commune]",
        // a rule's own start date, dropped in 2.1.0 (the pack's applies)
        "changed hnunits.sipas-access: effective from 2017-10-10 → —",
        "rules: 1 added, 0 removed, 12 changed; checklists: 0 added, 0 removed, 1 changed");
  }

  @Test
  void should_write_json_and_markdown() throws Exception {
    assertThat(cli.run("diff", "hanoi-units@1.1.0", "hanoi-units@2.1.0", "--format", "json", "--lang", "en"))
        .isEqualTo(ConductCommand.OK);
    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertThat(json.at("/rules/added/0/id").asText()).isEqualTo("hnunits.district-level-ended");
    assertThat(json.at("/pack-changes/2").toString())
        .isEqualTo("{\"field\":\"effective until\",\"old\":\"2025-06-30\",\"new\":null}");

    assertThat(cli.run("diff", "hanoi-units@1.1.0", "hanoi-units@2.1.0", "--format", "markdown", "--lang", "en"))
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).contains("# hanoi-units 1.1.0 → 2.1.0", "## Rules added",
        "- hnunits.district-level-ended: No district level from 1 July 2025");
  }

  @Test
  void should_show_long_texts_in_full_in_json() throws Exception {
    cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-yearly@1.1.0", "--format", "json", "--lang", "en");

    JsonNode description = new ObjectMapper().readTree(cli.out()).at("/rules/changed/1/changes/1");
    assertThat(description.get("field").asText()).isEqualTo("description");
    assertThat(description.get("old").asText()).startsWith("Meets the general criteria well (political ideology;")
        .endsWith("adds 20 ladder points (the 'good' level).");
  }

  @Test
  void should_refuse_an_unknown_version_naming_the_loaded_ones() {
    int code = cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-yearly@9.9.9");

    assertThat(code).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("No version 9.9.9 of pack 'hanoi-yearly' is loaded")
        .contains("the loaded versions are").contains("1.0.0").contains("1.1.0").contains("2.1.0");
  }

  @Test
  void should_refuse_two_different_packs_as_a_usage_error() {
    int code = cli.run("diff", "hanoi-yearly@1.0.0", "hanoi-units@2.1.0");

    assertThat(code).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("'hanoi-yearly@1.0.0' and 'hanoi-units@2.1.0' name two packs and neither extends the other");
  }
}
