package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples are hosts: they use the engine's public packages ({@code api}, {@code spi},
 * {@code io}) and nothing under {@code vn.conduct.rules.internal}, which may change in any release.
 */
class ApiOnlyTests {

  @Test
  void no_example_uses_rules_core_internals() throws IOException {
    // GIVEN every Java source of every example (this module runs from examples/cli)
    Path examples = Path.of("").toAbsolutePath().getParent();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(examples)) {
      sources = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !examples.relativize(f).toString().contains("target")).toList();
    }
    // WHEN
    List<String> offenders = sources.stream().filter(ApiOnlyTests::usesInternals)
        .map(f -> examples.relativize(f).toString()).toList();
    // THEN
    assertThat(sources).as("example sources found").isNotEmpty();
    assertThat(offenders).as("examples that use rules-core internals").isEmpty();
  }

  /** An import or qualified name of an internal type (spelt in two parts so this file does not match). */
  private static final String INTERNAL = "vn.conduct.rules" + ".internal.";

  private static boolean usesInternals(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).contains(INTERNAL);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
