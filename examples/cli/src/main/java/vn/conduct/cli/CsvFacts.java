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
import java.util.Iterator;
import vn.conduct.rules.api.EvaluationRequest;
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
  private final Messages words;
  private final List<Kind> kinds = new ArrayList<>();
  private final Map<String, Kind> kindOf = new HashMap<>();
  private final Map<String, KnownSubject> known = new HashMap<>();
  private final Map<String, Long> rejectedSubjects = new HashMap<>();
  private final Map<Object, Object> pool = new HashMap<>();
  /** Events kept in the parts before this one ({@link #stream}); zero when all is read at once. */
  private int eventsBefore;

  /** A subject read: its id as held by its {@link Subject}, shared by its events and observations. */
  private record KnownSubject(String id, long line) {
  }

  private CsvFacts(LocalDate asOf, Consumer<Rejection> rejections, Messages words) {
    this.asOf = asOf;
    this.rejections = rejections;
    this.words = words;
  }

  /**
   * Reads the subjects file, then the events and observations files if given (may be null).
   *
   * @param asOf the evaluation date: observations and events dated after it are counted as ignored
   * @param rejections receives each rejected row's problems as they are found
   * @param words the language of the rejections and the summary
   */
  static CsvFacts read(Path subjects, Path events, Path observations, LocalDate asOf, Consumer<Rejection> rejections,
      Messages words) {
    CsvFacts facts = new CsvFacts(asOf, rejections, words);
    facts.readSubjects(subjects);
    if (events != null) {
      facts.readEvents(events);
    }
    if (observations != null) {
      facts.readObservations(observations);
    }
    return facts;
  }

  /** Subjects per part when streaming: about this many, whole unit trees. */
  static final int STREAM_PART_SUBJECTS = 5_000;

  /**
   * Reads the files part by part, for {@code --stream}: only one part's facts are held. The subjects
   * file lists unit by unit: a subject without a parent starts a tree, and the rows after it, up to the
   * next subject without a parent, belong to it; a part is closed at the first tree that starts once it
   * holds {@code size} subjects. Events and observations must follow the order of their subjects (an
   * event of a subject of an earlier part is rejected, naming the order). The subjects file is read
   * twice: first to know which part each subject is in (eight bytes of hash and four of part a subject),
   * then with its facts.
   *
   * @param builder makes the request builder of each part (dates, period)
   */
  static Streamed stream(Path subjects, Path events, Path observations, LocalDate asOf, int size,
      Consumer<Rejection> rejections, java.util.function.Supplier<EvaluationRequest.Builder> builder, Messages words) {
    CsvFacts facts = new CsvFacts(asOf, rejections, words);
    return facts.new Streamed(subjects, events, observations, size, builder);
  }

  /** The parts of a streamed reading, and the reading itself for the summary. */
  final class Streamed implements Iterator<EvaluationRequest> {
    private final Table subjectTable;
    private final Table eventTable;
    private final Table observationTable;
    private final Kind subjectKind;
    private final Kind eventKind;
    private final Kind observationKind;
    private final PartIndex partOf = new PartIndex();
    /** By parent id: the part of its first member (for members of a unit the file does not list). */
    private final PartIndex firstChildPart = new PartIndex();
    private final int size;
    private final java.util.function.Supplier<EvaluationRequest.Builder> builder;
    private Row pendingSubject;
    private Row pendingEvent;
    private Row pendingObservation;
    private int part = -1;
    private boolean started;

    private Streamed(Path subjects, Path events, Path observations, int size,
        java.util.function.Supplier<EvaluationRequest.Builder> builder) {
      this.size = size;
      this.builder = builder;
      Table first = subjectsTable(subjects);
      first.quiet = true;
      Kind none = new Kind("", "", "");
      int count = 0;
      int at = 0;
      for (Row row = first.next(none); row != null; row = first.next(none)) {
        if (startsPart(row, count)) {
          at++;
          count = 0;
        }
        String id = row.optional("id");
        if (id != null) {
          partOf.putIfAbsent(id, at);
        }
        String parent = row.optional("parent");
        if (parent != null) {
          firstChildPart.putIfAbsent(parent, at);
        }
        count++;
      }
      subjectKind = kind("subject", "subjects", "", subjects);
      subjectTable = subjectsTable(subjects);
      eventKind = events == null ? null : kind("event", "events", "date", events);
      eventTable = events == null ? null : eventsTable(events);
      observationKind = observations == null ? null : kind("observation", "observations", "observed-on", observations);
      observationTable = observations == null ? null : observationsTable(observations);
      pendingSubject = subjectTable.next(subjectKind);
    }

    /** Whether a subject row starts a new part: a tree starts (no parent) and the part is full. */
    private boolean startsPart(Row row, int inPart) {
      return inPart >= size && row.optional("parent") == null;
    }

    /** The reading, for its summary, rejections and the locations of fact problems. */
    CsvFacts reading() {
      return CsvFacts.this;
    }

    @Override
    public boolean hasNext() {
      return !started || pendingSubject != null;
    }

    @Override
    public EvaluationRequest next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      started = true;
      part++;
      eventsBefore += events.size();
      subjects.clear();
      events.clear();
      observations.clear();
      known.clear();
      rejectedSubjects.clear();
      int count = 0;
      while (pendingSubject != null && (count == 0 || !startsPart(pendingSubject, count))) {
        if (!splitsItsUnit(pendingSubject)) {
          subject(pendingSubject);
        }
        count++;
        pendingSubject = subjectTable.next(subjectKind);
      }
      boolean last = pendingSubject == null;
      if (eventTable != null) {
        IdIndex ids = new IdIndex(index -> events.get(index).id());
        pendingEvent = take(eventTable, eventKind, pendingEvent, last, row -> event(row, ids));
      }
      if (observationTable != null) {
        pendingObservation = take(observationTable, observationKind, pendingObservation, last, CsvFacts.this::observation);
      }
      return builder.get().subjects(subjects).events(events).observations(observations).build();
    }

    /**
     * Rejects a subject whose unit was in an earlier part (the subjects file does not list unit by unit
     * there): evaluated here it would split its unit's quotas and roll-ups across parts.
     */
    private boolean splitsItsUnit(Row row) {
      String parent = row.optional("parent");
      if (parent == null) {
        return false;
      }
      int unit = partOf.get(parent);
      int first = unit >= 0 ? unit : firstChildPart.get(parent);
      if (first < 0 || first >= part) {
        return false;
      }
      String id = row.optional("id");
      if (id != null) {
        rejectedSubjects.putIfAbsent(id, row.line);
      }
      row.reject("parent", words.get(unit >= 0 ? "csv-input.unit-in-earlier-part" : "csv-input.unit-members-in-earlier-part",
          parent));
      return true;
    }

    /**
     * Reads the rows of this part from a file of events or observations, and returns the first row of a
     * later part (held for it), or null at the end of the file.
     */
    private Row take(Table table, Kind kind, Row pending, boolean last, Consumer<Row> keep) {
      for (Row row = pending != null ? pending : table.next(kind); row != null; row = table.next(kind)) {
        String subject = row.optional("subject");
        int of = subject == null ? -1 : partOf.get(subject);
        if (of > part && !last) {
          return row;
        }
        if (of >= 0 && of < part) {
          row.reject("subject", words.get("csv-input.subject-in-earlier-part", subject, words.get("csv-input.noun." + kind.plural)));
          continue;
        }
        keep.accept(row);
      }
      return null;
    }
  }

  /**
   * The part of each subject id, by a 64-bit hash of the id: an open-addressing table of twelve bytes a
   * subject, so that a country's subjects fit. Two ids sharing a hash (about one chance in 10^7 among 10^6
   * ids) would share a part; the first is kept.
   */
  static final class PartIndex {
    private long[] keys = new long[1 << 12];
    private int[] parts = new int[1 << 12];
    private int size;

    static long hash(String id) {
      long h = 0xcbf29ce484222325L;
      for (int i = 0; i < id.length(); i++) {
        h ^= id.charAt(i);
        h *= 0x100000001b3L;
      }
      return h == 0 ? 1 : h;
    }

    void putIfAbsent(String id, int part) {
      if (4 * (size + 1) > 3 * keys.length) {
        long[] oldKeys = keys;
        int[] oldParts = parts;
        keys = new long[oldKeys.length * 2];
        parts = new int[oldParts.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != 0) {
            insert(oldKeys[i], oldParts[i]);
          }
        }
      }
      if (insert(hash(id), part)) {
        size++;
      }
    }

    private boolean insert(long key, int part) {
      int mask = keys.length - 1;
      for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
        if (keys[i] == 0) {
          keys[i] = key;
          parts[i] = part;
          return true;
        }
        if (keys[i] == key) {
          return false;
        }
      }
    }

    /** The part of an id, or -1 if the subjects file does not have it. */
    int get(String id) {
      long key = hash(id);
      int mask = keys.length - 1;
      for (int i = (int) (key ^ (key >>> 32)) & mask; keys[i] != 0; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return parts[i];
        }
      }
      return -1;
    }
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
      kind.late.keySet().forEach(kind.ignored::set);
      reported.keySet().forEach(kind.ignored::set);
      for (int i = kind.ignored.nextSetBit(0); i >= 0; i = kind.ignored.nextSetBit(i + 1)) {
        FactProblem problem = reported.get(i);
        ignored.add(problem != null
            ? new Ignored(new Rejection(kind.file, kind.lines.get(i), problem.field(), problem.message()), true)
            : new Ignored(new Rejection(kind.file, kind.lines.get(i), kind.dateColumn, kind.late.get(i)
                + words.get("csv-input.after-evaluation-date", asOf)), false));
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
    StringBuilder text = new StringBuilder();
    long read = 0;
    long rejected = 0;
    long ignored = 0;
    for (int i = 0; i < kinds.size(); i++) {
      Kind kind = kinds.get(i);
      long kindIgnored = kind.ignored.cardinality();
      text.append(i == 0 ? "" : ", ").append(words.get("csv-input.summary.kind", kind.read,
          words.get("csv-input.noun." + kind.plural), kind.read - kind.rejected - kindIgnored, kind.rejected, kindIgnored));
      read += kind.read;
      rejected += kind.rejected;
      ignored += kindIgnored;
    }
    return words.get("csv-input.summary", text, read, read - rejected - ignored, rejected, ignored);
  }

  private void readSubjects(Path file) {
    Kind kind = kind("subject", "subjects", "", file);
    Table table = subjectsTable(file);
    for (Row row = table.next(kind); row != null; row = table.next(kind)) {
      subject(row);
    }
  }

  private Table subjectsTable(Path file) {
    return new Table(file, Set.of("id", "type", "name", "parent"), Set.of("id", "type"), true);
  }

  private Table eventsTable(Path file) {
    return new Table(file, Set.of("id", "subject", "type", "date", "verified"), Set.of("subject", "type", "date"),
        true);
  }

  private Table observationsTable(Path file) {
    return new Table(file, Set.of("subject", "indicator", "value", "observed-by", "observed-on", "method"),
        Set.of("subject", "indicator", "value"), false);
  }

  /** Keeps the subject of a row, or rejects the row. */
  private void subject(Row row) {
    String id = row.required("id");
    String type = row.required("type");
    KnownSubject first = id == null ? null : known.get(id);
    if (first != null) {
      row.reject("id", words.get("csv-input.duplicate-subject", id, first.line()));
    }
    Map<String, Object> attributes = row.attributes();
    if (row.rejected) {
      if (id != null && first == null) {
        rejectedSubjects.putIfAbsent(id, row.line);
      }
      return;
    }
    known.put(id, new KnownSubject(id, row.line));
    row.kind.kept(row.line, null);
    subjects.add(new Subject(id, shared(type), row.optional("name"), shared(row.optional("parent")), attributes));
  }

  private void readEvents(Path file) {
    Kind kind = kind("event", "events", "date", file);
    Table table = eventsTable(file);
    IdIndex ids = new IdIndex(index -> events.get(index).id());
    for (Row row = table.next(kind); row != null; row = table.next(kind)) {
      event(row, ids);
    }
  }

  /** Keeps the event of a row, or rejects the row; {@code ids} finds duplicate ids among the events kept. */
  private void event(Row row, IdIndex ids) {
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
        row.reject("verified", words.get("csv-input.not-boolean", flag));
      }
    }
    int earlier = id == null ? -1 : ids.find(id);
    if (earlier >= 0) {
      row.reject("id", words.get("csv-input.duplicate-event", id, row.kind.lines.get(eventsBefore + earlier)));
    }
    Map<String, Object> attributes = row.attributes();
    if (row.rejected) {
      return;
    }
    row.kind.kept(row.line, date.isAfter(asOf) ? date : null);
    events.add(new Event(id, subject, shared(type), date, verified, attributes));
    if (id != null) {
      ids.add(events.size() - 1);
    }
  }

  private void readObservations(Path file) {
    Kind kind = kind("observation", "observations", "observed-on", file);
    Table table = observationsTable(file);
    for (Row row = table.next(kind); row != null; row = table.next(kind)) {
      observation(row);
    }
  }

  /** Keeps the observation of a row, or rejects the row. */
  private void observation(Row row) {
    String subject = row.subject();
    String indicator = row.required("indicator");
    LocalDate on = row.date("observed-on", false);
    if (row.rejected) {
      return;
    }
    row.kind.kept(row.line, on != null && on.isAfter(asOf) ? on : null);
    observations.add(new Observation(subject, shared(indicator), value(row.optional("value")),
        shared(row.optional("observed-by")), on, shared(row.optional("method"))));
  }

  private Kind kind(String singular, String plural, String dateColumn, Path file) {
    Kind kind = new Kind(plural, dateColumn, fileName(file));
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
    final String file;
    final LongList lines = new LongList();
    /** Kept rows dated after the evaluation date: their date, by their index among the kept rows. */
    final Map<Integer, LocalDate> late = new HashMap<>();
    final BitSet ignored = new BitSet();
    long read;
    long rejected;

    Kind(String plural, String dateColumn, String file) {
      this.plural = plural;
      this.dateColumn = dateColumn;
      this.file = file;
    }

    /** Counts a row kept; {@code date} is its date if it is after the evaluation date, else null. */
    void kept(long line, LocalDate late) {
      if (late != null) {
        this.late.put(lines.size(), late);
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
    /** A first reading of the file ({@link #stream}): rows are not counted, rejected or kept. */
    private boolean quiet;

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
        throw refuse(file + ": " + words.get("csv-input.no-such-file"));
      } catch (CharacterCodingException e) {
        throw refuse(file + ": " + words.get("csv-input.not-utf8"));
      } catch (IOException e) {
        throw refuse(file + ": " + e.getMessage());
      }
      if (header.isEmpty()) {
        throw refuse(name + ":1  " + words.get("csv-input.empty-file", String.join(", ", required.stream().sorted().toList())));
      }
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i);
        boolean attribute = withAttributes && column.startsWith("attr.") && column.length() > 5;
        if (!known.contains(column) && !attribute) {
          problems.add(words.get("csv-input.unknown-column", column));
        }
        if (columns.putIfAbsent(column, i) != null) {
          problems.add(words.get("csv-input.column-twice", column));
        } else if (attribute) {
          attributes.put(i, column.substring(5));
        }
      }
      for (String column : required.stream().sorted().toList()) {
        if (!columns.containsKey(column)) {
          problems.add(words.get("csv-input.missing-column", column));
        }
      }
      if (!problems.isEmpty()) {
        throw refuse(name + ":1  " + String.join("; ", problems) + words.get(withAttributes ? "csv-input.columns-hint-attributes"
            : "csv-input.columns-hint", String.join(", ", known.stream().sorted().toList())));
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
        Row row = new Row(this, kind, line, cells);
        if (quiet) {
          return row;
        }
        kind.read++;
        if (cells.size() != width) {
          row.reject("", words.get("csv-input.row-width", cells.size(), width));
        }
        return row;
      } catch (JsonProcessingException e) {
        throw refuse(name + ":" + e.getLocation().getLineNr() + "  " + words.get("csv-input.malformed", e.getOriginalMessage()));
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
        reject(column, words.get("csv-input.required"));
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
        reject("subject", line != null ? words.get("csv-input.subject-rejected", id, line)
            : words.get("csv-input.no-subject", id));
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
        reject(column, words.get("csv-input.not-a-date", text));
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
