package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Who changes outcome, score, rating or rank when the same facts are evaluated under two versions of one
 * pack: the request is evaluated twice, once with each version pinned and only that pack, and the two
 * reports are compared subject by subject (by id).
 *
 * <pre>{@code
 * PackImpact impact = PackImpact.between(engine, request, "hanoi-units", "1.1.0", "2.1.0");
 * impact.checklists().forEach(c -> System.out.println(c.checklistId() + ": " + c.ratingChanged()
 *     + " of " + c.subjects() + " subjects change rating"));
 * }</pre>
 *
 * <p>A score change's causes are the rules of that checklist (items or adjustments, in either version)
 * whose outcome changed for the subject; none means the checklist itself changed (points, bands, vetoes).
 * Instances are immutable and thread-safe.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class PackImpact {

  /**
   * A rule whose outcome differs for one subject.
   *
   * @param ruleId the rule
   * @param from the outcome under the older version, {@code null} if the rule did not judge the subject
   * @param to the outcome under the newer version, {@code null} if the rule did not judge the subject
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record OutcomeChange(String ruleId, Outcome from, Outcome to) {

    /** Checks the rule id. */
    public OutcomeChange {
      Objects.requireNonNull(ruleId, "ruleId");
    }
  }

  /**
   * A checklist whose score or rating differs for one subject.
   *
   * @param checklistId the checklist
   * @param fromScore the score under the older version, {@code null} if not scored
   * @param toScore the score under the newer version, {@code null} if not scored
   * @param fromRating the rating under the older version, {@code null} if none
   * @param toRating the rating under the newer version, {@code null} if none
   * @param causes the checklist's rules whose outcome changed for the subject; empty when only the
   *     checklist itself changed
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record ScoreChange(String checklistId, BigDecimal fromScore, BigDecimal toScore, String fromRating,
      String toRating, List<String> causes) {

    /** Copies the causes and checks the checklist id. */
    public ScoreChange {
      Objects.requireNonNull(checklistId, "checklistId");
      causes = List.copyOf(causes);
    }

    /** Whether the rating differs. */
    public boolean ratingChanged() {
      return !Objects.equals(fromRating, toRating);
    }

    /** Whether the score differs (by value: 80 and 80.0 are the same). */
    public boolean scoreChanged() {
      return fromScore == null || toScore == null ? fromScore != toScore : fromScore.compareTo(toScore) != 0;
    }
  }

  /**
   * A rank that differs for one subject in one ranking.
   *
   * @param checklistId the ranking's checklist
   * @param peerGroup the ranking's peer group
   * @param from the rank under the older version, {@code null} if not ranked
   * @param to the rank under the newer version, {@code null} if not ranked
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record RankChange(String checklistId, String peerGroup, Integer from, Integer to) {

    /** Checks the checklist id. */
    public RankChange {
      Objects.requireNonNull(checklistId, "checklistId");
    }
  }

  /**
   * One subject whose result differs between the versions.
   *
   * @param subjectId the subject
   * @param unitId its unit (parent id), {@code null} if it has none
   * @param outcomes the rules whose outcome differs, in the newer report's order
   * @param scores the checklists whose score or rating differs
   * @param ranks the rankings where its rank differs
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record SubjectChange(String subjectId, String unitId, List<OutcomeChange> outcomes,
      List<ScoreChange> scores, List<RankChange> ranks) {

    /** Copies the lists and checks the subject id. */
    public SubjectChange {
      Objects.requireNonNull(subjectId, "subjectId");
      outcomes = List.copyOf(outcomes);
      scores = List.copyOf(scores);
      ranks = List.copyOf(ranks);
    }
  }

  /**
   * Counts for one checklist.
   *
   * @param checklistId the checklist
   * @param subjects subjects scored on it under either version
   * @param scoreChanged subjects whose score differs
   * @param ratingChanged subjects whose rating differs
   * @param ratingCauses for each rule, how many of the rating changes it caused (a subject may count for
   *     several rules), most first
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record ChecklistSummary(String checklistId, int subjects, int scoreChanged, int ratingChanged,
      Map<String, Integer> ratingCauses) {

    /** Copies the map, keeping its order. */
    public ChecklistSummary {
      Objects.requireNonNull(checklistId, "checklistId");
      ratingCauses = Collections.unmodifiableMap(new LinkedHashMap<>(ratingCauses));
    }
  }

  /**
   * Counts for one unit.
   *
   * @param subjects subjects of the unit compared
   * @param changed of those, subjects whose result differs
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record Count(int subjects, int changed) { }

  private final String packId;
  private final String toPackId;
  private final String fromVersion;
  private final String toVersion;
  private final int subjects;
  private final List<SubjectChange> changes;
  private final List<ChecklistSummary> checklists;
  private final Map<String, Count> units;
  private final Map<String, Integer> rules;
  private final PersonalData personalData;

  private PackImpact(String packId, String toPackId, String fromVersion, String toVersion, int subjects, List<SubjectChange> changes,
      List<ChecklistSummary> checklists, Map<String, Count> units, Map<String, Integer> rules,
      PersonalData personalData) {
    this.packId = packId;
    this.toPackId = toPackId;
    this.fromVersion = fromVersion;
    this.toVersion = toVersion;
    this.subjects = subjects;
    this.changes = List.copyOf(changes);
    this.checklists = List.copyOf(checklists);
    this.units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    this.personalData = personalData;
  }

  /**
   * Evaluates the request under each version of the pack and compares the results.
   *
   * @param engine an engine holding both versions (for the Hanoi packs' format 1 versions, add
   *     {@code HanoiRulePackProvider.frozenPacks()})
   * @param request the facts, dates and period; its own packs and pins are replaced by the one pack pinned
   *     to each version in turn
   * @param packId the pack
   * @param fromVersion the older version
   * @param toVersion the newer version
   * @return the subjects whose result differs, with counts
   * @throws RulePackNotFoundException if the engine holds no such pack or version
   */
  public static PackImpact between(RulesEngine engine, EvaluationRequest request, String packId, String fromVersion,
      String toVersion) {
    Objects.requireNonNull(packId, "packId");
    return between(engine, request, packId, fromVersion, packId, toVersion);
  }

  /**
   * Evaluates the request under a pack and under an overlay of it (rule-pack-format.md, section 16),
   * or under two versions of one pack, and compares the results: who changes with the district's plan.
   * Each side is the one pack named and pinned to its version (an overlay's base version is the one in
   * force, as in any evaluation).
   *
   * @param fromPack the first pack's id
   * @param toPack the second's: the same, an overlay of the first, or a pack the first overlays
   * @throws RulePackNotFoundException if the engine holds no such pack or version
   * @throws IllegalArgumentException if the two packs differ and neither extends the other
   * @since 0.3
   */
  public static PackImpact between(RulesEngine engine, EvaluationRequest request, String fromPack,
      String fromVersion, String toPack, String toVersion) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(fromPack, "fromPack");
    Objects.requireNonNull(toPack, "toPack");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    // Both versions must be loaded (a pin of a missing version would be refused too, less clearly).
    PackDiff.find(engine, fromPack, fromVersion);
    PackDiff.find(engine, toPack, toVersion);
    PackDiff.requireRelated(engine, fromPack, toPack);
    Report a = engine.evaluate(only(request, fromPack, fromVersion));
    Report b = engine.evaluate(only(request, toPack, toVersion));
    return compare(fromPack, toPack, fromVersion, toVersion, a, b);
  }

  private static EvaluationRequest only(EvaluationRequest request, String packId, String version) {
    // As EvaluationRequest.toBuilder() does, without the request's own packs and pins.
    EvaluationRequest.Builder builder = EvaluationRequest.builder(request.asOf());
    if (request.periodGiven()) {
      builder.period(request.period());
    }
    return builder.subjects(request.subjects()).observations(request.observations()).events(request.events())
        .pack(packId).pin(packId, version).build();
  }

  /** Compares two reports of the same facts; for tests and for hosts that evaluated already. */
  static PackImpact compare(String packId, String fromVersion, String toVersion, Report a, Report b) {
    return compare(packId, packId, fromVersion, toVersion, a, b);
  }

  /** Compares two reports of the same facts, made under two related packs. */
  static PackImpact compare(String packId, String toPackId, String fromVersion, String toVersion, Report a,
      Report b) {
    Map<String, SubjectResult> before = new LinkedHashMap<>();
    a.subjects().forEach(s -> before.put(s.subjectId(), s));
    Map<String, SubjectResult> after = new LinkedHashMap<>();
    b.subjects().forEach(s -> after.put(s.subjectId(), s));
    Set<String> ids = new LinkedHashSet<>(before.keySet());
    ids.addAll(after.keySet());
    Map<String, Integer> ranksA = ranks(a);
    Map<String, Integer> ranksB = ranks(b);
    Set<String> rankings = new LinkedHashSet<>();
    a.rankings().forEach(r -> rankings.add(r.checklistId() + "\u0000" + r.peerGroup()));
    b.rankings().forEach(r -> rankings.add(r.checklistId() + "\u0000" + r.peerGroup()));

    List<SubjectChange> changes = new ArrayList<>();
    Map<String, int[]> units = new TreeMap<>();
    Map<String, Integer> rules = new LinkedHashMap<>();
    Map<String, int[]> lists = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> causes = new LinkedHashMap<>();
    for (String id : ids) {
      SubjectResult x = before.get(id);
      SubjectResult y = after.get(id);
      Subject subject = (y != null ? y : x).subject();
      List<OutcomeChange> outcomes = new ArrayList<>();
      Map<String, Outcome> oa = outcomes(x);
      Map<String, Outcome> ob = outcomes(y);
      Set<String> ruleIds = new LinkedHashSet<>(ob.keySet());
      ruleIds.addAll(oa.keySet());
      for (String rule : ruleIds) {
        if (oa.get(rule) != ob.get(rule)) {
          outcomes.add(new OutcomeChange(rule, oa.get(rule), ob.get(rule)));
          rules.merge(rule, 1, Integer::sum);
        }
      }
      Set<String> changedRules = new LinkedHashSet<>();
      outcomes.forEach(o -> changedRules.add(o.ruleId()));
      List<ScoreChange> scores = new ArrayList<>();
      Map<String, ChecklistScore> sa = scores(x);
      Map<String, ChecklistScore> sb = scores(y);
      Set<String> checklistIds = new LinkedHashSet<>(sb.keySet());
      checklistIds.addAll(sa.keySet());
      for (String checklist : checklistIds) {
        ChecklistScore p = sa.get(checklist);
        ChecklistScore q = sb.get(checklist);
        int[] count = lists.computeIfAbsent(checklist, k -> new int[3]);
        count[0]++;
        Set<String> involved = new LinkedHashSet<>();
        for (ChecklistScore s : new ChecklistScore[] {p, q}) {
          if (s != null) {
            s.items().forEach(i -> involved.add(i.ruleId()));
            s.adjustments().forEach(j -> involved.add(j.source()));
          }
        }
        List<String> why = changedRules.stream().filter(involved::contains).toList();
        ScoreChange change = new ScoreChange(checklist, p == null ? null : p.score(), q == null ? null : q.score(),
            p == null ? null : p.rating(), q == null ? null : q.rating(), why);
        if (change.scoreChanged() || change.ratingChanged()) {
          scores.add(change);
          count[1] += change.scoreChanged() ? 1 : 0;
          if (change.ratingChanged()) {
            count[2]++;
            Map<String, Integer> byRule = causes.computeIfAbsent(checklist, k -> new LinkedHashMap<>());
            why.forEach(r -> byRule.merge(r, 1, Integer::sum));
          }
        }
      }
      List<RankChange> ranks = new ArrayList<>();
      for (String ranking : rankings) {
        Integer r1 = ranksA.get(ranking + "\u0000" + id);
        Integer r2 = ranksB.get(ranking + "\u0000" + id);
        if (!Objects.equals(r1, r2)) {
          String[] parts = ranking.split("\u0000", -1);
          ranks.add(new RankChange(parts[0], parts[1], r1, r2));
        }
      }
      int[] unit = units.computeIfAbsent(subject.parentId() == null ? "" : subject.parentId(), k -> new int[2]);
      unit[0]++;
      if (!outcomes.isEmpty() || !scores.isEmpty() || !ranks.isEmpty()) {
        unit[1]++;
        changes.add(new SubjectChange(id, subject.parentId(), outcomes, scores, ranks));
      }
    }
    List<ChecklistSummary> summaries = new ArrayList<>();
    lists.forEach((id, c) -> summaries.add(new ChecklistSummary(id, c[0], c[1], c[2],
        mostFirst(causes.getOrDefault(id, Map.of())))));
    Map<String, Count> unitCounts = new LinkedHashMap<>();
    units.forEach((id, c) -> unitCounts.put(id, new Count(c[0], c[1])));
    return new PackImpact(packId, toPackId, fromVersion, toVersion, ids.size(), changes, summaries, unitCounts,
        mostFirst(rules), union(a.provenance().personalData(), b.provenance().personalData()));
  }

  private static PersonalData union(PersonalData a, PersonalData b) {
    Set<String> types = new java.util.TreeSet<>(a.subjectTypes());
    types.addAll(b.subjectTypes());
    Map<String, Set<String>> attributes = new TreeMap<>();
    for (PersonalData each : List.of(a, b)) {
      each.attributes().forEach((type, names) -> attributes.computeIfAbsent(type, t -> new java.util.TreeSet<>())
          .addAll(names));
    }
    return PersonalData.of(types, attributes);
  }

  private static Map<String, Integer> mostFirst(Map<String, Integer> counts) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static Map<String, Outcome> outcomes(SubjectResult result) {
    Map<String, Outcome> map = new LinkedHashMap<>();
    if (result != null) {
      result.findings().forEach(f -> map.putIfAbsent(f.ruleId(), f.outcome()));
    }
    return map;
  }

  private static Map<String, ChecklistScore> scores(SubjectResult result) {
    Map<String, ChecklistScore> map = new LinkedHashMap<>();
    if (result != null) {
      result.scores().forEach(s -> map.putIfAbsent(s.checklistId(), s));
    }
    return map;
  }

  private static Map<String, Integer> ranks(Report report) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (Ranking ranking : report.rankings()) {
      for (Ranking.Entry entry : ranking.entries()) {
        map.putIfAbsent(ranking.checklistId() + "\u0000" + ranking.peerGroup() + "\u0000" + entry.subjectId(),
            entry.rank());
      }
    }
    return map;
  }

  /** The pack compared. */
  public String packId() {
    return packId;
  }

  /**
   * The second pack's id: the same as {@link #packId()} for two versions of one pack, an overlay's (or
   * its base's) id when a pack is compared with an overlay of it.
   *
   * @since 0.3
   */
  public String toPackId() {
    return toPackId;
  }

  /** The older version. */
  public String fromVersion() {
    return fromVersion;
  }

  /** The newer version. */
  public String toVersion() {
    return toVersion;
  }

  /** How many subjects were compared (those in either report). */
  public int subjects() {
    return subjects;
  }

  /** The subjects whose result differs, in the order of the reports; empty if none. */
  public List<SubjectChange> changes() {
    return changes;
  }

  /** Counts per checklist scored under either version, in report order. */
  public List<ChecklistSummary> checklists() {
    return checklists;
  }

  /** Counts per unit (parent id; the empty string for subjects without one), by unit id. */
  public Map<String, Count> units() {
    return units;
  }

  /** For each rule whose outcome changed for someone, how many subjects, most first. */
  public Map<String, Integer> rules() {
    return rules;
  }

  /**
   * What either version marks as personal data (the union of both evaluations' marks): a pack may start
   * marking people personal in a later version, and an impact shows both.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public PersonalData personalData() {
    return personalData;
  }

  /**
   * Returns this impact with every subject and unit id replaced by what the function makes of it (the
   * same id always the same way): e.g. pseudonymised for an export. Counts and changes are unchanged.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public PackImpact withSubjectIds(java.util.function.UnaryOperator<String> change) {
    Objects.requireNonNull(change, "change");
    List<SubjectChange> mapped = changes.stream().map(c -> new SubjectChange(change.apply(c.subjectId()),
        c.unitId() == null ? null : change.apply(c.unitId()), c.outcomes(), c.scores(), c.ranks())).toList();
    Map<String, Count> unitCounts = new LinkedHashMap<>();
    units.forEach((id, count) -> unitCounts.put(change.apply(id), count));
    return new PackImpact(packId, toPackId, fromVersion, toVersion, subjects, mapped, checklists, unitCounts, rules,
        personalData);
  }

  /** Whether no subject's result differs. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  @Override
  public String toString() {
    return "PackImpact[" + packId + " " + fromVersion + " -> " + (toPackId.equals(packId) ? "" : toPackId + " ") + toVersion + ": " + changes.size() + " of " + subjects
        + " subjects change]";
  }
}
