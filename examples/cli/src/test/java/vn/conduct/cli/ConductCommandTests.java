package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConductCommandTests {

  private static final String PACK = """
      format: 1
      id: cli-test
      version: 1.0.0
      title: {vi: Bộ thử, en: Test pack}
      engine: ">=0.1.0 <1.0.0"
      sources:
        src: {number: "1/2025/QĐ-TEST", title: {vi: Văn bản thử, en: Test document}}
      vocabulary:
        subject-types:
          officer:
            indicators:
              score: {type: number, unit: points}
      """;

  private static final String RULE = """
      id: t.score
      title: {vi: "Điểm đạt từ 70", en: "Score at least 70"}
      source: {document: src, basis: read}
      applies-to: [officer]
      kind: requirement
      severity: minor
      condition: {indicator: score, ge: 70}
      """;

  private static final String FACTS = """
      as-of: 2025-06-30
      subjects:
        - {id: o1, type: officer, name: "Nguyễn Văn An"}
        - {id: o2, type: officer}
        - {id: o3, type: officer}
      observations:
        - {subject: o1, indicator: score, value: 82}
        - {subject: o2, indicator: score, value: 64}
      """;

  @TempDir
  Path directory;

  private Path pack;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writePack() throws IOException {
    pack = directory.resolve("cli-test");
    Files.createDirectories(pack.resolve("rules/t.score"));
    write(pack.resolve("pack.yaml"), PACK);
    write(pack.resolve("rules/t.score/rule.yaml"), RULE);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private int run(String... args) {
    return ConductCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Nested
  class Check {

    @Test
    void should_accept_a_valid_pack_with_exit_code_0() {
      assertThat(run("check", pack.toString())).isEqualTo(ConductCommand.OK);
      assertThat(out.toString()).contains(pack + ": valid");
      assertThat(err.toString()).isEmpty();
    }

    @Test
    void should_list_every_located_error_and_exit_1() throws IOException {
      write(pack.resolve("pack.yaml"), PACK.replace("version: 1.0.0", "version: 1.0") + "colour: red\n");

      assertThat(run("check", pack.toString())).isEqualTo(ConductCommand.INVALID);

      assertThat(err.toString())
          .contains("pack.yaml:3:10  version:")
          .contains("pack.yaml:13:1  colour:")
          .contains(pack + ": invalid, 2 errors");
    }

    @Test
    void should_refuse_a_global_tag_naming_the_line() throws IOException {
      write(pack.resolve("pack.yaml"), PACK + "extra: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");

      assertThat(run("check", pack.toString())).isEqualTo(ConductCommand.INVALID);

      assertThat(err.toString()).contains("pack.yaml:13:8").contains("tag '!!javax.script.ScriptEngineManager' is not allowed");
    }

    @Test
    void should_refuse_an_alias_bomb_naming_the_line() throws IOException {
      StringBuilder bomb = new StringBuilder(PACK).append("lol0: &a0 [lol]\n");
      for (int i = 1; i <= 9; i++) {
        bomb.append("lol").append(i).append(": &a").append(i).append(" [");
        bomb.append(("*a" + (i - 1) + ",").repeat(9)).append("*a").append(i - 1).append("]\n");
      }
      write(pack.resolve("pack.yaml"), bomb.toString());

      assertThat(run("check", pack.toString())).isEqualTo(ConductCommand.INVALID);

      assertThat(err.toString()).contains("pack.yaml:14:").containsIgnoringCase("alias");
    }

    @Test
    void should_refuse_a_duplicate_key_naming_both_lines() throws IOException {
      write(pack.resolve("pack.yaml"), PACK + "id: again\n");

      assertThat(run("check", pack.toString())).isEqualTo(ConductCommand.INVALID);

      assertThat(err.toString()).contains("pack.yaml:13:1").contains("duplicate key 'id'").contains("line 2");
    }

    @Test
    void should_refuse_20000_nested_brackets_without_overflowing_the_stack() throws IOException {
      write(pack.resolve("pack.yaml"), "x: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

      assertThat(run("check", pack.toString())).isEqualTo(ConductCommand.INVALID);

      assertThat(err.toString()).contains("pack.yaml:1:").containsIgnoringCase("nest")
          .doesNotContain("StackOverflowError");
    }

    @Test
    void should_call_a_folder_that_does_not_exist_a_usage_error_in_one_line() {
      Path nowhere = directory.resolve("nowhere");

      assertThat(run("check", nowhere.toString())).isEqualTo(ConductCommand.USAGE);

      assertThat(err.toString()).isEqualTo("conduct: <pack-dir>: '" + nowhere + "' does not exist [Hint: give an"
          + " existing folder (the one that holds pack.yaml); a relative path starts at "
          + Path.of("").toAbsolutePath() + "]" + System.lineSeparator());
    }
  }

  @Nested
  class Evaluate {

    private Path facts;

    @BeforeEach
    void writeFacts() throws IOException {
      facts = directory.resolve("june.yaml");
      write(facts, FACTS);
    }

    @Test
    void should_print_each_fail_and_unknown_with_its_reason_and_source() {
      assertThat(run("evaluate", "--pack", pack.toString(), "--facts", facts.toString(), "--lang", "en"))
          .isEqualTo(ConductCommand.OK);

      assertThat(out.toString())
          .contains("Evaluated as of 2025-06-30")
          .contains("cli-test 1.0.0")
          .containsPattern("o2 .*\\n.*FAIL +t\\.score +.*64.*70.*1/2025/QĐ-TEST")
          .containsPattern("o3 .*\\n.*UNKNOWN +t\\.score +.*'score'")
          .contains("Total: 3 subjects, 1 fully compliant");
    }

    @Test
    void should_write_the_report_as_json() throws IOException {
      assertThat(run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--format", "json"))
          .isEqualTo(ConductCommand.OK);

      JsonNode report = new ObjectMapper().readTree(out.toString());
      assertThat(report.path("format").asInt()).isEqualTo(2);
      assertThat(report.toString()).contains("\"o2\"").contains("FAIL").contains("cli-test");
      JsonNode finding = report.path("subjects").get(1).path("findings").get(0);
      assertThat(report.path("rules").has(finding.path("rule").asText())).isTrue();
      assertThat(finding.has("citation")).isFalse();
      JsonNode reason = report.path("rules").path(finding.path("rule").asText()).path("reasons")
          .path(finding.path("reason").asInt());
      assertThat(reason.at("/text/vi").asText()).isNotBlank();
      assertThat(reason.path("ends-with-citation").asBoolean()).isTrue();
    }

    @Test
    void should_write_report_format_1_when_asked() throws IOException {
      assertThat(run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--format", "json",
          "--report-format", "1")).isEqualTo(ConductCommand.OK);

      JsonNode report = new ObjectMapper().readTree(out.toString());
      assertThat(report.path("format").asInt()).isEqualTo(1);
      assertThat(report.path("subjects").get(1).path("findings").get(0).has("citation")).isTrue();
      assertThat(run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--format", "json",
          "--report-format", "3")).isEqualTo(ConductCommand.USAGE);
    }

    @Test
    void should_evaluate_on_another_date_when_asked() {
      assertThat(run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--as-of", "2025-07-31",
          "--lang", "en")).isEqualTo(ConductCommand.OK);
      assertThat(out.toString()).contains("Evaluated as of 2025-07-31 · period 2025-07-01 → 2025-07-31");
    }

    @Test
    void should_refuse_an_invalid_facts_file_with_every_located_error() throws IOException {
      write(facts, FACTS.replace("as-of: 2025-06-30", "as-of: 2025-06-31") + "colour: red\n");

      assertThat(run("evaluate", "-p", pack.toString(), "--facts", facts.toString())).isEqualTo(ConductCommand.INVALID);

      assertThat(err.toString()).contains("june.yaml:1:8").contains("june.yaml:9:1");
      assertThat(out.toString()).isEmpty();
    }

    @Test
    void should_choose_a_bundled_pack_by_id() throws IOException {
      Path demo = directory.resolve("demo.yaml");
      assertThat(run("demo", "--print-facts")).isZero();
      write(demo, out.toString());
      out.getBuffer().setLength(0);

      assertThat(run("evaluate", "--pack", "hanoi-522", "--facts", demo.toString(), "--format", "json"))
          .isEqualTo(ConductCommand.OK);

      assertThat(out.toString()).contains("hanoi-522").doesNotContain("hn3814.");
    }

    @Test
    void should_refuse_an_unknown_pack_id() {
      assertThat(run("evaluate", "--pack", "hanoi-999", "--facts", facts.toString())).isEqualTo(ConductCommand.INVALID);
      assertThat(err.toString()).contains("No rule pack with id 'hanoi-999'");
    }

    @Test
    void should_call_a_badly_written_parameter_a_usage_error() {
      assertThat(run("evaluate", "-p", pack.toString(), "--facts", facts.toString(), "--param", "quota=40"))
          .isEqualTo(ConductCommand.USAGE);
      assertThat(err.toString()).contains("conduct: --param: 'quota=40' is not <id>:<name>=<value> [Hint: e.g."
          + " --param hanoi-3814:task-completion-pass-percent=80]");
    }

    @Test
    void should_call_an_unknown_option_a_usage_error() {
      assertThat(run("evaluate", "--facts", facts.toString(), "--colour", "red")).isEqualTo(ConductCommand.USAGE);
      assertThat(err.toString()).startsWith("conduct: unknown option '--colour' for 'conduct evaluate'")
          .contains("'conduct evaluate --help' lists the options").doesNotContain("Usage:");
    }
  }

  @Nested
  class Demo {

    @Test
    void should_grade_and_explain_the_sample_month_in_vietnamese_by_default() {
      // the officers by their (fictional) ids: the demo pseudonymises them unless asked (PrivacyCliTests)
      assertThat(run("demo", "--reveal-ids")).isEqualTo(ConductCommand.OK);

      assertThat(out.toString())
          .contains("Conduct — minh họa: một quận hư cấu của Hà Nội, tháng 6/2025")
          .contains("hanoi-3814 1.2.0").contains("hanoi-units 1.2.0").doesNotContain("hanoi-yearly")
          // clean members are summarised on one line under their unit
          .contains("Thành viên không có gì cần giải thích (11): cb-001 (A 94), cb-003 (B 85)")
          // the 30 % quota lowers the lowest A scorer of the district committee
          .containsPattern("cb-006  .*\\n.*90 / 100 điểm  → Loại B – Hoàn thành tốt nhiệm vụ")
          .contains("hạn mức: Hạn mức: tối đa 30% của 15 thành viên được xếp loại 'ubnd-ba-dinh' (4 người) được loại A;"
              + " 5 người đạt; hạ xuống B vì điểm 90 thuộc nhóm thấp nhất")
          // a verified gift solicitation caps the grade at D
          .containsPattern("cb-009  .*\\n.*80 / 100 điểm  → Loại D – Không hoàn thành")
          .contains("phủ quyết: Có vi phạm đã xác minh về đòi, gợi ý, nhận tiền, quà biếu của người dân:"
              + " xếp loại không cao hơn D")
          // units ranked in their block
          .containsPattern("Xếp hạng hnunits-par — nhóm quận, huyện, thị xã\\n +1  ubnd-hoan-kiem +90.36  UBND quận Hoàn Kiếm  · Nhóm 1 – từ 90 điểm .*\\n"
              + " +2  ubnd-ba-dinh +88.81  UBND quận Ba Đình  · Nhóm 2")
          .containsPattern("Xếp hạng hnunits-sipas — nhóm xã, phường, thị trấn\\n +1  ubnd-p-truc-bach +88  UBND phường Trúc Bạch  · Từ 80 đến dưới 95%")
          // model units rated
          .contains("hnm-one-stop  83.33 / 100 điểm  → Chưa đạt")
          .contains("hnm-relic  100 / 100 điểm  → Đạt")
          .contains("điểm trung bình 85.33; Loại A – Hoàn thành xuất sắc nhiệm vụ 4, Loại B – Hoàn thành tốt nhiệm vụ 9,")
          // a failure with its reason and citation
          .contains("KHÔNG ĐẠT     hn522.late-arrival-repeat       Vi phạm: số sự kiện [late-arrival] đã xác minh trong 12 tháng"
              + " = 3 (ngưỡng ≥ 2) — 522/QĐ-UBND [suy luận, không có nguồn]")
          .doesNotContain("Dữ liệu bị bỏ qua hoặc có lỗi");
    }

    @Test
    void should_speak_english_when_asked() {
      assertThat(run("demo", "--lang", "en", "--reveal-ids")).isEqualTo(ConductCommand.OK);

      assertThat(out.toString())
          .contains("Conduct — demo: a fictional Hanoi district in June 2025")
          .contains("Members with nothing to explain (11): cb-001 (A 94), cb-003 (B 85)")
          .contains("quota: Quota: at most 30% of 15 rated members 'ubnd-ba-dinh' (4) may hold A; 5 reached it;"
              + " lowered to B as score 90 is among the lowest")
          .contains("veto: Verified soliciting or accepting money or gifts from citizens: graded no higher than D")
          .containsPattern("Ranking hnunits-par — peer group urban or rural district, town\\n +1  ubnd-hoan-kiem +90.36  UBND quận Hoàn Kiếm  · Tier 1 – 90 points")
          .contains("hnm-market  83.33 / 100 points  → Does not yet meet the model")
          .contains("hnm-school  100 / 100 points  → Meets the model")
          .contains("FAIL          hn522.late-arrival-repeat       Violation: number of verified events [late-arrival] in the"
              + " last 12 months = 3 (threshold ≥ 2) — 522/QĐ-UBND [inferred, not from a source]")
          .doesNotContain("Facts ignored or in error");
    }

    @Test
    void should_list_the_bundled_packs() {
      assertThat(run("packs", "--as-of", "2025-06-30")).isEqualTo(ConductCommand.OK);

      assertThat(out.toString()).containsPattern("hanoi-522 +2\\.2\\.0 +yes").contains("hanoi-3814");
    }
  }

  @Nested
  class TestAndStrictCheck {

    @BeforeEach
    void writeFixtures() throws IOException {
      Files.createDirectories(pack.resolve("rules/t.score/tests"));
      write(pack.resolve("rules/t.score/tests/good.pass.yaml"),
          "as-of: 2025-06-30\nsubjects: [{id: o1, type: officer}]\n"
              + "observations: [{subject: o1, indicator: score, value: 82}]\n");
      write(pack.resolve("rules/t.score/tests/poor.fail.yaml"),
          "as-of: 2025-06-30\nsubjects: [{id: o1, type: officer}]\n"
              + "observations: [{subject: o1, indicator: score, value: 64}]\n");
    }

    @Test
    void should_run_the_fixtures_probe_the_threshold_and_print_coverage() {
      assertThat(run("test", pack.toString())).isEqualTo(ConductCommand.OK);

      assertThat(out.toString())
          .contains("PASS   rules/t.score/tests/good.pass.yaml")
          .contains("PASS   rules/t.score/tests/poor.fail.yaml")
          .contains("PASS   boundary t.score: indicator score ge 70 (from rules/t.score/tests/good.pass.yaml, o1): "
              + "[69 → FAIL, 69.99 → FAIL, 70 → PASS, 70.01 → PASS, 71 → PASS]")
          .contains("rules: 1 of 1 covered (100.0 %)")
          .contains("2 fixtures, 2 passed; 1 thresholds probed; 0 failed");
    }

    @Test
    void should_fail_when_a_fixture_is_wrong_or_coverage_falls_short() throws IOException {
      Files.delete(pack.resolve("rules/t.score/tests/poor.fail.yaml"));
      write(pack.resolve("rules/t.score/tests/borderline.pass.yaml"),
          "as-of: 2025-06-30\nsubjects: [{id: o1, type: officer}]\n"
              + "observations: [{subject: o1, indicator: score, value: 69.5}]\n");

      assertThat(run("test", pack.toString())).isEqualTo(ConductCommand.INVALID);

      assertThat(out.toString())
          .contains("FAIL   rules/t.score/tests/borderline.pass.yaml")
          .contains("rules/t.score/tests/borderline.pass.yaml:2:17: o1 / t.score: expected PASS but was FAIL")
          .contains("rule coverage 0.0 % is below the required 100.0 %: [t.score missing [fail]]");
    }

    @Test
    void should_fail_a_strict_check_on_warnings_and_untested_rules() throws IOException {
      Files.delete(pack.resolve("rules/t.score/tests/good.pass.yaml"));
      Files.delete(pack.resolve("rules/t.score/tests/poor.fail.yaml"));

      assertThat(run("check", pack.toString())).as("warnings alone pass without --strict").isEqualTo(ConductCommand.OK);
      assertThat(run("check", "--strict", pack.toString())).isEqualTo(ConductCommand.INVALID);

      assertThat(out.toString())
          .contains("WARNING rules/t.score/rule.yaml:3:9  source: rule 't.score' cites no article")
          .contains("WARNING rules/t.score/rule.yaml  no fixture tests rule 't.score'");
      assertThat(err.toString()).contains(": invalid, 0 errors, 2 warnings (--strict)");
    }

    @Test
    void should_pass_a_strict_check_when_every_rule_is_cited_and_tested() throws IOException {
      write(pack.resolve("rules/t.score/rule.yaml"), RULE.replace("basis: read}", "article: \"Điều 2\", basis: read}"));

      assertThat(run("check", "--strict", pack.toString())).isEqualTo(ConductCommand.OK);
      assertThat(out.toString()).contains(pack + ": valid");
    }
  }
}
