package vn.conduct.rules.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Subject;

/**
 * Splits a request into parts of whole unit trees, each evaluated on its own, so that a large request is
 * taken in part by part and progress can be followed.
 *
 * <p>A subject is always in the part of its topmost ancestor in the request, with every fact about it,
 * so quotas, roll-ups and aggregates over members (which only look inside a unit) are exactly those of a
 * single evaluation. Quota groups that may span trees are kept whole too: the parentless subjects a
 * quota groups together by default are put in one tree, and when a quota groups by attributes only
 * ({@code group-by} without an ancestor key), its groups may hold members of any tree, so the request is
 * one part. A part is closed when it holds enough subjects or enough events and observations, whichever
 * comes first. Fact problems are renumbered to the request's indexes.
 */
final class Parts {

  /** One part: its request, its number of unit trees, and the request's index of each of its facts. */
  static final class Part {
    final EvaluationRequest.Builder builder;
    final IntList subjects = new IntList();
    final IntList observations = new IntList();
    final IntList events = new IntList();
    int units;

    private Part(EvaluationRequest request) {
      builder = EvaluationRequest.builder(request.asOf());
      if (request.periodGiven()) {
        builder.period(request.period()); // a period not given stays so: each pack judges its own unit's
      }
      request.packIds().forEach(builder::pack);
      request.pinnedVersions().forEach(builder::pin);
    }

    /** The problem with the request's index instead of the part's. */
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

  private Parts() {
  }

  /**
   * The request's unit trees in parts of at least {@code size} subjects or {@code facts} events and
   * observations (the last part may hold fewer), in the order their trees first appear.
   */
  static List<Part> split(EvaluationRequest request, List<ChecklistInfo> checklists, int size, long facts) {
    List<Subject> subjects = request.subjects();
    boolean acrossTrees = checklists.stream().flatMap(c -> c.quotas().stream()).anyMatch(q -> !q.groupBy().isEmpty()
        && q.groupBy().stream().noneMatch(k -> k.kind() == ChecklistInfo.GroupKey.Kind.ANCESTOR));
    if (acrossTrees) {
      size = Integer.MAX_VALUE;
      facts = Long.MAX_VALUE;
    }
    Set<String> pooled = new HashSet<>();
    checklists.stream().filter(c -> c.quotas().stream().anyMatch(q -> q.groupBy().isEmpty()))
        .forEach(c -> pooled.add(c.subjectType()));
    Map<String, Subject> byId = new HashMap<>();
    subjects.forEach(s -> byId.putIfAbsent(s.id(), s));
    Map<String, Integer> treeSizes = new LinkedHashMap<>();
    Map<String, String> rootOf = new HashMap<>();
    for (Subject subject : subjects) {
      if (byId.get(subject.id()) == subject) { // a duplicate id goes with the first, where intake reports it
        String root = root(subject, byId, pooled);
        rootOf.put(subject.id(), root);
        treeSizes.merge(root, 1, Integer::sum);
      }
    }
    Map<String, Long> treeFacts = new HashMap<>();
    request.events().forEach(e -> treeFacts.merge(rootOf.getOrDefault(e.subjectId(), ""), 1L, Long::sum));
    request.observations().forEach(o -> treeFacts.merge(rootOf.getOrDefault(o.subjectId(), ""), 1L, Long::sum));
    List<Part> parts = new ArrayList<>();
    Map<String, Integer> partOfRoot = new HashMap<>();
    int current = 0;
    long currentFacts = 0;
    for (Map.Entry<String, Integer> tree : treeSizes.entrySet()) {
      if (parts.isEmpty() || current >= size || currentFacts >= facts) {
        parts.add(new Part(request));
        current = 0;
        currentFacts = 0;
      }
      partOfRoot.put(tree.getKey(), parts.size() - 1);
      parts.get(parts.size() - 1).units++;
      current += tree.getValue();
      currentFacts += treeFacts.getOrDefault(tree.getKey(), 0L);
    }
    if (parts.isEmpty()) {
      parts.add(new Part(request));
    }
    Map<String, Integer> partOfSubject = new HashMap<>();
    for (int i = 0; i < subjects.size(); i++) {
      Subject subject = subjects.get(i);
      int part = partOfRoot.get(rootOf.get(subject.id()));
      partOfSubject.putIfAbsent(subject.id(), part);
      parts.get(part).builder.subject(subject);
      parts.get(part).subjects.add(i);
    }
    for (int i = 0; i < request.observations().size(); i++) {
      Observation observation = request.observations().get(i);
      Part part = parts.get(partOfSubject.getOrDefault(observation.subjectId(), 0));
      part.builder.observation(observation);
      part.observations.add(i);
    }
    for (int i = 0; i < request.events().size(); i++) {
      Event event = request.events().get(i);
      Part part = parts.get(partOfSubject.getOrDefault(event.subjectId(), 0));
      part.builder.event(event);
      part.events.add(i);
    }
    return parts;
  }

  /** How many unit trees the request's subjects form, counted as {@link #split} counts them. */
  static long units(List<Subject> subjects) {
    Map<String, Subject> byId = new HashMap<>();
    subjects.forEach(s -> byId.putIfAbsent(s.id(), s));
    Set<String> roots = new HashSet<>();
    subjects.forEach(s -> roots.add(root(s, byId, Set.of())));
    return roots.size();
  }

  /**
   * The topmost ancestor of a subject among the request's subjects (itself if none; cycles stop);
   * members of a unit that is not in the request are grouped by that unit's id, as quotas group them;
   * parentless subjects of a type whose quotas group by the parent share one tree, as quotas put
   * them in one group.
   */
  static String root(Subject subject, Map<String, Subject> byId, Set<String> pooled) {
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

  /** A growable list of ints: a million events would otherwise hold a million boxed indexes. */
  static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
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
