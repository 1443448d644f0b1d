package vn.conduct.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.ItemScore;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.SubjectResult;

/**
 * What a subject's checklist score would be if some of its items passed with full points and some
 * failed vetoes were lifted, worked out from what the engine reported for the subject: the items'
 * earned and available points ({@link ItemScore}), the adjustments it made ({@link ScoreAdjustment})
 * and the checklist's terms ({@link ChecklistInfo}). Everything else stays as the engine left it:
 * bonus, deductions, the other items.
 *
 * <p>The steps are those of rule-pack-format.md §10: items (points: Σ earned; weighted:
 * 100 × Σ earned weights ÷ Σ counted weights, to four decimals), bonus, deductions, bounds (floor,
 * maximum), vetoes (cap-score), then the band and the vetoes' cap-rating. {@link #consistent()}
 * says whether replaying them with nothing changed gives the engine's own score; explain prints a
 * note when it does not.
 *
 * <p>Interim: an engine API that re-scores a subject with some outcomes assumed (requested of
 * rules-core) would replace this class.
 */
final class Projection {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ChecklistScore score;
  private final ChecklistInfo info;
  private final boolean weighted;
  private final BigDecimal earned;
  private final BigDecimal counted;
  private final BigDecimal bonus;
  private final BigDecimal deductions;
  private final BigDecimal floor;
  private final List<ChecklistInfo.Veto> failedVetoes;

  Projection(ChecklistScore score, ChecklistInfo info, SubjectResult result) {
    this.score = score;
    this.info = info;
    this.weighted = info.method() == ChecklistInfo.Method.WEIGHTED;
    BigDecimal earnedSum = BigDecimal.ZERO;
    BigDecimal countedSum = BigDecimal.ZERO;
    for (ItemScore item : score.items()) {
      if (!item.bonus() && item.outcome() != Outcome.NOT_APPLICABLE) {
        earnedSum = earnedSum.add(item.earned());
        countedSum = countedSum.add(item.available());
      }
    }
    this.earned = earnedSum;
    this.counted = countedSum;
    this.bonus = sum(score, ScoreAdjustment.Kind.BONUS);
    this.deductions = sum(score, ScoreAdjustment.Kind.DEDUCTION);
    this.floor = info.floor();
    // A veto on a disabled rule has no finding, so it never counts as failed.
    this.failedVetoes = info.vetoes().stream()
        .filter(v -> result.finding(v.ruleId()).map(f -> f.outcome() == Outcome.FAIL).orElse(false)).toList();
  }

  private static BigDecimal sum(ChecklistScore score, ScoreAdjustment.Kind kind) {
    return score.adjustments().stream().filter(a -> a.kind() == kind && a.points() != null)
        .map(ScoreAdjustment::points).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The vetoes whose rule failed for the subject, in checklist order. */
  List<ChecklistInfo.Veto> failedVetoes() {
    return failedVetoes;
  }

  /**
   * How many points the score gains when the item passes with full points: for a weighted checklist
   * its weight's share of 100 (of the counted weights); for a bonus item its points.
   */
  BigDecimal gain(ItemScore item) {
    if (item.bonus()) {
      return item.outcome() == Outcome.PASS ? BigDecimal.ZERO : info.items().stream()
          .filter(i -> i.ruleId().equals(item.ruleId())).map(ChecklistInfo.Item::points).filter(p -> p != null)
          .findFirst().orElse(BigDecimal.ZERO);
    }
    BigDecimal missing = item.available().subtract(item.earned()).max(BigDecimal.ZERO);
    return weighted ? share(missing) : missing;
  }

  private BigDecimal share(BigDecimal weights) {
    return counted.signum() == 0 ? BigDecimal.ZERO : weights.multiply(HUNDRED).divide(counted, 4, RoundingMode.HALF_UP);
  }

  /** The score with the chosen items passing with full points and the given vetoes lifted. */
  BigDecimal score(Collection<ItemScore> passing, Collection<String> lifted) {
    BigDecimal items = earned;
    BigDecimal extra = BigDecimal.ZERO;
    for (ItemScore item : passing) {
      if (item.bonus()) {
        extra = extra.add(gain(item));
      } else {
        items = items.add(item.available().subtract(item.earned()).max(BigDecimal.ZERO));
      }
    }
    BigDecimal total = (weighted ? share(items) : items).add(bonus).add(extra).add(deductions);
    total = total.max(floor).min(score.maximum());
    for (ChecklistInfo.Veto veto : failedVetoes) {
      if (!lifted.contains(veto.ruleId()) && veto.capScore() != null) {
        total = total.min(veto.capScore());
      }
    }
    return strip(total);
  }

  /**
   * The band index (best first) the projected score earns, then lowered by the cap-rating of every
   * failed veto that is not lifted.
   */
  int band(BigDecimal projected, Collection<String> lifted) {
    List<ChecklistInfo.Band> bands = info.bands();
    int band = bands.size() - 1;
    for (int i = 0; i < bands.size(); i++) {
      if (projected.compareTo(bands.get(i).min()) >= 0) {
        band = i;
        break;
      }
    }
    for (ChecklistInfo.Veto veto : failedVetoes) {
      if (!lifted.contains(veto.ruleId()) && veto.capRating() != null) {
        for (int i = 0; i < bands.size(); i++) {
          if (bands.get(i).id().equals(veto.capRating())) {
            band = Math.max(band, i);
          }
        }
      }
    }
    return band;
  }

  /** Whether a failed veto keeps the subject out of a band: its cap-rating is worse, or its cap-score below the band's minimum. */
  boolean blocks(ChecklistInfo.Veto veto, int band) {
    ChecklistInfo.Band target = info.bands().get(band);
    if (veto.capScore() != null && veto.capScore().compareTo(target.min()) < 0) {
      return true;
    }
    if (veto.capRating() != null) {
      for (int i = 0; i < info.bands().size(); i++) {
        if (info.bands().get(i).id().equals(veto.capRating())) {
          return i > band;
        }
      }
    }
    return false;
  }

  /** Whether replaying the engine's steps with nothing changed gives the engine's score (to 0.01). */
  boolean consistent() {
    return score(List.of(), List.of()).subtract(score.score()).abs().compareTo(new BigDecimal("0.01")) <= 0;
  }

  private static BigDecimal strip(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
