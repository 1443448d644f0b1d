package vn.conduct.rules.internal.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.Citation;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RuleKind;
import vn.conduct.rules.api.RuleRef;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionLanguage;
import vn.conduct.rules.internal.condition.ConditionWords;
import vn.conduct.rules.internal.facts.HostValues;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.load.PackLoader;
import vn.conduct.rules.internal.model.DataType;
import vn.conduct.rules.internal.model.PackDoc;
import vn.conduct.rules.internal.model.ParameterDoc;
import vn.conduct.rules.internal.model.RuleDoc;
import vn.conduct.rules.internal.model.SourceDoc;

/**
 * The compile stage's one door: turns validated, loaded packs and the host's parameter overrides into
 * {@link CompiledPacks}. It resolves parameters, negates prohibitions, works out the evidence each
 * rule needs per subject type and the look-back windows, hands every plan to the Drools compiler (which
 * compiles when the rule base is first needed) and describes rules and checklists for the API.
 */
public final class Planner {

  private Planner() {
  }

  /**
   * Plans every pack version.
   *
   * @param loaded the validated pack versions, in any order
   * @param overrides parameter values by pack id, then parameter name
   * @throws IllegalStateException if an override names a parameter the pack does not declare
   * @throws IllegalArgumentException if an override's value is not of the parameter's type
   */
  public static CompiledPacks plan(List<LoadedPack> loaded, Map<String, Map<String, Object>> overrides) {
    List<LoadedPack> packs = new ArrayList<>(loaded);
    packs.sort(Comparator.comparing(LoadedPack::id).thenComparing(LoadedPack::version));
    List<Map<String, Object>> parameters = new ArrayList<>();
    for (int v = 0; v < packs.size(); v++) {
      Map<String, Object> given = overrides.getOrDefault(packs.get(v).id(), Map.of());
      Map<String, Object> values = parameters(packs.get(v), given);
      if (!given.isEmpty()) {
        packs.set(v, PackLoader.withParameters(packs.get(v), values, given.keySet()));
      }
      parameters.add(values);
    }
    Layout layout = Layout.of(packs);
    Map<String, Integer> windows = new LinkedHashMap<>();
    List<RulePlan> plans = new ArrayList<>();
    List<RuleInfo> rules = new ArrayList<>();
    List<ChecklistInfo> checklists = new ArrayList<>();
    // an overlay composed with several base versions is described by one composition: the last (highest base)
    Map<String, Integer> listed = new HashMap<>();
    for (int v = 0; v < packs.size(); v++) {
      listed.put(packs.get(v).id() + "@" + packs.get(v).manifest().version(), v);
    }
    List<RuleInfo> listedRules = new ArrayList<>();
    List<ChecklistInfo> listedChecklists = new ArrayList<>();
    for (int v = 0; v < packs.size(); v++) {
      LoadedPack pack = packs.get(v);
      Map<String, Object> values = parameters.get(v);
      for (LoadedPack.LoadedRule rule : pack.rules()) {
        if (rule.enabled()) {
          plans.add(plan(plans.size(), v, pack, rule, values, layout, windows));
        }
      }
      boolean described = listed.get(pack.id() + "@" + pack.manifest().version()) == v;
      pack.rules().stream().sorted(Comparator.comparing(r -> r.doc().id())).forEach(rule -> {
        RuleInfo info = describe(pack, rule, values);
        rules.add(info);
        if (described) {
          listedRules.add(info);
        }
      });
      pack.checklists().stream().sorted(Comparator.comparing(c -> c.doc().id())).forEach(checklist -> {
        ChecklistInfo info = ChecklistDescriptions.describe(pack, checklist.doc());
        checklists.add(info);
        if (described) {
          listedChecklists.add(info);
        }
      });
    }
    DroolsCompiler compiler = new DroolsCompiler(layout, windows);
    plans.forEach(compiler::add);
    return new CompiledPacks(packs, layout, windows, plans, compiler, rules, checklists, listedRules,
        listedChecklists);
  }

  private static RulePlan plan(int index, int version, LoadedPack pack, LoadedPack.LoadedRule rule,
      Map<String, Object> parameters, Layout layout, Map<String, Integer> windows) {
    Cond when = Semantics.resolve(rule.when(), parameters);
    Cond condition = Semantics.resolve(rule.condition(), parameters);
    Cond requirement = rule.doc().kind() == RuleKind.PROHIBITION ? new Cond.Not(condition) : condition;
    collectWindows(when, windows);
    collectWindows(requirement, windows);
    Map<String, int[]> needed = new HashMap<>();
    java.util.Set<String> methods = rule.doc().methods();
    Layout view = layout.forMethods(methods);
    for (String type : rule.doc().appliesTo()) {
      TreeSet<Integer> slots = new TreeSet<>();
      ownSlots(when, type, view, slots);
      ownSlots(requirement, type, view, slots);
      needed.put(type, slots.stream().mapToInt(Integer::intValue).toArray());
    }
    boolean proof = mayBeUnknown(when) || mayBeUnknown(requirement);
    return new RulePlan(index, version, rule, ref(pack, rule.doc()), when, requirement, needed, proof, methods);
  }

  private static RuleInfo describe(LoadedPack pack, LoadedPack.LoadedRule rule, Map<String, Object> parameters) {
    Cond condition = Semantics.resolve(rule.condition(), parameters);
    List<RuleInfo.Threshold> thresholds = new ArrayList<>();
    thresholds(condition, true, thresholds);
    return RuleInfo.of(ref(pack, rule.doc()), rule.doc().description(), rule.doc().appliesTo(),
        rule.enabled(), rule.when() != null, rule.doc().evidence(), thresholds,
        ConditionWords.of(rule.condition(), parameters), ConditionWords.of(rule.when(), parameters),
        rule.doc().effective() == null ? null : rule.doc().effective().from(),
        rule.doc().effective() == null ? null : rule.doc().effective().until());
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
        && compare.field().type() == DataType.NUMBER
        && compare.operands().stream().allMatch(o -> o.constant() instanceof Number)) {
      into.add(RuleInfo.Threshold.of(compare.field().scope() == Cond.Scope.INDICATOR ? "indicator" : "attribute",
          compare.field().name(), compare.op().key,
          compare.operands().stream().map(o -> decimal((Number) o.constant())).toList(), whole));
    }
  }

  private static BigDecimal decimal(Number number) {
    BigDecimal value = new BigDecimal(number.toString()).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /** A pack's parameter values: its defaults with the host's overrides, each read as its declared type. */
  private static Map<String, Object> parameters(LoadedPack pack, Map<String, Object> overrides) {
    return parameters(pack.manifest(), pack.parameterDefaults(), overrides);
  }

  /**
   * A pack's parameter values from its manifest and parameter defaults: the defaults with the host's
   * overrides, each read as its declared type; also for listing packs without loading them.
   *
   * @throws IllegalStateException if an override names no parameter of the pack
   * @throws IllegalArgumentException if an override's value is not of its parameter's type
   */
  public static Map<String, Object> parameters(PackDoc manifest, Map<String, Object> defaults,
      Map<String, Object> overrides) {
    Map<String, Object> values = new HashMap<>(defaults);
    overrides.forEach((name, value) -> {
      ParameterDoc doc = manifest.parameters().get(name);
      if (doc == null) {
        throw new IllegalStateException("Pack '" + manifest.id() + "' has no parameter '" + SafeText.line(name)
            + "' [Hint: its parameters are " + new TreeSet<>(manifest.parameters().keySet()) + "]");
      }
      Object converted;
      try {
        converted = HostValues.convert(value, doc.type());
      } catch (RuntimeException e) {
        converted = null;
      }
      if (converted == null) {
        throw new IllegalArgumentException("Parameter '" + SafeText.line(name) + "' of pack '" + manifest.id() + "' is a "
            + doc.type().label() + ", but was given '" + HostValues.shown(value) + "'");
      }
      values.put(name, converted instanceof Double d ? HostValues.decimal(value, d) : converted);
    });
    return values;
  }

  /** What reports say about a rule: its pack version, id, titles, kind, severity, citation and tags. */
  private static RuleRef ref(LoadedPack pack, RuleDoc rule) {
    SourceDoc source = pack.manifest().sources().get(rule.source().document());
    Citation citation = Citation.of(rule.source().document(), source == null ? null : source.number(),
        rule.source().article(), rule.source().clause(), rule.source().basis(), rule.source().note());
    RuleRef ref = RuleRef.of(pack.id(), pack.manifest().version(), rule.id(), rule.title(), rule.kind(),
        rule.severity(), citation, rule.tags());
    return pack.overlay() ? ref.withLayer(pack.layerOf("rule:" + rule.id()).key()) : ref;
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
}
