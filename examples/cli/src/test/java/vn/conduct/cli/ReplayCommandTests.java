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

  @Test
  void should_check_a_pseudonymised_export_with_the_hosts_key_and_say_what_a_random_key_leaves_unchecked()
      throws Exception {
    Path log = dir.resolve("masked.jsonl");
    Path key = Files.writeString(dir.resolve("office.key"), "a key kept by the district office");
    Path other = Files.writeString(dir.resolve("other.key"), "another key, for another purpose");

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--log", log.toString(), "-f", "csv",
        "--pseudonym-key", key.toString())).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--log", log.toString(), "-f", "csv"))
        .isEqualTo(ConductCommand.OK);
    assertThat(Files.readAllLines(log)).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContainPattern("cb-\\d{3}"));

    // the host's key: the masked report too, byte for byte
    assertThat(cli.run("replay", "--log", log.toString(), "--line", "1", "--facts", facts.toString(),
        "--pseudonym-key", key.toString(), "--lang", "en")).as(cli.out()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).startsWith("reproduced:").doesNotContain("not checked");
    // without the key: reproduced before masking, and it says the masked report was not checked
    assertThat(cli.run("replay", "--log", log.toString(), "--line", "1", "--facts", facts.toString(), "--lang", "en"))
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("not checked:").contains("give that key");
    // another key: named as the difference
    assertThat(cli.run("replay", "--log", log.toString(), "--line", "1", "--facts", facts.toString(),
        "--pseudonym-key", other.toString(), "--lang", "en")).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out()).contains("the pseudonym key differs");
    // a key drawn for the run: cannot be reproduced, and the verdict says so
    assertThat(cli.run("replay", "--log", log.toString(), "--facts", facts.toString())).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).startsWith("đã tái lập").contains("chưa kiểm được:").contains("a key drawn for that run");
  }
}
