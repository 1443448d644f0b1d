package vn.conduct.cli;

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
import vn.conduct.cli.html.Letterhead;
import vn.conduct.cli.html.ReportView;
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
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.SubjectResult;

/**
 * Renders a report as one self-contained HTML page for officials: inline CSS, inline SVG charts, no
 * script and no external resource, so that it can be mailed, archived or printed as it is.
 *
 * <p>Sections: the evaluation's date, period and packs; a summary; per checklist the distribution
 * of ratings (an SVG bar chart) and the ranking tables; per subject its scores with every
 * adjustment and the findings that need attention (FAIL, UNKNOWN, ERROR; every finding with
 * {@code --all}) with reasons and citations; facts that were ignored. The page is the template
 * {@code report.jte} over a {@link ReportView} built here: every text that comes from a pack or the
 * facts is put on one line first ({@link SafeText#line}: any control character, line break or
 * bidirectional override shown as its escape), and the template HTML-escapes it.
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
  private final Letterhead letterhead;
  // State of the one report being built: an instance builds one report at a time.
  /** Whether the report is abbreviated. */
  private boolean compact;
  /** In an abbreviated report, each rule's most frequent FAIL or ERROR reason, stated once in the table of criteria. */
  private final Map<String, String> topFailures = new HashMap<>();

  /**
   * @param checklists the engine's checklists, for the order and titles of rating bands; may be
   *     empty, bands are then ordered by their holders' best score
   * @param letterhead the page's header and footer; {@code null} for the pack's own when the report has one
   *     pack (its {@code rulepacks/<pack-id>/letterhead.yaml}), else none
   */
  HtmlReport(Language language, boolean allFindings, Function<FactProblem, Optional<String>> locator,
      List<ChecklistInfo> checklists, Letterhead letterhead) {
    this.w = new Words(language);
    this.language = language;
    this.allFindings = allFindings;
    this.locator = locator;
    this.checklists = checklists;
    this.letterhead = letterhead;
  }

  HtmlReport(Language language, boolean allFindings, Function<FactProblem, Optional<String>> locator,
      List<ChecklistInfo> checklists) {
    this(language, allFindings, locator, checklists, null);
  }

  void print(Report report, PrintWriter out) {
    Pages.render("report.jte", view(report), out);
  }

  /** Text from a pack or the facts on one line, escapes shown; {@code null} stays {@code null}. */
  private static String lineOrNull(String text) {
    return SafeText.line(text);
  }

  /** Like {@link #t} but {@code ""} for {@code null}. */
  private static String line(String text) {
    return text == null ? "" : SafeText.line(text);
  }

  ReportView view(Report report) {
    compact = report.subjects().size() > FULL_DETAIL_UP_TO;
    topFailures.clear();
    var provenance = report.provenance();
    // A pack's own letterhead speaks for a report of that pack alone; a report over several packs takes the host's.
    Letterhead head = letterhead != null ? letterhead : provenance.packs().size() != 1 ? Letterhead.NONE
        : Letterheads.ofPacks(List.of(provenance.packs().get(0).packId()), HtmlReport.class.getClassLoader())
            .orElse(Letterhead.NONE);
    if (!head.place().isEmpty()) {
      var date = provenance.asOf();
      head = head.withPlace(w.get("letterhead.place-date", head.place(), date.getDayOfMonth(), date.getMonthValue(),
          date.getYear(), date));
    }
    ReportView.Header header = new ReportView.Header(String.valueOf(provenance.asOf()),
        String.valueOf(provenance.period().start()), String.valueOf(provenance.period().end()),
        provenance.packs().stream().map(HtmlReport::pack).toList(),
        provenance.notes().stream().map(note -> line(note.in(language))).toList(),
        report.privacy().map(w::privacy).map(HtmlReport::line).orElse(null));
    List<ReportView.Criterion> criteria = compact ? criteria(report) : null; // before units: sets topFailures
    List<ReportView.UnratedChecklist> unrated = new ArrayList<>();
    List<ReportView.ChecklistSection> sections = checklists(report, unrated);
    return new ReportView(Pages.texts(w), head, w.get("html.title") + " — " + provenance.asOf(), header,
        summary(report), compact ? abbreviated(report) : null, sections, unrated,
        compact ? null : subjects(report), criteria, compact ? units(report) : null, factProblems(report),
        w.get("html.generated-by-conduct-basis-read-taken", provenance.engineVersion()));
  }

  private static ReportView.Pack pack(PackUse use) {
    return new ReportView.Pack(line(use.packId()), line(use.version()), use.pinned(),
        line(use.digest().substring(0, Math.min(12, use.digest().length()))),
        use.layers().isEmpty() ? "" : line("(" + use.layers().stream()
            .map(l -> l.packId() + " " + l.version() + " sha256:" + l.digest().substring(0, 12))
            .collect(Collectors.joining(" + ")) + ")"));
  }

  private List<ReportView.Card> summary(Report report) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    long compliant = 0;
    for (SubjectResult subject : report.subjects()) {
      for (Outcome outcome : Outcome.values()) {
        counts.merge(outcome, subject.count(outcome), Long::sum);
      }
      compliant += subject.compliant() ? 1 : 0;
    }
    long withFailures = report.subjects().stream().filter(s -> s.count(Outcome.FAIL) > 0).count();
    List<ReportView.Card> cards = new ArrayList<>();
    cards.add(new ReportView.Card(report.subjects().size(), w.get("html.subjects-evaluated"), ""));
    cards.add(new ReportView.Card(compliant, w.get("html.fully-compliant"), "ok"));
    cards.add(new ReportView.Card(withFailures, w.get("html.with-failures"), "bad"));
    cards.add(new ReportView.Card(counts.getOrDefault(Outcome.FAIL, 0L), w.get("html.failed-findings"), "bad"));
    cards.add(new ReportView.Card(counts.getOrDefault(Outcome.UNKNOWN, 0L), w.get("html.unknown-findings-missing-data"),
        "warn"));
    if (counts.getOrDefault(Outcome.ERROR, 0L) > 0) {
      cards.add(new ReportView.Card(counts.get(Outcome.ERROR), w.get("html.findings-in-error"), "bad"));
    }
    if (!report.factProblems().isEmpty()) {
      cards.add(new ReportView.Card(report.factProblems().size(), w.get("html.facts-ignored"), "warn"));
    }
    return cards;
  }

  /** Per checklist: the chart of ratings, then its rankings; the checklists that rated nobody go to {@code unrated}. */
  private List<ReportView.ChecklistSection> checklists(Report report, List<ReportView.UnratedChecklist> unrated) {
    Map<String, List<ChecklistScore>> byChecklist = new LinkedHashMap<>();
    for (SubjectResult subject : report.subjects()) {
      for (ChecklistScore score : subject.scores()) {
        byChecklist.computeIfAbsent(score.packId() + "/" + score.checklistId(), k -> new ArrayList<>()).add(score);
      }
    }
    Map<String, SubjectResult> byId = new HashMap<>();
    report.subjects().forEach(s -> byId.put(s.subjectId(), s));
    List<ReportView.ChecklistSection> sections = new ArrayList<>();
    for (List<ChecklistScore> scores : byChecklist.values()) {
      ChecklistScore first = scores.get(0);
      if (scores.stream().noneMatch(ChecklistScore::rated)) {
        double evidence = scores.stream().mapToDouble(c -> c.evidencePercent() == null ? 0 : c.evidencePercent()
            .doubleValue()).average().orElse(0);
        unrated.add(new ReportView.UnratedChecklist(line(first.title().in(language)), line(first.checklistId()),
            scores.size(), Math.round(evidence)));
        continue;
      }
      List<ReportView.RankingTable> rankings = new ArrayList<>();
      for (Ranking ranking : report.rankings()) {
        if (ranking.packId().equals(first.packId()) && ranking.checklistId().equals(first.checklistId())) {
          rankings.add(ranking(ranking, byId));
        }
      }
      sections.add(new ReportView.ChecklistSection(line(first.title().in(language)), line(first.checklistId()),
          ratingsChart(first, scores), rankings));
    }
    return sections;
  }

  private ReportView.Chart ratingsChart(ChecklistScore first, List<ChecklistScore> scores) {
    List<String[]> bands = bands(first, scores);
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
    List<ReportView.Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      long count = row[0] == null ? unrated : counts.getOrDefault(row[0], 0L);
      int y = 5 + i * rowHeight;
      int width = (int) Math.round((double) barWidth * count / max);
      int step = bands.size() <= 1 ? 0 : (int) Math.round((double) i * (BAR_COLOURS.length - 1) / (bands.size() - 1));
      String colour = row[0] == null ? UNRATED_COLOUR : BAR_COLOURS[Math.min(step, BAR_COLOURS.length - 1)];
      String label = row[0] == null || !row[1].isEmpty() ? row[1] : row[0]; // the band's title, else its id
      long percent = Math.round(100.0 * count / scores.size());
      bars.add(new ReportView.Bar(line(shorten(label, 50)), y, labelWidth, Math.max(width, count > 0 ? 2 : 0),
          rowHeight - 8, colour, labelWidth + Math.max(width, 0) + 6, count, percent));
    }
    return new ReportView.Chart(scores.size(), labelWidth + barWidth + 110, height, bars);
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

  /**
   * A band as people read it: its title in this language (from the score, else from the engine's
   * checklists), or its id when it has none.
   */
  private String band(String packId, String checklistId, String bandId, vn.conduct.rules.api.LocalizedText title) {
    String text = title == null ? "" : title.in(language);
    if (text == null || text.isBlank()) {
      text = checklists == null ? "" : checklists.stream()
          .filter(c -> c.packId().equals(packId) && c.checklistId().equals(checklistId))
          .flatMap(c -> c.bands().stream()).filter(b -> b.id().equals(bandId) && b.title() != null)
          .map(b -> b.title().in(language)).filter(t -> t != null && !t.isBlank()).findFirst().orElse("");
    }
    return line(text.isBlank() ? bandId : text);
  }

  private ReportView.RankingTable ranking(Ranking ranking, Map<String, SubjectResult> byId) {
    List<ReportView.Rank> rows = new ArrayList<>();
    List<Ranking.Entry> entries = ranking.entries();
    int size = entries.size();
    boolean cut = compact && size > RANKS_SHOWN;
    for (int i = 0; i < size; i++) {
      if (cut && i == RANKS_HEAD) {
        rows.add(new ReportView.Rank(0, "", "", "", "", w.get("html.ranks-left-out-all-of-them",
            size - RANKS_HEAD - RANKS_TAIL)));
        i = size - RANKS_TAIL;
      }
      Ranking.Entry entry = entries.get(i);
      SubjectResult subject = byId.get(entry.subjectId());
      rows.add(new ReportView.Rank(entry.rank(), line(entry.subjectId()), subject == null ? "" : line(subject.subject().name()),
          Words.display(entry.score()),
          entry.rating() == null ? null : band(ranking.packId(), ranking.checklistId(), entry.rating(), null), null));
    }
    return new ReportView.RankingTable(line(ranking.peerGroup()), rows, ids(ranking.unranked()));
  }

  private ReportView.Subjects subjects(Report report) {
    List<ReportView.Subject> shown = new ArrayList<>();
    List<ReportView.Quiet> quiet = new ArrayList<>();
    for (SubjectResult subject : report.subjects()) {
      if (!allFindings && nothingToExplain(subject)) {
        quiet.add(new ReportView.Quiet(line(subject.subjectId()), lineOrNull(subject.subject().name()), subject.scores().stream()
            .filter(ChecklistScore::rated).map(c -> line(c.rating())).toList()));
      } else {
        shown.add(subject(subject));
      }
    }
    return new ReportView.Subjects(shown, quiet);
  }

  private static boolean nothingToExplain(SubjectResult subject) {
    return subject.findings().stream().allMatch(f -> (f.outcome() == Outcome.PASS || f.outcome() == Outcome.NOT_APPLICABLE)
            && f.decisions().isEmpty())
        && subject.scores().stream().allMatch(s -> s.rated() && s.decisions().isEmpty() && s.adjustments().stream()
            .allMatch(a -> a.kind() == ScoreAdjustment.Kind.BONUS || a.kind() == ScoreAdjustment.Kind.BOUND));
  }

  private ReportView.Subject subject(SubjectResult result) {
    var subject = result.subject();
    List<ReportView.Score> scores = new ArrayList<>();
    for (ChecklistScore score : result.scores()) {
      // a rating as people read it: the band's title (ids are for machines: JSON and CSV keep them)
      String ratingTitle = null;
      ReportView.WithoutWaivers without = score.withoutWaivers().map(w0 -> new ReportView.WithoutWaivers(
          Words.display(w0.score()), Words.display(w0.maximum()),
          w0.rated() ? band(score.packId(), score.checklistId(), w0.rating(), w0.ratingTitle()) : null,
          Words.display(score.riskAccepted().orElseThrow()))).orElse(null);
      scores.add(new ReportView.Score(line(score.title().in(language)), Words.display(score.score()),
          Words.display(score.maximum()),
          score.rated() ? band(score.packId(), score.checklistId(), score.rating(), score.ratingTitle()) : null,
          ratingTitle,
          score.rated() ? null : w.get("html.not-rated-evidence", Words.display(score.evidencePercent())), without,
          java.util.stream.Stream.concat(score.adjustments().stream().map(a -> new ReportView.Adjustment(
              w.adjustment(a.kind()), line(a.reason().in(language)))), score.decisions().stream().map(d ->
              new ReportView.Adjustment(w.get("report.history").strip(), line(w.target(d) + ": "
                  + w.decision(d, language))))).toList()));
    }
    List<ReportView.FindingView> findings = result.findings().stream().filter(f -> allFindings
            || f.outcome() == Outcome.FAIL || f.outcome() == Outcome.UNKNOWN || f.outcome() == Outcome.ERROR
            || !f.decisions().isEmpty())
        .sorted(Comparator.comparing((Finding f) -> order(f.outcome()))).map(this::finding).toList();
    String counts = List.of(Outcome.values()).stream().filter(o -> result.count(o) > 0)
        .map(o -> w.outcome(o) + " " + result.count(o)).collect(Collectors.joining(" · "))
        + (TextReport.waived(result) > 0 ? " (" + w.waived() + " " + TextReport.waived(result) + ")" : "");
    return new ReportView.Subject(line(subject.id()), lineOrNull(subject.name()), line(subject.type()), lineOrNull(subject.parentId()),
        result.compliant(), scores, findings, counts);
  }

  private ReportView.FindingView finding(Finding finding) {
    List<ReportView.Detail> details = new ArrayList<>();
    // as the table report: the facts the rule set aside, and those backed by documents (explain lists them all)
    finding.facts().stream().filter(f -> !f.used() || !f.evidence().references().isEmpty())
        .forEach(fact -> details.add(new ReportView.Detail(fact.used() ? "fact" : "fact set-aside", "",
            line(w.fact(fact)))));
    finding.decisions().forEach(decision -> details.add(new ReportView.Detail("decision",
        w.get("report.history").strip(), line(w.decision(decision, language)))));
    return new ReportView.FindingView(finding.outcome().name().toLowerCase(Locale.ROOT), decided(finding),
        finding.waiver().map(waiver -> line(waiver.id())).orElse(null),
        finding.waiver().map(waiver -> line(w.waiver(waiver, language))).orElse(null),
        line(finding.rule().title().in(language)), line(finding.ruleId()), line(reason(finding)),
        citation(finding.rule().citation()), List.copyOf(details));
  }

  /**
   * The outcome in words, with what decisions did to it: {@code FAIL → PASS (d-1)} after an override,
   * {@code FAIL (CONTESTED, pending)} while a contest waits (the waiver, if any, has its own badge).
   */
  private String decided(Finding finding) {
    String original = finding.override().filter(d -> finding.originalOutcome() != finding.outcome())
        .map(d -> w.outcome(finding.originalOutcome()) + " → ").orElse("");
    return original + w.outcome(finding.outcome()) + finding.override().map(d -> " (" + line(d.id()) + ")").orElse("")
        + (finding.contestPending() ? " " + w.get("outcome.contested") : "");
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

  private ReportView.Citation citation(Citation citation) {
    if (citation == null) {
      return null;
    }
    String note = citation.note() != null && !citation.note().isBlank() ? line(shorten(citation.note(), 160)) : null;
    return new ReportView.Citation(line(citation.render(language)), note);
  }

  /** Ids joined by ", "; in a large run only the first {@link #IDS_SHOWN}, then how many more. */
  private String ids(List<String> ids) {
    if (!compact || ids.size() <= IDS_SHOWN) {
      return line(String.join(", ", ids));
    }
    return line(String.join(", ", ids.subList(0, IDS_SHOWN)) + w.get("html.and-more", (ids.size() - IDS_SHOWN)));
  }

  // --- large runs ---------------------------------------------------------------------------------

  /** States, near the top, what a large run's page leaves out and where to find it. */
  private String abbreviated(Report report) {
    return w.get("html.abbreviated-explained", report.subjects().size(), FULL_DETAIL_UP_TO, RANKS_HEAD,
        RANKS_TAIL, allFindings ? w.get("html.all-does-not-apply-abbreviated") : "");
  }

  /** Per rule that did not pass somewhere: its title, citation, counts, and its most frequent reason. */
  private List<ReportView.Criterion> criteria(Report report) {
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
    return criteria.values().stream().filter(c -> !c.failures.isEmpty() || !c.unknowns.isEmpty())
        .sorted(Comparator.comparing((Criterion c) -> -c.count(Outcome.ERROR) - c.count(Outcome.FAIL))
            .thenComparing(c -> -c.count(Outcome.UNKNOWN)).thenComparing(c -> c.finding.ruleId()))
        .map(c -> {
          String failure = top(c.failures);
          String unknown = top(c.unknowns);
          return new ReportView.Criterion(line(c.finding.ruleId()), line(c.finding.rule().title().in(language)),
              c.finding.rule().layer().map(l -> line(w.get("html.layer") + l)).orElse(null),
              c.count(Outcome.FAIL), c.count(Outcome.UNKNOWN), c.count(Outcome.ERROR), c.count(Outcome.PASS),
              lineOrNull(failure), failure == null ? 0 : c.failures.get(failure), lineOrNull(unknown),
              unknown == null ? 0 : c.unknowns.get(unknown), citation(c.finding.rule().citation()));
        })
        .toList();
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
  private ReportView.Units units(Report report) {
    Map<String, SubjectResult> byId = new HashMap<>();
    report.subjects().forEach(s -> byId.put(s.subjectId(), s));
    Map<String, List<SubjectResult>> byUnit = new java.util.TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (SubjectResult subject : report.subjects()) {
      byUnit.computeIfAbsent(subject.subject().parentId(), k -> new ArrayList<>()).add(subject);
    }
    boolean errors = report.subjects().stream().anyMatch(s -> s.count(Outcome.ERROR) > 0);
    List<ReportView.Unit> units = new ArrayList<>();
    for (Map.Entry<String, List<SubjectResult>> unit : byUnit.entrySet()) {
      List<SubjectResult> members = unit.getValue();
      long compliant = members.stream().filter(SubjectResult::compliant).count();
      long failing = members.stream().filter(s -> s.count(Outcome.FAIL) + s.count(Outcome.ERROR) > 0).count();
      long fails = members.stream().mapToLong(s -> s.count(Outcome.FAIL)).sum();
      long unknown = members.stream().mapToLong(s -> s.count(Outcome.UNKNOWN)).sum();
      SubjectResult head = unit.getKey() == null ? null : byId.get(unit.getKey());
      units.add(new ReportView.Unit(lineOrNull(unit.getKey()), head == null ? null : lineOrNull(head.subject().name()),
          w.get("html.members-fully-compliant-with-failures-or", members.size(), compliant, failing, fails, unknown),
          ratings(members), members.stream().map(this::row).toList()));
    }
    return new ReportView.Units(units, errors);
  }

  /** Per checklist that scored members of a unit: how many hold each band, best first, and how many are not rated. */
  private List<ReportView.UnitRatings> ratings(List<SubjectResult> members) {
    Map<String, List<ChecklistScore>> byChecklist = new LinkedHashMap<>();
    for (SubjectResult member : members) {
      for (ChecklistScore score : member.scores()) {
        byChecklist.computeIfAbsent(score.packId() + "/" + score.checklistId(), k -> new ArrayList<>()).add(score);
      }
    }
    List<ReportView.UnitRatings> ratings = new ArrayList<>();
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
      ratings.add(new ReportView.UnitRatings(line(scores.get(0).checklistId()), line(String.join(", ", parts))));
    }
    return ratings;
  }

  /** One compact row: id, name, scores and their changes, counts per outcome, failed criteria. */
  private ReportView.Member row(SubjectResult result) {
    List<ReportView.MemberScore> scores = new ArrayList<>();
    for (ChecklistScore score : result.scores()) {
      List<String> changes = new ArrayList<>();
      for (ScoreAdjustment adjustment : score.adjustments()) {
        if (adjustment.kind() == ScoreAdjustment.Kind.BONUS || adjustment.kind() == ScoreAdjustment.Kind.BOUND
            || adjustment.kind() == ScoreAdjustment.Kind.ROUNDING) {
          continue;
        }
        String change = w.adjustment(adjustment.kind());
        if (adjustment.points() != null) {
          change += " " + Words.display(adjustment.points());
        }
        if (adjustment.toRating() != null) {
          change += " " + (adjustment.fromRating() == null ? "" : adjustment.fromRating() + "→") + adjustment.toRating();
        }
        changes.add(line(change));
      }
      scores.add(new ReportView.MemberScore(line(score.checklistId()), Words.display(score.score()),
          score.rated() ? line(score.rating()) : null,
          score.rated() ? null : w.get("html.not-rated-evidence-short", Words.display(score.evidencePercent())).strip(),
          changes));
    }
    List<Long> counts = new ArrayList<>();
    for (Outcome outcome : new Outcome[] {Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE,
        Outcome.ERROR}) {
      counts.add(result.count(outcome));
    }
    List<ReportView.Failed> failed = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (!notable(finding.outcome())) {
        continue;
      }
      String reason = reason(finding);
      failed.add(new ReportView.Failed(line(finding.ruleId()),
          finding.outcome() == Outcome.ERROR ? w.outcome(Outcome.ERROR) : null,
          reason.equals(topFailures.get(finding.ruleId())) ? null : line(reason)));
    }
    return new ReportView.Member(line(result.subjectId()), line(result.subject().name()), scores, counts, failed);
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

  private ReportView.Problems factProblems(Report report) {
    if (report.factProblems().isEmpty()) {
      return null;
    }
    List<FactProblem> problems = report.factProblems();
    List<ReportView.Problem> rows = (compact ? problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())) : problems)
        .stream().map(problem -> new ReportView.Problem(line(locator.apply(problem)
            .orElse(problem.kind() + "[" + problem.index() + "]")), line(problem.field()), line(problem.message())))
        .toList();
    return new ReportView.Problems(rows, compact && problems.size() > PROBLEMS_SHOWN
        ? w.get("html.only-of-problems-are-listed-all", PROBLEMS_SHOWN, problems.size()) : null);
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
}
