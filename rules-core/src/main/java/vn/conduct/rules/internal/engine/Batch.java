package vn.conduct.rules.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.internal.facts.EventFact;
import vn.conduct.rules.internal.facts.SubjectFact;

/**
 * Subjects evaluated in one session, with their events: whole unit trees, so that a unit's
 * members and their events are in the same session as the unit.
 */
final class Batch {

  final List<Subject> subjects = new ArrayList<>();
  final List<SubjectFact> facts = new ArrayList<>();
  final List<EventFact> events = new ArrayList<>();
  final Map<String, List<EventFact>> eventsBySubject = new HashMap<>();
  final Map<String, List<SubjectFact>> membersByParent = new HashMap<>();

  private int trees;

  /** How many unit trees the batch holds (subjects whose parent is not in the batch). */
  int treeCount() {
    return trees;
  }

  void index() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    facts.forEach(f -> ids.add(f.id));
    trees = (int) facts.stream().filter(f -> f.parentId == null || !ids.contains(f.parentId)).count();
    for (EventFact event : events) {
      eventsBySubject.computeIfAbsent(event.subjectId, k -> new ArrayList<>()).add(event);
    }
    Map<String, SubjectFact> byId = new HashMap<>();
    for (SubjectFact fact : facts) {
      byId.put(fact.id, fact);
      if (fact.parentId != null) {
        membersByParent.computeIfAbsent(fact.parentId, k -> new ArrayList<>()).add(fact);
      }
    }
    for (SubjectFact fact : facts) {
      // the chain of parents, stopping at a subject seen before: facts may name parents in a cycle
      java.util.LinkedHashSet<String> chain = new java.util.LinkedHashSet<>();
      SubjectFact current = byId.get(fact.parentId);
      while (current != null && !current.id.equals(fact.id) && chain.add(current.id)) {
        current = current.parentId == null ? null : byId.get(current.parentId);
      }
      fact.ancestors = chain.toArray(new String[0]);
    }
  }

  /** The subject's descendants in the batch (members, their members, …), each once. */
  List<SubjectFact> descendantsOf(String subjectId) {
    List<SubjectFact> found = new ArrayList<>();
    for (SubjectFact fact : facts) {
      if (fact.descendsFrom(subjectId)) {
        found.add(fact);
      }
    }
    return found;
  }

  /**
   * What explaining one subject's findings reads of the batch: the subject, the subjects below it and
   * their events. Findings word their reasons lazily and keep this view, not the whole batch (a report
   * would otherwise keep every batch's facts and events alive).
   */
  Batch around(SubjectFact subject) {
    Batch view = new Batch();
    view.facts.add(subject);
    view.eventsBySubject.put(subject.id, eventsOf(subject.id));
    List<SubjectFact> members = membersOf(subject.id);
    if (!members.isEmpty()) {
      view.membersByParent.put(subject.id, members);
      for (SubjectFact below : descendantsOf(subject.id)) {
        view.facts.add(below);
        view.eventsBySubject.put(below.id, eventsOf(below.id));
        List<SubjectFact> own = membersOf(below.id);
        if (!own.isEmpty()) {
          view.membersByParent.put(below.id, own);
        }
      }
    }
    return view;
  }

  List<EventFact> eventsOf(String subjectId) {
    return eventsBySubject.getOrDefault(subjectId, List.of());
  }

  List<SubjectFact> membersOf(String subjectId) {
    return membersByParent.getOrDefault(subjectId, List.of());
  }
}
