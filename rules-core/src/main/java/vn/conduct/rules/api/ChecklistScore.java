package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A subject's score on one checklist (a model programme or a grading scheme).
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ChecklistScore {

  private final String packId;
  private final String checklistId;
  private final LocalizedText title;
  private final BigDecimal score;
  private final BigDecimal maximum;
  private final BigDecimal evidencePercent;
  private final String rating;
  private final LocalizedText ratingTitle;
  private final boolean rated;
  private final List<ItemScore> items;
  private final List<ScoreAdjustment> adjustments;
  private final ChecklistScore withoutWaivers;
  private final List<Decision> decisions;

  private ChecklistScore(String packId, String checklistId, LocalizedText title, BigDecimal score,
      BigDecimal maximum, BigDecimal evidencePercent, String rating, LocalizedText ratingTitle, boolean rated,
      List<ItemScore> items, List<ScoreAdjustment> adjustments) {
    this.packId = Objects.requireNonNull(packId, "packId");
    this.checklistId = Objects.requireNonNull(checklistId, "checklistId");
    this.title = title;
    this.score = Objects.requireNonNull(score, "score");
    this.maximum = Objects.requireNonNull(maximum, "maximum");
    this.evidencePercent = evidencePercent;
    this.rating = rating;
    this.ratingTitle = ratingTitle;
    this.rated = rated;
    this.items = List.copyOf(items);
    this.adjustments = List.copyOf(adjustments);
    this.withoutWaivers = null;
    this.decisions = List.of();
  }

  private ChecklistScore(ChecklistScore with, ChecklistScore withoutWaivers) {
    this(with, withoutWaivers, with.decisions);
  }

  private ChecklistScore(ChecklistScore with, ChecklistScore withoutWaivers, List<Decision> decisions) {
    this.packId = with.packId;
    this.checklistId = with.checklistId;
    this.title = with.title;
    this.score = with.score;
    this.maximum = with.maximum;
    this.evidencePercent = with.evidencePercent;
    this.rating = with.rating;
    this.ratingTitle = with.ratingTitle;
    this.rated = with.rated;
    this.items = with.items;
    this.adjustments = with.adjustments;
    this.withoutWaivers = withoutWaivers;
    this.decisions = List.copyOf(decisions);
  }

  /**
   * Creates a checklist score; for the engine and for tests of code that reads reports.
   *
   * @param packId the pack; never {@code null}
   * @param checklistId the checklist; never {@code null}
   * @param title the checklist's title
   * @param score the final score; never {@code null}
   * @param maximum the maximum score (bonus excluded); never {@code null}
   * @param evidencePercent percent of counted items whose outcome is backed by evidence
   * @param rating the final rating band id, or {@code null} when the subject cannot be rated
   * @param ratingTitle the final rating's title, or {@link LocalizedText#EMPTY}
   * @param rated whether the subject had enough evidence to be rated and ranked
   * @param items per-item points, in checklist order; copied
   * @param adjustments every change made after the items were added, in the order applied; copied
   * @since 0.2
   */
  public static ChecklistScore of(String packId, String checklistId, LocalizedText title, BigDecimal score,
      BigDecimal maximum, BigDecimal evidencePercent, String rating, LocalizedText ratingTitle, boolean rated,
      List<ItemScore> items, List<ScoreAdjustment> adjustments) {
    return new ChecklistScore(packId, checklistId, title, score, maximum, evidencePercent, rating, ratingTitle,
        rated, items, adjustments);
  }

  /** The pack. */
  public String packId() {
    return packId;
  }

  /** The checklist. */
  public String checklistId() {
    return checklistId;
  }

  /** The checklist's title. */
  public LocalizedText title() {
    return title;
  }

  /** The final score after deductions, bonus, floor and vetoes. */
  public BigDecimal score() {
    return score;
  }

  /** The maximum score (bonus excluded). */
  public BigDecimal maximum() {
    return maximum;
  }

  /**
   * Percent of counted items whose outcome is backed by evidence (PASS or FAIL); UNKNOWN and ERROR
   * items lower it.
   */
  public BigDecimal evidencePercent() {
    return evidencePercent;
  }

  /**
   * The final rating band id, or {@code null} when the subject cannot be rated (too little evidence,
   * or no applicable item).
   */
  public String rating() {
    return rating;
  }

  /** The final rating's title, or {@link LocalizedText#EMPTY}. */
  public LocalizedText ratingTitle() {
    return ratingTitle;
  }

  /** Whether the subject had enough evidence to be rated and ranked. */
  public boolean rated() {
    return rated;
  }

  /** Per-item points, in checklist order. */
  public List<ItemScore> items() {
    return items;
  }

  /** Every change made after the items were added, in the order applied. */
  public List<ScoreAdjustment> adjustments() {
    return adjustments;
  }

  /**
   * The same checklist scored on the real outcomes, as if no waiver applied; present only when a
   * waiver applied to one of this checklist's items or vetoes (this score then counts those findings
   * as PASS). Its rating is the band of that score after vetoes, before quotas.
   *
   * @since 0.3
   */
  public Optional<ChecklistScore> withoutWaivers() {
    return Optional.ofNullable(withoutWaivers);
  }

  /**
   * The risk accepted: this score minus the score without waivers; present exactly when
   * {@link #withoutWaivers()} is (zero when the waived items carried no points).
   *
   * @since 0.3
   */
  public Optional<BigDecimal> riskAccepted() {
    return withoutWaivers().map(without -> {
      BigDecimal difference = score.subtract(without.score).stripTrailingZeros();
      return difference.scale() < 0 ? difference.setScale(0) : difference;
    });
  }

  /**
   * Returns this score (scored with waivers applied) stating also the score without them; for the
   * engine and for tests of code that reads reports.
   *
   * @param value the score on the real outcomes; its own {@link #withoutWaivers()} is ignored, or
   *     {@code null} for none
   * @since 0.3
   */
  public ChecklistScore withWithoutWaivers(ChecklistScore value) {
    return new ChecklistScore(this, value == null || value.withoutWaivers == null ? value
        : new ChecklistScore(value, null));
  }

  /**
   * The history of this checklist's items and score: the contests, reviews and overrides that name the
   * checklist (an item of it, or its score), in date order; empty for none. Overrides of the findings of
   * its items' rules are on the findings ({@link Finding#decisions()}).
   *
   * @since 0.3
   */
  public List<Decision> decisions() {
    return decisions;
  }

  /**
   * Returns this score with its history; for the engine (which has scored it with the overrides in
   * force) and for tests of code that reads reports.
   *
   * @since 0.3
   */
  public ChecklistScore withDecisions(List<Decision> history) {
    return new ChecklistScore(this, withoutWaivers, Objects.requireNonNull(history, "history"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChecklistScore that && packId.equals(that.packId)
        && checklistId.equals(that.checklistId) && Objects.equals(title, that.title) && score.equals(that.score)
        && maximum.equals(that.maximum) && Objects.equals(evidencePercent, that.evidencePercent)
        && Objects.equals(rating, that.rating) && Objects.equals(ratingTitle, that.ratingTitle)
        && rated == that.rated && items.equals(that.items) && adjustments.equals(that.adjustments)
        && Objects.equals(withoutWaivers, that.withoutWaivers) && decisions.equals(that.decisions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(packId, checklistId, title, score, maximum, evidencePercent, rating, ratingTitle, rated,
        items, adjustments);
  }

  @Override
  public String toString() {
    return "ChecklistScore[packId=" + packId + ", checklistId=" + checklistId + ", title=" + title + ", score="
        + score + ", maximum=" + maximum + ", evidencePercent=" + evidencePercent + ", rating=" + rating
        + ", ratingTitle=" + ratingTitle + ", rated=" + rated + ", items=" + items + ", adjustments="
        + adjustments + (withoutWaivers == null ? "" : ", withoutWaivers=" + withoutWaivers) + "]";
  }
}
