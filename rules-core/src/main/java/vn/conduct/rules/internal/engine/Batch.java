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
    for (SubjectFact fact : facts) {
      if (fact.parentId != null) {
        membersByParent.computeIfAbsent(fact.parentId, k -> new ArrayList<>()).add(fact);
      }
    }
  }

  List<EventFact> eventsOf(String subjectId) {
    return eventsBySubject.getOrDefault(subjectId, List.of());
  }

  List<SubjectFact> membersOf(String subjectId) {
    return membersByParent.getOrDefault(subjectId, List.of());
  }
}
