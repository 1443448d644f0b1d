package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line writes the same bytes whatever the platform: under a Turkish locale (where
 * {@code "FAIL".toLowerCase()} is {@code "faıl"}) and a default charset that cannot hold Vietnamese
 * ({@code LANG=C}, {@code file.encoding=ISO-8859-1}), its standard output and error are byte for
 * byte the UTF-8 of what it writes under an English locale.
 *
 * <p>The default charset cannot be changed inside a running JVM, so {@code conduct} runs in a JVM of
 * its own, through its {@code main}, on this test's class path; the reference is the same command
 * run in-process under {@link Locale#US}. Each fork starts a JVM (and the demo compiles the Hanoi
 * packs), which makes this the slowest class of the suite.
 */
class LocaleAndCharsetTests {

  private static final String FACTS = """
      as-of: 2025-06-30
      subjects:
        - {id: o1, type: officer, name: "Nguyễn Văn An", attributes: {group: "Tổ İstanbul"}}
        - {id: o2, type: officer, name: "Trần Thị Bình", attributes: {group: "Tổ İstanbul"}}
        - {id: o3, type: officer, name: "Đặng Quốc Tuấn", attributes: {group: "Tổ İstanbul"}}
      observations:
        - {subject: o1, indicator: score, value: 92.5}
        - {subject: o2, indicator: score, value: 64}
      events:
        - {subject: o1, type: late, date: 2025-06-03, attributes: {minutes: 12.5}}
      """;

  @TempDir
  static Path directory;

  private static Path pack;
  private static Path facts;
  private static Path key;

  @BeforeAll
  static void write() throws IOException {
    pack = TestPack.write(directory);
    facts = directory.resolve("june.yaml");
    Files.writeString(facts, FACTS, StandardCharsets.UTF_8);
    // the same pseudonyms in both runs (without a key each run draws its own)
    key = Files.writeString(directory.resolve("pseudonym.key"), "a key for the runs of this test..");
  }

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("demo", List.of("demo", "--pseudonym-key", "{key}")),
        Arguments.of("evaluate, table", List.of("evaluate", "-p", "{pack}", "--facts", "{facts}", "--all")),
        Arguments.of("evaluate, json", List.of("evaluate", "-p", "{pack}", "--facts", "{facts}", "-f", "json")),
        Arguments.of("evaluate, csv", List.of("evaluate", "-p", "{pack}", "--facts", "{facts}", "-f", "csv",
            "--lang", "en")),
        Arguments.of("evaluate, html", List.of("evaluate", "-p", "{pack}", "--facts", "{facts}", "-f", "html",
            "--lang", "en")),
        Arguments.of("help", List.of("--help")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void should_write_the_same_utf8_bytes_under_a_turkish_locale_and_an_iso_8859_1_default(String name,
      List<String> template) throws Exception {
    String[] args = template.stream().map(a -> a.replace("{pack}", pack.toString()).replace("{facts}", facts.toString())
        .replace("{key}", key.toString()))
        .toArray(String[]::new);
    CliRun reference = new CliRun();
    int expectedCode;
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      expectedCode = reference.run(args);
    } finally {
      Locale.setDefault(before);
    }

    Forked run = fork(args);

    assertThat(run.code).as("exit code; stderr: %s", run.errText()).isEqualTo(expectedCode);
    assertThat(run.out).as("stdout").isEqualTo(reference.out().getBytes(StandardCharsets.UTF_8));
    assertThat(run.err).as("stderr").isEqualTo(reference.err().getBytes(StandardCharsets.UTF_8));
    assertThat(reference.out()).as("the scenario writes text a non-UTF-8 charset cannot hold").containsPattern("[ĐđễạịầưƯ]");
  }

  private record Forked(int code, byte[] out, byte[] err) {
    String errText() {
      return new String(err, StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code conduct} through its main in a JVM of Turkish locale and ISO-8859-1 default charset, under LANG=C. */
  private static Forked fork(String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(),
        "-Dfile.encoding=ISO-8859-1", "-Duser.language=tr", "-Duser.country=TR",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), ConductCommand.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(directory, "stdout", ".bin");
    Path err = Files.createTempFile(directory, "stderr", ".bin");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> key.startsWith("LC_"));
    environment.put("LANG", "C");
    environment.put("LC_ALL", "C");
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("conduct %s did not finish in 10 minutes", String.join(" ", args));
    }
    return new Forked(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
  }
}
