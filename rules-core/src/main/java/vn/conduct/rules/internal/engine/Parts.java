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
      builder.waivers(request.waivers());
      builder.decisions(request.decisions());
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
    long allFacts = (long) request.events().size() + request.observations().size();
    // a part closes at `size` subjects, or earlier when the request's subjects have many facts each
    long perPart = acrossTrees ? Long.MAX_VALUE
        : Math.max(1, Math.min(size, allFacts == 0 ? size : facts * Math.max(1, subjects.size()) / allFacts));
    Set<String> pooled = new HashSet<>();
    checklists.stream().filter(c -> c.quotas().stream().anyMatch(q -> q.groupBy().isEmpty()))
        .forEach(c -> pooled.add(c.subjectType()));
    Map<String, Subject> byId = new HashMap<>(2 * subjects.size());
    subjects.forEach(s -> byId.putIfAbsent(s.id(), s));
    Map<String, List<Subject>> trees = new LinkedHashMap<>();
    for (Subject subject : subjects) {
      if (byId.get(subject.id()) == subject) { // a duplicate id goes with the first, where intake reports it
        trees.computeIfAbsent(root(subject, byId, pooled), k -> new ArrayList<>(1)).add(subject);
      }
    }
    List<Part> parts = new ArrayList<>();
    Map<String, Part> partOfSubject = new HashMap<>(2 * subjects.size());
    Map<Part, Integer> subjectsIn = new java.util.IdentityHashMap<>();
    Part current = null;
    for (List<Subject> tree : trees.values()) {
      if (current == null || subjectsIn.get(current) >= perPart) {
        current = new Part(request);
        parts.add(current);
      }
      current.units++;
      for (Subject subject : tree) {
        partOfSubject.put(subject.id(), current);
      }
      subjectsIn.merge(current, tree.size(), Integer::sum);
    }
    if (parts.isEmpty()) {
      parts.add(new Part(request));
    }
    for (int i = 0; i < subjects.size(); i++) {
      Subject subject = subjects.get(i);
      Part part = partOfSubject.get(subject.id());
      part.builder.subject(subject);
      part.subjects.add(i);
    }
    Part first = parts.get(0);
    for (int i = 0; i < request.observations().size(); i++) {
      Observation observation = request.observations().get(i);
      Part part = partOfSubject.getOrDefault(observation.subjectId(), first);
      part.builder.observation(observation);
      part.observations.add(i);
    }
    for (int i = 0; i < request.events().size(); i++) {
      Event event = request.events().get(i);
      Part part = partOfSubject.getOrDefault(event.subjectId(), first);
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
    Subject at = subject;
    Subject parent;
    int steps = 0;
    while (at.parentId() != null && (parent = byId.get(at.parentId())) != null && steps++ < 64) {
      at = parent;
    }
    if (steps > 64) { // deeper than any administration, or a cycle: walk again, remembering where it went
      List<String> path = new ArrayList<>();
      Map<String, Integer> position = new HashMap<>();
      at = subject;
      while (at.parentId() != null && byId.containsKey(at.parentId())) {
        Integer seen = position.putIfAbsent(at.id(), path.size());
        if (seen != null) { // a cycle: every subject in or below it has the cycle's least id as root
          return path.subList(seen, path.size()).stream().min(String::compareTo).orElseThrow();
        }
        path.add(at.id());
        at = byId.get(at.parentId());
      }
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
