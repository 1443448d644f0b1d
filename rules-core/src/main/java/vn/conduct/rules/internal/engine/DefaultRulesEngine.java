package vn.conduct.rules.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Citation;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.RollUp;
import vn.conduct.rules.api.RuleKind;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RuleRef;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.internal.compile.DroolsCompiler;
import vn.conduct.rules.internal.compile.Firings;
import vn.conduct.rules.internal.compile.RulePlan;
import vn.conduct.rules.internal.compile.Semantics;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionLanguage;
import vn.conduct.rules.internal.facts.EvalContext;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.SubjectFact;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.load.SemVer;
import vn.conduct.rules.internal.model.ChecklistDoc;
import vn.conduct.rules.internal.model.ParameterDoc;
import vn.conduct.rules.internal.model.RuleDoc;
import vn.conduct.rules.internal.model.SourceDoc;
import vn.conduct.rules.internal.score.Quotas;
import vn.conduct.rules.internal.score.Scorer;

/**
 * The engine: every loaded pack version compiled into one shared KieBase. Immutable and thread-safe.
 *
 * <p>The KieBase is built when the first evaluation needs it, once, so that listing and describing
 * packs costs no Drools compilation. Every pack error has been reported by then: the loader validated
 * each rule, and a validated rule that Drools cannot compile is an engine bug, raised as
 * {@link vn.conduct.rules.api.RuleCompilationException} by that first evaluation.
 */
public final class DefaultRulesEngine implements RulesEngine {

  /** Subjects per Drools session (whole unit trees are kept together). */
  static final int BATCH_SIZE = 1000;

  private final List<LoadedPack> packs;
  private final List<RulePackInfo> infos;
  private final Layout layout;
  private final Map<String, Integer> windows;
  private final List<RulePlan> plans;
  private final Map<String, List<RulePlan>> plansByType;
  private final Map<String, TypePlans> typePlans;
  private final RuleBase ruleBase;
  private final Explainer explainer;
  private final FactIntake intake;
  private final Faults faults;

  /** The KieBase, built from the compiler's rules on first use and then kept. */
  private static final class RuleBase {
    private DroolsCompiler compiler;
    private volatile KieBase built;

    RuleBase(DroolsCompiler compiler) {
      this.compiler = compiler;
    }

    KieBase get() {
      KieBase base = built;
      if (base == null) {
        synchronized (this) {
          base = built;
          if (base == null) {
            base = compiler.build();
            built = base;
            compiler = null;
          }
        }
      }
      return base;
    }

    boolean isBuilt() {
      return built != null;
    }
  }

  /** A hook for fault-injection tests; production engines use {@link #NONE}. */
  interface Faults {
    /** Does nothing. */
    Faults NONE = subjects -> { };

    /** Called with a session's subjects just before its rules fire; may throw to simulate a failure. */
    void beforeFiring(List<Subject> subjects);
  }

  private DefaultRulesEngine(List<LoadedPack> packs, Layout layout, Map<String, Integer> windows,
      List<RulePlan> plans, RuleBase ruleBase, Faults faults) {
    this.faults = faults;
    this.packs = packs;
    this.layout = layout;
    this.windows = windows;
    this.plans = plans;
    this.ruleBase = ruleBase;
    this.explainer = new Explainer(layout);
    this.intake = new FactIntake(layout);
    Map<String, List<RulePlan>> byType = new HashMap<>();
    for (RulePlan plan : plans) {
      for (String type : plan.rule().doc().appliesTo()) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(plan);
      }
    }
    this.plansByType = byType;
    Map<String, TypePlans> arrays = new HashMap<>();
    byType.forEach((type, list) -> {
      Map<RuleRef, RulePlan> byRef = new java.util.IdentityHashMap<>();
      list.forEach(plan -> byRef.put(plan.ref(), plan));
      arrays.put(type, new TypePlans(list.toArray(new RulePlan[0]),
          list.stream().map(plan -> plan.neededSlots().get(type)).toArray(int[][]::new), byRef));
    });
    this.typePlans = arrays;
    this.infos = packs.stream().map(p -> RulePackInfo.of(p.id(), p.manifest().version(), p.manifest().title(),
        p.manifest().jurisdiction(), p.manifest().effective() == null ? null : p.manifest().effective().from(),
        p.manifest().effective() == null ? null : p.manifest().effective().until(), p.digest(), p.origin(),
        p.rules().size(), p.checklists().size())).toList();
  }

  static DefaultRulesEngine create(List<LoadedPack> loaded, Map<String, Map<String, Object>> overrides) {
    return create(loaded, overrides, Faults.NONE);
  }

  /** Builds an engine that calls {@code faults} around each session: for fault-injection tests. */
  static DefaultRulesEngine create(List<LoadedPack> loaded, Map<String, Map<String, Object>> overrides,
      Faults faults) {
    List<LoadedPack> packs = new ArrayList<>(loaded);
    packs.sort(Comparator.comparing(LoadedPack::id).thenComparing(LoadedPack::version));
    for (int v = 0; v < packs.size(); v++) {
      Map<String, Object> given = overrides.getOrDefault(packs.get(v).id(), Map.of());
      if (!given.isEmpty()) {
        packs.set(v, vn.conduct.rules.internal.load.PackLoader.withParameters(packs.get(v),
            parameters(packs.get(v), given), given.keySet()));
      }
    }
    Layout layout = Layout.of(packs);
    Map<String, Integer> windows = new LinkedHashMap<>();
    List<RulePlan> plans = new ArrayList<>();
    for (int v = 0; v < packs.size(); v++) {
      LoadedPack pack = packs.get(v);
      Map<String, Object> parameters = parameters(pack, overrides.getOrDefault(pack.id(), Map.of()));
      for (LoadedPack.LoadedRule rule : pack.rules()) {
        if (!rule.enabled()) {
          continue;
        }
        Cond when = Semantics.resolve(rule.when(), parameters);
        Cond condition = Semantics.resolve(rule.condition(), parameters);
        Cond requirement = rule.doc().kind() == RuleKind.PROHIBITION ? new Cond.Not(condition) : condition;
        collectWindows(when, windows);
        collectWindows(requirement, windows);
        Map<String, int[]> needed = new HashMap<>();
        for (String type : rule.doc().appliesTo()) {
          java.util.TreeSet<Integer> slots = new java.util.TreeSet<>();
          ownSlots(when, type, layout, slots);
          ownSlots(requirement, type, layout, slots);
          needed.put(type, slots.stream().mapToInt(Integer::intValue).toArray());
        }
        boolean proof = mayBeUnknown(when) || mayBeUnknown(requirement);
        plans.add(new RulePlan(plans.size(), v, rule, ref(pack, rule.doc()), when, requirement, needed, proof));
      }
    }
    DroolsCompiler compiler = new DroolsCompiler(layout, windows);
    plans.forEach(compiler::add);
    DefaultRulesEngine engine = new DefaultRulesEngine(List.copyOf(packs), layout, windows, List.copyOf(plans),
        new RuleBase(compiler), faults);
    engine.describe(overrides);
    return engine;
  }

  private List<RuleInfo> ruleInfos = List.of();
  private List<ChecklistInfo> checklistInfos = List.of();

  private void describe(Map<String, Map<String, Object>> overrides) {
    List<RuleInfo> rules = new ArrayList<>();
    List<ChecklistInfo> checklists = new ArrayList<>();
    for (LoadedPack pack : packs) {
      Map<String, Object> parameters = parameters(pack, overrides.getOrDefault(pack.id(), Map.of()));
      pack.rules().stream().sorted(Comparator.comparing(r -> r.doc().id())).forEach(rule -> {
        Cond condition = Semantics.resolve(rule.condition(), parameters);
        List<RuleInfo.Threshold> thresholds = new ArrayList<>();
        thresholds(condition, true, thresholds);
        rules.add(RuleInfo.of(ref(pack, rule.doc()), rule.doc().description(), rule.doc().appliesTo(),
            rule.enabled(), rule.when() != null, rule.doc().evidence(), thresholds));
      });
      pack.checklists().stream().sorted(Comparator.comparing(c -> c.doc().id()))
          .forEach(checklist -> checklists.add(ChecklistDescriptions.describe(pack, checklist.doc())));
    }
    this.ruleInfos = List.copyOf(rules);
    this.checklistInfos = List.copyOf(checklists);
  }

  private static void thresholds(Cond cond, boolean whole, List<RuleInfo.Threshold> into) {
    if (cond instanceof Cond.All all) {
      all.operands().forEach(c -> thresholds(c, false, into));
    } else if (cond instanceof Cond.Any any) {
      any.operands().forEach(c -> thresholds(c, false, into));
    } else if (cond instanceof Cond.Not not) {
      thresholds(not.operand(), false, into);
    } else if (cond instanceof Cond.Compare compare && compare.field().scope() != Cond.Scope.EVENT_ATTRIBUTE
        && compare.op().isThreshold()
        && !compare.operands().isEmpty()
        && compare.field().type() == vn.conduct.rules.internal.model.DataType.NUMBER
        && compare.operands().stream().allMatch(o -> o.constant() instanceof Number)) {
      into.add(RuleInfo.Threshold.of(compare.field().scope() == Cond.Scope.INDICATOR ? "indicator" : "attribute",
          compare.field().name(), compare.op().key,
          compare.operands().stream().map(o -> decimal((Number) o.constant())).toList(), whole));
    }
  }

  private static java.math.BigDecimal decimal(Number number) {
    java.math.BigDecimal value = new java.math.BigDecimal(number.toString()).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /** The members' failures of the rules a checklist scores or vetoes on, by rule id. */
  private static Map<String, Integer> checklistFailures(ChecklistDoc doc, Map<String, Integer> failures) {
    java.util.Set<String> rules = new java.util.HashSet<>();
    doc.items().forEach(item -> rules.add(item.rule()));
    doc.vetoes().forEach(veto -> rules.add(veto.rule()));
    Map<String, Integer> own = new TreeMap<>();
    failures.forEach((rule, count) -> {
      if (rules.contains(rule)) {
        own.put(rule, count);
      }
    });
    return own;
  }

  @Override
  public List<RuleInfo> rules() {
    return ruleInfos;
  }

  @Override
  public List<ChecklistInfo> checklists() {
    return checklistInfos;
  }

  private static Map<String, Object> parameters(LoadedPack pack, Map<String, Object> overrides) {
    Map<String, Object> values = new HashMap<>(pack.parameterDefaults());
    overrides.forEach((name, value) -> {
      ParameterDoc doc = pack.manifest().parameters().get(name);
      if (doc == null) {
        throw new IllegalStateException("Pack '" + pack.id() + "' has no parameter '" + SafeText.line(name)
            + "' [Hint: its parameters are "
            + new java.util.TreeSet<>(pack.manifest().parameters().keySet()) + "]");
      }
      Object converted;
      try {
        converted = FactIntake.convert(value, doc.type());
      } catch (RuntimeException e) {
        converted = null;
      }
      if (converted == null) {
        throw new IllegalArgumentException("Parameter '" + SafeText.line(name) + "' of pack '" + pack.id() + "' is a "
            + doc.type().label() + ", but was given '" + FactIntake.shown(value) + "'");
      }
      values.put(name, converted instanceof Double d ? FactIntake.decimal(value, d) : converted);
    });
    return values;
  }

  private static RuleRef ref(LoadedPack pack, RuleDoc rule) {
    SourceDoc source = pack.manifest().sources().get(rule.source().document());
    Citation citation = Citation.of(rule.source().document(), source == null ? null : source.number(),
        rule.source().article(), rule.source().clause(), rule.source().basis(), rule.source().note());
    return RuleRef.of(pack.id(), pack.manifest().version(), rule.id(), rule.title(), rule.kind(), rule.severity(),
        citation, rule.tags());
  }

  private static void collectWindows(Cond cond, Map<String, Integer> windows) {
    forEachAtom(cond, atom -> {
      if (atom instanceof Cond.Aggregate agg) {
        if (agg.window().kind() == ConditionLanguage.WindowKind.LOOK_BACK) {
          windows.putIfAbsent(agg.window().lookBack().toString(), windows.size());
        }
        collectWindows(agg.where(), windows);
      }
    });
  }

  private static void ownSlots(Cond cond, String type, Layout layout, java.util.Set<Integer> slots) {
    forEachAtom(cond, atom -> {
      if (atom instanceof Cond.Compare compare && !compare.op().form.decidesMissing()) {
        slots.add(layout.slot(type, compare.field()).index());
      } else if (atom instanceof Cond.Measure measure && !measure.op().form.decidesMissing()) {
        termSlots(measure.term(), type, layout, slots);
      }
    });
  }

  private static void termSlots(Cond.Term term, String type, Layout layout, java.util.Set<Integer> slots) {
    if (term instanceof Cond.Field field) {
      slots.add(layout.slot(type, field).index());
    } else if (term instanceof Cond.DaysBetween between) {
      termSlots(between.from(), type, layout, slots);
      termSlots(between.to(), type, layout, slots);
    }
  }

  private static boolean mayBeUnknown(Cond cond) {
    boolean[] result = {false};
    forEachAtom(cond, atom -> {
      if (atom instanceof Cond.Aggregate agg && !agg.agg().alwaysKnown(agg.where() != null)) {
        result[0] = true;
      }
    });
    return result[0];
  }

  private static void forEachAtom(Cond cond, Consumer<Cond> action) {
    if (cond == null) {
      return;
    }
    if (cond instanceof Cond.All all) {
      all.operands().forEach(c -> forEachAtom(c, action));
    } else if (cond instanceof Cond.Any any) {
      any.operands().forEach(c -> forEachAtom(c, action));
    } else if (cond instanceof Cond.Not not) {
      forEachAtom(not.operand(), action);
    } else {
      action.accept(cond);
    }
  }

  @Override
  public String version() {
    return EngineBuilder.VERSION;
  }

  @Override
  public List<RulePackInfo> packs() {
    return infos;
  }

  /** Number of Drools rules compiled, for diagnostics and benchmarks. */
  public int compiledRuleCount() {
    return plans.size();
  }

  // ---------------------------------------------------------------------------------- evaluation

  /**
   * Everything one evaluation needs: the plan in time (which versions judge which period), and for
   * each judgment its facts and session context.
   */
  private final class Run {
    final EvaluationRequest request;
    final Judgments.Plan plan;
    final List<Stage> stages = new ArrayList<>();

    Run(EvaluationRequest request) {
      this.request = request;
      this.plan = Judgments.plan(packs, infos, request);
      List<Judgments.Judgment> judgments = plan.judgments();
      if (judgments.isEmpty()) {
        // no pack applies: the subjects are still taken in and reported, with no finding
        LocalDate decision = request.decisionDate();
        Period period = request.periodGiven() ? request.period() : Period.monthOf(decision);
        LocalDate reference = period.end().isBefore(decision) ? period.end() : decision;
        judgments = List.of(new Judgments.Judgment(period, reference, decision, new boolean[packs.size()]));
      }
      for (Judgments.Judgment judgment : judgments) {
        stages.add(new Stage(judgment, intake.take(request, terms(judgment)), context(judgment)));
      }
    }

    /** Whether a pack version is used in any judgment. */
    boolean active(int version) {
      return plan.active()[version];
    }

    Provenance provenance() {
      return Provenance.of(version(), request.decisionDate(), request.period(), request.periodGiven(), plan.uses(),
          plan.notes());
    }

    /** Every fact problem of every judgment, each once, in request order. */
    List<FactProblem> problems() {
      java.util.LinkedHashSet<FactProblem> all = new java.util.LinkedHashSet<>();
      stages.forEach(stage -> all.addAll(stage.facts().problems()));
      List<FactProblem> sorted = new ArrayList<>(all);
      sorted.sort(Comparator.comparing(FactProblem::kind, Comparator.comparingInt(DefaultRulesEngine::kindOrder))
          .thenComparingInt(FactProblem::index));
      return sorted;
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

  /** One judgment's facts and session context. */
  private record Stage(Judgments.Judgment judgment, FactIntake.Intake facts, EvalContext ctx) { }

  /** The session context of a judgment: its dates, windows and the rule plans in force in it. */
  private EvalContext context(Judgments.Judgment judgment) {
    LocalDate reference = judgment.reference();
    long[] starts = new long[windows.size()];
    windows.forEach((text, index) ->
        starts[index] = ConditionLanguage.WindowKind.firstDay(reference, java.time.Period.parse(text)).toEpochDay());
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

  @Override
  public Report evaluate(EvaluationRequest request) {
    Run run = new Run(request);
    Map<String, SubjectResult> results = new TreeMap<>();
    evaluateBatches(run, results::put);
    PostProcessing post = new PostProcessing(run, results);
    post.applyQuotas();
    List<Ranking> rankings = post.rankings();
    List<SubjectResult> ordered = post.withRollUps();
    return Report.of(run.provenance(), ordered, rankings, run.problems());
  }

  @Override
  public Provenance evaluate(EvaluationRequest request, Consumer<SubjectResult> sink) {
    Run run = new Run(request);
    evaluateBatches(run, (id, result) -> sink.accept(result));
    return run.provenance();
  }

  private interface ResultSink {
    void accept(String subjectId, SubjectResult result);
  }

  /** One subject's findings and scores from one judgment. */
  private record Partial(List<Finding> findings, List<ChecklistScore> scores) { }

  /**
   * Evaluates every batch in every judgment. Every judgment takes in the same subjects and batches
   * them alike (whole unit trees, by id), so a batch's subjects are merged across judgments before
   * they are handed on. A failure is kept to the subjects it touches: if a session fails, its unit
   * trees are evaluated again one by one, and only the trees that still fail get ERROR findings
   * naming the cause; a failure while wording or scoring one subject's results gives that subject
   * ERROR findings.
   */
  private void evaluateBatches(Run run, ResultSink sink) {
    List<List<Batch>> batches = new ArrayList<>();
    for (Stage stage : run.stages) {
      batches.add(stage.facts().batches(BATCH_SIZE));
    }
    int count = batches.get(0).size();
    for (int i = 0; i < count; i++) {
      Batch first = batches.get(0).get(i);
      List<Map<String, Partial>> parts = new ArrayList<>();
      for (int s = 0; s < run.stages.size(); s++) {
        Map<String, Partial> partials = new HashMap<>();
        evaluateBatch(run.stages.get(s), batches.get(s).get(i), partials, true);
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
          TypePlans applicable = typePlans(subject.type());
          findings.sort(Comparator.comparingInt(f -> applicable.byRef().get(f.rule()).index()));
          scores.sort(Comparator.comparing(ChecklistScore::packId).thenComparing(ChecklistScore::checklistId));
        }
        sink.accept(subject.id(), SubjectResult.of(subject, findings, scores, List.of()));
      }
    }
  }

  private void evaluateBatch(Stage stage, Batch batch, Map<String, Partial> into, boolean mayRetry) {
    Firings firings = new Firings(batch.facts.size(), plans.size());
    RuntimeException failure = null;
    KieSession session = ruleBase.get().newKieSession();
    try {
      session.setGlobal(DroolsCompiler.SINK, firings);
      session.insert(stage.ctx());
      batch.facts.forEach(session::insert);
      batch.events.forEach(session::insert);
      faults.beforeFiring(batch.subjects);
      session.fireAllRules();
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      session.dispose();
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
        List<Finding> findings = findings(stage, batch, fact, firings, failure);
        partial = new Partial(findings, scores(stage, subject, fact, findings));
      } catch (RuntimeException e) {
        partial = new Partial(findings(stage, batch, fact, firings, e), List.of());
      }
      into.put(subject.id(), partial);
    }
  }

  /** The plans that apply to one subject type, with what they need, as arrays for the hot path. */
  private record TypePlans(RulePlan[] plans, int[][] needed, Map<RuleRef, RulePlan> byRef) {
    static final TypePlans NONE = new TypePlans(new RulePlan[0], new int[0][], Map.of());
  }

  private TypePlans typePlans(String type) {
    return typePlans.getOrDefault(type, TypePlans.NONE);
  }

  private List<Finding> findings(Stage stage, Batch batch, SubjectFact fact, Firings firings,
      RuntimeException failure) {
    TypePlans applicable = typePlans(fact.type);
    RulePlan[] plans = applicable.plans();
    List<Finding> findings = new ArrayList<>(plans.length);
    EvalContext ctx = stage.ctx();
    java.util.function.Function<Finding, LocalizedText> reasons =
        finding -> explainer.reason(applicable.byRef().get(finding.rule()), finding.outcome(), fact, batch, ctx);
    for (int p = 0; p < plans.length; p++) {
      RulePlan plan = plans[p];
      if (!ctx.planActive[plan.index()]) {
        continue;
      }
      if (failure != null) {
        String message = failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : ": " + vn.conduct.rules.api.SafeText.line(failure.getMessage()));
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
      findings.add(new Finding(plan.ref(), outcome, reasons));
    }
    return findings;
  }

  /** An ERROR finding if the rule, left undecided, reads a value the host gave with the wrong type. */
  private Finding invalidValue(RulePlan plan, SubjectFact fact) {
    for (int slot : plan.neededSlots().get(fact.type)) {
      Object bad = fact.invalidAt(slot);
      if (bad != null) {
        String field = layout.subjectFields(fact.type).entrySet().stream()
            .filter(e -> e.getValue().index() == slot).map(Map.Entry::getKey).findFirst().orElse("?");
        Layout.Slot declared = layout.subjectFields(fact.type).get(field);
        String expected = declared.values().isEmpty() ? "a " + declared.type().label() : "one of " + declared.values();
        String citation = plan.ref().citation().render(vn.conduct.rules.api.Language.EN);
        String citationVi = plan.ref().citation().render(vn.conduct.rules.api.Language.VI);
        if (bad instanceof vn.conduct.rules.internal.facts.OutOfRange outside) {
          String name = field.substring(field.indexOf(':') + 1);
          return new Finding(plan.ref(), Outcome.ERROR, LocalizedText.of(
              "Giá trị không hợp lệ: chỉ số '" + name + "' = " + outside + ", ngoài khoảng cho phép " + outside.range()
                  + " — " + citationVi,
              "Invalid value: indicator '" + name + "' = " + outside + ", outside its range " + outside.range()
                  + " — " + citation));
        }
        return new Finding(plan.ref(), Outcome.ERROR, LocalizedText.of(
            "Giá trị không hợp lệ cho " + field.replace("attribute:", "thuộc tính '").replace("indicator:", "chỉ số '")
                + "': '" + bad + "' (cần " + expected + ") — " + citationVi,
            "Invalid value for " + field.replace(":", " '") + "': '" + bad + "' (expected " + expected + ") — "
                + citation));
      }
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
        scores.add(Scorer.score(pack, list.doc(), byRule, name -> indicator(fact, name),
            name -> invalidIndicator(fact, name), events, judgment.reference(), judgment.decision(), judgment.period()));
      }
    }
    return scores;
  }

  private boolean invalidIndicator(SubjectFact fact, String name) {
    Layout.Slot slot = layout.subjectSlot(fact.type, Cond.Scope.INDICATOR, name);
    return slot != null && fact.invalidAt(slot.index()) != null;
  }

  private java.math.BigDecimal indicator(SubjectFact fact, String name) {
    Layout.Slot slot = layout.subjectSlot(fact.type, Cond.Scope.INDICATOR, name);
    return slot == null || !fact.present[slot.index()] ? null : fact.dec[slot.index()];
  }

  /** Quotas, roll-ups and rankings: the steps that need every subject's result. */
  private final class PostProcessing {
    private final Run run;
    private final Map<String, SubjectResult> results;

    PostProcessing(Run run, Map<String, SubjectResult> results) {
      this.run = run;
      this.results = results;
    }

    /** The unit a subject belongs to, as the engine counts it (the same in every judgment). */
    private String unitOf(String subjectId) {
      return run.stages.get(0).facts().fact(subjectId).parentId;
    }

    /** A subject's facts as the judgment of a pack version took them in; {@code null} if none. */
    private SubjectFact factFor(String subjectId, String packId) {
      Stage stage = stageOf(packId);
      return stage == null ? null : stage.facts().fact(subjectId);
    }

    /** The stage that judged a pack: its facts and its dates (for conditions that read them). */
    private Stage stageOf(String packId) {
      for (Stage stage : run.stages) {
        for (int v = 0; v < packs.size(); v++) {
          if (stage.judgment().versions()[v] && packs.get(v).id().equals(packId)) {
            return stage;
          }
        }
      }
      return null;
    }

    private ChecklistDoc checklist(String packId, String checklistId) {
      for (int v = 0; v < packs.size(); v++) {
        if (run.active(v) && packs.get(v).id().equals(packId)) {
          for (LoadedPack.LoadedChecklist list : packs.get(v).checklists()) {
            if (list.doc().id().equals(checklistId)) {
              return list.doc();
            }
          }
        }
      }
      throw new IllegalStateException("no checklist " + packId + "/" + checklistId);
    }

    private LoadedPack.LoadedChecklist loaded(String packId, String checklistId) {
      for (int v = 0; v < packs.size(); v++) {
        if (run.active(v) && packs.get(v).id().equals(packId)) {
          for (LoadedPack.LoadedChecklist list : packs.get(v).checklists()) {
            if (list.doc().id().equals(checklistId)) {
              return list;
            }
          }
        }
      }
      throw new IllegalStateException("no checklist " + packId + "/" + checklistId);
    }

    /**
     * Applies each checklist's quotas in their order (best band first), each to the groups its
     * {@code group-by} makes (by default the members of one parent unit; parentless subjects form
     * one group).
     */
    void applyQuotas() {
      Map<String, List<Quotas.Member>> byChecklist = new TreeMap<>();
      for (SubjectResult result : results.values()) {
        for (ChecklistScore score : result.scores()) {
          if (!checklist(score.packId(), score.checklistId()).quotas().isEmpty()) {
            byChecklist.computeIfAbsent(score.packId() + "\u0000" + score.checklistId(), k -> new ArrayList<>())
                .add(new Quotas.Member(result.subjectId(), score));
          }
        }
      }
      byChecklist.forEach((key, members) -> {
        String[] ids = key.split("\u0000");
        LoadedPack.LoadedChecklist list = loaded(ids[0], ids[1]);
        members.sort(Comparator.comparing(m -> m.subjectId));
        for (int q = 0; q < list.doc().quotas().size(); q++) {
          applyQuota(ids[0], list, q, members);
        }
        for (Quotas.Member member : members) {
          SubjectResult old = results.get(member.subjectId);
          List<ChecklistScore> scores = old.scores().stream()
              .map(s -> s.packId().equals(ids[0]) && s.checklistId().equals(ids[1]) ? member.score : s).toList();
          results.put(member.subjectId, SubjectResult.of(old.subject(), old.findings(), scores, old.rollUps()));
        }
      });
    }

    /** One group of one quota: its members, how messages name it, and the unit its override is decided on. */
    private record Group(List<Quotas.Member> members, String label, String unitId) { }

    private void applyQuota(String packId, LoadedPack.LoadedChecklist list, int q, List<Quotas.Member> members) {
      ChecklistDoc doc = list.doc();
      ChecklistDoc.QuotaDoc quota = doc.quotas().get(q);
      Map<String, Group> groups = new TreeMap<>();
      String parentType = packVocabulary(packId).get(doc.subjectType()) == null ? null
          : packVocabulary(packId).get(doc.subjectType()).parent();
      for (Quotas.Member member : members) {
        if (quota.groupBy() == null) {
          String unitId = unitOf(member.subjectId);
          String parent = unitId == null ? "" : unitId;
          groups.computeIfAbsent(parent, k -> new Group(new ArrayList<>(), parent.isEmpty() ? "" : "'" + parent + "'",
              parent.isEmpty() ? null : parent)).members().add(member);
          continue;
        }
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        String unitId = null;
        String missing = null;
        for (ChecklistDoc.GroupKeyDoc groupKey : quota.groupBy()) {
          String value = groupKey.ancestor() != null ? ancestorOf(packId, member.subjectId, groupKey.ancestor())
              : attributeOf(packId, member.subjectId, groupKey.attribute());
          if (value == null) {
            missing = groupKey.ancestor() != null ? "ancestor '" + groupKey.ancestor() + "'"
                : "attribute '" + groupKey.attribute() + "'";
            break;
          }
          values.add(value);
          labels.add((groupKey.ancestor() != null ? groupKey.ancestor() : groupKey.attribute()) + " '" + value + "'");
          if (groupKey.ancestor() != null && groupKey.ancestor().equals(parentType)) {
            unitId = value;
          }
        }
        if (missing != null) {
          Quotas.ungrouped(doc, q, member, missing);
          continue;
        }
        String parent = unitId;
        groups.computeIfAbsent(String.join("\u0000", values),
            k -> new Group(new ArrayList<>(), String.join(", ", labels), parent)).members().add(member);
      }
      Cond override = list.quotaOverrides().get(q);
      Cond base = list.quotaBases().get(q);
      Semantics.TriCondition where = base == null ? null : Semantics.tri(base, doc.subjectType(), layout);
      String baseText = quota.base() == null ? null : ChecklistDescriptions.flow(quota.base().where());
      Stage judged = stageOf(packId);
      EvalContext ctx = judged == null ? null : judged.ctx();
      for (Group group : groups.values()) {
        SubjectFact unit = group.unitId() == null ? null : factFor(group.unitId(), packId);
        boolean overridden = override != null && unit != null
            && layout.isParentType(doc.subjectType(), unit.type)
            && Semantics.tri(override, unit.type, layout).eval(unit, ctx) == Semantics.TRUE;
        Quotas.apply(doc, q, group.members(), group.label(), overridden, member -> {
          if (where == null) {
            return true;
          }
          SubjectFact fact = factFor(member.subjectId, packId);
          return fact != null && where.eval(fact, ctx) == Semantics.TRUE;
        }, baseText);
      }
    }

    private Map<String, vn.conduct.rules.internal.model.SubjectTypeDoc> packVocabulary(String packId) {
      for (int v = 0; v < packs.size(); v++) {
        if (run.active(v) && packs.get(v).id().equals(packId)) {
          return packs.get(v).manifest().vocabulary().subjectTypes();
        }
      }
      return Map.of();
    }

    /**
     * The id of the nearest subject of the given type above a subject, or {@code null} if there is
     * none. A unit named as a parent but not in the request has the type its child's type declares
     * as parent.
     */
    private String ancestorOf(String packId, String subjectId, String ancestorType) {
      var types = packVocabulary(packId);
      SubjectFact at = run.stages.get(0).facts().fact(subjectId);
      String type = at == null ? null : at.type;
      String parentId = at == null ? null : at.parentId;
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (parentId != null && seen.add(parentId)) {
        SubjectFact parent = run.stages.get(0).facts().fact(parentId);
        var declared = type == null ? null : types.get(type);
        String parentType = parent != null ? parent.type : declared == null ? null : declared.parent();
        if (ancestorType.equals(parentType)) {
          return parentId;
        }
        if (parent == null) {
          return null;
        }
        type = parent.type;
        parentId = parent.parentId;
      }
      return null;
    }

    /**
     * A subject's attribute as text, or {@code null} without a value; a value the engine refused
     * (a fact problem) is no value, as conditions read it.
     */
    private String attributeOf(String packId, String subjectId, String attribute) {
      SubjectFact fact = factFor(subjectId, packId);
      Layout.Slot slot = fact == null ? null : layout.subjectSlot(fact.type, Cond.Scope.ATTRIBUTE, attribute);
      Object value = slot == null ? null : fact.display(slot.index(), slot.type());
      return value == null ? null : String.valueOf(value);
    }

    List<Ranking> rankings() {
      Map<String, List<SubjectResult>> byChecklist = new TreeMap<>();
      for (SubjectResult result : results.values()) {
        for (ChecklistScore score : result.scores()) {
          ChecklistDoc doc = checklist(score.packId(), score.checklistId());
          if (doc.ranking() != null) {
            byChecklist.computeIfAbsent(score.packId() + "\u0000" + score.checklistId(), k -> new ArrayList<>())
                .add(result);
          }
        }
      }
      List<Ranking> rankings = new ArrayList<>();
      byChecklist.forEach((key, subjects) -> {
        String[] ids = key.split("\u0000");
        ChecklistDoc doc = checklist(ids[0], ids[1]);
        String peerAttribute = doc.ranking().peerGroup();
        Map<String, List<SubjectResult>> groups = new TreeMap<>();
        for (SubjectResult subject : subjects) {
          Object value = peerAttribute == null ? "" : subject.subject().attributes().get(peerAttribute);
          groups.computeIfAbsent(value == null ? "" : String.valueOf(value), k -> new ArrayList<>()).add(subject);
        }
        groups.forEach((group, members) -> {
          List<ChecklistScore> rated = new ArrayList<>();
          List<String> unranked = new ArrayList<>();
          Map<ChecklistScore, String> owner = new java.util.IdentityHashMap<>();
          for (SubjectResult member : members) {
            ChecklistScore score = member.scores().stream()
                .filter(s -> s.packId().equals(ids[0]) && s.checklistId().equals(ids[1])).findFirst().orElseThrow();
            boolean grouped = peerAttribute == null || member.subject().attributes().get(peerAttribute) != null;
            if (score.rated() && grouped) {
              rated.add(score);
              owner.put(score, member.subjectId());
            } else {
              unranked.add(member.subjectId());
            }
          }
          rated.sort(Comparator.comparing(ChecklistScore::score).reversed().thenComparing(owner::get));
          List<Ranking.Entry> entries = new ArrayList<>();
          for (int i = 0; i < rated.size(); i++) {
            ChecklistScore score = rated.get(i);
            int rank = i > 0 && score.score().compareTo(rated.get(i - 1).score()) == 0
                ? entries.get(i - 1).rank() : i + 1;
            entries.add(Ranking.Entry.of(rank, owner.get(score), score.score(), score.rating()));
          }
          unranked.sort(null);
          rankings.add(Ranking.of(ids[0], ids[1], group, entries, unranked));
        });
      });
      return rankings;
    }

    List<SubjectResult> withRollUps() {
      Map<String, List<SubjectResult>> members = new HashMap<>();
      for (SubjectResult result : results.values()) {
        String parent = unitOf(result.subjectId());
        if (parent != null && results.containsKey(parent)) {
          members.computeIfAbsent(parent, k -> new ArrayList<>()).add(result);
        }
      }
      List<SubjectResult> ordered = new ArrayList<>();
      for (SubjectResult result : results.values()) {
        List<SubjectResult> own = members.get(result.subjectId());
        if (own == null) {
          ordered.add(result);
          continue;
        }
        Map<String, List<ChecklistScore>> byChecklist = new TreeMap<>();
        Map<String, Map<String, Integer>> failuresByPack = new TreeMap<>();
        for (SubjectResult member : own) {
          for (ChecklistScore score : member.scores()) {
            byChecklist.computeIfAbsent(score.packId() + "\u0000" + score.checklistId(), k -> new ArrayList<>()).add(score);
          }
          for (Finding finding : member.findings()) {
            if (finding.outcome() == Outcome.FAIL) {
              failuresByPack.computeIfAbsent(finding.rule().packId(), k -> new TreeMap<>())
                  .merge(finding.ruleId(), 1, Integer::sum);
            }
          }
        }
        List<RollUp> rollUps = new ArrayList<>();
        byChecklist.forEach((key, scores) -> {
          String[] ids = key.split("\u0000");
          ChecklistDoc doc = checklist(ids[0], ids[1]);
          Map<String, Integer> distribution = Quotas.emptyDistribution(doc);
          BigDecimal total = BigDecimal.ZERO;
          int rated = 0;
          for (ChecklistScore score : scores) {
            if (score.rated()) {
              rated++;
              total = total.add(score.score());
              distribution.merge(score.rating(), 1, Integer::sum);
            }
          }
          BigDecimal average = rated == 0 ? null
              : total.divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP).stripTrailingZeros();
          if (average != null && average.scale() < 0) {
            average = average.setScale(0);
          }
          rollUps.add(RollUp.of(ids[0], ids[1], scores.size(), rated, average, distribution,
              checklistFailures(doc, failuresByPack.getOrDefault(ids[0], Map.of()))));
        });
        ordered.add(SubjectResult.of(result.subject(), result.findings(), result.scores(), rollUps));
      }
      return ordered;
    }
  }

  /**
   * Evaluates the request twice, through the compiled rules and through a plain-Java reading of
   * each rule, and lists every (subject, rule) where they disagree. For tests.
   */
  List<String> crossCheck(EvaluationRequest request) {
    Run run = new Run(request);
    List<String> mismatches = new ArrayList<>();
    for (Stage stage : run.stages) {
      for (Batch batch : stage.facts().batches(BATCH_SIZE)) {
        Firings firings = new Firings(batch.facts.size(), plans.size());
        KieSession session = ruleBase.get().newKieSession();
        try {
          session.setGlobal(DroolsCompiler.SINK, firings);
          session.insert(stage.ctx());
          batch.facts.forEach(session::insert);
          batch.events.forEach(session::insert);
          session.fireAllRules();
        } finally {
          session.dispose();
        }
        for (SubjectFact fact : batch.facts) {
          for (RulePlan plan : plansByType.getOrDefault(fact.type, List.of())) {
            if (!stage.ctx().planActive[plan.index()]) {
              continue;
            }
            Outcome compiled = decide(plan, plan.neededSlots().get(fact.type), fact,
                firings.get(fact.index, plan.index()));
            Outcome reference = explainer.referenceOutcome(plan, fact, batch, stage.ctx());
            if (compiled != reference) {
              mismatches.add(fact.id + " " + plan.ref().ruleId() + ": compiled " + compiled + ", reference " + reference);
            }
          }
        }
      }
    }
    return mismatches;
  }

  /** Whether the Drools rule base has been compiled (by a first evaluation). For tests. */
  boolean compiled() {
    return ruleBase.isBuilt();
  }

  /** Sessions the KieBase still holds; zero after every evaluation. For tests. */
  int openSessions() {
    return ruleBase.isBuilt() ? ruleBase.get().getKieSessions().size() : 0;
  }
}
