package vn.conduct.rules.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import vn.conduct.rules.api.Decision;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.InvalidDecisionsException;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.engine.Decisions;
import vn.conduct.rules.internal.load.Hints;
import vn.conduct.rules.internal.load.Issues;
import vn.conduct.rules.internal.model.Ids;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * A decision file that was read successfully (specs/decision-format.md): its contests, reviews and
 * overrides, the warnings the reader found, and where each decision was written.
 *
 * <pre>{@code
 * DecisionsFile file = DecisionsFile.read(Path.of("decisions.yaml"));
 * file.check(engine, facts, LocalDate.now()).forEach(System.out::println); // authorities, targets
 * EvaluationRequest request = facts.toBuilder().decisions(file.decisions()).build();
 * }</pre>
 *
 * <p>Each decision's {@link Decision#source()} is its position in the file, so that an evaluation
 * refusing it (an unknown rule, an override without the authority) can say where it was written.
 * {@link #check} checks the file against an engine and the facts as {@code conduct decisions check}
 * does, locating each problem at the field it is about.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class DecisionsFile {

  /** The decision format this class reads. */
  public static final int FORMAT = 1;

  private static final List<String> ROOT_KEYS = List.of("format", "decisions");
  private static final List<String> DECISION_KEYS = List.of("id", "kind", "subject", "target", "period", "date",
      "by", "reason", "outcome", "points", "adjustment");
  private static final List<String> TARGET_KEYS = List.of("pack", "rule", "checklist", "item");
  private static final List<String> BY_KEYS = List.of("id", "name", "role");
  private static final List<String> TEXT_KEYS = List.of("vi", "en");
  private static final List<String> KINDS = List.of("contest", "review", "override");
  private static final List<String> OUTCOMES = List.of("PASS", "FAIL", "NOT_APPLICABLE", "UNKNOWN");
  private static final Pattern ID = Pattern.compile(Ids.ID);
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,6}(\\.\\d{1,4})?");

  private final String source;
  private final YamlDocument document;
  private final List<Decision> decisions;
  private final List<ValidationIssue> warnings;

  private DecisionsFile(String source, YamlDocument document, List<Decision> decisions,
      List<ValidationIssue> warnings) {
    this.source = source;
    this.document = document;
    this.decisions = List.copyOf(decisions);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Reads a decision file, reporting every problem at once.
   *
   * @throws InvalidDecisionsException if the file cannot be read or has any error, each located as
   *     {@code file:line:column} with its field path (e.g. {@code decisions[2].target.rule})
   */
  public static DecisionsFile read(Path file) {
    Objects.requireNonNull(file, "file");
    LocatedFile.Bytes bytes = LocatedFile.bytes(file, "decisions", InvalidDecisionsException::new);
    return read(file.toString(), bytes.name(), bytes.content());
  }


  /**
   * Reads a decision file from bytes.
   *
   * @param fileName the name used in locations and as the source (e.g. {@code decisions.yaml})
   * @param content the file's content, UTF-8
   * @throws InvalidDecisionsException if the content has any error (all are reported)
   */
  public static DecisionsFile read(String fileName, byte[] content) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(content, "content");
    return read(fileName, fileName, content);
  }

  private static DecisionsFile read(String source, String fileName, byte[] content) {
    LocatedFile<List<Decision>> read = LocatedFile.read(source, fileName, content,
        (document, issues) -> new Binder(document, issues).bind(), InvalidDecisionsException::new);
    return new DecisionsFile(source, read.document(), read.value(), read.warnings());
  }


  /** Where the file was read from: the path as given, or the name passed to the reader. */
  public String source() {
    return source;
  }

  /** The decisions, in file order. */
  public List<Decision> decisions() {
    return decisions;
  }

  /** What the reader found suspicious but usable, sorted (none in this version of the format). */
  public List<ValidationIssue> warnings() {
    return warnings;
  }

  /**
   * Where a value was written, as {@code file:line:column}, for a path such as
   * {@code decisions[1].by.role}; the nearest enclosing value if the file lacks the path.
   */
  public Optional<String> locate(String path) {
    return LocatedFile.locate(document, path);
  }

  /**
   * Checks the file (specs/decision-format.md, section 8) against the engine and, if given, the facts:
   * targets the packs lack (with the nearest names), subjects and signers the facts lack, reviews and
   * overrides by someone who does not hold, for that subject, an authority the pack declares (never
   * the subject itself), adjustments and points beyond their bounds (errors); and contests no review or
   * override has answered yet (warnings, {@code decision.pending}).
   *
   * @param engine the engine whose packs the decisions name
   * @param facts the facts the decisions are about, or {@code null} (then holders are not checked)
   * @param on the date of the check (a decision dated after it is an error: {@code decision.future})
   * @return every issue, sorted by position
   */
  public List<ValidationIssue> check(RulesEngine engine, EvaluationRequest facts, LocalDate on) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(on, "on");
    Issues issues = new Issues();
    warnings.forEach(issues::add);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < decisions.size(); i++) {
      index.put(decisions.get(i).id(), i);
    }
    for (Decisions.Problem problem : Decisions.problems(decisions, engine, facts, true)) {
      String at = YamlDocument.element("decisions", index.get(problem.decision().id()));
      issues.error(document, at + "." + problem.field(), problem.code(), problem.message(), problem.hint());
    }
    for (int i = 0; i < decisions.size(); i++) {
      Decision decision = decisions.get(i);
      String at = YamlDocument.element("decisions", i);
      if (decision.date().isAfter(on)) {
        issues.error(document, at + ".date", "decision.future", "decision '" + decision.id() + "' is dated "
            + decision.date() + ", after the check date " + on, "date a decision on the day it was made");
      }
      if (decision.kind() == Decision.Kind.CONTEST && pending(decision)) {
        issues.warning(document, at, "decision.pending", "decision '" + decision.id() + "' contests "
            + decision.subjectId() + "'s " + decision.targetText() + " for " + decision.period()
            + ", and no review or override after it answers it yet: reports show it as pending",
            "add the review (or the override) when the authority has decided");
      }
    }
    return issues.sorted();
  }

  /** Whether no review or override of the same target, on or after the contest's date, follows it in the file. */
  private boolean pending(Decision contest) {
    int at = decisions.indexOf(contest);
    for (int i = 0; i < decisions.size(); i++) {
      Decision other = decisions.get(i);
      if (other.kind() != Decision.Kind.CONTEST && other.subjectId().equals(contest.subjectId())
          && other.targetText().equals(contest.targetText()) && other.period().equals(contest.period())
          && (other.date().isAfter(contest.date()) || other.date().equals(contest.date()) && i > at)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "DecisionsFile[" + source + ", " + decisions.size() + " decisions]";
  }

  /** Binds one parsed document to decisions, reporting every problem. */
  private static final class Binder {
    private final YamlDocument document;
    private final Issues issues;

    Binder(YamlDocument document, Issues issues) {
      this.document = document;
      this.issues = issues;
    }

    List<Decision> bind() {
      JsonNode root = document.root();
      List<Decision> decisions = new ArrayList<>();
      if (root.isMissingNode() || root.isNull()) {
        error("", "decisions.empty", "the file is empty",
            "write 'format: 1' and 'decisions:'; see specs/decision-format.md");
        return decisions;
      }
      if (!root.isObject()) {
        error("", "decisions.type", "expected a mapping with keys " + ROOT_KEYS + ", but found " + describe(root),
            "see specs/decision-format.md");
        return decisions;
      }
      keys(root, "", ROOT_KEYS);
      JsonNode format = root.get("format");
      if (format == null || format.isNull()) {
        error("", "decisions.missing", "missing 'format'", "write format: " + FORMAT);
      } else if (!format.isValueNode() || !String.valueOf(FORMAT).equals(format.asText())) {
        error("format", "decisions.format", "decision format " + describe(format) + " is not supported",
            "this reader reads format " + FORMAT);
      }
      JsonNode list = root.get("decisions");
      if (list == null || list.isNull()) {
        error("", "decisions.missing", "missing 'decisions'",
            "write decisions: followed by a list (it may be empty: [])");
        return decisions;
      }
      if (!list.isArray()) {
        error("decisions", "decisions.type", "'decisions' must be a list, but is " + describe(list), null);
        return decisions;
      }
      Map<String, String> ids = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        String path = YamlDocument.element("decisions", i);
        Decision decision = decision(list.get(i), path);
        if (decision == null) {
          continue;
        }
        String earlier = ids.putIfAbsent(decision.id(), path);
        if (earlier != null) {
          error(path + ".id", "decisions.duplicate-id", "decision id '" + decision.id() + "' is already used by "
              + earlier + " (" + located(earlier) + ")", "give each decision its own id");
          continue;
        }
        decisions.add(decision);
      }
      return decisions;
    }

    private Decision decision(JsonNode node, String path) {
      if (!node.isObject()) {
        error(path, "decisions.type", "a decision must be a mapping, but is " + describe(node), null);
        return null;
      }
      keys(node, path, DECISION_KEYS);
      int errors = issues.errorCount();
      String id = text(node, path, "id", true);
      if (id != null && !ID.matcher(id).matches()) {
        error(path + ".id", "decisions.id", "decision id '" + id + "' is not an id",
            "use lowercase ASCII letters and digits, separated by '.', '-' or '_', e.g. d-2025-06-cb-013-1");
      }
      Decision.Kind kind = null;
      String kindText = text(node, path, "kind", true);
      if (kindText != null) {
        if (KINDS.contains(kindText)) {
          kind = Decision.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } else {
          error(path + ".kind", "decisions.kind", "kind '" + kindText + "' is not one of " + String.join(", ", KINDS),
              Hints.nearest(kindText, KINDS).map(n -> "did you mean '" + n + "'?")
                  .orElse("write contest, review or override"));
        }
      }
      String subject = text(node, path, "subject", true);
      String pack = null;
      String rule = null;
      String checklist = null;
      String item = null;
      JsonNode target = mapping(node, path, "target", true);
      String targetPath = path + ".target";
      if (target != null) {
        keys(target, targetPath, TARGET_KEYS);
        pack = text(target, targetPath, "pack", true);
        rule = text(target, targetPath, "rule", false);
        checklist = text(target, targetPath, "checklist", false);
        item = text(target, targetPath, "item", false);
        if (rule != null && checklist != null) {
          error(targetPath + ".rule", "decisions.target", "a target names a rule or a checklist, not both (rule '"
              + rule + "', checklist '" + checklist + "')",
              "for a finding write rule; for one item of a checklist write checklist and item");
        } else if (rule == null && checklist == null && pack != null) {
          error(targetPath, "decisions.target", "the target names no rule and no checklist",
              "write rule: (a finding), checklist: and item: (an item), or checklist: alone (the score)");
        }
        if (item != null && checklist == null) {
          error(targetPath + ".item", "decisions.target", "'item' needs 'checklist' (item '" + item + "')",
              "name the checklist the item belongs to, or write rule: " + item);
        }
      }
      Period period = null;
      String periodText = text(node, path, "period", true);
      if (periodText != null) {
        try {
          period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
          error(path + ".period", "decisions.period", "'" + periodText + "' is not a period",
              "write the period judged as the report states it: a month (2025-06), a quarter (2025-Q2), a year"
                  + " (2025) or start/end dates (2025-01-01/2025-06-30)");
        }
      }
      LocalDate date = date(node, path, "date");
      if (date != null && period != null && date.isBefore(period.start())) {
        error(path + ".date", "decisions.date", "decision dated " + date + ", before the period " + period
            + " it is about begins", "a result is contested, reviewed and overridden after it was judged");
      }
      Decision.Actor by = actor(node, path);
      LocalizedText reason = localized(node, path, "reason");
      Outcome outcome = null;
      String outcomeText = text(node, path, "outcome", false);
      if (outcomeText != null) {
        if (OUTCOMES.contains(outcomeText)) {
          outcome = Outcome.valueOf(outcomeText);
        } else {
          error(path + ".outcome", "decisions.outcome", "outcome '" + outcomeText + "' is not one of "
              + String.join(", ", OUTCOMES), Hints.nearest(outcomeText.toUpperCase(Locale.ROOT), OUTCOMES)
                  .map(n -> "did you mean '" + n + "'?").orElse("an override sets PASS, FAIL, NOT_APPLICABLE or UNKNOWN"));
        }
      }
      BigDecimal points = number(node, path, "points");
      BigDecimal adjustment = number(node, path, "adjustment");
      if (points != null && points.signum() < 0) {
        error(path + ".points", "decisions.points", "points " + points.toPlainString() + " are negative",
            "give an item between 0 and its points");
      }
      if (adjustment != null && adjustment.signum() == 0) {
        error(path + ".adjustment", "decisions.payload", "an adjustment of 0 changes nothing",
            "leave the override out, or make it a review (which upholds the result)");
      }
      if (kind != null) {
        payload(path, kind, rule, checklist, item, outcomeText, node.has("points"), node.has("adjustment"));
      }
      if (kind == Decision.Kind.CONTEST && by != null && subject != null && !by.id().equals(subject)) {
        error(path + ".by.id", "decisions.contest-by", "a contest is made by the subject itself ('" + subject
            + "'), but this one is signed by '" + by.id() + "'",
            "an authority reviews or overrides; only the subject contests");
      }
      if (issues.errorCount() > errors) {
        return null;
      }
      Decision.Builder builder = Decision.builder(id, kind, subject).period(period).date(date).by(by).reason(reason)
          .source(located(path));
      if (rule != null) {
        builder.rule(pack, rule);
      } else if (item != null) {
        builder.item(pack, checklist, item);
      } else {
        builder.checklist(pack, checklist);
      }
      if (outcome != null) {
        builder.outcome(outcome);
      }
      if (points != null) {
        builder.points(points);
      }
      if (adjustment != null) {
        builder.adjustment(adjustment);
      }
      return builder.build();
    }

    /** What a decision of a kind may set on its target (decision-format.md, section 3.2). */
    private void payload(String path, Decision.Kind kind, String rule, String checklist, String item,
        String outcome, boolean points, boolean adjustment) {
      List<String> given = new ArrayList<>();
      if (outcome != null) {
        given.add("outcome");
      }
      if (points) {
        given.add("points");
      }
      if (adjustment) {
        given.add("adjustment");
      }
      String kindText = kind.name().toLowerCase(Locale.ROOT);
      if (kind != Decision.Kind.OVERRIDE) {
        for (String key : given) {
          error(path + "." + key, "decisions.payload", "a " + kindText + " sets no " + key,
              "only an override sets an outcome, points or an adjustment; a review without one upholds the result");
        }
        return;
      }
      if (given.isEmpty()) {
        error(path, "decisions.payload", "an override sets nothing", rule != null ? "write outcome: PASS (or FAIL, …)"
            : item != null ? "write outcome: or points:" : "write adjustment: (points added, negative to take off)");
        return;
      }
      if (given.size() > 1) {
        error(path + "." + given.get(1), "decisions.payload", "an override sets one thing, but this one sets "
            + String.join(" and ", given), "write one override per change");
        return;
      }
      String key = given.get(0);
      if (rule != null && !key.equals("outcome")) {
        error(path + "." + key, "decisions.payload", "an override of a rule finding sets its outcome, not " + key,
            "points and adjustments are for checklists: target checklist and item, or the checklist");
      } else if (checklist != null && item != null && key.equals("adjustment")) {
        error(path + ".adjustment", "decisions.payload", "an override of a checklist item sets its outcome or points,"
            + " not an adjustment", "to adjust the score, target the checklist without item");
      } else if (checklist != null && item == null && !key.equals("adjustment")) {
        error(path + "." + key, "decisions.payload", "an override of a checklist's score sets an adjustment, not "
            + key, "to set an item's " + key + ", name the item in target");
      }
    }

    private Decision.Actor actor(JsonNode node, String path) {
      JsonNode by = mapping(node, path, "by", true);
      if (by == null) {
        return null;
      }
      String at = path + ".by";
      keys(by, at, BY_KEYS);
      String id = text(by, at, "id", true);
      String name = text(by, at, "name", false);
      String role = text(by, at, "role", true);
      return id == null || role == null ? null : Decision.Actor.of(id, name, role);
    }

    private BigDecimal number(JsonNode node, String path, String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      String at = YamlDocument.child(path, key);
      if (!value.isValueNode() || !NUMBER.matcher(value.asText()).matches()) {
        error(at, "decisions.type", "'" + key + "' must be a number (at most 6 digits, 4 decimals), but is "
            + describe(value), null);
        return null;
      }
      return new BigDecimal(value.asText());
    }

    private LocalizedText localized(JsonNode node, String path, String key) {
      JsonNode value = node.get(key);
      String at = YamlDocument.child(path, key);
      if (value == null || value.isNull()) {
        error(path, "decisions.missing", "missing '" + key + "'", "write " + key + ": {vi: \"…\", en: \"…\"}");
        return null;
      }
      if (value.isTextual()) {
        if (value.asText().isBlank()) {
          error(at, "decisions.missing", "'" + key + "' is blank", "say why");
          return null;
        }
        return LocalizedText.of(value.asText());
      }
      if (!value.isObject()) {
        error(at, "decisions.type", "'" + key + "' must be a text or {vi:, en:}, but is " + describe(value), null);
        return null;
      }
      keys(value, at, TEXT_KEYS);
      String vi = text(value, at, "vi", false);
      String en = text(value, at, "en", false);
      if (vi == null && en == null) {
        error(at, "decisions.missing", "'" + key + "' has no text in any language", "write vi: and en:");
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
        error(at, "decisions.date", "'" + text + "' is not a date (yyyy-mm-dd)", "write the day of the act, e.g. 2025-07-08");
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        error(at, "decisions.date", "'" + text + "' is not a date of the calendar", "check the day of the month");
        return null;
      }
    }

    private JsonNode mapping(JsonNode node, String path, String key, boolean required) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        if (required) {
          error(path, "decisions.missing", "missing '" + key + "'", "see specs/decision-format.md, section 3");
        }
        return null;
      }
      if (!value.isObject()) {
        error(YamlDocument.child(path, key), "decisions.type", "'" + key + "' must be a mapping, but is "
            + describe(value), null);
        return null;
      }
      return value;
    }

    private String text(JsonNode node, String path, String key, boolean required) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        if (required) {
          error(path, "decisions.missing", "missing '" + key + "'", "see specs/decision-format.md, section 3");
        }
        return null;
      }
      if (!value.isValueNode()) {
        error(YamlDocument.child(path, key), "decisions.type", "'" + key + "' must be a text, but is "
            + describe(value), null);
        return null;
      }
      return value.asText();
    }

    private void keys(JsonNode node, String path, List<String> allowed) {
      node.fieldNames().forEachRemaining(key -> {
        if (!allowed.contains(key)) {
          String child = YamlDocument.child(path, key);
          int[] mark = document.locateKey(child);
          issues.error(document.file(), mark[0], mark[1], child, "decisions.unknown-key", "unknown key '" + key + "'",
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
}
