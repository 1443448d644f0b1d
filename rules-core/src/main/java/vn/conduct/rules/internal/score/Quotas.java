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
 * Applies one share quota to one group of members: at most {@code max-percent} % of the base (the
 * rated members, or the holders of another band, optionally only those meeting the base's
 * condition) may hold a band; beyond that, the lowest scores are lowered to the next band, members
 * at the cut-off score as the quota's tie policy says, and each lowering is stated.
 */
public final class Quotas {

  private Quotas() { }

  /** A member's score, by subject id; replaced in place when lowered. */
  public static final class Member {
    public final String subjectId;
    /** The rating before any quota: {@code of} counts are taken on it. */
    public final String ratingBefore;
    public ChecklistScore score;

    public Member(String subjectId, ChecklistScore score) {
      this.subjectId = subjectId;
      this.ratingBefore = score.rated() ? score.rating() : null;
      this.score = score;
    }
  }

  /**
   * @param quotaIndex the quota, by its index in the checklist's (band-ordered) quotas
   * @param members the group's members scored on the checklist
   * @param group the group as shown in messages ({@code 'u1'}, {@code unit 'u1', task-group 'A'}), or
   *     {@code ""} for the parentless members
   * @param overridden whether the quota's override condition holds for the group's unit
   * @param inBase whether a member meets the base's condition (always true without one)
   * @param baseCondition the base's condition as the pack writes it, or {@code null} without one
   */
  public static void apply(ChecklistDoc list, int quotaIndex, List<Member> members, String group,
      boolean overridden, Predicate<Member> inBase, String baseCondition) {
    ChecklistDoc.QuotaDoc quota = list.quotas().get(quotaIndex);
    BigDecimal percent = quota.override() != null && overridden ? quota.override().maxPercent() : quota.maxPercent();
    List<Member> rated = members.stream().filter(m -> m.score.rated()).toList();
    long base = rated.stream()
        .filter(m -> quota.of() == null || quota.of().equals(m.ratingBefore)).filter(inBase).count();
    int allowed = percent.multiply(BigDecimal.valueOf(base)).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
        .intValue();
    List<Member> holders = new ArrayList<>(rated.stream().filter(m -> quota.band().equals(m.score.rating())).toList());
    if (holders.size() <= allowed) {
      return;
    }
    holders.sort(Comparator.comparing((Member m) -> m.score.score()).reversed().thenComparing(m -> m.subjectId));
    ChecklistDoc.Ties ties = quota.tiesOrDefault();
    BigDecimal firstOut = holders.get(allowed).score.score();
    boolean tie = allowed > 0 && holders.get(allowed - 1).score.score().compareTo(firstOut) == 0;
    List<Member> lowered = switch (ties) {
      // Equal scores at the cut are treated alike: if not all of them fit, all of them are lowered.
      case LOWER_ALL -> holders.stream().filter(m -> m.score.score().compareTo(firstOut) <= 0).toList();
      // Equal scores at the cut are treated alike: if the last one that fits keeps the band, all of them do.
      case KEEP_ALL -> holders.stream().filter(m -> tie ? m.score.score().compareTo(firstOut) < 0
          : m.score.score().compareTo(firstOut) <= 0).toList();
    };
    int bandIndex = Scorer.bandIndex(list, quota.band());
    String lowerTo = list.bands().get(bandIndex + 1).id();
    String where = baseCondition == null ? "" : " " + baseCondition;
    String baseVi = (quota.of() == null ? base + " thành viên được xếp loại" : base + " người loại " + quota.of())
        + (baseCondition == null ? "" : " thỏa" + where);
    String baseEn = (quota.of() == null ? base + " rated members" : base + " holders of " + quota.of())
        + (baseCondition == null ? "" : " meeting" + where);
    String unit = group.isEmpty() ? "" : " " + group;
    String tieVi = !tie ? "" : switch (ties) {
      case LOWER_ALL -> " (những người bằng điểm ở ngưỡng đều bị hạ)";
      case KEEP_ALL -> " (những người bằng điểm ở ngưỡng, " + Scorer.plain(firstOut) + ", đều giữ loại "
          + quota.band() + ")";
    };
    String tieEn = !tie ? "" : switch (ties) {
      case LOWER_ALL -> " (equal scores at the cut are all lowered)";
      case KEEP_ALL -> " (equal scores at the cut, " + Scorer.plain(firstOut) + ", all keep " + quota.band() + ")";
    };
    for (Member member : lowered) {
      ChecklistScore old = member.score;
      List<ScoreAdjustment> adjustments = new ArrayList<>(old.adjustments());
      adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.QUOTA, quota.band(), null, quota.band(), lowerTo,
          LocalizedText.of(
              "Hạn mức: tối đa " + Scorer.plain(percent) + "% của " + baseVi + unit + " (" + allowed
                  + " người) được loại " + quota.band() + "; " + holders.size() + " người đạt; hạ xuống " + lowerTo
                  + " vì điểm " + Scorer.plain(old.score()) + " thuộc nhóm thấp nhất" + tieVi,
              "Quota: at most " + Scorer.plain(percent) + "% of " + baseEn + unit + " (" + allowed
                  + ") may hold " + quota.band() + "; " + holders.size() + " reached it; lowered to " + lowerTo
                  + " as score " + Scorer.plain(old.score()) + " is among the lowest" + tieEn)));
      member.score = ChecklistScore.of(old.packId(), old.checklistId(), old.title(), old.score(), old.maximum(),
          old.evidencePercent(), lowerTo, Scorer.title(list, lowerTo), old.rated(), old.items(), adjustments)
          .withWithoutWaivers(old.withoutWaivers().orElse(null)).withDecisions(old.decisions());
    }
  }

  /**
   * A member holding a quota's band whose group cannot be told (a grouping attribute without a
   * value, or no subject of a grouping ancestor type above it) is not rated: whether it may keep
   * the band depends on a group nobody knows. Members holding other bands keep their rating.
   *
   * @param missing what is missing, e.g. {@code attribute 'task-group'}
   */
  public static void ungrouped(ChecklistDoc list, int quotaIndex, Member member, String missing) {
    ChecklistDoc.QuotaDoc quota = list.quotas().get(quotaIndex);
    ChecklistScore old = member.score;
    if (!old.rated() || !quota.band().equals(old.rating())) {
      return;
    }
    List<ScoreAdjustment> adjustments = new ArrayList<>(old.adjustments());
    adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.QUOTA, quota.band(), null, quota.band(), null,
        LocalizedText.of(
            "Không xếp loại: hạn mức loại " + quota.band() + " tính theo nhóm, nhưng thiếu " + missing
                .replace("attribute", "thuộc tính").replace("ancestor", "cấp trên") + " nên không xác định được nhóm",
            "Not rated: the quota on " + quota.band() + " counts members by group, but " + missing
                + " is missing, so the member's group is unknown")));
    member.score = ChecklistScore.of(old.packId(), old.checklistId(), old.title(), old.score(), old.maximum(),
        old.evidencePercent(), null, LocalizedText.EMPTY, false, old.items(), adjustments)
        .withWithoutWaivers(old.withoutWaivers().orElse(null)).withDecisions(old.decisions());
  }

  /** Orders scores for display: the band order of the checklist. */
  public static Map<String, Integer> emptyDistribution(ChecklistDoc list) {
    Map<String, Integer> distribution = new java.util.LinkedHashMap<>();
    list.bands().forEach(b -> distribution.put(b.id(), 0));
    return distribution;
  }
}
