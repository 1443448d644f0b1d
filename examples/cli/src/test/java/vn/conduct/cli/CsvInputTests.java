package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Ranking;

class CsvInputTests {

  private final CliRun cli = new CliRun();

  @TempDir
  Path directory;

  private Path pack;

  @BeforeEach
  void writePack() throws IOException {
    pack = TestPack.write(directory);
  }

  private Path csv(String name, String text) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void should_reject_bad_rows_with_line_and_field_evaluate_the_rest_and_reconcile() throws IOException {
    Path subjects = csv("subjects.csv", """
        id,type,name,attr.group
        o1,officer,"Nguyễn Văn An, tổ 1",g
        ,officer,No id,g
        o2,officer,Trần Thị Bình,g
        o1,officer,Again,g
        """);
    Path events = csv("events.csv", """
        id,subject,type,date,verified,attr.minutes
        e1,o2,late,2025-06-03,true,20
        e2,o2,late,2025-06-31,true,5
        e3,o9,late,2025-06-04,,5
        e4,o1,late,2025-06-05,maybe,5
        """);
    Path observations = csv("observations.csv", """
        subject,indicator,value,observed-by,observed-on,method
        o1,score,82,Tổ kiểm tra,2025-06-12,inspection
        o2,score,75,Tổ kiểm tra,2025-06-12,inspection
        o2,score,,Tổ kiểm tra,,inspection
        """);

    int code = cli.run("evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", subjects.toString(), "--events",
        events.toString(), "--observations", observations.toString(), "--as-of", "2025-06-30", "--format", "json");

    assertThat(code).as("rows were rejected").isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err())
        .contains("subjects.csv:3  id: is empty; it is required")
        .contains("subjects.csv:5  id: duplicate subject id 'o1', first on line 2")
        .contains("events.csv:3  date: '2025-06-31' is not a date yyyy-mm-dd")
        .contains("events.csv:4  subject: no subject 'o9' in the subjects file")
        .contains("events.csv:5  verified: 'maybe' is not true or false")
        .contains("conduct: read 4 subjects (2 evaluated, 2 rejected, 0 ignored), 4 events (1 evaluated, 3 rejected,"
            + " 0 ignored), 3 observations (3 evaluated, 0 rejected, 0 ignored); records read 11 = 6 evaluated"
            + " + 5 rejected + 0 ignored");
    JsonNode report = new ObjectMapper().readTree(cli.out());
    assertThat(report.path("subjects")).hasSize(2);
    assertThat(report.toString()).contains("Nguyễn Văn An, tổ 1").contains("\"o2\"");
  }

  @Test
  void should_count_as_ignored_the_rows_the_engine_did_not_use_so_that_the_summary_reconciles() throws IOException {
    Path subjects = csv("subjects.csv", """
        id,type,name,attr.group
        o1,officer,An,g
        o2,officer,Bình,g
        x1,robot,R2,g
        """);
    Path events = csv("events.csv", """
        id,subject,type,date,attr.minutes
        e1,o1,late,2025-06-03,5
        e2,x1,late,2025-06-03,5
        e3,o1,party,2025-06-03,
        e4,o1,late,2025-07-02,5
        e5,o1,late,2025-06-04,abc
        e6,o1,late,2025-06-31,5
        """);
    Path observations = csv("observations.csv", """
        subject,indicator,value,observed-on
        o1,score,82,2025-06-12
        o2,score,64,2025-07-01
        o1,colour,red,
        x1,score,50,
        """);
    String[] args = {"evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", subjects.toString(), "--events",
        events.toString(), "--observations", observations.toString(), "--as-of", "2025-06-30"};

    assertThat(cli.run(args)).as("a row was rejected").isEqualTo(ConductCommand.INVALID);

    String summary = "conduct: read 3 subjects (2 evaluated, 0 rejected, 1 ignored), 6 events (2 evaluated,"
        + " 1 rejected, 3 ignored), 4 observations (1 evaluated, 0 rejected, 3 ignored); records read 13"
        + " = 5 evaluated + 1 rejected + 7 ignored";
    assertThat(cli.err()).as("the table lists the engine's fact problems; the rows it never counts are listed here")
        .contains("events.csv:7  date: '2025-06-31' is not a date yyyy-mm-dd")
        .contains("events.csv:5  date: 2025-07-02 is after the evaluation date 2025-06-30; the engine never counts it,"
            + " it is ignored")
        .contains("observations.csv:3  observed-on: 2025-07-01 is after the evaluation date 2025-06-30")
        .doesNotContain("subjects.csv:4")
        .endsWith(summary + System.lineSeparator());
    assertThat(cli.out()).contains("subjects.csv:4  type: subject 'x1' has type 'robot'")
        .contains("events.csv:3  subject: event about unknown subject 'x1'")
        .contains("events.csv:4  type: event type 'party' is not declared")
        .contains("events.csv:6  attributes.minutes: expected a number, but was 'abc'")
        .contains("observations.csv:4  indicator: subject type 'officer' has no indicator 'colour'")
        .contains("observations.csv:5  subject: observation of unknown subject 'x1'");

    String[] csvReport = Arrays.copyOf(args, args.length + 2);
    csvReport[args.length] = "--format";
    csvReport[args.length + 1] = "csv";
    assertThat(cli.run(csvReport)).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).as("a CSV report has no room for fact problems: every ignored row is listed here")
        .contains("subjects.csv:4  type: subject 'x1' has type 'robot'")
        .contains("events.csv:3  subject: event about unknown subject 'x1'")
        .contains("events.csv:4  type: event type 'party' is not declared")
        .contains("events.csv:5  date: 2025-07-02 is after the evaluation date")
        .contains("observations.csv:5  subject: observation of unknown subject 'x1'")
        .endsWith(summary + System.lineSeparator());
    assertThat(cli.err()).as("a value problem leaves its row evaluated").doesNotContain("events.csv:6");
  }

  @Test
  void should_share_repeated_values_between_events_and_find_a_duplicate_id_among_thousands() throws IOException {
    StringBuilder events = new StringBuilder("id,subject,type,date,verified\n");
    for (int i = 1; i <= 3_000; i++) {
      events.append("e").append(i).append(",o").append(i % 3 + 1).append(",late,2025-06-0").append(i % 9 + 1)
          .append(",true\n");
    }
    events.append("e1,o1,late,2025-06-01,true\n");
    Path s = csv("subjects.csv", "id,type\no1,officer\no2,officer\no3,officer\n");
    Path e = csv("events.csv", events.toString());
    List<CsvFacts.Rejection> rejections = new ArrayList<>();

    CsvFacts facts = CsvFacts.read(s, e, null, LocalDate.of(2025, 6, 30), rejections::add,
        new Messages(vn.conduct.rules.api.Language.EN));

    assertThat(facts.events).hasSize(3_000);
    assertThat(rejections).extracting(CsvFacts.Rejection::render)
        .containsExactly("events.csv:3002  id: duplicate event id 'e1', first on line 2");
    Event first = facts.events.get(0);
    Event fourth = facts.events.get(3);
    Event tenth = facts.events.get(9);
    assertThat(fourth.subjectId()).isEqualTo("o2").isSameAs(first.subjectId()).isSameAs(facts.subjects.get(1).id());
    assertThat(fourth.type()).isSameAs(first.type());
    assertThat(tenth.date()).isEqualTo(first.date()).isSameAs(first.date());
    assertThat(first.attributes()).as("no attributes: the shared empty map").isSameAs(Map.of());
  }

  @Test
  void should_refuse_a_file_whose_header_is_wrong_naming_the_columns() throws IOException {
    Path subjects = csv("subjects.csv", "id,kind,colour\no1,officer,red\n");

    assertThat(cli.run("evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", subjects.toString(), "--as-of", "2025-06-30"))
        .isEqualTo(ConductCommand.INVALID);

    assertThat(cli.err()).contains("subjects.csv:1  unknown column 'kind'; unknown column 'colour'; missing column 'type'")
        .contains("attr.<name>");
  }

  @Test
  void should_need_a_date_for_csv_input() throws IOException {
    Path subjects = csv("subjects.csv", "id,type\no1,officer\n");
    assertThat(cli.run("evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", subjects.toString()))
        .isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--as-of or --period is required with CSV input");
  }

  @Test
  void should_show_progress_only_above_the_threshold() {
    assertThat(Progress.THRESHOLD).isEqualTo(10_000);
    assertThat(Progress.wanted(10_000, Progress.THRESHOLD)).isFalse();
    assertThat(Progress.wanted(10_001, Progress.THRESHOLD)).isTrue();
    Messages english = new Messages(vn.conduct.rules.api.Language.EN);
    Messages vietnamese = new Messages(vn.conduct.rules.api.Language.VI);
    assertThat(Progress.bar(5_000, 10_000, english)).isEqualTo("[" + "#".repeat(15) + "-".repeat(15) + "]  50 %  5000 / 10000 subjects");
    assertThat(Progress.bar(5_000, 10_000, vietnamese)).endsWith("]  50 %  5000 / 10000 đối tượng");
    // 5000 in 2 s: 2500 a second, the other 5000 in 2 s more
    assertThat(Progress.pace(5_000, 10_000, 2_000_000_000L, english)).isEqualTo(" · 2500/s · 2 s left");
    assertThat(Progress.pace(5_000, 10_000, 2_000_000_000L, vietnamese)).isEqualTo(" · 2500/giây · còn 2 giây");
    assertThat(Progress.pace(0, 10_000, 1, english)).isEmpty();
  }

  @Test
  void should_give_the_same_report_with_a_progress_bar() throws IOException {
    StringBuilder subjects = new StringBuilder("id,type,parent,attr.group\n");
    StringBuilder observations = new StringBuilder("subject,indicator,value\n");
    for (int i = 1; i <= 12; i++) {
      subjects.append("o").append(i).append(",officer,").append(i % 3 == 0 ? "" : "unit-" + (i % 2)).append(",g\n");
      observations.append("o").append(i).append(",score,").append(60 + 3 * i).append('\n');
    }
    Path s = csv("subjects.csv", subjects.toString());
    Path o = csv("observations.csv", observations.toString());
    String[] args = {"evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", s.toString(), "--observations", o.toString(),
        "--as-of", "2025-06-30", "--format", "csv"};

    assertThat(cli.run(args)).isZero();
    String single = cli.out();
    assertThat(cli.err()).doesNotContain("conduct: 0 %").doesNotContain("[#");

    String[] batched = new String[args.length + 2];
    System.arraycopy(args, 0, batched, 0, args.length);
    batched[args.length] = "--progress-over";
    batched[args.length + 1] = "5";
    assertThat(cli.run(batched)).isZero();

    assertThat(cli.out()).isEqualTo(single);
    // not a terminal (as in a CI log): plain lines, no carriage return
    assertThat(cli.err()).contains("conduct: 0 %  0 / 12 subjects").contains("conduct: 100 %  12 / 12 subjects")
        .doesNotContain("\r");
    boolean interactive = Progress.interactive;
    Progress.interactive = true;
    try {
      assertThat(cli.run(batched)).isZero();
    } finally {
      Progress.interactive = interactive;
    }
    assertThat(cli.err()).contains("\r[" + "-".repeat(30) + "]   0 %  0 / 12 subjects")
        .contains("] 100 %  12 / 12 subjects");
  }

  @Test
  void should_stream_unit_by_unit_with_the_rows_and_rankings_of_one_evaluation() throws IOException {
    StringBuilder subjects = new StringBuilder("id,type,attr.group\n");
    StringBuilder events = new StringBuilder("id,subject,type,date\n");
    StringBuilder observations = new StringBuilder("subject,indicator,value\n");
    for (int i = 1; i <= 9; i++) {
      subjects.append("o").append(i).append(",officer,").append(i % 2 == 0 ? "g" : "h").append('\n');
      if (i % 3 == 0) {
        events.append("e").append(i).append(",o").append(i).append(",late,2025-06-0").append(i).append('\n');
      }
      observations.append("o").append(i).append(",score,").append(55 + 5 * i).append('\n');
    }
    Path s = csv("subjects.csv", subjects.toString());
    Path e = csv("events.csv", events.toString());
    Path o = csv("observations.csv", observations.toString());
    Path ranks = directory.resolve("rankings.csv");
    String[] whole = {"evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", s.toString(), "--events", e.toString(),
        "--observations", o.toString(), "--as-of", "2025-06-30", "--format", "csv"};
    assertThat(cli.run(whole)).as("%s", cli.err()).isZero();
    List<String> rows = cli.out().lines().toList();

    String[] streamed = Arrays.copyOf(whole, whole.length + 5);
    System.arraycopy(new String[] {"--stream", "--stream-part", "2", "--rankings", ranks.toString()}, 0, streamed,
        whole.length, 5);
    assertThat(cli.run(streamed)).as("%s", cli.err()).isZero();

    // THEN the same rows, in parts of two subjects (ranks blank: they are in the rankings file)
    assertThat(cli.out().lines().toList()).isEqualTo(rows.stream().map(CsvInputTests::withoutRank).toList());
    assertThat(cli.err()).contains("conduct: 9 subjects").contains("conduct: read 9 subjects (9 evaluated, 0 rejected,"
        + " 0 ignored), 3 events (3 evaluated, 0 rejected, 0 ignored), 9 observations (9 evaluated");
    List<String> ranked = Files.readAllLines(ranks);
    assertThat(ranked.get(0)).isEqualTo("pack,checklist,peer_group,rank,subject,score,rating");
    for (String row : rows.subList(1, rows.size())) {
      List<String> cells = Arrays.asList(row.split(",", -1));
      if (!cells.get(12).isEmpty()) {
        assertThat(ranked).contains(String.join(",", cells.get(4), cells.get(5), cells.get(13), cells.get(12),
            cells.get(0), cells.get(6), cells.get(10)));
      }
    }
    assertThat(ranked).hasSize(10);
  }

  @Test
  void should_reject_a_streamed_subject_whose_unit_was_in_an_earlier_part() throws IOException {
    Path s = csv("subjects.csv", "id,type,parent,attr.group\nu1,officer,,g\no1,officer,u1,g\nu2,officer,,g\n"
        + "o2,officer,u1,g\no3,officer,u9,g\nu3,officer,,g\no4,officer,u9,g\n");

    int code = cli.run("evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", s.toString(), "--as-of", "2025-06-30",
        "--format", "csv", "--stream", "--stream-part", "1");

    // THEN the rows out of their unit are rejected with their line, the rest evaluated, and nothing crashes
    assertThat(code).as("%s", cli.err()).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("subjects.csv:5  parent: unit 'u1' was in an earlier part: with --stream, the"
        + " subjects file lists unit by unit [Hint: put this row with the rows of its unit, after the subject that"
        + " starts its tree]")
        .contains("subjects.csv:8  parent: unit 'u9' had members in an earlier part")
        .contains("read 7 subjects (5 evaluated, 2 rejected, 0 ignored)")
        .doesNotContain("Exception");
  }

  @Test
  void should_reject_a_streamed_event_out_of_the_order_of_the_subjects() throws IOException {
    Path s = csv("subjects.csv", "id,type\no1,officer\no2,officer\no3,officer\n");
    Path e = csv("events.csv", "id,subject,type,date\ne1,o3,late,2025-06-02\ne2,o1,late,2025-06-03\n");

    int code = cli.run("evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", s.toString(), "--events", e.toString(),
        "--as-of", "2025-06-30", "--format", "csv", "--stream", "--stream-part", "1");

    assertThat(code).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("events.csv:3  subject: subject 'o1' was evaluated with an earlier unit: with"
        + " --stream, rows follow the order of the subjects file [Hint: sort the events by the position of their"
        + " subject in the subjects file]");
    assertThat(cli.run("evaluate", "--lang", "en", "-p", pack.toString(), "--subjects", s.toString(), "--as-of", "2025-06-30",
        "--stream")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--stream writes CSV as subjects are done [Hint: add --format csv]");
  }

  /** A CSV report row with its rank and peer group cells blank. */
  private static String withoutRank(String row) {
    String[] cells = row.split(",", -1);
    if (cells.length > 13 && !cells[0].equals("subject")) {
      cells[12] = "";
      cells[13] = "";
    }
    return String.join(",", cells);
  }

  @Test
  void should_type_cells_as_a_facts_file_types_plain_scalars() {
    assertThat(CsvFacts.typed("true")).isEqualTo(Boolean.TRUE);
    assertThat(CsvFacts.typed("85.5")).isEqualTo(new BigDecimal("85.5"));
    assertThat(CsvFacts.typed("2025-06-30")).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(CsvFacts.typed("2025-02-30")).isEqualTo("2025-02-30");
    assertThat(CsvFacts.typed("leader")).isEqualTo("leader");
    assertThat(CsvFacts.typed("")).isNull();
  }
}
