package vn.conduct.rules.internal.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.facts.EventFact;
import vn.conduct.rules.internal.facts.HostValues;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.SubjectFact;
import vn.conduct.rules.internal.facts.Values;
import vn.conduct.rules.internal.model.DataType;

/**
 * Turns the host's facts into rule-engine facts, checking each against the vocabulary. Nothing is
 * dropped silently: every fact that cannot be used is reported as a {@link FactProblem}.
 */
final class FactIntake {


  /**
   * The most events one session holds (unless one unit tree alone has more): a session keeps about
   * 500 bytes per event it matches, so a batch is closed at this many events as well as at its
   * number of subjects.
   */
  static final int MAX_BATCH_EVENTS = 50_000;

  private final Layout layout;

  FactIntake(Layout layout) {
    this.layout = layout;
  }

  /**
   * What one judgment asks of the facts: the reference date (nothing after it counts), the
   * decision date (nothing recorded after it counts), the period judged, and per subject type and
   * indicator the freshness and range format 2 packs declare.
   */
  record Terms(LocalDate reference, LocalDate decision, vn.conduct.rules.api.Period period,
      Map<String, Map<String, IndicatorTerms>> indicators) {

    IndicatorTerms indicator(String type, String name) {
      Map<String, IndicatorTerms> byName = indicators.get(type);
      return byName == null ? null : byName.get(name);
    }
  }

  /**
   * An indicator's terms: the earliest epoch day an observation may be from, and the inclusive
   * range of its values (either bound may be {@code null}).
   */
  record IndicatorTerms(long earliestDay, java.math.BigDecimal min, java.math.BigDecimal max, String freshWithin,
      String declaredBy) {

    /** The stricter of two declarations of one indicator (two packs in one judgment). */
    static IndicatorTerms strictest(IndicatorTerms a, IndicatorTerms b) {
      java.math.BigDecimal min = a.min == null ? b.min : b.min == null ? a.min : a.min.max(b.min);
      java.math.BigDecimal max = a.max == null ? b.max : b.max == null ? a.max : a.max.min(b.max);
      IndicatorTerms fresher = a.earliestDay >= b.earliestDay ? a : b;
      return new IndicatorTerms(fresher.earliestDay, min, max, fresher.freshWithin, fresher.declaredBy);
    }
  }

  /** The facts of one request, ready to be batched. */
  final class Intake {
    private final List<Subject> subjects = new ArrayList<>();
    private final Map<String, SubjectFact> facts = new HashMap<>();
    private final Map<String, List<EventFact>> eventFacts = new HashMap<>();
    private final Map<String, List<Event>> events = new HashMap<>();
    private final List<FactProblem> problems = new ArrayList<>();

    List<FactProblem> problems() {
      return problems;
    }

    /** A subject's facts as taken in (before batching); {@code null} if it was not taken in. */
    SubjectFact fact(String subjectId) {
      return facts.get(subjectId);
    }

    List<Event> eventsOf(String subjectId) {
      return events.getOrDefault(subjectId, List.of());
    }

    /** Groups whole unit trees into batches of about {@code size} subjects, in subject-id order. */
    List<Batch> batches(int size) {
      return batches(subjects, size);
    }

    /**
     * Groups the given subjects' unit trees into batches of about {@code size} subjects; with size
     * 1, each tree is a batch of its own.
     */
    List<Batch> batches(List<Subject> subjects, int size) {
      Map<String, String> parents = new HashMap<>();
      subjects.forEach(s -> parents.put(s.id(), s.parentId()));
      Map<String, List<Subject>> trees = new TreeMap<>();
      for (Subject subject : subjects) {
        trees.computeIfAbsent(root(subject.id(), parents), k -> new ArrayList<>()).add(subject);
      }
      List<Batch> batches = new ArrayList<>();
      Batch current = new Batch();
      for (List<Subject> tree : trees.values()) {
        int treeEvents = 0;
        for (Subject subject : tree) {
          treeEvents += eventFacts.getOrDefault(subject.id(), List.of()).size();
        }
        if (!current.subjects.isEmpty() && (current.subjects.size() + tree.size() > size
            || current.events.size() + treeEvents > MAX_BATCH_EVENTS)) {
          batches.add(finish(current));
          current = new Batch();
        }
        tree.sort(java.util.Comparator.comparing(Subject::id));
        for (Subject subject : tree) {
          SubjectFact old = facts.get(subject.id());
          SubjectFact fact = new SubjectFact(old.id, old.type, old.parentId, current.facts.size(), old.num.length);
          copy(old, fact);
          fact.invalid = old.invalid;
          fact.observed = old.observed;
          current.subjects.add(subject);
          current.facts.add(fact);
          current.events.addAll(eventFacts.getOrDefault(subject.id(), List.of()));
        }
      }
      if (!current.subjects.isEmpty()) {
        batches.add(finish(current));
      }
      return batches;
    }

    private Batch finish(Batch batch) {
      batch.index();
      return batch;
    }
  }

  private static void copy(Values from, Values to) {
    System.arraycopy(from.num, 0, to.num, 0, from.num.length);
    System.arraycopy(from.dec, 0, to.dec, 0, from.dec.length);
    System.arraycopy(from.str, 0, to.str, 0, from.str.length);
    System.arraycopy(from.present, 0, to.present, 0, from.present.length);
  }

  private static String root(String id, Map<String, String> parents) {
    String current = id;
    Set<String> seen = new HashSet<>();
    while (parents.get(current) != null && parents.containsKey(parents.get(current)) && seen.add(current)) {
      current = parents.get(current);
    }
    return current;
  }

  Intake take(EvaluationRequest request, Terms terms) {
    Intake intake = new Intake();
    LocalDate asOf = terms.reference();
    LocalDate decision = terms.decision();
    Map<String, String> types = new HashMap<>();
    request.subjects().forEach(s -> types.putIfAbsent(s.id(), s.type()));
    for (int i = 0; i < request.subjects().size(); i++) {
      Subject subject = request.subjects().get(i);
      int subjectIndex = i;
      if (intake.facts.containsKey(subject.id())) {
        intake.problems.add(FactProblem.of("subject", i, "id", "duplicate subject id '" + subject.id()
            + "'; this one is ignored"));
        continue;
      }
      if (!layout.hasSubjectType(subject.type())) {
        intake.problems.add(FactProblem.of("subject", i, "type", "subject '" + subject.id()
            + "' has type '" + subject.type() + "', which no loaded pack declares; it is ignored"));
        continue;
      }
      SubjectFact fact = new SubjectFact(subject.id(), subject.type(), parent(subject, i, types, intake.problems), 0,
          layout.subjectSlots(subject.type()));
      subject.attributes().forEach((name, value) -> {
        Layout.Slot slot = layout.subjectSlot(subject.type(), Cond.Scope.ATTRIBUTE, name);
        if (slot == null) {
          intake.problems.add(FactProblem.of("subject", subjectIndex, "attributes." + name,
              "subject type '" + subject.type() + "' has no attribute '" + name + "'; the value is ignored"));
        } else {
          put(fact, slot, value, intake.problems, "subject", subjectIndex, "attributes." + name);
        }
      });
      intake.subjects.add(subject);
      intake.facts.put(subject.id(), fact);
    }
    Map<SubjectFact, long[]> observedOn = new java.util.IdentityHashMap<>();
    for (int i = 0; i < request.observations().size(); i++) {
      Observation observation = request.observations().get(i);
      SubjectFact fact = intake.facts.get(observation.subjectId());
      if (fact == null) {
        intake.problems.add(FactProblem.of("observation", i, "subject", "observation of unknown subject '"
            + observation.subjectId() + "'; it is ignored"));
        continue;
      }
      Layout.Slot slot = layout.subjectSlot(fact.type, Cond.Scope.INDICATOR, observation.indicator());
      if (slot == null) {
        intake.problems.add(FactProblem.of("observation", i, "indicator", "subject type '" + fact.type
            + "' has no indicator '" + observation.indicator() + "'; the observation is ignored"));
        continue;
      }
      LocalDate date = observation.observedOn() == null ? asOf : observation.observedOn();
      LocalDate recorded = observation.recordedOn() == null ? date : observation.recordedOn();
      if (date.isAfter(asOf) || recorded.isAfter(decision)) {
        continue;
      }
      IndicatorTerms indicatorTerms = terms.indicator(fact.type, observation.indicator());
      if (indicatorTerms != null && date.toEpochDay() < indicatorTerms.earliestDay()) {
        continue; // not fresh: an older observation is missing, never reused
      }
      long[] days = observedOn.computeIfAbsent(fact, f -> {
        long[] none = new long[f.num.length];
        java.util.Arrays.fill(none, Long.MIN_VALUE);
        return none;
      });
      long day = date.toEpochDay();
      undeclaredMethod(observation.method(), "observation", i, intake.problems);
      observe(fact, slot, day, days, observation, indicatorTerms, intake.problems, i);
      // the same observation in the slots of the rules that accept its method (rule-pack-format.md)
      for (Layout.Slot own : layout.methodSlots(fact.type, observation.indicator(), observation.method())) {
        observe(fact, own, day, days, observation, indicatorTerms, new ArrayList<>(), i);
      }
    }
    for (int i = 0; i < request.events().size(); i++) {
      Event event = request.events().get(i);
      if (!intake.facts.containsKey(event.subjectId())) {
        intake.problems.add(FactProblem.of("event", i, "subject", "event about unknown subject '"
            + event.subjectId() + "'; it is ignored"));
        continue;
      }
      if (!layout.hasEventType(event.type())) {
        intake.problems.add(FactProblem.of("event", i, "type", "event type '" + event.type()
            + "' is not declared by any loaded pack; the event is ignored"));
        continue;
      }
      undeclaredMethod(event.method(), "event", i, intake.problems);
      EventFact fact = new EventFact(event.subjectId(), event.type(), event.date().toEpochDay(),
          event.recorded().toEpochDay(), event.verified(), layout.eventSlots(event.type()), event);
      int index = i;
      event.attributes().forEach((name, value) -> {
        Layout.Slot slot = layout.eventSlot(event.type(), name);
        if (slot == null) {
          intake.problems.add(FactProblem.of("event", index, "attributes." + name, "event type '" + event.type()
              + "' has no attribute '" + name + "'; the value is ignored"));
        } else {
          put(fact, slot, value, intake.problems, "event", index, "attributes." + name);
        }
      });
      intake.eventFacts.computeIfAbsent(event.subjectId(), k -> new ArrayList<>()).add(fact);
      intake.events.computeIfAbsent(event.subjectId(), k -> new ArrayList<>()).add(event);
    }
    return intake;
  }

  /**
   * Puts an observation in a slot if it is the latest so far. The latest observation decides,
   * whatever it holds: a null value makes the indicator missing and a value of the wrong type makes
   * it invalid, so an older observation never shows through.
   */
  private static void observe(SubjectFact fact, Layout.Slot slot, long day, long[] days, Observation observation,
      IndicatorTerms indicatorTerms, List<FactProblem> problems, int i) {
    if (days[slot.index()] > day) {
      return;
    }
    days[slot.index()] = day;
    fact.observedBy(slot.index(), observation);
    if (observation.value() == null) {
      clear(fact, slot);
    } else if (put(fact, slot, observation.value(), problems, "observation", i, "value") && indicatorTerms != null) {
      checkRange(fact, slot, indicatorTerms, observation, problems, i);
    }
  }

  /**
   * A fact recorded by a method no loaded pack declares, when some pack declares methods: a fact
   * problem, not an error (facts-format.md, section 9). The fact is used as any other; only rules
   * that accept some methods leave it out, as they leave out every method they do not accept.
   */
  private void undeclaredMethod(String method, String kind, int index, List<FactProblem> problems) {
    java.util.Set<String> declared = layout.declaredMethods();
    if (method == null || declared.isEmpty() || declared.contains(method)) {
      return;
    }
    String hint = vn.conduct.rules.internal.load.Hints.nearest(method, declared)
        .map(near -> "did you mean '" + near + "'? ").orElse("");
    problems.add(FactProblem.of(kind, index, "evidence.method", "method '" + HostValues.shown(method)
        + "' is not declared by any loaded pack (" + hint + "declared: " + String.join(", ", declared)
        + "); the " + kind + " counts only for rules that accept every method"));
  }

  /**
   * What follows from a value that cannot be used (facts-format.md, section 9): a subject's rules
   * that read it give ERROR; an event counts, with the attribute missing for {@code where} and
   * {@code of}.
   */
  private static String consequence(Values fact) {
    return fact instanceof SubjectFact ? "rules that read it give ERROR"
        : "the value is ignored: the event counts, without this attribute";
  }

  /**
   * Makes an indicator value outside its declared range invalid: a fact problem, and rules that
   * read it give ERROR (and checklists that read it leave the subject not rated).
   */
  private static void checkRange(SubjectFact fact, Layout.Slot slot, IndicatorTerms terms, Observation observation,
      List<FactProblem> problems, int index) {
    java.math.BigDecimal value = fact.dec[slot.index()];
    if (value == null || (terms.min() == null || value.compareTo(terms.min()) >= 0)
        && (terms.max() == null || value.compareTo(terms.max()) <= 0)) {
      return;
    }
    problems.add(FactProblem.of("observation", index, "value", "indicator '" + observation.indicator() + "' is "
        + value.toPlainString() + ", outside its range " + range(terms) + " (declared by " + terms.declaredBy()
        + "); rules that read it give ERROR and checklists that read it do not rate the subject"));
    fact.present[slot.index()] = false;
    fact.dec[slot.index()] = null;
    fact.markInvalid(slot.index(), new vn.conduct.rules.internal.facts.OutOfRange(value, terms.min(), terms.max()));
  }

  private static String range(IndicatorTerms terms) {
    return (terms.min() == null ? "…" : terms.min().toPlainString()) + "–"
        + (terms.max() == null ? "…" : terms.max().toPlainString());
  }

  /**
   * The unit a subject belongs to, as the engine counts it: its parent, unless it names itself, or
   * a subject of another type than the parent type its packs declare (both reported, and then it
   * has no unit). A type no pack gives a parent type may belong to a unit of any type.
   */
  private String parent(Subject subject, int index, Map<String, String> types, List<FactProblem> problems) {
    String parent = subject.parentId();
    if (parent == null) {
      return null;
    }
    if (parent.equals(subject.id())) {
      problems.add(FactProblem.of("subject", index, "parent", "subject '" + HostValues.shown(subject.id())
          + "' names itself as its parent; it is taken as belonging to no unit"));
      return null;
    }
    String parentType = types.get(parent);
    java.util.Set<String> declared = layout.parentTypes(subject.type());
    if (parentType != null && !declared.isEmpty() && !declared.contains(parentType)) {
      problems.add(FactProblem.of("subject", index, "parent", "the parent of '" + HostValues.shown(subject.id()) + "' (a "
          + subject.type() + ") is '" + HostValues.shown(parent) + "', a " + parentType + "; a " + subject.type()
          + " belongs to a " + String.join(" or ", declared) + "; it is taken as belonging to no unit"));
      return null;
    }
    return parent;
  }

  private static boolean put(Values fact, Layout.Slot slot, Object value, List<FactProblem> problems, String kind,
      int index, String field) {
    if (value == null) {
      return false;
    }
    Object converted;
    java.math.BigDecimal exact = null;
    try {
      if (slot.type() == DataType.NUMBER) {
        exact = HostValues.number(value); // read once: its double and its exact decimal
        converted = exact == null ? null : exact.doubleValue();
      } else {
        converted = HostValues.convert(value, slot.type());
      }
    } catch (RuntimeException e) {
      problems.add(FactProblem.of(kind, index, field, "the value could not be read ("
          + e.getClass().getSimpleName() + "); " + consequence(fact)));
      markInvalid(fact, slot, "(unreadable " + value.getClass().getSimpleName() + ")");
      return false;
    }
    if (converted != null && !slot.values().isEmpty() && !slot.values().contains(converted)) {
      problems.add(FactProblem.of(kind, index, field, "'" + HostValues.shown(value) + "' is not one of the declared values "
          + slot.values() + "; " + consequence(fact)));
      markInvalid(fact, slot, value);
      return false;
    }
    if (converted == null) {
      problems.add(FactProblem.of(kind, index, field, "expected a " + slot.type().label() + ", but was '"
          + HostValues.shown(value) + "'" + (slot.type() == DataType.NUMBER && HostValues.tooLong(value)
              ? " (too long: a number is at most " + vn.conduct.rules.internal.condition.ConditionLanguage.MAX_NUMBER_LENGTH
                  + " characters)" : "") + "; " + consequence(fact)));
      markInvalid(fact, slot, value);
      return false;
    }
    if (fact instanceof SubjectFact subject && subject.invalid != null) {
      subject.invalid[slot.index()] = null;
    }
    int s = slot.index();
    fact.present[s] = true;
    if (converted instanceof String text) {
      fact.str[s] = text;
    } else {
      fact.num[s] = vn.conduct.rules.internal.compile.Semantics.number(converted);
      if (slot.type() == DataType.NUMBER) {
        fact.dec[s] = exact;
      }
    }
    return true;
  }





  private static void clear(SubjectFact fact, Layout.Slot slot) {
    fact.present[slot.index()] = false;
    fact.dec[slot.index()] = null;
    if (fact.invalid != null) {
      fact.invalid[slot.index()] = null;
    }
  }

  private static void markInvalid(Values fact, Layout.Slot slot, Object value) {
    if (fact instanceof SubjectFact subject) {
      subject.present[slot.index()] = false;
      subject.markInvalid(slot.index(), value);
    }
  }


}
