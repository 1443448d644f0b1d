package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.io.FactsReader;

/**
 * Privacy by default (issue 14, part 3): {@code conduct evaluate} pseudonymises the people of the sample
 * district in every format, with a key drawn for the run unless {@code --pseudonym-key} gives one, and says
 * so; {@code --reveal-ids} shows them.
 */
class PrivacyCliTests {

  @TempDir
  static Path dir;

  static Path facts;
  static Path key;
  static Path otherKey;
  /** The sample's officers (hanoi-522 2.1.0 marks the type personal). */
  static List<Subject> officers;

  private final CliRun cli = new CliRun();

  @BeforeAll
  static void sample() throws Exception {
    CliRun demo = new CliRun();
    assertThat(demo.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    facts = Files.writeString(dir.resolve("district.yaml"), demo.out());
    key = Files.write(dir.resolve("office.key"), "a key kept by the district office".getBytes(StandardCharsets.UTF_8));
    otherKey = Files.write(dir.resolve("other.key"), "another key, for another purpose".getBytes(StandardCharsets.UTF_8));
    officers = new FactsReader().load("district.yaml", Files.readAllBytes(facts)).request().subjects().stream()
        .filter(s -> s.type().equals("officer")).toList();
    assertThat(officers).hasSizeGreaterThan(50).allSatisfy(o -> assertThat(o.name()).isNotBlank());
  }

  /** Asserts that no officer's id or name is in the text. */
  private static void assertNoOfficer(String text) {
    assertThat(text).doesNotContainPattern("\\bcb-\\d{3}\\b");
    for (Subject officer : officers) {
      assertThat(text).as(officer.id()).doesNotContain(officer.name());
    }
  }

  @Test
  void csv_prints_no_officer_name_and_no_raw_id_and_says_how_it_was_masked() {
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--format", "csv", "--lang", "en"))
        .as(cli.err()).isEqualTo(ConductCommand.OK);

    assertNoOfficer(cli.out());
    List<String> rows = cli.out().lines().toList();
    assertThat(rows.get(0)).endsWith(",risk_accepted,privacy");
    assertThat(rows).filteredOn(r -> r.contains(",officer,")).hasSizeGreaterThan(50)
        .allSatisfy(r -> assertThat(r).matches("p-[0-9a-f]{20},,officer,.*,pseudonyms/random-key/names-left-out"));
    // agencies are no people: their ids and names stay
    assertThat(cli.out()).contains("ubnd-ba-dinh,UBND quận Ba Đình,agency");
    assertThat(cli.err()).contains("conduct: Privacy: personal data (officer) pseudonymised with HMAC-SHA256"
        + " (p- and 20 hexadecimal digits) under a key drawn for this run (they match no other report);"
        + " names of people left out. [Hint: --pseudonym-key <file> for pseudonyms stable across runs, --reveal-ids"
        + " for the real ids]");
  }

  @Test
  void the_same_key_gives_the_same_pseudonyms_and_another_key_others() {
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "-f", "csv", "--pseudonym-key", key.toString()))
        .as(cli.err()).isEqualTo(ConductCommand.OK);
    String first = cli.out();
    assertThat(cli.err()).contains("theo khóa được cung cấp").doesNotContain("Gợi ý");
    cli.run("evaluate", "--facts", facts.toString(), "-f", "csv", "--pseudonym-key", key.toString());
    String again = cli.out();
    cli.run("evaluate", "--facts", facts.toString(), "-f", "csv", "--pseudonym-key", otherKey.toString());
    String other = cli.out();
    cli.run("evaluate", "--facts", facts.toString(), "-f", "csv");
    String random = cli.out();

    assertNoOfficer(first);
    assertThat(again).isEqualTo(first);
    assertThat(ids(other)).doesNotContainAnyElementsOf(ids(first));
    assertThat(ids(random)).doesNotContainAnyElementsOf(ids(first));
    assertThat(first).contains(vn.conduct.rules.io.Pseudonyms.withKey("a key kept by the district office"
        .getBytes(StandardCharsets.UTF_8)).of("cb-001") + ",,officer,ubnd-ba-dinh,");
  }

  private static List<String> ids(String csv) {
    return csv.lines().filter(r -> r.startsWith("p-")).map(r -> r.substring(0, 22)).distinct().toList();
  }

  @Test
  void every_format_of_one_run_is_masked_with_the_same_key_and_states_it() throws Exception {
    Path json = dir.resolve("run.json");
    Path csv = dir.resolve("run.csv");
    Path html = dir.resolve("run.html");

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--lang", "en", "--all", "--report",
        "json=" + json, "--report", "csv=" + csv, "--report", "html=" + html)).as(cli.err()).isEqualTo(ConductCommand.OK);

    String table = cli.out();
    for (String text : List.of(table, Files.readString(json), Files.readString(csv), Files.readString(html))) {
      assertNoOfficer(text);
    }
    assertThat(table).contains("Privacy: personal data (officer) pseudonymised");
    assertThat(Files.readString(html)).contains("<p class=\"privacy\">Privacy: personal data (officer)");
    assertThat(Files.readString(json)).contains("\"privacy\": {", "\"key\": \"random, drawn for this report");
    // one key for the run: the pseudonyms of the CSV are those of the JSON, the table and the page
    String first = ids(Files.readString(csv)).get(0);
    assertThat(Files.readString(json)).contains("\"id\": \"" + first + "\"");
    assertThat(table).contains(first);
    assertThat(Files.readString(html)).contains(first);
  }

  @Test
  void names_keeps_names_and_reveal_ids_shows_the_real_ids() {
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "-f", "csv", "--names")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).doesNotContainPattern("\\bcb-\\d{3}\\b").contains(",Phan Trọng Kiên,officer,")
        .contains("pseudonyms/random-key/names-kept");

    assertThat(cli.run("evaluate", "--facts", facts.toString(), "-f", "csv", "--reveal-ids"))
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("cb-001,Phan Trọng Kiên,officer,ubnd-ba-dinh,").doesNotContain("pseudonyms/");
    assertThat(cli.err()).doesNotContain("Privacy");
  }

  @Test
  void reveal_ids_with_a_key_or_names_is_a_usage_error_in_either_language() {
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--reveal-ids", "--pseudonym-key", key.toString(),
        "--lang", "en")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--reveal-ids shows the real ids and names: it goes with no --pseudonym-key"
        + " [Hint: leave one of the two out]");
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--reveal-ids", "--names", "--lang", "vi"))
        .isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--reveal-ids hiện mã và tên thật: không dùng cùng --names");
    assertThat(cli.run("evaluate", "--facts", facts.toString(), "--reveal-ids", "--names"))
        .as("without --lang, a usage error is in English, as every other").isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--reveal-ids shows the real ids and names: it goes with no --names");
  }

  @Test
  void demo_pseudonymises_too_and_explain_looks_up_the_named_officer_as_is() {
    assertThat(cli.run("demo", "--lang", "en")).isEqualTo(ConductCommand.OK);
    assertNoOfficer(cli.out());
    assertThat(cli.out()).contains("Privacy: personal data (officer) pseudonymised");

    assertThat(cli.run("explain", "--facts", facts.toString(), "--subject", "cb-001", "--lang", "en"))
        .as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("cb-001");
  }

  @Test
  void stream_masks_each_row_and_the_rankings_as_a_whole_run_does() throws Exception {
    Path pack = TestPack.write(Files.createDirectories(dir.resolve("stream")));
    String manifest = Files.readString(pack.resolve("pack.yaml"));
    Files.writeString(pack.resolve("pack.yaml"), manifest.replace("format: 1", "format: 2")
        .replace("    officer:\n      attributes:", "    officer:\n      personal: true\n      attributes:"));
    StringBuilder subjects = new StringBuilder("id,type,name,attr.group\n");
    StringBuilder observations = new StringBuilder("subject,indicator,value\n");
    for (int i = 1; i <= 9; i++) {
      subjects.append("o").append(i).append(",officer,Người số ").append(i).append(',')
          .append(i % 2 == 0 ? "g" : "h").append('\n');
      observations.append("o").append(i).append(",score,").append(55 + 5 * i).append('\n');
    }
    Path s = Files.writeString(dir.resolve("stream/subjects.csv"), subjects);
    Path o = Files.writeString(dir.resolve("stream/observations.csv"), observations);
    Path ranks = dir.resolve("stream/rankings.csv");
    List<String> whole = List.of("evaluate", "-p", pack.toString(), "--subjects", s.toString(), "--observations",
        o.toString(), "--as-of", "2025-06-30", "--format", "csv", "--pseudonym-key", key.toString());
    assertThat(cli.run(whole.toArray(String[]::new))).as(cli.err()).isZero();
    List<String> rows = cli.out().lines().toList();
    List<String> streamed = new java.util.ArrayList<>(whole);
    streamed.addAll(List.of("--stream", "--stream-part", "2", "--rankings", ranks.toString()));
    assertThat(cli.run(streamed.toArray(String[]::new))).as(cli.err()).isZero();

    // the same masked rows (in input order, ranks in the rankings file), no real id or name anywhere
    String text = cli.out() + Files.readString(ranks);
    assertThat(text).doesNotContainPattern("\\bo\\d\\b").doesNotContain("Người số");
    assertThat(cli.out().lines().toList()).containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> {
      String[] cells = r.split(",", -1);
      if (!r.equals(rows.get(0))) { // the header row keeps its titles
        cells[12] = "";
        cells[13] = "";
      }
      return String.join(",", cells);
    }).toList());
    assertThat(Files.readAllLines(ranks)).hasSize(10).allSatisfy(r -> assertThat(r).containsPattern(
        "^(Bộ quy tắc,|cli-out,monthly,[gh],\\d+,p-[0-9a-f]{20},)"));
    assertThat(cli.err()).contains("theo khóa được cung cấp");
  }
}
