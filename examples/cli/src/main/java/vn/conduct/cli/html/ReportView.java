package vn.conduct.cli.html;

import java.util.List;

/**
 * What the HTML report ({@code report.jte}) shows, computed from a report: every text from a pack or
 * the facts is already on one line with control characters and bidirectional overrides shown as
 * escapes ({@code SafeText.line}); the template HTML-escapes it where it stands. Labels come from
 * {@link #texts()}; texts built from data (counts in a sentence, a waiver in one line) are built
 * from the same catalogue.
 *
 * <p>Optional parts are {@code null} when absent.
 *
 * @param texts the page's texts
 * @param letterhead the header and footer given by the host or a pack, or {@link Letterhead#NONE}
 * @param title the page's title ({@code <title>})
 * @param header the date, period, packs and notes
 * @param cards the summary's figures
 * @param abbreviated why a large run is abbreviated, or {@code null}
 * @param checklists per checklist that rated somebody: its chart and rankings
 * @param unrated the checklists that rated nobody
 * @param subjects the findings per subject (a run shown in full), or {@code null}
 * @param criteria the table of criteria (an abbreviated run), or {@code null}
 * @param units the results per unit (an abbreviated run), or {@code null}
 * @param problems the facts ignored or in error, or {@code null}
 * @param footer the line at the foot: the engine's version and what the citation marks mean
 */
public record ReportView(Texts texts, Letterhead letterhead, String title, Header header, List<Card> cards,
    String abbreviated, List<ChecklistSection> checklists, List<UnratedChecklist> unrated, Subjects subjects,
    List<Criterion> criteria, Units units, Problems problems, String footer) {

  /** The header: date, period, packs, notes (packs left out, waivers that did nothing). */
  /** The report's header; {@code privacy} says how a pseudonymised report was masked, {@code null} if it was not. */
  public record Header(String asOf, String periodStart, String periodEnd, List<Pack> packs, List<String> notes,
      String privacy) { }

  /** One pack used: id, version, whether pinned, the start of its digest, and its layers. */
  public record Pack(String id, String version, boolean pinned, String digest, String layers) { }

  /** One figure of the summary; {@code kind} is {@code ""}, {@code ok}, {@code bad} or {@code warn}. */
  public record Card(long value, String label, String kind) { }

  /** A checklist that rated somebody: title, id, the chart of its ratings and its rankings. */
  public record ChecklistSection(String title, String id, Chart chart, List<RankingTable> rankings) { }

  /** The bar chart of ratings, an inline SVG. */
  public record Chart(long subjects, int width, int height, List<Bar> bars) { }

  /** One bar: its label, position, size, colour and count. */
  public record Bar(String label, int y, int barX, int barWidth, int barHeight, String colour, int countX,
      long count, long percent) { }

  /**
   * One ranking (one peer group): its rows best first, the subjects not ranked.
   *
   * @param peerGroup the peer group, {@code ""} for one ranking of everybody
   * @param rows the ranks; a row with a {@link Rank#cut()} stands for ranks left out
   * @param unranked the ids of subjects not ranked, joined (shortened in a large run), or {@code ""}
   */
  public record RankingTable(String peerGroup, List<Rank> rows, String unranked) { }

  /** One rank, or (with {@code cut} not {@code null}) a line saying how many ranks were left out. */
  public record Rank(int rank, String subjectId, String name, String score, String rating, String cut) { }

  /** A checklist that rated nobody: title, id, how many subjects, their average evidence. */
  public record UnratedChecklist(String title, String id, int subjects, long evidencePercent) { }

  /** A run shown in full: each subject with something to explain, then the others in one line. */
  public record Subjects(List<Subject> shown, List<Quiet> quiet) { }

  /** A subject with nothing to explain: id, name, the ratings it holds. */
  public record Quiet(String id, String name, List<String> ratings) { }

  /**
   * One subject in full.
   *
   * @param name the name, or {@code null}
   * @param parentId its unit, or {@code null}
   * @param counts the findings counted by outcome in one line
   */
  public record Subject(String id, String name, String type, String parentId, boolean compliant, List<Score> scores,
      List<FindingView> findings, String counts) { }

  /**
   * One checklist's score of a subject.
   *
   * @param ratingTitle the band's title when it says more than its id, else {@code null}
   * @param notRated why there is no rating (the evidence), or {@code null} when rated
   * @param withoutWaivers the score the subject would have without its waivers, or {@code null}
   */
  public record Score(String title, String score, String maximum, String rating, String ratingTitle, String notRated,
      WithoutWaivers withoutWaivers, List<Adjustment> adjustments) { }

  /** The score without the waivers: score, maximum, rating ({@code null}: not rated), and the points the waivers accepted. */
  public record WithoutWaivers(String score, String maximum, String rating, String riskAccepted) { }

  /** A change to a score: its kind (deduction, veto, ...) and why. */
  public record Adjustment(String kind, String reason) { }

  /**
   * One finding that needs attention (or every finding, with {@code --all}).
   *
   * @param outcome the outcome's CSS class ({@code fail}, {@code unknown}, ...)
   * @param outcomeLabel the outcome in words
   * @param waiverId the waiver that accepted it, or {@code null}
   * @param waiver the waiver in one line, or {@code null}
   * @param citation the rule's source, or {@code null}
   * @param details more lines about the finding, shown under its reason (for instance the facts that
   *     decided it with their evidence, or a history of contests, reviews and overrides); empty for now
   */
  public record FindingView(String outcome, String outcomeLabel, String waiverId, String waiver, String ruleTitle,
      String ruleId, String reason, Citation citation, List<Detail> details) { }

  /** One more line about a finding: what kind of line it is (a word for CSS), a label and its text. */
  public record Detail(String kind, String label, String text) { }

  /** A rule's source as cited, and its note (shortened), or {@code null}. */
  public record Citation(String text, String note) { }

  /** In an abbreviated run, one criterion that failed, erred or lacked evidence somewhere. */
  public record Criterion(String ruleId, String title, String layer, int fail, int unknown, int error, int pass,
      String topFailure, int topFailureCount, String topUnknown, int topUnknownCount, Citation citation) { }

  /** In an abbreviated run: the units, and whether any member erred (an ERROR column then). */
  public record Units(List<Unit> units, boolean errors) { }

  /**
   * One unit as a collapsible section.
   *
   * @param id the unit's id, or {@code null} for the subjects in no unit
   * @param name the unit's own name, or {@code null}
   * @param counts members, compliant, failing, failed and unknown findings in one sentence
   * @param ratings per checklist, how many members hold each band
   */
  public record Unit(String id, String name, String counts, List<UnitRatings> ratings, List<Member> members) {

    /** The section's anchor, {@code u-<id>}; {@code null} (no anchor) for the subjects in no unit. */
    public String anchor() {
      return id == null ? null : "u-" + id;
    }
  }

  /** Per checklist, the bands the members of a unit hold, e.g. {@code A 3, B 2, not rated 1}. */
  public record UnitRatings(String checklistId, String text) { }

  /** One member's row: scores, the counts per outcome (PASS, FAIL, UNKNOWN, N/A, then ERROR) and failed criteria. */
  public record Member(String id, String name, List<MemberScore> scores, List<Long> counts, List<Failed> failed) { }

  /** A member's score on a checklist, its rating (or why none) and its changes. */
  public record MemberScore(String checklistId, String score, String rating, String notRated, List<String> changes) { }

  /** A criterion a member failed or erred on; {@code error} the word for ERROR or {@code null}; {@code reason} or {@code null} when it is the criterion's most frequent one. */
  public record Failed(String ruleId, String error, String reason) { }

  /** The facts ignored or in error, and a note when only some are listed. */
  public record Problems(List<Problem> rows, String note) { }

  /** One fact problem: where, which field, what. */
  public record Problem(String where, String field, String message) { }
}
