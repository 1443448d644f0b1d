package vn.conduct.rules.internal.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.conduct.rules.internal.condition.Cond.Field;
import vn.conduct.rules.internal.condition.Cond.Operand;
import vn.conduct.rules.internal.condition.Cond.Over;
import vn.conduct.rules.internal.condition.Cond.Scope;
import vn.conduct.rules.internal.condition.Cond.Window;
import vn.conduct.rules.internal.condition.ConditionLanguage.Aggregation;
import vn.conduct.rules.internal.condition.ConditionLanguage.Form;
import vn.conduct.rules.internal.condition.ConditionLanguage.Operator;
import vn.conduct.rules.internal.condition.ConditionLanguage.Reach;
import vn.conduct.rules.internal.condition.ConditionLanguage.TimePoint;
import vn.conduct.rules.internal.condition.ConditionLanguage.WindowKind;
import vn.conduct.rules.internal.load.Hints;
import vn.conduct.rules.internal.load.Issues;
import vn.conduct.rules.internal.load.PackScope;
import vn.conduct.rules.internal.model.DataType;
import vn.conduct.rules.internal.model.EventTypeDoc;
import vn.conduct.rules.internal.model.FieldDoc;
import vn.conduct.rules.internal.model.ParameterDoc;
import vn.conduct.rules.internal.model.SubjectTypeDoc;
import vn.conduct.rules.internal.model.VocabularyDoc;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * Parses and type-checks the condition language against a pack's vocabulary. Every problem is
 * reported with its path; parsing goes on past errors so that all of them are found at once.
 * Which operators, functions and windows exist, what they take and which types they accept, and
 * the hints naming them, all come from {@link ConditionLanguage}.
 */
public final class ConditionParser {

  /** Conditions may expand to at most this many alternatives when compiled. */
  public static final int MAX_BRANCHES = 64;

  private static final List<String> COMPARISON_KEYS = List.of("attribute", "indicator");
  /** What a comparison may compare: a field, and in format 2 a date of the evaluation or days between two. */
  private static final List<String> TERM_KEYS = List.of("attribute", "indicator", "date",
      ConditionLanguage.DAYS_BETWEEN);
  private static final List<String> LOGIC_KEYS = List.of("all", "any", "not");

  private final PackScope scope;
  private final VocabularyDoc vocabulary;
  private final Map<String, ParameterDoc> parameters;
  private final YamlDocument document;
  private final Issues issues;
  private boolean failed;
  /** Whether the {@code where} being parsed already holds a nested aggregate. */
  private boolean nestedSeen;

  /**
   * @param scope what the pack's manifest declares; references to entries it knows to be broken
   *     fail silently (the declaration's own error is reported)
   */
  public ConditionParser(PackScope scope, YamlDocument document, Issues issues) {
    this.scope = scope;
    this.vocabulary = scope.vocabulary();
    this.parameters = scope.parameters();
    this.document = document;
    this.issues = issues;
  }

  /**
   * Where field names are looked up (a set of subject types, or a set of event types), and how deep
   * in aggregates: {@code level} 0 is a rule's own condition, 1 the {@code where} of an aggregate,
   * 2 the {@code where} of an aggregate nested in one; {@code inSubjects} whether that {@code where}
   * is of a members or descendants scope.
   */
  private record Context(Set<String> subjectTypes, Set<String> eventTypes, int level, boolean inSubjects) {
    Context(Set<String> subjectTypes, Set<String> eventTypes, boolean allowAggregates) {
      this(subjectTypes, eventTypes, allowAggregates ? 0 : 1, false);
    }

    /** The context of the {@code where} of an aggregate parsed here. */
    Context inner(Set<String> subjectTypes, Set<String> eventTypes, boolean subjects) {
      return new Context(subjectTypes, eventTypes, level + 1, subjects);
    }
  }

  /** How many aggregates may be nested in one another: one inside a members or descendants scope's {@code where}. */
  public static final int MAX_NESTING = 1;

  /**
   * Parses a condition evaluated on subjects of the given types; returns {@code null} after
   * reporting errors.
   */
  public Cond parseForSubjects(JsonNode node, String path, Set<String> subjectTypes) {
    failed = false;
    Cond cond = parse(node, path, new Context(subjectTypes, Set.of(), true));
    if (!failed && cond != null) {
      int branches = Dnf.branchCount(cond);
      if (branches > MAX_BRANCHES) {
        error(path, "condition.too-complex", "condition expands to " + branches
            + " alternatives, over the limit of " + MAX_BRANCHES, "split it into several rules");
        return null;
      }
    }
    return failed ? null : cond;
  }

  private Cond parse(JsonNode node, String path, Context context) {
    if (node == null || !node.isObject()) {
      error(path, "condition.syntax", "a condition must be a mapping, but was "
          + describe(node), "write e.g. {indicator: sipas, ge: 80} or {all: [...]}");
      return null;
    }
    if (node.has("all") || node.has("any")) {
      String key = node.has("all") ? "all" : "any";
      onlyKeys(node, path, Set.of(key));
      JsonNode list = node.get(key);
      String listPath = YamlDocument.child(path, key);
      if (!list.isArray() || list.isEmpty()) {
        error(listPath, "condition.syntax", "'" + key + "' takes a non-empty list of conditions",
            null);
        return null;
      }
      List<Cond> operands = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        operands.add(parse(list.get(i), YamlDocument.element(listPath, i), context));
      }
      return key.equals("all") ? new Cond.All(operands) : new Cond.Any(operands);
    }
    if (node.has("not")) {
      onlyKeys(node, path, Set.of("not"));
      return new Cond.Not(parse(node.get("not"), YamlDocument.child(path, "not"), context));
    }
    for (String agg : Aggregation.keys()) {
      if (node.has(agg)) {
        String aggPath = YamlDocument.child(path, agg);
        if (context.level() > 0 && !context.inSubjects()) {
          error(aggPath, "condition.syntax", "aggregates cannot be nested inside the 'where' of an events scope",
              "nest them in the 'where' of a members or descendants scope");
          return null;
        }
        if (context.level() > MAX_NESTING) {
          error(aggPath, "condition.syntax", "aggregates nest " + MAX_NESTING + " level deep: this one is inside"
              + " the 'where' of an aggregate that is itself nested", "split the condition into several rules");
          return null;
        }
        if (context.level() > 0) {
          needsFormat2(aggPath, "an aggregate nested in a members or descendants scope");
          if (nestedSeen) {
            error(aggPath, "condition.syntax", "a scope's 'where' holds at most one aggregate",
                "split the condition into several rules");
            return null;
          }
          nestedSeen = true;
        }
        return aggregate(node, path, agg, context);
      }
    }
    return comparison(node, path, context, false);
  }

  private Cond comparison(JsonNode node, String path, Context context, boolean eventScope) {
    String fieldKey = null;
    for (String key : TERM_KEYS) {
      if (node.has(key)) {
        if (fieldKey != null) {
          error(path, "condition.syntax", "a comparison names one field, but has both '"
              + fieldKey + "' and '" + key + "'", null);
          return null;
        }
        fieldKey = key;
      }
    }
    if (fieldKey == null) {
      List<String> forms = new ArrayList<>(TERM_KEYS);
      forms.addAll(LOGIC_KEYS);
      forms.addAll(Aggregation.keys());
      String typo = keys(node).stream().map(k -> Hints.nearest(k, forms).orElse(null))
          .filter(java.util.Objects::nonNull).findFirst().map(n -> "did you mean '" + n + "'? ").orElse("");
      error(path, "condition.syntax", "unknown condition with keys " + keys(node),
          typo + "use one of " + String.join(", ", forms));
      return null;
    }
    JsonNode nameNode = node.get(fieldKey);
    String fieldPath = YamlDocument.child(path, fieldKey);
    Cond.Term term;
    Set<String> allowed = null;
    if (COMPARISON_KEYS.contains(fieldKey)) {
      if (!nameNode.isTextual()) {
        error(fieldPath, "condition.syntax", "'" + fieldKey + "' names a field, but was "
            + describe(nameNode), null);
        return null;
      }
      Field field = resolveField(fieldKey, nameNode.asText(), fieldPath, context);
      allowed = field == null ? null : declaredValues(fieldKey, nameNode.asText(), context);
      term = field;
    } else {
      term = term(fieldKey, nameNode, fieldPath, context);
    }
    List<String> opKeys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals(fieldKey)) {
        opKeys.add(key);
      }
    }
    if (opKeys.size() != 1) {
      error(path, "condition.syntax", "a comparison needs exactly one operator, but has "
          + (opKeys.isEmpty() ? "none" : opKeys), "operators: " + String.join(", ", Operator.keys()));
      return null;
    }
    Operator op = operator(opKeys.get(0), YamlDocument.child(path, opKeys.get(0)));
    if (op == null || term == null) {
      return null;
    }
    String opPath = YamlDocument.child(path, op.key);
    List<Operand> operands = operands(op, node.get(op.key), opPath, term.type(), label(term), allowed);
    if (operands == null) {
      return null;
    }
    boolean timed = !(term instanceof Field) || operands.stream().anyMatch(o -> o.date() != null);
    return timed ? new Cond.Measure(term, op, operands) : new Cond.Compare((Field) term, op, operands);
  }

  /** A term as messages name it. */
  private static String label(Cond.Term term) {
    if (term instanceof Field field) {
      return field.label();
    }
    if (term instanceof Cond.DateOf date) {
      return "{date: " + date.point().key + "}";
    }
    return "'" + ConditionLanguage.DAYS_BETWEEN + "'";
  }

  /**
   * Reads a term other than a plain field (format 2): {@code date: <point>}, or
   * {@code days-between: [from, to]} whose ends are date fields or dates of the evaluation.
   */
  private Cond.Term term(String key, JsonNode value, String path, Context context) {
    needsFormat2(path, key.equals("date") ? "a date of the evaluation" : "days between two dates");
    if (key.equals("date")) {
      return timePoint(value, path);
    }
    if (!value.isArray() || value.size() != 2) {
      error(path, "condition.syntax", "'" + key + "' takes [from, to], two dates, but was " + describe(value),
          "e.g. days-between: [{attribute: joined-on}, {attribute: signed-on}]");
      return null;
    }
    Cond.Term[] ends = new Cond.Term[2];
    for (int i = 0; i < 2; i++) {
      JsonNode end = value.get(i);
      String endPath = YamlDocument.element(path, i);
      List<String> dateKeys = List.of("attribute", "indicator", "date");
      if (!end.isObject() || end.size() != 1 || !dateKeys.contains(end.fieldNames().next())) {
        error(endPath, "condition.syntax", "an end of '" + key + "' is {attribute: <id>}, {indicator: <id>} or"
            + " {date: <point>}, but was " + describe(end), "date points: " + String.join(", ", TimePoint.keys()));
        return null;
      }
      String endKey = end.fieldNames().next();
      JsonNode name = end.get(endKey);
      String namePath = YamlDocument.child(endPath, endKey);
      if (endKey.equals("date")) {
        ends[i] = timePoint(name, namePath);
      } else if (!name.isTextual()) {
        error(namePath, "condition.syntax", "'" + endKey + "' names a field, but was " + describe(name), null);
        return null;
      } else {
        ends[i] = resolveField(endKey, name.asText(), namePath, context);
      }
      if (ends[i] != null && ends[i].type() != DataType.DATE) {
        error(namePath, "type.mismatch", "'" + key + "' counts days between dates, but " + label(ends[i]) + " is a "
            + ends[i].type().label(), null);
        return null;
      }
    }
    return ends[0] == null || ends[1] == null ? null : new Cond.DaysBetween(ends[0], ends[1]);
  }

  private Cond.DateOf timePoint(JsonNode node, String path) {
    Optional<TimePoint> point = node.isTextual() ? TimePoint.byKey(node.asText()) : Optional.empty();
    if (point.isEmpty()) {
      error(path, "condition.syntax", "unknown date of the evaluation " + describe(node),
          Hints.unknown(node.isTextual() ? node.asText() : "", TimePoint.keys(), "dates of the evaluation"));
      return null;
    }
    return new Cond.DateOf(point.get());
  }

  /** Reports a format 2 feature in a pack that says {@code format: 1} (spec section 18). */
  private void needsFormat2(String path, String feature) {
    var pack = scope.pack();
    if (pack != null && pack.format() != null && pack.format() < 2) {
      String parent = YamlDocument.parent(path);
      String key = parent.isEmpty() ? path : path.substring(parent.length() + (path.charAt(parent.length()) == '.'
          ? 1 : 0));
      error(path, "pack.format-feature", feature + " ('" + key + "') needs format 2, but pack.yaml says format: "
          + pack.format(), "write 'format: 2' in pack.yaml (rule-pack-format.md, section 18 says what changes)");
    }
  }

  private Cond aggregate(JsonNode node, String path, String aggKey, Context context) {
    Aggregation agg = Aggregation.byKey(aggKey).orElseThrow();
    String specPath = YamlDocument.child(path, aggKey);
    JsonNode spec = node.get(aggKey);
    List<String> opKeys = new ArrayList<>();
    node.fieldNames().forEachRemaining(k -> {
      if (!k.equals(aggKey)) {
        opKeys.add(k);
      }
    });
    if (spec == null || !spec.isObject()) {
      error(specPath, "condition.syntax", "'" + aggKey + "' takes a mapping with 'events' or "
          + "'members', but was " + describe(spec), null);
      return null;
    }
    onlyKeys(spec, specPath, Set.of("events", "members", "descendants", "about", "verified-only", "within", "where",
        "of"));
    List<String> scopeKeys = new ArrayList<>();
    for (String key : List.of("events", "members", "descendants")) {
      if (spec.has(key)) {
        scopeKeys.add(key);
      }
    }
    if (scopeKeys.size() != 1) {
      error(specPath, "condition.syntax", "'" + aggKey + "' needs exactly one of 'events', 'members' and"
          + " 'descendants'", null);
      return null;
    }
    boolean overEvents = scopeKeys.get(0).equals("events");
    Set<String> eventTypes = Set.of();
    String memberType = null;
    Reach reach = Reach.SELF;
    Context inner;
    if (overEvents) {
      Set<String> owners = context.subjectTypes();
      if (spec.has("about")) {
        String aboutPath = YamlDocument.child(specPath, "about");
        needsFormat2(aboutPath, "the events of members or descendants");
        JsonNode about = spec.get("about");
        String key = about.isObject() && about.size() == 1 ? about.fieldNames().next() : null;
        Optional<Reach> aboutReach = key == null ? Optional.empty() : Reach.byKey(key);
        if (aboutReach.isEmpty()) {
          error(aboutPath, "condition.syntax", "'about' takes {members: <type>} or {descendants: <type>}, but was "
              + describe(about), "e.g. about: {members: officer}");
          return null;
        }
        reach = aboutReach.get();
        memberType = subjectType(about.get(key), YamlDocument.child(aboutPath, key), reach, context);
        if (memberType == null) {
          return null;
        }
        owners = Set.of(memberType);
      }
      eventTypes = eventTypes(spec.get("events"), YamlDocument.child(specPath, "events"),
          new Context(owners, Set.of(), false));
      inner = context.inner(Set.of(), eventTypes, false);
    } else {
      reach = Reach.byKey(scopeKeys.get(0)).orElseThrow();
      String typePath = YamlDocument.child(specPath, reach.key);
      if (reach.format2()) {
        needsFormat2(typePath, "an aggregate over " + reach.key);
      }
      memberType = subjectType(spec.get(reach.key), typePath, reach, context);
      if (memberType == null) {
        return null;
      }
      inner = context.inner(Set.of(memberType), Set.of(), true);
      for (String eventOnly : List.of("verified-only", "within", "about")) {
        if (spec.has(eventOnly)) {
          error(YamlDocument.child(specPath, eventOnly), "condition.syntax",
              "'" + eventOnly + "' applies to events, not " + reach.key, null);
        }
      }
    }
    boolean verifiedOnly = true;
    if (spec.has("verified-only")) {
      JsonNode v = spec.get("verified-only");
      if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
        verifiedOnly = Boolean.parseBoolean(v.asText());
      } else {
        error(YamlDocument.child(specPath, "verified-only"), "type.mismatch",
            "'verified-only' must be true or false, but was " + describe(v), null);
      }
    }
    Window window = Window.PERIOD;
    if (spec.has("within")) {
      window = window(spec.get("within"), YamlDocument.child(specPath, "within"));
    }
    Cond where = null;
    if (spec.has("where")) {
      boolean outerSeen = nestedSeen;
      nestedSeen = false;
      where = parse(spec.get("where"), YamlDocument.child(specPath, "where"), inner);
      nestedSeen = outerSeen;
    }
    Field of = null;
    if (agg.needsOf()) {
      JsonNode ofNode = spec.get("of");
      String ofPath = YamlDocument.child(specPath, "of");
      if (ofNode == null || !ofNode.isObject() || ofNode.size() != 1) {
        error(ofPath, "condition.syntax", "'" + aggKey + "' needs 'of: {attribute: <name>}'"
            + (overEvents ? "" : " or 'of: {indicator: <name>}'"), null);
      } else {
        String key = ofNode.fieldNames().next();
        JsonNode name = ofNode.get(key);
        if (!COMPARISON_KEYS.contains(key) || !name.isTextual()) {
          error(ofPath, "condition.syntax", "'of' takes {attribute: <name>} or {indicator: <name>}", null);
        } else {
          of = resolveField(key, name.asText(), YamlDocument.child(ofPath, key), inner);
          if (of != null && !agg.takesOf(of.type())) {
            error(YamlDocument.child(ofPath, key), "type.mismatch", "'" + aggKey + "' needs a "
                + ConditionLanguage.or(agg.ofTypes().stream().map(DataType::label).toList()) + ", but " + of.label() + " is a " + of.type().label(),
                null);
            of = null;
          } else if (of != null && of.type() == DataType.DATE) {
            needsFormat2(YamlDocument.child(ofPath, key), "the least or greatest date");
          }
        }
      }
    } else if (spec.has("of")) {
      error(YamlDocument.child(specPath, "of"), "condition.syntax", "'of' is for "
          + ConditionLanguage.or(java.util.Arrays.stream(Aggregation.values()).filter(Aggregation::needsOf)
              .map(a -> a.key).toList()) + ", not " + aggKey, null);
    }
    if (agg.membersOnly && overEvents) {
      error(specPath, "condition.syntax", "'" + aggKey + "' ranges over members, not events",
          "use count for events");
    }
    if (opKeys.size() != 1) {
      error(path, "condition.syntax", "an aggregate needs exactly one operator, but has "
          + (opKeys.isEmpty() ? "none" : opKeys), "e.g. {count: {...}, ge: 2}");
      return null;
    }
    Operator op = operator(opKeys.get(0), YamlDocument.child(path, opKeys.get(0)));
    if (op == null) {
      return null;
    }
    DataType result = of != null && of.type() == DataType.DATE ? DataType.DATE : DataType.NUMBER;
    if (op.form.decidesMissing() || !op.accepts(result)) {
      error(YamlDocument.child(path, op.key), "condition.syntax",
          "'" + op.key + "' cannot compare " + (result == DataType.DATE ? "a date aggregate" : "an aggregate"),
          "use " + ConditionLanguage.keys(result == DataType.DATE ? Operator.comparing(DataType.DATE)
              : Operator.comparingAggregates()));
      return null;
    }
    List<Operand> operands = operands(op, node.get(op.key), YamlDocument.child(path, op.key),
        result, aggKey, null);
    if (operands == null) {
      return null;
    }
    return new Cond.Aggregate(agg, overEvents ? Over.EVENTS : Over.MEMBERS, reach, eventTypes, memberType,
        verifiedOnly, window, where, of, op, operands);
  }

  /**
   * The subject type a members or descendants scope names; {@code null} after reporting an error.
   * A member type's parent MUST be each type the condition is evaluated on, and a descendant type MUST
   * have each of them among its ancestors' types: any other scope would range over no subject at all.
   */
  private String subjectType(JsonNode node, String path, Reach reach, Context context) {
    if (node == null || !node.isTextual() || !vocabulary.subjectTypes().containsKey(node.asText())) {
      if (node != null && node.isTextual() && !scope.reportsSubjectType(node.asText())) {
        failed = true;
      } else {
        error(path, "ref.unknown-subject-type", "unknown " + (reach == Reach.DESCENDANTS ? "descendant" : "member")
            + " subject type " + describe(node), Hints.unknown(node == null || !node.isTextual() ? "" : node.asText(),
                vocabulary.subjectTypes().keySet(), "declared subject types"));
      }
      return null;
    }
    String type = node.asText();
    if (reach == Reach.MEMBERS) {
      String parent = vocabulary.subjectTypes().get(type).parent();
      for (String evaluated : context.subjectTypes()) {
        if (!evaluated.equals(parent)) {
          error(path, "type.mismatch", "subject type '" + type + "' is not a member type of '" + evaluated + "'",
              parent == null ? "it declares no parent; members are the subjects whose parent is the evaluated one"
                  : "its parent is '" + parent + "'; for members at any depth write descendants: " + type);
          return null;
        }
      }
    }
    if (reach == Reach.DESCENDANTS) {
      Set<String> ancestors = new LinkedHashSet<>();
      String current = vocabulary.subjectTypes().get(type).parent();
      while (current != null && ancestors.add(current) && vocabulary.subjectTypes().containsKey(current)) {
        current = vocabulary.subjectTypes().get(current).parent();
      }
      for (String evaluated : context.subjectTypes()) {
        if (!ancestors.contains(evaluated)) {
          error(path, "type.mismatch", "subject type '" + type + "' does not descend from '" + evaluated + "'",
              ancestors.isEmpty() ? "it declares no parent" : "its ancestors are " + String.join(" → ", ancestors));
          return null;
        }
      }
    }
    return type;
  }

  private Set<String> eventTypes(JsonNode node, String path, Context context) {
    Set<String> types = new LinkedHashSet<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      error(path, "condition.syntax", "'events' takes a non-empty list of event types", null);
      return types;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode type = node.get(i);
      String typePath = YamlDocument.element(path, i);
      EventTypeDoc doc = type.isTextual() ? vocabulary.eventTypes().get(type.asText()) : null;
      if (doc == null) {
        if (type.isTextual() && !scope.reportsEventType(type.asText())) {
          failed = true;
        } else {
          error(typePath, "ref.unknown-event-type", "unknown event type " + describe(type),
              Hints.unknown(type.asText(), vocabulary.eventTypes().keySet(), "declared event types"));
        }
        continue;
      }
      if (!doc.subjectTypes().isEmpty()) {
        for (String subjectType : context.subjectTypes()) {
          if (!doc.subjectTypes().contains(subjectType)) {
            error(typePath, "type.mismatch", "event type '" + type.asText()
                + "' is not about subject type '" + subjectType + "'",
                "it is about " + doc.subjectTypes());
          }
        }
      }
      types.add(type.asText());
    }
    return types;
  }

  private Window window(JsonNode node, String path) {
    if (node.isObject() && node.size() == 1 && node.has("param")) {
      return windowParameter(node.get("param"), YamlDocument.child(path, "param"));
    }
    Window window = WindowKind.read(node.isTextual() ? node.asText() : "");
    if (window == null) {
      error(path, "condition.syntax", "'within' must be " + WindowKind.expected() + ", but was " + describe(node),
          null);
      return Window.PERIOD;
    }
    return window;
  }

  /**
   * A window a pack parameter gives (format 2): a string parameter whose default is a window; the
   * host may override it with another window when it builds the engine.
   */
  private Window windowParameter(JsonNode name, String path) {
    needsFormat2(path, "a window given by a parameter");
    ParameterDoc parameter = name.isTextual() ? parameters.get(name.asText()) : null;
    if (parameter == null) {
      if (name.isTextual() && !scope.reportsParameter(name.asText())) {
        failed = true;
      } else {
        error(path, "ref.unknown-parameter", "unknown parameter " + describe(name),
            Hints.unknown(name.isTextual() ? name.asText() : "", parameters.keySet(), "declared parameters"));
      }
      return Window.PERIOD;
    }
    String id = name.asText();
    Window value = parameter.type() == DataType.STRING && parameter.defaultValue().isTextual()
        ? WindowKind.read(parameter.defaultValue().asText()) : null;
    if (value == null) {
      error(path, "type.mismatch", "parameter '" + id + "' is used as a window, but it is a "
          + parameter.type().label() + (parameter.type() == DataType.STRING ? " whose default '"
              + parameter.defaultValue().asText() + "' is not one" : ""),
          "a window is a string parameter whose value is " + WindowKind.expected());
      return Window.PERIOD;
    }
    return new Window(value.kind(), value.lookBack(), id);
  }

  /** A valid look-back window, or {@code null}: {@link ConditionLanguage#lookBack}, for deductions. */
  public static java.time.Period lookBack(String text) {
    return ConditionLanguage.lookBack(text);
  }

  private Field resolveField(String key, String name, String path, Context context) {
    if (!context.eventTypes().isEmpty()) {
      if (key.equals("indicator")) {
        error(path, "condition.syntax", "events have attributes, not indicators", null);
        return null;
      }
      DataType type = null;
      for (String eventType : context.eventTypes()) {
        Map<String, FieldDoc> declared = vocabulary.eventTypes().get(eventType).attributes();
        FieldDoc field = declared.get(name);
        if (field == null) {
          if (!scope.reportsEventAttribute(eventType, name)) {
            failed = true;
          } else {
            error(path, "ref.unknown-field", "event type '" + eventType + "' has no attribute '" + name + "'",
                declared.isEmpty() ? "it declares no attributes" : Hints.unknown(name, declared.keySet(), "declared"));
          }
          return null;
        }
        if (type != null && type != field.type()) {
          error(path, "type.mismatch", "attribute '" + name + "' has different types across event types",
              null);
          return null;
        }
        type = field.type();
      }
      return new Field(Scope.EVENT_ATTRIBUTE, name, type);
    }
    Scope scope = key.equals("attribute") ? Scope.ATTRIBUTE : Scope.INDICATOR;
    DataType type = null;
    for (String subjectType : context.subjectTypes()) {
      SubjectTypeDoc doc = vocabulary.subjectTypes().get(subjectType);
      if (doc == null) {
        return null;
      }
      Map<String, FieldDoc> fields = scope == Scope.ATTRIBUTE ? doc.attributes() : doc.indicators();
      FieldDoc field = fields.get(name);
      if (field == null) {
        if (!this.scope.reportsField(subjectType, key, name)) {
          failed = true;
        } else {
          error(path, "ref.unknown-field", "subject type '" + subjectType + "' has no " + key + " '"
              + name + "'", fields.isEmpty() ? "it declares no " + key + "s"
              : Hints.unknown(name, fields.keySet(), "declared " + key + "s"));
        }
        return null;
      }
      if (type != null && type != field.type()) {
        error(path, "type.mismatch", key + " '" + name + "' has different types across "
            + context.subjectTypes(), null);
        return null;
      }
      type = field.type();
    }
    return type == null ? null : new Field(scope, name, type);
  }

  /**
   * The strings a field may be compared with: those every declaring type lists in {@code values}
   * (compared in Unicode NFC), or {@code null} when no type restricts them.
   */
  private Set<String> declaredValues(String key, String name, Context context) {
    Set<String> allowed = null;
    List<FieldDoc> fields = new ArrayList<>();
    if (!context.eventTypes().isEmpty()) {
      context.eventTypes().forEach(t -> fields.add(vocabulary.eventTypes().get(t).attributes().get(name)));
    } else {
      for (String subjectType : context.subjectTypes()) {
        SubjectTypeDoc doc = vocabulary.subjectTypes().get(subjectType);
        fields.add(doc == null ? null : (key.equals("attribute") ? doc.attributes() : doc.indicators()).get(name));
      }
    }
    for (FieldDoc field : fields) {
      if (field == null || field.values().isEmpty()) {
        continue;
      }
      Set<String> declared = new LinkedHashSet<>();
      field.values().stream().filter(java.util.Objects::nonNull).forEach(v -> declared.add(nfc(v)));
      if (allowed == null) {
        allowed = declared;
      } else {
        allowed.retainAll(declared);
      }
    }
    return allowed;
  }

  private static String nfc(String text) {
    return vn.conduct.rules.internal.model.Nfc.of(text);
  }

  private Operator operator(String key, String path) {
    Optional<Operator> op = Operator.byKey(key);
    if (op.isEmpty()) {
      error(path, "condition.syntax", "unknown operator '" + key + "'",
          Hints.unknown(key, Operator.keys(), "operators"));
    }
    return op.orElse(null);
  }

  /**
   * Reads an operator's value by its form, after checking that it accepts the operand's type.
   *
   * @param allowed the strings a string field may be compared with, or {@code null} for any
   */
  private List<Operand> operands(Operator op, JsonNode node, String path, DataType type, String label,
      Set<String> allowed) {
    if (!op.accepts(type)) {
      error(path, "type.mismatch", "'" + op.key + "' compares " + plural(op.types()) + ", but " + label
          + " is a " + type.label(), "use " + ConditionLanguage.keys(Operator.comparing(type)));
      return null;
    }
    Form form = op.form;
    return switch (form) {
      case PRESENCE -> {
        if (!node.isTextual() || !node.asText().equals("true")) {
          error(path, "condition.syntax", "'" + op.key + "' takes " + form.takes + ", but was "
              + describe(node), form.example);
          yield null;
        }
        yield List.of();
      }
      case ONE -> {
        Operand value = operand(node, path, type, label, allowed, true);
        yield value == null ? null : List.of(value);
      }
      case RANGE -> {
        if (!node.isArray() || node.size() != 2) {
          error(path, "condition.syntax", "'" + op.key + "' takes " + form.takes + ", but was " + describe(node),
              form.example);
          yield null;
        }
        Operand low = operand(node.get(0), YamlDocument.element(path, 0), type, label, allowed, true);
        Operand high = operand(node.get(1), YamlDocument.element(path, 1), type, label, allowed, true);
        if (low == null || high == null) {
          yield null;
        }
        if (low.constant() instanceof Comparable<?> l && high.constant() instanceof Comparable<?> h
            && compare(l, h) > 0) {
          error(path, "condition.syntax", "'" + op.key + "' low bound " + low.constant()
              + " is above its high bound " + high.constant(), "write [low, high]");
          yield null;
        }
        yield List.of(low, high);
      }
      case LIST -> {
        if (!node.isArray() || node.isEmpty()) {
          error(path, "condition.syntax", "'" + op.key + "' takes " + form.takes + ", but was " + describe(node),
              form.example);
          yield null;
        }
        List<Operand> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
          String elementPath = YamlDocument.element(path, i);
          Operand value = operand(node.get(i), elementPath, type, label, allowed, false);
          if (value != null) {
            for (Operand earlier : values) {
              if (earlier != null && compare((Comparable<?>) earlier.constant(), (Comparable<?>) value.constant()) == 0) {
                error(elementPath, "condition.syntax", "'" + op.key + "' lists " + describe(node.get(i))
                    + " twice; its values must be distinct", "remove the repeated value");
                value = null;
                break;
              }
            }
          }
          values.add(value);
        }
        yield values.contains(null) ? null : values;
      }
    };
  }

  private static String plural(Set<DataType> types) {
    return ConditionLanguage.or(types.stream().map(t -> t.label() + "s").toList());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Comparable a, Comparable b) {
    return a.compareTo(b);
  }

  private Operand operand(JsonNode node, String path, DataType type, String label, Set<String> allowed,
      boolean paramsAllowed) {
    if (node != null && node.isObject() && !paramsAllowed && node.has("param")) {
      error(path, "condition.syntax", "a list of values cannot hold {param: …}, but was " + describe(node),
          "write the values themselves; {param: <id>} may stand for the value of "
              + ConditionLanguage.keys(java.util.Arrays.stream(Operator.values())
                  .filter(o -> o.form.takesParameters()).toList()));
      return null;
    }
    if (node != null && node.isObject() && node.size() == 1 && node.has("date")) {
      String datePath = YamlDocument.child(path, "date");
      needsFormat2(datePath, "a date of the evaluation");
      if (!paramsAllowed) {
        error(path, "condition.syntax", "a list of values cannot hold {date: …}", "write the values themselves");
        return null;
      }
      Cond.DateOf point = timePoint(node.get("date"), datePath);
      if (point == null) {
        return null;
      }
      if (type != DataType.DATE) {
        error(datePath, "type.mismatch", "{date: " + point.point().key + "} is a date, but " + label + " is a "
            + type.label(), null);
        return null;
      }
      return Operand.date(point.point());
    }
    if (node != null && node.isObject()) {
      if (node.size() != 1 || !node.has("param") || !node.get("param").isTextual()) {
        error(path, "condition.syntax", "a value is a constant, {param: <name>} or (format 2) {date: <point>}, but was "
            + describe(node), null);
        return null;
      }
      String name = node.get("param").asText();
      ParameterDoc parameter = parameters.get(name);
      if (parameter == null) {
        if (!scope.reportsParameter(name)) {
          failed = true;
        } else {
          error(YamlDocument.child(path, "param"), "ref.unknown-parameter", "unknown parameter '" + name + "'",
              Hints.unknown(name, parameters.keySet(), "declared parameters"));
        }
        return null;
      }
      if (parameter.type() != type) {
        error(YamlDocument.child(path, "param"), "type.mismatch", "parameter '" + name + "' is a "
            + parameter.type().label() + ", but " + label + " is a " + type.label(), null);
        return null;
      }
      Object value = constant(parameter.defaultValue(), type);
      if (value instanceof String text && allowed != null && !allowed.contains(text)) {
        error(YamlDocument.child(path, "param"), "type.mismatch", "parameter '" + name + "' defaults to '" + text
            + "', which is not a declared value of " + label, Hints.unknown(text, allowed, "declared values"));
        return null;
      }
      return Operand.param(name);
    }
    Object constant = constant(node, type);
    if (constant == null) {
      error(path, "type.mismatch", label + " is a " + type.label() + ", but the value is "
          + describe(node), hintFor(type));
      return null;
    }
    if (constant instanceof String text && allowed != null && !allowed.contains(text)) {
      error(path, "type.mismatch", "'" + text + "' is not a declared value of " + label,
          Hints.unknown(text, allowed, "declared values"));
      return null;
    }
    return Operand.of(constant);
  }

  /** Converts a YAML scalar (kept as text) to a value of the declared type, or {@code null}. */
  public static Object constant(JsonNode node, DataType type) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    String text = node.asText();
    return switch (type) {
      case STRING -> vn.conduct.rules.internal.model.Nfc.of(text);
      case BOOLEAN -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
      case NUMBER -> ConditionLanguage.readNumber(text);
      case DATE -> {
        try {
          yield LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          yield null;
        }
      }
    };
  }

  private static String hintFor(DataType type) {
    return switch (type) {
      case BOOLEAN -> "write true or false";
      case NUMBER -> "write a decimal number such as 80 or 2.5, at most " + ConditionLanguage.MAX_NUMBER_LENGTH
          + " characters";
      case DATE -> "write an ISO date such as 2025-06-30";
      case STRING -> null;
    };
  }

  private void onlyKeys(JsonNode node, String path, Set<String> allowed) {
    node.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        error(YamlDocument.child(path, key), "condition.syntax", "unexpected key '" + key + "'",
            Hints.unknown(key, allowed, "allowed here"));
      }
    });
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    if (node.isNull()) {
      return "empty";
    }
    if (node.isTextual()) {
      return "'" + node.asText() + "'";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "a mapping";
  }

  private void error(String path, String code, String message, String hint) {
    failed = true;
    issues.error(document, path, code, message, hint);
  }
}
