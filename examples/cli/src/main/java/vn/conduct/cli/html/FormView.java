package vn.conduct.cli.html;

import java.util.List;

/**
 * What a printable form ({@code form.jte}) shows: a blank inspection checklist for one subject type
 * of a pack. Texts from the pack are on one line with control characters shown as escapes; the
 * template HTML-escapes them. The same sections feed the Markdown and CSV forms.
 *
 * @param texts the page's texts
 * @param letterhead the header and footer given by the host or the pack, or {@link Letterhead#NONE}
 * @param title the form's title
 * @param subtitle the pack, its version and title
 * @param sections one per checklist of the type, then the rules no checklist scores
 */
public record FormView(Texts texts, Letterhead letterhead, String title, String subtitle, List<Section> sections) {

  /** One criterion line of the form: an item, a veto or a rule no checklist scores. */
  public record Line(String ruleId, String title, String observe, String evidence, String source, String points) { }

  /** One deduction line: the events, what each costs, the maximum, the window and whether only verified events count. */
  public record Deduction(String events, String title, String points, String max, String window, String verified) { }

  /**
   * One table of the form and what goes with it.
   *
   * @param checklistId the checklist's id, or {@code null} for the rules no checklist scores
   * @param scoring how the score is computed, or {@code ""}
   * @param lines the criteria scored (items), in checklist order
   * @param deductions the deductions
   * @param vetoes the veto rules, their cap in {@link Line#points()}
   * @param terms bounds, quotas and ranking, one sentence each
   * @param bands the rating bands, best first
   */
  public record Section(String title, String checklistId, String scoring, List<Line> lines, List<Deduction> deductions,
      List<Line> vetoes, List<String> terms, List<String> bands) {

    /** The title with the checklist's id, e.g. {@code Monthly sheet [monthly]}. */
    public String heading() {
      return checklistId == null ? title : title + " [" + checklistId + "]";
    }

    /** The section's anchor, {@code k-<checklist id>}; {@code null} (none) for the rules no checklist scores. */
    public String anchor() {
      return checklistId == null ? null : "k-" + checklistId;
    }
  }
}
