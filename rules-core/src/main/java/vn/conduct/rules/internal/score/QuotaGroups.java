package vn.conduct.rules.internal.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.internal.compile.ChecklistDescriptions;
import vn.conduct.rules.internal.compile.Semantics;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.facts.EvalContext;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.SubjectFact;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.model.ChecklistDoc;
import vn.conduct.rules.internal.model.SubjectTypeDoc;

/**
 * Applies each checklist's quotas (rule-pack-format.md §10) to the groups its {@code group-by} makes: by
 * default the members of one parent unit, parentless subjects forming one group; otherwise by ancestors
 * and attributes. The quotas of a checklist are applied in their order (best band first).
 */
public final class QuotaGroups {

  private final Judged judged;

  private QuotaGroups(Judged judged) {
    this.judged = judged;
  }

  /** Replaces, in {@code results}, every score a quota changes. */
  public static void apply(Judged judged, Map<String, SubjectResult> results) {
    new QuotaGroups(judged).applyAll(results);
  }

  private void applyAll(Map<String, SubjectResult> results) {
    Map<String, List<Quotas.Member>> byChecklist = new TreeMap<>();
    for (SubjectResult result : results.values()) {
      for (ChecklistScore score : result.scores()) {
        if (!judged.checklist(score.packId(), score.checklistId()).doc().quotas().isEmpty()) {
          byChecklist.computeIfAbsent(score.packId() + "\u0000" + score.checklistId(), k -> new ArrayList<>())
              .add(new Quotas.Member(result.subjectId(), score));
        }
      }
    }
    byChecklist.forEach((key, members) -> {
      String[] ids = key.split("\u0000");
      LoadedPack.LoadedChecklist list = judged.checklist(ids[0], ids[1]);
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
    SubjectTypeDoc ownType = judged.vocabulary(packId).get(doc.subjectType());
    String parentType = ownType == null ? null : ownType.parent();
    for (Quotas.Member member : members) {
      if (quota.groupBy() == null) {
        String unitId = judged.unitOf(member.subjectId);
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
    Layout layout = judged.layout();
    Cond override = list.quotaOverrides().get(q);
    Cond base = list.quotaBases().get(q);
    Semantics.TriCondition where = base == null ? null : Semantics.tri(base, doc.subjectType(), layout);
    String baseText = quota.base() == null ? null : ChecklistDescriptions.flow(quota.base().where());
    EvalContext ctx = judged.context(packId);
    for (Group group : groups.values()) {
      SubjectFact unit = group.unitId() == null ? null : judged.fact(group.unitId(), packId);
      boolean overridden = override != null && unit != null
          && layout.isParentType(doc.subjectType(), unit.type)
          && Semantics.tri(override, unit.type, layout).eval(unit, ctx) == Semantics.TRUE;
      Quotas.apply(doc, q, group.members(), group.label(), overridden, member -> {
        if (where == null) {
          return true;
        }
        SubjectFact fact = judged.fact(member.subjectId, packId);
        return fact != null && where.eval(fact, ctx) == Semantics.TRUE;
      }, baseText);
    }
  }

  /**
   * The id of the nearest subject of the given type above a subject, or {@code null} if there is
   * none. A unit named as a parent but not in the request has the type its child's type declares
   * as parent.
   */
  private String ancestorOf(String packId, String subjectId, String ancestorType) {
    Map<String, SubjectTypeDoc> types = judged.vocabulary(packId);
    SubjectFact at = judged.structure(subjectId);
    String type = at == null ? null : at.type;
    String parentId = at == null ? null : at.parentId;
    Set<String> seen = new HashSet<>();
    while (parentId != null && seen.add(parentId)) {
      SubjectFact parent = judged.structure(parentId);
      SubjectTypeDoc declared = type == null ? null : types.get(type);
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
    SubjectFact fact = judged.fact(subjectId, packId);
    Layout.Slot slot = fact == null ? null : judged.layout().subjectSlot(fact.type, Cond.Scope.ATTRIBUTE, attribute);
    Object value = slot == null ? null : fact.display(slot.index(), slot.type());
    return value == null ? null : String.valueOf(value);
  }
}
