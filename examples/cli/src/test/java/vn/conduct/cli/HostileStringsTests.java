package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, "never crash, never leak, never hide": ids, names, attribute values and event
 * attributes holding terminal escapes (ESC[2J, OSC 0;title BEL), CR, LF, U+202E and spreadsheet
 * formulas, from a facts file and from CSV files, in every output format and both languages. What
 * {@code evaluate … | cat -v} shows must hold no raw ESC, BEL, CR or bidirectional override, no line
 * an input string forged, and every CSV text cell must be guarded; the strings are still shown,
 * escaped, and the JSON keeps them exactly.
 */
class HostileStringsTests {

  private static final String CLEAR = "\u001B[2J";
  private static final String TITLE = "\u001B]0;pwned\u0007";
  private static final String FORGED = "ERROR pack.yaml:1:1 forged";
  private static final String O1 = "o1" + CLEAR;
  private static final String O2 = "o2\n" + FORGED;

  /** YAML double-quoted escapes: \e ESC, \a BEL, \r CR, \n LF, \t TAB, \u202E RIGHT-TO-LEFT OVERRIDE. */
  private static final String FACTS = """
      as-of: 2025-06-30
      subjects:
        - {id: "o1\\e[2J", type: officer, name: "=cmd|' /C calc'!A0", attributes: {group: "\\t=1"}}
        - {id: "o2\\nERROR pack.yaml:1:1 forged", type: officer, name: "\\e]0;pwned\\a\\u202Eexe.gnp", attributes: {group: "\\r=1"}}
        - {id: o3, type: officer, name: "line\\r\\nERROR facts.yaml:1:1 forged", parent: "\\t=1", attributes: {group: "\\e[31mred"}}
        - {id: o4, type: "officer\\e[2J", name: "@SUM(1+1)*cmd|' /C calc'!A0"}
      observations:
        - {subject: "o1\\e[2J", indicator: score, value: 82}
        - {subject: "o2\\nERROR pack.yaml:1:1 forged", indicator: score, value: 64}
        - {subject: o3, indicator: score, value: "\\e[2J80\\u202E"}
        - {subject: o3, indicator: "\\e]0;title\\a", value: 1}
      events:
        - {subject: o3, type: late, date: 2025-06-03, attributes: {minutes: "\\e[5m\\r\\nERROR pack.yaml:1:1 forged", note: "\\u202E"}}
        - {subject: "ghost\\e[2J", type: late, date: 2025-06-04}
        - {subject: o3, type: "late\\a\\nERROR pack.yaml:1:1 forged", date: 2025-06-05}
      """;

  private static final String SUBJECTS_CSV = "id,type,name,parent,attr.group\r\n"
      + "\"" + O1 + "\",officer,\"=cmd|' /C calc'!A0\",,\"\t=1\"\r\n"
      + "\"" + O2 + "\",officer,\"" + TITLE + "\u202Eexe.gnp\",,\"\r=1\"\r\n"
      + "o3,officer,\"line\r\n" + FORGED + "\",\"" + O1 + "\",\"\u001B[31mred\"\r\n"
      + "o4,\"officer" + CLEAR + "\",\"@SUM(1+1)\",,\r\n"
      + "\"\",officer,\"" + TITLE + "\",,\r\n";
  private static final String EVENTS_CSV = "id,subject,type,date,attr.minutes\r\n"
      + "e1,o3,late,2025-06-03,\"" + CLEAR + "\r\n" + FORGED + "\"\r\n"
      + "e2,\"ghost" + CLEAR + "\",late,2025-06-04,\r\n"
      + "e3,o3,late,\"2025-06-3" + CLEAR + "\",\r\n"
      + "e4,o3,\"late\u0007\n" + FORGED + "\",2025-06-05,\r\n"
      + "\"e1\u202E\",o3,late,2025-06-06,\r\n"
      + "\"e1\u202E\",o3,late,2025-06-07,\r\n";
  private static final String OBSERVATIONS_CSV = "subject,indicator,value,observed-by,method\r\n"
      + "\"" + O1 + "\",score,82,\"" + TITLE + "\",\"\r=1\"\r\n"
      + "\"" + O2 + "\",score,64,,\r\n"
      + "o3,score,\"" + CLEAR + "80\u202E\",,\r\n"
      + "o3,\"" + TITLE + "\",1,,\r\n";

  private static final Set<String> NUMERIC_COLUMNS = Set.of("score", "maximum", "evidence_percent", "rated", "rank",
      "pass", "fail", "unknown", "not_applicable", "error", "compliant");

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  private Path pack;
  private Path facts;
  private Path subjects;
  private Path events;
  private Path observations;

  @BeforeEach
  void write() throws IOException {
    pack = TestPack.write(directory);
    facts = write("hostile.yaml", FACTS);
    subjects = write("subjects.csv", SUBJECTS_CSV);
    events = write("events.csv", EVENTS_CSV);
    observations = write("observations.csv", OBSERVATIONS_CSV);
  }

  private Path write(String name, String text) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static Stream<Arguments> formatsAndLanguages() {
    List<Arguments> cases = new ArrayList<>();
    for (String input : List.of("facts", "csv")) {
      for (String format : List.of("table", "csv", "html", "json")) {
        for (String lang : List.of("vi", "en")) {
          cases.add(Arguments.of(input, format, lang));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} input, {1}, --lang {2}")
  @MethodSource("formatsAndLanguages")
  void should_never_let_an_input_string_reach_the_terminal_raw(String input, String format, String lang)
      throws IOException {
    Path report = directory.resolve("report." + format);
    List<String> args = new ArrayList<>(List.of("evaluate", "-p", pack.toString(), "--format", format, "--lang", lang,
        "--all"));
    if (input.equals("facts")) {
      args.addAll(List.of("--facts", facts.toString()));
    } else {
      args.addAll(List.of("--subjects", subjects.toString(), "--events", events.toString(), "--observations",
          observations.toString(), "--as-of", "2025-06-30"));
    }

    int code = cli.run(args.toArray(String[]::new));
    String stdout = cli.out();
    String stderr = cli.err();
    args.addAll(List.of("-o", report.toString()));
    assertThat(cli.run(args.toArray(String[]::new))).isEqualTo(code);
    byte[] file = Files.readAllBytes(report);

    assertThat(code).as(stderr).isEqualTo(input.equals("csv") ? ConductCommand.INVALID : ConductCommand.OK);
    assertThat(strictUtf8(file)).as("the file holds what the standard output got").isEqualTo(stdout);
    assertThat(stdout).isNotEmpty();
    assertNoForgedLine(stderr, "stderr");
    assertNoRawControl(stderr, "stderr", false);
    if (input.equals("csv") && lang.equals("vi")) {
      assertThat(stderr).as("rejections in Vietnamese, quoting the rows escaped")
          .contains("subjects.csv:9  id: bị trống; đây là cột bắt buộc")
          .contains("events.csv:4  subject: không có đối tượng 'ghost\\e[2J' trong tệp đối tượng")
          .contains("conduct: đã đọc 5 đối tượng (3 được đánh giá, 1 bị từ chối, 1 bị bỏ qua), 6 sự kiện");
    } else if (input.equals("csv")) {
      // a lone CR inside quotes ends a line, as in editors: o2's group "\r=1" moves the later rows down
      assertThat(stderr).as("rejections quote the rows, escaped")
          .contains("subjects.csv:9  id: is empty; it is required")
          .contains("events.csv:4  subject: no subject 'ghost\\e[2J' in the subjects file")
          .contains("events.csv:5  date: '2025-06-3\\e[2J' is not a date yyyy-mm-dd")
          .contains("events.csv:9  id: duplicate event id 'e1\\u202E', first on line 8")
          .contains("conduct: read 5 subjects (3 evaluated, 1 rejected, 1 ignored), 6 events (2 evaluated,"
              + " 3 rejected, 1 ignored), 4 observations (3 evaluated, 0 rejected, 1 ignored); records read 15"
              + " = 8 evaluated + 4 rejected + 3 ignored");
      if (format.equals("csv")) {
        assertThat(stderr).as("a CSV report has no room for ignored facts: they are listed here")
            .contains("subjects.csv:8  type: subject 'o4' has type 'officer\\e[2J'")
            .contains("events.csv:6  type: event type 'late\\x07\\nERROR pack.yaml:1:1 forged' is not declared");
      }
    }
    switch (format) {
      case "json" -> {
        JsonNode json = new ObjectMapper().readTree(file);
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        json.path("subjects").forEach(s -> {
          ids.add(s.path("id").asText());
          names.add(s.path("name").asText());
        });
        assertThat(ids).as("JSON keeps the data exactly").contains(O1, O2, "o3");
        assertThat(names).contains("=cmd|' /C calc'!A0", TITLE + "\u202Eexe.gnp");
        assertThat(new String(file, StandardCharsets.UTF_8)).as("escaped by JSON's own rules")
            .contains("o1\\u001B[2J").contains("o2\\nERROR pack.yaml:1:1 forged");
      }
      case "csv" -> {
        assertNoRawControl(stdout, "csv", true);
        assertNoForgedLine(stdout, "csv");
        assertEveryTextCellGuarded(stdout);
        assertThat(stdout).contains("o1\\e[2J").contains(",'=cmd|' /C calc'!A0,")
            .contains("\\e]0;pwned\\x07\\u202Eexe.gnp");
        if (input.equals("facts")) {
          assertThat(stdout).as("a tab or CR before '=' shows, and no formula starts the cell")
              .contains(",\\t=1,").contains(",\\r=1,");
        } else {
          assertThat(stdout).as("CSV input cells are stripped: the '=' comes first, and is guarded").contains(",'=1,");
        }
      }
      case "html" -> {
        assertNoRawControl(stdout, "html", false);
        assertNoForgedLine(stdout, "html");
        assertThat(stdout).contains("o1\\e[2J").contains("o2\\nERROR pack.yaml:1:1 forged")
            .contains("\\e]0;pwned\\x07\\u202Eexe.gnp").doesNotContain("<script");
      }
      default -> {
        assertNoRawControl(stdout, "table", false);
        assertNoForgedLine(stdout, "table");
        assertThat(stdout).contains("o1\\e[2J").contains("o2\\nERROR pack.yaml:1:1 forged")
            .contains("\\e]0;pwned\\x07\\u202Eexe.gnp").contains("line\\r\\nERROR ");
      }
    }
  }

  @Test
  void should_refuse_a_csv_header_naming_the_column_escaped() throws IOException {
    Path bad = write("bad.csv", "id,type,\"" + TITLE + "\ncolour\"\no1,officer,x\n");

    assertThat(cli.run("evaluate", "-p", pack.toString(), "--subjects", bad.toString(), "--as-of", "2025-06-30",
        "--lang", "en")).isEqualTo(ConductCommand.INVALID);

    assertThat(cli.err()).contains("bad.csv:1  unknown column '\\e]0;pwned\\x07\\ncolour'");
    assertNoRawControl(cli.err(), "stderr", false);
    assertThat(cli.err().lines()).hasSize(1);
  }

  @Test
  void should_show_or_refuse_a_nul_but_never_print_it() throws IOException {
    Path nul = write("nul.yaml", "as-of: 2025-06-30\nsubjects:\n  - {id: \"o\\0x\", type: officer, name: \"a\\0b\"}\n");

    int code = cli.run("evaluate", "-p", pack.toString(), "--facts", nul.toString(), "--lang", "en");

    assertThat(code).isIn(ConductCommand.OK, ConductCommand.INVALID);
    assertNoRawControl(cli.out() + cli.err(), "output", false);
    if (code == ConductCommand.OK) {
      assertThat(cli.out()).contains("o\\x00x").contains("a\\x00b");
    }
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return fail("not UTF-8: " + e);
    }
  }

  /** No C0 or C1 control but LF (and, in CSV, the CR of each CRLF record end), no bidi override, no U+2028/9. */
  static void assertNoRawControl(String text, String what, boolean crlfRecords) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean recordEnd = crlfRecords && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      boolean control = (c < 0x20 && c != '\n' && !recordEnd) || (c >= 0x7F && c <= 0x9F);
      boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028'
          || c == '\u2029';
      if (control || bidi) {
        int from = Math.max(0, i - 40);
        fail("%s holds a raw U+%04X at %d: ...%s", what, (int) c, i, text.substring(from, Math.min(text.length(), i + 20))
            .replace("\u001B", "<ESC>").replace("\r", "<CR>").replace("\n", "<LF>"));
      }
    }
  }

  private static void assertNoForgedLine(String text, String what) {
    assertThat(text.split("\r\n|\n|\r|\u2028|\u2029|\u0085", -1))
        .as("%s: no line starts with a forged ERROR", what)
        .noneMatch(line -> line.stripLeading().startsWith(FORGED))
        .noneMatch(line -> line.stripLeading().startsWith("ERROR facts.yaml"));
  }

  private static void assertEveryTextCellGuarded(String csv) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(csv)) {
      List<String> header = rows.nextValue();
      assertThat(header).hasSameSizeAs(CsvReport.HEADER);
      int count = 0;
      while (rows.hasNextValue()) {
        List<String> row = rows.nextValue();
        count++;
        assertThat(row).hasSameSizeAs(header);
        for (int i = 0; i < row.size(); i++) {
          String cell = row.get(i);
          if (NUMERIC_COLUMNS.contains(header.get(i))) {
            assertThat(cell).as(header.get(i)).matches("|-?[0-9]+(\\.[0-9]+)?|true|false");
          } else {
            assertThat(cell).as("text cell %s", header.get(i)).doesNotMatch("(?s)[=+\\-@\t\r].*");
          }
        }
      }
      assertThat(count).isGreaterThanOrEqualTo(3);
    }
  }
}
