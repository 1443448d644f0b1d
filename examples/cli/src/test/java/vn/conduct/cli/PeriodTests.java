package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The period judged and the decision date, from the command line (rule-pack-format.md, section 11). */
class PeriodTests {

  @TempDir
  static Path directory;

  private static Path facts;

  private final CliRun cli = new CliRun();

  @BeforeAll
  static void sampleFacts() throws IOException {
    CliRun run = new CliRun();
    assertThat(run.run("demo", "--print-facts")).isZero();
    facts = Files.writeString(directory.resolve("demo.yaml"), run.out());
  }

  @Test
  void should_grade_2025_under_the_version_in_force_at_its_end_when_decided_in_2026() {
    int exit = cli.run("evaluate", "--pack", "hanoi-yearly", "--facts", facts.toString(), "--period", "2025",
        "--as-of", "2026-01-15", "--lang", "en");

    assertThat(exit).isZero();
    assertThat(cli.out()).contains(
        "Evaluated as of 2026-01-15 · period 2025-01-01 → 2025-12-31",
        "Rule packs: hanoi-yearly 1.1.0 ",
        "  hanoi-yearly 1.1.0 — period 2025: in force on 2025-12-31, the last day of the period judged (2025)");
  }

  @Test
  void should_grade_2026_under_the_version_in_force_on_the_decision_date() {
    int exit = cli.run("evaluate", "--pack", "hanoi-yearly", "--facts", facts.toString(), "--period", "2026",
        "--as-of", "2026-01-15", "--lang", "en");

    assertThat(exit).isZero();
    assertThat(cli.out()).contains("Rule packs: hanoi-yearly 2.1.0 ",
        "  hanoi-yearly 2.1.0 — period 2026: in force on 2026-01-15, the decision date (before the period 2026 ends)");
  }

  @Test
  void should_let_a_yearly_pack_judge_its_year_when_a_pack_is_chosen_and_no_period_given() {
    int exit = cli.run("evaluate", "--pack", "hanoi-yearly", "--facts", facts.toString(), "--as-of", "2025-12-31",
        "--lang", "en");

    assertThat(exit).isZero();
    assertThat(cli.out()).contains("hanoi-yearly 1.1.0 — period 2025:").doesNotContain("period 2025-12:");
  }

  @Test
  void should_judge_each_packs_natural_period_when_packs_are_named_and_only_a_date_is_given() throws IOException {
    Path subjects = Files.writeString(directory.resolve("subjects.csv"),
        "id,type,parent\nubnd-1,agency,\ncb-1,officer,ubnd-1\n");

    for (String batches : new String[] {"10000", "1"}) { // in one run, and in batches as large inputs are
      CliRun run = new CliRun();
      int exit = run.run("evaluate", "--pack", "hanoi-3814", "--pack", "hanoi-yearly", "--subjects",
          subjects.toString(), "--as-of", "2026-12-31", "--lang", "en", "--progress-over", batches);

      assertThat(exit).as(run.err()).isZero();
      assertThat(run.out()).contains("period 2026-12-01 → 2026-12-31", "Rule packs: hanoi-3814 1.2.0 ",
          "hanoi-yearly 2.1.0 — period 2026: in force on 2026-12-31");
    }
  }

  @Test
  void should_refuse_a_period_that_is_none_with_a_hint() {
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--period", "2025-13")).isEqualTo(ConductCommand.USAGE);

    assertThat(cli.err()).contains("--period", "'2025-13' is not a period", "2025-Q2").doesNotContain("Exception");
  }

  @Test
  void should_leave_out_a_monthly_pack_given_a_year_and_say_so() throws IOException {
    Path pack = Files.createDirectories(directory.resolve("monthly"));
    Files.writeString(pack.resolve("pack.yaml"), """
        format: 2
        id: monthly
        version: 1.0.0
        title: {vi: Hằng tháng, en: Monthly}
        engine: ">=0.1.0 <1.0.0"
        period: month
        sources:
          src: {number: "1/QĐ-TEST"}
        vocabulary:
          subject-types:
            officer:
              indicators:
                badge-worn: {type: boolean}
        """);
    Files.createDirectories(pack.resolve("rules/m.badge"));
    Files.writeString(pack.resolve("rules/m.badge/rule.yaml"), """
        id: m.badge
        title: {vi: Đeo thẻ, en: Badge}
        source: {document: src, basis: inferred, note: test}
        applies-to: [officer]
        kind: requirement
        severity: minor
        condition: {indicator: badge-worn, eq: true}
        """);

    Path officers = Files.writeString(directory.resolve("officers.yaml"), """
        as-of: 2025-06-30
        subjects:
          - {id: o1, type: officer}
        observations:
          - {subject: o1, indicator: badge-worn, value: true}
        """);

    int exit = cli.run("evaluate", "--pack", pack.toString(), "--facts", officers.toString(), "--period", "2025",
        "--lang", "en");

    assertThat(exit).isZero();
    assertThat(cli.out()).contains("Rule packs: none",
        "  Not used: monthly 1.0.0 judges calendar months; the period 2025 is not one");
  }
}
