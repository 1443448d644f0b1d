package vn.conduct.rules.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.EvaluationListener;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.internal.compile.CompiledPacks;
import vn.conduct.rules.internal.compile.Planner;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.score.QuotaGroups;
import vn.conduct.rules.internal.score.Rankings;
import vn.conduct.rules.internal.score.RollUps;

/**
 * The engine as the API sees it, and nothing more: it holds the {@link CompiledPacks} the
 * {@link Planner} made (compile stage), has the {@link Evaluator} evaluate each part of whole unit trees
 * (evaluate stage), and applies {@link QuotaGroups}, {@link Rankings} and {@link RollUps} to each part's
 * results (score stage), merging the parts' rankings. Immutable and thread-safe.
 *
 * <p>The Drools rule base is built when the first evaluation needs it, once, so that listing and
 * describing packs costs no Drools compilation. Every pack error has been reported by then: the loader
 * validated each rule, and a validated rule that Drools cannot compile is an engine bug, raised as
 * {@link vn.conduct.rules.api.RuleCompilationException} by that first evaluation.
 */
public final class DefaultRulesEngine implements RulesEngine {

  /** A request with more subjects than this is evaluated in parts of whole unit trees. */
  static final int PART_SUBJECTS = 5_000;

  /** ... or with more events and observations than this. */
  static final long PART_FACTS = 100_000;

  /** About how many findings a part holds at most (fewer subjects a part when there are many rules)... */
  private static final long FINDINGS_PER_PART = 1_000_000;

  /** ... but never fewer subjects than this a part. */
  private static final int MIN_PART_SUBJECTS = 200;

  private final CompiledPacks compiled;
  private final Evaluator evaluator;
  private final int partSubjects;
  private final long partFacts;
  private final int parallelism;

  private DefaultRulesEngine(CompiledPacks compiled, Evaluator.Faults faults, int partSubjects, long partFacts,
      int parallelism) {
    this.compiled = compiled;
    this.evaluator = new Evaluator(compiled, faults);
    this.partSubjects = partSubjects;
    this.partFacts = partFacts;
    this.parallelism = parallelism;
  }

  static DefaultRulesEngine create(List<LoadedPack> loaded, Map<String, Map<String, Object>> overrides,
      int parallelism) {
    return create(loaded, overrides, Evaluator.Faults.NONE, PART_SUBJECTS, PART_FACTS, parallelism);
  }

  /** An engine with a fault hook, part sizes and parallelism of its own: for tests. */
  static DefaultRulesEngine create(List<LoadedPack> loaded, Map<String, Map<String, Object>> overrides,
      Evaluator.Faults faults, int partSubjects, long partFacts, int parallelism) {
    return new DefaultRulesEngine(Planner.plan(loaded, overrides), faults, partSubjects, partFacts, parallelism);
  }

  @Override
  public String version() {
    return EngineBuilder.VERSION;
  }

  @Override
  public List<RulePackInfo> packs() {
    // an overlay composed with several versions of its base is one pack version to the host
    Map<String, RulePackInfo> byVersion = new LinkedHashMap<>();
    compiled.infos().forEach(info -> byVersion.put(info.id() + "@" + info.version(), info));
    return List.copyOf(byVersion.values());
  }

  @Override
  public List<RuleInfo> rules() {
    return compiled.listedRuleInfos();
  }

  @Override
  public List<ChecklistInfo> checklists() {
    return compiled.listedChecklistInfos();
  }

  /** Number of Drools rules compiled, for diagnostics and benchmarks. */
  public int compiledRuleCount() {
    return compiled.plans().size();
  }

  @Override
  public Report evaluate(EvaluationRequest request) {
    return evaluate(request, EvaluationListener.NONE);
  }

  @Override
  public Report evaluate(EvaluationRequest request, EvaluationListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    Decisions.check(request, compiled, true);
    return evaluateParts(split(request), listener, true);
  }

  @Override
  public Provenance evaluate(EvaluationRequest request, Consumer<SubjectResult> sink) {
    Objects.requireNonNull(sink, "sink");
    EvaluationListener listener = new EvaluationListener() {
      @Override
      public void subjectEvaluated(SubjectResult result) {
        sink.accept(result);
      }
    };
    Decisions.check(request, compiled, true);
    return evaluateParts(split(request), listener, false).provenance();
  }

  @Override
  public Report evaluate(Iterator<EvaluationRequest> parts, EvaluationListener listener) {
    Objects.requireNonNull(parts, "parts");
    Objects.requireNonNull(listener, "listener");
    if (!parts.hasNext()) {
      throw new IllegalArgumentException("the stream of parts is empty [Hint: give at least one part, even one"
          + " without subjects, so that the report can say which packs judged which period]");
    }
    return evaluateParts(new Stream(parts), listener, false);
  }

  /** One part to evaluate: its request, its unit trees, and how its fact problems are renumbered. */
  private record Part(EvaluationRequest request, long units, UnaryOperator<FactProblem> renumber) { }

  /** The parts of an in-memory request, with the totals to report progress against. */
  private static final class Split implements Iterator<Part> {
    private final Iterator<Part> parts;
    private final long subjects;
    private final long units;

    Split(Iterator<Part> parts, long subjects, long units) {
      this.parts = parts;
      this.subjects = subjects;
      this.units = units;
    }

    @Override
    public boolean hasNext() {
      return parts.hasNext();
    }

    @Override
    public Part next() {
      return parts.next();
    }
  }

  private Split split(EvaluationRequest request) {
    long facts = (long) request.events().size() + request.observations().size();
    long subjects = request.subjects().size();
    // a part holds its results until it is done: with many rules, fewer subjects a part
    int partSize = (int) Math.min(partSubjects, Math.max(MIN_PART_SUBJECTS,
        FINDINGS_PER_PART / Math.max(1, compiled.plans().size())));
    if (subjects <= partSize && facts <= partFacts) {
      long units = Parts.units(request.subjects());
      return new Split(List.of(new Part(request, units, UnaryOperator.identity())).iterator(), subjects, units);
    }
    List<Parts.Part> split = Parts.split(request, compiled.checklistInfos(), partSize, partFacts);
    long units = split.stream().mapToLong(part -> part.units).sum();
    // each part's request is built when its turn comes, and its facts let go once it is evaluated
    Iterator<Parts.Part> pending = split.iterator();
    return new Split(new Iterator<>() {
      @Override
      public boolean hasNext() {
        return pending.hasNext();
      }

      @Override
      public Part next() {
        Parts.Part part = pending.next();
        pending.remove();
        return new Part(part.builder.build(), part.units, part::renumber);
      }
    }, subjects, units);
  }

  /**
   * The parts a host streams: each must have the date, period, packs and pins of the first, and hold
   * whole unit trees (a unit seen in an earlier part is refused). Fact problems are numbered across the
   * stream: the index of a fact counts the facts of the same kind in the parts before it.
   */
  private static final class Stream implements Iterator<Part> {
    private final Iterator<EvaluationRequest> source;
    private EvaluationRequest first;
    private int number;
    private long subjectsBefore;
    private long observationsBefore;
    private long eventsBefore;
    private final Map<String, Integer> unitsSeen = new HashMap<>();

    Stream(Iterator<EvaluationRequest> source) {
      this.source = source;
    }

    @Override
    public boolean hasNext() {
      return source.hasNext();
    }

    @Override
    public Part next() {
      EvaluationRequest request = Objects.requireNonNull(source.next(), "part");
      number++;
      if (first == null) {
        first = request;
      } else {
        sameSettings(request);
      }
      long units = checkUnits(request.subjects());
      long subjects = subjectsBefore;
      long observations = observationsBefore;
      long events = eventsBefore;
      subjectsBefore += request.subjects().size();
      observationsBefore += request.observations().size();
      eventsBefore += request.events().size();
      return new Part(request, units, problem -> FactProblem.of(problem.kind(), (int) Math.min(Integer.MAX_VALUE,
          problem.index() + switch (problem.kind()) {
            case "subject" -> subjects;
            case "observation" -> observations;
            case "event" -> events;
            default -> 0L;
          }), problem.field(), problem.message()));
    }

    private void sameSettings(EvaluationRequest request) {
      String expected = settings(first);
      String given = settings(request);
      if (!expected.equals(given)) {
        throw new IllegalArgumentException("part " + number + " of the stream is " + given + ", but part 1 is "
            + expected + " [Hint: every part of one evaluation has the same date, period, packs, pins and waivers]");
      }
    }

    private static String settings(EvaluationRequest request) {
      return "decided on " + request.decisionDate() + (request.periodGiven() ? ", judging " + request.period() : "")
          + (request.packIds().isEmpty() ? "" : ", packs " + request.packIds())
          + (request.pinnedVersions().isEmpty() ? "" : ", pins " + request.pinnedVersions())
          + (request.waivers().isEmpty() ? "" : ", waivers " + request.waivers().stream().map(w -> w.id()).toList())
          + (request.decisions().isEmpty() ? "" : ", decisions " + request.decisions().stream().map(d -> d.id()).toList());
    }

    /** The part's unit trees, refusing a unit an earlier part held. */
    private long checkUnits(List<Subject> subjects) {
      Map<String, Subject> byId = new HashMap<>();
      subjects.forEach(s -> byId.putIfAbsent(s.id(), s));
      Set<String> units = new HashSet<>();
      for (Subject subject : subjects) {
        String root = Parts.root(subject, byId, Set.of());
        String unit = root.startsWith("\0") ? root.substring(1) : root;
        if (units.add(unit)) {
          Integer earlier = unitsSeen.putIfAbsent(unit, number);
          if (earlier != null) {
            throw new IllegalArgumentException("unit '" + SafeText.line(unit) + "' is in part " + number
                + " of the stream and already was in part " + earlier + " [Hint: give each unit with every subject"
                + " below it, and their events and observations, in one part: sort the input by unit]");
          }
        }
      }
      return units.size();
    }
  }

  /**
   * Evaluates part after part, handing each subject's final result to the listener; the report holds the
   * subjects (if kept, by id), the parts' rankings merged, and every fact problem renumbered.
   */
  private Report evaluateParts(Iterator<Part> parts, EvaluationListener listener, boolean keepSubjects) {
    long subjectsTotal = parts instanceof Split split ? split.subjects : -1;
    long unitsTotal = parts instanceof Split split ? split.units : -1;
    listener.started(new EvaluationListener.Progress(0, subjectsTotal, 0, unitsTotal));
    List<SubjectResult> subjects = new ArrayList<>();
    List<Ranking> rankings = new ArrayList<>();
    List<FactProblem> problems = new ArrayList<>();
    Provenance provenance = null;
    List<vn.conduct.rules.api.Waiver> waivers = null;
    Set<String> applied = new HashSet<>();
    long subjectsDone = 0;
    long unitsDone = 0;
    int count = 0;
    try (Pipeline pipeline = new Pipeline(parts)) {
      for (Done done = pipeline.next(); done != null; done = pipeline.next()) {
        Report report = done.report();
        count++;
        provenance = provenance == null ? report.provenance() : provenance;
        waivers = waivers == null ? done.part().request().waivers() : waivers;
        for (SubjectResult result : report.subjects()) {
          if (!waivers.isEmpty()) {
            result.findings().forEach(f -> f.waiver().ifPresent(w -> applied.add(w.id())));
          }
          listener.subjectEvaluated(result);
          if (keepSubjects) {
            subjects.add(result);
          }
        }
        rankings.addAll(report.rankings());
        UnaryOperator<FactProblem> renumber = done.part().renumber();
        report.factProblems().forEach(problem -> problems.add(renumber.apply(problem)));
        subjectsDone += report.subjects().size();
        unitsDone += done.part().units();
        listener.progressed(new EvaluationListener.Progress(subjectsDone, subjectsTotal, unitsDone, unitsTotal));
      }
    }
    if (waivers != null && !waivers.isEmpty()) {
      provenance = Waivers.withUnapplied(provenance, waivers, applied);
    }
    if (count == 1 && keepSubjects) {
      return Report.of(provenance, subjects, rankings, problems);
    }
    // the orders of specs/report-format.md, section 11: subjects by id; rankings by pack, checklist,
    // peer group; fact problems subjects, observations, events, each in the request's order
    subjects.sort(Comparator.comparing(SubjectResult::subjectId));
    List<String> kinds = List.of("subject", "observation", "event");
    problems.sort(Comparator.comparingInt((FactProblem p) -> kinds.indexOf(p.kind()) < 0 ? 3 : kinds.indexOf(p.kind()))
        .thenComparingInt(FactProblem::index));
    return Report.of(provenance, subjects, Rankings.merge(rankings), problems);
  }

  /** A part and its report. */
  private record Done(Part part, Report report) { }

  /**
   * Evaluates parts on up to {@link #parallelism} threads and hands their reports back in the parts'
   * order, on the caller's thread; at most that many parts are taken from the source ahead, so memory
   * holds that many parts' facts. With one thread, or one part, everything runs on the caller's thread.
   */
  private final class Pipeline implements AutoCloseable {
    private final Iterator<Part> parts;
    private final java.util.ArrayDeque<java.util.concurrent.Future<Done>> running = new java.util.ArrayDeque<>();
    private java.util.concurrent.ExecutorService threads;

    Pipeline(Iterator<Part> parts) {
      this.parts = parts;
    }

    /** The next part's report, or null when every part is done. */
    Done next() {
      if (parallelism == 1) {
        if (!parts.hasNext()) {
          return null;
        }
        Part part = parts.next();
        return new Done(part, evaluatePart(part.request()));
      }
      while (running.size() < parallelism && parts.hasNext()) {
        Part part = parts.next();
        if (running.isEmpty() && !parts.hasNext()) {
          return new Done(part, evaluatePart(part.request())); // the only part: no thread needed
        }
        running.add(threads().submit(() -> new Done(part, evaluatePart(part.request()))));
      }
      java.util.concurrent.Future<Done> first = running.poll();
      if (first == null) {
        return null;
      }
      try {
        return first.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("interrupted while evaluating");
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    private java.util.concurrent.ExecutorService threads() {
      if (threads == null) {
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        threads = java.util.concurrent.Executors.newFixedThreadPool(parallelism, task -> {
          Thread thread = new Thread(task, "conduct-evaluation-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
      }
      return threads;
    }

    @Override
    public void close() {
      if (threads != null) {
        running.forEach(future -> future.cancel(true));
        threads.shutdownNow();
      }
    }
  }

  /** One part, whole: the evaluate stage, then the score steps that need all of the part's subjects. */
  private Report evaluatePart(EvaluationRequest request) {
    Waivers.check(request.waivers(), compiled.infos(), compiled.ruleInfos(), compiled.checklistInfos());
    Decisions.check(request, compiled, false);
    Evaluator.Run run = evaluator.start(request);
    Map<String, SubjectResult> results = new TreeMap<>();
    run.evaluate(results::put);
    QuotaGroups.apply(run, results);
    List<Ranking> rankings = Rankings.of(run, results);
    return Report.of(run.provenance(), RollUps.attach(run, results), rankings, run.problems());
  }

  /**
   * Evaluates the request twice, through the compiled rules and through a plain-Java reading of
   * each rule, and lists every (subject, rule) where they disagree. For tests.
   */
  List<String> crossCheck(EvaluationRequest request) {
    return evaluator.start(request).crossCheck();
  }

  /** Whether the Drools rule base has been compiled (by a first evaluation). For tests. */
  /** The compiled packs, for the readers in {@code io} that check decisions against the packs' authorities. */
  CompiledPacks compiledPacks() {
    return compiled;
  }

  boolean compiled() {
    return compiled.ruleBaseCompiled();
  }

  /** Sessions the KieBase still holds; zero after every evaluation. For tests. */
  int openSessions() {
    return compiled.ruleBaseCompiled() ? compiled.ruleBase().getKieSessions().size() : 0;
  }
}
