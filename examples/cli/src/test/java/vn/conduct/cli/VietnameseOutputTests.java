package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Vietnamese demo speaks Vietnamese: no English word of the CLI's own leaks into it. */
class VietnameseOutputTests {

  /** English words the CLI used to leak into Vietnamese output, and an ISO-8601 duration. */
  static final Set<String> DENIED = Set.of("points", "point", "period", "within", "group", "groups", "pass", "passed",
      "fail", "failed", "unknown", "rating", "rated", "score", "scores", "rank", "ranked", "ranking", "subjects",
      "subject", "members", "member", "evidence", "waived", "waiver", "compliant", "total", "average", "none", "layer",
      "layers", "pinned", "without", "each", "months", "month", "days", "weeks", "years", "unit", "units", "commune",
      "item", "items", "rule", "override", "contest", "review", "history", "pending");

  /**
   * A word: letters only, standing alone. Identifiers from pack data (rule ids such as
   * {@code hanoi-522.r3}, checklist ids, citations with dots, dashes, digits or underscores) are
   * one token with their punctuation, so their parts are not words of the CLI's.
   */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-/:]*[\\p{L}\\p{N}_]|[\\p{L}\\p{N}_]");

  private static final Pattern DURATION = Pattern.compile("(?<![\\p{L}\\p{N}])P(\\d+[YMWD])+(T\\d+[HMS])*(?![\\p{L}\\p{N}])|PT\\d+[HMS]");

  @Test
  void should_print_the_demo_in_vietnamese_without_english_words() throws IOException {
    CliRun cli = new CliRun();
    assertThat(cli.run("demo")).isEqualTo(ConductCommand.OK);
    String out = cli.out();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/demo-vi.txt"), out, StandardCharsets.UTF_8);
    // rules-core words a declared unit in the reader's language too (9 điểm, not 9 points)
    assertThat(leaks(out)).as("English words in the Vietnamese demo").isEmpty();
    assertThat(out).contains(" điểm (yêu cầu ");
  }

  @Test
  void should_print_decisions_and_waivers_in_vietnamese_without_english_words() throws IOException {
    CliRun cli = new CliRun();
    Path dir = Files.createDirectories(Path.of("target/vi-decisions"));
    assertThat(cli.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    Path facts = Files.writeString(dir.resolve("facts.yaml"), cli.out());
    assertThat(cli.run("demo", "--print-decisions")).isEqualTo(ConductCommand.OK);
    Path decisions = Files.writeString(dir.resolve("decisions.yaml"), cli.out());
    assertThat(cli.run("demo", "--print-waivers")).isEqualTo(ConductCommand.OK);
    Path waivers = Files.writeString(dir.resolve("waivers.yaml"), cli.out());

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--decisions", decisions.toString(), "--waivers",
        waivers.toString())).as(cli.err()).isEqualTo(ConductCommand.OK);

    String out = cli.out();
    assertThat(out).contains("quá trình: ");
    // the reasons the sample's people wrote are theirs (English in the sample); the CLI's own words are checked
    String own = out.lines().map(l -> l.contains(" — ") ? l.substring(0, l.indexOf(" — ")) : l)
        .collect(java.util.stream.Collectors.joining("\n"));
    assertThat(leaks(own)).as("English words in the Vietnamese report with decisions and waivers").isEmpty();
  }

  @Test
  void should_find_a_leak_when_there_is_one() {
    assertThat(leaks("Điểm 80 points trong P12M; hanoi-522.points và group-id không tính"))
        .containsExactly("points @ Điểm 80 points trong P12M; hanoi-522.points và group-id không tính",
            "P12M @ Điểm 80 points trong P12M; hanoi-522.points và group-id không tính");
  }

  static List<String> leaks(String out) {
    List<String> leaks = new ArrayList<>();
    for (String line : out.split("\n")) {
      Matcher token = TOKEN.matcher(line);
      while (token.find()) {
        if (DENIED.contains(token.group().toLowerCase(Locale.ROOT))) {
          leaks.add(token.group() + " @ " + line.strip());
        }
      }
      Matcher duration = DURATION.matcher(line);
      while (duration.find()) {
        leaks.add(duration.group() + " @ " + line.strip());
      }
    }
    return leaks;
  }
}
