package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pack plugins given as jars on the command line ({@code --plugin}). */
class PluginTests {

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  /** A plugin jar: a provider class compiled here, its services file, and one pack as resources. */
  private Path plugin(String providerSource, boolean withServices) throws IOException {
    Path sources = Files.createDirectories(directory.resolve("src/demo"));
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Files.writeString(sources.resolve("DemoProvider.java"), providerSource);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int compiled = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), sources.resolve("DemoProvider.java").toString());
    assertThat(compiled).as("the test provider compiles").isZero();
    Path pack = TestPack.write(directory.resolve("pack-src"));
    Path jar = directory.resolve("demo-plugin.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, "demo/DemoProvider.class", Files.readAllBytes(classes.resolve("demo/DemoProvider.class")));
      if (withServices) {
        add(out, "META-INF/services/vn.conduct.rules.spi.RulePackProvider",
            "demo.DemoProvider\n".getBytes(StandardCharsets.UTF_8));
      }
      try (var files = Files.walk(pack)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          add(out, "demo-packs/cli-out/" + pack.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    }
    return jar;
  }

  private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(bytes);
    out.closeEntry();
  }

  private static final String PROVIDER = """
      package demo;

      import java.util.List;
      import vn.conduct.rules.spi.RulePackProvider;
      import vn.conduct.rules.spi.RulePackSource;

      public final class DemoProvider implements RulePackProvider {
        @Override
        public String id() {
          return "demo";
        }

        @Override
        public List<RulePackSource> packs() {
          return List.of(RulePackSource.classpath(DemoProvider.class, "demo-packs/cli-out"));
        }
      }
      """;

  @Test
  void should_list_and_evaluate_the_packs_of_a_plugin_jar() throws IOException {
    Path jar = plugin(PROVIDER, true);

    assertThat(cli.run("packs", "--plugin", jar.toString())).as("%s", cli.err()).isZero();
    assertThat(cli.out()).contains("cli-out ", "hanoi-522 ");

    Path facts = Files.writeString(directory.resolve("facts.yaml"), """
        as-of: 2025-06-30
        subjects:
          - {id: o1, type: officer, attributes: {group: g}}
        observations:
          - {subject: o1, indicator: score, value: 64}
        """);
    assertThat(cli.run("evaluate", "--plugin", jar.toString(), "--pack", "cli-out", "--facts", facts.toString(),
        "--lang", "en")).as("%s", cli.err()).isZero();
    assertThat(cli.out()).contains("t.score").contains("FAIL");
  }

  @Test
  void should_refuse_a_jar_that_lists_no_provider_with_a_hint() throws IOException {
    Path jar = plugin(PROVIDER, false);

    assertThat(cli.run("packs", "--plugin", jar.toString())).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--plugin: '" + jar + "' lists no rule pack provider [Hint: a plugin jar lists"
        + " its provider class in META-INF/services/vn.conduct.rules.spi.RulePackProvider]");
  }
}
