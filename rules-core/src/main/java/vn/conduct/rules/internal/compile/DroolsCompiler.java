package vn.conduct.rules.internal.compile;

import static org.drools.model.DSL.accFunction;
import static org.drools.model.DSL.accumulate;
import static org.drools.model.DSL.and;
import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.globalOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.betaIndexedBy;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL.PatternDef;
import org.drools.model.Rule;
import org.drools.model.RuleItemBuilder;
import org.drools.model.Variable;
import org.drools.model.view.ViewItem;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import vn.conduct.rules.api.RuleCompilationException;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionLanguage;
import vn.conduct.rules.internal.condition.Dnf;
import vn.conduct.rules.internal.facts.EvalContext;
import vn.conduct.rules.internal.facts.EventFact;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.SubjectFact;
import vn.conduct.rules.internal.model.DataType;

/**
 * Compiles rule plans into one Drools KieBase through the executable model's Java API (pattern
 * DSL). No text from a pack is ever compiled or evaluated: each condition becomes lambdas over
 * typed constants.
 *
 * <p>Rules fire only where the answer is exceptional: FAIL (the requirement is definitely false),
 * NOT_APPLICABLE (the applicability condition is definitely false), and PASS only where evidence
 * is partly missing or an aggregate may be unknown. Every other applicable pair is a PASS when its
 * evidence is complete, and UNKNOWN otherwise.
 *
 * <p>Expression ids are derived from the whole literal (subject type, slot, truth, operator and
 * typed constants): Drools shares nodes by id, so two thresholds on one field must never share one.
 */
public final class DroolsCompiler {

  public static final String PACKAGE = "vn.conduct.rules.generated";
  public static final String SINK = "firings";

  private final Layout base;
  /** The layout as the plan being added reads it: {@link Layout#forMethods} its accepted methods. */
  private Layout layout;
  /** What sets the plan's expressions apart when it accepts only some methods ("" otherwise). */
  private String methodTag = "";
  private final Map<String, Integer> windows;
  private final Map<String, Integer> alphaIndexIds = new HashMap<>();
  private final Global<Firings> sink = globalOf(Firings.class, PACKAGE, SINK);
  private final List<Rule> rules = new ArrayList<>();

  /**
   * @param layout field slots
   * @param windows look-back windows by ISO period text, to index {@link EvalContext#windowStart}
   */
  public DroolsCompiler(Layout layout, Map<String, Integer> windows) {
    this.base = layout;
    this.layout = layout;
    this.windows = windows;
  }

  /** Adds one plan's Drools rules. */
  public void add(RulePlan plan) {
    layout = base.forMethods(plan.methods());
    methodTag = plan.methods().isEmpty() ? "" : "|methods=" + plan.methods();
    try {
      for (String type : plan.rule().doc().appliesTo()) {
        List<List<Dnf.Literal>> applicable = plan.when() == null ? List.of(List.of()) : Dnf.whenTrue(plan.when());
        List<List<Dnf.Literal>> fail = join(applicable, Dnf.whenFalse(plan.requirement()));
        addBranches(plan, type, "fail", fail, RulePlan.FAIL, null);
        int[] needed = plan.neededSlots().getOrDefault(type, new int[0]);
        if (plan.proofRequired()) {
          addBranches(plan, type, "pass", join(applicable, Dnf.whenTrue(plan.requirement())), RulePlan.PASS, null);
        } else if (needed.length > 0) {
          addBranches(plan, type, "pass", join(applicable, Dnf.whenTrue(plan.requirement())), RulePlan.PASS, needed);
        }
        if (plan.when() != null) {
          addBranches(plan, type, "na", Dnf.whenFalse(plan.when()), RulePlan.NOT_APPLICABLE, null);
        }
      }
    } catch (RuntimeException e) {
      throw new RuleCompilationException("Cannot compile rule '" + plan.ref().ruleId() + "' of pack '"
          + plan.ref().packId() + "' " + plan.ref().packVersion() + " (" + plan.rule().file() + "): " + e, e);
    }
  }

  /** Builds the KieBase. */
  public KieBase build() {
    Model model = new ModelImpl().addGlobal(sink);
    ModelImpl impl = (ModelImpl) model;
    rules.forEach(impl::addRule);
    try {
      return KieBaseBuilder.createKieBaseFromModel(model);
    } catch (RuntimeException e) {
      throw new RuleCompilationException("Drools could not build the rule base: " + e, e);
    }
  }

  public int ruleCount() {
    return rules.size();
  }

  private static List<List<Dnf.Literal>> join(List<List<Dnf.Literal>> left, List<List<Dnf.Literal>> right) {
    List<List<Dnf.Literal>> result = new ArrayList<>();
    for (List<Dnf.Literal> l : left) {
      for (List<Dnf.Literal> r : right) {
        List<Dnf.Literal> both = new ArrayList<>(l);
        both.addAll(r);
        result.add(both);
      }
    }
    return result;
  }

  private void addBranches(RulePlan plan, String type, String kind, List<List<Dnf.Literal>> branches,
      byte flag, int[] missingAny) {
    for (int b = 0; b < branches.size(); b++) {
      String name = plan.version() + "/" + plan.ref().ruleId() + "/" + type + "/" + kind + "/" + b;
      rules.add(buildRule(name, plan, type, branches.get(b), flag, missingAny));
    }
  }

  private Rule buildRule(String name, RulePlan plan, String type, List<Dnf.Literal> literals, byte flag,
      int[] missingAny) {
    Variable<EvalContext> ctx = declarationOf(EvalContext.class, "ctx");
    Variable<SubjectFact> subject = declarationOf(SubjectFact.class, "s");
    List<RuleItemBuilder<?>> items = new ArrayList<>();
    int planIndex = plan.index();
    items.add(pattern(ctx).expr("active:" + planIndex, c -> c.planActive[planIndex]));
    PatternDef<SubjectFact> subjectPattern = pattern(subject)
        .expr("type:" + type, s -> type.equals(s.type),
            alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, alphaIndex("subject.type"), s -> s.type, type));
    if (missingAny != null) {
      // first after the type, so that rules reading the same fields share this node
      int[] slots = missingAny.clone();
      subjectPattern.expr("missing-any:" + type + ":" + java.util.Arrays.toString(slots), s -> {
        for (int slot : slots) {
          if (!s.present[slot]) {
            return true;
          }
        }
        return false;
      });
    }
    List<Dnf.Literal> aggregates = new ArrayList<>();
    List<Dnf.Literal> measures = new ArrayList<>();
    for (Dnf.Literal literal : literals) {
      if (literal.atom() instanceof Cond.Compare compare) {
        addOwnLiteral(subjectPattern, type, compare, literal.truth());
      } else if (literal.atom() instanceof Cond.Measure) {
        measures.add(literal);
      } else {
        aggregates.add(literal);
      }
    }
    for (Dnf.Literal literal : measures) {
      // after the own fields: the dates of the evaluation come from the context, a join
      Cond.Measure measure = (Cond.Measure) literal.atom();
      Semantics.TriCondition test = Semantics.measure(measure, type, layout);
      int wanted = literal.truth() ? Semantics.TRUE : Semantics.FALSE;
      subjectPattern.expr("measure:" + type + ":" + literal.truth() + ":" + measure + methodTag, ctx,
          (s, c) -> test.eval(s, c) == wanted);
    }
    items.add(subjectPattern);
    for (Dnf.Literal literal : aggregates) {
      addAggregate(items, ctx, subject, type, (Cond.Aggregate) literal.atom(), literal.truth());
    }
    int ruleIndex = plan.index();
    items.add(on(sink, subject).execute((firings, s) -> firings.record(s.index, ruleIndex, flag)));
    return rule(PACKAGE, name).build(items.toArray(new RuleItemBuilder<?>[0]));
  }

  private int alphaIndex(String key) {
    return alphaIndexIds.computeIfAbsent(key, k -> alphaIndexIds.size() + 1);
  }

  private void addOwnLiteral(PatternDef<SubjectFact> pattern, String type, Cond.Compare compare, boolean truth) {
    int s = layout.slot(type, compare.field()).index();
    String id = "own:" + type + ":" + s + ":" + truth + ":" + compare.op().key + ":" + constants(compare.operands());
    ConditionLanguage.FieldTest test = Semantics.fieldTest(compare, type, layout);
    int wanted = truth ? Semantics.TRUE : Semantics.FALSE;
    if (truth && compare.op().isEquality() && compare.field().type() == DataType.STRING) {
      String value = (String) compare.operands().get(0).constant();
      pattern.expr(id, f -> test.eval(f) == wanted,
          alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, alphaIndex(type + ":" + s),
              f -> f.present[s] ? f.str[s] : null, value));
    } else {
      pattern.expr(id, f -> test.eval(f) == wanted);
    }
  }

  private void addAggregate(List<RuleItemBuilder<?>> items, Variable<EvalContext> ctx,
      Variable<SubjectFact> subject, String type, Cond.Aggregate agg, boolean truth) {
    Variable<Object> code = declarationOf(Object.class, "code");
    Variable<Stats> stats = declarationOf(Stats.class, "stats");
    String aggId = canonical(agg) + methodTag;
    items.add(accumulate(source(agg, subject, ctx, code, ""),
        accFunction(StatsAccumulateFunction::new, code).as(stats)));
    ConditionLanguage.Aggregation function = agg.agg();
    ConditionLanguage.Operator op = agg.op();
    int wanted = truth ? Semantics.TRUE : Semantics.FALSE;
    if (agg.operands().stream().anyMatch(o -> o.date() != null)) {
      items.add(pattern(stats).expr("aggregate:" + type + ":" + truth + ":" + aggId, ctx,
          (st, c) -> st.truth(function, op, Semantics.constants(agg, c)) == wanted));
    } else {
      ConditionLanguage.Constants constants = Semantics.constants(agg);
      items.add(pattern(stats).expr("aggregate:" + type + ":" + truth + ":" + aggId,
          st -> st.truth(function, op, constants) == wanted));
    }
  }

  /**
   * What an aggregate accumulates for a subject: its elements, each binding {@code code} to what it
   * adds ({@link Semantics#elementCode}). {@code suffix} keeps the variables of a nested aggregate apart.
   */
  private ViewItem<?> source(Cond.Aggregate agg, Variable<SubjectFact> subject, Variable<EvalContext> ctx,
      Variable<Object> code, String suffix) {
    boolean filterFalse = !agg.agg().keepsNonMatching() && agg.where() != null;
    boolean timed = Semantics.timed(agg.where());
    if (agg.over() == Cond.Over.EVENTS) {
      Variable<EventFact> event = declarationOf(EventFact.class, "e" + suffix);
      Set<String> types = new LinkedHashSet<>(agg.eventTypes());
      Map<String, Semantics.ElementCode> codes = new HashMap<>();
      Map<String, Semantics.TriCondition> wheres = new HashMap<>();
      for (String eventType : types) {
        codes.put(eventType, Semantics.elementCode(agg, eventType, layout));
        wheres.put(eventType, Semantics.tri(agg.where(), eventType, layout));
      }
      PatternDef<EventFact> events = pattern(event);
      if (types.size() == 1) {
        String only = types.iterator().next();
        events.expr("event.type:" + only, e -> only.equals(e.type),
            alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, alphaIndex("event.type"), e -> e.type, only));
      } else {
        events.expr("event.types:" + types, e -> types.contains(e.type));
      }
      if (agg.verifiedOnly()) {
        events.expr("event.verified", e -> e.verified);
      }
      if (!layout.methods().isEmpty()) {
        Layout accepting = layout;
        events.expr("event.methods:" + layout.methods(), e -> accepting.accepts(e.method));
      }
      if (filterFalse && timed) {
        events.expr("event.where-not-false:" + types + ":" + agg.where(), ctx,
            (e, c) -> wheres.get(e.type).eval(e, c) != Semantics.FALSE);
      } else if (filterFalse) {
        events.expr("event.where-not-false:" + types + ":" + agg.where(),
            e -> wheres.get(e.type).eval(e) != Semantics.FALSE);
      }
      int window = windowIndex(agg.window());
      events.expr("event.window:" + agg.window().label(), ctx, (e, c) -> c.inWindow(window, e.day, e.recorded));
      if (timed) {
        events.bind(code, ctx, (e, c) -> codes.get(e.type).apply(e, c));
      } else {
        events.bind(code, e -> codes.get(e.type).apply(e, null));
      }
      if (agg.reach() == ConditionLanguage.Reach.SELF) {
        events.expr("event.subject" + suffix, subject, (e, s) -> e.subjectId.equals(s.id),
            betaIndexedBy(String.class, Index.ConstraintType.EQUAL, 1, e -> e.subjectId, s -> s.id));
        return events;
      } else {
        // the events of the members or descendants: each reached subject joined with its events
        Variable<SubjectFact> owner = declarationOf(SubjectFact.class, "o" + suffix);
        PatternDef<SubjectFact> owners = reached(owner, subject, agg.reach(), agg.memberType(), suffix);
        events.expr("event.owner" + suffix, owner, (e, o) -> e.subjectId.equals(o.id),
            betaIndexedBy(String.class, Index.ConstraintType.EQUAL, 1, e -> e.subjectId, o -> o.id));
        return and(owners, events);
      }
    }
    Variable<SubjectFact> member = declarationOf(SubjectFact.class, "m" + suffix);
    String memberType = agg.memberType();
    PatternDef<SubjectFact> members = pattern(member)
        .expr("type:" + memberType, m -> memberType.equals(m.type),
            alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, alphaIndex("subject.type"), m -> m.type, memberType));
    Cond.Aggregate nested = Semantics.nestedAggregate(agg.where());
    if (nested != null) {
      // one level of nesting: each member joined with the tally of its own aggregate
      reach(members, subject, agg.reach(), suffix);
      Variable<Object> innerCode = declarationOf(Object.class, "code" + suffix + "i");
      Variable<Stats> inner = declarationOf(Stats.class, "stats" + suffix + "i");
      Semantics.NestedCondition where = Semantics.nested(agg.where(), memberType, layout);
      Semantics.TermReader of = agg.of() == null ? null : Semantics.reader(agg.of(), memberType, layout);
      return and(members,
          accumulate(source(nested, member, ctx, innerCode, suffix + "i"),
              accFunction(StatsAccumulateFunction::new, innerCode).as(inner)),
          pattern(inner).bind(code, member, ctx, (st, m, c) -> Semantics.element(agg, where.eval(m, c, st), m, c, of)));
    }
    Semantics.ElementCode elementCode = Semantics.elementCode(agg, memberType, layout);
    Semantics.TriCondition where = Semantics.tri(agg.where(), memberType, layout);
    if (filterFalse && timed) {
      members.expr("member.where-not-false:" + memberType + ":" + agg.where() + methodTag, ctx,
          (m, c) -> where.eval(m, c) != Semantics.FALSE);
    } else if (filterFalse) {
      members.expr("member.where-not-false:" + memberType + ":" + agg.where() + methodTag,
          m -> where.eval(m) != Semantics.FALSE);
    }
    reach(members, subject, agg.reach(), suffix);
    if (timed) {
      members.bind(code, ctx, (m, c) -> elementCode.apply(m, c));
    } else {
      members.bind(code, m -> elementCode.apply(m, null));
    }
    return members;
  }

  /** The subjects of a type an aggregate reaches from the subject: its members or its descendants. */
  private PatternDef<SubjectFact> reached(Variable<SubjectFact> variable, Variable<SubjectFact> subject,
      ConditionLanguage.Reach reach, String type, String suffix) {
    PatternDef<SubjectFact> reached = pattern(variable).expr("type:" + type, m -> type.equals(m.type),
        alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, alphaIndex("subject.type"), m -> m.type, type));
    reach(reached, subject, reach, suffix);
    return reached;
  }

  /** Constrains subjects to those a reach takes from the subject. */
  private static void reach(PatternDef<SubjectFact> reached, Variable<SubjectFact> subject,
      ConditionLanguage.Reach reach, String suffix) {
    switch (reach) {
      case MEMBERS -> reached.expr("member.parent" + suffix, subject, (m, s) -> s.id.equals(m.parentId),
          betaIndexedBy(String.class, Index.ConstraintType.EQUAL, 2, m -> m.parentId, s -> s.id));
      case DESCENDANTS -> reached.expr("descendant.of" + suffix, subject, (m, s) -> m.descendsFrom(s.id));
      case SELF -> throw new IllegalArgumentException("a subject does not reach itself as a member");
    }
  }

  /** The window's index in {@link EvalContext#inWindow}. */
  private int windowIndex(Cond.Window window) {
    return switch (window.kind()) {
      case PERIOD -> -1;
      case ALL -> -2;
      case LOOK_BACK -> windows.get(window.lookBack().toString());
    };
  }

  private static String constants(List<Cond.Operand> operands) {
    StringBuilder text = new StringBuilder("[");
    for (Cond.Operand operand : operands) {
      Object value = operand.date() != null ? operand.date() : operand.constant();
      text.append(value.getClass().getSimpleName()).append('=').append(value).append(';');
    }
    return text.append(']').toString();
  }

  static String canonical(Cond.Aggregate agg) {
    return agg.agg() + "|" + agg.over() + "|" + agg.reach() + "|" + agg.eventTypes() + "|" + agg.memberType() + "|"
        + agg.verifiedOnly() + "|" + agg.window().label() + "|" + agg.where() + "|" + agg.of() + "|"
        + agg.op() + "|" + constants(agg.operands());
  }
}
