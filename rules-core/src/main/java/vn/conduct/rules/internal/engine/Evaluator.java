package vn.conduct.rules.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.kie.api.runtime.KieSession;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.Waiver;
import vn.conduct.rules.internal.compile.CompiledPacks;
import vn.conduct.rules.internal.compile.DroolsCompiler;
import vn.conduct.rules.internal.compile.Firings;
import vn.conduct.rules.internal.compile.RulePlan;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionLanguage;
import vn.conduct.rules.internal.facts.EvalContext;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.OutOfRange;
import vn.conduct.rules.internal.facts.SubjectFact;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.model.SubjectTypeDoc;
import vn.conduct.rules.internal.score.Judged;
import vn.conduct.rules.internal.score.Scorer;

/**
 * The evaluate stage's one door: takes a request's facts in per judgment (which pack versions judge
 * which period), runs the Drools sessions over whole unit trees, and turns each subject's firings into
 * findings with reasons and checklist scores (before quotas). It owns the only session loop.
 * Immutable and thread-safe: each call has its own sessions, always disposed.
 */
final class Evaluator {

  /** Subjects per Drools session (whole unit trees are kept together). */
  static final int SESSION_SIZE = 1000;

  /** A hook for fault-injection tests; production engines use {@link #NONE}. */
  interface Faults {
    /** Does nothing. */
    Faults NONE = subjects -> { };

    /** Called with a session's subjects just before its rules fire; may throw to simulate a failure. */
    void beforeFiring(List<Subject> subjects);
  }

  private final CompiledPacks compiled;
  private final List<LoadedPack> packs;
  private final Layout layout;
  private final Explainer explainer;
  private final FactIntake intake;
  private final Faults faults;

  Evaluator(CompiledPacks compiled, Faults faults) {
    this.compiled = compiled;
    this.packs = compiled.packs();
    this.layout = compiled.layout();
    this.explainer = new Explainer(layout);
    this.intake = new FactIntake(layout);
    this.faults = faults;
  }

  /** Takes a request's facts in for every judgment it needs; nothing is evaluated yet. */
  Run start(EvaluationRequest request) {
    return new Run(request);
  }

  /**
   * One evaluation: the plan in time (which versions judge which period) and, for each judgment,
   * its facts and session context. The view of it that quotas, rankings and roll-ups read.
   */
  final class Run implements Judged {
    private final EvaluationRequest request;
    private final Judgments.Plan plan;
    private final List<Stage> stages = new ArrayList<>();
    private final List<LocalizedText> waiverNotes = new ArrayList<>();

    private Run(EvaluationRequest request) {
      this.request = request;
      this.plan = Judgments.plan(packs, compiled.infos(), request);
      List<Judgments.Judgment> judgments = plan.judgments();
      if (judgments.isEmpty()) {
        // no pack applies: the subjects are still taken in and reported, with no finding
        LocalDate decision = request.decisionDate();
        Period period = request.periodGiven() ? request.period() : Period.monthOf(decision);
        LocalDate reference = period.end().isBefore(decision) ? period.end() : decision;
        judgments = List.of(new Judgments.Judgment(period, reference, decision, new boolean[packs.size()]));
      }
      Set<String> judgedPacks = new java.util.HashSet<>();
      Set<String> decidedPacks = new java.util.HashSet<>();
      for (Judgments.Judgment judgment : judgments) {
        List<ActiveDecision> decided = new ArrayList<>();
        for (vn.conduct.rules.api.Decision decision : Decisions.inDateOrder(request.decisions())) {
          int version = versionIn(judgment, decision.packId());
          if (version < 0) {
            continue;
          }
          decidedPacks.add(decision.packId());
          if (!decision.period().equals(judgment.period())) {
            LocalizedText note = Decisions.notApplied(decision, judgment.period());
            if (!waiverNotes.contains(note)) {
              waiverNotes.add(note);
            }
            continue;
          }
          decided.add(new ActiveDecision(decision, packs.get(version).id()));
        }
        List<ActiveWaiver> active = new ArrayList<>();
        for (Waiver waiver : request.waivers()) {
          int version = versionIn(judgment, waiver.packId());
          if (version < 0) {
            continue;
          }
          judgedPacks.add(waiver.packId());
          LocalizedText note = Waivers.note(waiver, judgment.period());
          if (note != null) {
            if (!waiverNotes.contains(note)) {
              waiverNotes.add(note);
            }
            continue;
          }
          LoadedPack used = packs.get(version);
          Map<String, List<String>> items = new HashMap<>();
          for (LoadedPack.LoadedChecklist list : used.checklists()) {
            items.put(list.doc().id(), list.doc().items().stream().map(i -> i.rule()).toList());
          }
          Set<String> rules = Waivers.rulesOf(waiver, items);
          if (rules == null && !used.id().equals(waiver.packId())) {
            rules = baseRules(used, waiver.packId()); // a waiver of the base, used through an overlay of it
          }
          active.add(new ActiveWaiver(waiver, rules, used.id()));
        }
        stages.add(new Stage(judgment, intake.take(request, terms(judgment)), sessionContext(judgment),
            List.copyOf(active), List.copyOf(decided)));
      }
      for (vn.conduct.rules.api.Decision decision : request.decisions()) {
        if (!decidedPacks.contains(decision.packId())) {
          waiverNotes.add(Decisions.notApplied(decision, null));
        }
      }
      for (Waiver waiver : request.waivers()) {
        if (!judgedPacks.contains(waiver.packId())) {
          waiverNotes.add(Waivers.unusedPack(waiver));
        }
      }
    }

    /**
     * The version of a pack a judgment uses, or -1; a pack used through an overlay of it (rule-pack-format.md,
     * section 16) is the overlay's version.
     */
    private int versionIn(Judgments.Judgment judgment, String packId) {
      for (int v = 0; v < packs.size(); v++) {
        if (judgment.versions()[v] && packs.get(v).id().equals(packId)) {
          return v;
        }
      }
      for (int v = 0; v < packs.size(); v++) {
        if (judgment.versions()[v] && packs.get(v).layers().stream().anyMatch(l -> l.packId().equals(packId))) {
          return v;
        }
      }
      return -1;
    }

    /** The rules of an overlay's layer {@code packId}: the ones of that base version the overlay uses. */
    private Set<String> baseRules(LoadedPack overlay, String packId) {
      LoadedPack.Layer layer = overlay.layers().stream().filter(l -> l.packId().equals(packId)).findFirst()
          .orElseThrow();
      Set<String> ids = new java.util.HashSet<>();
      packs.stream().filter(p -> p.id().equals(layer.packId()) && p.manifest().version().equals(layer.version()))
          .findFirst().ifPresent(base -> base.rules().forEach(r -> ids.add(r.doc().id())));
      return ids;
    }

    Provenance provenance() {
      return Provenance.of(EngineBuilder.VERSION, request.decisionDate(), request.period(), request.periodGiven(),
          plan.uses(), waiverNotes.isEmpty() ? plan.notes()
              : java.util.stream.Stream.concat(plan.notes().stream(), waiverNotes.stream()).toList())
          .withPersonalData(personalData());
    }

    /** What the pack versions used mark personal: subject types that are people, and attributes. */
    private vn.conduct.rules.api.PersonalData personalData() {
      Set<String> types = new java.util.TreeSet<>();
      Map<String, Set<String>> attributes = new java.util.TreeMap<>();
      for (int v = 0; v < packs.size(); v++) {
        if (!plan.active()[v]) {
          continue;
        }
        packs.get(v).manifest().vocabulary().subjectTypes().forEach((type, doc) -> {
          if (Boolean.TRUE.equals(doc.personal())) {
            types.add(type);
          }
          doc.attributes().forEach((name, field) -> {
            if (Boolean.TRUE.equals(field.personal())) {
              attributes.computeIfAbsent(type, t -> new java.util.TreeSet<>()).add(name);
            }
          });
        });
      }
      return types.isEmpty() && attributes.isEmpty() ? vn.conduct.rules.api.PersonalData.NONE
          : vn.conduct.rules.api.PersonalData.of(types, attributes);
    }

    /** Every fact problem of every judgment, each once: subjects, observations, events, each in request order. */
    List<FactProblem> problems() {
      LinkedHashSet<FactProblem> all = new LinkedHashSet<>();
      stages.forEach(stage -> all.addAll(stage.facts().problems()));
      List<FactProblem> sorted = new ArrayList<>(all);
      sorted.sort(Comparator.comparing(FactProblem::kind, Comparator.comparingInt(Evaluator::kindOrder))
          .thenComparingInt(FactProblem::index));
      return sorted;
    }

    /**
     * Evaluates every session in every judgment and hands each subject's findings and scores (before
     * quotas) to {@code sink}, session after session. Every judgment takes in the same subjects and
     * batches them alike (whole unit trees, by id), so a session's subjects are merged across judgments
     * before they are handed on. A failure is kept to the subjects it touches: if a session fails, its
     * unit trees are evaluated again one by one, and only the trees that still fail get ERROR findings
     * naming the cause; a failure while wording or scoring one subject's results gives that subject
     * ERROR findings.
     */
    void evaluate(BiConsumer<String, SubjectResult> sink) {
      List<List<Batch>> batches = new ArrayList<>();
      for (Stage stage : stages) {
        batches.add(stage.facts().batches(SESSION_SIZE));
      }
      int count = batches.get(0).size();
      for (int i = 0; i < count; i++) {
        Batch first = batches.get(0).get(i);
        List<Map<String, Partial>> parts = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
          Map<String, Partial> partials = new HashMap<>();
          evaluateBatch(stages.get(s), batches.get(s).get(i), partials, true);
          parts.add(partials);
        }
        for (Subject subject : first.subjects) {
          List<Finding> findings = new ArrayList<>();
          List<ChecklistScore> scores = new ArrayList<>();
          for (Map<String, Partial> partials : parts) {
            Partial partial = partials.get(subject.id());
            if (partial != null) {
              findings.addAll(partial.findings());
              scores.addAll(partial.scores());
            }
          }
          if (parts.size() > 1) {
            CompiledPacks.TypePlans applicable = compiled.typePlans(subject.type());
            findings.sort(Comparator.comparingInt(f -> applicable.plan(f.rule()).index()));
            scores.sort(Comparator.comparing(ChecklistScore::packId).thenComparing(ChecklistScore::checklistId));
          }
          sink.accept(subject.id(), SubjectResult.of(subject, findings, scores, List.of()));
        }
      }
    }

    /**
     * Each (subject, rule) where the compiled rules and a plain-Java reading of the rule disagree.
     * For tests.
     */
    List<String> crossCheck() {
      List<String> mismatches = new ArrayList<>();
      for (Stage stage : stages) {
        for (Batch batch : stage.facts().batches(SESSION_SIZE)) {
          Firings firings = fire(stage, batch);
          for (SubjectFact fact : batch.facts) {
            CompiledPacks.TypePlans applicable = compiled.typePlans(fact.type);
            for (int p = 0; p < applicable.plans().length; p++) {
              RulePlan rule = applicable.plans()[p];
              if (!stage.ctx().planActive[rule.index()]) {
                continue;
              }
              Outcome fromRules = decide(rule, applicable.needed()[p], fact, firings.get(fact.index, rule.index()));
              Outcome reference = explainer.referenceOutcome(rule, fact, batch, stage.ctx());
              if (fromRules != reference) {
                mismatches.add(fact.id + " " + rule.ref().ruleId() + ": compiled " + fromRules + ", reference "
                    + reference);
              }
            }
          }
        }
      }
      return mismatches;
    }

    @Override
    public Layout layout() {
      return layout;
    }

    @Override
    public String unitOf(String subjectId) {
      SubjectFact fact = structure(subjectId);
      return fact == null ? null : fact.parentId;
    }

    @Override
    public SubjectFact structure(String subjectId) {
      return stages.get(0).facts().fact(subjectId);
    }

    @Override
    public SubjectFact fact(String subjectId, String packId) {
      Stage stage = stageOf(packId);
      return stage == null ? null : stage.facts().fact(subjectId);
    }

    @Override
    public EvalContext context(String packId) {
      Stage stage = stageOf(packId);
      return stage == null ? null : stage.ctx();
    }

    @Override
    public LoadedPack.LoadedChecklist checklist(String packId, String checklistId) {
      int version = activeVersion(packId);
      LoadedPack.LoadedChecklist list = version < 0 ? null : compiled.checklist(version, checklistId);
      if (list == null) {
        throw new IllegalStateException("no checklist " + packId + "/" + checklistId + " in this evaluation");
      }
      return list;
    }

    @Override
    public Map<String, SubjectTypeDoc> vocabulary(String packId) {
      int version = activeVersion(packId);
      return version < 0 ? Map.of() : compiled.vocabulary(version);
    }

    /** The version of a pack this evaluation uses, or -1. */
    private int activeVersion(String packId) {
      for (int v = 0; v < packs.size(); v++) {
        if (plan.active()[v] && packs.get(v).id().equals(packId)) {
          return v;
        }
      }
      return -1;
    }

    /** The stage that judged a pack: its facts and its dates (for conditions that read them). */
    private Stage stageOf(String packId) {
      for (Stage stage : stages) {
        for (int v = 0; v < packs.size(); v++) {
          if (stage.judgment().versions()[v] && packs.get(v).id().equals(packId)) {
            return stage;
          }
        }
      }
      return null;
    }
  }

  private static int kindOrder(String kind) {
    return switch (kind) {
      case "subject" -> 0;
      case "observation" -> 1;
      case "event" -> 2;
      default -> 3;
    };
  }

  /** One judgment's facts, session context, and the waivers whose dates cover its period. */
  private record Stage(Judgments.Judgment judgment, FactIntake.Intake facts, EvalContext ctx,
      List<ActiveWaiver> waivers, List<ActiveDecision> decisions) { }

  /** A decision about a judgment's period, in date order, and the id of the pack used for its pack (it, or an overlay of it). */
  private record ActiveDecision(vn.conduct.rules.api.Decision decision, String packId) {

    /** Whether it is about this subject's finding of a rule of the pack used. */
    boolean about(String subjectId, vn.conduct.rules.api.RuleRef rule) {
      return decision.subjectId().equals(subjectId) && packId.equals(rule.packId())
          && decision.ruleId().map(rule.ruleId()::equals).orElse(false);
    }

    /** Whether it is about this subject's result on a checklist of the pack used. */
    boolean about(String subjectId, String packId, String checklistId) {
      return decision.subjectId().equals(subjectId) && this.packId.equals(packId)
          && decision.checklistId().map(checklistId::equals).orElse(false);
    }
  }

  /** A waiver that covers a judgment's period, and the rules its scope selects there (null: every rule of its pack). */
  private record ActiveWaiver(Waiver waiver, Set<String> rules, String packId) {

    /** Whether it covers a rule of the pack used ({@code packId}: the waiver's, or an overlay of it). */
    boolean covers(String packId, String ruleId) {
      return this.packId.equals(packId) && (rules == null || rules.contains(ruleId));
    }
  }

  /** One subject's findings and scores from one judgment. */
  private record Partial(List<Finding> findings, List<ChecklistScore> scores) { }

  /** The session context of a judgment: its dates, windows and the rule plans in force in it. */
  private EvalContext sessionContext(Judgments.Judgment judgment) {
    LocalDate reference = judgment.reference();
    Map<String, Integer> windows = compiled.windows();
    long[] starts = new long[windows.size()];
    windows.forEach((text, index) ->
        starts[index] = ConditionLanguage.WindowKind.firstDay(reference, java.time.Period.parse(text)).toEpochDay());
    List<RulePlan> plans = compiled.plans();
    boolean[] planActive = new boolean[plans.size()];
    for (RulePlan plan : plans) {
      var effective = plan.rule().doc().effective();
      planActive[plan.index()] = judgment.versions()[plan.version()]
          && (effective == null || ((effective.from() == null || !reference.isBefore(effective.from()))
              && (effective.until() == null || !reference.isAfter(effective.until()))));
    }
    return new EvalContext(reference.toEpochDay(), judgment.decision().toEpochDay(),
        judgment.period().start().toEpochDay(), judgment.period().end().toEpochDay(), starts, planActive);
  }

  /**
   * What a judgment asks of observations: its dates, and for each indicator the earliest day an
   * observation may be from (freshness) and the range it must lie in, from the versions it uses
   * (format 2 packs; the strictest when two packs declare one indicator).
   */
  private FactIntake.Terms terms(Judgments.Judgment judgment) {
    Map<String, Map<String, FactIntake.IndicatorTerms>> indicators = new HashMap<>();
    LocalDate reference = judgment.reference();
    for (int v = 0; v < packs.size(); v++) {
      LoadedPack pack = packs.get(v);
      if (!judgment.versions()[v] || pack.format() < 2) {
        continue;
      }
      pack.manifest().vocabulary().subjectTypes().forEach((type, doc) -> doc.indicators().forEach((name, field) -> {
        long earliest;
        String fresh = field.freshWithin() == null ? "period" : field.freshWithin();
        if (fresh.equals("period")) {
          earliest = judgment.period().start().toEpochDay();
        } else if (fresh.equals("all")) {
          earliest = Long.MIN_VALUE;
        } else {
          earliest = reference.minus(java.time.Period.parse(fresh)).plusDays(1).toEpochDay();
        }
        var range = field.range();
        FactIntake.IndicatorTerms own = new FactIntake.IndicatorTerms(earliest,
            range == null ? null : range.min(), range == null ? null : range.max(), fresh, pack.id());
        indicators.computeIfAbsent(type, t -> new HashMap<>()).merge(name, own, FactIntake.IndicatorTerms::strictest);
      }));
    }
    return new FactIntake.Terms(reference, judgment.decision(), judgment.period(), indicators);
  }

  /** Runs one session over a batch and returns what fired. */
  private Firings fire(Stage stage, Batch batch) {
    Firings firings = new Firings(batch.facts.size(), compiled.plans().size());
    KieSession session = compiled.ruleBase().newKieSession();
    try {
      session.setGlobal(DroolsCompiler.SINK, firings);
      session.insert(stage.ctx());
      batch.facts.forEach(session::insert);
      batch.events.forEach(session::insert);
      faults.beforeFiring(batch.subjects);
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return firings;
  }

  private void evaluateBatch(Stage stage, Batch batch, Map<String, Partial> into, boolean mayRetry) {
    Firings firings = null;
    RuntimeException failure = null;
    try {
      firings = fire(stage, batch);
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null && mayRetry && batch.treeCount() > 1) {
      for (Batch tree : stage.facts().batches(batch.subjects, 1)) {
        evaluateBatch(stage, tree, into, false);
      }
      return;
    }
    for (int i = 0; i < batch.facts.size(); i++) {
      SubjectFact fact = batch.facts.get(i);
      Subject subject = batch.subjects.get(i);
      Partial partial;
      try {
        List<Finding> findings = waive(stage, subject, decide(stage, subject, findings(stage, batch, fact, firings,
            failure)));
        partial = new Partial(findings, scores(stage, subject, fact, findings));
      } catch (RuntimeException e) {
        partial = new Partial(findings(stage, batch, fact, firings, e), List.of());
      }
      into.put(subject.id(), partial);
    }
  }

  private List<Finding> findings(Stage stage, Batch batch, SubjectFact fact, Firings firings,
      RuntimeException failure) {
    CompiledPacks.TypePlans applicable = compiled.typePlans(fact.type);
    RulePlan[] plans = applicable.plans();
    List<Finding> findings = new ArrayList<>(plans.length);
    EvalContext ctx = stage.ctx();
    Batch around = batch.around(fact); // the reasons keep this, not the whole batch
    Function<Finding, LocalizedText> reasons =
        finding -> explainer.reason(applicable.plan(finding.rule()), finding.outcome(), fact, around, ctx);
    Function<Finding, List<vn.conduct.rules.api.FindingFact>> facts =
        finding -> explainer.facts(applicable.plan(finding.rule()), fact, around, ctx);
    for (int p = 0; p < plans.length; p++) {
      RulePlan plan = plans[p];
      if (!ctx.planActive[plan.index()]) {
        continue;
      }
      if (failure != null) {
        String message = failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : ": " + SafeText.line(failure.getMessage()));
        findings.add(new Finding(plan.ref(), Outcome.ERROR, LocalizedText.of(
            "Lỗi khi đánh giá: " + message, "Evaluation failed: " + message)));
        continue;
      }
      Outcome outcome = decide(plan, applicable.needed()[p], fact, firings.get(fact.index, plan.index()));
      if (outcome == Outcome.UNKNOWN && fact.invalid != null) {
        Finding invalid = invalidValue(plan, fact);
        if (invalid != null) {
          findings.add(invalid);
          continue;
        }
      }
      findings.add(new Finding(plan.ref(), outcome, reasons).withFacts(facts));
    }
    return findings;
  }

  /**
   * The findings with waivers attached: each FAIL or UNKNOWN finding carries the first waiver, in the
   * request's order, whose dates cover the period, whose scope covers the rule and whose selectors
   * select the subject.
   */
  private List<Finding> waive(Stage stage, Subject subject, List<Finding> findings) {
    if (stage.waivers().isEmpty()) {
      return findings;
    }
    List<String> ancestors = null;
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = findings.get(i);
      if (finding.outcome() != Outcome.FAIL && finding.outcome() != Outcome.UNKNOWN) {
        continue;
      }
      for (ActiveWaiver active : stage.waivers()) {
        if (!active.covers(finding.rule().packId(), finding.ruleId())) {
          continue;
        }
        if (ancestors == null) {
          ancestors = ancestors(stage, subject);
        }
        if (active.waiver().selects(subject, ancestors)) {
          findings.set(i, finding.withWaiver(active.waiver()));
          break;
        }
      }
    }
    return findings;
  }

  /**
   * The findings with their histories (decision-format.md, section 6): each finding named by decisions
   * about its subject and period carries them, in date order, and the outcome of the last override.
   * Runs before waivers, which excuse the final outcome.
   */
  private static List<Finding> decide(Stage stage, Subject subject, List<Finding> findings) {
    if (stage.decisions().isEmpty()) {
      return findings;
    }
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = findings.get(i);
      if (finding.outcome() == Outcome.ERROR) {
        continue; // an evaluation that failed is fixed, not decided
      }
      List<vn.conduct.rules.api.Decision> history = null;
      for (ActiveDecision active : stage.decisions()) {
        if (active.about(subject.id(), finding.rule())) {
          if (history == null) {
            history = new ArrayList<>();
          }
          history.add(active.decision());
        }
      }
      if (history != null) {
        findings.set(i, finding.withDecisions(history));
      }
    }
    return findings;
  }

  /** The ids of the units above a subject: its parent, the parent's parent, … (stopping at a cycle). */
  private static List<String> ancestors(Stage stage, Subject subject) {
    List<String> ids = new ArrayList<>();
    String parent = subject.parentId();
    while (parent != null && !ids.contains(parent) && !parent.equals(subject.id())) {
      ids.add(parent);
      SubjectFact fact = stage.facts().fact(parent);
      parent = fact == null ? null : fact.parentId;
    }
    return ids;
  }

  /** An ERROR finding if the rule, left undecided, reads a value the host gave with the wrong type. */
  private Finding invalidValue(RulePlan plan, SubjectFact fact) {
    for (int slot : plan.neededSlots().get(fact.type)) {
      Object bad = fact.invalidAt(slot);
      if (bad == null) {
        continue;
      }
      Map.Entry<String, Layout.Slot> field = layout.subjectFields(fact.type).entrySet().stream()
          .filter(e -> e.getValue().index() == slot).findFirst().orElseThrow();
      Layout.Slot declared = field.getValue();
      boolean indicator = field.getKey().startsWith(Layout.key(Cond.Scope.INDICATOR, ""));
      String key = field.getKey();
      int mark = key.indexOf(Layout.METHOD_MARK); // a method slot is worded as its indicator
      String name = key.substring(key.indexOf(':') + 1, mark < 0 ? key.length() : mark);
      String citationVi = plan.ref().citation().render(Language.VI);
      String citation = plan.ref().citation().render(Language.EN);
      if (bad instanceof OutOfRange outside) {
        return new Finding(plan.ref(), Outcome.ERROR, LocalizedText.of(
            "Giá trị không hợp lệ: chỉ số '" + name + "' = " + outside + ", ngoài khoảng cho phép " + outside.range()
                + " — " + citationVi,
            "Invalid value: indicator '" + name + "' = " + outside + ", outside its range " + outside.range()
                + " — " + citation));
      }
      String expected = declared.values().isEmpty() ? "a " + declared.type().label() : "one of " + declared.values();
      return new Finding(plan.ref(), Outcome.ERROR, LocalizedText.of(
          "Giá trị không hợp lệ cho " + (indicator ? "chỉ số" : "thuộc tính") + " '" + name + "': '" + bad + "' (cần "
              + expected + ") — " + citationVi,
          "Invalid value for " + (indicator ? "indicator" : "attribute") + " '" + name + "': '" + bad + "' (expected "
              + expected + ") — " + citation));
    }
    return null;
  }

  private static Outcome decide(RulePlan plan, int[] needed, SubjectFact fact, byte flags) {
    if ((flags & RulePlan.NOT_APPLICABLE) != 0) {
      return Outcome.NOT_APPLICABLE;
    }
    if ((flags & RulePlan.FAIL) != 0) {
      return Outcome.FAIL;
    }
    if ((flags & RulePlan.PASS) != 0) {
      return Outcome.PASS;
    }
    if (plan.proofRequired()) {
      return Outcome.UNKNOWN;
    }
    for (int slot : needed) {
      if (!fact.present[slot]) {
        return Outcome.UNKNOWN;
      }
    }
    return Outcome.PASS;
  }

  private List<ChecklistScore> scores(Stage stage, Subject subject, SubjectFact fact, List<Finding> findings) {
    List<ChecklistScore> scores = new ArrayList<>();
    Judgments.Judgment judgment = stage.judgment();
    for (int v = 0; v < packs.size(); v++) {
      if (!judgment.versions()[v]) {
        continue;
      }
      LoadedPack pack = packs.get(v);
      Map<String, Finding> byRule = null;
      for (LoadedPack.LoadedChecklist list : pack.checklists()) {
        if (!list.doc().subjectType().equals(subject.type())) {
          continue;
        }
        if (byRule == null) {
          byRule = new HashMap<>();
          for (Finding finding : findings) {
            if (finding.rule().packId().equals(pack.id())) {
              byRule.put(finding.ruleId(), finding);
            }
          }
        }
        List<Event> events = stage.facts().eventsOf(subject.id());
        Set<String> waived = waived(list.doc(), byRule);
        List<vn.conduct.rules.api.Decision> history = new ArrayList<>();
        Map<String, vn.conduct.rules.api.Decision> itemOverrides = new HashMap<>();
        vn.conduct.rules.api.Decision adjustment = null;
        for (ActiveDecision active : stage.decisions()) {
          if (active.about(subject.id(), pack.id(), list.doc().id())) {
            vn.conduct.rules.api.Decision decision = active.decision();
            history.add(decision);
            if (decision.kind() == vn.conduct.rules.api.Decision.Kind.OVERRIDE) {
              if (decision.itemId().isPresent()) {
                itemOverrides.put(decision.itemId().get(), decision); // a later override replaces an earlier
              } else {
                adjustment = decision;
              }
            }
          }
        }
        ChecklistScore score = Scorer.score(pack, list.doc(), byRule, name -> indicator(fact, name),
            name -> invalidIndicator(fact, name), events, judgment.reference(), judgment.decision(), judgment.period(),
            waived, itemOverrides, adjustment);
        if (!waived.isEmpty()) {
          score = score.withWithoutWaivers(Scorer.score(pack, list.doc(), byRule, name -> indicator(fact, name),
              name -> invalidIndicator(fact, name), events, judgment.reference(), judgment.decision(),
              judgment.period(), Set.of(), itemOverrides, adjustment));
        }
        if (!history.isEmpty()) {
          score = score.withDecisions(history);
        }
        scores.add(score);
      }
    }
    return scores;
  }

  /**
   * The items and vetoes of a checklist whose findings carry a waiver that counts for it: a waiver
   * scoped by pack or rule counts for every checklist, one scoped by checklist only for that checklist.
   */
  private static Set<String> waived(vn.conduct.rules.internal.model.ChecklistDoc list, Map<String, Finding> byRule) {
    Set<String> waived = null;
    List<String> rules = new ArrayList<>();
    list.items().forEach(item -> rules.add(item.rule()));
    list.vetoes().forEach(veto -> rules.add(veto.rule()));
    for (String rule : rules) {
      Finding finding = byRule.get(rule);
      if (finding == null || finding.waiver().isEmpty()) {
        continue;
      }
      Waiver waiver = finding.waiver().get();
      if (waiver.checklistId().isEmpty() || waiver.checklistId().get().equals(list.id())) {
        if (waived == null) {
          waived = new java.util.HashSet<>();
        }
        waived.add(rule);
      }
    }
    return waived == null ? Set.of() : waived;
  }

  private boolean invalidIndicator(SubjectFact fact, String name) {
    Layout.Slot slot = layout.subjectSlot(fact.type, Cond.Scope.INDICATOR, name);
    return slot != null && fact.invalidAt(slot.index()) != null;
  }

  private java.math.BigDecimal indicator(SubjectFact fact, String name) {
    Layout.Slot slot = layout.subjectSlot(fact.type, Cond.Scope.INDICATOR, name);
    return slot == null || !fact.present[slot.index()] ? null : fact.dec[slot.index()];
  }
}
