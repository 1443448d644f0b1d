package vn.conduct.rules.internal.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RuleRef;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.model.SubjectTypeDoc;

/**
 * Every loaded pack version planned for evaluation, made by {@link Planner}: the packs (parameter
 * overrides applied) ordered by id then version, the fact layout, the look-back windows, one plan per
 * enabled rule, the public descriptions, and the Drools rule base, compiled when first asked for.
 *
 * <p>Immutable and safely published: every field is final and holds unmodifiable values; the rule
 * base is built once under a lock and published through a volatile field.
 */
public final class CompiledPacks {

  private final List<LoadedPack> packs;
  private final List<RulePackInfo> infos;
  private final Layout layout;
  private final Map<String, Integer> windows;
  private final List<RulePlan> plans;
  private final Map<String, TypePlans> typePlans;
  private final List<RuleInfo> ruleInfos;
  private final List<ChecklistInfo> checklistInfos;
  private final List<RuleInfo> listedRuleInfos;
  private final List<ChecklistInfo> listedChecklistInfos;
  private final RuleBase ruleBase;

  CompiledPacks(List<LoadedPack> packs, Layout layout, Map<String, Integer> windows, List<RulePlan> plans,
      DroolsCompiler compiler, List<RuleInfo> ruleInfos, List<ChecklistInfo> checklistInfos,
      List<RuleInfo> listedRuleInfos, List<ChecklistInfo> listedChecklistInfos) {
    this.listedRuleInfos = List.copyOf(listedRuleInfos);
    this.listedChecklistInfos = List.copyOf(listedChecklistInfos);
    this.packs = List.copyOf(packs);
    this.layout = layout;
    this.windows = Map.copyOf(windows);
    this.plans = List.copyOf(plans);
    this.ruleInfos = List.copyOf(ruleInfos);
    this.checklistInfos = List.copyOf(checklistInfos);
    this.ruleBase = new RuleBase(compiler);
    Map<String, List<RulePlan>> byType = new HashMap<>();
    for (RulePlan plan : plans) {
      for (String type : plan.rule().doc().appliesTo()) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(plan);
      }
    }
    Map<String, TypePlans> arrays = new HashMap<>();
    byType.forEach((type, list) -> {
      Map<RuleRef, RulePlan> byRef = new IdentityHashMap<>();
      list.forEach(plan -> byRef.put(plan.ref(), plan));
      arrays.put(type, new TypePlans(list.toArray(new RulePlan[0]),
          list.stream().map(plan -> plan.neededSlots().get(type)).toArray(int[][]::new), byRef));
    });
    this.typePlans = Map.copyOf(arrays);
    this.infos = this.packs.stream().map(p -> RulePackInfo.of(p.id(), p.manifest().version(), p.manifest().title(),
        p.manifest().jurisdiction(), p.manifest().effective() == null ? null : p.manifest().effective().from(),
        p.manifest().effective() == null ? null : p.manifest().effective().until(), p.digest(), p.origin(),
        p.rules().size(), p.checklists().size()).withParameters(p.parameterInfos()))
        .map(info -> {
          LoadedPack p = this.packs.stream().filter(q -> q.id().equals(info.id())).findFirst().orElseThrow();
          return p.overlay() ? info.withBase(p.layers().get(p.layers().size() - 2).packId()) : info;
        }).toList();
  }


  /** The plans that apply to one subject type, with what they need, as arrays for the hot path. */
  public record TypePlans(RulePlan[] plans, int[][] needed, Map<RuleRef, RulePlan> byRef) {
    static final TypePlans NONE = new TypePlans(new RulePlan[0], new int[0][], Map.of());

    /** The plan of a rule reference of this type. */
    public RulePlan plan(RuleRef ref) {
      return byRef.get(ref);
    }
  }

  /** The pack versions, ordered by id then version; an index into this list is a "version". */
  public List<LoadedPack> packs() {
    return packs;
  }

  /** The public description of each pack version, in the order of {@link #packs()}. */
  public List<RulePackInfo> infos() {
    return infos;
  }

  public Layout layout() {
    return layout;
  }

  /** The look-back periods the rules use (ISO-8601 text) with their index in a session context. */
  public Map<String, Integer> windows() {
    return windows;
  }

  /** One plan per enabled rule; a plan's {@link RulePlan#index()} is its position here. */
  public List<RulePlan> plans() {
    return plans;
  }

  /** The plans that apply to a subject type (none if no rule does). */
  public TypePlans typePlans(String type) {
    return typePlans.getOrDefault(type, TypePlans.NONE);
  }

  public List<RuleInfo> ruleInfos() {
    return ruleInfos;
  }

  public List<ChecklistInfo> checklistInfos() {
    return checklistInfos;
  }

  /**
   * The rules as the engine lists them to hosts: an overlay composed with several versions of its base
   * is described once, as composed with the highest (as {@link #infos()} lists it last).
   */
  public List<RuleInfo> listedRuleInfos() {
    return listedRuleInfos;
  }

  /** The checklists as the engine lists them to hosts (see {@link #listedRuleInfos()}). */
  public List<ChecklistInfo> listedChecklistInfos() {
    return listedChecklistInfos;
  }

  /** The Drools rule base: compiled by the first call, once, then kept. */
  public KieBase ruleBase() {
    return ruleBase.get();
  }

  /** Whether the rule base has been compiled. */
  public boolean ruleBaseCompiled() {
    return ruleBase.isBuilt();
  }

  /** The checklist of a pack version, or {@code null}. */
  public LoadedPack.LoadedChecklist checklist(int version, String checklistId) {
    for (LoadedPack.LoadedChecklist list : packs.get(version).checklists()) {
      if (list.doc().id().equals(checklistId)) {
        return list;
      }
    }
    return null;
  }

  /** The subject types a pack version declares. */
  public Map<String, SubjectTypeDoc> vocabulary(int version) {
    return packs.get(version).manifest().vocabulary().subjectTypes();
  }


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
}
