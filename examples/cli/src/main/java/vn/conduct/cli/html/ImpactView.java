package vn.conduct.cli.html;

import java.util.List;

/**
 * What the page of {@code conduct impact -f html} ({@code impact.jte}) shows: the counts per checklist,
 * rule and unit, then the subjects that change. Texts from packs and facts are on one line with control
 * characters shown as escapes; the template HTML-escapes them.
 *
 * @param heading the two versions compared
 * @param summary how many subjects change, of how many
 * @param checklists one row per checklist
 * @param rules each rule whose outcome changes, with how many subjects ({@code rule: n})
 * @param units the units with changes in one sentence, or {@code ""}
 * @param subjects one row per subject that changes
 */
public record ImpactView(Texts texts, String heading, String summary, List<Checklist> checklists, List<String> rules,
    String units, List<SubjectChange> subjects) {

  /** One checklist: its id and title, subjects scored, rating changes, the moves, score changes, the causes. */
  public record Checklist(String checklist, String subjects, int ratingChanged, String ratings, int scoreChanged,
      String causes) { }

  /** One subject that changes: id, unit and its changes, one line each. */
  public record SubjectChange(String id, String unit, List<String> changes) { }
}
