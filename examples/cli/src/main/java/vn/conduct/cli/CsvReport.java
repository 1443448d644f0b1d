package vn.conduct.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.SubjectResult;

/**
 * Renders a report's scores and rankings as CSV, one row per subject and checklist (a subject
 * scored by no checklist has one row with the checklist columns empty), for spreadsheets.
 *
 * <p>Columns: {@code subject, name, type, parent, pack, checklist, score, maximum, evidence_percent,
 * rated, rating, rating_title, rank, peer_group, pass, fail, unknown, not_applicable, error,
 * compliant}. The outcome counts are the subject's, over every rule, and repeat on each of its rows.
 */
final class CsvReport {

  static final List<String> HEADER = List.of("subject", "name", "type", "parent", "pack", "checklist", "score",
      "maximum", "evidence_percent", "rated", "rating", "rating_title", "rank", "peer_group", "pass", "fail",
      "unknown", "not_applicable", "error", "compliant");

  private final Language language;

  CsvReport(Language language) {
    this.language = language;
  }

  void print(Report report, PrintWriter out) {
    Map<String, Ranking.Entry> ranks = new HashMap<>();
    Map<String, String> groups = new HashMap<>();
    for (Ranking ranking : report.rankings()) {
      for (Ranking.Entry entry : ranking.entries()) {
        String key = ranking.packId() + "/" + ranking.checklistId() + "/" + entry.subjectId();
        ranks.put(key, entry);
        groups.put(key, ranking.peerGroup());
      }
    }
    Csv.row(out, HEADER);
    for (SubjectResult subject : report.subjects()) {
      List<String> who = List.of(subject.subjectId(), nonNull(subject.subject().name()), subject.subject().type(),
          nonNull(subject.subject().parentId()));
      List<String> counts = List.of(count(subject, Outcome.PASS), count(subject, Outcome.FAIL),
          count(subject, Outcome.UNKNOWN), count(subject, Outcome.NOT_APPLICABLE), count(subject, Outcome.ERROR),
          String.valueOf(subject.compliant()));
      if (subject.scores().isEmpty()) {
        List<String> row = new ArrayList<>(who);
        for (int i = 0; i < 10; i++) {
          row.add("");
        }
        row.addAll(counts);
        Csv.row(out, row);
      }
      for (ChecklistScore score : subject.scores()) {
        String key = score.packId() + "/" + score.checklistId() + "/" + subject.subjectId();
        Ranking.Entry rank = ranks.get(key);
        List<String> row = new ArrayList<>(who);
        row.add(score.packId());
        row.add(score.checklistId());
        row.add(Words.number(score.score()).replace("—", ""));
        row.add(Words.number(score.maximum()).replace("—", ""));
        row.add(Words.number(score.evidencePercent()).replace("—", ""));
        row.add(String.valueOf(score.rated()));
        row.add(nonNull(score.rating()));
        row.add(score.rating() == null ? "" : nonNull(score.ratingTitle().in(language)));
        row.add(rank == null ? "" : String.valueOf(rank.rank()));
        row.add(rank == null ? "" : nonNull(groups.get(key)));
        row.addAll(counts);
        Csv.row(out, row);
      }
    }
    out.flush();
  }

  private static String count(SubjectResult subject, Outcome outcome) {
    return String.valueOf(subject.count(outcome));
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
