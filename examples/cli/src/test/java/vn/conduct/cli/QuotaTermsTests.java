package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms and explanations state a quota's grouping, base and tie policy, in Vietnamese and English. */
class QuotaTermsTests {

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  private Path pack;
  private Path facts;

  @BeforeEach
  void write() throws IOException {
    pack = QuotaPack.write(directory.resolve("pack"), "{band: A, max-percent: 50, group-by: [{ancestor: unit},"
        + " {attribute: task-group}], base: {where: {attribute: party-member, eq: true}}, ties: keep-all}");
    // group (u1, x): 3 party members → 1 A; m1 95 keeps A, m2 and m3 (93, tied) are lowered
    facts = directory.resolve("facts.yaml");
    Files.writeString(facts, """
        as-of: 2025-06-30
        subjects:
          - {id: u1, type: unit}
          - {id: m1, type: officer, parent: u1, attributes: {task-group: x, party-member: true}}
          - {id: m2, type: officer, parent: u1, attributes: {task-group: x, party-member: true}}
          - {id: m3, type: officer, parent: u1, attributes: {task-group: x, party-member: true}}
        observations:
          - {subject: m1, indicator: points, value: 95}
          - {subject: m2, indicator: points, value: 93}
          - {subject: m3, indicator: points, value: 93}
        """, StandardCharsets.UTF_8);
  }

  @Test
  void should_print_grouping_base_and_ties_on_the_form() {
    assertThat(cli.run("form", pack.toString(), "-t", "officer", "--lang", "en")).isZero();
    assertThat(cli.out()).contains("- Quota: at most 50 % of the rated members with the same unit and task-group"
        + " meeting {attribute: party-member, eq: true} may hold A; those over it, lowest scores first, go down one"
        + " band; members with the same score as the last one that fits all keep the band, even beyond the limit.");

    assertThat(cli.run("form", pack.toString(), "-t", "officer", "--lang", "vi")).isZero();
    assertThat(cli.out()).contains("- Hạn mức: tối đa 50 % thành viên được xếp loại cùng unit và task-group thỏa"
        + " {attribute: party-member, eq: true} được xếp loại A; người vượt hạn mức, điểm thấp trước, bị hạ một bậc;"
        + " những người bằng điểm với người cuối cùng trong hạn mức đều giữ loại, dù vượt hạn mức.");
  }

  @Test
  void should_state_the_group_and_the_tie_policy_when_explaining_a_lowered_rating() {
    assertThat(cli.run("explain", "-p", pack.toString(), "--facts", facts.toString(), "-s", "m2", "-c", "grade",
        "--lang", "en")).isZero();
    assertThat(cli.out())
        .contains("Quota: at most 50% of 3 rated members meeting {attribute: party-member, eq: true} unit 'u1',"
            + " task-group 'x' (1) may hold A; 3 reached it; lowered to B as score 93 is among the lowest")
        .contains("Note: by score the rating is A; the unit's quota lowered it. Passing more criteria does not change"
            + " the quota. The quota counts the rated members with the same unit and task-group meeting {attribute:"
            + " party-member, eq: true}; members with the same score as the last one that fits all keep the band,"
            + " even beyond the limit.");

    assertThat(cli.run("explain", "-p", pack.toString(), "--facts", facts.toString(), "-s", "m2", "-c", "grade",
        "--lang", "vi")).isZero();
    assertThat(cli.out())
        .contains("Hạn mức: tối đa 50% của 3 thành viên được xếp loại thỏa {attribute: party-member, eq: true} unit"
            + " 'u1', task-group 'x' (1 người) được loại A")
        .contains("Hạn mức tính trên thành viên được xếp loại cùng unit và task-group thỏa {attribute: party-member,"
            + " eq: true}; những người bằng điểm với người cuối cùng trong hạn mức đều giữ loại, dù vượt hạn mức.");
  }

  @Test
  void should_state_the_quota_terms_in_the_json_report() {
    assertThat(cli.run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "-f", "json")).isZero();
    assertThat(cli.out()).contains("\"quotas\": [")
        .contains("\"group-by\": [")
        .contains("\"ancestor\": \"unit\"")
        .contains("\"attribute\": \"task-group\"")
        .contains("\"base\": \"{attribute: party-member, eq: true}\"")
        .contains("\"ties\": \"keep-all\"");
  }
}
