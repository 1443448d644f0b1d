package vn.conduct.rules.testkit.assertions;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.ItemScore;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.RollUp;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.SubjectResult;

/** Renders report parts for failure messages; every line ends without a line separator. */
final class Render {

  /** The line separator used in messages, as AssertJ's {@code %n}. */
  static final String NL = System.lineSeparator();

  private Render() { }

  static String quote(String text) {
    return text == null ? "null" : '"' + text + '"';
  }

  static String number(BigDecimal value) {
    return value == null ? "none" : value.stripTrailingZeros().toPlainString();
  }

  /** One finding on one line: rule id, outcome and English reason. */
  static String findingLine(Finding finding) {
    return finding.ruleId() + " " + finding.outcome() + ": " + finding.reason().in(Language.EN);
  }

  /** Every finding of a subject, one per line, indented by two spaces. */
  static String findings(List<Finding> findings) {
    return findings.stream().map(f -> "  " + findingLine(f)).collect(Collectors.joining(NL));
  }

  /** A finding with both reasons, for FindingAssert messages. */
  static String finding(String subjectId, Finding finding) {
    return "Finding of rule " + quote(finding.ruleId()) + " for subject " + quote(subjectId) + ": "
        + finding.outcome() + NL
        + "  vi: " + finding.reason().in(Language.VI) + NL
        + "  en: " + finding.reason().in(Language.EN);
  }

  /** A checklist score with its items and adjustments. */
  static String score(String subjectId, ChecklistScore score) {
    StringBuilder text = new StringBuilder("Score of subject ").append(quote(subjectId))
        .append(" on checklist ").append(quote(score.checklistId())).append(": ")
        .append(number(score.score())).append(" of ").append(number(score.maximum()))
        .append(", ").append(rating(score))
        .append(", evidence ").append(number(score.evidencePercent())).append(" %");
    text.append(NL).append("  items:");
    for (ItemScore item : score.items()) {
      text.append(NL).append("    ").append(item.ruleId()).append(' ').append(item.outcome())
          .append(' ').append(number(item.earned())).append('/').append(number(item.available()));
      if (item.bonus()) {
        text.append(" (bonus)");
      }
    }
    text.append(NL).append("  adjustments:");
    if (score.adjustments().isEmpty()) {
      text.append(" none");
    }
    for (ScoreAdjustment adjustment : score.adjustments()) {
      text.append(NL).append("    ").append(adjustment(adjustment));
    }
    return text.toString();
  }

  static String rating(ChecklistScore score) {
    return score.rated() ? "rating " + quote(score.rating()) : "unrated";
  }

  static String adjustment(ScoreAdjustment adjustment) {
    StringBuilder text = new StringBuilder(adjustment.kind().name());
    if (adjustment.source() != null) {
      text.append(' ').append(adjustment.source());
    }
    if (adjustment.points() != null) {
      text.append(' ').append(adjustment.points().signum() >= 0 ? "+" : "")
          .append(number(adjustment.points()));
    }
    if (adjustment.fromRating() != null || adjustment.toRating() != null) {
      text.append(' ').append(adjustment.fromRating()).append(" -> ").append(adjustment.toRating());
    }
    return text.append(": ").append(adjustment.reason().in(Language.EN)).toString();
  }

  /** Names a ranking: checklist and peer group. */
  static String rankingName(Ranking ranking) {
    return rankingName(ranking.checklistId(), ranking.peerGroup());
  }

  static String rankingName(String checklistId, String peerGroup) {
    return "checklist " + quote(checklistId)
        + (peerGroup.isEmpty() ? " (all subjects)" : ", peer group " + quote(peerGroup));
  }

  /** A ranking's entries and unranked subjects. */
  static String ranking(Ranking ranking) {
    StringBuilder text = new StringBuilder("Ranking on ").append(rankingName(ranking)).append(':');
    for (Ranking.Entry entry : ranking.entries()) {
      text.append(NL).append("  ").append(entry.rank()).append(". ").append(entry.subjectId())
          .append(' ').append(number(entry.score()));
      if (entry.rating() != null) {
        text.append(" (").append(entry.rating()).append(')');
      }
    }
    text.append(NL).append("  unranked: ")
        .append(ranking.unranked().isEmpty() ? "none" : ranking.unranked().toString());
    return text.toString();
  }

  static String packUse(PackUse use) {
    return use.packId() + " " + use.version() + (use.pinned() ? " (pinned)" : " (in force)");
  }

  static String rollUp(String unitId, RollUp rollUp) {
    return "Roll-up of unit " + quote(unitId) + " on checklist " + quote(rollUp.checklistId())
        + ": " + rollUp.members() + " members, " + rollUp.rated() + " rated, average score "
        + number(rollUp.averageScore()) + NL
        + "  ratings: " + rollUp.ratings() + NL
        + "  failures: " + rollUp.failures();
  }

  static String subjectIds(List<SubjectResult> subjects) {
    return subjects.stream().map(SubjectResult::subjectId).collect(Collectors.toList()).toString();
  }
}
