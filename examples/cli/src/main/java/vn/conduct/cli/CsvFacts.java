package vn.conduct.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Subject;

/**
 * Reads facts from CSV files, one file per kind: subjects, events and observations. A row with a
 * problem is rejected with its file, line and field, and the other rows are kept; a file whose
 * header is wrong is refused as a whole ({@link FileProblem}).
 *
 * <p>Layout (UTF-8, comma-separated, a header row, RFC 4180 quoting; column order is free):
 *
 * <ul>
 *   <li>subjects: {@code id}*, {@code type}*, {@code name}, {@code parent}, {@code attr.<name>}…
 *   <li>events: {@code id}, {@code subject}*, {@code type}*, {@code date}* (yyyy-mm-dd),
 *       {@code verified} (true/false, default true), {@code attr.<name>}…
 *   <li>observations: {@code subject}*, {@code indicator}*, {@code value}* (an empty cell means "not
 *       observed"), {@code observed-by}, {@code observed-on} (yyyy-mm-dd), {@code method}
 * </ul>
 *
 * <p>(* required column; its cell must not be blank.) Values in {@code attr.*} and {@code value} are
 * typed as a facts file types plain scalars (specs/facts-format.md, section 7.1): {@code true} and
 * {@code false} are booleans, {@code -?digits[.digits]} numbers, a calendar {@code yyyy-mm-dd} a
 * date, anything else text; an empty attribute cell leaves the attribute out. Events and
 * observations of a subject that is not in the subjects file (or whose row was rejected) are
 * rejected too.
 */
final class CsvFacts {

  /** A rejected row: where, which field, why. */
  record Rejection(String file, long line, String field, String message) {
    String render() {
      return file + ":" + line + "  " + (field.isEmpty() ? "" : field + ": ") + message;
    }
  }

  /** How many rows of one file were read, kept and rejected. */
  record Count(String kind, long read, long rejected) {
    long kept() {
      return read - rejected;
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  final List<Subject> subjects = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final List<Observation> observations = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();
  final List<Count> counts = new ArrayList<>();

  private final Map<String, Long> subjectLines = new HashMap<>();
  private final Map<String, List<Long>> lines = new HashMap<>();
  private final Map<String, String> files = new HashMap<>();
  private final Map<String, Long> rejectedSubjects = new HashMap<>();

  /** Reads the subjects file, then the events and observations files if given (may be null). */
  static CsvFacts read(Path subjects, Path events, Path observations) {
    CsvFacts facts = new CsvFacts();
    facts.readSubjects(subjects);
    if (events != null) {
      facts.readEvents(events);
    }
    if (observations != null) {
      facts.readObservations(observations);
    }
    return facts;
  }

  long read() {
    return counts.stream().mapToLong(Count::read).sum();
  }

  long rejected() {
    return rejections.size();
  }

  /** One line: per file, rows read, kept and rejected, and the reconciled total. */
  String summary() {
    StringBuilder text = new StringBuilder("conduct: read ");
    for (int i = 0; i < counts.size(); i++) {
      Count count = counts.get(i);
      text.append(i == 0 ? "" : ", ").append(count.read()).append(' ').append(count.kind())
          .append(" (").append(count.kept()).append(" evaluated, ").append(count.rejected()).append(" rejected)");
    }
    return text.append("; records read ").append(read()).append(" = ").append(read() - rejected())
        .append(" evaluated + ").append(rejected()).append(" rejected").toString();
  }

  private void readSubjects(Path file) {
    Table table = new Table(file, Set.of("id", "type", "name", "parent"), Set.of("id", "type"), true);
    long read = 0;
    long rejected = 0;
    for (Row row = table.next(); row != null; row = table.next()) {
      read++;
      String id = row.required("id");
      String type = row.required("type");
      if (id != null && subjectLines.containsKey(id)) {
        row.reject("id", "duplicate subject id '" + id + "', first on line " + subjectLines.get(id));
      }
      Map<String, Object> attributes = row.attributes();
      if (row.rejected) {
        rejected++;
        if (id != null && !subjectLines.containsKey(id)) {
          rejectedSubjects.putIfAbsent(id, row.line);
        }
        continue;
      }
      subjectLines.put(id, row.line);
      kept("subject", row);
      subjects.add(new Subject(id, type, row.optional("name"), row.optional("parent"), attributes));
    }
    counts.add(new Count("subjects", read, rejected));
  }

  private void readEvents(Path file) {
    Table table = new Table(file, Set.of("id", "subject", "type", "date", "verified"),
        Set.of("subject", "type", "date"), true);
    Map<String, Long> ids = new HashMap<>();
    long read = 0;
    long rejected = 0;
    for (Row row = table.next(); row != null; row = table.next()) {
      read++;
      String id = row.optional("id");
      String subject = row.subject();
      String type = row.required("type");
      LocalDate date = row.date("date", true);
      boolean verified = true;
      String flag = row.optional("verified");
      if (flag != null) {
        if (flag.equals("true") || flag.equals("false")) {
          verified = Boolean.parseBoolean(flag);
        } else {
          row.reject("verified", "'" + flag + "' is not true or false");
        }
      }
      if (id != null && ids.containsKey(id)) {
        row.reject("id", "duplicate event id '" + id + "', first on line " + ids.get(id));
      }
      Map<String, Object> attributes = row.attributes();
      if (row.rejected) {
        rejected++;
        continue;
      }
      if (id != null) {
        ids.put(id, row.line);
      }
      kept("event", row);
      events.add(new Event(id, subject, type, date, verified, attributes));
    }
    counts.add(new Count("events", read, rejected));
  }

  private void readObservations(Path file) {
    Table table = new Table(file, Set.of("subject", "indicator", "value", "observed-by", "observed-on", "method"),
        Set.of("subject", "indicator", "value"), false);
    long read = 0;
    long rejected = 0;
    for (Row row = table.next(); row != null; row = table.next()) {
      read++;
      String subject = row.subject();
      String indicator = row.required("indicator");
      LocalDate on = row.date("observed-on", false);
      if (row.rejected) {
        rejected++;
        continue;
      }
      kept("observation", row);
      observations.add(new Observation(subject, indicator, typed(row.optional("value")), row.optional("observed-by"),
          on, row.optional("method")));
    }
    counts.add(new Count("observations", read, rejected));
  }

  private void kept(String kind, Row row) {
    files.put(kind, row.file);
    lines.computeIfAbsent(kind, k -> new ArrayList<>()).add(row.line);
  }

  /** Where a fact the engine reported comes from: {@code file:line  field}. */
  java.util.Optional<String> locate(vn.conduct.rules.api.FactProblem problem) {
    List<Long> known = lines.getOrDefault(problem.kind(), List.of());
    if (problem.index() < 0 || problem.index() >= known.size()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(files.get(problem.kind()) + ":" + known.get(problem.index()));
  }

  /** Types a cell as facts-format.md section 7.1 types a plain scalar; blank is null. */
  static Object typed(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    if (NUMBER.matcher(text).matches()) {
      return new BigDecimal(text);
    }
    if (DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return text;
  }

  /** A CSV file read row by row, its header checked. */
  private final class Table {
    private final String name;
    private final MappingIterator<List<String>> rows;
    private final List<String> header;

    Table(Path file, Set<String> known, Set<String> required, boolean attributes) {
      this.name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
      try {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
          reader.reset();
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        rows = mapper.readerFor(List.class).readValues(reader);
        header = rows.hasNextValue() ? rows.nextValue().stream().map(String::strip).toList() : List.of();
      } catch (NoSuchFileException e) {
        throw new FileProblem(file + ": no such file");
      } catch (CharacterCodingException e) {
        throw new FileProblem(file + ": not UTF-8 text [Hint: save the CSV as UTF-8]");
      } catch (IOException e) {
        throw new FileProblem(file + ": " + e.getMessage());
      }
      if (header.isEmpty()) {
        throw new FileProblem(name + ":1  the file is empty; it needs a header row with the columns "
            + String.join(", ", required));
      }
      List<String> problems = new ArrayList<>();
      for (String column : header) {
        boolean attribute = attributes && column.startsWith("attr.") && column.length() > 5;
        if (!known.contains(column) && !attribute) {
          problems.add("unknown column '" + column + "'");
        }
      }
      for (String column : required) {
        if (!header.contains(column)) {
          problems.add("missing column '" + column + "'");
        }
      }
      for (int i = 0; i < header.size(); i++) {
        if (header.indexOf(header.get(i)) != i) {
          problems.add("column '" + header.get(i) + "' appears twice");
        }
      }
      if (!problems.isEmpty()) {
        throw new FileProblem(name + ":1  " + String.join("; ", problems) + " [Hint: the columns are "
            + String.join(", ", known.stream().sorted().toList()) + (attributes ? " and attr.<name>" : "")
            + "; see 'conduct evaluate --help']");
      }
    }

    /** The next row, or null at the end of the file; a row that cannot be parsed ends the file. */
    Row next() {
      long line = rows.getParser().currentLocation().getLineNr();
      try {
        if (!rows.hasNextValue()) {
          rows.close();
          return null;
        }
        List<String> cells = rows.nextValue();
        Row row = new Row(name, line, header, cells);
        if (cells.size() != header.size()) {
          row.reject("", "the row has " + cells.size() + " fields, the header " + header.size());
        }
        return row;
      } catch (JsonProcessingException e) {
        throw new FileProblem(name + ":" + e.getLocation().getLineNr() + "  malformed CSV: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new FileProblem(name + ": " + e.getMessage());
      }
    }
  }

  /** One data row; its problems are recorded as rejections. */
  private final class Row {
    final String file;
    final long line;
    final Map<String, String> cells = new LinkedHashMap<>();
    boolean rejected;

    Row(String file, long line, List<String> header, List<String> values) {
      this.file = file;
      this.line = line;
      for (int i = 0; i < header.size() && i < values.size(); i++) {
        cells.put(header.get(i), values.get(i));
      }
    }

    void reject(String field, String message) {
      rejected = true;
      rejections.add(new Rejection(file, line, field, message));
    }

    String optional(String column) {
      String value = cells.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }

    String required(String column) {
      String value = optional(column);
      if (value == null) {
        reject(column, "is empty; it is required");
      }
      return value;
    }

    /** The subject column, which must name a subject read from the subjects file. */
    String subject() {
      String id = required("subject");
      if (id != null && !subjectLines.containsKey(id)) {
        Long line = rejectedSubjects.get(id);
        reject("subject", line != null ? "subject '" + id + "' was rejected (line " + line + " of the subjects file)"
            : "no subject '" + id + "' in the subjects file");
      }
      return id;
    }

    LocalDate date(String column, boolean required) {
      String text = required ? required(column) : optional(column);
      if (text == null) {
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        reject(column, "'" + text + "' is not a date yyyy-mm-dd");
        return null;
      }
    }

    Map<String, Object> attributes() {
      Map<String, Object> attributes = new LinkedHashMap<>();
      cells.forEach((column, value) -> {
        if (column.startsWith("attr.")) {
          Object typed = typed(value == null ? null : value.strip());
          if (typed != null) {
            attributes.put(column.substring(5), typed);
          }
        }
      });
      return attributes;
    }
  }
}
