package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's answer to broken packs and to the engine failing: located errors and exit 1
 * for anything in the input, one line and exit 3 only for a fault of the engine itself.
 */
class FailureModesTests {

  private static final String MANIFEST = """
      format: 1
      id: broken
      version: 1.0.0
      title: {vi: Gói hỏng, en: Broken pack}
      engine: ">=0.1.0 <1.0.0"
      sources:
        src: {number: "1/QĐ-TEST"}
      vocabulary:
        subject-types:
          officer:
            indicators:
              badge-worn: {type: boolean}
      """;

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private void rule(String folder, String text) throws IOException {
    Path file = dir.resolve("rules/" + folder + "/rule.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void should_name_each_rule_without_source_applies_to_or_id_with_its_file_and_line() throws IOException {
    Files.writeString(dir.resolve("pack.yaml"), MANIFEST);
    String body = "kind: requirement\nseverity: minor\ncondition: {indicator: badge-worn, eq: true}\n";
    rule("r.no-source", "id: r.no-source\ntitle: {vi: a, en: a}\napplies-to: [officer]\n" + body);
    rule("r.null-source", "id: r.null-source\ntitle: {vi: a, en: a}\nsource: ~\napplies-to: [officer]\n" + body);
    rule("r.no-applies-to", "id: r.no-applies-to\ntitle: {vi: a, en: a}\nsource: {document: src, basis: read}\n" + body);
    rule("r.no-id", "title: {vi: a, en: a}\nsource: {document: src, basis: read}\napplies-to: [officer]\n" + body);

    int exit = cli.run("check", dir.toString());

    assertThat(exit).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains(
        "ERROR   rules/r.no-applies-to/rule.yaml:1:1  applies-to: must not be empty [field.constraint]",
        "ERROR   rules/r.no-id/rule.yaml:1:1  id: must not be null [field.constraint]",
        "ERROR   rules/r.no-source/rule.yaml:1:1  source: must not be null [field.constraint]",
        "ERROR   rules/r.null-source/rule.yaml:3:9  source: must not be null [field.constraint]")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void should_print_the_first_hundred_issues_of_a_pack_and_count_the_rest() throws IOException {
    StringBuilder manifest = new StringBuilder(MANIFEST).append("      attributes:\n");
    for (int i = 0; i < 150; i++) {
      manifest.append("        a").append(i).append(": {type: strng}\n");
    }
    Files.writeString(dir.resolve("pack.yaml"), manifest.toString().replace("          officer:\n",
        "          officer:\n"));

    int exit = cli.run("check", dir.toString());

    assertThat(exit).isEqualTo(ConductCommand.INVALID);
    List<String> lines = cli.err().lines().toList();
    assertThat(lines.stream().filter(line -> line.startsWith("ERROR   "))).hasSize(CheckCommand.MAX_SHOWN);
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("… and ").contains(" more issues in "));
  }

  @Test
  void should_report_running_out_of_memory_in_one_line_with_exit_3() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx12m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), ConductCommand.class.getName(), "demo")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue()).isEqualTo(ConductCommand.SOFTWARE);
    assertThat(err.lines().toList()).singleElement().asString()
        .startsWith("conduct: out of memory (").endsWith("please report it with the command that caused it");
  }
}
