package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile facts files are refused with a located error in a JVM with little memory: the limits
 * are checked while streaming, so memory stays linear in the input. These run the reader in a
 * forked JVM with a small heap; the times they take are recorded in BENCHMARKS.md, not asserted.
 */
class BoundedResourcesTests {

  @TempDir
  Path dir;

  /** Runs {@link ReadFactsMain} on a file with {@code -Xmx<heap>}; returns its exit code and output. */
  private Result read(Path file, String heap) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), ReadFactsMain.class.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("reader finished").isTrue();
    return new Result(process.exitValue(), output.lines().toList());
  }

  private record Result(int exit, List<String> lines) { }

  @Test
  void should_refuse_a_facts_file_nested_100_000_levels_deep_in_a_256_megabyte_heap() throws Exception {
    Path file = dir.resolve("deep.yaml");
    Files.writeString(file, "as-of: 2025-06-30\nsubjects: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
    assertThat(Files.size(file)).isBetween(200_000L, 210_000L);

    Result result = read(file, "256m");

    assertThat(result.exit()).as("exit code; output %s", result.lines()).isEqualTo(1);
    assertThat(result.lines()).containsExactly("ERROR   deep.yaml:2:74  subjects" + "[0]".repeat(63)
        + ": collections nest more than 64 levels deep here [Hint: files may nest at most 64 levels] [yaml.depth]");
  }

  @Test
  void should_refuse_a_json_facts_file_nested_deeply_in_a_256_megabyte_heap() throws Exception {
    Path file = dir.resolve("deep.json");
    Files.writeString(file, "{\"as-of\": \"2025-06-30\", \"subjects\": " + "[".repeat(100_000)
        + "]".repeat(100_000) + "}");

    Result result = read(file, "256m");

    assertThat(result.exit()).as("exit code; output %s", result.lines()).isEqualTo(1);
    assertThat(result.lines()).singleElement().asString().startsWith("ERROR   deep.json:1:100  subjects" + "[0]".repeat(63) + ":")
        .endsWith("[yaml.depth]");
  }

  @Test
  void should_refuse_a_facts_file_over_eight_mebibytes_before_parsing_it() throws Exception {
    Path file = dir.resolve("big.yaml");
    String line = "# " + "x".repeat(1021) + File.separator.replace(File.separator, "\n");
    Files.writeString(file, "as-of: 2025-06-30\n" + line.repeat(8 * 1024 + 1));

    Result result = read(file, "128m");

    assertThat(result.exit()).as("exit code; output %s", result.lines()).isEqualTo(1);
    assertThat(result.lines()).singleElement().asString()
        .startsWith("ERROR   big.yaml:8193:").contains("over the limit of 8388608 bytes (8 MiB)").endsWith("[yaml.size]");
  }
}
