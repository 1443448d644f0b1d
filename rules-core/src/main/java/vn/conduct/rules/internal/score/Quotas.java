package vn.conduct.rules.internal.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.internal.model.ChecklistDoc;

/**
 * Applies share quotas to the members of one unit: at most {@code max-percent} % of them (or of
 * the holders of another band) may hold a band; beyond that, the lowest scores are lowered to the
 * next band, ties broken by subject id (later ids first), and each lowering is stated.
 */
public final class Quotas {

  private Quotas() { }

  /** A member's score, by subject id; replaced in place when lowered. */
  public static final class Member {
    public final String subjectId;
    public ChecklistScore score;

    public Member(String subjectId, ChecklistScore score) {
      this.subjectId = subjectId;
      this.score = score;
    }
  }

  /**
   * @param members the unit's members scored on the checklist
   * @param unitId the unit's id, for messages ({@code ""} if the members have no unit)
   * @param overrideApplies whether each quota's override condition holds for the unit
   */
  public static void apply(ChecklistDoc list, List<Member> members, String unitId,
      Predicate<Integer> overrideApplies) {
    Map<String, Long> before = new java.util.HashMap<>();
    members.stream().filter(m -> m.score.rated() && m.score.rating() != null)
        .forEach(m -> before.merge(m.score.rating(), 1L, Long::sum));
    for (int q = 0; q < list.quotas().size(); q++) {
      ChecklistDoc.QuotaDoc quota = list.quotas().get(q);
      BigDecimal percent = quota.maxPercent();
      if (quota.override() != null && overrideApplies.test(q)) {
        percent = quota.override().maxPercent();
      }
      List<Member> rated = members.stream().filter(m -> m.score.rated()).toList();
      long base = quota.of() == null ? rated.size() : before.getOrDefault(quota.of(), 0L);
      int allowed = percent.multiply(BigDecimal.valueOf(base)).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
          .intValue();
      List<Member> holders = new ArrayList<>(rated.stream().filter(m -> quota.band().equals(m.score.rating())).toList());
      if (holders.size() <= allowed) {
        continue;
      }
      holders.sort(Comparator.comparing((Member m) -> m.score.score()).reversed()
          .thenComparing(m -> m.subjectId));
      BigDecimal cut = holders.get(allowed).score.score();
      List<Member> lowered = holders.stream().filter(m -> m.score.score().compareTo(cut) <= 0).toList();
      boolean tie = allowed > 0 && holders.get(allowed - 1).score.score().compareTo(cut) == 0;
      int bandIndex = Scorer.bandIndex(list, quota.band());
      String lowerTo = list.bands().get(bandIndex + 1).id();
      String baseVi = quota.of() == null ? base + " thành viên được xếp loại" : base + " người loại " + quota.of();
      String baseEn = quota.of() == null ? base + " rated members" : base + " holders of " + quota.of();
      String unit = unitId.isEmpty() ? "" : " '" + unitId + "'";
      for (Member member : lowered) {
        ChecklistScore old = member.score;
        List<ScoreAdjustment> adjustments = new ArrayList<>(old.adjustments());
        adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.QUOTA, quota.band(), null, quota.band(), lowerTo,
            LocalizedText.of(
                "Hạn mức: tối đa " + Scorer.plain(percent) + "% của " + baseVi + unit + " (" + allowed
                    + " người) được loại " + quota.band() + "; " + holders.size() + " người đạt; hạ xuống " + lowerTo
                    + " vì điểm " + Scorer.plain(old.score()) + " thuộc nhóm thấp nhất"
                    + (tie ? " (những người bằng điểm ở ngưỡng đều bị hạ)" : ""),
                "Quota: at most " + Scorer.plain(percent) + "% of " + baseEn + unit + " (" + allowed
                    + ") may hold " + quota.band() + "; " + holders.size() + " reached it; lowered to " + lowerTo
                    + " as score " + Scorer.plain(old.score()) + " is among the lowest"
                    + (tie ? " (equal scores at the cut are all lowered)" : ""))));
        member.score = ChecklistScore.of(old.packId(), old.checklistId(), old.title(), old.score(), old.maximum(),
            old.evidencePercent(), lowerTo, Scorer.title(list, lowerTo), old.rated(), old.items(), adjustments);
      }
    }
  }

  /** Orders scores for display: the band order of the checklist. */
  public static Map<String, Integer> emptyDistribution(ChecklistDoc list) {
    Map<String, Integer> distribution = new java.util.LinkedHashMap<>();
    list.bands().forEach(b -> distribution.put(b.id(), 0));
    return distribution;
  }
}
