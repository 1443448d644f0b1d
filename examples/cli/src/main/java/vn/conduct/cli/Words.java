package vn.conduct.cli;

import java.math.BigDecimal;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.ScoreAdjustment;

/** Labels shared by the renderers: outcomes, adjustment kinds and numbers, in Vietnamese or English. */
final class Words {

  private final Language language;

  Words(Language language) {
    this.language = language;
  }

  Language language() {
    return language;
  }

  String t(String vi, String en) {
    return language == Language.VI ? vi : en;
  }

  String outcome(Outcome outcome) {
    return switch (outcome) {
      case PASS -> t("ĐẠT", "PASS");
      case FAIL -> t("KHÔNG ĐẠT", "FAIL");
      case NOT_APPLICABLE -> t("KHÔNG ÁP DỤNG", "N/A");
      case UNKNOWN -> t("CHƯA RÕ", "UNKNOWN");
      case ERROR -> t("LỖI", "ERROR");
    };
  }

  /** What a waived finding shows beside its real outcome. */
  String waived() {
    return t("MIỄN TRỪ", "WAIVED");
  }

  /** A finding's outcome as shown, e.g. {@code FAIL → WAIVED (w-2025-06-late)} for a waived one. */
  String outcome(vn.conduct.rules.api.Finding finding) {
    return outcome(finding.outcome()) + finding.waiver().map(w -> " → " + waived() + " (" + w.id() + ")").orElse("");
  }

  /** A waiver in one line: why, who approved it as what, the risk and the dates. */
  String waiver(vn.conduct.rules.api.Waiver waiver, vn.conduct.rules.api.Language language) {
    String risk = switch (waiver.risk()) {
      case LOW -> t("thấp", "low");
      case MEDIUM -> t("trung bình", "medium");
      case HIGH -> t("cao", "high");
    };
    return t("Miễn trừ ", "Waiver ") + waiver.id() + ": " + waiver.justification().in(language) + t(" — duyệt: ",
        " — approved by ") + waiver.approver().label() + " (" + waiver.approver().role() + t("), rủi ro ", "), risk ")
        + risk + ", " + waiver.start() + ".." + waiver.expiry();
  }

  String adjustment(ScoreAdjustment.Kind kind) {
    return switch (kind) {
      case DEDUCTION -> t("trừ điểm", "deduction");
      case BONUS -> t("cộng điểm", "bonus");
      case BOUND -> t("giới hạn", "bound");
      case VETO -> t("phủ quyết", "veto");
      case QUOTA -> t("hạn mức", "quota");
      case ROUNDING -> t("làm tròn", "rounding");
    };
  }

  /**
   * Who a quota counts together: "a unit's rated members" by default, else the rated members
   * sharing every grouping key ("with the same unit and task-group"), then the base's condition.
   */
  String quotaMembers(ChecklistInfo.Quota quota) {
    String keys = String.join(t(" và ", " and "), quota.groupBy().stream().map(ChecklistInfo.GroupKey::name).toList());
    String members = quota.groupBy().isEmpty() ? t("thành viên được xếp loại của một đơn vị", "a unit's rated members")
        : t("thành viên được xếp loại cùng " + keys, "the rated members with the same " + keys);
    return members + (quota.baseCondition() == null ? ""
        : t(" thỏa " + quota.baseCondition(), " meeting " + quota.baseCondition()));
  }

  /** A quota's tie policy as a sentence: what happens to members at the cut-off score. */
  String ties(ChecklistInfo.Quota.Ties ties) {
    return switch (ties) {
      case LOWER_ALL -> t("những người bằng điểm ở ngưỡng, nếu không đủ chỗ cho tất cả, đều bị hạ",
          "members with equal scores at the cut, if not all fit, are all lowered");
      case KEEP_ALL -> t("những người bằng điểm với người cuối cùng trong hạn mức đều giữ loại, dù vượt hạn mức",
          "members with the same score as the last one that fits all keep the band, even beyond the limit");
    };
  }

  /** The exact value, without trailing zeros (for machine-readable output such as CSV). */
  static String number(BigDecimal value) {
    return value == null ? "—" : value.stripTrailingZeros().toPlainString();
  }

  /**
   * The value cut to at most two decimals, for people to read (83.3333 → 83.33, 89.999 → 89.99).
   * Cut, not rounded: a score shown never reaches a band it did not reach (89.999 is below a band
   * starting at 90, and so is 89.99). Checklists that round their score say so (format 2), and then
   * the score is already the one banded. Values a pack author wrote (points, band minimums on a
   * form) are shown whole with {@link #number}.
   */
  static String display(BigDecimal value) {
    return value == null ? "—" : number(value.setScale(Math.min(value.scale(), 2), java.math.RoundingMode.DOWN));
  }
}
