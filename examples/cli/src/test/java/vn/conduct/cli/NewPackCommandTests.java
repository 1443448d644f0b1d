package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.RulesEngine;

/**
 * {@code conduct new-pack}: the skeleton it writes passes {@code conduct test} as written; ids and
 * folders it must not write are refused. (The Invoker check of this module's pom builds a skeleton
 * with {@code mvn verify}.)
 */
class NewPackCommandTests {

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  private Path packDir(String id) {
    return directory.resolve(id).resolve("src/main/resources/rulepacks").resolve(id);
  }

  @Test
  void should_say_what_it_wrote_in_vietnamese_with_lang_vi() {
    assertThat(cli.run("new-pack", "hue-vi", "--dir", directory.toString(), "--lang", "vi"))
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("Đã tạo gói hue-vi trong " + directory.resolve("hue-vi") + ":")
        .contains("Tiếp theo:").contains("rồi thay mọi PLACEHOLDER").doesNotContain("Wrote", "Next:");
  }

  @Test
  void should_write_a_skeleton_that_passes_conduct_test_and_a_strict_check() {
    assertThat(cli.run("new-pack", "hue-demo", "--dir", directory.toString())).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("Wrote pack hue-demo into " + directory.resolve("hue-demo"))
        .contains("  src/main/resources/rulepacks/hue-demo/pack.yaml")
        .contains("conduct test " + packDir("hue-demo"));
    assertThat(cli.err()).isEmpty();

    assertThat(cli.run("test", packDir("hue-demo").toString())).as(cli.out() + cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out())
        .contains("PASS   rules/hue-demo.task-completion/tests/above-threshold.pass.yaml")
        .contains("PASS   rules/hue-demo.task-completion/tests/below-threshold.fail.yaml")
        .contains("PASS   tests/june.yaml")
        .contains("PASS   boundary hue-demo.task-completion")
        .contains("rules: 1 of 1 covered (100.0 %)")
        .contains("3 fixtures, 3 passed; 1 thresholds probed; 0 failed");

    assertThat(cli.run("check", "--strict", packDir("hue-demo").toString())).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains(packDir("hue-demo") + ": valid");
  }

  @Test
  void should_write_a_standalone_pom_importing_this_engines_bom_and_fill_every_template_value() throws IOException {
    assertThat(cli.run("new-pack", "hanoi-522.ward", "--dir", directory.toString())).isEqualTo(ConductCommand.OK);
    Path project = directory.resolve("hanoi-522.ward");

    String pom = Files.readString(project.resolve("pom.xml"));
    String version = RulesEngine.builder().build().version();
    assertThat(pom).doesNotContain("<parent>")
        .contains("<conduct.version>" + version + "</conduct.version>")
        .contains("<artifactId>conduct-bom</artifactId>\n        <version>${conduct.version}</version>\n"
            + "        <type>pom</type>\n        <scope>import</scope>")
        .contains("<artifactId>conduct-testkit</artifactId>")
        .contains("<maven.compiler.release>17</maven.compiler.release>")
        .containsPattern("<artifactId>maven-surefire-plugin</artifactId>\\s*<version>3\\.5\\.4</version>");
    assertThat(Files.readString(packDir("hanoi-522.ward").resolve("pack.yaml")))
        .contains("format: 2").contains("id: hanoi-522.ward").contains("engine: \">=0.1.0 <1.0.0\"")
        .contains("PLACEHOLDER");
    assertThat(Files.readString(project.resolve(
        "src/main/resources/META-INF/services/vn.conduct.rules.spi.RulePackProvider")).strip())
        .isEqualTo("hanoi522ward.conduct.Hanoi522WardRulePackProvider");
    assertThat(Files.readString(project.resolve("README.md")))
        .contains("mvn -B install").contains("mvn -B verify")
        .contains("conduct evaluate --plugin target/hanoi-522.ward-0.1.0-SNAPSHOT.jar --pack hanoi-522.ward");
    try (Stream<Path> files = Files.walk(project)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain("{{");
      }
    }
  }

  @Test
  void should_write_java_sources_that_compile_against_the_engine_and_the_test_kit() throws IOException {
    assertThat(cli.run("new-pack", "hue-demo", "--dir", directory.toString())).isEqualTo(ConductCommand.OK);
    Path project = directory.resolve("hue-demo");
    List<String> sources;
    try (Stream<Path> files = Files.walk(project.resolve("src"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    assertThat(sources).hasSize(2);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int compiled = compiler.run(null, null, null, Stream.concat(Stream.of("-d",
        Files.createDirectories(directory.resolve("classes")).toString(), "-cp", System.getProperty("java.class.path"),
        "-Xlint:all", "-Werror"), sources.stream()).toArray(String[]::new));

    assertThat(compiled).as("javac exit code").isZero();
    assertThat(directory.resolve("classes/huedemo/conduct/HueDemoRulePackProvider.class")).exists();
    assertThat(directory.resolve("classes/huedemo/conduct/HueDemoPackTests.class")).exists();
  }

  @Test
  void should_refuse_a_folder_that_is_not_empty_and_leave_it_as_it_was() throws IOException {
    Path existing = Files.createDirectories(directory.resolve("hue-demo"));
    Files.writeString(existing.resolve("notes.txt"), "mine");

    assertThat(cli.run("new-pack", "hue-demo", "--dir", directory.toString())).isEqualTo(ConductCommand.USAGE);

    assertThat(cli.err()).isEqualTo("conduct: new-pack: '" + existing + "' is not empty [Hint: choose another --dir"
        + " or id, or remove the folder; new-pack never overwrites a file]" + System.lineSeparator());
    try (Stream<Path> files = Files.list(existing)) {
      assertThat(files).containsExactly(existing.resolve("notes.txt"));
    }
  }

  @Test
  void should_write_into_an_empty_folder_and_create_a_missing_dir() {
    assertThat(directory.resolve("new/place/hue-demo").toFile().mkdirs()).isTrue();

    assertThat(cli.run("new-pack", "hue-demo", "--dir", directory.resolve("new/place").toString()))
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.run("new-pack", "hue-demo", "--dir", directory.resolve("missing").toString()))
        .isEqualTo(ConductCommand.OK);

    assertThat(directory.resolve("new/place/hue-demo/pom.xml")).exists();
    assertThat(directory.resolve("missing/hue-demo/pom.xml")).exists();
  }

  @Test
  void should_refuse_an_id_that_is_not_a_pack_id_and_write_nothing() throws IOException {
    for (String id : List.of("Hue-Demo", "hue--demo", "9hue", "hue demo", "../hue")) {
      assertThat(cli.run("new-pack", id, "--dir", directory.toString())).as(id).isEqualTo(ConductCommand.USAGE);
      assertThat(cli.err()).as(id).startsWith("conduct: new-pack: '" + id + "' is not a pack id [Hint: lowercase ASCII"
          + " letters and digits, starting with a letter, parts separated by single '.', '_' or '-', e.g. hue-demo]");
    }
    assertThat(cli.run("new-pack", "a".repeat(101), "--dir", directory.toString())).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("the pack id is 101 characters long, more than 100");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void should_derive_a_java_package_that_is_a_name_even_from_a_keyword() {
    assertThat(NewPackCommand.values("int")).containsEntry("package", "packint.conduct")
        .containsEntry("providerClass", "IntRulePackProvider");
    assertThat(NewPackCommand.values("hue_demo.v2")).containsEntry("package", "huedemov2.conduct")
        .containsEntry("providerClass", "HueDemoV2RulePackProvider")
        .containsEntry("ruleId", "hue_demo.v2.task-completion");
    assertThat(NewPackCommand.engineRange("0.1.0-SNAPSHOT")).isEqualTo(">=0.1.0 <1.0.0");
    assertThat(NewPackCommand.engineRange("2.3.1")).isEqualTo(">=2.3.0 <3.0.0");
  }
}
