package vn.conduct.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link QuickStart#main} as a user would and checks what it prints, so that the code the
 * README quotes keeps compiling and keeps saying what the README says it does.
 */
class QuickStartTest {

  private static List<String> lines;

  @BeforeAll
  static void runMain() {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theOfficerLateTwiceFailsTheLatenessRulesWithTheCountAndTheThresholdInTheReason() {
    assertThat(lines).contains(
        "cb-001 hn522.late-arrival FAIL: Vi phạm: số sự kiện [late-arrival] đã xác minh trong kỳ = 2"
            + " (ngưỡng ≥ 1) — 522/QĐ-UBND [theo bản tóm tắt]",
        "cb-001 hn522.late-arrival-repeat FAIL: Vi phạm: số sự kiện [late-arrival] đã xác minh trong 12 tháng"
            + " = 2 (ngưỡng ≥ 2) — 522/QĐ-UBND [suy luận, không có nguồn]");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("cb-001 hn3814.working-time FAIL: Không đạt:"
        + " số sự kiện [late-arrival, absent-from-post, meeting-late] đã xác minh trong kỳ = 2 (ngưỡng = 0)"));
  }

  @Test
  void theOfficerSeenWithoutABadgeFailsTheBadgeRulesAndPassesTheLatenessOnes() {
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
        "cb-002 hn522.badge FAIL: Vi phạm: chỉ số 'badge-worn' = false"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
        "cb-002 hn3814.badge-tidy FAIL: Không đạt: chỉ số 'badge-worn' = false"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
        "cb-002 hn522.late-arrival PASS: Không vi phạm: số sự kiện [late-arrival] đã xác minh trong kỳ = 0"));
  }

  @Test
  void missingEvidenceIsUnknownAndTheLeadersExampleIsJudgedForTheAgency() {
    assertThat(lines).contains(
        "cb-001 hn522.badge UNKNOWN: Thiếu bằng chứng: chỉ số 'badge-worn' chưa được ghi nhận — 522/QĐ-UBND"
            + " [theo bản tóm tắt]");
    // hanoi-522 2.0.0: the leader's missing badge is an observation, not a recorded breach
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
        "ubnd-ba-dinh hn522.leader-example PASS: Không vi phạm:"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
        "ubnd-ba-dinh hn522.code-posted-visibly UNKNOWN: Thiếu bằng chứng: chỉ số 'code-posted-visibly'"));
  }

  @Test
  void everyFindingLineNamesSubjectRuleOutcomeAndAVietnameseReasonFromTheTwoPacksOnly() {
    List<String> findings = lines.stream().filter(line -> !line.contains(" xếp loại tháng: ")).toList();
    assertThat(findings).hasSizeGreaterThan(40).allSatisfy(line -> assertThat(line)
        .matches("(cb-001|cb-002|ubnd-ba-dinh) hn(522|3814)\\.[a-z-]+ (PASS|FAIL|NOT_APPLICABLE|UNKNOWN|ERROR): "
            + "(Đạt|Không đạt|Vi phạm|Không vi phạm|Không áp dụng|Thiếu bằng chứng): .+"));
  }

  @Test
  void theMonthlyGradeIsPrintedAndWithheldWhenEvidenceIsTooThin() {
    assertThat(lines).filteredOn(line -> line.contains(" xếp loại tháng: ")).containsExactly(
        "cb-001 xếp loại tháng: chưa xếp loại (6/100 điểm, bằng chứng 36.36%)",
        "cb-002 xếp loại tháng: chưa xếp loại (9/100 điểm, bằng chứng 45.45%)");
  }

  @org.junit.jupiter.api.Test
  void the_readme_quotes_this_very_code() throws java.io.IOException {
    String source = java.nio.file.Files.readString(
        java.nio.file.Path.of("src/main/java/vn/conduct/examples/quickstart/QuickStart.java"));
    String quoted = source.substring(source.indexOf("public final class QuickStart")).strip();
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../../README.md"));
    org.assertj.core.api.Assertions.assertThat(readme).as("README.md quotes QuickStart.java").contains(quoted);
  }
}
