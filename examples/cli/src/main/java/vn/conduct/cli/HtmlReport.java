package vn.conduct.cli;

import static vn.conduct.cli.Html.esc;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Citation;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.SubjectResult;

/**
 * Renders a report as one self-contained HTML page for officials: inline CSS, inline SVG charts, no
 * script and no external resource, so that it can be mailed, archived or printed as it is.
 *
 * <p>Sections: the evaluation's date, period and packs; a summary; per checklist the distribution
 * of ratings (an SVG bar chart) and the ranking tables; per subject its scores with every
 * adjustment and the findings that need attention (FAIL, UNKNOWN, ERROR; every finding with
 * {@code --all}) with reasons and citations; facts that were ignored. Every text that comes from a
 * pack or the facts goes through {@link Html#esc}: HTML-escaped, and any control character, line
 * break or bidirectional override shown as its escape.
 *
 * <p>A large run (more than {@link #FULL_DETAIL_UP_TO} subjects) is abbreviated so that the page
 * stays small enough to open and mail (20 000 subjects: a few MB instead of 100 MB or more), and
 * the page says so: rankings show their first and last ranks; a table of criteria states, once,
 * each criterion that failed, erred or lacked evidence, with its citation, counts and most
 * frequent reason; then each unit is a collapsible section ({@code <details>}), its heading
 * counting members, failures and ratings, with one compact row per member: scores and ratings, changes to them, the number of findings per outcome, and
 * the criteria it failed or erred on (with the reason where it differs from the criterion's most
 * frequent one). Passes, not-applicable and unknown findings are counted, not listed.
 */
final class HtmlReport {

  /** From the best band (green) to the worst (red); bands in between take the nearest step. */
  private static final String[] BAR_COLOURS = {"#1a7f37", "#4c9a2a", "#b08800", "#d1712b", "#c62828"};
  private static final String UNRATED_COLOUR = "#8c959f";

  /** Runs with more subjects than this are abbreviated (see the class comment). */
  static final int FULL_DETAIL_UP_TO = 1000;
  /** In a large run, a ranking longer than this shows its first {@link #RANKS_HEAD} and last {@link #RANKS_TAIL} ranks. */
  private static final int RANKS_SHOWN = 50;
  private static final int RANKS_HEAD = 25;
  private static final int RANKS_TAIL = 10;
  /** In a large run, at most this many ids are listed where a list of subject ids would be long. */
  private static final int IDS_SHOWN = 50;
  /** In a large run, at most this many fact problems are listed. */
  private static final int PROBLEMS_SHOWN = 200;

  private final Words w;
  private final Language language;
  private final boolean allFindings;
  private final Function<FactProblem, Optional<String>> locator;
  private final List<ChecklistInfo> checklists;
  // State of the one report being printed: an instance prints one report at a time.
  /** Whether the report is abbreviated. */
  private boolean compact;
  /** In an abbreviated report, each rule's most frequent FAIL or ERROR reason, stated once in the table of criteria. */
  private final Map<String, String> topFailures = new HashMap<>();

  /**
   * @param checklists the engine's checklists, for the order and titles of rating bands; may be
   *     empty, bands are then ordered by their holders' best score
   */
  HtmlReport(Language language, boolean allFindings, Function<FactProblem, Optional<String>> locator,
      List<ChecklistInfo> checklists) {
    this.w = new Words(language);
    this.language = language;
    this.allFindings = allFindings;
    this.locator = locator;
    this.checklists = checklists;
  }

  void print(Report report, PrintWriter out) {
    compact = report.subjects().size() > FULL_DETAIL_UP_TO;
    topFailures.clear();
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"").append(language == Language.VI ? "vi" : "en").append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(w.get("html.title")))
        .append(" — ").append(report.provenance().asOf()).append("</title>\n<style>").append(CSS).append("</style>\n")
        .append("</head>\n<body>\n<main>\n");
    header(report, html);
    summary(report, html);
    if (compact) {
      abbreviated(report, html);
    }
    checklists(report, html);
    if (compact) {
      criteria(report, html);
      units(report, html);
    } else {
      subjects(report, html);
    }
    factProblems(report, html);
    html.append("<footer>").append(esc(w.get("html.generated-by-conduct-basis-read-taken", report.provenance().engineVersion())))
        .append("</footer>\n</main>\n</body>\n</html>\n");
    out.print(html);
    out.flush();
  }

  private void header(Report report, StringBuilder html) {
    var provenance = report.provenance();
    html.append("<header>\n<h1>").append(esc(w.get("html.heading"))).append("</h1>\n<p class=\"meta\">")
        .append(esc(w.get("html.evaluated-as-of"))).append(provenance.asOf())
        .append(" · ").append(esc(w.get("html.period"))).append(provenance.period().start()).append(" → ")
        .append(provenance.period().end()).append("</p>\n<p class=\"packs\">")
        .append(esc(w.get("html.rule-packs")));
    if (provenance.packs().isEmpty()) {
      html.append(esc(w.get("html.none")));
    }
    html.append(provenance.packs().stream().map(HtmlReport::pack).collect(Collectors.joining(", ")));
    html.append("</p>\n");
    report.privacy().ifPresent(p -> html.append("<p class=\"privacy\">").append(esc(w.privacy(p))).append("</p>\n"));
    if (!provenance.notes().isEmpty()) { // packs left out, waivers that did nothing
      html.append("<ul class=\"notes\">\n");
      provenance.notes().forEach(note -> html.append("<li>").append(esc(note.in(language))).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append("</header>\n");
  }

  private static String pack(PackUse use) {
    return "<span class=\"pack\">" + esc(use.packId()) + " " + esc(use.version())
        + (use.pinned() ? " (pinned)" : "") + " <small>sha256:"
        + esc(use.digest().substring(0, Math.min(12, use.digest().length()))) + "</small>"
        + (use.layers().isEmpty() ? "" : " <small class=\"layers\">(" + use.layers().stream()
            .map(l -> esc(l.packId() + " " + l.version() + " sha256:" + l.digest().substring(0, 12)))
            .collect(Collectors.joining(" + ")) + ")</small>") + "</span>";
  }

  private void summary(Report report, StringBuilder html) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    long compliant = 0;
    for (SubjectResult subject : report.subjects()) {
      for (Outcome outcome : Outcome.values()) {
        counts.merge(outcome, subject.count(outcome), Long::sum);
      }
      compliant += subject.compliant() ? 1 : 0;
    }
    long withFailures = report.subjects().stream().filter(s -> s.count(Outcome.FAIL) > 0).count();
    html.append("<section class=\"summary\">\n<h2>").append(esc(w.get("html.summary"))).append("</h2>\n")
        .append("<div class=\"cards\">\n");
    card(html, report.subjects().size(), w.get("html.subjects-evaluated"), "");
    card(html, compliant, w.get("html.fully-compliant"), "ok");
    card(html, withFailures, w.get("html.with-failures"), "bad");
    card(html, counts.get(Outcome.FAIL), w.get("html.failed-findings"), "bad");
    card(html, counts.get(Outcome.UNKNOWN), w.get("html.unknown-findings-missing-data"),
        "warn");
    if (counts.get(Outcome.ERROR) > 0) {
      card(html, counts.get(Outcome.ERROR), w.get("html.findings-in-error"), "bad");
    }
    if (!report.factProblems().isEmpty()) {
      card(html, report.factProblems().size(), w.get("html.facts-ignored"), "warn");
    }
    html.append("</div>\n</section>\n");
  }

  private static void card(StringBuilder html, long value, String label, String kind) {
    html.append("<div class=\"card ").append(kind).append("\"><b>").append(value).append("</b><span>")
        .append(esc(label)).append("</span></div>\n");
  }

  /** Per checklist: the chart of ratings, then its rankings. */
  private void checklists(Report report, StringBuilder html) {
    Map<String, List<ChecklistScore>> byChecklist = new LinkedHashMap<>();
    for (SubjectResult subject : report.subjects()) {
      for (ChecklistScore score : subject.scores()) {
        byChecklist.computeIfAbsent(score.packId() + "/" + score.checklistId(), k -> new ArrayList<>()).add(score);
      }
    }
    Map<String, SubjectResult> byId = new HashMap<>();
    report.subjects().forEach(s -> byId.put(s.subjectId(), s));
    List<List<ChecklistScore>> unrated = new ArrayList<>();
    for (Map.Entry<String, List<ChecklistScore>> entry : byChecklist.entrySet()) {
      List<ChecklistScore> scores = entry.getValue();
      ChecklistScore first = scores.get(0);
      if (scores.stream().noneMatch(ChecklistScore::rated)) {
        unrated.add(scores);
        continue;
      }
      html.append("<section class=\"checklist\">\n<h2>").append(esc(first.title().in(language)))
          .append(" <small>").append(esc(first.checklistId())).append("</small></h2>\n");
      ratingsChart(first, scores, html);
      for (Ranking ranking : report.rankings()) {
        if (ranking.packId().equals(first.packId()) && ranking.checklistId().equals(first.checklistId())) {
          ranking(ranking, byId, html);
        }
      }
      html.append("</section>\n");
    }
    if (!unrated.isEmpty()) {
      html.append("<section class=\"checklist\">\n<h2>").append(esc(w.get("html.checklists-that-rated-nobody"))).append("</h2>\n<p class=\"note\">").append(esc(w.get("html.the-facts-hold-too-little-evidence"))).append("</p>\n<table>\n<thead><tr><th>")
          .append(esc(w.get("html.checklist"))).append("</th><th class=\"num\">").append(esc(w.get("html.subjects")))
          .append("</th><th class=\"num\">").append(esc(w.get("html.average-evidence")))
          .append("</th></tr></thead>\n<tbody>\n");
      for (List<ChecklistScore> scores : unrated) {
        ChecklistScore first = scores.get(0);
        double evidence = scores.stream().mapToDouble(c -> c.evidencePercent() == null ? 0 : c.evidencePercent()
            .doubleValue()).average().orElse(0);
        html.append("<tr><td>").append(esc(first.title().in(language))).append(" <code>").append(esc(first.checklistId()))
            .append("</code></td><td class=\"num\">").append(scores.size()).append("</td><td class=\"num\">")
            .append(Math.round(evidence)).append(" %</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n</section>\n");
    }
  }

  private void ratingsChart(ChecklistScore first, List<ChecklistScore> scores, StringBuilder html) {
    List<String[]> bands = bands(first, scores); // {id, title}
    Map<String, Long> counts = scores.stream().filter(ChecklistScore::rated)
        .collect(Collectors.groupingBy(ChecklistScore::rating, Collectors.counting()));
    long unrated = scores.stream().filter(s -> !s.rated()).count();
    List<String[]> rows = new ArrayList<>(bands);
    if (unrated > 0) {
      rows.add(new String[] {null, w.get("html.not-rated-too-little-evidence")});
    }
    long max = Math.max(1, rows.stream().mapToLong(r -> r[0] == null ? unrated : counts.getOrDefault(r[0], 0L))
        .max().orElse(1));
    int rowHeight = 30;
    int labelWidth = 430;
    int barWidth = 520;
    int height = rows.size() * rowHeight + 10;
    html.append("<h3>").append(esc(w.get("html.distribution-of-ratings"))).append(" <small>")
        .append(scores.size()).append(esc(w.get("html.subjects-count"))).append("</small></h3>\n")
        .append("<svg class=\"chart\" role=\"img\" width=\"").append(labelWidth + barWidth + 110)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(labelWidth + barWidth + 110)
        .append(' ').append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>")
        .append(esc(w.get("html.distribution-of-ratings"))).append("</title>\n");
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      long count = row[0] == null ? unrated : counts.getOrDefault(row[0], 0L);
      int y = 5 + i * rowHeight;
      int width = (int) Math.round((double) barWidth * count / max);
      int step = bands.size() <= 1 ? 0 : (int) Math.round((double) i * (BAR_COLOURS.length - 1) / (bands.size() - 1));
      String colour = row[0] == null ? UNRATED_COLOUR : BAR_COLOURS[Math.min(step, BAR_COLOURS.length - 1)];
      String label = row[0] == null ? row[1] : row[0] + (row[1].isEmpty() || row[1].equals(row[0]) ? "" : " — " + row[1]);
      long percent = Math.round(100.0 * count / scores.size());
      html.append("<text x=\"0\" y=\"").append(y + 18).append("\">").append(esc(shorten(label, 50))).append("</text>")
          .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
          .append(Math.max(width, count > 0 ? 2 : 0)).append("\" height=\"").append(rowHeight - 8)
          .append("\" rx=\"3\" fill=\"").append(colour).append("\"/>")
          .append("<text x=\"").append(labelWidth + Math.max(width, 0) + 6).append("\" y=\"").append(y + 18)
          .append("\" class=\"n\">").append(count).append(" (").append(percent).append(" %)</text>\n");
    }
    html.append("</svg>\n");
  }

  /** The checklist's bands best first, with titles; bands seen in scores but not known are added. */
  private List<String[]> bands(ChecklistScore first, List<ChecklistScore> scores) {
    List<String[]> bands = new ArrayList<>();
    Optional<ChecklistInfo> info = checklists.stream()
        .filter(c -> c.packId().equals(first.packId()) && c.checklistId().equals(first.checklistId()))
        .reduce((a, b) -> b);
    info.ifPresent(c -> c.bands().forEach(b -> bands.add(new String[] {b.id(),
        b.title() == null ? "" : nonNull(b.title().in(language))})));
    Map<String, BigDecimal> best = new LinkedHashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (ChecklistScore score : scores) {
      if (score.rated() && score.rating() != null) {
        best.merge(score.rating(), score.score(), BigDecimal::max);
        titles.putIfAbsent(score.rating(), nonNull(score.ratingTitle().in(language)));
      }
    }
    best.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
        .filter(e -> bands.stream().noneMatch(b -> b[0].equals(e.getKey())))
        .forEach(e -> bands.add(new String[] {e.getKey(), titles.get(e.getKey())}));
    return bands;
  }

  private void ranking(Ranking ranking, Map<String, SubjectResult> byId, StringBuilder html) {
    if (ranking.entries().isEmpty()) {
      html.append("<p class=\"note\">").append(esc(w.get("html.ranking")))
          .append(ranking.peerGroup().isEmpty() ? "" : " — " + esc(w.get("html.peer-group") + ranking.peerGroup()))
          .append(": ").append(esc(w.get("html.nobody-ranked-no-rating")))
          .append(ids(ranking.unranked())).append("</p>\n");
      return;
    }
    html.append("<h3>").append(esc(w.get("html.ranking")));
    if (!ranking.peerGroup().isEmpty()) {
      html.append(" — ").append(esc(w.get("html.peer-group"))).append(esc(ranking.peerGroup()));
    }
    html.append("</h3>\n<table class=\"ranking\">\n<thead><tr><th>").append(esc(w.get("html.rank")))
        .append("</th><th>").append(esc(w.get("html.id"))).append("</th><th>").append(esc(w.get("html.name")))
        .append("</th><th class=\"num\">").append(esc(w.get("html.score"))).append("</th><th>")
        .append(esc(w.get("html.rating"))).append("</th></tr></thead>\n<tbody>\n");
    List<Ranking.Entry> entries = ranking.entries();
    int size = entries.size();
    boolean cut = compact && size > RANKS_SHOWN;
    for (int i = 0; i < size; i++) {
      if (cut && i == RANKS_HEAD) {
        html.append("<tr class=\"cut\"><td colspan=\"5\">").append(esc(w.get("html.ranks-left-out-all-of-them", (size - RANKS_HEAD - RANKS_TAIL))))
            .append("</td></tr>\n");
        i = size - RANKS_TAIL;
      }
      Ranking.Entry entry = entries.get(i);
      SubjectResult subject = byId.get(entry.subjectId());
      html.append("<tr><td class=\"num\">").append(entry.rank()).append("</td><td><a href=\"#s-")
          .append(esc(entry.subjectId())).append("\">").append(esc(entry.subjectId())).append("</a></td><td>")
          .append(esc(subject == null ? "" : subject.subject().name())).append("</td><td class=\"num\">")
          .append(Words.display(entry.score())).append("</td><td><span class=\"rating\">")
          .append(esc(entry.rating())).append("</span></td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    if (!ranking.unranked().isEmpty()) {
      html.append("<p class=\"note\">").append(esc(w.get("html.not-ranked-no-rating-too-little"))).append(ids(ranking.unranked())).append("</p>\n");
    }
  }

  private void subjects(Report report, StringBuilder html) {
    html.append("<section class=\"subjects\">\n<h2>").append(esc(w.get("html.findings-per-subject"))).append("</h2>\n");
    List<SubjectResult> quiet = new ArrayList<>();
    for (SubjectResult subject : report.subjects()) {
      if (!allFindings && nothingToExplain(subject)) {
        quiet.add(subject);
        continue;
      }
      subject(subject, html);
    }
    if (!quiet.isEmpty()) {
      html.append("<p class=\"quiet\"><b>").append(esc(w.get("html.nothing-to-explain")))
          .append(" (").append(quiet.size()).append(")</b>: ")
          .append(quiet.stream().map(s -> "<span id=\"s-" + esc(s.subjectId()) + "\">" + esc(s.subjectId())
              + (s.subject().name() != null ? " " + esc(s.subject().name()) : "")
              + s.scores().stream().filter(ChecklistScore::rated).map(c -> " <span class=\"rating\">"
                  + esc(c.rating()) + "</span>").collect(Collectors.joining()) + "</span>")
              .collect(Collectors.joining(", ")))
          .append("</p>\n");
    }
    html.append("</section>\n");
  }

  private static boolean nothingToExplain(SubjectResult subject) {
    return subject.findings().stream().allMatch(f -> f.outcome() == Outcome.PASS || f.outcome() == Outcome.NOT_APPLICABLE)
        && subject.scores().stream().allMatch(s -> s.rated() && s.adjustments().stream()
            .allMatch(a -> a.kind() == ScoreAdjustment.Kind.BONUS || a.kind() == ScoreAdjustment.Kind.BOUND));
  }

  private void subject(SubjectResult result, StringBuilder html) {
    var subject = result.subject();
    html.append("<article class=\"subject\" id=\"s-").append(esc(subject.id())).append("\">\n<h3>")
        .append(esc(subject.id()));
    if (subject.name() != null) {
      html.append(" · ").append(esc(subject.name()));
    }
    html.append(" <small>").append(esc(subject.type()));
    if (subject.parentId() != null) {
      html.append(" · ").append(esc(w.get("html.member-of"))).append(esc(subject.parentId()));
    }
    html.append("</small>");
    if (result.compliant()) {
      html.append(" <span class=\"badge pass\">").append(esc(w.get("html.compliant"))).append("</span>");
    }
    html.append("</h3>\n");
    for (ChecklistScore score : result.scores()) {
      html.append("<p class=\"score\"><b>").append(esc(score.title().in(language))).append("</b>: ")
          .append(Words.display(score.score())).append(" / ").append(Words.display(score.maximum()))
          .append(esc(w.get("html.points"))).append(" → ");
      if (score.rated()) {
        html.append("<span class=\"rating\">").append(esc(score.rating())).append("</span>");
        String title = score.ratingTitle().in(language);
        if (title != null && !title.isEmpty() && !title.equals(score.rating())) {
          html.append(' ').append(esc(title));
        }
      } else {
        html.append(esc(w.get("html.not-rated-evidence", Words.display(score.evidencePercent()))));
      }
      html.append("</p>\n");
      score.withoutWaivers().ifPresent(without -> html.append("<p class=\"score waived\">")
          .append(esc(w.get("html.without-waivers"))).append(Words.display(without.score()))
          .append(" / ").append(Words.display(without.maximum())).append(" → ")
          .append(without.rated() ? "<span class=\"rating\">" + esc(without.rating()) + "</span>"
              : esc(w.get("html.not-rated")))
          .append(esc(w.get("html.risk-accepted")))
          .append(Words.display(score.riskAccepted().orElseThrow())).append(esc(w.get("html.points")))
          .append("</p>\n"));
      if (!score.adjustments().isEmpty()) {
        html.append("<ul class=\"adjustments\">\n");
        for (ScoreAdjustment adjustment : score.adjustments()) {
          html.append("<li><span class=\"kind\">").append(esc(w.adjustment(adjustment.kind()))).append("</span> ")
              .append(esc(adjustment.reason().in(language))).append("</li>\n");
        }
        html.append("</ul>\n");
      }
    }
    List<Finding> shown = result.findings().stream().filter(f -> allFindings || f.outcome() == Outcome.FAIL
        || f.outcome() == Outcome.UNKNOWN || f.outcome() == Outcome.ERROR)
        .sorted(Comparator.comparing((Finding f) -> order(f.outcome()))).toList();
    if (!shown.isEmpty()) {
      html.append("<table class=\"findings\">\n<thead><tr><th>").append(esc(w.get("html.outcome")))
          .append("</th><th>").append(esc(w.get("html.criterion"))).append("</th><th>")
          .append(esc(w.get("html.reason"))).append("</th><th>").append(esc(w.get("html.source")))
          .append("</th></tr></thead>\n<tbody>\n");
      for (Finding finding : shown) {
        html.append("<tr><td><span class=\"badge ").append(finding.outcome().name().toLowerCase(Locale.ROOT)).append("\">")
            .append(esc(w.outcome(finding.outcome()))).append("</span>");
        finding.waiver().ifPresent(waiver -> html.append(" → <span class=\"badge waived\">").append(esc(w.waived()))
            .append("</span> <code>").append(esc(waiver.id())).append("</code>"));
        html.append("</td><td><b>")
            .append(esc(finding.rule().title().in(language))).append("</b><br><code>").append(esc(finding.ruleId()))
            .append("</code></td><td>").append(esc(reason(finding)));
        finding.waiver().ifPresent(waiver -> html.append("<br><small class=\"waiver\">")
            .append(esc(w.waiver(waiver, language))).append("</small>"));
        html.append("</td><td>")
            .append(citation(finding.rule().citation())).append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    html.append("<p class=\"counts\">").append(esc(List.of(Outcome.values()).stream().filter(o -> result.count(o) > 0)
        .map(o -> w.outcome(o) + " " + result.count(o)).collect(Collectors.joining(" · "))
        + (TextReport.waived(result) > 0 ? " (" + w.waived() + " " + TextReport.waived(result) + ")" : "")))
        .append("</p>\n");
    html.append("</article>\n");
  }

  /** The reason without the citation the engine appends to it, which the next column shows. */
  private String reason(Finding finding) {
    String reason = finding.reason().in(language);
    Citation citation = finding.rule().citation();
    if (reason != null && citation != null) {
      String suffix = " — " + citation.render(language);
      if (reason.endsWith(suffix)) {
        return reason.substring(0, reason.length() - suffix.length());
      }
    }
    return reason;
  }

  private String citation(Citation citation) {
    if (citation == null) {
      return "";
    }
    String text = esc(citation.render(language));
    if (citation.note() != null && !citation.note().isBlank()) {
      text += "<br><small>" + esc(shorten(citation.note(), 160)) + "</small>";
    }
    return text;
  }

  /** Ids joined by ", "; in a large run only the first {@link #IDS_SHOWN}, then how many more. */
  private String ids(List<String> ids) {
    if (!compact || ids.size() <= IDS_SHOWN) {
      return esc(String.join(", ", ids));
    }
    return esc(String.join(", ", ids.subList(0, IDS_SHOWN)) + w.get("html.and-more", (ids.size() - IDS_SHOWN)));
  }

  // --- large runs ---------------------------------------------------------------------------------

  /** States, near the top, what a large run's page leaves out and where to find it. */
  private void abbreviated(Report report, StringBuilder html) {
    html.append("<p class=\"abbreviated\" id=\"abbreviated\"><b>").append(esc(w.get("html.abbreviated-report")))
        .append("</b> ").append(esc(w.get("html.abbreviated-explained", report.subjects().size(), FULL_DETAIL_UP_TO, RANKS_HEAD,
            RANKS_TAIL, allFindings ? w.get("html.all-does-not-apply-abbreviated") : "")))
        .append("</p>\n");
  }

  /** Per rule that did not pass somewhere: its title, citation, counts, and its most frequent reason. */
  private void criteria(Report report, StringBuilder html) {
    Map<String, Criterion> criteria = new LinkedHashMap<>();
    for (SubjectResult subject : report.subjects()) {
      for (Finding finding : subject.findings()) {
        Criterion criterion = criteria.computeIfAbsent(finding.ruleId(), id -> new Criterion(finding));
        criterion.counts.merge(finding.outcome(), 1, Integer::sum);
        if (notable(finding.outcome())) {
          criterion.failures.merge(reason(finding), 1, Integer::sum);
        } else if (finding.outcome() == Outcome.UNKNOWN) {
          criterion.unknowns.merge(reason(finding), 1, Integer::sum);
        }
      }
    }
    criteria.values().forEach(c -> topFailures.put(c.finding.ruleId(), top(c.failures)));
    List<Criterion> shown = criteria.values().stream().filter(c -> !c.failures.isEmpty() || !c.unknowns.isEmpty())
        .sorted(Comparator.comparing((Criterion c) -> -c.count(Outcome.ERROR) - c.count(Outcome.FAIL))
            .thenComparing(c -> -c.count(Outcome.UNKNOWN)).thenComparing(c -> c.finding.ruleId()))
        .toList();
    html.append("<section class=\"criteria\">\n<h2>").append(esc(w.get("html.criteria-failed-in-error-or-without"))).append("</h2>\n");
    if (shown.isEmpty()) {
      html.append("<p class=\"note\">").append(esc(w.get("html.no-criteria-failed"))).append("</p>\n</section>\n");
      return;
    }
    html.append("<table class=\"criteria\">\n<thead><tr><th>").append(esc(w.get("html.criterion")))
        .append("</th><th class=\"num\">").append(esc(w.outcome(Outcome.FAIL))).append("</th><th class=\"num\">")
        .append(esc(w.outcome(Outcome.UNKNOWN))).append("</th><th class=\"num\">").append(esc(w.outcome(Outcome.ERROR)))
        .append("</th><th class=\"num\">").append(esc(w.outcome(Outcome.PASS))).append("</th><th>")
        .append(esc(w.get("html.most-frequent-reasons"))).append("</th><th>")
        .append(esc(w.get("html.source"))).append("</th></tr></thead>\n<tbody>\n");
    for (Criterion c : shown) {
      html.append("<tr id=\"r-").append(esc(c.finding.ruleId())).append("\"><td><b>")
          .append(esc(c.finding.rule().title().in(language))).append("</b><br><code>").append(esc(c.finding.ruleId()))
          .append("</code>").append(c.finding.rule().layer().map(l -> " <small class=\"layer\">"
              + esc(w.get("html.layer") + l) + "</small>").orElse(""))
          .append("</td><td class=\"num\">").append(c.count(Outcome.FAIL)).append("</td><td class=\"num\">")
          .append(c.count(Outcome.UNKNOWN)).append("</td><td class=\"num\">").append(c.count(Outcome.ERROR))
          .append("</td><td class=\"num\">").append(c.count(Outcome.PASS)).append("</td><td>");
      String failure = top(c.failures);
      if (failure != null) {
        html.append(esc(failure)).append(" <small>(").append(c.failures.get(failure)).append(")</small>");
      }
      String unknown = top(c.unknowns);
      if (unknown != null) {
        html.append(failure == null ? "" : "<br>").append(esc(unknown)).append(" <small>(")
            .append(c.unknowns.get(unknown)).append(")</small>");
      }
      html.append("</td><td>")
          .append(citation(c.finding.rule().citation())).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** The most frequent text, the first of equals; {@code null} for none. */
  private static String top(Map<String, Integer> counts) {
    Map.Entry<String, Integer> top = null;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (top == null || entry.getValue() > top.getValue()) {
        top = entry;
      }
    }
    return top == null ? null : top.getKey();
  }

  /** One rule's findings across the run, for the table of criteria. */
  private static final class Criterion {
    final Finding finding;
    final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    /** Reasons of the FAIL and ERROR findings, in order of first use, with how often each came. */
    final Map<String, Integer> failures = new LinkedHashMap<>();
    /** Reasons of the UNKNOWN findings, likewise. */
    final Map<String, Integer> unknowns = new LinkedHashMap<>();

    Criterion(Finding finding) {
      this.finding = finding;
    }

    int count(Outcome outcome) {
      return counts.getOrDefault(outcome, 0);
    }
  }

  private static boolean notable(Outcome outcome) {
    return outcome == Outcome.FAIL || outcome == Outcome.ERROR;
  }

  /** Members grouped by their unit, each unit a collapsible section of compact rows. */
  private void units(Report report, StringBuilder html) {
    Map<String, SubjectResult> byId = new HashMap<>();
    report.subjects().forEach(s -> byId.put(s.subjectId(), s));
    Map<String, List<SubjectResult>> byUnit = new java.util.TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (SubjectResult subject : report.subjects()) {
      byUnit.computeIfAbsent(subject.subject().parentId(), k -> new ArrayList<>()).add(subject);
    }
    boolean errors = report.subjects().stream().anyMatch(s -> s.count(Outcome.ERROR) > 0);
    html.append("<section class=\"units\">\n<h2>").append(esc(w.get("html.results-per-unit")))
        .append(" <small>").append(byUnit.size()).append(esc(w.get("html.sections"))).append("</small></h2>\n");
    for (Map.Entry<String, List<SubjectResult>> unit : byUnit.entrySet()) {
      List<SubjectResult> members = unit.getValue();
      long compliant = members.stream().filter(SubjectResult::compliant).count();
      long failing = members.stream().filter(s -> s.count(Outcome.FAIL) + s.count(Outcome.ERROR) > 0).count();
      long fails = members.stream().mapToLong(s -> s.count(Outcome.FAIL)).sum();
      long unknown = members.stream().mapToLong(s -> s.count(Outcome.UNKNOWN)).sum();
      html.append("<details class=\"unit\"");
      if (unit.getKey() != null) {
        html.append(" id=\"u-").append(esc(unit.getKey())).append('"');
      }
      html.append("><summary><b>");
      if (unit.getKey() == null) {
        html.append(esc(w.get("html.in-no-unit")));
      } else {
        SubjectResult head = byId.get(unit.getKey());
        html.append(esc(unit.getKey()));
        if (head != null && head.subject().name() != null) {
          html.append(" · ").append(esc(head.subject().name()));
        }
      }
      html.append("</b> — ").append(esc(w.get("html.members-fully-compliant-with-failures-or", members.size(), compliant, failing, fails, unknown)));
      ratings(members, html);
      html.append("</summary>\n");
      html.append("<table class=\"members\">\n<thead><tr><th>").append(esc(w.get("html.id"))).append("</th><th>")
          .append(esc(w.get("html.name"))).append("</th><th>").append(esc(w.get("html.scores-ratings")))
          .append("</th>");
      for (Outcome outcome : new Outcome[] {Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE}) {
        html.append("<th class=\"num\">").append(esc(w.outcome(outcome))).append("</th>");
      }
      if (errors) {
        html.append("<th class=\"num\">").append(esc(w.outcome(Outcome.ERROR))).append("</th>");
      }
      html.append("<th>").append(esc(w.get("html.failed-in-error"))).append("</th></tr></thead>\n<tbody>\n");
      for (SubjectResult member : members) {
        row(member, errors, html);
      }
      html.append("</tbody>\n</table>\n</details>\n");
    }
    html.append("</section>\n");
  }

  /** Per checklist that scored members of a unit: how many hold each band, best first, and how many are not rated. */
  private void ratings(List<SubjectResult> members, StringBuilder html) {
    Map<String, List<ChecklistScore>> byChecklist = new LinkedHashMap<>();
    for (SubjectResult member : members) {
      for (ChecklistScore score : member.scores()) {
        byChecklist.computeIfAbsent(score.packId() + "/" + score.checklistId(), k -> new ArrayList<>()).add(score);
      }
    }
    for (List<ChecklistScore> scores : byChecklist.values()) {
      Map<String, Long> counts = scores.stream().filter(ChecklistScore::rated)
          .collect(Collectors.groupingBy(ChecklistScore::rating, Collectors.counting()));
      List<String> parts = new ArrayList<>();
      for (String[] band : bands(scores.get(0), scores)) {
        if (counts.containsKey(band[0])) {
          parts.add(band[0] + " " + counts.get(band[0]));
        }
      }
      long unrated = scores.stream().filter(score -> !score.rated()).count();
      if (unrated > 0) {
        parts.add(w.get("html.not-rated-count") + unrated);
      }
      html.append("<br><small>").append(esc(scores.get(0).checklistId())).append("</small> ")
          .append(esc(String.join(", ", parts)));
    }
  }

  /** One compact row: id, name, scores and their changes, counts per outcome, failed criteria. */
  private void row(SubjectResult result, boolean errors, StringBuilder html) {
    html.append("<tr id=\"s-").append(esc(result.subjectId())).append("\"><td>").append(esc(result.subjectId()))
        .append("</td><td>").append(esc(result.subject().name())).append("</td><td>");
    boolean first = true;
    for (ChecklistScore score : result.scores()) {
      html.append(first ? "" : "<br>").append("<small>").append(esc(score.checklistId())).append("</small> ")
          .append(Words.display(score.score()));
      if (score.rated()) {
        html.append(" <span class=\"rating\">").append(esc(score.rating())).append("</span>");
      } else {
        html.append(esc(w.get("html.not-rated-evidence-short", Words.display(score.evidencePercent()))));
      }
      for (ScoreAdjustment adjustment : score.adjustments()) {
        if (adjustment.kind() == ScoreAdjustment.Kind.BONUS || adjustment.kind() == ScoreAdjustment.Kind.BOUND
            || adjustment.kind() == ScoreAdjustment.Kind.ROUNDING) {
          continue;
        }
        html.append(" · ").append(esc(w.adjustment(adjustment.kind())));
        if (adjustment.points() != null) {
          html.append(' ').append(esc(Words.display(adjustment.points())));
        }
        if (adjustment.toRating() != null) {
          html.append(' ').append(esc(adjustment.fromRating() == null ? "" : adjustment.fromRating() + "→"))
              .append(esc(adjustment.toRating()));
        }
      }
      first = false;
    }
    html.append("</td>");
    for (Outcome outcome : new Outcome[] {Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE}) {
      html.append("<td class=\"num\">").append(result.count(outcome)).append("</td>");
    }
    if (errors) {
      html.append("<td class=\"num\">").append(result.count(Outcome.ERROR)).append("</td>");
    }
    html.append("<td>");
    first = true;
    for (Finding finding : result.findings()) {
      if (!notable(finding.outcome())) {
        continue;
      }
      html.append(first ? "" : "; ").append("<a href=\"#r-").append(esc(finding.ruleId())).append("\">")
          .append(esc(finding.ruleId())).append("</a>");
      if (finding.outcome() == Outcome.ERROR) {
        html.append(" (").append(esc(w.outcome(Outcome.ERROR))).append(')');
      }
      String reason = reason(finding);
      if (!reason.equals(topFailures.get(finding.ruleId()))) {
        html.append(": ").append(esc(reason));
      }
      first = false;
    }
    html.append("</td></tr>\n");
  }

  private static int order(Outcome outcome) {
    return switch (outcome) {
      case ERROR -> 0;
      case FAIL -> 1;
      case UNKNOWN -> 2;
      case PASS -> 3;
      case NOT_APPLICABLE -> 4;
    };
  }

  private void factProblems(Report report, StringBuilder html) {
    if (report.factProblems().isEmpty()) {
      return;
    }
    html.append("<section class=\"facts\">\n<h2>").append(esc(w.get("html.facts-ignored-or-in-error"))).append("</h2>\n<table>\n<thead><tr><th>")
        .append(esc(w.get("html.where"))).append("</th><th>").append(esc(w.get("html.field")))
        .append("</th><th>").append(esc(w.get("html.problem"))).append("</th></tr></thead>\n<tbody>\n");
    List<FactProblem> problems = report.factProblems();
    for (FactProblem problem : compact ? problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())) : problems) {
      html.append("<tr><td><code>").append(esc(locator.apply(problem)
          .orElse(problem.kind() + "[" + problem.index() + "]"))).append("</code></td><td>").append(esc(problem.field()))
          .append("</td><td>").append(esc(problem.message())).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    if (compact && problems.size() > PROBLEMS_SHOWN) {
      html.append("<p class=\"note\">").append(esc(w.get("html.only-of-problems-are-listed-all", PROBLEMS_SHOWN, problems.size())))
          .append("</p>\n");
    }
    html.append("</section>\n");
  }

  /** At most {@code max} characters, never cutting a surrogate pair in two. */
  private static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.substring(0, end) + "…";
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  private static final String CSS = """

      :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --accent: #0b3d91; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 15px/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
        background: #fff; }
      main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
      header { border-bottom: 4px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
      h1 { font-size: 26px; margin: 0 0 6px; color: var(--accent); }
      h2 { font-size: 20px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
      h3 { font-size: 16px; margin: 18px 0 8px; }
      small { color: var(--muted); font-weight: normal; }
      .meta { margin: 0; font-size: 16px; }
      .packs { margin: 4px 0 0; color: var(--muted); }
      .pack { white-space: nowrap; }
      .cards { display: flex; flex-wrap: wrap; gap: 12px; }
      .card { flex: 1 1 150px; background: var(--bg); border: 1px solid var(--line); border-left: 6px solid var(--accent);
        border-radius: 6px; padding: 10px 14px; }
      .card b { display: block; font-size: 28px; line-height: 1.2; }
      .card span { color: var(--muted); }
      .card.ok { border-left-color: #1a7f37; } .card.bad { border-left-color: #c62828; } .card.warn { border-left-color: #b08800; }
      svg.chart { display: block; max-width: 100%; height: auto; font-size: 14px; }
      svg.chart text { fill: var(--ink); } svg.chart text.n { fill: var(--muted); }
      table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
      th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
      th { background: var(--bg); font-weight: 600; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      table.ranking { width: auto; min-width: 60%; }
      table.ranking tbody tr:nth-child(even) { background: #fbfcfd; }
      table.findings td:first-child { width: 120px; } table.findings td:last-child { width: 28%; }
      code { font: 12px/1.4 "DejaVu Sans Mono", Consolas, monospace; color: var(--muted); }
      a { color: var(--accent); }
      .rating { display: inline-block; min-width: 1.8em; text-align: center; font-weight: 700; background: #e7edf7;
        border-radius: 4px; padding: 0 6px; }
      .badge { display: inline-block; border-radius: 4px; padding: 1px 7px; font-size: 12px; font-weight: 700;
        color: #fff; white-space: nowrap; }
      .badge.fail { background: #c62828; } .badge.unknown { background: #b08800; } .badge.error { background: #6f42c1; }
      .badge.pass { background: #1a7f37; } .badge.waived { background: #0969da; } .badge.not_applicable { background: #8c959f; }
      article.subject { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 6px; margin: 14px 0; }
      article.subject h3 { margin-top: 10px; }
      .score { margin: 6px 0; }
      ul.adjustments { margin: 0 0 8px; padding-left: 22px; color: var(--ink); }
      ul.adjustments .kind { font-weight: 600; color: var(--accent); }
      .counts, .note, .quiet { color: var(--muted); }
      .abbreviated { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; }
      details.unit { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; margin: 8px 0; }
      details.unit summary { cursor: pointer; } details.unit[open] summary { margin-bottom: 6px; }
      table.members td, table.members th { padding: 3px 6px; font-size: 13px; }
      tr.cut td { color: var(--muted); text-align: center; }
      footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
      @media print { main { padding: 0; } article.subject, table, svg { break-inside: avoid; } a { color: inherit; } }
      """;
}
