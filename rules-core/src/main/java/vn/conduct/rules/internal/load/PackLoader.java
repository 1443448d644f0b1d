package vn.conduct.rules.internal.load;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionParser;
import vn.conduct.rules.internal.load.LoadedPack.LoadedChecklist;
import vn.conduct.rules.internal.load.LoadedPack.LoadedRule;
import vn.conduct.rules.internal.model.ChecklistDoc;
import vn.conduct.rules.internal.model.DataType;
import vn.conduct.rules.internal.model.EventTypeDoc;
import vn.conduct.rules.internal.model.FieldDoc;
import vn.conduct.rules.internal.model.PackDoc;
import vn.conduct.rules.internal.model.ParameterDoc;
import vn.conduct.rules.internal.model.RuleDoc;
import vn.conduct.rules.internal.model.SubjectTypeDoc;
import vn.conduct.rules.internal.yaml.SafeYaml;
import vn.conduct.rules.internal.yaml.YamlDocument;
import vn.conduct.rules.spi.RulePackSource;

/**
 * Reads a pack from its source: safe parse, bind, validate, check every reference and type, and
 * collect every problem. A pack with any error does not load.
 */
public final class PackLoader {

  /** The most files a pack may hold. */
  public static final int MAX_FILES = 1000;

  /** The supported pack format. */
  public static final int FORMAT = 1;

  private PackLoader() { }

  /**
   * The outcome of loading: the pack if it had no error, and every issue found.
   *
   * @param pack the loaded pack, empty if any error was found
   * @param issues every issue, sorted
   * @param incompatible whether the only reason the pack failed is the engine range
   */
  public record Result(Optional<LoadedPack> pack, List<ValidationIssue> issues, boolean incompatible) { }

  public static Result load(RulePackSource source, SemVer engineVersion) {
    Issues issues = new Issues();
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      List<String> names = source.files().stream()
          .filter(name -> java.util.Arrays.stream(name.split("/")).noneMatch(part -> part.startsWith(".")))
          .toList();
      if (names.size() > MAX_FILES) {
        issues.error("", 0, 0, "", "pack.size", "pack holds " + names.size() + " files, over the limit of "
            + MAX_FILES, null);
        return new Result(Optional.empty(), issues.sorted(), false);
      }
      for (String name : names) {
        try (InputStream in = source.open(name)) {
          files.put(name, in.readNBytes(SafeYaml.MAX_CODE_POINTS * 4 + 1));
        }
      }
    } catch (IOException e) {
      issues.error("", 0, 0, "", "pack.io", "cannot read pack at " + source.origin() + ": " + e.getMessage(),
          null);
      return new Result(Optional.empty(), issues.sorted(), false);
    }
    return new PackReader(source.origin(), files, issues, engineVersion).read();
  }

  /** SHA-256 over every file's path and content, in path order. */
  static String digest(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.keySet().stream().sorted(PackLoader::compareUtf8).forEach(name -> {
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        byte[] content = files.get(name);
        sha.update(path);
        sha.update((byte) 0);
        sha.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
        sha.update(content);
      });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static final class PackReader {
    private final String origin;
    private final Map<String, byte[]> files;
    private final Issues issues;
    private final SemVer engineVersion;
    private boolean incompatible;

    PackReader(String origin, Map<String, byte[]> files, Issues issues, SemVer engineVersion) {
      this.origin = origin;
      this.files = files;
      this.issues = issues;
      this.engineVersion = engineVersion;
    }

    Result read() {
      Optional<PackDoc> manifest = Optional.empty();
      YamlDocument manifestDoc = null;
      if (!files.containsKey("pack.yaml")) {
        issues.error("pack.yaml", 0, 0, "", "pack.missing-manifest", "no pack.yaml at the pack's root ("
            + origin + ")", "a pack is a directory with a pack.yaml manifest at its root");
      } else {
        Optional<YamlDocument> parsed = SafeYaml.parse("pack.yaml", files.get("pack.yaml"), issues);
        if (parsed.isPresent()) {
          manifestDoc = parsed.get();
          manifest = Binder.bind(manifestDoc, PackDoc.class, issues);
        }
      }
      List<Bound<RuleDoc>> ruleDocs = new ArrayList<>();
      List<Bound<ChecklistDoc>> checklistDocs = new ArrayList<>();
      Set<String> ruleFolders = new java.util.TreeSet<>();
      for (String name : files.keySet()) {
        String[] parts = name.split("/");
        if (parts.length >= 3 && parts[0].equals("rules")) {
          ruleFolders.add(parts[1]);
        }
        if (parts.length == 3 && parts[0].equals("rules") && parts[2].equals("rule.yaml")) {
          parse(name, RuleDoc.class).ifPresent(ruleDocs::add);
        } else if (parts.length == 2 && parts[0].equals("checklists") && parts[1].endsWith(".yaml")) {
          parse(name, ChecklistDoc.class).ifPresent(checklistDocs::add);
        } else if (parts.length == 2 && parts[0].equals("rules") && isYaml(parts[1])) {
          issues.error(name, 0, 0, "", "pack.layout", "rule files live in rules/<rule-id>/rule.yaml",
              "move it to rules/" + parts[1].replaceFirst("\\.ya?ml$", "") + "/rule.yaml");
        } else if (parts[0].equals("checklists") && (parts.length > 2 || parts[1].endsWith(".yml"))) {
          issues.error(name, 0, 0, "", "pack.layout", "checklists live in checklists/<checklist-id>.yaml",
              parts.length > 2 ? "checklists/ holds no folders" : "use the extension .yaml");
        } else if (isYaml(name) && name.endsWith(".yml")) {
          issues.error(name, 0, 0, "", "pack.layout", "pack files use the extension .yaml", "rename it to .yaml");
        }
      }
      for (String folder : ruleFolders) {
        if (!files.containsKey("rules/" + folder + "/rule.yaml")) {
          issues.error("rules/" + folder, 0, 0, "", "pack.layout", "rule folder '" + folder + "' has no rule.yaml",
              "every folder under rules/ holds one rule.yaml");
        }
      }
      if (manifest.isEmpty()) {
        return new Result(Optional.empty(), issues.sorted(), false);
      }
      PackDoc pack = manifest.get();
      YamlDocument m = manifestDoc;
      SemVer.Range range = checkManifest(pack, m);
      Map<String, Object> defaults = parameterDefaults(pack, m);
      List<LoadedRule> rules = new ArrayList<>();
      Map<String, String> ruleFiles = new HashMap<>();
      for (Bound<RuleDoc> bound : ruleDocs) {
        checkRule(pack, bound, ruleFiles).ifPresent(rules::add);
      }
      Map<String, LoadedRule> rulesById = new HashMap<>();
      rules.forEach(r -> rulesById.put(r.doc().id(), r));
      List<LoadedChecklist> checklists = new ArrayList<>();
      for (Bound<ChecklistDoc> bound : checklistDocs) {
        checkChecklist(pack, bound, rulesById).ifPresent(checklists::add);
      }
      if (!issues.hasErrors()) {
        warnUnused(pack, m, rules, checklists);
      }
      if (issues.hasErrors()) {
        boolean onlyEngine = incompatible && issues.sorted().stream()
            .filter(i -> i.severity() == ValidationIssue.Level.ERROR)
            .allMatch(i -> i.code().equals("pack.engine-incompatible"));
        return new Result(Optional.empty(), issues.sorted(), onlyEngine);
      }
      rules.sort(java.util.Comparator.comparing(r -> r.doc().id()));
      checklists.sort(java.util.Comparator.comparing(c -> c.doc().id()));
      LoadedPack loaded = new LoadedPack(pack, SemVer.parse(pack.version()), range, digest(files), origin,
          List.copyOf(rules), List.copyOf(checklists), Map.copyOf(defaults));
      return new Result(Optional.of(loaded), issues.sorted(), false);
    }

    /**
     * Warns of vocabulary no rule or checklist reads ({@code vocabulary.unused}) and of rules that
     * cite no article and say nothing about why ({@code rule.uncited}): both are allowed, and both
     * fail {@code conduct check --strict}.
     */
    private void warnUnused(PackDoc pack, YamlDocument manifest, List<LoadedRule> rules,
        List<LoadedChecklist> checklists) {
      java.util.Set<String> used = new java.util.HashSet<>();
      for (LoadedRule rule : rules) {
        uses(rule.when(), used);
        uses(rule.condition(), used);
      }
      for (LoadedChecklist checklist : checklists) {
        checklist.quotaOverrides().forEach(c -> uses(c, used));
        for (var item : checklist.doc().items()) {
          if (item.credit() != null) {
            used.add("indicator:" + item.credit().indicator());
          }
        }
        checklist.doc().deductions().forEach(d -> d.events().forEach(e -> used.add("event:" + e)));
        if (checklist.doc().ranking() != null && checklist.doc().ranking().peerGroup() != null) {
          used.add("attribute:" + checklist.doc().ranking().peerGroup());
        }
      }
      pack.vocabulary().subjectTypes().forEach((type, doc) -> {
        doc.attributes().keySet().stream().filter(name -> !used.contains("attribute:" + name)).forEach(name ->
            issues.warning(manifest, "vocabulary.subject-types." + type + ".attributes." + name, "vocabulary.unused",
                "attribute '" + name + "' of '" + type + "' is read by no rule or checklist",
                "remove it, or use it in a rule"));
        doc.indicators().keySet().stream().filter(name -> !used.contains("indicator:" + name)).forEach(name ->
            issues.warning(manifest, "vocabulary.subject-types." + type + ".indicators." + name, "vocabulary.unused",
                "indicator '" + name + "' of '" + type + "' is read by no rule or checklist",
                "remove it, or use it in a rule"));
      });
      pack.vocabulary().eventTypes().forEach((type, doc) -> {
        if (!used.contains("event:" + type)) {
          issues.warning(manifest, "vocabulary.event-types." + type, "vocabulary.unused",
              "event type '" + type + "' is counted by no rule or checklist", "remove it, or count it in a rule");
        }
        doc.attributes().keySet().stream().filter(name -> !used.contains("event-attribute:" + name)).forEach(name ->
            issues.warning(manifest, "vocabulary.event-types." + type + ".attributes." + name, "vocabulary.unused",
                "attribute '" + name + "' of event type '" + type + "' is read by no rule", "remove it, or use it"));
      });
    }

    private static void uses(vn.conduct.rules.internal.condition.Cond cond, java.util.Set<String> used) {
      if (cond == null) {
        return;
      }
      if (cond instanceof vn.conduct.rules.internal.condition.Cond.All all) {
        all.operands().forEach(c -> uses(c, used));
      } else if (cond instanceof vn.conduct.rules.internal.condition.Cond.Any any) {
        any.operands().forEach(c -> uses(c, used));
      } else if (cond instanceof vn.conduct.rules.internal.condition.Cond.Not not) {
        uses(not.operand(), used);
      } else if (cond instanceof vn.conduct.rules.internal.condition.Cond.Compare compare) {
        used.add(key(compare.field()));
      } else if (cond instanceof vn.conduct.rules.internal.condition.Cond.Aggregate agg) {
        agg.eventTypes().forEach(e -> used.add("event:" + e));
        uses(agg.where(), used);
        if (agg.of() != null) {
          used.add(key(agg.of()));
        }
      }
    }

    private static String key(vn.conduct.rules.internal.condition.Cond.Field field) {
      return switch (field.scope()) {
        case ATTRIBUTE -> "attribute:" + field.name();
        case INDICATOR -> "indicator:" + field.name();
        case EVENT_ATTRIBUTE -> "event-attribute:" + field.name();
      };
    }

    private record Bound<T>(T value, YamlDocument document) { }

    private static boolean isYaml(String name) {
      return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private <T> Optional<Bound<T>> parse(String name, Class<T> type) {
      return SafeYaml.parse(name, files.get(name), issues)
          .flatMap(doc -> Binder.bind(doc, type, issues).map(value -> new Bound<>(value, doc)));
    }

    private SemVer.Range checkManifest(PackDoc pack, YamlDocument doc) {
      if (pack.format() != FORMAT) {
        issues.error(doc, "format", "pack.format", "pack format " + pack.format() + " is not supported",
            "this engine reads format " + FORMAT);
      }
      SemVer.Range range = SemVer.Range.parse(pack.engine());
      if (range == null) {
        issues.error(doc, "engine", "pack.engine-range", "'" + pack.engine() + "' is not a version range",
            "write e.g. \">=0.1.0 <1.0.0\"");
      } else if (!range.admits(engineVersion)) {
        incompatible = true;
        issues.error(doc, "engine", "pack.engine-incompatible", "pack '" + pack.id() + "' " + pack.version()
            + " requires engine " + pack.engine() + ", but this engine is " + engineVersion,
            "use a rules-core version in that range, or a pack version made for " + engineVersion);
      }
      if (pack.effective() != null && pack.effective().from() != null && pack.effective().until() != null
          && pack.effective().until().isBefore(pack.effective().from())) {
        issues.error(doc, "effective.until", "field.constraint", "'until' " + pack.effective().until()
            + " is before 'from' " + pack.effective().from(), null);
      }
      for (var entry : pack.vocabulary().subjectTypes().entrySet()) {
        String path = "vocabulary.subject-types." + entry.getKey();
        SubjectTypeDoc type = entry.getValue();
        if (type.parent() != null && !pack.vocabulary().subjectTypes().containsKey(type.parent())) {
          unknownSubjectType(doc, path + ".parent", type.parent(), pack);
        }
        checkFields(doc, path + ".attributes", type.attributes());
        checkFields(doc, path + ".indicators", type.indicators());
        for (String name : type.attributes().keySet()) {
          if (type.indicators().containsKey(name)) {
            issues.error(doc, path + ".indicators." + name, "id.duplicate", "'" + name
                + "' is declared both as an attribute and as an indicator", "rename one of them");
          }
        }
      }
      for (var entry : pack.vocabulary().eventTypes().entrySet()) {
        String path = "vocabulary.event-types." + entry.getKey();
        EventTypeDoc type = entry.getValue();
        for (int i = 0; i < type.subjectTypes().size(); i++) {
          String subjectType = type.subjectTypes().get(i);
          if (!pack.vocabulary().subjectTypes().containsKey(subjectType)) {
            unknownSubjectType(doc, path + ".subject-types[" + i + "]", subjectType, pack);
          }
        }
        checkFields(doc, path + ".attributes", type.attributes());
      }
      return range;
    }

    private void checkFields(YamlDocument doc, String path, Map<String, FieldDoc> fields) {
      fields.forEach((name, field) -> {
        if (!field.values().isEmpty() && field.type() != DataType.STRING) {
          issues.error(doc, path + "." + name + ".values", "field.constraint",
              "'values' lists allowed strings, but the field is a " + field.type().label(), null);
        }
      });
    }

    private Map<String, Object> parameterDefaults(PackDoc pack, YamlDocument doc) {
      Map<String, Object> defaults = new HashMap<>();
      pack.parameters().forEach((name, parameter) -> {
        Object value = ConditionParser.constant(parameter.defaultValue(), parameter.type());
        if (value == null) {
          issues.error(doc, "parameters." + name + ".default", "type.mismatch", "parameter '" + name
              + "' is a " + parameter.type().label() + ", but its default is '"
              + parameter.defaultValue().asText() + "'", null);
        } else {
          defaults.put(name, value);
        }
      });
      return defaults;
    }

    private void unknownSubjectType(YamlDocument doc, String path, String type, PackDoc pack) {
      issues.error(doc, path, "ref.unknown-subject-type", "unknown subject type '" + type + "'",
          "declared subject types: " + new TreeSet<>(pack.vocabulary().subjectTypes().keySet()));
    }

    private Optional<LoadedRule> checkRule(PackDoc pack, Bound<RuleDoc> bound, Map<String, String> ruleFiles) {
      RuleDoc rule = bound.value();
      YamlDocument doc = bound.document();
      String folder = doc.file().split("/")[1];
      int before = issues.sorted().size();
      if (!rule.id().equals(folder)) {
        issues.error(doc, "id", "id.mismatch", "rule id '" + rule.id() + "' differs from its folder '"
            + folder + "'", "a rule's id is the name of its folder");
      }
      if (rule.source() != null && rule.source().article() == null
          && (rule.source().note() == null || rule.source().note().isBlank())) {
        issues.warning(doc, "source", "rule.uncited", "rule '" + rule.id() + "' cites no article and gives no note"
            + " saying why", "add the article (and clause) if the source gives one, else a 'note' on what the rule"
            + " rests on");
      }
      String previous = ruleFiles.putIfAbsent(rule.id(), doc.file());
      if (previous != null) {
        issues.error(doc, "id", "id.duplicate", "rule id '" + rule.id() + "' is also used by " + previous,
            "rule ids are unique within a pack");
      }
      if (!pack.sources().containsKey(rule.source().document())) {
        issues.error(doc, "source.document", "ref.unknown-source", "unknown source document '"
            + rule.source().document() + "'", "declared sources: " + new TreeSet<>(pack.sources().keySet()));
      }
      if (rule.source().basis() == vn.conduct.rules.api.Basis.DRAFT && !Boolean.FALSE.equals(rule.enabled())) {
        issues.error(doc, rule.enabled() == null ? "source.basis" : "enabled", "field.constraint",
            "rule '" + rule.id() + "' rests on a draft only, so it must be written 'enabled: false'",
            "draft-only norms are off until a final text confirms them");
      }
      if (rule.source().basis() == vn.conduct.rules.api.Basis.INFERRED
          && (rule.source().article() != null || rule.source().clause() != null)) {
        issues.error(doc, rule.source().article() != null ? "source.article" : "source.clause", "field.constraint",
            "an inferred rule cites no article or clause", "give the article only where a source states it");
      }
      Set<String> types = new java.util.LinkedHashSet<>();
      for (int i = 0; i < rule.appliesTo().size(); i++) {
        String type = rule.appliesTo().get(i);
        if (!pack.vocabulary().subjectTypes().containsKey(type)) {
          unknownSubjectType(doc, "applies-to[" + i + "]", type, pack);
        } else if (!types.add(type)) {
          issues.error(doc, "applies-to[" + i + "]", "id.duplicate", "subject type '" + type
              + "' is listed twice", null);
        }
      }
      if (issues.sorted().size() > before && types.size() != rule.appliesTo().size()) {
        return Optional.empty();
      }
      ConditionParser parser = new ConditionParser(pack.vocabulary(), pack.parameters(), doc, issues);
      Cond when = rule.when() == null ? null : parser.parseForSubjects(rule.when(), "when", types);
      Cond condition = parser.parseForSubjects(rule.condition(), "condition", types);
      if (condition == null || (rule.when() != null && when == null)) {
        return Optional.empty();
      }
      return Optional.of(new LoadedRule(rule, doc.file(), when, condition));
    }

    private Optional<LoadedChecklist> checkChecklist(PackDoc pack, Bound<ChecklistDoc> bound,
        Map<String, LoadedRule> rules) {
      ChecklistDoc list = bound.value();
      YamlDocument doc = bound.document();
      String fileId = doc.file().substring("checklists/".length()).replaceFirst("\\.ya?ml$", "");
      if (!list.id().equals(fileId)) {
        issues.error(doc, "id", "id.mismatch", "checklist id '" + list.id() + "' differs from its file name '"
            + fileId + "'", "a checklist's id is its file name without .yaml");
      }
      SubjectTypeDoc type = pack.vocabulary().subjectTypes().get(list.subjectType());
      if (type == null) {
        unknownSubjectType(doc, "subject-type", list.subjectType(), pack);
        return Optional.empty();
      }
      if (list.source() != null && !pack.sources().containsKey(list.source().document())) {
        issues.error(doc, "source.document", "ref.unknown-source", "unknown source document '"
            + list.source().document() + "'", "declared sources: " + new TreeSet<>(pack.sources().keySet()));
      }
      boolean weighted = list.method() == ChecklistDoc.Method.WEIGHTED;
      List<ChecklistDoc.ItemDoc> items = new ArrayList<>(list.items());
      if (weighted && list.maximum() != null && list.maximum().compareTo(BigDecimal.valueOf(100)) != 0) {
        issues.error(doc, "maximum", "field.constraint", "a weighted checklist scores out of 100, but maximum is "
            + list.maximum(), "leave 'maximum' out");
      }
      Set<String> itemRules = new HashSet<>();
      for (int i = 0; i < list.items().size(); i++) {
        ChecklistDoc.ItemDoc item = list.items().get(i);
        String path = "items[" + i + "]";
        LoadedRule rule = rules.get(item.rule());
        if (rule == null) {
          issues.error(doc, path + ".rule", "ref.unknown-rule", "unknown rule '" + item.rule() + "'",
              "a checklist refers to rules of its own pack: " + new TreeSet<>(rules.keySet()));
        } else if (!rule.doc().appliesTo().contains(list.subjectType())) {
          issues.error(doc, path + ".rule", "ref.rule-subject-type", "rule '" + item.rule()
              + "' does not apply to subject type '" + list.subjectType() + "'", "it applies to "
              + rule.doc().appliesTo());
        }
        if (!itemRules.add(item.rule())) {
          issues.error(doc, path + ".rule", "id.duplicate", "rule '" + item.rule() + "' is listed twice", null);
        }
        boolean bonus = Boolean.TRUE.equals(item.bonus());
        BigDecimal points = item.points() != null ? item.points()
            : rule != null && rule.doc().points() != null ? rule.doc().points() : null;
        if (weighted && !bonus && item.weight() == null) {
          issues.error(doc, path, "field.constraint", "'weight' is required in a weighted checklist", null);
        }
        if (weighted && !bonus && (item.points() != null || item.credit() != null)) {
          issues.error(doc, path, "field.constraint", "a weighted checklist's items give 'weight', not 'points' or 'credit'",
              null);
        }
        if (!weighted && item.weight() != null) {
          issues.error(doc, path + ".weight", "field.constraint", "'weight' is for weighted checklists",
              "give 'points', or set 'method: weighted'");
        }
        if ((!weighted || bonus) && points == null) {
          issues.error(doc, path, "field.constraint", "'points' is required: the item gives none and rule '"
              + item.rule() + "' has no 'points'", "or set 'method: weighted' and give weights");
        }
        if (item.points() == null && points != null && (!weighted || bonus)) {
          items.set(i, new ChecklistDoc.ItemDoc(item.rule(), points, item.weight(), item.bonus(), item.credit()));
        }
        if (item.credit() != null && points != null) {
          for (int b = 0; b < item.credit().bands().size(); b++) {
            if (item.credit().bands().get(b).points().compareTo(points) > 0) {
              issues.error(doc, path + ".credit.bands[" + b + "].points", "field.constraint", "band points "
                  + item.credit().bands().get(b).points() + " exceed the item's " + points + " points", null);
            }
          }
        }
        if (item.credit() != null) {
          FieldDoc indicator = type.indicators().get(item.credit().indicator());
          if (indicator == null || indicator.type() != DataType.NUMBER) {
            issues.error(doc, path + ".credit.indicator", "ref.unknown-field", "subject type '"
                + list.subjectType() + "' has no number indicator '" + item.credit().indicator() + "'", null);
          }
          if (item.credit().bands().isEmpty() == (item.credit().perUnit() == null)) {
            issues.error(doc, path + ".credit", "field.constraint", "credit needs exactly one of 'bands' and 'per-unit'",
                "bands: [{min: 90, points: 45}, ...] or per-unit: 0.5");
          }
          checkDescending(doc, path + ".credit.bands", item.credit().bands().stream()
              .map(ChecklistDoc.CreditBandDoc::min).toList());
        }
      }
      for (int i = 0; i < list.deductions().size(); i++) {
        ChecklistDoc.DeductionDoc deduction = list.deductions().get(i);
        for (int j = 0; j < deduction.events().size(); j++) {
          if (!pack.vocabulary().eventTypes().containsKey(deduction.events().get(j))) {
            issues.error(doc, "deductions[" + i + "].events[" + j + "]", "ref.unknown-event-type",
                "unknown event type '" + deduction.events().get(j) + "'", "declared event types: "
                    + new TreeSet<>(pack.vocabulary().eventTypes().keySet()));
          }
        }
        if (deduction.within() != null && !deduction.within().equals("period") && !deduction.within().equals("all")) {
          try {
            java.time.Period.parse(deduction.within());
          } catch (java.time.format.DateTimeParseException e) {
            issues.error(doc, "deductions[" + i + "].within", "condition.syntax", "'within' must be 'period', "
                + "'all' or an ISO-8601 period such as P12M, but was '" + deduction.within() + "'", null);
          }
        }
      }
      Set<String> bands = new HashSet<>();
      for (int i = 0; i < list.bands().size(); i++) {
        if (!bands.add(list.bands().get(i).id())) {
          issues.error(doc, "bands[" + i + "].id", "id.duplicate", "band '" + list.bands().get(i).id()
              + "' is declared twice", null);
        }
      }
      checkDescending(doc, "bands", list.bands().stream().map(ChecklistDoc.BandDoc::min).toList());
      BigDecimal floor = list.floor() != null ? list.floor() : BigDecimal.ZERO;
      ChecklistDoc.BandDoc lowest = list.bands().get(list.bands().size() - 1);
      if (lowest.min().compareTo(floor) > 0) {
        issues.error(doc, "bands[" + (list.bands().size() - 1) + "].min", "field.constraint", "the lowest band starts at "
            + lowest.min() + ", above the floor " + floor + ", so some scores would get no band",
            "let the lowest band start at the floor");
      }
      Set<String> quotaBands = new HashSet<>();
      for (int i = 0; i < list.quotas().size(); i++) {
        if (!quotaBands.add(list.quotas().get(i).band())) {
          issues.error(doc, "quotas[" + i + "].band", "id.duplicate", "band '" + list.quotas().get(i).band()
              + "' has more than one quota", null);
        }
      }
      for (int i = 0; i < list.vetoes().size(); i++) {
        ChecklistDoc.VetoDoc veto = list.vetoes().get(i);
        if (!rules.containsKey(veto.rule())) {
          issues.error(doc, "vetoes[" + i + "].rule", "ref.unknown-rule", "unknown rule '" + veto.rule() + "'",
              null);
        }
        if (veto.capRating() != null && !bands.contains(veto.capRating())) {
          issues.error(doc, "vetoes[" + i + "].cap-rating", "ref.unknown-band", "unknown band '"
              + veto.capRating() + "'", "bands: " + new TreeSet<>(bands));
        }
        if (veto.capRating() == null && veto.capScore() == null) {
          issues.error(doc, "vetoes[" + i + "]", "field.constraint", "a veto needs 'cap-rating' or 'cap-score'",
              null);
        }
      }
      List<Cond> overrides = new ArrayList<>();
      for (int i = 0; i < list.quotas().size(); i++) {
        ChecklistDoc.QuotaDoc quota = list.quotas().get(i);
        String path = "quotas[" + i + "]";
        if (!bands.contains(quota.band())) {
          issues.error(doc, path + ".band", "ref.unknown-band", "unknown band '" + quota.band() + "'",
              "bands: " + new TreeSet<>(bands));
        }
        if (quota.of() != null && !bands.contains(quota.of())) {
          issues.error(doc, path + ".of", "ref.unknown-band", "unknown band '" + quota.of() + "'",
              "bands: " + new TreeSet<>(bands));
        }
        if (list.bands().size() > 0 && quota.band().equals(list.bands().get(list.bands().size() - 1).id())) {
          issues.error(doc, path + ".band", "field.constraint", "the lowest band '" + quota.band()
              + "' cannot have a quota: nobody could be lowered from it", null);
        }
        Cond override = null;
        if (quota.override() != null) {
          if (type.parent() == null) {
            issues.error(doc, path + ".override", "field.constraint", "subject type '" + list.subjectType()
                + "' declares no parent type, so a quota cannot depend on the parent unit",
                "declare 'parent:' on the subject type");
          } else {
            ConditionParser parser = new ConditionParser(pack.vocabulary(), pack.parameters(), doc, issues);
            override = parser.parseForSubjects(quota.override().when(), path + ".override.when",
                Set.of(type.parent()));
          }
        }
        overrides.add(override);
      }
      if (list.ranking() != null && list.ranking().peerGroup() != null
          && !type.attributes().containsKey(list.ranking().peerGroup())) {
        issues.error(doc, "ranking.peer-group", "ref.unknown-field", "subject type '" + list.subjectType()
            + "' has no attribute '" + list.ranking().peerGroup() + "'", "declared attributes: "
            + new TreeSet<>(type.attributes().keySet()));
      }
      if (list.floor() != null && list.maximum() != null && list.floor().compareTo(list.maximum()) > 0) {
        issues.error(doc, "floor", "field.constraint", "floor " + list.floor() + " is above the maximum "
            + list.maximum(), null);
      }
      ChecklistDoc normalized = new ChecklistDoc(list.id(), list.title(), list.description(), list.subjectType(),
          list.source(), list.method(), list.maximum(), list.floor(), list.minEvidence(), List.copyOf(items),
          list.deductions(), list.vetoes(), list.bands(), sortedQuotas(list), list.ranking());
      List<Cond> sortedOverrides = new ArrayList<>();
      for (ChecklistDoc.QuotaDoc quota : normalized.quotas()) {
        sortedOverrides.add(overrides.get(list.quotas().indexOf(quota)));
      }
      return Optional.of(new LoadedChecklist(normalized, doc.file(),
          java.util.Collections.unmodifiableList(sortedOverrides)));
    }

    private static List<ChecklistDoc.QuotaDoc> sortedQuotas(ChecklistDoc list) {
      List<String> bandOrder = list.bands().stream().map(ChecklistDoc.BandDoc::id).toList();
      return list.quotas().stream()
          .sorted(java.util.Comparator.comparingInt(q -> bandOrder.indexOf(q.band())))
          .toList();
    }

    private void checkDescending(YamlDocument doc, String path, List<BigDecimal> mins) {
      for (int i = 1; i < mins.size(); i++) {
        if (mins.get(i).compareTo(mins.get(i - 1)) >= 0) {
          issues.error(doc, path + "[" + i + "].min", "field.constraint", "bands are listed best first, so min "
              + mins.get(i) + " must be below the previous band's " + mins.get(i - 1), null);
        }
      }
    }
  }
}
