package vn.conduct.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.RulesEngine;

/**
 * Evaluates a large request in batches so that progress can be shown between them, and merges the
 * batches' reports into one report equal to a single evaluation's.
 *
 * <p>A batch holds whole trees of units: a subject is always in the batch of its topmost ancestor
 * in the request, with every fact about it, so quotas, roll-ups and aggregates over members (which
 * only look inside a unit) are exactly those of a single evaluation. Quota groups that may span
 * trees are kept whole too: the parentless subjects a quota groups together by default are put in
 * one tree, and when a quota groups by attributes only ({@code group-by} without an ancestor key,
 * format 2), its groups may hold members of any tree, so the request is evaluated at once (a
 * grouping with an ancestor key stays within the tree of that ancestor). A batch is closed when it holds
 * enough subjects or enough events and observations, whichever comes first: the engine keeps all of
 * a session's events in its working memory at once (about 500 bytes each), so a few subjects with
 * many events are split as many subjects are. Rankings span every subject:
 * each batch's entries are merged per checklist and peer group and ranked again as the engine
 * ranks ("1, 2, 2, 4", then by subject id). Fact problems are renumbered to the request's indexes.
 */
final class Batches {

  private Batches() {
  }

  /**
   * Evaluates in batches of whole trees, each closed once it holds at least {@code size} subjects or
   * {@code facts} events and observations, reporting the subjects done after each.
   */
  static Report evaluate(RulesEngine engine, EvaluationRequest request, int size, long facts, LongConsumer done) {
    List<Subject> subjects = request.subjects();
    Map<String, Subject> byId = new HashMap<>();
    subjects.forEach(s -> byId.putIfAbsent(s.id(), s));
    List<ChecklistInfo> checklists = engine.checklists();
    boolean acrossTrees = checklists.stream().flatMap(c -> c.quotas().stream()).anyMatch(q -> !q.groupBy().isEmpty()
        && q.groupBy().stream().noneMatch(k -> k.kind() == ChecklistInfo.GroupKey.Kind.ANCESTOR));
    if (acrossTrees) {
      size = Integer.MAX_VALUE;
      facts = Long.MAX_VALUE;
    }
    Set<String> pooled = new HashSet<>();
    checklists.stream().filter(c -> c.quotas().stream().anyMatch(q -> q.groupBy().isEmpty()))
        .forEach(c -> pooled.add(c.subjectType()));
    Map<String, Integer> batchOfRoot = new LinkedHashMap<>();
    Map<String, Integer> batchOfSubject = new HashMap<>();
    List<Batch> batches = new ArrayList<>();
    Map<String, Integer> treeSizes = new LinkedHashMap<>();
    Map<String, String> rootOf = new HashMap<>();
    for (Subject subject : subjects) {
      String root = root(subject, byId, pooled);
      rootOf.put(subject.id(), root);
      treeSizes.merge(root, 1, Integer::sum);
    }
    Map<String, Long> treeFacts = new HashMap<>();
    request.events().forEach(e -> treeFacts.merge(rootOf.getOrDefault(e.subjectId(), ""), 1L, Long::sum));
    request.observations().forEach(o -> treeFacts.merge(rootOf.getOrDefault(o.subjectId(), ""), 1L, Long::sum));
    int current = 0;
    long currentFacts = 0;
    for (Map.Entry<String, Integer> tree : treeSizes.entrySet()) {
      if (batches.isEmpty() || current >= size || currentFacts >= facts) {
        batches.add(new Batch(request));
        current = 0;
        currentFacts = 0;
      }
      batchOfRoot.put(tree.getKey(), batches.size() - 1);
      current += tree.getValue();
      currentFacts += treeFacts.getOrDefault(tree.getKey(), 0L);
    }
    if (batches.isEmpty()) {
      batches.add(new Batch(request));
    }
    for (int i = 0; i < subjects.size(); i++) {
      int batch = batchOfRoot.get(rootOf.get(subjects.get(i).id()));
      batchOfSubject.putIfAbsent(subjects.get(i).id(), batch);
      batches.get(batch).subject(subjects.get(i), i);
    }
    for (int i = 0; i < request.observations().size(); i++) {
      Observation observation = request.observations().get(i);
      batches.get(batchOfSubject.getOrDefault(observation.subjectId(), 0)).observation(observation, i);
    }
    for (int i = 0; i < request.events().size(); i++) {
      Event event = request.events().get(i);
      batches.get(batchOfSubject.getOrDefault(event.subjectId(), 0)).event(event, i);
    }
    List<SubjectResult> results = new ArrayList<>();
    List<FactProblem> problems = new ArrayList<>();
    List<Ranking> rankings = new ArrayList<>();
    Provenance provenance = null;
    long evaluated = 0;
    for (Batch batch : batches) {
      Report report = engine.evaluate(batch.builder.build());
      provenance = provenance == null ? report.provenance() : provenance;
      results.addAll(report.subjects());
      for (FactProblem problem : report.factProblems()) {
        problems.add(batch.renumber(problem));
      }
      rankings.addAll(report.rankings());
      evaluated += batch.subjects.size();
      done.accept(evaluated);
    }
    // The orders of specs/report-format.md, section 11: subjects by id; rankings by pack, checklist,
    // peer group; fact problems subjects, observations, events, each in the request's order.
    results.sort(Comparator.comparing(SubjectResult::subjectId));
    List<String> kinds = List.of("subject", "observation", "event");
    problems.sort(Comparator.comparingInt((FactProblem p) -> kinds.indexOf(p.kind()) < 0 ? 3 : kinds.indexOf(p.kind()))
        .thenComparingInt(FactProblem::index));
    List<Ranking> merged = new ArrayList<>(merge(rankings));
    merged.sort(Comparator.comparing(Ranking::packId).thenComparing(Ranking::checklistId)
        .thenComparing(Ranking::peerGroup));
    return Report.of(provenance, results, merged, problems);
  }

  /**
   * The topmost ancestor of a subject among the request's subjects (itself if none; cycles stop);
   * members of a unit that is not in the request are grouped by that unit's id, as quotas group them;
   * parentless subjects of a type whose quotas group by the parent share one tree, as quotas put
   * them in one group.
   */
  private static String root(Subject subject, Map<String, Subject> byId, Set<String> pooled) {
    Set<String> seen = new HashSet<>();
    Subject at = subject;
    while (at.parentId() != null && byId.containsKey(at.parentId()) && seen.add(at.id())) {
      at = byId.get(at.parentId());
    }
    if (at.parentId() != null && !byId.containsKey(at.parentId())) {
      return "\0" + at.parentId(); // a NUL never starts a subject id: no clash with a root id
    }
    if (at.parentId() == null && pooled.contains(at.type())) {
      return "\0\0"; // the parentless group of a quota; no unit id is empty
    }
    return at.id();
  }

  /** Merges rankings of the same pack, checklist and peer group, ranking their entries again. */
  static List<Ranking> merge(List<Ranking> rankings) {
    Map<List<String>, List<Ranking>> groups = new LinkedHashMap<>();
    for (Ranking ranking : rankings) {
      groups.computeIfAbsent(List.of(ranking.packId(), ranking.checklistId(), ranking.peerGroup()),
          k -> new ArrayList<>()).add(ranking);
    }
    List<Ranking> merged = new ArrayList<>();
    for (Map.Entry<List<String>, List<Ranking>> group : groups.entrySet()) {
      List<Ranking.Entry> entries = new ArrayList<>();
      TreeSet<String> unranked = new TreeSet<>();
      group.getValue().forEach(r -> {
        entries.addAll(r.entries());
        unranked.addAll(r.unranked());
      });
      entries.sort(Comparator.comparing(Ranking.Entry::score, Comparator.reverseOrder())
          .thenComparing(Ranking.Entry::subjectId));
      List<Ranking.Entry> ranked = new ArrayList<>();
      BigDecimal previous = null;
      int rank = 0;
      for (int i = 0; i < entries.size(); i++) {
        Ranking.Entry entry = entries.get(i);
        if (previous == null || entry.score().compareTo(previous) != 0) {
          rank = i + 1;
          previous = entry.score();
        }
        ranked.add(Ranking.Entry.of(rank, entry.subjectId(), entry.score(), entry.rating()));
      }
      List<String> key = group.getKey();
      merged.add(Ranking.of(key.get(0), key.get(1), key.get(2), ranked, List.copyOf(unranked)));
    }
    return merged;
  }

  /**
   * One batch: its request and, per kind of fact, the request's index of each of its facts (in
   * arrays of ints: a million events would otherwise hold a million boxed indexes).
   */
  private static final class Batch {
    final EvaluationRequest.Builder builder;
    final IntList subjects = new IntList();
    final IntList observations = new IntList();
    final IntList events = new IntList();

    Batch(EvaluationRequest request) {
      builder = EvaluationRequest.builder(request.asOf());
      if (request.periodGiven()) {
        builder.period(request.period()); // without one, each pack judges its natural period
      }
      request.packIds().forEach(builder::pack);
      request.pinnedVersions().forEach(builder::pin);
    }

    void subject(Subject subject, int index) {
      builder.subject(subject);
      subjects.add(index);
    }

    void observation(Observation observation, int index) {
      builder.observation(observation);
      observations.add(index);
    }

    void event(Event event, int index) {
      builder.event(event);
      events.add(index);
    }

    FactProblem renumber(FactProblem problem) {
      IntList indexes = switch (problem.kind()) {
        case "subject" -> subjects;
        case "observation" -> observations;
        case "event" -> events;
        default -> null;
      };
      if (indexes == null || problem.index() < 0 || problem.index() >= indexes.size()) {
        return problem;
      }
      return FactProblem.of(problem.kind(), indexes.get(problem.index()), problem.field(), problem.message());
    }
  }

  /** A growable list of ints. */
  private static final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int get(int index) {
      return values[index];
    }

    int size() {
      return size;
    }
  }
}
