package vn.conduct.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RollUp;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.SubjectResult;

/**
 * Renders a report as text for a terminal: per subject (members indented under their unit) its
 * scores and ratings with every adjustment, roll-ups, and the findings that need attention (FAIL,
 * UNKNOWN, ERROR) with their reasons and citations; then rankings, ignored facts and totals.
 *
 * <p>Every line is written through {@link TextOut}: ids, names, reasons and fact problems show any
 * control character, line break or bidirectional override they hold as an escape ({@code \e},
 * {@code \n}, {@code \u202E}), so that no string from the facts can rewrite the terminal or forge
 * a line.
 */
final class TextReport {

  private final Language language;
  private final boolean allFindings;
  private final Function<FactProblem, Optional<String>> locator;
  private final boolean summary;
  /** Whether outcomes are coloured: the report goes to a colour terminal. */
  private boolean colour;
  private final Words words;
  /** The base layer of each overlay in the report: its rules' findings need no layer mark. */
  private final java.util.Set<String> baseLayers = new java.util.HashSet<>();

  TextReport(Language language, boolean allFindings, Function<FactProblem, Optional<String>> locator) {
    this(language, allFindings, locator, false);
  }

  /**
   * @param summary if set, members with nothing to explain (every rule passed or not applicable, no
   *     deduction, veto or quota) are listed on one line under their unit instead of in full
   */
  TextReport(Language language, boolean allFindings, Function<FactProblem, Optional<String>> locator,
      boolean summary) {
    this(language, allFindings, locator, summary, List.of());
  }

  /**
   * @param checklists the engine's checklists, whose band titles name the ratings counted in roll-ups
   *     (a band without a title, or a checklist not given, is named by its id)
   */
  TextReport(Language language, boolean allFindings, Function<FactProblem, Optional<String>> locator,
      boolean summary, List<ChecklistInfo> checklists) {
    this.language = language;
    this.allFindings = allFindings;
    this.locator = locator;
    this.summary = summary;
    this.words = new Words(language);
    Map<String, String> titles = new java.util.HashMap<>();
    Map<String, ChecklistInfo.PeerGroup> groups = new java.util.HashMap<>();
    for (ChecklistInfo checklist : checklists) {
      if (checklist.peerGroup() != null) {
        groups.putIfAbsent(checklist.packId() + "\u0000" + checklist.checklistId(), checklist.peerGroup());
      }
      for (ChecklistInfo.Band band : checklist.bands()) {
        if (band.title() != null && !band.title().in(language).isBlank()) {
          titles.putIfAbsent(checklist.packId() + "\u0000" + checklist.checklistId() + "\u0000" + band.id(),
              band.title().in(language));
        }
      }
    }
    this.bandTitles = Map.copyOf(titles);
    this.peerGroups = Map.copyOf(groups);
  }

  private final Map<String, String> bandTitles;
  private final Map<String, ChecklistInfo.PeerGroup> peerGroups;

  /** A ranking's peer group as a reader knows it: the declared title of its value, else the value. */
  private String peerGroup(Ranking ranking) {
    ChecklistInfo.PeerGroup group = peerGroups.get(ranking.packId() + "\u0000" + ranking.checklistId());
    return group == null ? ranking.peerGroup() : group.groupTitle(ranking.peerGroup()).in(language);
  }

  /** A band as a roll-up names it: its title where the checklist gives one, else its id. */
  private String band(RollUp rollUp, String bandId) {
    return band(rollUp.packId(), rollUp.checklistId(), bandId);
  }

  /**
   * A rating as people read it: the band's title in the report's language ({@code Loại B – Hoàn thành
   * tốt nhiệm vụ}), or its id when the band has no title. Ids are for machines: JSON and CSV keep them.
   */
  private String band(String packId, String checklistId, String bandId) {
    return bandTitles.getOrDefault(packId + "\u0000" + checklistId + "\u0000" + bandId, bandId);
  }

  /** This report with outcomes coloured (when it goes to a colour terminal). */
  TextReport withColour(boolean value) {
    this.colour = value;
    return this;
  }

  void print(Report report, PrintWriter writer) {
    print(report, new TextOut(writer, colour));
  }

  /** Every line goes through {@code out}, which escapes what packs and facts hold. */
  private void print(Report report, TextOut out) {
    baseLayers.clear();
    report.provenance().packs().stream().filter(use -> !use.layers().isEmpty())
        .forEach(use -> baseLayers.add(use.layers().get(0).packId() + "@" + use.layers().get(0).version()));
    header(report, out);
    Map<String, SubjectResult> byId = new HashMap<>();
    report.subjects().forEach(s -> byId.put(s.subjectId(), s));
    Map<String, List<SubjectResult>> quietMembers = new java.util.LinkedHashMap<>();
    if (summary) {
      for (SubjectResult subject : report.subjects()) {
        String parent = subject.subject().parentId();
        if (parent != null && byId.containsKey(parent) && quiet(subject)) {
          quietMembers.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(subject);
        }
      }
    }
    java.util.Set<String> skip = new java.util.HashSet<>();
    quietMembers.values().forEach(list -> list.forEach(s -> skip.add(s.subjectId())));
    for (SubjectResult subject : unitsFirst(report.subjects(), byId)) {
      if (skip.contains(subject.subjectId())) {
        continue;
      }
      int depth = depth(subject, byId);
      subject(subject, depth, out);
      List<SubjectResult> quiet = quietMembers.getOrDefault(subject.subjectId(), List.of());
      if (!quiet.isEmpty()) {
        out.println("  ".repeat(depth + 1) + words.get("report.members-with-nothing-to-explain")
            + quiet.size() + "): " + quiet.stream().map(this::brief).collect(Collectors.joining(", ")));
      }
    }
    rankings(report, byId, out);
    factProblems(report, out);
    totals(report, out);
    out.flush();
  }

  private void header(Report report, TextOut out) {
    var provenance = report.provenance();
    out.println(words.get("report.header.decision-date") + provenance.asOf()
        + words.get("report.header.period") + provenance.period().start() + " → " + provenance.period().end()
        + " · conduct " + provenance.engineVersion());
    out.println(words.get("report.header.rule-packs") + (provenance.packs().isEmpty() ? words.get("report.none")
        : provenance.packs().stream().map(this::pack).collect(Collectors.joining(", "))));
    // Why each version, when a period was given or a pack judged another one than the line above says.
    for (PackUse use : provenance.packs()) {
      if (provenance.periodGiven() || !use.period().equals(provenance.period())
          || !use.referenceDate().equals(provenance.decisionDate())) {
        out.println("  " + use.packId() + " " + use.version() + words.get("report.pack-period") + use.period() + ": "
            + use.reason().in(language));
      }
    }
    provenance.notes().forEach(note -> out.println("  " + note.in(language)));
    report.privacy().ifPresent(privacy -> out.println(words.privacy(privacy)));
  }

  private String pack(PackUse use) {
    return use.packId() + " " + use.version() + (use.pinned() ? words.get("report.pinned") : "")
        + " sha256:" + use.digest().substring(0, Math.min(12, use.digest().length()))
        + (use.layers().isEmpty() ? "" : words.get("report.layers") + use.layers().stream()
            .map(l -> l.packId() + " " + l.version() + " sha256:" + l.digest().substring(0, 12))
            .collect(java.util.stream.Collectors.joining(" + ")) + ")");
  }

  /** Each unit followed by its members (depth first), siblings in the report's order. */
  private static List<SubjectResult> unitsFirst(List<SubjectResult> subjects, Map<String, SubjectResult> byId) {
    Map<String, List<SubjectResult>> children = new java.util.LinkedHashMap<>();
    List<SubjectResult> roots = new java.util.ArrayList<>();
    for (SubjectResult subject : subjects) {
      String parent = subject.subject().parentId();
      if (parent != null && byId.containsKey(parent) && !parent.equals(subject.subjectId())) {
        children.computeIfAbsent(parent, p -> new java.util.ArrayList<>()).add(subject);
      } else {
        roots.add(subject);
      }
    }
    List<SubjectResult> ordered = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<SubjectResult> stack = new java.util.ArrayDeque<>();
    for (SubjectResult root : roots) {
      stack.push(root);
      while (!stack.isEmpty()) {
        SubjectResult next = stack.pop();
        if (!seen.add(next.subjectId())) {
          continue;
        }
        ordered.add(next);
        List<SubjectResult> members = children.getOrDefault(next.subjectId(), List.of());
        for (int i = members.size() - 1; i >= 0; i--) {
          stack.push(members.get(i));
        }
      }
    }
    subjects.stream().filter(s -> !seen.contains(s.subjectId())).forEach(ordered::add); // parent cycles
    return ordered;
  }

  /** Nothing to explain: no FAIL, UNKNOWN or ERROR, no roll-up, and no deduction, veto or quota. */
  private static boolean quiet(SubjectResult subject) {
    return subject.rollUps().isEmpty()
        && subject.findings().stream().allMatch(f -> f.outcome() == Outcome.PASS || f.outcome() == Outcome.NOT_APPLICABLE)
        && subject.scores().stream().allMatch(score -> score.rated() && score.adjustments().stream()
            .allMatch(a -> a.kind() == ScoreAdjustment.Kind.BONUS || a.kind() == ScoreAdjustment.Kind.BOUND));
  }

  private String brief(SubjectResult subject) {
    String scores = subject.scores().stream().map(s -> s.rating() + " " + number(s.score())) // compact: the id
        .collect(Collectors.joining("/"));
    return subject.subjectId() + (scores.isEmpty() ? "" : " (" + scores + ")");
  }

  private static int depth(SubjectResult subject, Map<String, SubjectResult> byId) {
    int depth = 0;
    String parent = subject.subject().parentId();
    while (parent != null && byId.containsKey(parent) && depth < 16) {
      depth++;
      parent = byId.get(parent).subject().parentId();
    }
    return depth;
  }

  private void subject(SubjectResult result, int depth, TextOut out) {
    String indent = "  ".repeat(depth);
    var subject = result.subject();
    out.println();
    out.println(indent + subject.id() + (subject.name() != null ? "  " + subject.name() : "")
        + "  [" + subject.type() + "]");
    String inner = indent + "  ";
    for (ChecklistScore score : result.scores()) {
      score(score, inner, out);
    }
    for (RollUp rollUp : result.rollUps()) {
      rollUp(rollUp, inner, out);
    }
    int width = result.findings().stream().mapToInt(f -> f.ruleId().length()).max().orElse(0);
    // a waived finding's outcome (FAIL → WAIVED (id)) is wider than the column: widen it for this subject
    int outcomeWidth = Math.max(13, result.findings().stream()
        .filter(f -> f.waiver().isPresent() || !f.decisions().isEmpty())
        .mapToInt(f -> words.outcome(f).length()).max().orElse(0));
    for (Finding finding : result.findings()) {
      if (allFindings || finding.outcome() == Outcome.FAIL || finding.outcome() == Outcome.UNKNOWN
          || finding.outcome() == Outcome.ERROR || !finding.decisions().isEmpty()) {
        out.println(inner, String.format(Locale.ROOT, "%-" + outcomeWidth + "s", words.outcome(finding)),
            TextOut.Style.of(finding.outcome()), String.format(Locale.ROOT, " %-" + width + "s  ", finding.ruleId())
            + finding.reason().in(language) + finding.rule().layer().filter(l -> !baseLayers.contains(l))
                .map(l -> words.get("report.layer") + l + "]").orElse(""));
        finding.waiver().ifPresent(waiver -> out.println(inner + "    " + words.waiver(waiver, language)));
        finding.decisions().forEach(decision -> out.println(inner + "    " + words.get("report.history")
            + words.decision(decision, language)));
        // the facts it set aside, and those backed by documents (conduct explain lists them all)
        finding.facts().stream().filter(f -> !f.used() || !f.evidence().references().isEmpty())
            .forEach(fact -> out.println(inner + "    " + words.fact(fact)));
      }
    }
    out.println(inner + counts(result));
  }

  private void score(ChecklistScore score, String indent, TextOut out) {
    String rating = score.rated()
        ? "→ " + (score.ratingTitle() != null && !score.ratingTitle().isEmpty()
            ? score.ratingTitle().in(language) : score.rating())
        : words.get("report.not-rated-evidence", number(score.evidencePercent()));
    out.println(indent + score.checklistId() + "  " + number(score.score()) + " / " + number(score.maximum())
        + words.get("report.score.points-then-rating") + rating);
    for (ScoreAdjustment adjustment : score.adjustments()) {
      out.println(indent + "    " + adjustment(adjustment.kind()) + ": " + adjustment.reason().in(language));
    }
    score.decisions().forEach(decision -> out.println(indent + "    " + words.get("report.history")
        + words.target(decision) + ": " + words.decision(decision, language)));
    score.withoutWaivers().ifPresent(without -> out.println(indent + "    "
        + words.get("report.without-waivers") + number(without.score()) + " / " + number(without.maximum())
        + (without.rated() ? " → " + band(score.packId(), score.checklistId(), without.rating())
            : words.get("report.not-rated"))
        + words.get("report.risk-accepted") + number(score.riskAccepted().orElseThrow())
        + words.get("report.score.points")));
  }

  private void rollUp(RollUp rollUp, String indent, TextOut out) {
    String ratings = rollUp.ratings().entrySet().stream()
        .map(e -> band(rollUp, e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
    out.println(indent + rollUp.checklistId() + words.get("report.roll-up-of") + rollUp.members()
        + words.get("report.members") + rollUp.rated() + words.get("report.rated")
        + (rollUp.averageScore() != null ? words.get("report.average") + number(rollUp.averageScore()) : "")
        + (ratings.isEmpty() ? "" : "; " + ratings));
    if (!rollUp.failures().isEmpty()) {
      out.println(indent + "  " + words.get("report.members-failures")
          + rollUp.failures().entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
              .collect(Collectors.joining(", ")));
    }
  }

  private void rankings(Report report, Map<String, SubjectResult> byId, TextOut out) {
    for (Ranking ranking : report.rankings()) {
      out.println();
      out.println(words.get("report.ranking") + ranking.checklistId()
          + (ranking.peerGroup().isEmpty() ? "" : words.get("report.peer-group") + peerGroup(ranking)));
      for (Ranking.Entry entry : ranking.entries()) {
        SubjectResult subject = byId.get(entry.subjectId());
        String name = subject != null && subject.subject().name() != null ? subject.subject().name() : "";
        String rating = entry.rating() == null ? "" : band(ranking.packId(), ranking.checklistId(), entry.rating());
        out.println(String.format(Locale.ROOT, "  %3d  %-28s %8s  %s%s", entry.rank(), entry.subjectId(),
            number(entry.score()), name, rating.isEmpty() ? "" : "  · " + rating));
      }
      if (!ranking.unranked().isEmpty()) {
        out.println("  " + words.get("report.not-ranked-no-rating-too-little")
            + String.join(", ", ranking.unranked()));
      }
    }
  }

  private void factProblems(Report report, TextOut out) {
    if (report.factProblems().isEmpty()) {
      return;
    }
    out.println();
    out.println(words.get("report.facts-ignored-or-in-error"));
    for (FactProblem problem : report.factProblems()) {
      String where = locator.apply(problem).orElse(problem.kind() + "[" + problem.index() + "]");
      out.println("  " + where + "  " + problem.field() + ": " + problem.message());
    }
  }

  private void totals(Report report, TextOut out) {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    long compliant = 0;
    long waived = 0;
    for (SubjectResult subject : report.subjects()) {
      waived += waived(subject);
      for (Outcome outcome : Outcome.values()) {
        counts.merge(outcome, subject.count(outcome), Long::sum);
      }
      compliant += subject.compliant() ? 1 : 0;
    }
    out.println();
    out.println(words.get("report.total") + report.subjects().size() + words.get("report.subjects")
        + compliant + words.get("report.fully-compliant")
        + List.of(Outcome.values()).stream().map(o -> outcome(o).trim() + " " + counts.get(o))
            .collect(Collectors.joining(" · ")) + (waived > 0 ? " (" + words.waived() + " " + waived + ")" : ""));
  }

  private String counts(SubjectResult result) {
    return List.of(Outcome.values()).stream()
        .filter(o -> result.count(o) > 0)
        .map(o -> outcome(o).trim() + " " + result.count(o))
        .collect(Collectors.joining(" · "))
        + (waived(result) > 0 ? " (" + words.waived() + " " + waived(result) + ")" : "")
        + (result.compliant() ? words.get("report.compliant") : "");
  }

  static long waived(SubjectResult result) {
    return result.findings().stream().filter(f -> f.waiver().isPresent()).count();
  }

  private String outcome(Outcome outcome) {
    return words.outcome(outcome);
  }

  private String adjustment(ScoreAdjustment.Kind kind) {
    return words.adjustment(kind);
  }

  static String number(BigDecimal value) {
    return Words.display(value);
  }
}
