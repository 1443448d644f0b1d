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
    String decided = finding.override().map(d -> finding.originalOutcome() == finding.outcome() ? ""
        : outcome(finding.originalOutcome()) + " → ").orElse("");
    return decided + outcome(finding.outcome()) + finding.override().map(d -> " (" + d.id() + ")").orElse("")
        + (finding.contestPending() ? " " + get("outcome.contested") : "")
        + finding.waiver().map(w -> " → " + waived() + " (" + w.id() + ")").orElse("");
  }

  /**
   * What a decision is about, in this language: {@code hanoi-3814, quy tắc hn3814.working-time},
   * {@code hanoi-3814/hn3814-monthly, mục hn3814.initiative}, {@code hanoi-3814/hn3814-monthly, điểm}.
   */
  String target(vn.conduct.rules.api.Decision decision) {
    if (decision.ruleId().isPresent()) {
      return get("decision.target.rule", decision.packId(), decision.ruleId().get());
    }
    String checklist = decision.packId() + "/" + decision.checklistId().orElse("");
    return decision.itemId().map(item -> get("decision.target.item", checklist, item))
        .orElseGet(() -> get("decision.target.score", checklist));
  }

  /**
   * One act of a history in one line: date, kind, who as what, what an override set, and why, e.g.
   * {@code 2025-07-08 override by Phan Trọng Kiên (cb-001, unit-head): → PASS — Late with a good reason}.
   */
  String decision(vn.conduct.rules.api.Decision decision, vn.conduct.rules.api.Language language) {
    String kind = switch (decision.kind()) {
      case CONTEST -> get("decision.contest");
      case REVIEW -> get("decision.review");
      case OVERRIDE -> get("decision.override");
    };
    String set = decision.outcome().map(o -> " → " + outcome(o))
        .or(() -> decision.points().map(p -> " → " + display(p) + get("decision.points")))
        .or(() -> decision.adjustment().map(a -> " " + (a.signum() >= 0 ? "+" : "") + display(a) + get("decision.points")))
        .orElse("");
    return decision.date() + " " + kind + get("word.by") + (decision.by().name() == null ? decision.by().id()
        : decision.by().name() + " (" + decision.by().id()) + (decision.by().name() == null ? " (" : ", ")
        + role(decision.by().role()) + ")" + set + " — " + decision.reason().in(language) + " [" + decision.id() + "]";
  }

  /** A signer's role: the reserved {@code subject} (the person judged, who contests) in words; a pack's role as declared. */
  private String role(String role) {
    return "subject".equals(role) ? get("decision.role.subject") : role;
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
      case DECISION -> get("word.decision");
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

  /**
   * What a pseudonymised report masked and how, in one line (report-format.md, section 14.1): the subject
   * types and attributes, the method, the key (drawn for this run, or the host's) and the names.
   */
  String privacy(vn.conduct.rules.api.Privacy privacy) {
    var masked = privacy.masked();
    if (masked.isEmpty()) {
      return get("privacy.nothing-marked", get(privacy.randomKey() ? "privacy.key.random" : "privacy.key.host"));
    }
    java.util.List<String> what = new java.util.ArrayList<>(masked.subjectTypes());
    masked.attributes().forEach((type, attributes) -> attributes.forEach(a -> what.add(type + "." + a)));
    return get("privacy.statement", String.join(", ", what),
        get(privacy.randomKey() ? "privacy.key.random" : "privacy.key.host"),
        get(privacy.namesKept() ? "privacy.names.kept" : "privacy.names.left-out"));
  }

  /** The CSV {@code privacy} cell: how the report was masked, in words a spreadsheet filter can use; "" if not. */
  static String privacyCell(vn.conduct.rules.api.Privacy privacy) {
    if (privacy == null) {
      return "";
    }
    if (privacy.masked().isEmpty()) {
      return "nothing-personal";
    }
    return "pseudonyms/" + (privacy.randomKey() ? "random-key" : "host-key")
        + (privacy.namesKept() ? "/names-kept" : "/names-left-out");
  }
}
