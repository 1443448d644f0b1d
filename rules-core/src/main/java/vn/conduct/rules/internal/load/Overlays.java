package vn.conduct.rules.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.internal.compile.Planner;
import vn.conduct.rules.internal.load.LoadedPack.Layer;
import vn.conduct.rules.internal.load.LoadedPack.LoadedChecklist;
import vn.conduct.rules.internal.load.LoadedPack.LoadedRule;
import vn.conduct.rules.internal.model.ChecklistDoc;
import vn.conduct.rules.internal.model.ExtendsDoc;
import vn.conduct.rules.internal.model.PackDoc;
import vn.conduct.rules.internal.model.RuleDoc;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * Overlays (rule-pack-format.md, section 16): a pack that extends another keeps some of its rules
 * and checklists, changes some of their values, and adds its own. This class merges the base's
 * manifest into the overlay's before it is bound, and composes the loaded overlay with its base.
 * Every problem is an issue located in the overlay's own files; messages name the base's files.
 */
final class Overlays {

  /** The code of a change that collides with another layer's. */
  static final String CONFLICT = "overlay.conflict";

  private static final String EXTENDS = "extends";

  private Overlays() {
  }

  /** Re-binds and checks a base checklist whose content an overlay changed; issues go to the given collector. */
  interface Rebinder {
    Optional<LoadedChecklist> rebind(LoadedChecklist checklist, YamlDocument changed, Issues issues);
  }

  /** What an overlay becomes once composed with one version of its base. */
  record Composed(PackDoc manifest, List<LoadedRule> rules, List<LoadedChecklist> checklists,
      Map<String, Object> defaults, List<Layer> layers, Map<String, Layer> shapedBy, String digest) { }

  /** The base's name in messages: {@code hanoi-522 1.1.0 (origin)}. */
  static String describe(LoadedPack base) {
    return base.id() + " " + base.manifest().version() + " (" + base.origin() + ")";
  }

  /**
   * The overlay's manifest tree with the base's merged in: the base's sources, parameters and
   * vocabulary, to which the overlay's own are added, and the base's natural period. An entry the
   * overlay declares again is a conflict, except that a subject type may gain attributes and
   * indicators.
   */
  static JsonNode mergeManifest(LoadedPack base, YamlDocument overlay, Issues issues) {
    if (!overlay.root().isObject()) {
      return overlay.root();
    }
    ObjectNode out = ((ObjectNode) overlay.root()).deepCopy();
    JsonNode baseTree = base.manifestTree();
    if (baseTree == null || !baseTree.isObject()) {
      return out;
    }
    JsonNode period = baseTree.get("period");
    if (period != null && !period.isNull()) {
      JsonNode own = out.get("period");
      if (own == null || own.isNull()) {
        out.set("period", period);
      } else if (!own.equals(period)) {
        issues.error(overlay, "period", "field.constraint", "the overlay judges " + own.asText() + "s, but "
            + describe(base) + " judges " + period.asText() + "s", "leave 'period' out: an overlay judges its base's period");
      }
    }
    JsonNode authorities = baseTree.get("authorities");
    if (authorities != null && !out.has("authorities")) {
      out.set("authorities", authorities.deepCopy()); // an overlay keeps its base's authorities unless it declares its own
    }
    mergeEntries(out, baseTree, "sources", "source", base, overlay, issues);
    mergeEntries(out, baseTree, "parameters", "parameter", base, overlay, issues);
    JsonNode baseVocabulary = baseTree.path("vocabulary");
    JsonNode ownVocabulary = out.get("vocabulary");
    if (ownVocabulary == null || ownVocabulary.isNull()) {
      out.set("vocabulary", baseVocabulary.deepCopy());
    } else if (ownVocabulary.isObject()) {
      ObjectNode vocabulary = (ObjectNode) ownVocabulary;
      mergeSubjectTypes(vocabulary, baseVocabulary.path("subject-types"), base, overlay, issues);
      mergeEntries(vocabulary, baseVocabulary, "event-types", "event type", base, overlay, issues, "vocabulary");
      mergeEntries(vocabulary, baseVocabulary, "methods", "method", base, overlay, issues, "vocabulary");
    }
    return out;
  }

  private static void mergeEntries(ObjectNode out, JsonNode base, String key, String what, LoadedPack pack,
      YamlDocument overlay, Issues issues) {
    mergeEntries(out, base, key, what, pack, overlay, issues, "");
  }

  private static void mergeEntries(ObjectNode out, JsonNode base, String key, String what, LoadedPack pack,
      YamlDocument overlay, Issues issues, String at) {
    JsonNode from = base.get(key);
    if (from == null || !from.isObject()) {
      return;
    }
    JsonNode own = out.get(key);
    if (own == null || own.isNull()) {
      out.set(key, from.deepCopy());
      return;
    }
    if (!own.isObject()) {
      return; // the binder reports the type
    }
    ObjectNode merged = ((ObjectNode) from).deepCopy();
    own.fields().forEachRemaining(entry -> {
      if (merged.has(entry.getKey())) {
        String path = YamlDocument.child(at.isEmpty() ? key : YamlDocument.child(at, key), entry.getKey());
        issues.error(overlay, path, CONFLICT, what + " '" + SafeText.line(entry.getKey()) + "' is already declared by "
            + describe(pack) + "/pack.yaml", "an overlay uses its base's " + what + "s as they are"
            + (what.equals("parameter") ? "; change a value under extends.modify.parameters" : "")
            + ", or declares its own under another id");
      } else {
        merged.set(entry.getKey(), entry.getValue());
      }
    });
    out.set(key, merged);
  }

  private static void mergeSubjectTypes(ObjectNode vocabulary, JsonNode base, LoadedPack pack, YamlDocument overlay,
      Issues issues) {
    if (!base.isObject()) {
      return;
    }
    JsonNode own = vocabulary.get("subject-types");
    if (own == null || own.isNull()) {
      vocabulary.set("subject-types", base.deepCopy());
      return;
    }
    if (!own.isObject()) {
      return;
    }
    ObjectNode merged = ((ObjectNode) base).deepCopy();
    String types = YamlDocument.child("vocabulary", "subject-types");
    own.fields().forEachRemaining(entry -> {
      JsonNode baseType = merged.get(entry.getKey());
      if (baseType == null) {
        merged.set(entry.getKey(), entry.getValue());
        return;
      }
      String path = YamlDocument.child(types, entry.getKey());
      if (!entry.getValue().isObject() || !baseType.isObject()) {
        return;
      }
      ObjectNode type = ((ObjectNode) baseType).deepCopy();
      entry.getValue().fields().forEachRemaining(field -> {
        String key = field.getKey();
        if (key.equals("attributes") || key.equals("indicators")) {
          ObjectNode fields = type.has(key) && type.get(key).isObject() ? (ObjectNode) type.get(key)
              : type.objectNode();
          if (field.getValue().isObject()) {
            field.getValue().fields().forEachRemaining(f -> {
              if (fields.has(f.getKey())) {
                issues.error(overlay, YamlDocument.child(YamlDocument.child(path, key), f.getKey()), CONFLICT,
                    (key.equals("attributes") ? "attribute '" : "indicator '") + SafeText.line(f.getKey()) + "' of '"
                        + entry.getKey() + "' is already declared by " + describe(pack) + "/pack.yaml",
                    "use the base's as it is, or declare yours under another id");
              } else {
                fields.set(f.getKey(), f.getValue());
              }
            });
          }
          type.set(key, fields);
        } else {
          issues.error(overlay, YamlDocument.child(path, key), CONFLICT, "subject type '" + entry.getKey()
              + "' is declared by " + describe(pack) + "/pack.yaml; an overlay may add attributes and indicators"
              + " to it, not change its '" + key + "'", "remove '" + key + "' here");
        }
      });
      merged.set(entry.getKey(), type);
    });
    vocabulary.set("subject-types", merged);
  }

  /**
   * Composes a loaded overlay with one version of its base: keeps the base's rules and checklists the
   * overlay includes and does not skip, applies its changes, and adds its own rules and checklists.
   *
   * @param merged the overlay's manifest, bound from the merged tree
   * @param defaults the merged manifest's parameter defaults (the base's and the overlay's own)
   */
  static Composed compose(LoadedPack base, PackDoc merged, YamlDocument doc, List<LoadedRule> ownRules,
      List<LoadedChecklist> ownChecklists, Map<String, Object> defaults, String digest, String origin,
      Issues issues, Rebinder rebinder) {
    ExtendsDoc ext = merged.base();
    Layer own = LoadedPack.ownLayer(merged, digest, origin);
    List<Layer> layers = new ArrayList<>(base.layers());
    layers.add(own);
    Layer root = layers.get(0);
    Map<String, Layer> shaped = new HashMap<>();
    Map<String, LoadedRule> baseRules = new LinkedHashMap<>();
    base.rules().forEach(rule -> {
      baseRules.put(rule.doc().id(), rule);
      shaped.put("rule:" + rule.doc().id(), base.layerOf("rule:" + rule.doc().id()));
    });
    Map<String, LoadedChecklist> baseChecklists = new LinkedHashMap<>();
    base.checklists().forEach(list -> {
      baseChecklists.put(list.doc().id(), list);
      shaped.put("checklist:" + list.doc().id(), base.layerOf("checklist:" + list.doc().id()));
    });
    base.manifest().parameters().keySet()
        .forEach(id -> shaped.put("parameter:" + id, base.layerOf("parameter:" + id)));

    String where = describe(base);
    known(doc, "extends.include.rules", ext.include().rules(), baseRules.keySet(), "rule", where, issues);
    known(doc, "extends.skip.rules", ext.skip().rules(), baseRules.keySet(), "rule", where, issues);
    known(doc, "extends.include.checklists", ext.include().checklists(), baseChecklists.keySet(), "checklist", where,
        issues);
    known(doc, "extends.skip.checklists", ext.skip().checklists(), baseChecklists.keySet(), "checklist", where,
        issues);
    Set<String> keptRules = kept(ext.include().rules(), ext.skip().rules(), baseRules.keySet());
    Set<String> keptChecklists = kept(ext.include().checklists(), ext.skip().checklists(), baseChecklists.keySet());
    bothIncludedAndSkipped(doc, "rules", ext, issues);
    bothIncludedAndSkipped(doc, "checklists", ext, issues);

    for (String id : keptChecklists) {
      LoadedChecklist list = baseChecklists.get(id);
      Set<String> scored = new LinkedHashSet<>();
      list.doc().items().forEach(item -> scored.add(item.rule()));
      list.doc().vetoes().forEach(veto -> scored.add(veto.rule()));
      for (String rule : scored) {
        if (rule != null && baseRules.containsKey(rule) && !keptRules.contains(rule)) {
          int skipped = ext.skip().rules() == null ? -1 : ext.skip().rules().indexOf(rule);
          String path = skipped >= 0 ? YamlDocument.element("extends.skip.rules", skipped) : "extends.include.rules";
          issues.error(doc, path, "overlay.left-out", "rule '" + rule + "' is left out, but checklist '" + id + "' ("
              + base.origin() + "/" + list.file() + "), which this overlay keeps, scores it",
              "keep the rule, or skip checklist '" + id + "' too");
        }
      }
    }

    Map<String, LoadedRule> rules = new LinkedHashMap<>();
    keptRules.forEach(id -> rules.put(id, baseRules.get(id)));
    ext.modify().rules().forEach((id, change) -> {
      String path = YamlDocument.child("extends.modify.rules", id);
      LoadedRule rule = rules.get(id);
      if (rule == null) {
        missing(doc, path, "rule", id, baseRules.containsKey(id), where, keptRules, issues);
        return;
      }
      if (!conflict(doc, path, "rule '" + id + "'", shaped.get("rule:" + id), root, issues)) {
        RuleDoc d = rule.doc();
        RuleDoc changed = new RuleDoc(d.id(), d.title(), d.description(), d.source(), d.appliesTo(), d.kind(),
            change.severity() != null ? change.severity() : d.severity(),
            change.points() != null ? change.points() : d.points(), d.enabled(), d.effective(), d.when(),
            d.condition(), d.evidence(), d.remediation(), d.sanction(), d.tags(), d.acceptedMethods());
        rules.put(id, new LoadedRule(changed, rule.file(), rule.when(), rule.condition()));
        shaped.put("rule:" + id, own);
      }
    });

    Map<String, Object> values = new LinkedHashMap<>(defaults);
    Set<String> changedParameters = new TreeSet<>();
    ext.modify().parameters().forEach((id, value) -> {
      String path = YamlDocument.child("extends.modify.parameters", id);
      if (!base.manifest().parameters().containsKey(id)) {
        issues.error(doc, path, "overlay.unknown", "parameter '" + id + "' is not declared by " + where + "/pack.yaml",
            Hints.nearest(id, base.manifest().parameters().keySet()).map(n -> "did you mean '" + n + "'?")
                .orElse("its parameters are " + new TreeSet<>(base.manifest().parameters().keySet())));
        return;
      }
      if (conflict(doc, path, "parameter '" + id + "'", shaped.get("parameter:" + id), root, issues)) {
        return;
      }
      try {
        values.putAll(Planner.parameters(merged, defaults, Map.of(id, plain(value))));
        changedParameters.add(id);
        shaped.put("parameter:" + id, own);
      } catch (IllegalArgumentException | IllegalStateException e) {
        issues.error(doc, path, "type.mismatch", SafeText.line(e.getMessage()), null);
      }
    });

    Map<String, LoadedChecklist> checklists = new LinkedHashMap<>();
    keptChecklists.forEach(id -> checklists.put(id, baseChecklists.get(id)));
    ext.modify().checklists().forEach((id, change) -> {
      String path = YamlDocument.child("extends.modify.checklists", id);
      LoadedChecklist list = checklists.get(id);
      if (list == null) {
        missing(doc, path, "checklist", id, baseChecklists.containsKey(id), where, keptChecklists, issues);
        return;
      }
      if (conflict(doc, path, "checklist '" + id + "'", shaped.get("checklist:" + id), root, issues)) {
        return;
      }
      Optional<LoadedChecklist> changed = changeChecklist(list, change, doc, path, where, issues, rebinder);
      changed.ifPresent(c -> {
        checklists.put(id, c);
        shaped.put("checklist:" + id, own);
      });
    });

    for (LoadedRule rule : ownRules) {
      if (baseRules.containsKey(rule.doc().id())) {
        issues.error(rule.file(), 1, 1, "id", CONFLICT, "rule '" + rule.doc().id() + "' is also a rule of " + where
            + " (" + baseRules.get(rule.doc().id()).file() + ")", "change it under extends.modify.rules, or skip"
            + " it and give yours another id");
      }
      rules.put(rule.doc().id(), rule);
      shaped.put("rule:" + rule.doc().id(), own);
    }
    for (LoadedChecklist list : ownChecklists) {
      if (baseChecklists.containsKey(list.doc().id())) {
        issues.error(list.file(), 1, 1, "id", CONFLICT, "checklist '" + list.doc().id() + "' is also a checklist of "
            + where + " (" + baseChecklists.get(list.doc().id()).file() + ")",
            "change it under extends.modify.checklists, or skip it and give yours another id");
      }
      checklists.put(list.doc().id(), list);
      shaped.put("checklist:" + list.doc().id(), own);
    }
    List<LoadedRule> ruleList = new ArrayList<>(rules.values());
    ruleList.sort(Comparator.comparing(r -> r.doc().id()));
    List<LoadedChecklist> checklistList = new ArrayList<>(checklists.values());
    checklistList.sort(Comparator.comparing(c -> c.doc().id()));
    Map<String, Object> finalValues = Map.copyOf(values);
    if (!changedParameters.isEmpty() && !issues.hasErrors()) {
      // checklists that take a changed parameter are bound again with its new value (once the composition
      // itself is sound: a left-out rule would otherwise be reported again, as the parameter's fault)
      LoadedPack probe = new LoadedPack(merged, SemVer.parse(merged.version()), null, digest, origin, ruleList,
          checklistList, finalValues, layers, shaped, null);
      try {
        checklistList = new ArrayList<>(PackLoader.withParameters(probe, finalValues, changedParameters).checklists());
      } catch (IllegalArgumentException e) {
        // one issue, its first line: the checklist's own located problems follow it in the message
        String first = e.getMessage().lines().findFirst().orElse("");
        issues.error(doc, "extends.modify.parameters", "field.constraint", SafeText.line(first) + " "
            + e.getMessage().lines().skip(1).map(String::strip).map(SafeText::line)
                .collect(java.util.stream.Collectors.joining("; ")), null);
      }
    }
    PackDoc manifest = merged;
    if (!changedParameters.isEmpty()) {
      // the manifest declares the overlay's values as the defaults, so that descriptions show them
      Map<String, vn.conduct.rules.internal.model.ParameterDoc> parameters = new LinkedHashMap<>(merged.parameters());
      changedParameters.forEach(id -> parameters.computeIfPresent(id, (k, p) -> new vn.conduct.rules.internal.model
          .ParameterDoc(p.type(), ext.modify().parameters().get(id), p.title(), p.basis())));
      manifest = new PackDoc(merged.format(), merged.id(), merged.version(), merged.title(), merged.description(),
          merged.jurisdiction(), merged.engine(), merged.effective(), merged.period(), merged.sources(),
          merged.vocabulary(), Map.copyOf(parameters), merged.base(), merged.authorities());
    }
    return new Composed(manifest, List.copyOf(ruleList), List.copyOf(checklistList), finalValues,
        List.copyOf(layers), Map.copyOf(shaped), digest(layers));
  }

  /** The overlay's digest: SHA-256 over each layer's id, version and digest, base first. */
  static String digest(List<Layer> layers) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Layer layer : layers) {
        sha.update((layer.packId() + "@" + layer.version() + ":" + layer.digest() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object plain(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static Set<String> kept(List<String> include, List<String> skip, Set<String> all) {
    Set<String> kept = new TreeSet<>(include == null ? all : include);
    kept.retainAll(all);
    if (skip != null) {
      skip.forEach(kept::remove);
    }
    return kept;
  }

  private static void known(YamlDocument doc, String path, List<String> ids, Set<String> known, String what,
      String where, Issues issues) {
    if (ids == null) {
      return;
    }
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String at = YamlDocument.element(path, i);
      if (id == null) {
        continue;
      }
      if (!seen.add(id)) {
        issues.error(doc, at, "id.duplicate", what + " '" + id + "' is listed twice", "list it once");
      } else if (!known.contains(id)) {
        String file = what.equals("rule") ? "rules/" + id + "/rule.yaml" : "checklists/" + id + ".yaml";
        issues.error(doc, at, "overlay.unknown", (path.contains("include") ? "included " : "skipped ") + what + " '"
            + SafeText.line(id) + "' is not in " + where + ": it has no " + file,
            Hints.nearest(id, known).map(n -> "did you mean '" + n + "'?")
                .orElse("the base may have removed or renamed it: check its change notice (conduct diff)"));
      }
    }
  }

  private static void bothIncludedAndSkipped(YamlDocument doc, String kind, ExtendsDoc ext, Issues issues) {
    List<String> include = kind.equals("rules") ? ext.include().rules() : ext.include().checklists();
    List<String> skip = kind.equals("rules") ? ext.skip().rules() : ext.skip().checklists();
    if (include == null || skip == null) {
      return;
    }
    for (int i = 0; i < skip.size(); i++) {
      if (include.contains(skip.get(i))) {
        issues.error(doc, YamlDocument.element("extends.skip." + kind, i), "overlay.conflict", "'" + skip.get(i)
            + "' is both included and skipped", "list it in one of extends.include." + kind + " and extends.skip."
            + kind);
      }
    }
  }

  private static void missing(YamlDocument doc, String path, String what, String id, boolean inBase, String where,
      Set<String> kept, Issues issues) {
    issues.error(doc, path, "overlay.unknown", inBase
        ? what + " '" + id + "' of " + where + " is left out by this overlay, so it cannot be changed"
        : what + " '" + SafeText.line(id) + "' is not in " + where,
        inBase ? "keep it (extends.include / extends.skip), or remove this change"
            : Hints.nearest(id, kept).map(n -> "did you mean '" + n + "'?").orElse("the overlay keeps " + kept));
  }

  /** Whether an entry was already changed by an overlay below this one (reported as a conflict). */
  private static boolean conflict(YamlDocument doc, String path, String what, Layer shapedBy, Layer root,
      Issues issues) {
    if (shapedBy == null || shapedBy.equals(root)) {
      return false;
    }
    issues.error(doc, path, CONFLICT, what + " was already changed or added by the overlay " + shapedBy.packId() + " "
        + shapedBy.version() + " (" + shapedBy.origin() + "/pack.yaml)", "two overlays may not change the same thing:"
        + " make the change in " + shapedBy.packId() + ", or extend " + root.packId() + " directly");
    return true;
  }

  /** A base checklist with the overlay's band and item changes, bound and checked again. */
  private static Optional<LoadedChecklist> changeChecklist(LoadedChecklist list, ExtendsDoc.ChecklistChange change,
      YamlDocument doc, String path, String where, Issues issues, Rebinder rebinder) {
    JsonNode root = list.document().root().deepCopy();
    boolean ok = true;
    for (var entry : change.bands().entrySet()) {
      ObjectNode band = element(root.path("bands"), "id", entry.getKey());
      String at = YamlDocument.child(YamlDocument.child(path, "bands"), entry.getKey());
      if (band == null) {
        issues.error(doc, at, "overlay.unknown", "checklist '" + list.doc().id() + "' of " + where + " has no band '"
            + SafeText.line(entry.getKey()) + "'", "its bands are " + list.doc().bands().stream()
                .map(ChecklistDoc.BandDoc::id).toList());
        ok = false;
        continue;
      }
      if (entry.getValue().min() != null) {
        band.set("min", DecimalNode.valueOf(entry.getValue().min()));
      }
      if (entry.getValue().title() != null) {
        ObjectNode title = band.objectNode();
        if (entry.getValue().title().vi() != null) {
          title.put("vi", entry.getValue().title().vi());
        }
        if (entry.getValue().title().en() != null) {
          title.put("en", entry.getValue().title().en());
        }
        band.set("title", title);
      }
    }
    for (var entry : change.items().entrySet()) {
      ObjectNode item = element(root.path("items"), "rule", entry.getKey());
      String at = YamlDocument.child(YamlDocument.child(path, "items"), entry.getKey());
      if (item == null) {
        issues.error(doc, at, "overlay.unknown", "checklist '" + list.doc().id() + "' of " + where
            + " has no item for rule '" + SafeText.line(entry.getKey()) + "'", "its items are "
            + list.doc().items().stream().map(ChecklistDoc.ItemDoc::rule).toList());
        ok = false;
        continue;
      }
      if (entry.getValue().points() != null) {
        item.set("points", DecimalNode.valueOf(entry.getValue().points()));
      }
      if (entry.getValue().weight() != null) {
        item.set("weight", DecimalNode.valueOf(entry.getValue().weight()));
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    Issues inner = new Issues();
    Optional<LoadedChecklist> rebound = rebinder.rebind(list, list.document().withRoot(root), inner);
    if (rebound.isEmpty() || inner.hasErrors()) {
      inner.sorted().stream().filter(i -> i.severity() == vn.conduct.rules.api.ValidationIssue.Level.ERROR)
          .forEach(i -> issues.error(doc, path, i.code(), "with this change, " + list.file() + " of " + where
              + " at " + i.path() + ": " + i.message(), i.hint()));
      return Optional.empty();
    }
    return rebound;
  }

  private static ObjectNode element(JsonNode array, String key, String value) {
    if (!(array instanceof ArrayNode elements)) {
      return null;
    }
    for (JsonNode element : elements) {
      if (element instanceof ObjectNode object && value.equals(object.path(key).asText(null))) {
        return object;
      }
    }
    return null;
  }
}
