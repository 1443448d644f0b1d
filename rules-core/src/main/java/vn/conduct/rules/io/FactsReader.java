package vn.conduct.rules.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Evidence;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.load.Issues;
import vn.conduct.rules.internal.model.Ids;
import vn.conduct.rules.internal.yaml.SafeYaml;
import vn.conduct.rules.internal.load.Hints;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * Reads a facts file (YAML, or JSON, which is YAML) into an {@link EvaluationRequest}.
 *
 * <p>The format is described in {@code specs/facts-format.md}:
 *
 * <pre>{@code
 * as-of: 2025-06-30
 * period: {start: 2025-06-01, end: 2025-06-30}     # optional; default: the calendar month of as-of
 * packs: [hanoi-522]                                # optional; default: every loaded pack
 * pin: {hanoi-522: 1.0.0}                           # optional
 * subjects:
 *   - {id: ubnd-ba-dinh, type: agency, name: "UBND quận Ba Đình", attributes: {block: district}}
 *   - {id: cb-001, type: officer, parent: ubnd-ba-dinh, attributes: {position: leader}}
 * observations:
 *   - {subject: cb-001, indicator: badge-worn, value: true, observed-on: 2025-06-12, method: inspection}
 * events:
 *   - {id: ev-1, subject: cb-001, type: late-arrival, date: 2025-06-03, attributes: {minutes: 20}}
 * }</pre>
 *
 * <p>The file is parsed with the same safe parser as rule packs: no tag can create an object,
 * anchors and aliases, duplicate keys and deep nesting are refused, and the file must be UTF-8.
 * Every problem is collected, with its line, column and field path, and reported at once in an
 * {@link InvalidFactsException}: unknown keys, missing ids, types, subjects and dates, malformed
 * dates, values of the wrong shape, subject and event ids used twice.
 *
 * <p><b>Values.</b> Attribute and observation values are typed by how they are written: an unquoted
 * {@code true} or {@code false} is a {@link Boolean}; unquoted decimal text ({@code -?digits[.digits]})
 * a {@link BigDecimal}; unquoted {@code yyyy-mm-dd} a {@link LocalDate}; anything else, and any
 * quoted value, a {@link String}. Unlike YAML 1.1, {@code yes}, {@code 0x1F}, {@code 1e3} or
 * {@code 1_000} stay text. The engine converts each value again to the type the pack declares
 * (a numeric string is accepted for a number, {@code "true"}/{@code "false"} for a boolean, ISO text
 * for a date), so {@code "80"} and {@code 80} both work for a number indicator, while an attribute
 * declared as a string must be quoted if it looks like a number ({@code code: "0123"}). A
 * {@code null} attribute value is treated as absent; a {@code null} observation value means "not
 * observed".
 *
 * <p>Instances are immutable and thread-safe; the {@code with…} methods return a new reader.
 *
 * <pre>{@code
 * EvaluationRequest request = new FactsReader().read(Path.of("june.yaml"));
 * Report report = engine.evaluate(request);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FactsReader {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private static final List<String> ROOT_KEYS =
      List.of("format", "as-of", "decided-on", "period", "packs", "pin", "subjects", "observations", "events");
  private static final List<String> PERIOD_KEYS = List.of("start", "end");
  private static final List<String> SUBJECT_KEYS = List.of("id", "type", "name", "parent", "attributes");
  private static final List<String> OBSERVATION_KEYS =
      List.of("subject", "indicator", "value", "observed-by", "observed-on", "method", "recorded-on", "evidence");
  private static final List<String> EVENT_KEYS =
      List.of("id", "subject", "type", "date", "verified", "attributes", "recorded-on", "evidence");
  private static final List<String> EVIDENCE_KEYS = List.of("recorded-by", "method", "references");
  private static final List<String> RECORDER_KEYS = List.of("id", "role");
  private static final List<String> REFERENCE_KEYS = List.of("document", "digest", "url");

  /** The newest facts format this reader reads. */
  public static final int FORMAT = 2;

  private final LocalDate asOf;
  private final Period period;
  private final List<String> extensionKeys;

  /** Creates a reader that takes the evaluation date from the file's {@code as-of}. */
  public FactsReader() {
    this(null, null, List.of());
  }

  private FactsReader(LocalDate asOf, Period period, List<String> extensionKeys) {
    this.asOf = asOf;
    this.period = period;
    this.extensionKeys = extensionKeys;
  }

  /**
   * Returns a reader that also accepts the given top-level keys, for tools whose files carry
   * facts and something more (a test fixture's expectations, a description). The reader does not
   * check what they hold; {@link FactsFile#extension(String)} returns it.
   *
   * @param keys top-level keys to accept besides the facts format's own
   * @throws IllegalArgumentException if a key is one of the facts format's own keys
   */
  public FactsReader withExtensionKeys(String... keys) {
    List<String> list = List.of(keys);
    for (String key : list) {
      if (ROOT_KEYS.contains(key)) {
        throw new IllegalArgumentException("'" + key + "' is a key of the facts format itself");
      }
    }
    return new FactsReader(asOf, period, list);
  }

  /**
   * Returns a reader that evaluates as of the given date, whatever the file's {@code as-of} says;
   * the file then need not have one. A {@code period} given in the file is kept; without one, the
   * period is the calendar month of this date.
   *
   * @param date the evaluation date, or {@code null} to use the file's {@code as-of}
   */
  public FactsReader withAsOf(LocalDate date) {
    return new FactsReader(date, period, extensionKeys);
  }

  /**
   * Returns a reader that judges the given period, whatever the file's {@code period} says; the
   * file then need not give one. The decision date is the file's ({@code as-of} or
   * {@code decided-on}), the one {@link #withAsOf} imposes, or else the period's last day.
   *
   * @param value the period judged, or {@code null} to use the file's
   * @since 0.2
   */
  public FactsReader withPeriod(Period value) {
    return new FactsReader(asOf, value, extensionKeys);
  }

  /** The evaluation date this reader imposes, if any. */
  public Optional<LocalDate> asOf() {
    return Optional.ofNullable(asOf);
  }

  /**
   * Reads a facts file into a request.
   *
   * @throws InvalidFactsException if the file cannot be read or has any error (all are reported)
   */
  public EvaluationRequest read(Path file) {
    return load(file).request();
  }

  /**
   * Reads facts from bytes into a request.
   *
   * @param fileName the name used in issue locations (e.g. {@code june.yaml})
   * @param content the file's content, UTF-8
   * @throws InvalidFactsException if the content has any error (all are reported)
   */
  public EvaluationRequest read(String fileName, byte[] content) {
    return load(fileName, content).request();
  }

  /**
   * Reads a facts file, keeping where each fact was written so that problems the engine finds
   * with the facts can be located in the file ({@link FactsFile#locate}).
   *
   * <p>Issues name the file by its file name; the exception's {@link InvalidFactsException#source()}
   * is the path as given.
   *
   * @throws InvalidFactsException if the file cannot be read or has any error (all are reported)
   */
  public FactsFile load(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidFactsException(file.toString(), List.of(new ValidationIssue(ValidationIssue.Level.ERROR,
          "facts.io", name, 0, 0, "", "no such file: " + file, "check the path")));
    } catch (IOException e) {
      throw new InvalidFactsException(file.toString(), List.of(new ValidationIssue(ValidationIssue.Level.ERROR,
          "facts.io", name, 0, 0, "", "cannot read the file: " + e.getMessage(), null)));
    }
    return load(file.toString(), name, content);
  }

  /**
   * Reads facts from bytes, keeping where each fact was written.
   *
   * @param fileName the name used in issue locations and as the source (e.g. {@code june.yaml})
   * @param content the file's content, UTF-8
   * @throws InvalidFactsException if the content has any error (all are reported)
   */
  public FactsFile load(String fileName, byte[] content) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(content, "content");
    return load(fileName, fileName, content);
  }

  private FactsFile load(String source, String fileName, byte[] content) {
    Issues issues = new Issues();
    Optional<YamlDocument> parsed = SafeYaml.parse(fileName, content, issues, SafeYaml.Profile.FACTS);
    if (parsed.isEmpty() || issues.hasErrors()) {
      throw new InvalidFactsException(source, issues.sorted());
    }
    YamlDocument document = parsed.get();
    Binder binder = new Binder(document, issues, extensionKeys);
    EvaluationRequest request = binder.bind(asOf, period);
    if (issues.hasErrors() || request == null) {
      throw new InvalidFactsException(source, issues.sorted());
    }
    return new FactsFile(source, document, request, extensionKeys);
  }

  /**
   * Types a plain (unquoted) scalar as facts-format.md section 7.1 does, for readers of other
   * formats (a CSV cell, a form field) that want the same meaning: {@code true}/{@code false} to
   * Boolean, decimal text of at most {@value #MAX_NUMBER_LENGTH} characters to BigDecimal,
   * {@code yyyy-mm-dd} to LocalDate (if it is a real date), anything else to the text itself.
   * A longer run of digits stays text, so it is reported as a value of the wrong type instead of
   * being read at a cost that grows with the square of its length.
   *
   * @param text the scalar's text
   * @return the value; {@code null} only if {@code text} is {@code null}
   */
  public static Object plainScalar(String text) {
    return convertScalar(text, false);
  }

  /** The longest text read as a number (the same bound as numbers in packs). */
  public static final int MAX_NUMBER_LENGTH = vn.conduct.rules.internal.condition.ConditionLanguage.MAX_NUMBER_LENGTH;

  /**
   * Converts a scalar as written in a facts file: unquoted {@code true}/{@code false} to Boolean,
   * unquoted decimal text to BigDecimal, unquoted {@code yyyy-mm-dd} to LocalDate (if it is a real
   * date), anything else to the text itself.
   *
   * @param text the scalar's text
   * @param quoted whether the scalar was quoted (quoted values always stay text)
   * @return the value; {@code null} only if {@code text} is {@code null}
   */
  static Object convertScalar(String text, boolean quoted) {
    if (text == null || quoted) {
      return text;
    }
    if (text.equals("true")) {
      return Boolean.TRUE;
    }
    if (text.equals("false")) {
      return Boolean.FALSE;
    }
    if (text.length() <= MAX_NUMBER_LENGTH && DECIMAL.matcher(text).matches()) {
      return new BigDecimal(text);
    }
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return text;
  }

  /** Binds one parsed document, reporting every problem. */
  private static final class Binder {
    private final YamlDocument document;
    private final Issues issues;
    private final List<String> rootKeys;
    private int format = 1;

    Binder(YamlDocument document, Issues issues, List<String> extensionKeys) {
      this.document = document;
      this.issues = issues;
      List<String> keys = new java.util.ArrayList<>(ROOT_KEYS);
      keys.addAll(extensionKeys);
      this.rootKeys = List.copyOf(keys);
    }

    EvaluationRequest bind(LocalDate dateOverride, Period periodOverride) {
      JsonNode root = document.root();
      if (root.isMissingNode() || root.isNull()) {
        error("", "facts.empty", "the file is empty",
            "write at least 'as-of' and 'subjects'; see specs/facts-format.md");
        return null;
      }
      if (!root.isObject()) {
        error("", "facts.type", "expected a mapping with keys " + ROOT_KEYS + ", but found " + describe(root),
            "see specs/facts-format.md");
        return null;
      }
      keys(root, "", rootKeys);
      format = format(root.get("format"));
      if (format > 1) {
        refuse(root, "", "as-of", "format 2 calls the decision date 'decided-on'", "write decided-on: <date>");
      } else {
        formatTwoOnly(root, "", "decided-on", "the decision date 'decided-on'");
        if (root.get("period") != null && root.get("period").isValueNode() && !root.get("period").isNull()) {
          formatTwoOnly(root, "", "period", "a period written as text ('2025', '2025-06')");
        }
      }
      boolean dateGiven = dateOverride != null || periodOverride != null;
      LocalDate fileDate = format > 1 ? date(root, "", "decided-on", false)
          : date(root, "", "as-of", !dateGiven);
      Period filePeriod = period(root.get("period"));
      List<String> packs = texts(root.get("packs"), "packs");
      Map<String, String> pins = pins(root.get("pin"));
      List<Subject> subjects = subjects(root.get("subjects"));
      List<Observation> observations = observations(root.get("observations"));
      List<Event> events = events(root.get("events"));
      LocalDate decided = dateOverride != null ? dateOverride : fileDate;
      Period judged = periodOverride != null ? periodOverride : filePeriod;
      if (format > 1 && decided == null && judged == null && !issues.hasErrors()) {
        error("", "facts.missing", "the file gives neither 'period' nor 'decided-on'",
            "write period: 2025-06 (the month judged), decided-on: 2025-06-30, or both");
      }
      if (issues.hasErrors() || (decided == null && judged == null)) {
        return null;
      }
      EvaluationRequest.Builder builder;
      if (decided != null) {
        builder = EvaluationRequest.builder(decided);
        if (judged != null) {
          builder.period(judged);
        }
      } else {
        builder = EvaluationRequest.builder(judged);
      }
      builder.subjects(subjects).observations(observations).events(events);
      packs.forEach(builder::pack);
      pins.forEach(builder::pin);
      return builder.build();
    }

    /** The file's format: 1 when it says nothing; an unknown one is reported and read as 1. */
    private int format(JsonNode node) {
      if (node == null || node.isNull()) {
        return 1;
      }
      String text = node.isValueNode() ? node.asText() : "";
      if (text.equals("1") || text.equals("2")) {
        return Integer.parseInt(text);
      }
      error("format", "facts.format", "facts format " + describe(node) + " is not supported",
          "this reader reads formats 1 and " + FORMAT + "; leave 'format' out for 1");
      return 1;
    }

    /** Reports a key that only format 2 files may have. */
    private void formatTwoOnly(JsonNode parent, String path, String key, String feature) {
      if (parent.get(key) != null && !parent.get(key).isNull()) {
        String child = YamlDocument.child(path, key);
        int[] mark = document.locateKey(child);
        issues.error(document.file(), mark[0], mark[1], child, "facts.format-feature", feature
            + " needs format 2, but the file is format 1", "write 'format: 2' at the top of the file");
      }
    }

    /** Reports a key a format does not have, with a hint. */
    private void refuse(JsonNode parent, String path, String key, String message, String hint) {
      if (parent.get(key) != null) {
        String child = YamlDocument.child(path, key);
        int[] mark = document.locateKey(child);
        issues.error(document.file(), mark[0], mark[1], child, "facts.unknown-key", message, hint);
      }
    }

    private Period period(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isValueNode()) {
        try {
          return Period.parse(node.asText());
        } catch (IllegalArgumentException e) {
          error("period", "facts.date", describe(node) + " is not a period", "write a year (2025), a month"
              + " (2025-06), a quarter (2025-Q2), start/end dates (2025-01-01/2025-06-30) or {start: …, end: …}");
          return null;
        }
      }
      if (!mapping(node, "period")) {
        return null;
      }
      keys(node, "period", PERIOD_KEYS);
      LocalDate start = date(node, "period", "start", true);
      LocalDate end = date(node, "period", "end", true);
      if (start == null || end == null) {
        return null;
      }
      if (end.isBefore(start)) {
        error("period.end", "facts.period", "period ends on " + end + ", before it starts on " + start,
            "give 'end' on or after 'start'");
        return null;
      }
      return new Period(start, end);
    }

    private List<String> texts(JsonNode node, String path) {
      List<String> values = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      if (node == null || node.isNull()) {
        return values;
      }
      if (!node.isArray()) {
        error(path, "facts.type", "expected a list of pack ids, but found " + describe(node),
            "write e.g. [hanoi-522]");
        return values;
      }
      for (int i = 0; i < node.size(); i++) {
        String value = scalarText(node.get(i), YamlDocument.element(path, i), true);
        if (value != null) {
          if (!seen.add(value)) {
            error(YamlDocument.element(path, i), "facts.duplicate-id", "pack '" + value + "' is listed twice", null);
          } else {
            values.add(value);
          }
        }
      }
      return values;
    }

    private Map<String, String> pins(JsonNode node) {
      Map<String, String> pins = new LinkedHashMap<>();
      if (node == null || node.isNull() || !mapping(node, "pin")) {
        return pins;
      }
      node.fields().forEachRemaining(entry -> {
        String version = scalarText(entry.getValue(), YamlDocument.child("pin", entry.getKey()), true);
        if (version != null) {
          pins.put(entry.getKey(), version);
        }
      });
      return pins;
    }

    private List<Subject> subjects(JsonNode node) {
      List<Subject> subjects = new ArrayList<>();
      Map<String, String> firstAt = new HashMap<>();
      for (int i = 0; list(node, "subjects") && i < node.size(); i++) {
        String path = YamlDocument.element("subjects", i);
        JsonNode item = node.get(i);
        if (!mapping(item, path)) {
          continue;
        }
        keys(item, path, SUBJECT_KEYS);
        String id = id(item, path, "id", true);
        String type = id(item, path, "type", true);
        String name = text(item, path, "name", false);
        String parent = id(item, path, "parent", false);
        Map<String, Object> attributes = attributes(item.get("attributes"), YamlDocument.child(path, "attributes"));
        if (id != null) {
          String previous = firstAt.putIfAbsent(id, path);
          if (previous != null) {
            error(YamlDocument.child(path, "id"), "facts.duplicate-id", "subject id '" + id + "' is already used by "
                + previous + " (line " + document.locate(previous)[0] + ")", "give each subject its own id");
          }
        }
        if (id != null && type != null) {
          subjects.add(new Subject(id, type, name, parent, attributes));
        }
      }
      return subjects;
    }

    private List<Observation> observations(JsonNode node) {
      List<Observation> observations = new ArrayList<>();
      for (int i = 0; list(node, "observations") && i < node.size(); i++) {
        String path = YamlDocument.element("observations", i);
        JsonNode item = node.get(i);
        if (!mapping(item, path)) {
          continue;
        }
        keys(item, path, OBSERVATION_KEYS);
        String subject = id(item, path, "subject", true);
        String indicator = id(item, path, "indicator", true);
        Object value = null;
        if (!item.has("value")) {
          missing(path, "value", "write 'value: null' if the indicator was not observed");
        } else {
          value = value(item.get("value"), YamlDocument.child(path, "value"));
        }
        String observedBy = text(item, path, "observed-by", false);
        LocalDate observedOn = date(item, path, "observed-on", false);
        String method = text(item, path, "method", false);
        LocalDate recordedOn = recordedOn(item, path, observedOn, "observed-on");
        Evidence evidence = evidence(item, path, method);
        if (subject != null && indicator != null) {
          observations.add(new Observation(subject, indicator, value, observedBy, observedOn,
              evidence.method() == null ? method : null, recordedOn, evidence));
        }
      }
      return observations;
    }

    private List<Event> events(JsonNode node) {
      List<Event> events = new ArrayList<>();
      Map<String, String> firstAt = new HashMap<>();
      for (int i = 0; list(node, "events") && i < node.size(); i++) {
        String path = YamlDocument.element("events", i);
        JsonNode item = node.get(i);
        if (!mapping(item, path)) {
          continue;
        }
        keys(item, path, EVENT_KEYS);
        String id = id(item, path, "id", false);
        String subject = id(item, path, "subject", true);
        String type = id(item, path, "type", true);
        LocalDate date = date(item, path, "date", true);
        boolean verified = verified(item.get("verified"), YamlDocument.child(path, "verified"));
        Map<String, Object> attributes = attributes(item.get("attributes"), YamlDocument.child(path, "attributes"));
        if (id != null) {
          String previous = firstAt.putIfAbsent(id, path);
          if (previous != null) {
            error(YamlDocument.child(path, "id"), "facts.duplicate-id", "event id '" + id + "' is already used by "
                + previous + " (line " + document.locate(previous)[0] + ")", "give each event its own id, or none");
          }
        }
        LocalDate recordedOn = recordedOn(item, path, date, "date");
        Evidence evidence = evidence(item, path, null);
        if (subject != null && type != null && date != null) {
          events.add(new Event(id, subject, type, date, verified, attributes, recordedOn, evidence));
        }
      }
      return events;
    }

    /**
     * A fact's {@code evidence} block (format 2, facts-format.md section 5.1): who recorded it, the
     * method and the documents behind it. {@code method} is the observation's own {@code method}:
     * giving both is an error. Never {@code null}.
     */
    private Evidence evidence(JsonNode item, String path, String method) {
      if (format < 2) {
        formatTwoOnly(item, path, "evidence", "an 'evidence' block");
        return Evidence.NONE;
      }
      JsonNode node = item.get("evidence");
      String at = YamlDocument.child(path, "evidence");
      if (node == null || node.isNull() || !mapping(node, at)) {
        return Evidence.NONE;
      }
      keys(node, at, EVIDENCE_KEYS);
      Evidence.Recorder recorder = recorder(node.get("recorded-by"), YamlDocument.child(at, "recorded-by"));
      String evidenceMethod = id(node, at, "method", false);
      if (evidenceMethod != null && method != null) {
        error(YamlDocument.child(at, "method"), "facts.evidence", "method given twice: '" + method
            + "' on the observation and '" + evidenceMethod + "' in its evidence",
            "give the method once, in 'evidence.method'");
      }
      List<Evidence.Reference> references = new ArrayList<>();
      JsonNode list = node.get("references");
      String listAt = YamlDocument.child(at, "references");
      for (int r = 0; list(list, listAt) && r < list.size(); r++) {
        Evidence.Reference reference = reference(list.get(r), YamlDocument.element(listAt, r));
        if (reference != null) {
          references.add(reference);
        }
      }
      return new Evidence(recorder, null, evidenceMethod, references);
    }

    private Evidence.Recorder recorder(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isValueNode()) {
        String text = scalarText(node, path, false);
        return text == null || text.isBlank() ? null : new Evidence.Recorder(text, null);
      }
      if (!mapping(node, path)) {
        return null;
      }
      keys(node, path, RECORDER_KEYS);
      String id = id(node, path, "id", false);
      String role = id(node, path, "role", false);
      if (id == null && role == null) {
        if (tooLong(node.get("id")) || tooLong(node.get("role"))) {
          return null; // already reported
        }
        error(path, "facts.missing", "'recorded-by' gives neither 'id' nor 'role'",
            "write e.g. {id: tkt-ba-dinh, role: inspection-team}");
        return null;
      }
      return new Evidence.Recorder(id, role);
    }

    private static boolean tooLong(JsonNode node) {
      return node != null && node.isValueNode() && node.asText().length() > Ids.MAX_LENGTH;
    }

    private Evidence.Reference reference(JsonNode node, String path) {
      if (!mapping(node, path)) {
        return null;
      }
      keys(node, path, REFERENCE_KEYS);
      String document = text(node, path, "document", false);
      String digest = text(node, path, "digest", false);
      String url = text(node, path, "url", false);
      boolean bad = false;
      String problem = Evidence.Reference.documentProblem(document);
      if (problem != null) {
        error(YamlDocument.child(path, "document"), "facts.too-long", problem, "give the document's number");
        bad = true;
      }
      problem = Evidence.Reference.digestProblem(digest);
      if (problem != null) {
        error(YamlDocument.child(path, "digest"), "facts.evidence", problem,
            "write e.g. sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        bad = true;
      }
      problem = Evidence.Reference.urlProblem(url);
      if (problem != null) {
        error(YamlDocument.child(path, "url"), "facts.evidence", problem,
            "write an absolute URL, e.g. https://example.gov.vn/bien-ban/12.pdf (it is never fetched)");
        bad = true;
      }
      if (document == null && digest == null && url == null) {
        if (!bad) {
          error(path, "facts.missing", "a reference gives none of 'document', 'digest' and 'url'",
              "write e.g. {document: 12/BB-KTCV}");
        }
        return null;
      }
      return bad ? null : new Evidence.Reference(document, digest, url);
    }

    /** A fact's {@code recorded-on} (format 2): a date, not before the day it records. */
    private LocalDate recordedOn(JsonNode item, String path, LocalDate happened, String happenedKey) {
      if (format < 2) {
        formatTwoOnly(item, path, "recorded-on", "'recorded-on'");
        return null;
      }
      LocalDate recorded = date(item, path, "recorded-on", false);
      if (recorded != null && happened != null && recorded.isBefore(happened)) {
        error(YamlDocument.child(path, "recorded-on"), "facts.date", "recorded on " + recorded + ", before its "
            + happenedKey + " " + happened, "a fact is recorded on or after the day it is about");
        return null;
      }
      return recorded;
    }

    private boolean verified(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return true;
      }
      String text = scalarText(node, path, false);
      if ("true".equals(text)) {
        return true;
      }
      if ("false".equals(text)) {
        return false;
      }
      if (text != null) {
        error(path, "facts.type", "'verified' must be true or false, but was " + describe(node),
            "leave it out for a verified event");
      }
      return true;
    }

    private Map<String, Object> attributes(JsonNode node, String path) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      if (node == null || node.isNull() || !mapping(node, path)) {
        return attributes;
      }
      node.fields().forEachRemaining(entry -> {
        String child = YamlDocument.child(path, entry.getKey());
        if (entry.getKey().length() > Ids.MAX_LENGTH) {
          int[] mark = document.locateKey(child);
          issues.error(document.file(), mark[0], mark[1], child, "facts.too-long", "attribute name is "
              + entry.getKey().length() + " characters long, over the limit of " + Ids.MAX_LENGTH,
              "attribute names are the short ids a pack declares");
          return;
        }
        Object value = value(entry.getValue(), child);
        if (value != null) {
          attributes.put(entry.getKey(), value);
        }
      });
      return attributes;
    }

    /** A typed scalar value, or {@code null} for null or a reported error. */
    private Object value(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isValueNode()) {
        error(path, "facts.type", "expected a single value (text, number, true/false or a date), but found "
            + describe(node), "facts hold one value per attribute or indicator");
        return null;
      }
      return convertScalar(node.asText(), document.isQuoted(path));
    }

    // --- shapes -------------------------------------------------------------------------------

    private boolean list(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return false;
      }
      if (!node.isArray()) {
        error(path, "facts.type", "expected a list, but found " + describe(node),
            "write one '- {...}' item per fact");
        return false;
      }
      return true;
    }

    private boolean mapping(JsonNode node, String path) {
      if (node != null && node.isObject()) {
        return true;
      }
      error(path, "facts.type", "expected a mapping, but found " + describe(node), null);
      return false;
    }

    private void keys(JsonNode node, String path, List<String> allowed) {
      node.fieldNames().forEachRemaining(key -> {
        if (!allowed.contains(key)) {
          String child = YamlDocument.child(path, key);
          int[] mark = document.locateKey(child);
          issues.error(document.file(), mark[0], mark[1], child, "facts.unknown-key",
              "unknown key '" + key + "'", suggestion(key, allowed));
        }
      });
    }

    private String text(JsonNode parent, String path, String key, boolean required) {
      JsonNode node = parent.get(key);
      String child = YamlDocument.child(path, key);
      if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
        if (required) {
          missing(path, key, null);
        }
        return null;
      }
      return scalarText(node, child, required);
    }

    /** Text that names something (an id, a type, a reference): at most {@value Ids#MAX_LENGTH} characters. */
    private String id(JsonNode parent, String path, String key, boolean required) {
      String text = text(parent, path, key, required);
      if (text != null && text.length() > Ids.MAX_LENGTH) {
        error(YamlDocument.child(path, key), "facts.too-long", "'" + key + "' is " + text.length()
            + " characters long, over the limit of " + Ids.MAX_LENGTH, "ids and references are short names");
        return null;
      }
      return text;
    }

    private String scalarText(JsonNode node, String path, boolean required) {
      if (node == null || node.isNull()) {
        if (required) {
          error(path, "facts.missing", "a value is required here", null);
        }
        return null;
      }
      if (!node.isValueNode()) {
        error(path, "facts.type", "expected text, but found " + describe(node), null);
        return null;
      }
      return node.asText();
    }

    private LocalDate date(JsonNode parent, String path, String key, boolean required) {
      JsonNode node = parent.get(key);
      String child = YamlDocument.child(path, key);
      if (node == null || node.isNull()) {
        if (required) {
          missing(path, key, "write a date as yyyy-mm-dd, e.g. 2025-06-30");
        }
        return null;
      }
      String text = scalarText(node, child, required);
      if (text == null) {
        return null;
      }
      if (ISO_DATE.matcher(text).matches()) {
        try {
          return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          error(child, "facts.date", describe(node) + " is not a date in the calendar", "check the day and month");
          return null;
        }
      }
      error(child, "facts.date", describe(node) + " is not a date", "write a date as yyyy-mm-dd, e.g. 2025-06-30");
      return null;
    }

    private void missing(String path, String key, String hint) {
      error(YamlDocument.child(path, key), "facts.missing", "missing '" + key + "'", hint);
    }

    private void error(String path, String code, String message, String hint) {
      issues.error(document, path, code, message, hint);
    }

    private static String describe(JsonNode node) {
      return Hints.shown(node);
    }

    private static String suggestion(String key, List<String> allowed) {
      String known = "known keys are " + String.join(", ", allowed);
      return vn.conduct.rules.internal.load.Hints.nearest(key, allowed)
          .map(best -> "did you mean '" + best + "'? " + known).orElse(known);
    }
  }
}
