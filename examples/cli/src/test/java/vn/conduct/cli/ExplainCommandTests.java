package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explains subjects of the Hanoi sample month (the demo data) on the monthly 3814 checklist. */
class ExplainCommandTests {

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  private Path facts;

  @BeforeEach
  void writeSample() throws IOException {
    assertThat(cli.run("demo", "--print-facts")).isZero();
    facts = directory.resolve("sample.yaml");
    Files.writeString(facts, cli.out(), StandardCharsets.UTF_8);
  }

  @Test
  void should_list_items_and_the_fewest_criteria_to_the_next_band() {
    assertThat(cli.run("explain", "--facts", facts.toString(), "--subject", "cb-026", "--checklist", "hn3814-monthly",
        "--lang", "en")).isZero();

    assertThat(cli.out())
        .contains("cb-026  Kiều Hải Phương  [officer]  member of ubnd-p-quan-thanh")
        .contains("Score 82 / 100 → Grade B – Good")
        .containsPattern("PASS +hn3814\\.task-completion +44 / 50")
        .contains("Next band: Grade A – Excellent ≥ 90, needs 8 more points.")
        .contains("Smallest set to pass (2 criteria, largest gain first):")
        .contains("hn3814.task-completion  +6  (full points: 44 → 50)")
        .contains("hn3814.capability  +2  (full points: 18 → 20)")
        .contains("Projected score: 90 → Grade A – Excellent")
        .doesNotContain("yearly-classification");
  }

  @Test
  void should_name_a_failed_veto_rule_and_a_quota_as_what_holds_the_rating() {
    assertThat(cli.run("explain", "--facts", facts.toString(), "-s", "cb-009", "-c", "hn3814-monthly", "--lang", "en"))
        .isZero();
    assertThat(cli.out()).containsPattern("veto B → D: .*")
        .contains("hn3814.no-gift-solicitation  +0  (FAIL → PASS, lifts the veto)")
        .as("lifting the veto gives the band the score earns").contains("Projected score: 80 → Grade B – Good");

    assertThat(cli.run("explain", "--facts", facts.toString(), "-s", "cb-006", "-c", "hn3814-monthly", "--lang", "en"))
        .isZero();
    assertThat(cli.out()).containsPattern("quota A → B: .*")
        .contains("Note: by score the rating is A; the unit's quota lowered it.");
  }

  @Test
  void should_project_a_weighted_checklist_by_the_share_of_the_weights_not_by_the_weights() throws IOException {
    Path pack = WeightedPack.write(directory, "Criterion A");
    Path desks = WeightedPack.facts(directory, "Desk two");

    assertThat(cli.run("explain", "--pack", pack.toString(), "--facts", desks.toString(), "-s", "d2", "--lang", "en"))
        .isZero();

    assertThat(cli.out())
        .contains("Score 80 / 100 → Fair")
        .contains("Items (weight earned / weight counted):")
        .contains("Items total: 8 / 10 → 80 points")
        .contains("Next band: Good ≥ 90, needs 10 more points.")
        .contains("Smallest set to pass (1 criterion, largest gain first):")
        .as("weight 2 of 10 is 20 points, not 2").contains("r.c  +20  (FAIL → PASS)")
        .contains("Projected score: 100 → Good")
        .doesNotContain("Even if").doesNotContain("approximate");
  }

  @Test
  void should_project_through_deductions_and_a_veto_that_has_not_yet_capped_the_score() throws IOException {
    Path pack = WeightedPack.write(directory, "Criterion A");
    Path desks = WeightedPack.facts(directory, "Desk one");

    assertThat(cli.run("explain", "--pack", pack.toString(), "--facts", desks.toString(), "-s", "d1", "--lang", "en"))
        .isZero();

    // 100 × 7/10 = 70, one complaint −5 = 65; the failed veto caps at 80, which 65 is below: no veto adjustment yet
    assertThat(cli.out())
        .contains("Score 65 / 100 → Fair")
        .contains("deduction -5: ")
        .contains("Next band: Good ≥ 90, needs 25 more points and the veto lifted: r.v.")
        .contains("Smallest set to pass (2 criteria, largest gain first):")
        .contains("r.v  +0  (FAIL → PASS, lifts the veto)")
        .contains("r.b  +30  (FAIL → PASS)")
        .as("100 − 5 for the complaint").contains("Projected score: 95 → Good")
        .doesNotContain("approximate");
  }

  @Test
  void should_show_names_from_the_facts_with_control_characters_escaped() throws IOException {
    Path pack = WeightedPack.write(directory, "Criterion A");
    Path desks = WeightedPack.facts(directory, "Desk\\e[31m red\\rforged");

    assertThat(cli.run("explain", "--pack", pack.toString(), "--facts", desks.toString(), "-s", "d1", "--lang", "en"))
        .isZero();

    assertThat(cli.out()).startsWith("d1  Desk\\e[31m red\\rforged  [desk]").doesNotContain("\u001b")
        .doesNotContain("\r");
  }

  @Test
  void should_call_an_unknown_subject_a_usage_error_naming_the_subjects() {
    assertThat(cli.run("explain", "--facts", facts.toString(), "--subject", "cb-999")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("no subject 'cb-999'").contains("cb-001");
  }
}
