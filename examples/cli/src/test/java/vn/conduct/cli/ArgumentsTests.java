package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad value on the command line is one line on the standard error, exit code 2: the option,
 * what was given, what is expected and an example; never the usage, never a Java exception.
 */
class ArgumentsTests {

  private final CliRun cli = new CliRun();

  @TempDir
  static Path directory;

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(new String[] {"packs", "--as-of", "2025-13-01"},
            "--as-of: '2025-13-01' is not a date: month 13 is not 1–12 [Hint: write yyyy-mm-dd, e.g. 2025-06-30]"),
        Arguments.of(new String[] {"packs", "--as-of", "2025-02-29"},
            "--as-of: '2025-02-29' is not a date: day 29 is not in February 2025 (1–28) [Hint: write yyyy-mm-dd,"
                + " e.g. 2025-06-30]"),
        Arguments.of(new String[] {"form", "hanoi-models", "-t", "market", "--as-of", "30/06/2025"},
            "--as-of: '30/06/2025' is not a date [Hint: write yyyy-mm-dd, e.g. 2025-06-30]"),
        Arguments.of(new String[] {"evaluate", "--subjects", "s.csv", "--as-of", "June"},
            "--as-of: 'June' is not a date [Hint: write yyyy-mm-dd, e.g. 2025-06-30]"),
        Arguments.of(new String[] {"packs", "--lang", "vn"},
            "--lang: 'vn' is the country code of Viet Nam, not a language [Hint: Vietnamese is vi, e.g. --lang vi]"),
        Arguments.of(new String[] {"packs", "--lang", "1é"},
            "--lang: '1é' is not a language [Hint: use vi or en, e.g. --lang en]"),
        Arguments.of(new String[] {"form", "hanoi-models", "-t", "market", "--format", "pdf"},
            "--format: 'pdf' is not one of markdown, html, csv [Hint: e.g. --format html]"),
        Arguments.of(new String[] {"evaluate", "--format", "xml"},
            "--format: 'xml' is not one of table, json, csv, html [Hint: e.g. --format json]"),
        Arguments.of(new String[] {"packs", "--pin", "hanoi-3814"},
            "--pin: 'hanoi-3814' is not <id>=<version> [Hint: e.g. --pin hanoi-units=1.1.0]"),
        Arguments.of(new String[] {"packs", "--pin", "hanoi-3814=1.0"},
            "--pin: '1.0' is not a version major.minor.patch [Hint: e.g. --pin hanoi-units=1.1.0; 'conduct packs'"
                + " lists the versions]"),
        Arguments.of(new String[] {"packs", "--pin", "hanoi-3814=1.0.0", "--pin", "hanoi-3814=2.0.0"},
            "--pin: hanoi-3814 is pinned twice, to 1.0.0 and 2.0.0 [Hint: pin each pack once]"),
        Arguments.of(new String[] {"packs", "--param", "hanoi-3814=40"},
            "--param: 'hanoi-3814=40' is not <id>:<name>=<value> [Hint: e.g."
                + " --param hanoi-3814:task-completion-pass-percent=80]"),
        Arguments.of(new String[] {"packs", "--param", "a:b=1", "--param", "a:b=2"},
            "--param: a:b is given twice, '1' and '2' [Hint: give each parameter once]"),
        Arguments.of(new String[] {"test", directory.toString(), "--min-rules", "ninety"},
            "--min-rules: 'ninety' is not a number [Hint: write digits with an optional decimal point, e.g. 90 or 87.5]"),
        Arguments.of(new String[] {"test", directory.toString(), "--min-clauses", "150"},
            "--min-clauses: 150 is not a percentage from 0 to 100 [Hint: e.g. --min-clauses 90]"),
        Arguments.of(new String[] {"explain", "--facts", "no-such-facts.yaml", "-s", "cb-001"},
            "--facts: 'no-such-facts.yaml' does not exist [Hint: give an existing file; a relative path starts at "
                + Path.of("").toAbsolutePath() + "]"),
        Arguments.of(new String[] {"evaluate", "--subjects", directory.toString(), "--as-of", "2025-06-30"},
            "--subjects: '" + directory + "' is a folder, not a file [Hint: give a file in it]"),
        Arguments.of(new String[] {"packs", "--pack", "./no-such-pack"},
            "--pack: folder './no-such-pack' does not exist [Hint: give the folder that holds pack.yaml, or the id"
                + " of a pack on the class path such as hanoi-522]"),
        Arguments.of(new String[] {"evalute", "--facts", "june.yaml"},
            "'evalute' is not a command [Hint: did you mean evaluate? 'conduct --help' lists the commands]"),
        Arguments.of(new String[] {"evaluate", "--fact", "june.yaml"},
            "unknown option '--fact' for 'conduct evaluate' [Hint: did you mean --facts? 'conduct evaluate --help'"
                + " lists the options]"),
        Arguments.of(new String[] {"form", "hanoi-models"},
            "Missing required option: '--subject-type=<type>' [Hint: 'conduct form --help' lists the options]"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void should_refuse_a_bad_value_in_one_line_naming_the_option_the_value_and_an_example(String[] args,
      String message) {
    assertThat(cli.run(args)).isEqualTo(ConductCommand.USAGE);

    assertThat(cli.err()).isEqualTo("conduct: " + message + System.lineSeparator());
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void should_refuse_a_file_where_a_pack_folder_is_expected() throws IOException {
    Path file = Files.writeString(directory.resolve("pack.yaml"), "id: x\n");

    assertThat(cli.run("check", file.toString())).isEqualTo(ConductCommand.USAGE);

    assertThat(cli.err()).isEqualTo("conduct: <pack-dir>: '" + file + "' is a file, not a folder [Hint: give the"
        + " folder that holds pack.yaml]" + System.lineSeparator());
  }

  @Test
  void should_word_mistakes_on_the_command_line_in_the_language_of_lang() {
    assertThat(cli.run("packs", "--lang", "vi", "--as-of", "2025-02-29")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).isEqualTo("conduct: --as-of: '2025-02-29' không phải là ngày: tháng 2 năm 2025 không có ngày 29"
        + " (1–28) [Gợi ý: viết yyyy-mm-dd, ví dụ 2025-06-30]" + System.lineSeparator());

    assertThat(cli.run("--lang", "vi", "evalute")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).startsWith("conduct: 'evalute' không phải là lệnh [Gợi ý: có phải ý bạn là evaluate?");

    assertThat(cli.run("evaluate", "--lang", "vi")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).isEqualTo("conduct: đưa dữ liệu: --facts <tệp>, hoặc --subjects <csv> cùng --as-of hoặc"
        + " --period" + System.lineSeparator());

    assertThat(cli.run("packs", "--as-of", "2025-02-29")).as("English without --lang").isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("is not a date: day 29 is not in February 2025 (1–28)");
  }

  @Test
  void should_read_english_for_a_language_it_has_no_texts_in() {
    assertThat(cli.run("packs", "--lang", "fr")).as(cli.err()).isZero();
    String french = cli.out();
    assertThat(cli.run("packs", "--lang", "en")).isZero();

    assertThat(french).isEqualTo(cli.out()).contains("hanoi-522");
    assertThat(cli.run("packs", "--lang", "vi")).isZero();
    assertThat(cli.out()).as("Vietnamese differs").isNotEqualTo(french);
  }

  @Test
  void should_show_control_characters_in_a_value_escaped_never_raw() {
    assertThat(cli.run("packs", "--lang", "\u001b[2J\rfr\u202e")).isEqualTo(ConductCommand.USAGE);

    assertThat(cli.err()).isEqualTo("conduct: --lang: '\\e[2J\\rfr\\u202E' is not a language [Hint: use vi or en,"
        + " e.g. --lang en]" + System.lineSeparator());
  }

  @Test
  void should_escape_control_characters_in_a_mistyped_command() {
    assertThat(cli.run("\u001b]0;owned\u0007")).isEqualTo(ConductCommand.USAGE);

    assertThat(cli.err()).startsWith("conduct: '\\e]0;owned\\x07' is not a command").doesNotContain("\u001b");
  }
}
