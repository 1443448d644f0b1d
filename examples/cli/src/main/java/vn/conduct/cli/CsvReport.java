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
 * compliant, waived, score_without_waivers, rating_without_waivers, risk_accepted, privacy}. The outcome counts
 * are the subject's, over every rule, and repeat on each of its rows; {@code waived} counts the findings
 * that carry a waiver (also counted under their outcome); the last three are filled only when a waiver
 * counted for the checklist (specs/waiver-format.md); {@code privacy} says how a pseudonymised report was
 * masked ({@code pseudonyms/random-key/names-left-out}, {@code pseudonyms/host-key/names-kept}, …;
 * {@code nothing-personal} when the packs mark nothing personal; empty when not masked: report-format.md,
 * section 14.1), on every row, so that the statement travels with any rows copied.
 * Numbers and booleans are written as such, exact; text cells are made safe by {@link Csv}. These
 * column names head the file under {@code --lang en}; under {@code --lang vi} (the default) the header
 * row holds their Vietnamese titles ({@code csv.column.*} in the message catalogue), in the same order.
 */
final class CsvReport {

  static final List<String> HEADER = List.of("subject", "name", "type", "parent", "pack", "checklist", "score",
      "maximum", "evidence_percent", "rated", "rating", "rating_title", "rank", "peer_group", "pass", "fail",
      "unknown", "not_applicable", "error", "compliant", "waived", "score_without_waivers", "rating_without_waivers",
      "risk_accepted", "privacy");

  private final Language language;
  private final Messages messages;
  private final String privacy;

  CsvReport(Language language) {
    this(language, null);
  }

  /** A CSV report whose {@code privacy} column states this privacy ({@code null}: the report is not masked). */
  CsvReport(Language language, vn.conduct.rules.api.Privacy privacy) {
    this.language = language;
    this.messages = new Messages(language);
    this.privacy = Words.privacyCell(privacy);
  }

  void print(Report report, PrintWriter out) {
    if (report.privacy().isPresent() && privacy.isEmpty()) {
      new CsvReport(language, report.privacy().get()).print(report, out);
      return;
    }
    Map<String, Ranking.Entry> ranks = new HashMap<>();
    Map<String, String> groups = new HashMap<>();
    for (Ranking ranking : report.rankings()) {
      for (Ranking.Entry entry : ranking.entries()) {
        String key = ranking.packId() + "/" + ranking.checklistId() + "/" + entry.subjectId();
        ranks.put(key, entry);
        groups.put(key, ranking.peerGroup());
      }
    }
    Csv.row(out, Csv.header(messages, HEADER));
    for (SubjectResult subject : report.subjects()) {
      print(subject, ranks, groups, out);
    }
    out.flush();
  }

  /** The header row, for a report written subject by subject ({@code --stream}). */
  void header(PrintWriter out) {
    Csv.row(out, Csv.header(messages, HEADER));
  }

  /** One subject's rows without rank (written before the rankings are known: {@code --stream}). */
  void print(SubjectResult subject, PrintWriter out) {
    print(subject, Map.of(), Map.of(), out);
  }

  private void print(SubjectResult subject, Map<String, Ranking.Entry> ranks, Map<String, String> groups,
      PrintWriter out) {
    List<Object> who = List.of(subject.subjectId(), text(subject.subject().name()), subject.subject().type(),
        text(subject.subject().parentId()));
    List<Object> counts = List.of(subject.count(Outcome.PASS), subject.count(Outcome.FAIL),
        subject.count(Outcome.UNKNOWN), subject.count(Outcome.NOT_APPLICABLE), subject.count(Outcome.ERROR),
        subject.compliant(), TextReport.waived(subject));
    if (subject.scores().isEmpty()) {
      List<Object> row = new ArrayList<>(who);
      for (int i = 0; i < 10; i++) {
        row.add(null);
      }
      row.addAll(counts);
      row.add(null);
      row.add(null);
      row.add(null);
      row.add(privacy);
      Csv.row(out, row);
    }
    for (ChecklistScore score : subject.scores()) {
      String key = score.packId() + "/" + score.checklistId() + "/" + subject.subjectId();
      Ranking.Entry rank = ranks.get(key);
      List<Object> row = new ArrayList<>(who);
      row.add(score.packId());
      row.add(score.checklistId());
      row.add(score.score());
      row.add(score.maximum());
      row.add(score.evidencePercent());
      row.add(score.rated());
      row.add(score.rating());
      row.add(score.rating() == null ? null : score.ratingTitle().in(language));
      row.add(rank == null ? null : rank.rank());
      row.add(rank == null ? null : groups.get(key));
      row.addAll(counts);
      ChecklistScore without = score.withoutWaivers().orElse(null);
      row.add(without == null ? null : without.score());
      row.add(without == null ? null : without.rating());
      row.add(score.riskAccepted().orElse(null));
      row.add(privacy);
      Csv.row(out, row);
    }
  }

  /** Columns of the rankings file of {@code --stream}: one row per ranked subject. */
  static final List<String> RANKING_HEADER = List.of("pack", "checklist", "peer_group", "rank", "subject", "score",
      "rating");

  /** The rankings, one row per ranked subject, in the report's order. */
  void printRankings(List<Ranking> rankings, PrintWriter out) {
    Csv.row(out, Csv.header(messages, RANKING_HEADER));
    for (Ranking ranking : rankings) {
      for (Ranking.Entry entry : ranking.entries()) {
        Csv.row(out, java.util.Arrays.asList(ranking.packId(), ranking.checklistId(), ranking.peerGroup(),
            entry.rank(), entry.subjectId(), entry.score(), entry.rating()));
      }
    }
    out.flush();
  }

  /** Text or an empty cell: {@code List.of} holds no null. */
  private static Object text(String text) {
    return text == null ? "" : text;
  }
}
