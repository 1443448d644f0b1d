package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The help in Vietnamese with --lang vi (a picocli resource bundle), in English otherwise. */
class HelpLanguageTests {

  private final CliRun cli = new CliRun();

  @Test
  void should_print_the_top_level_help_in_vietnamese_with_lang_vi() {
    assertThat(cli.run("--lang", "vi", "--help")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).startsWith("Cách dùng: conduct ")
        .contains("Kiểm tra bộ quy tắc ứng xử và đánh giá dữ liệu theo các bộ quy tắc đó.")
        .contains("Các lệnh:").contains("  demo                 Đánh giá dữ liệu mẫu Hà Nội")
        .contains("Mã thoát:").contains("Hiện trợ giúp này rồi thoát.")
        .doesNotContain("Usage:", "Show this help message", "Exit codes:", "Validates rule packs");
  }

  @Test
  void should_print_a_command_help_in_vietnamese_wherever_lang_vi_stands() {
    for (String command : List.of("demo", "evaluate", "check", "test", "explain", "form", "packs", "new-pack",
        "waivers check", "decisions check", "diff", "impact")) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.addAll(List.of("--help", "--lang=vi"));
      assertThat(cli.run(args.toArray(String[]::new))).as(command).isEqualTo(ConductCommand.OK);
      assertThat(cli.out()).as(command).startsWith("Cách dùng: conduct " + command)
          .doesNotContain("Show this help message", "Print version information", "The default", "(the default",
              "Repeatable", "Exits 0");
    }
    assertThat(cli.run("evaluate", "--lang", "vi", "--help")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("Ngày quyết định: dữ liệu ghi nhận sau");
  }

  @Test
  void should_print_the_help_in_english_by_default_and_with_lang_en() {
    assertThat(cli.run("--help")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).startsWith("Usage: conduct ").contains("Exit codes:").doesNotContain("Cách dùng");
    assertThat(cli.run("demo", "--lang", "en", "--help")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).startsWith("Usage: conduct demo").contains("Print the sample facts file");
  }

  @Test
  void should_name_only_commands_and_options_that_exist_in_the_vietnamese_help() throws IOException {
    Properties help = new Properties();
    try (InputStream in = HelpLanguageTests.class.getResourceAsStream("/vn/conduct/cli/help_vi.properties")) {
      help.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    CommandLine root = new CommandLine(new ConductCommand());
    List<String> stale = new ArrayList<>();
    for (String key : help.stringPropertyNames()) {
      if (key.startsWith("usage.") || key.equals("help") || key.equals("version")) {
        continue;
      }
      if (!named(root, key.substring("conduct.".length()))) {
        stale.add(key);
      }
    }
    assertThat(stale).as("keys that name no command, option or usage section").isEmpty();
  }

  /** Whether {@code rest} (after "conduct.") is a usage section, option or positional of some command. */
  private static boolean named(CommandLine command, String rest) {
    CommandSpec spec = command.getCommandSpec();
    if (rest.startsWith("usage.")) {
      return true;
    }
    String name = rest.replaceFirst("\\.\\d+$", "");
    if (spec.options().stream().anyMatch(o -> o.longestName().replaceFirst("^-+", "").equals(name))
        || spec.positionalParameters().stream().anyMatch(p -> (p.paramLabel() + "[" + p.index() + "]").equals(name))) {
      return true;
    }
    int dot = rest.indexOf('.');
    CommandLine sub = dot < 0 ? null : command.getSubcommands().get(rest.substring(0, dot));
    return sub != null && named(sub, rest.substring(dot + 1));
  }

}
