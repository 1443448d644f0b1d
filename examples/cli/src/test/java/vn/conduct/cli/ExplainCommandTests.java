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
    assertThat(cli.run("explain", "--facts", facts.toString(), "--subject", "cb-002", "--checklist", "hn3814-monthly",
        "--lang", "en")).isZero();

    assertThat(cli.out())
        .contains("cb-002  Trần Thị Bình  [officer]  member of ubnd-ba-dinh")
        .contains("Score 77 / 100 → B")
        .containsPattern("FAIL +hn3814\\.working-time +0 / 3 .*late-arrival")
        .contains("Next band: A (Grade A – Excellent) ≥ 90, needs 13 more points.")
        .contains("Smallest set to pass (3 criteria, largest gain first):")
        .contains("hn3814.task-completion  +6  (full points: 44 → 50)")
        .contains("hn3814.working-time  +3  (FAIL → PASS)")
        .contains("Projected score: 90 → A")
        .doesNotContain("yearly-classification");
  }

  @Test
  void should_name_a_failed_veto_rule_and_a_quota_as_what_holds_the_rating() {
    assertThat(cli.run("explain", "--facts", facts.toString(), "-s", "cb-010", "-c", "hn3814-monthly", "--lang", "en"))
        .isZero();
    assertThat(cli.out()).containsPattern("veto B → D: .*")
        .contains("hn3814.no-gift-solicitation  +0  (FAIL → PASS, lifts the veto)");

    assertThat(cli.run("explain", "--facts", facts.toString(), "-s", "cb-004", "-c", "hn3814-monthly", "--lang", "en"))
        .isZero();
    assertThat(cli.out()).containsPattern("quota A → B: .*")
        .contains("Note: by score the rating is A; the unit's quota lowered it.");
  }

  @Test
  void should_call_an_unknown_subject_a_usage_error_naming_the_subjects() {
    assertThat(cli.run("explain", "--facts", facts.toString(), "--subject", "cb-999")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("no subject 'cb-999'").contains("cb-001");
  }
}
