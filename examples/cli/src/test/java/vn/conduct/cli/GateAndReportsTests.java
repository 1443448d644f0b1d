package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --fail-on} (a CI gate), {@code --report} (several formats in one run) and {@code --facts -}. */
class GateAndReportsTests {

  @TempDir
  static Path dir;

  static Path facts;

  private final CliRun cli = new CliRun();
  private final InputStream stdin = FactsInput.stdin;

  @BeforeAll
  static void sampleFacts() throws Exception {
    CliRun demo = new CliRun();
    assertThat(demo.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    facts = Files.writeString(dir.resolve("district.yaml"), demo.out());
  }

  @AfterEach
  void restoreStdin() {
    FactsInput.stdin = stdin;
  }

  @Test
  void should_exit_4_on_failed_findings_with_fail_on_fail_and_0_without() {
    int gated = cli.run("evaluate", "--facts", facts.toString(), "--fail-on", "fail");

    assertThat(gated).isEqualTo(ConductCommand.FAILED);
    assertThat(cli.out()).contains("KHÔNG ĐẠT"); // the report is still written
    assertThat(cli.err()).containsPattern("--fail-on fail: \\d+ FAIL \\(exit 4\\)");

    assertThat(cli.run("evaluate", "--facts", facts.toString())).isEqualTo(ConductCommand.OK);
    // the sample has no ERROR finding: the gate on errors alone passes
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--fail-on", "error")).isEqualTo(ConductCommand.OK);
  }

  @Test
  void should_not_count_a_waived_failure_against_the_gate() throws Exception {
    Path waivers = dir.resolve("all-late.yaml");
    Files.writeString(waivers, """
        format: 1
        waivers:
          - id: w-all
            scope: {pack: hanoi-522}
            justification: {en: test}
            approver: {name: Test, role: head}
            risk: low
            start: 2025-01-01
            expiry: 2025-12-31
          - id: w-all-3814
            scope: {pack: hanoi-3814}
            justification: {en: test}
            approver: {name: Test, role: head}
            risk: low
            start: 2025-01-01
            expiry: 2025-12-31
        """);

    int code = cli.run("evaluate", "--facts", facts.toString(), "--pack", "hanoi-522", "--pack", "hanoi-3814",
        "--waivers", waivers.toString(), "--fail-on", "fail,unknown");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
  }

  @Test
  void should_write_two_reports_in_one_run_beside_the_table() throws Exception {
    Path json = dir.resolve("june.json");
    Path html = dir.resolve("june.html");

    int code = cli.run("evaluate", "--facts", facts.toString(), "--report", "json=" + json, "--report", "html=" + html);

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(Files.readString(json)).startsWith("{").contains("\"provenance\"");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
    assertThat(cli.out()).startsWith("Đánh giá ngày 2025-06-30");
  }

  @Test
  void should_refuse_a_malformed_report_before_evaluating() {
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--report", "pdf=x.pdf"))
        .isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("'pdf' is not a format");
    Path same = dir.resolve("same.json");
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--report", "json=" + same, "--report",
        "csv=" + same)).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("is named twice");
  }

  @Test
  void should_read_the_facts_from_the_standard_input() throws Exception {
    FactsInput.stdin = new ByteArrayInputStream(Files.readAllBytes(facts));

    int code = cli.run("evaluate", "--facts", "-", "-f", "json");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("\"decision-date\": \"2025-06-30\"");

    FactsInput.stdin = new ByteArrayInputStream("subjects: [".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(cli.run("evaluate", "--facts", "-")).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("<stdin>:");
  }

  @Test
  void should_print_a_bash_and_zsh_completion_script() {
    int code = cli.run("generate-completion");

    assertThat(code).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("complete -F").contains("evaluate").contains("--fail-on");
  }

  @Test
  void should_colour_outcomes_only_on_a_colour_terminal_and_never_in_a_file() throws Exception {
    boolean terminal = TextOut.colourTerminal;
    TextOut.colourTerminal = true;
    try {
      Path file = dir.resolve("june.txt");
      assertThat(cli.run("evaluate", "--facts", facts.toString(), "--lang", "en")).isEqualTo(ConductCommand.OK);
      String coloured = cli.out();
      assertThat(cli.run("evaluate", "--facts", facts.toString(), "--lang", "en", "-o", file.toString()))
          .isEqualTo(ConductCommand.OK);

      assertThat(coloured).contains("\u001b[31mFAIL").contains("\u001b[0m");
      // every escape character is one of the program's colour codes: none comes from the facts
      assertThat(coloured.chars().filter(c -> c == 0x1b).count())
          .isEqualTo(2L * coloured.split("\u001b\\[0m", -1).length - 2);
      assertThat(Files.readString(file)).doesNotContain("\u001b");
    } finally {
      TextOut.colourTerminal = terminal;
    }
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--lang", "en")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).doesNotContain("\u001b");
  }

  @Test
  void should_start_csv_with_a_byte_order_mark_only_when_asked() throws Exception {
    Path plain = dir.resolve("plain.csv");
    Path marked = dir.resolve("marked.csv");
    Path key = Files.writeString(dir.resolve("bom.key"), "a key for two runs of one report");

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "-f", "csv", "-o", plain.toString(),
        "--pseudonym-key", key.toString())).isEqualTo(ConductCommand.OK);
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "-f", "csv", "-o", marked.toString(), "--bom",
        "--pseudonym-key", key.toString())).isEqualTo(ConductCommand.OK);

    byte[] withMark = Files.readAllBytes(marked);
    assertThat(Files.readAllBytes(plain)[0]).isNotEqualTo((byte) 0xEF);
    assertThat(new byte[] {withMark[0], withMark[1], withMark[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(withMark, java.nio.charset.StandardCharsets.UTF_8).substring(1))
        .isEqualTo(Files.readString(plain));
  }

  @Test
  void should_wrap_the_table_to_the_terminal_width_and_not_elsewhere() {
    boolean terminal = TextOut.colourTerminal;
    int width = TextOut.terminalWidth;
    TextOut.colourTerminal = true;
    TextOut.terminalWidth = 80;
    try {
      assertThat(cli.run("evaluate", "--facts", facts.toString(), "--lang", "en")).isEqualTo(ConductCommand.OK);
    } finally {
      TextOut.colourTerminal = terminal;
      TextOut.terminalWidth = width;
    }
    List<String> lines = cli.out().lines().map(l -> l.replaceAll("\u001b\\[\\d+m", "")).toList();

    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("        ")); // a continuation, indented
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--lang", "en")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).anySatisfy(l -> assertThat(l.length()).isGreaterThan(120));
  }
}
