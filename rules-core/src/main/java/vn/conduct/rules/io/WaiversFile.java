package vn.conduct.rules.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.InvalidWaiversException;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.api.Waiver;
import vn.conduct.rules.internal.engine.Waivers;
import vn.conduct.rules.internal.load.Hints;
import vn.conduct.rules.internal.load.Issues;
import vn.conduct.rules.internal.model.Ids;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * A waiver file that was read successfully (specs/waiver-format.md): its waivers, the warnings the
 * reader found, and where each waiver was written.
 *
 * <pre>{@code
 * WaiversFile file = WaiversFile.read(Path.of("waivers.yaml"));
 * EvaluationRequest request = facts.request().toBuilder().waivers(file.waivers()).build();
 * }</pre>
 *
 * <p>Each waiver's {@link Waiver#source()} is its position in the file, so that an evaluation refusing
 * it (an unknown rule, say) can say where it was written. {@link #check} lints the file against an
 * engine, and optionally the facts, as {@code conduct waivers check} does.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class WaiversFile {

  /** The waiver format this class reads. */
  public static final int FORMAT = 1;

  private static final List<String> ROOT_KEYS = List.of("format", "waivers");
  private static final List<String> WAIVER_KEYS =
      List.of("id", "scope", "subjects", "justification", "approver", "risk", "start", "expiry");
  private static final List<String> SCOPE_KEYS = List.of("pack", "rule", "checklist", "item");
  private static final List<String> SUBJECT_KEYS = List.of("ids", "types", "units", "attribute");
  private static final List<String> APPROVER_KEYS = List.of("name", "id", "role");
  private static final List<String> TEXT_KEYS = List.of("vi", "en");
  private static final Pattern ID = Pattern.compile(Ids.ID);
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final String source;
  private final YamlDocument document;
  private final List<Waiver> waivers;
  private final List<ValidationIssue> warnings;

  private WaiversFile(String source, YamlDocument document, List<Waiver> waivers, List<ValidationIssue> warnings) {
    this.source = source;
    this.document = document;
    this.waivers = List.copyOf(waivers);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Reads a waiver file, reporting every problem at once.
   *
   * @throws InvalidWaiversException if the file cannot be read or has any error, each located as
   *     {@code file:line:column} with its field path (e.g. {@code waivers[0].approver.role})
   */
  public static WaiversFile read(Path file) {
    Objects.requireNonNull(file, "file");
    LocatedFile.Bytes bytes = LocatedFile.bytes(file, "waivers", InvalidWaiversException::new);
    return read(file.toString(), bytes.name(), bytes.content());
  }


  /**
   * Reads a waiver file from bytes.
   *
   * @param fileName the name used in locations and as the source (e.g. {@code waivers.yaml})
   * @param content the file's content, UTF-8
   * @throws InvalidWaiversException if the content has any error (all are reported)
   */
  public static WaiversFile read(String fileName, byte[] content) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(content, "content");
    return read(fileName, fileName, content);
  }

  private static WaiversFile read(String source, String fileName, byte[] content) {
    LocatedFile<List<Waiver>> read = LocatedFile.read(source, fileName, content,
        (document, issues) -> new Binder(document, issues).bind(), InvalidWaiversException::new);
    return new WaiversFile(source, read.document(), read.value(), read.warnings());
  }


  /** Where the file was read from: the path as given, or the name passed to the reader. */
  public String source() {
    return source;
  }

  /** The waivers, in file order. */
  public List<Waiver> waivers() {
    return waivers;
  }

  /** What the reader found suspicious but usable (e.g. a waiver selecting every subject), sorted. */
  public List<ValidationIssue> warnings() {
    return warnings;
  }

  /**
   * Where a value was written, as {@code file:line:column}, for a path such as
   * {@code waivers[1].scope.rule}; the nearest enclosing value if the file lacks the path.
   */
  public Optional<String> locate(String path) {
    return LocatedFile.locate(document, path);
  }

  /**
   * Lints the file (specs/waiver-format.md, section 7): the reader's warnings, then against the
   * engine every scope naming an unknown pack, rule, checklist or item (errors); against the facts,
   * if given, every subject id or unit they lack (errors); a subject type no rule of the pack applies to
 * (error); a waiver expired on {@code on}
   * (warning); and grants that overlap — the same scope, overlapping dates, and subjects both select
   * (with facts: at least one subject; without: selectors that cannot be told apart) (warning).
   *
   * @param engine the engine whose packs the waivers name
   * @param facts the facts the waivers are meant for, or {@code null}
   * @param on the date expiry is judged against (usually today)
   * @return every issue, sorted by position
   */
  public List<ValidationIssue> check(RulesEngine engine, EvaluationRequest facts, LocalDate on) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(on, "on");
    Issues issues = new Issues();
    warnings.forEach(issues::add);
    Map<String, Subject> subjects = new HashMap<>();
    if (facts != null) {
      facts.subjects().forEach(s -> subjects.putIfAbsent(s.id(), s));
    }
    for (int i = 0; i < waivers.size(); i++) {
      Waiver waiver = waivers.get(i);
      String at = YamlDocument.element("waivers", i);
      for (Waivers.ScopeProblem problem : Waivers.scopeProblems(waiver, engine.packs(), engine.rules(),
          engine.checklists())) {
        issues.error(document, at + ".scope." + problem.field(), problem.code(), problem.message(), problem.hint());
      }
      java.util.Set<String> types = new java.util.TreeSet<>();
      engine.rules().stream().filter(r -> r.rule().packId().equals(waiver.packId()))
          .forEach(r -> types.addAll(r.appliesTo()));
      for (int k = 0; k < waiver.subjectTypes().size(); k++) {
        String type = waiver.subjectTypes().get(k);
        if (!types.isEmpty() && !types.contains(type)) {
          issues.error(document, YamlDocument.element(at + ".subjects.types", k), "waiver.unknown-type", "waiver '"
              + waiver.id() + "' names subject type '" + type + "', to which no rule of pack '" + waiver.packId()
              + "' applies", Hints.unknown(type, types, "types the pack's rules apply to"));
        }
      }
      if (facts != null) {
        unknownSubjects(issues, at + ".subjects.ids", waiver, waiver.subjectIds(), subjects);
        unknownSubjects(issues, at + ".subjects.units", waiver, waiver.units(), subjects);
      }
      if (waiver.expiry().isBefore(on)) {
        issues.warning(document, at + ".expiry", "waiver.expired", "waiver '" + waiver.id() + "' expired on "
            + waiver.expiry() + " (checked on " + on + "): it applies only to periods up to that day",
            "remove it once the periods it covers are closed, or renew it with a new id and approval");
      }
    }
    for (int i = 0; i < waivers.size(); i++) {
      for (int j = i + 1; j < waivers.size(); j++) {
        Waiver a = waivers.get(i);
        Waiver b = waivers.get(j);
        if (sameScope(a, b) && !a.expiry().isBefore(b.start()) && !b.expiry().isBefore(a.start())
            && (facts != null ? selectSome(a, b, facts.subjects(), subjects) : mayOverlap(a, b))) {
          String first = a.source().orElse(YamlDocument.element("waivers", i));
          issues.warning(document, YamlDocument.element("waivers", j), "waiver.overlap", "waiver '" + b.id()
              + "' grants what waiver '" + a.id() + "' (at " + first + ") already grants: scope " + a.scopeText()
              + ", dates overlapping, subjects in common" + (facts == null ? " (possibly)" : ""),
              "a finding carries only the first waiver that applies; merge the two grants or make their subjects"
                  + " or dates disjoint");
        }
      }
    }
    return issues.sorted();
  }

  private void unknownSubjects(Issues issues, String path, Waiver waiver, List<String> ids,
      Map<String, Subject> subjects) {
    for (int k = 0; k < ids.size(); k++) {
      if (!subjects.containsKey(ids.get(k))) {
        issues.error(document, YamlDocument.element(path, k), "waiver.unknown-subject", "waiver '" + waiver.id()
            + "' names subject '" + ids.get(k) + "', which the facts do not have",
            Hints.unknown(ids.get(k), subjects.keySet(), "subjects in the facts"));
      }
    }
  }

  private static boolean sameScope(Waiver a, Waiver b) {
    return a.packId().equals(b.packId()) && a.ruleId().equals(b.ruleId()) && a.checklistId().equals(b.checklistId())
        && a.itemId().equals(b.itemId());
  }

  /** Without facts: selectors that are not provably disjoint (ids, types or an attribute's values). */
  private static boolean mayOverlap(Waiver a, Waiver b) {
    if (!a.subjectIds().isEmpty() && !b.subjectIds().isEmpty() && disjoint(a.subjectIds(), b.subjectIds())) {
      return false;
    }
    if (!a.subjectTypes().isEmpty() && !b.subjectTypes().isEmpty() && disjoint(a.subjectTypes(), b.subjectTypes())) {
      return false;
    }
    for (Map.Entry<String, String> entry : a.attributes().entrySet()) {
      String other = b.attributes().get(entry.getKey());
      if (other != null && !other.equals(entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean disjoint(List<String> a, List<String> b) {
    return a.stream().noneMatch(b::contains);
  }

  private static boolean selectSome(Waiver a, Waiver b, List<Subject> all, Map<String, Subject> byId) {
    for (Subject subject : all) {
      List<String> ancestors = new ArrayList<>();
      String parent = subject.parentId();
      while (parent != null && !ancestors.contains(parent)) {
        ancestors.add(parent);
        Subject up = byId.get(parent);
        parent = up == null ? null : up.parentId();
      }
      if (a.selects(subject, ancestors) && b.selects(subject, ancestors)) {
        return true;
      }
    }
    return false;
  }

  /** Binds one parsed document to waivers, reporting every problem. */
  private static final class Binder {
    private final YamlDocument document;
    private final Issues issues;

    Binder(YamlDocument document, Issues issues) {
      this.document = document;
      this.issues = issues;
    }

    List<Waiver> bind() {
      JsonNode root = document.root();
      List<Waiver> waivers = new ArrayList<>();
      if (root.isMissingNode() || root.isNull()) {
        error("", "waivers.empty", "the file is empty", "write 'format: 1' and 'waivers:'; see specs/waiver-format.md");
        return waivers;
      }
      if (!root.isObject()) {
        error("", "waivers.type", "expected a mapping with keys " + ROOT_KEYS + ", but found " + describe(root),
            "see specs/waiver-format.md");
        return waivers;
      }
      keys(root, "", ROOT_KEYS);
      JsonNode format = root.get("format");
      if (format == null || format.isNull()) {
        error("", "waivers.missing", "missing 'format'", "write format: " + FORMAT);
      } else if (!format.isValueNode() || !String.valueOf(FORMAT).equals(format.asText())) {
        error("format", "waivers.format", "waiver format " + describe(format) + " is not supported",
            "this reader reads format " + FORMAT);
      }
      JsonNode list = root.get("waivers");
      if (list == null || list.isNull()) {
        error("", "waivers.missing", "missing 'waivers'", "write waivers: followed by a list (it may be empty: [])");
        return waivers;
      }
      if (!list.isArray()) {
        error("waivers", "waivers.type", "'waivers' must be a list, but is " + describe(list), null);
        return waivers;
      }
      Map<String, String> ids = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        String path = YamlDocument.element("waivers", i);
        Waiver waiver = waiver(list.get(i), path);
        if (waiver == null) {
          continue;
        }
        String earlier = ids.putIfAbsent(waiver.id(), path);
        if (earlier != null) {
          error(path + ".id", "waivers.duplicate-id", "waiver id '" + waiver.id() + "' is already used by "
              + earlier + " (" + located(earlier) + ")", "give each waiver its own id");
          continue;
        }
        waivers.add(waiver);
      }
      return waivers;
    }

    private Waiver waiver(JsonNode node, String path) {
      if (!node.isObject()) {
        error(path, "waivers.type", "a waiver must be a mapping, but is " + describe(node), null);
        return null;
      }
      keys(node, path, WAIVER_KEYS);
      int errors = issues.errorCount();
      String id = text(node, path, "id", true);
      if (id != null && !ID.matcher(id).matches()) {
        error(path + ".id", "waivers.id", "waiver id '" + id + "' is not an id",
            "use lowercase ASCII letters and digits, separated by '.', '-' or '_', e.g. w-2025-06-late");
      }
      String pack = null;
      String rule = null;
      String checklist = null;
      String item = null;
      JsonNode scope = mapping(node, path, "scope", true);
      String scopePath = path + ".scope";
      if (scope != null) {
        keys(scope, scopePath, SCOPE_KEYS);
        pack = text(scope, scopePath, "pack", true);
        rule = text(scope, scopePath, "rule", false);
        checklist = text(scope, scopePath, "checklist", false);
        item = text(scope, scopePath, "item", false);
        if (rule != null && checklist != null) {
          error(scopePath + ".rule", "waivers.scope", "a scope names a rule or a checklist, not both (rule '"
              + rule + "', checklist '" + checklist + "')", "to waive one item of a checklist, write checklist and item");
        }
        if (item != null && checklist == null) {
          error(scopePath + ".item", "waivers.scope", "'item' needs 'checklist' (item '" + item + "')",
              "name the checklist the item belongs to, or write rule: " + item);
        }
      }
      List<String> subjectIds = List.of();
      List<String> types = List.of();
      List<String> units = List.of();
      Map<String, Object> attributes = new java.util.LinkedHashMap<>();
      JsonNode subjects = mapping(node, path, "subjects", false);
      String subjectsPath = path + ".subjects";
      if (subjects != null) {
        keys(subjects, subjectsPath, SUBJECT_KEYS);
        subjectIds = texts(subjects, subjectsPath, "ids");
        types = texts(subjects, subjectsPath, "types");
        units = texts(subjects, subjectsPath, "units");
        JsonNode attribute = mapping(subjects, subjectsPath, "attribute", false);
        if (attribute != null) {
          attribute.fields().forEachRemaining(e -> {
            String at = YamlDocument.child(subjectsPath + ".attribute", e.getKey());
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
              error(at, "waivers.type", "attribute '" + e.getKey() + "' must be one value, but is "
                  + describe(e.getValue()), null);
            } else {
              attributes.put(e.getKey(), FactsReader.convertScalar(e.getValue().asText(), document.isQuoted(at)));
            }
          });
        }
      }
      LocalizedText justification = localized(node, path, "justification");
      Waiver.Approver approver = approver(node, path);
      Waiver.Risk risk = null;
      String riskText = text(node, path, "risk", true);
      if (riskText != null) {
        switch (riskText) {
          case "low" -> risk = Waiver.Risk.LOW;
          case "medium" -> risk = Waiver.Risk.MEDIUM;
          case "high" -> risk = Waiver.Risk.HIGH;
          default -> error(path + ".risk", "waivers.risk", "risk '" + riskText + "' is not one of low, medium, high",
              Hints.nearest(riskText, List.of("low", "medium", "high")).map(n -> "did you mean '" + n + "'?")
                  .orElse("write low, medium or high"));
        }
      }
      LocalDate start = date(node, path, "start");
      LocalDate expiry = date(node, path, "expiry");
      if (start != null && expiry != null && expiry.isBefore(start)) {
        error(path + ".expiry", "waivers.dates", "expiry " + expiry + " is before start " + start,
            "both dates are inclusive: a waiver for June 2025 starts 2025-06-01 and expires 2025-06-30");
      }
      if (issues.errorCount() > errors) {
        return null;
      }
      Waiver.Builder builder = Waiver.builder(id, pack).subjectIds(subjectIds).subjectTypes(types).units(units)
          .justification(justification).approver(approver).risk(risk).dates(start, expiry)
          .source(located(path));
      if (rule != null) {
        builder.rule(rule);
      }
      if (checklist != null) {
        if (item != null) {
          builder.item(checklist, item);
        } else {
          builder.checklist(checklist);
        }
      }
      attributes.forEach(builder::attribute);
      Waiver waiver = builder.build();
      if (waiver.selectsEverySubject()) {
        issues.warning(document, subjects == null ? path : subjectsPath, "waivers.every-subject", "waiver '" + id
            + "' selects every subject of its scope (" + waiver.scopeText() + ")",
            "name the subjects it excuses with ids, types, units or attribute; if every subject is meant, say so in"
                + " the justification");
      }
      return waiver;
    }

    private Waiver.Approver approver(JsonNode node, String path) {
      JsonNode approver = mapping(node, path, "approver", true);
      if (approver == null) {
        return null;
      }
      String at = path + ".approver";
      keys(approver, at, APPROVER_KEYS);
      String name = text(approver, at, "name", false);
      String id = text(approver, at, "id", false);
      String role = text(approver, at, "role", true);
      if (name == null && id == null) {
        error(at, "waivers.approver", "the approver has neither 'name' nor 'id'", "write name: or id: (or both)");
        return null;
      }
      return role == null ? null : Waiver.Approver.of(name, id, role);
    }

    private LocalizedText localized(JsonNode node, String path, String key) {
      JsonNode value = node.get(key);
      String at = YamlDocument.child(path, key);
      if (value == null || value.isNull()) {
        error(path, "waivers.missing", "missing '" + key + "'", "write " + key + ": {vi: \"…\", en: \"…\"}");
        return null;
      }
      if (value.isTextual()) {
        if (value.asText().isBlank()) {
          error(at, "waivers.missing", "'" + key + "' is blank", "say why the exception is granted");
          return null;
        }
        return LocalizedText.of(value.asText());
      }
      if (!value.isObject()) {
        error(at, "waivers.type", "'" + key + "' must be a text or {vi:, en:}, but is " + describe(value), null);
        return null;
      }
      keys(value, at, TEXT_KEYS);
      String vi = text(value, at, "vi", false);
      String en = text(value, at, "en", false);
      if (vi == null && en == null) {
        error(at, "waivers.missing", "'" + key + "' has no text in any language", "write vi: and en:");
        return null;
      }
      return LocalizedText.of(vi, en);
    }

    private LocalDate date(JsonNode node, String path, String key) {
      String text = text(node, path, key, true);
      if (text == null) {
        return null;
      }
      String at = YamlDocument.child(path, key);
      if (!DATE.matcher(text).matches()) {
        error(at, "waivers.date", "'" + text + "' is not a date (yyyy-mm-dd)",
            "dates are inclusive days with no time or time zone, e.g. 2025-06-30");
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        error(at, "waivers.date", "'" + text + "' is not a date of the calendar", "check the day of the month");
        return null;
      }
    }

    private JsonNode mapping(JsonNode node, String path, String key, boolean required) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        if (required) {
          error(path, "waivers.missing", "missing '" + key + "'", "see specs/waiver-format.md, section 3");
        }
        return null;
      }
      if (!value.isObject()) {
        error(YamlDocument.child(path, key), "waivers.type", "'" + key + "' must be a mapping, but is "
            + describe(value), null);
        return null;
      }
      return value;
    }

    private List<String> texts(JsonNode node, String path, String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return List.of();
      }
      String at = YamlDocument.child(path, key);
      if (!value.isArray()) {
        error(at, "waivers.type", "'" + key + "' must be a list, but is " + describe(value),
            "write " + key + ": [" + (value.isValueNode() ? value.asText() : "…") + "]");
        return List.of();
      }
      Set<String> texts = new LinkedHashSet<>();
      for (int i = 0; i < value.size(); i++) {
        JsonNode element = value.get(i);
        if (!element.isValueNode() || element.isNull() || element.asText().isBlank()) {
          error(YamlDocument.element(at, i), "waivers.type", "expected a name, but found " + describe(element), null);
        } else {
          texts.add(element.asText());
        }
      }
      if (value.isEmpty()) {
        error(at, "waivers.type", "'" + key + "' is empty", "leave the key out, or name at least one");
      }
      return List.copyOf(texts);
    }

    private String text(JsonNode node, String path, String key, boolean required) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        if (required) {
          error(path, "waivers.missing", "missing '" + key + "'", "see specs/waiver-format.md, section 3");
        }
        return null;
      }
      if (!value.isValueNode()) {
        error(YamlDocument.child(path, key), "waivers.type", "'" + key + "' must be a text, but is " + describe(value),
            null);
        return null;
      }
      return value.asText();
    }

    private void keys(JsonNode node, String path, List<String> allowed) {
      node.fieldNames().forEachRemaining(key -> {
        if (!allowed.contains(key)) {
          String child = YamlDocument.child(path, key);
          int[] mark = document.locateKey(child);
          issues.error(document.file(), mark[0], mark[1], child, "waivers.unknown-key", "unknown key '" + key + "'",
              Hints.unknown(key, allowed, "known keys here"));
        }
      });
    }

    private String located(String path) {
      int[] mark = document.locate(path);
      return document.file() + ":" + mark[0] + ":" + mark[1];
    }

    private void error(String path, String code, String message, String hint) {
      issues.error(document, path, code, message, hint);
    }

    private static String describe(JsonNode node) {
      return Hints.shown(node);
    }
  }

  @Override
  public String toString() {
    return "WaiversFile[" + source + ", " + waivers.size() + " waivers]";
  }
}
