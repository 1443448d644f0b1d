package vn.conduct.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.io.FactsReader;
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
 *
 * <p>Rows are read one at a time and turned into facts at once; no row is held. Values that repeat
 * (subject ids in events, parents, types, dates, attribute values) are shared, so that a million
 * events take the memory of their facts and little more. Rejections go to the caller as they are
 * found.
 *
 * <p>Every row read ends up in exactly one of three counts: <em>evaluated</em>, <em>rejected</em>
 * here, or <em>ignored</em> by the engine ({@link #reconcile}), so that the summary reconciles.
 */
final class CsvFacts {

  /** A rejected row: where, which field, why. */
  record Rejection(String file, long line, String field, String message) {
    /** {@code file:line  field: message}; printed through {@link TextOut}, which escapes what the row held. */
    String render() {
      return file + ":" + line + "  " + (field.isEmpty() ? "" : field + ": ") + message;
    }
  }

  /** Distinct values shared at most; past it, values are kept as read (a file of unique values gains nothing). */
  static final int POOL_LIMIT = 1 << 16;

  final List<Subject> subjects = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final List<Observation> observations = new ArrayList<>();

  private final LocalDate asOf;
  private final Consumer<Rejection> rejections;
  private final List<Kind> kinds = new ArrayList<>();
  private final Map<String, Kind> kindOf = new HashMap<>();
  private final Map<String, KnownSubject> known = new HashMap<>();
  private final Map<String, Long> rejectedSubjects = new HashMap<>();
  private final Map<Object, Object> pool = new HashMap<>();

  /** A subject read: its id as held by its {@link Subject}, shared by its events and observations. */
  private record KnownSubject(String id, long line) {
  }

  private CsvFacts(LocalDate asOf, Consumer<Rejection> rejections) {
    this.asOf = asOf;
    this.rejections = rejections;
  }

  /**
   * Reads the subjects file, then the events and observations files if given (may be null).
   *
   * @param asOf the evaluation date: observations and events dated after it are counted as ignored
   * @param rejections receives each rejected row's problems as they are found
   */
  static CsvFacts read(Path subjects, Path events, Path observations, LocalDate asOf, Consumer<Rejection> rejections) {
    CsvFacts facts = new CsvFacts(asOf, rejections);
    facts.readSubjects(subjects);
    if (events != null) {
      facts.readEvents(events);
    }
    if (observations != null) {
      facts.readObservations(observations);
    }
    return facts;
  }

  /** Rows rejected here, in every file. */
  long rejected() {
    return kinds.stream().mapToLong(k -> k.rejected).sum();
  }

  /**
   * Counts as ignored the rows the engine did not use, and returns them, located: the facts the
   * report lists as left out (facts-format.md, section 9: a subject of an unknown type or a
   * duplicate id, an observation or event of an unknown subject, an observation of an unknown
   * indicator, an event of an unknown type), and, without a fact problem, observations and events
   * dated after the evaluation date (sections 5 and 3, which the engine never counts). A fact
   * problem about one value (an unknown attribute, a value of the wrong type) leaves its row
   * evaluated.
   *
   * @return each ignored row, located, file by file in line order; {@code fromReport} tells whether
   *     the report lists it as a fact problem
   */
  List<Ignored> reconcile(List<FactProblem> problems) {
    Map<Kind, Map<Integer, FactProblem>> leftOut = new HashMap<>();
    for (FactProblem problem : problems) {
      Kind kind = kindOf.get(problem.kind());
      if (kind != null && leavesOut(problem) && problem.index() >= 0 && problem.index() < kind.lines.size()) {
        leftOut.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(problem.index(), problem);
      }
    }
    List<Ignored> ignored = new ArrayList<>();
    for (Kind kind : kinds) {
      Map<Integer, FactProblem> reported = leftOut.getOrDefault(kind, Map.of());
      kind.ignored.clear();
      kind.ignored.or(kind.late);
      reported.keySet().forEach(kind.ignored::set);
      for (int i = kind.ignored.nextSetBit(0); i >= 0; i = kind.ignored.nextSetBit(i + 1)) {
        FactProblem problem = reported.get(i);
        ignored.add(problem != null
            ? new Ignored(new Rejection(kind.file, kind.lines.get(i), problem.field(), problem.message()), true)
            : new Ignored(new Rejection(kind.file, kind.lines.get(i), kind.dateColumn, kind.dateOf.apply(i)
                + " is after the evaluation date " + asOf + "; the engine never counts it, it is ignored"), false));
      }
    }
    return ignored;
  }

  /** A row the engine did not use; {@code fromReport} if the report lists it as a fact problem. */
  record Ignored(Rejection where, boolean fromReport) {
  }

  /**
   * Whether the engine left the whole fact out, as facts-format.md, section 9 says of each kind
   * and field, rather than one of its values.
   */
  static boolean leavesOut(FactProblem problem) {
    return switch (problem.kind()) {
      case "subject" -> problem.field().equals("type") || problem.field().equals("id");
      case "observation" -> problem.field().equals("subject") || problem.field().equals("indicator");
      case "event" -> problem.field().equals("subject") || problem.field().equals("type");
      default -> false;
    };
  }

  /**
   * One line: per file, rows read, then evaluated, rejected here and ignored by the engine
   * ({@link #reconcile} first), and the reconciled total: read = evaluated + rejected + ignored.
   */
  String summary() {
    StringBuilder text = new StringBuilder("conduct: read ");
    long read = 0;
    long rejected = 0;
    long ignored = 0;
    for (int i = 0; i < kinds.size(); i++) {
      Kind kind = kinds.get(i);
      long kindIgnored = kind.ignored.cardinality();
      text.append(i == 0 ? "" : ", ").append(kind.read).append(' ').append(kind.plural)
          .append(" (").append(kind.read - kind.rejected - kindIgnored).append(" evaluated, ")
          .append(kind.rejected).append(" rejected, ").append(kindIgnored).append(" ignored)");
      read += kind.read;
      rejected += kind.rejected;
      ignored += kindIgnored;
    }
    return text.append("; records read ").append(read).append(" = ").append(read - rejected - ignored)
        .append(" evaluated + ").append(rejected).append(" rejected + ").append(ignored).append(" ignored")
        .toString();
  }

  private void readSubjects(Path file) {
    Kind kind = kind("subject", "subjects", "", i -> null, file);
    Table table = new Table(file, Set.of("id", "type", "name", "parent"), Set.of("id", "type"), true);
    for (Row row = table.next(kind); row != null; row = table.next(kind)) {
      String id = row.required("id");
      String type = row.required("type");
      KnownSubject first = id == null ? null : known.get(id);
      if (first != null) {
        row.reject("id", "duplicate subject id '" + id + "', first on line " + first.line());
      }
      Map<String, Object> attributes = row.attributes();
      if (row.rejected) {
        if (id != null && first == null) {
          rejectedSubjects.putIfAbsent(id, row.line);
        }
        continue;
      }
      known.put(id, new KnownSubject(id, row.line));
      kind.kept(row.line, false);
      subjects.add(new Subject(id, shared(type), row.optional("name"), shared(row.optional("parent")), attributes));
    }
  }

  private void readEvents(Path file) {
    Kind kind = kind("event", "events", "date", i -> events.get(i).date(), file);
    Table table = new Table(file, Set.of("id", "subject", "type", "date", "verified"),
        Set.of("subject", "type", "date"), true);
    IdIndex ids = new IdIndex(index -> events.get(index).id());
    for (Row row = table.next(kind); row != null; row = table.next(kind)) {
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
      int earlier = id == null ? -1 : ids.find(id);
      if (earlier >= 0) {
        row.reject("id", "duplicate event id '" + id + "', first on line " + kind.lines.get(earlier));
      }
      Map<String, Object> attributes = row.attributes();
      if (row.rejected) {
        continue;
      }
      kind.kept(row.line, date.isAfter(asOf));
      events.add(new Event(id, subject, shared(type), date, verified, attributes));
      if (id != null) {
        ids.add(events.size() - 1);
      }
    }
  }

  private void readObservations(Path file) {
    Kind kind = kind("observation", "observations", "observed-on", i -> observations.get(i).observedOn(), file);
    Table table = new Table(file, Set.of("subject", "indicator", "value", "observed-by", "observed-on", "method"),
        Set.of("subject", "indicator", "value"), false);
    for (Row row = table.next(kind); row != null; row = table.next(kind)) {
      String subject = row.subject();
      String indicator = row.required("indicator");
      LocalDate on = row.date("observed-on", false);
      if (row.rejected) {
        continue;
      }
      kind.kept(row.line, on != null && on.isAfter(asOf));
      observations.add(new Observation(subject, shared(indicator), value(row.optional("value")),
          shared(row.optional("observed-by")), on, shared(row.optional("method"))));
    }
  }

  private Kind kind(String singular, String plural, String dateColumn, IntFunction<LocalDate> dateOf, Path file) {
    Kind kind = new Kind(plural, dateColumn, dateOf, fileName(file));
    kinds.add(kind);
    kindOf.put(singular, kind);
    return kind;
  }

  /** Where a fact the engine reported comes from: {@code file:line}. */
  Optional<String> locate(FactProblem problem) {
    Kind kind = kindOf.get(problem.kind());
    if (kind == null || problem.index() < 0 || problem.index() >= kind.lines.size()) {
      return Optional.empty();
    }
    return Optional.of(kind.file + ":" + kind.lines.get(problem.index()));
  }

  /** Types a cell as facts-format.md section 7.1 types a plain scalar; blank is null. */
  static Object typed(String text) {
    return text == null || text.isBlank() ? null : FactsReader.plainScalar(text);
  }


  /** A typed cell, an equal value read before if there is one. */
  private Object value(String text) {
    return shared(typed(text));
  }

  /** The value equal to this one that was read first, if the pool holds it; else this one. */
  @SuppressWarnings("unchecked")
  private <T> T shared(T value) {
    if (value == null || value instanceof Boolean) {
      return value;
    }
    Object first = pool.get(value);
    if (first != null) {
      return (T) first;
    }
    if (pool.size() < POOL_LIMIT) {
      pool.put(value, value);
    }
    return value;
  }

  private static String fileName(Path file) {
    return file.getFileName() == null ? file.toString() : file.getFileName().toString();
  }

  /** A file can only be refused with a message on one line, whatever its name or header hold. */
  private static FileProblem refuse(String message) {
    return new FileProblem(SafeText.line(message));
  }

  /** One file's counts and the line of each row kept, in the order of the facts. */
  private static final class Kind {
    final String plural;
    final String dateColumn;
    /** The date of a kept row, by its index, for those dated after the evaluation date. */
    final IntFunction<LocalDate> dateOf;
    final String file;
    final LongList lines = new LongList();
    /** Kept rows dated after the evaluation date, by their index among the kept rows. */
    final BitSet late = new BitSet();
    final BitSet ignored = new BitSet();
    long read;
    long rejected;

    Kind(String plural, String dateColumn, IntFunction<LocalDate> dateOf, String file) {
      this.plural = plural;
      this.dateColumn = dateColumn;
      this.dateOf = dateOf;
      this.file = file;
    }

    void kept(long line, boolean afterAsOf) {
      if (afterAsOf) {
        late.set(lines.size());
      }
      lines.add(line);
    }
  }

  /** A growable list of longs, without a box per element. */
  private static final class LongList {
    private long[] values = new long[256];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long get(int index) {
      return values[index];
    }

    int size() {
      return size;
    }
  }

  /**
   * The event ids of one file, to find duplicates: an open-addressing table of positions in the
   * list of events (whose events hold the ids), four bytes a slot instead of a map entry, a boxed
   * value and a key.
   */
  static final class IdIndex {
    private final IntFunction<String> idAt;
    private int[] slots = new int[1 << 10]; // position + 1; 0 is empty
    private int size;

    IdIndex(IntFunction<String> idAt) {
      this.idAt = idAt;
    }

    /** The position of the event with this id, or -1. */
    int find(String id) {
      int mask = slots.length - 1;
      for (int i = spread(id.hashCode()) & mask; slots[i] != 0; i = (i + 1) & mask) {
        if (idAt.apply(slots[i] - 1).equals(id)) {
          return slots[i] - 1;
        }
      }
      return -1;
    }

    /** Adds the event at this position, whose id is not in the index yet. */
    void add(int position) {
      if (2 * (size + 1) > slots.length) {
        int[] old = slots;
        slots = new int[old.length * 2];
        for (int slot : old) {
          if (slot != 0) {
            insert(slot);
          }
        }
      }
      insert(position + 1);
      size++;
    }

    private void insert(int slot) {
      int mask = slots.length - 1;
      int i = spread(idAt.apply(slot - 1).hashCode()) & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = slot;
    }

    private static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }
  }

  /** A CSV file read row by row, its header checked. */
  private final class Table {
    private final String name;
    private final MappingIterator<List<String>> rows;
    private final Map<String, Integer> columns = new HashMap<>();
    /** Per {@code attr.<name>} column: its position and the attribute's name. */
    private final Map<Integer, String> attributes = new LinkedHashMap<>();
    private final int width;

    Table(Path file, Set<String> known, Set<String> required, boolean withAttributes) {
      this.name = fileName(file);
      List<String> header;
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
        throw refuse(file + ": no such file");
      } catch (CharacterCodingException e) {
        throw refuse(file + ": not UTF-8 text [Hint: save the CSV as UTF-8]");
      } catch (IOException e) {
        throw refuse(file + ": " + e.getMessage());
      }
      if (header.isEmpty()) {
        throw refuse(name + ":1  the file is empty; it needs a header row with the columns "
            + String.join(", ", required.stream().sorted().toList()));
      }
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i);
        boolean attribute = withAttributes && column.startsWith("attr.") && column.length() > 5;
        if (!known.contains(column) && !attribute) {
          problems.add("unknown column '" + column + "'");
        }
        if (columns.putIfAbsent(column, i) != null) {
          problems.add("column '" + column + "' appears twice");
        } else if (attribute) {
          attributes.put(i, column.substring(5));
        }
      }
      for (String column : required.stream().sorted().toList()) {
        if (!columns.containsKey(column)) {
          problems.add("missing column '" + column + "'");
        }
      }
      if (!problems.isEmpty()) {
        throw refuse(name + ":1  " + String.join("; ", problems) + " [Hint: the columns are "
            + String.join(", ", known.stream().sorted().toList()) + (withAttributes ? " and attr.<name>" : "")
            + "; see 'conduct evaluate --help']");
      }
      this.width = header.size();
    }

    /** The next row, counted as read in {@code kind}, or null at the end of the file; a row that cannot be parsed ends the file. */
    Row next(Kind kind) {
      long line = rows.getParser().currentLocation().getLineNr();
      try {
        if (!rows.hasNextValue()) {
          rows.close();
          return null;
        }
        List<String> cells = rows.nextValue();
        kind.read++;
        Row row = new Row(this, kind, line, cells);
        if (cells.size() != width) {
          row.reject("", "the row has " + cells.size() + " fields, the header " + width);
        }
        return row;
      } catch (JsonProcessingException e) {
        throw refuse(name + ":" + e.getLocation().getLineNr() + "  malformed CSV: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw refuse(name + ": " + e.getMessage());
      }
    }
  }

  /** One data row, while it is read; its problems go to the caller as rejections. */
  private final class Row {
    final Table table;
    final Kind kind;
    final long line;
    final List<String> cells;
    boolean rejected;

    Row(Table table, Kind kind, long line, List<String> cells) {
      this.table = table;
      this.kind = kind;
      this.line = line;
      this.cells = cells;
    }

    void reject(String field, String message) {
      if (!rejected) {
        kind.rejected++;
      }
      rejected = true;
      rejections.accept(new Rejection(table.name, line, field, message));
    }

    private String cell(String column) {
      Integer index = table.columns.get(column);
      return index == null || index >= cells.size() ? null : cells.get(index);
    }

    String optional(String column) {
      String value = cell(column);
      return value == null || value.isBlank() ? null : value.strip();
    }

    String required(String column) {
      String value = optional(column);
      if (value == null) {
        reject(column, "is empty; it is required");
      }
      return value;
    }

    /** The subject column, which must name a subject read from the subjects file: its id, shared. */
    String subject() {
      String id = required("subject");
      if (id == null) {
        return null;
      }
      KnownSubject subject = known.get(id);
      if (subject == null) {
        Long line = rejectedSubjects.get(id);
        reject("subject", line != null ? "subject '" + id + "' was rejected (line " + line + " of the subjects file)"
            : "no subject '" + id + "' in the subjects file");
        return id;
      }
      return subject.id();
    }

    LocalDate date(String column, boolean required) {
      String text = required ? required(column) : optional(column);
      if (text == null) {
        return null;
      }
      try {
        return shared(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        reject(column, "'" + text + "' is not a date yyyy-mm-dd");
        return null;
      }
    }

    /** The {@code attr.*} cells, typed; {@code null} if there are none, which a fact holds as an empty map for free. */
    Map<String, Object> attributes() {
      Map<String, Object> attributes = null;
      for (Map.Entry<Integer, String> column : table.attributes.entrySet()) {
        String text = column.getKey() < cells.size() ? cells.get(column.getKey()) : null;
        Object value = value(text == null ? null : text.strip());
        if (value != null) {
          if (attributes == null) {
            attributes = new LinkedHashMap<>();
          }
          attributes.put(column.getValue(), value);
        }
      }
      return attributes;
    }
  }
}
