package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What changed between two versions of one rule pack, read from an engine's description
 * ({@link RulesEngine#packs()}, {@link RulesEngine#rules()}, {@link RulesEngine#checklists()}): rules and
 * checklists added, removed and changed, and the pack's own title, jurisdiction, dates and parameters.
 *
 * <p>What is compared:
 * <ul>
 *   <li>the pack: title, jurisdiction, effective from and until, and each parameter
 *       ({@code parameter <id>}: its type, declared default and title; {@link RulePackInfo#parameters()});
 *   <li>a rule: title, description, kind, severity, citation (document, article, clause, basis, note), its
 *       own effective dates, its applicability condition ({@code when}) and its {@code condition} in words
 *       ({@link RuleInfo#condition()}: "count of events [disciplined] in the period ≥ 1"), the numeric
 *       thresholds in the condition, applies-to, enabled and tags;
 *   <li>a checklist: title, subject type, method, maximum, floor, minimum evidence, period, and each item
 *       (points, weight, bonus, required, effective dates, credit), band, quota, veto and deduction.
 * </ul>
 *
 * <p>Each change names the field and gives its old and new value as text ({@link LocalizedText}: titles
 * and conditions in either language; other values are the same in both). An absent value is
 * {@link LocalizedText#EMPTY}: a threshold that was added has an empty old value. Rules and checklists
 * are matched by id: a rule whose id changed is one removed and one added (their conditions are on
 * {@link RuleInfo#condition()}). The digest is not compared (two versions always differ there).
 *
 * <pre>{@code
 * RulesEngine engine = RulesEngine.builder().discoverProviders().build();
 * PackDiff diff = PackDiff.between(engine, "hanoi-units", "1.1.0", "2.1.0");
 * diff.changedRules().forEach(e -> System.out.println(e.id() + ": " + e.changes()));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class PackDiff {

  /**
   * One field that differs between the two versions.
   *
   * @param field what changed, in words: {@code severity}, {@code citation.article}, {@code condition},
   *     {@code when}, {@code threshold indicator 'task-result-points'}, {@code parameter max-late},
   *     {@code item hn.rule}, {@code band good}
   * @param oldValue the value in the older version, {@link LocalizedText#EMPTY} if it had none
   * @param newValue the value in the newer version, {@link LocalizedText#EMPTY} if it has none
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record Change(String field, LocalizedText oldValue, LocalizedText newValue) {

    /** Checks that nothing is null. */
    public Change {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(oldValue, "oldValue");
      Objects.requireNonNull(newValue, "newValue");
    }
  }

  /**
   * A rule or checklist present in both versions whose description differs.
   *
   * @param id the rule's or checklist's id
   * @param title its title in the newer version
   * @param changes the fields that differ, in a fixed order; never empty
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record Entry(String id, LocalizedText title, List<Change> changes) {

    /** Copies the list and checks that nothing is null. */
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      changes = List.copyOf(changes);
    }
  }

  private final RulePackInfo from;
  private final RulePackInfo to;
  private final List<Change> packChanges;
  private final List<RuleInfo> addedRules;
  private final List<RuleInfo> removedRules;
  private final List<Entry> changedRules;
  private final List<ChecklistInfo> addedChecklists;
  private final List<ChecklistInfo> removedChecklists;
  private final List<Entry> changedChecklists;

  private PackDiff(RulePackInfo from, RulePackInfo to, List<Change> packChanges, List<RuleInfo> addedRules,
      List<RuleInfo> removedRules, List<Entry> changedRules, List<ChecklistInfo> addedChecklists,
      List<ChecklistInfo> removedChecklists, List<Entry> changedChecklists) {
    this.from = from;
    this.to = to;
    this.packChanges = List.copyOf(packChanges);
    this.addedRules = List.copyOf(addedRules);
    this.removedRules = List.copyOf(removedRules);
    this.changedRules = List.copyOf(changedRules);
    this.addedChecklists = List.copyOf(addedChecklists);
    this.removedChecklists = List.copyOf(removedChecklists);
    this.changedChecklists = List.copyOf(changedChecklists);
  }

  /**
   * Compares two versions of a pack that the engine holds.
   *
   * @param engine an engine built with both versions (for the Hanoi packs' format 1 versions, add
   *     {@code HanoiRulePackProvider.frozenPacks()})
   * @param packId the pack's id
   * @param fromVersion the older version (any order works; "added" means present only in {@code toVersion})
   * @param toVersion the newer version
   * @return the differences, empty if the descriptions are the same
   * @throws RulePackNotFoundException if the engine holds no such pack, or not that version; the message
   *     lists the packs or versions it holds
   */
  public static PackDiff between(RulesEngine engine, String packId, String fromVersion, String toVersion) {
    Objects.requireNonNull(packId, "packId");
    return between(engine, packId, fromVersion, packId, toVersion);
  }

  /**
   * Compares a pack with an overlay of it (rule-pack-format.md, section 16), or two versions of one
   * pack: "the city's pack without and with the district's plan". An overlay is described as composed
   * with the highest loaded version of its base that its range admits; compare it with that version
   * to see exactly what the overlay keeps, changes and adds.
   *
   * @param engine an engine holding both
   * @param fromPack the first pack's id
   * @param fromVersion its version
   * @param toPack the second pack's id: the same, an overlay of the first, or a pack the first overlays
   * @param toVersion its version
   * @return the differences, empty if the descriptions are the same
   * @throws RulePackNotFoundException if the engine holds no such pack or version
   * @throws IllegalArgumentException if the two packs differ and neither extends the other
   * @since 0.3
   */
  public static PackDiff between(RulesEngine engine, String fromPack, String fromVersion, String toPack,
      String toVersion) {
    Objects.requireNonNull(engine, "engine");
    RulePackInfo from = find(engine, Objects.requireNonNull(fromPack, "fromPack"),
        Objects.requireNonNull(fromVersion, "fromVersion"));
    RulePackInfo to = find(engine, Objects.requireNonNull(toPack, "toPack"), Objects.requireNonNull(toVersion, "toVersion"));
    requireRelated(engine, fromPack, toPack);

    List<Change> packChanges = new ArrayList<>();
    compare(packChanges, "title", text(from.title()), text(to.title()));
    compare(packChanges, "jurisdiction", text(from.jurisdiction()), text(to.jurisdiction()));
    compare(packChanges, "effective from", text(from.effectiveFrom()), text(to.effectiveFrom()));
    compare(packChanges, "effective until", text(from.effectiveUntil()), text(to.effectiveUntil()));
    compareKeyed(packChanges, "parameter ", parameters(from), parameters(to));

    Map<String, RuleInfo> oldRules = byId(engine.rules().stream()
        .filter(r -> in(r.rule().packId(), r.rule().packVersion(), from)).toList(), RuleInfo::ruleId);
    Map<String, RuleInfo> newRules = byId(engine.rules().stream()
        .filter(r -> in(r.rule().packId(), r.rule().packVersion(), to)).toList(), RuleInfo::ruleId);
    List<Entry> changedRules = new ArrayList<>();
    oldRules.forEach((id, old) -> {
      RuleInfo now = newRules.get(id);
      if (now != null) {
        List<Change> changes = ruleChanges(old, now);
        if (!changes.isEmpty()) {
          changedRules.add(new Entry(id, now.rule().title(), changes));
        }
      }
    });

    Map<String, ChecklistInfo> oldLists = byId(engine.checklists().stream()
        .filter(c -> in(c.packId(), c.packVersion(), from)).toList(), ChecklistInfo::checklistId);
    Map<String, ChecklistInfo> newLists = byId(engine.checklists().stream()
        .filter(c -> in(c.packId(), c.packVersion(), to)).toList(), ChecklistInfo::checklistId);
    List<Entry> changedLists = new ArrayList<>();
    oldLists.forEach((id, old) -> {
      ChecklistInfo now = newLists.get(id);
      if (now != null) {
        List<Change> changes = checklistChanges(old, now);
        if (!changes.isEmpty()) {
          changedLists.add(new Entry(id, text(now.title()), changes));
        }
      }
    });

    return new PackDiff(from, to, packChanges,
        newRules.values().stream().filter(r -> !oldRules.containsKey(r.ruleId())).toList(),
        oldRules.values().stream().filter(r -> !newRules.containsKey(r.ruleId())).toList(),
        changedRules,
        newLists.values().stream().filter(c -> !oldLists.containsKey(c.checklistId())).toList(),
        oldLists.values().stream().filter(c -> !newLists.containsKey(c.checklistId())).toList(),
        changedLists);
  }

  /** The older version's description. */
  public RulePackInfo from() {
    return from;
  }

  /** The newer version's description. */
  public RulePackInfo to() {
    return to;
  }

  /** The pack's id (the first pack's, when a pack is compared with an overlay of it). */
  public String packId() {
    return from.id();
  }

  /** Changes to the pack itself: title, jurisdiction, effective from, effective until, parameters. */
  public List<Change> packChanges() {
    return packChanges;
  }

  /** Rules only in the newer version, in its order. */
  public List<RuleInfo> addedRules() {
    return addedRules;
  }

  /** Rules only in the older version, in its order. */
  public List<RuleInfo> removedRules() {
    return removedRules;
  }

  /** Rules in both versions whose description differs, in the older version's order. */
  public List<Entry> changedRules() {
    return changedRules;
  }

  /** Checklists only in the newer version. */
  public List<ChecklistInfo> addedChecklists() {
    return addedChecklists;
  }

  /** Checklists only in the older version. */
  public List<ChecklistInfo> removedChecklists() {
    return removedChecklists;
  }

  /** Checklists in both versions whose description differs. */
  public List<Entry> changedChecklists() {
    return changedChecklists;
  }

  /** Whether the two versions' descriptions are the same (the digests may still differ). */
  public boolean isEmpty() {
    return packChanges.isEmpty() && addedRules.isEmpty() && removedRules.isEmpty() && changedRules.isEmpty()
        && addedChecklists.isEmpty() && removedChecklists.isEmpty() && changedChecklists.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PackDiff that && from.equals(that.from) && to.equals(that.to)
        && packChanges.equals(that.packChanges) && addedRules.equals(that.addedRules)
        && removedRules.equals(that.removedRules) && changedRules.equals(that.changedRules)
        && addedChecklists.equals(that.addedChecklists) && removedChecklists.equals(that.removedChecklists)
        && changedChecklists.equals(that.changedChecklists);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, packChanges, addedRules, removedRules, changedRules, addedChecklists,
        removedChecklists, changedChecklists);
  }

  @Override
  public String toString() {
    return "PackDiff[" + from.id() + " " + from.version() + " -> " + to.version() + ", packChanges=" + packChanges
        + ", addedRules=" + addedRules.stream().map(RuleInfo::ruleId).toList() + ", removedRules="
        + removedRules.stream().map(RuleInfo::ruleId).toList() + ", changedRules=" + changedRules
        + ", addedChecklists=" + addedChecklists.stream().map(ChecklistInfo::checklistId).toList()
        + ", removedChecklists=" + removedChecklists.stream().map(ChecklistInfo::checklistId).toList()
        + ", changedChecklists=" + changedChecklists + "]";
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The loaded version of a pack, or a {@link RulePackNotFoundException} naming the loaded packs or versions;
   * also for {@link PackImpact}.
   */
  /**
   * Two pack ids name one pack, or one extends the other (directly or through overlays between them).
   *
   * @throws IllegalArgumentException otherwise, naming both
   */
  static void requireRelated(RulesEngine engine, String a, String b) {
    if (!a.equals(b) && !extendsPack(engine, a, b) && !extendsPack(engine, b, a)) {
      throw new IllegalArgumentException(SafeText.line("Packs '" + a + "' and '" + b + "' are two packs and neither"
          + " extends the other [Hint: compare two versions of one pack, or a pack with an overlay of it]"));
    }
  }

  /** Whether pack {@code overlay} extends pack {@code base}, directly or through other overlays. */
  static boolean extendsPack(RulesEngine engine, String overlay, String base) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    String current = overlay;
    while (current != null && seen.add(current)) {
      String id = current;
      current = engine.packs().stream().filter(p -> p.id().equals(id)).findFirst()
          .flatMap(RulePackInfo::base).orElse(null);
      if (base.equals(current)) {
        return true;
      }
    }
    return false;
  }

  static RulePackInfo find(RulesEngine engine, String packId, String version) {
    List<RulePackInfo> versions = engine.packs().stream().filter(p -> p.id().equals(packId)).toList();
    if (versions.isEmpty()) {
      throw new RulePackNotFoundException(SafeText.line("No rule pack with id '" + packId + "' is loaded [Hint: the"
          + " loaded packs are " + engine.packs().stream().map(RulePackInfo::id).distinct()
              .collect(Collectors.joining(", ")) + "]"));
    }
    return versions.stream().filter(p -> p.version().equals(version)).findFirst()
        .orElseThrow(() -> new RulePackNotFoundException(SafeText.line("No version " + version + " of pack '"
            + packId + "' is loaded [Hint: the loaded versions are " + versions.stream().map(RulePackInfo::version)
                .collect(Collectors.joining(", ")) + "]")));
  }

  private static boolean in(String packId, String version, RulePackInfo pack) {
    return packId.equals(pack.id()) && version.equals(pack.version());
  }

  private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    values.forEach(v -> map.putIfAbsent(id.apply(v), v));
    return map;
  }

  private static List<Change> ruleChanges(RuleInfo old, RuleInfo now) {
    List<Change> changes = new ArrayList<>();
    RuleRef a = old.rule();
    RuleRef b = now.rule();
    compare(changes, "title", a.title(), b.title());
    compare(changes, "description", old.description(), now.description());
    compare(changes, "kind", text(word(a.kind())), text(word(b.kind())));
    compare(changes, "severity", text(word(a.severity())), text(word(b.severity())));
    Citation x = a.citation();
    Citation y = b.citation();
    compare(changes, "citation.document", text(document(x)), text(document(y)));
    compare(changes, "citation.article", text(x.article()), text(y.article()));
    compare(changes, "citation.clause", text(x.clause()), text(y.clause()));
    compare(changes, "citation.basis", text(word(x.basis())), text(word(y.basis())));
    compare(changes, "citation.note", text(x.note()), text(y.note()));
    compare(changes, "effective from", text(old.effectiveFrom()), text(now.effectiveFrom()));
    compare(changes, "effective until", text(old.effectiveUntil()), text(now.effectiveUntil()));
    compare(changes, "when", old.when(), now.when());
    compare(changes, "condition", old.condition(), now.condition());
    compareKeyed(changes, "threshold ", thresholds(old), thresholds(now));
    compare(changes, "applies-to", text(String.join(", ", old.appliesTo())), text(String.join(", ", now.appliesTo())));
    compare(changes, "enabled", text(String.valueOf(old.enabled())), text(String.valueOf(now.enabled())));
    compare(changes, "tags", text(String.join(", ", a.tags())), text(String.join(", ", b.tags())));
    return changes;
  }

  private static List<Change> checklistChanges(ChecklistInfo old, ChecklistInfo now) {
    List<Change> changes = new ArrayList<>();
    compare(changes, "title", text(old.title()), text(now.title()));
    compare(changes, "subject type", text(old.subjectType()), text(now.subjectType()));
    compare(changes, "method", text(word(old.method())), text(word(now.method())));
    compare(changes, "maximum", text(number(old.maximum())), text(number(now.maximum())));
    compare(changes, "floor", text(number(old.floor())), text(number(now.floor())));
    compare(changes, "minimum evidence", text(number(old.minEvidence())), text(number(now.minEvidence())));
    compare(changes, "period", text(word(old.period())), text(word(now.period())));
    compareKeyed(changes, "item ", items(old), items(now));
    compareKeyed(changes, "band ", bands(old), bands(now));
    compareKeyed(changes, "quota ", quotas(old), quotas(now));
    compareKeyed(changes, "veto ", vetoes(old), vetoes(now));
    compareKeyed(changes, "deduction ", deductions(old), deductions(now));
    return changes;
  }

  /** Each parameter as "number, default 100: title", keyed by id. */
  private static Map<String, LocalizedText> parameters(RulePackInfo pack) {
    Map<String, LocalizedText> map = new LinkedHashMap<>();
    for (RulePackInfo.Parameter p : pack.parameters()) {
      String vi = p.type() + ", mặc định " + p.defaultValue();
      String en = p.type() + ", default " + p.defaultValue();
      map.put(p.id(), p.title().isEmpty() ? LocalizedText.of(vi, en)
          : LocalizedText.of(vi + ": " + p.title().in(Language.VI), en + ": " + p.title().in(Language.EN)));
    }
    return map;
  }

  private static Map<String, LocalizedText> thresholds(RuleInfo rule) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (RuleInfo.Threshold t : rule.thresholds()) {
      grouped.computeIfAbsent(t.scope() + " '" + t.field() + "'", k -> new ArrayList<>())
          .add(t.operator() + " " + t.values().stream().map(PackDiff::number).collect(Collectors.joining(", ")));
    }
    Map<String, LocalizedText> map = new LinkedHashMap<>();
    grouped.forEach((key, values) -> map.put(key, text(String.join("; ", values))));
    return map;
  }

  private static Map<String, LocalizedText> items(ChecklistInfo list) {
    Map<String, LocalizedText> map = new LinkedHashMap<>();
    for (ChecklistInfo.Item item : list.items()) {
      StringBuilder value = new StringBuilder();
      if (item.points() != null) {
        value.append("points ").append(number(item.points()));
      }
      if (item.weight() != null) {
        value.append(value.length() > 0 ? ", " : "").append("weight ").append(number(item.weight()));
      }
      if (item.bonus()) {
        value.append(", bonus");
      }
      if (item.required()) {
        value.append(", required");
      }
      if (item.effectiveFrom() != null || item.effectiveUntil() != null) {
        value.append(", in force ").append(item.effectiveFrom() == null ? "—" : item.effectiveFrom()).append(" to ")
            .append(item.effectiveUntil() == null ? "—" : item.effectiveUntil());
      }
      item.credit().ifPresent(c -> value.append(", credit by '").append(c.indicator()).append("'")
          .append(c.bands().stream().map(b -> "≥ " + number(b.min()) + ": " + number(b.points()))
              .collect(Collectors.joining("; ", c.bands().isEmpty() ? "" : " ", "")))
          .append(c.perUnit() == null ? "" : " per unit " + number(c.perUnit())));
      map.put(item.ruleId(), text(value.toString()));
    }
    return map;
  }

  private static Map<String, LocalizedText> bands(ChecklistInfo list) {
    Map<String, LocalizedText> map = new LinkedHashMap<>();
    for (ChecklistInfo.Band band : list.bands()) {
      String min = "≥ " + number(band.min());
      LocalizedText title = band.title();
      map.put(band.id(), title == null || title.isEmpty() ? text(min)
          : LocalizedText.of(min + " (" + title.in(Language.VI) + ")", min + " (" + title.in(Language.EN) + ")"));
    }
    return map;
  }

  private static Map<String, LocalizedText> quotas(ChecklistInfo list) {
    Map<String, LocalizedText> map = new LinkedHashMap<>();
    for (ChecklistInfo.Quota quota : list.quotas()) {
      StringBuilder value = new StringBuilder("at most ").append(number(quota.maxPercent())).append('%');
      if (quota.ofBand() != null) {
        value.append(" of band ").append(quota.ofBand());
      }
      if (quota.overridden()) {
        value.append(", or ").append(number(quota.overrideMaxPercent())).append("% when ")
            .append(quota.overrideCondition());
      }
      if (!quota.groupBy().isEmpty()) {
        value.append(", per ").append(quota.groupBy().stream().map(ChecklistInfo.GroupKey::name)
            .collect(Collectors.joining(", ")));
      }
      if (quota.baseCondition() != null) {
        value.append(", counting ").append(quota.baseCondition());
      }
      map.merge(quota.band(), text(value.toString()),
          (a, b) -> text(a.in(Language.EN) + "; " + b.in(Language.EN)));
    }
    return map;
  }

  private static Map<String, LocalizedText> vetoes(ChecklistInfo list) {
    Map<String, LocalizedText> map = new LinkedHashMap<>();
    for (ChecklistInfo.Veto veto : list.vetoes()) {
      List<String> parts = new ArrayList<>();
      if (veto.capRating() != null) {
        parts.add("rating at most " + veto.capRating());
      }
      if (veto.capScore() != null) {
        parts.add("score at most " + number(veto.capScore()));
      }
      map.put(veto.ruleId(), text(String.join(", ", parts)));
    }
    return map;
  }

  private static Map<String, LocalizedText> deductions(ChecklistInfo list) {
    Map<String, LocalizedText> map = new LinkedHashMap<>();
    for (ChecklistInfo.Deduction d : list.deductions()) {
      StringBuilder value = new StringBuilder(number(d.points())).append(" points each");
      if (d.max() != null) {
        value.append(", at most ").append(number(d.max()));
      }
      if (d.window() != null) {
        value.append(", window ").append(d.window());
      }
      if (d.verifiedOnly()) {
        value.append(", verified only");
      }
      map.put(String.join(", ", d.events()), text(value.toString()));
    }
    return map;
  }

  /** Adds a change per key whose value differs, keys in the older map's order then the newer's. */
  private static void compareKeyed(List<Change> changes, String prefix, Map<String, LocalizedText> old,
      Map<String, LocalizedText> now) {
    Set<String> keys = new LinkedHashSet<>(old.keySet());
    keys.addAll(now.keySet());
    for (String key : keys) {
      compare(changes, prefix + key, old.getOrDefault(key, LocalizedText.EMPTY),
          now.getOrDefault(key, LocalizedText.EMPTY));
    }
  }

  private static void compare(List<Change> changes, String field, LocalizedText old, LocalizedText now) {
    LocalizedText a = old == null ? LocalizedText.EMPTY : old;
    LocalizedText b = now == null ? LocalizedText.EMPTY : now;
    if (!a.equals(b)) {
      changes.add(new Change(field, a, b));
    }
  }

  private static String document(Citation citation) {
    return citation.documentNumber() != null ? citation.documentNumber() : citation.documentId();
  }

  private static String word(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String number(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  private static LocalizedText text(LocalDate value) {
    return value == null ? LocalizedText.EMPTY : LocalizedText.of(value.toString());
  }

  private static LocalizedText text(String value) {
    return value == null || value.isEmpty() ? LocalizedText.EMPTY : LocalizedText.of(value);
  }

  private static LocalizedText text(LocalizedText value) {
    return value == null ? LocalizedText.EMPTY : value;
  }
}
