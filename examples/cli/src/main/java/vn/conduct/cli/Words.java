package vn.conduct.cli;

import java.math.BigDecimal;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.ScoreAdjustment;

/** Labels shared by the renderers (outcomes, adjustment kinds, numbers), from the {@link Messages} catalogue. */
final class Words extends Messages {

  Words(Language language) {
    super(language);
  }

  String outcome(Outcome outcome) {
    return switch (outcome) {
      case PASS -> get("outcome.pass");
      case FAIL -> get("outcome.fail");
      case NOT_APPLICABLE -> get("outcome.not-applicable");
      case UNKNOWN -> get("outcome.unknown");
      case ERROR -> get("outcome.error");
    };
  }

  /** What a waived finding shows beside its real outcome. */
  String waived() {
    return get("outcome.waived");
  }

  /** A finding's outcome as shown, e.g. {@code FAIL → WAIVED (w-2025-06-late)} for a waived one. */
  String outcome(vn.conduct.rules.api.Finding finding) {
    return outcome(finding.outcome()) + finding.waiver().map(w -> " → " + waived() + " (" + w.id() + ")").orElse("");
  }

  /** A waiver in one line: why, who approved it as what, the risk and the dates. */
  String waiver(vn.conduct.rules.api.Waiver waiver, vn.conduct.rules.api.Language language) {
    String risk = switch (waiver.risk()) {
      case LOW -> get("word.low");
      case MEDIUM -> get("word.medium");
      case HIGH -> get("word.high");
    };
    return get("word.waiver") + waiver.id() + ": " + waiver.justification().in(language) + get("word.approved-by") + waiver.approver().label() + " (" + waiver.approver().role() + get("word.risk")
        + risk + ", " + waiver.start() + ".." + waiver.expiry();
  }

  /**
   * A fact a finding rests on, in one line: {@code event citizen-harassment ev-1 2025-06-20 — method
   * citizen-report, recorded by tkt-01 (inspection-team), 12/BB-KTCV — not counted: method not accepted}.
   */
  String fact(vn.conduct.rules.api.FindingFact fact) {
    StringBuilder line = new StringBuilder(get(fact.kind() == vn.conduct.rules.api.FindingFact.Kind.EVENT
        ? "fact.event" : "fact.observation")).append(fact.name());
    if (fact.eventId() != null) {
      line.append(' ').append(fact.eventId());
    }
    if (fact.kind() == vn.conduct.rules.api.FindingFact.Kind.OBSERVATION) {
      line.append(" = ").append(fact.value() == null ? get("fact.not-observed") : String.valueOf(fact.value()));
    }
    if (fact.date() != null) {
      line.append(' ').append(fact.date());
    }
    vn.conduct.rules.api.Evidence evidence = fact.evidence();
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (evidence.method() != null) {
      parts.add(get("fact.method") + evidence.method());
    }
    if (evidence.recordedBy() != null) {
      var by = evidence.recordedBy();
      parts.add(get("fact.recorded-by") + (by.id() == null ? "" : by.id())
          + (by.role() == null ? "" : (by.id() == null ? "" : " ") + "(" + by.role() + ")"));
    }
    if (evidence.recordedOn() != null) {
      parts.add(get("fact.recorded-on") + evidence.recordedOn());
    }
    for (var reference : evidence.references()) {
      java.util.List<String> ref = new java.util.ArrayList<>();
      if (reference.document() != null) {
        ref.add(reference.document());
      }
      if (reference.url() != null) {
        ref.add(reference.url());
      }
      if (reference.digest() != null) {
        ref.add(reference.digest().length() > 19 ? reference.digest().substring(0, 19) + "…" : reference.digest());
      }
      parts.add(String.join(" ", ref));
    }
    if (!parts.isEmpty()) {
      line.append(" — ").append(String.join(", ", parts));
    }
    return line.append(switch (fact.use()) {
      case USED -> "";
      case NOT_VERIFIED -> get("fact.not-verified");
      case METHOD_NOT_ACCEPTED -> get("fact.method-not-accepted");
    }).toString();
  }

  String adjustment(ScoreAdjustment.Kind kind) {
    return switch (kind) {
      case DEDUCTION -> get("word.deduction");
      case BONUS -> get("word.bonus");
      case BOUND -> get("word.bound");
      case VETO -> get("word.veto");
      case QUOTA -> get("word.quota");
      case ROUNDING -> get("word.rounding");
    };
  }

  /**
   * Who a quota counts together: "a unit's rated members" by default, else the rated members
   * sharing every grouping key ("with the same unit and task-group"), then the base's condition.
   */
  String quotaMembers(ChecklistInfo.Quota quota) {
    String keys = String.join(get("word.and"), quota.groupBy().stream().map(ChecklistInfo.GroupKey::name).toList());
    String members = quota.groupBy().isEmpty() ? get("word.a-units-rated-members")
        : get("word.the-rated-members-with-the-same", keys);
    return members + (quota.baseCondition() == null ? ""
        : get("word.meeting", quota.baseCondition()));
  }

  /** A quota's tie policy as a sentence: what happens to members at the cut-off score. */
  String ties(ChecklistInfo.Quota.Ties ties) {
    return switch (ties) {
      case LOWER_ALL -> get("word.members-with-equal-scores-at-the");
      case KEEP_ALL -> get("word.members-with-the-same-score-as");
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
