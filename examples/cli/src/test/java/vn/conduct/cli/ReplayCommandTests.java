package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --log} and {@code replay}: a logged sample evaluation reproduces; an edited fact is named. */
class ReplayCommandTests {

  @TempDir
  static Path dir;

  static Path facts;

  private final CliRun cli = new CliRun();

  @BeforeAll
  static void sampleFacts() throws Exception {
    CliRun demo = new CliRun();
    assertThat(demo.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    facts = Files.writeString(dir.resolve("district.yaml"), demo.out());
  }

  @Test
  void should_reproduce_a_logged_sample_evaluation_and_name_an_edited_fact() throws Exception {
    Path log = dir.resolve("decisions.jsonl");

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--log", log.toString(), "--log-facts", "-f", "json"))
        .as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(Files.readAllLines(log)).singleElement().asString().startsWith("{\"log-format\":1,");

    assertThat(cli.run("replay", "--log", log.toString(), "--facts", facts.toString(), "--lang", "en")).as(cli.err())
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).startsWith("reproduced: the report is byte for byte the one logged (sha256:");
    assertThat(cli.run("replay", "--log", log.toString(), "--facts", facts.toString())).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).startsWith("đã tái lập: báo cáo trùng từng byte với báo cáo đã ghi (sha256:");

    String sample = Files.readString(facts);
    String edited = sample.replaceFirst("(indicator: task-completion, value: )(\\d+)", "$199");
    assertThat(edited).isNotEqualTo(sample);
    Path changed = Files.writeString(dir.resolve("district-edited.yaml"), edited);

    assertThat(cli.run("replay", "--log", log.toString(), "--facts", changed.toString(), "--lang", "en"))
        .isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out()).startsWith("not reproduced:").contains("the facts differ")
        .contains("observations[").contains("\"value\":99").contains("the report differs");
  }

  @Test
  void should_refuse_a_log_without_lines_and_a_line_past_its_end() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

    assertThat(cli.run("replay", "--log", empty.toString(), "--facts", facts.toString()))
        .isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("holds no line");
  }
}
