package vn.conduct.rules.internal.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.RollUp;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.internal.model.ChecklistDoc;

/**
 * Roll-ups (report-format.md): for each unit in the evaluation, per checklist its direct members are
 * scored on, how many were scored and rated, their average score, the distribution of their ratings and
 * how many times they failed each rule the checklist scores or vetoes on.
 */
public final class RollUps {

  private RollUps() {
  }

  /** The results in id order, each unit's with its roll-ups attached. */
  public static List<SubjectResult> attach(Judged judged, Map<String, SubjectResult> results) {
    Map<String, List<SubjectResult>> members = new HashMap<>();
    for (SubjectResult result : results.values()) {
      String parent = judged.unitOf(result.subjectId());
      if (parent != null && results.containsKey(parent)) {
        members.computeIfAbsent(parent, k -> new ArrayList<>()).add(result);
      }
    }
    List<SubjectResult> ordered = new ArrayList<>(results.size());
    for (SubjectResult result : new TreeMap<>(results).values()) {
      List<SubjectResult> own = members.get(result.subjectId());
      ordered.add(own == null ? result
          : SubjectResult.of(result.subject(), result.findings(), result.scores(), rollUps(judged, own)));
    }
    return ordered;
  }

  private static List<RollUp> rollUps(Judged judged, List<SubjectResult> own) {
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
      ChecklistDoc doc = judged.checklist(ids[0], ids[1]).doc();
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
    return rollUps;
  }

  /** The members' failures of the rules a checklist scores or vetoes on, by rule id. */
  private static Map<String, Integer> checklistFailures(ChecklistDoc doc, Map<String, Integer> failures) {
    Set<String> rules = new HashSet<>();
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
}
