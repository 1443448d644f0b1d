package vn.conduct.rules.internal.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.ItemScore;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.model.ChecklistDoc;

/**
 * Scores one subject on one checklist from its findings: item points, partial credit, bonus,
 * deductions per event, floor and maximum, vetoes and the rating band. Quotas, which need every
 * member of a unit, are applied afterwards by {@link Quotas}.
 */
public final class Scorer {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Scorer() { }

  /**
   * @param findings the subject's findings by rule id, for the checklist's pack version
   * @param indicator reads a number indicator of the subject exactly, or {@code null} if not observed
   * @param events the subject's events
   * @param asOf the reference date: windows end on it
   * @param decision the decision date: events recorded after it do not count
   * @param period the period judged
   */
  public static ChecklistScore score(LoadedPack pack, ChecklistDoc list, Map<String, Finding> findings,
      Function<String, BigDecimal> indicator, java.util.function.Predicate<String> invalidIndicator,
      List<Event> events, LocalDate asOf, LocalDate decision, Period period) {
    return score(pack, list, findings, indicator, invalidIndicator, events, asOf, decision, period, java.util.Set.of());
  }

  /**
   * As above, counting the items and vetoes in {@code waived} as PASS (full points, no veto):
   * their findings carry a waiver that counts for this checklist (specs/waiver-format.md). Items keep
   * their real outcome.
   */
  public static ChecklistScore score(LoadedPack pack, ChecklistDoc list, Map<String, Finding> findings,
      Function<String, BigDecimal> indicator, java.util.function.Predicate<String> invalidIndicator,
      List<Event> events, LocalDate asOf, LocalDate decision, Period period, java.util.Set<String> waived) {
    return score(pack, list, findings, indicator, invalidIndicator, events, asOf, decision, period, waived, Map.of(),
        null);
  }

  /**
   * As above, with the overrides in force for this checklist (decision-format.md, section 6): an item's
   * override sets its outcome or its points (a waiver then does not count for that item), and the
   * score's override adds its adjustment after deductions, before the floor and the maximum.
   *
   * @param itemOverrides the last override of each item that has one, by the item's rule id
   * @param adjustment the last override of the score, or {@code null}
   */
  public static ChecklistScore score(LoadedPack pack, ChecklistDoc list, Map<String, Finding> findings,
      Function<String, BigDecimal> indicator, java.util.function.Predicate<String> invalidIndicator,
      List<Event> events, LocalDate asOf, LocalDate decision, Period period, java.util.Set<String> waived,
      Map<String, vn.conduct.rules.api.Decision> itemOverrides, vn.conduct.rules.api.Decision adjustment) {
    boolean weighted = list.method() == ChecklistDoc.Method.WEIGHTED;
    boolean format2 = pack.format() >= 2;
    // Format 2: invalid input (an ERROR item, an indicator out of its range) or a required item left
    // undecided means the subject is not rated, whatever min-evidence says.
    boolean invalidInput = false;
    boolean requiredMissing = false;
    List<ItemScore> items = new ArrayList<>();
    List<ScoreAdjustment> adjustments = new ArrayList<>();
    BigDecimal earned = BigDecimal.ZERO;
    BigDecimal available = BigDecimal.ZERO;
    BigDecimal bonus = BigDecimal.ZERO;
    int counted = 0;
    int decided = 0;
    for (ChecklistDoc.ItemDoc item : list.items()) {
      if (!inForce(item.effective(), asOf)) {
        continue;
      }
      Finding finding = findings.get(item.rule());
      if (finding == null) {
        continue; // the rule is disabled or outside its own dates: the item is left out (spec section 10)
      }
      Outcome outcome = finding.outcome();
      boolean isBonus = Boolean.TRUE.equals(item.bonus());
      // A bonus item adds its points whatever the method (spec section 10): it has no weight.
      BigDecimal points = weighted && !isBonus ? item.weight() : item.points();
      BigDecimal got = BigDecimal.ZERO;
      vn.conduct.rules.api.Decision override = itemOverrides.get(item.rule());
      if (override != null && override.points().isPresent()) {
        // an authority gave the item its points (decision-format.md, section 6): decided
        got = override.points().get().min(points);
        counted += isBonus ? 0 : 1;
        decided += isBonus ? 0 : 1;
        if (isBonus) {
          bonus = bonus.add(got);
        } else {
          earned = earned.add(got);
          available = available.add(points);
        }
        items.add(ItemScore.of(item.rule(), outcome, got, isBonus ? BigDecimal.ZERO : points, isBonus));
        continue;
      }
      if (override != null) {
        outcome = override.outcome().orElseThrow();
      }
      if (override == null && waived.contains(item.rule())) {
        // a waived FAIL or UNKNOWN counts as PASS: full points, decided (waiver-format.md, section 5)
        counted += isBonus ? 0 : 1;
        decided += isBonus ? 0 : 1;
        if (isBonus) {
          bonus = bonus.add(points);
        } else {
          earned = earned.add(points);
          available = available.add(points);
        }
        items.add(ItemScore.of(item.rule(), outcome, points, isBonus ? BigDecimal.ZERO : points, isBonus));
        continue;
      }
      if (item.credit() != null && outcome != Outcome.NOT_APPLICABLE) {
        BigDecimal value = indicator.apply(item.credit().indicator());
        if (value == null) {
          invalidInput |= invalidIndicator.test(item.credit().indicator());
          outcome = Outcome.UNKNOWN;
        } else {
          got = scale(creditPoints(item.credit(), value).min(points));
        }
      } else if (outcome == Outcome.PASS) {
        got = points;
      }
      if (outcome == Outcome.NOT_APPLICABLE) {
        items.add(ItemScore.of(item.rule(), outcome, BigDecimal.ZERO, BigDecimal.ZERO, isBonus));
        continue;
      }
      if (isBonus) {
        bonus = bonus.add(got);
        items.add(ItemScore.of(item.rule(), outcome, got, BigDecimal.ZERO, true));
        continue;
      }
      counted++;
      boolean itemDecided = outcome.isDecided() || (item.credit() != null && outcome != Outcome.UNKNOWN
          && outcome != Outcome.ERROR);
      if (itemDecided) {
        decided++;
      }
      invalidInput |= outcome == Outcome.ERROR;
      requiredMissing |= Boolean.TRUE.equals(item.required()) && !itemDecided;
      earned = earned.add(got);
      available = available.add(points);
      items.add(ItemScore.of(item.rule(), outcome, got, points, false));
    }
    BigDecimal maximum = weighted ? HUNDRED : list.maximum() != null ? list.maximum() : available;
    BigDecimal score = weighted
        ? (available.signum() == 0 ? BigDecimal.ZERO : earned.multiply(HUNDRED).divide(available, 4, RoundingMode.HALF_UP))
        : earned;
    if (bonus.signum() > 0) {
      score = score.add(bonus);
      adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.BONUS, "bonus", bonus, null, null,
          LocalizedText.of("Điểm thưởng +" + plain(bonus), "Bonus +" + plain(bonus))));
    }
    for (ChecklistDoc.DeductionDoc deduction : list.deductions()) {
      long count = events.stream()
          .filter(e -> deduction.events().contains(e.type()))
          .filter(e -> !Boolean.FALSE.equals(deduction.verifiedOnly()) ? e.verified() : true)
          .filter(e -> !e.recorded().isAfter(decision))
          .filter(e -> inWindow(deduction.within(), e.date(), asOf, period))
          .count();
      if (count == 0) {
        continue;
      }
      BigDecimal minus = deduction.points().multiply(BigDecimal.valueOf(count));
      if (deduction.max() != null && minus.compareTo(deduction.max()) > 0) {
        minus = deduction.max();
      }
      score = score.subtract(minus);
      List<String> types = deduction.events();
      String what = types.size() <= 5 ? String.join(", ", types)
          : String.join(", ", types.subList(0, 4)) + ", … +" + (types.size() - 4);
      adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.DEDUCTION, what, minus.negate(), null, null,
          LocalizedText.of(
              "Trừ " + plain(minus) + " điểm: " + count + " sự kiện [" + what + "] × " + plain(deduction.points())
                  + (deduction.max() != null ? " (tối đa " + plain(deduction.max()) + ")" : ""),
              "−" + plain(minus) + " points: " + count + " event(s) [" + what + "] × " + plain(deduction.points())
                  + (deduction.max() != null ? " (at most " + plain(deduction.max()) + ")" : ""))));
    }
    if (adjustment != null) {
      BigDecimal by = adjustment.adjustment().orElseThrow();
      score = score.add(by);
      String sign = by.signum() >= 0 ? "+" : "";
      String who = adjustment.by().label() + " (" + adjustment.by().role() + ")";
      adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.DECISION, adjustment.id(), by, null, null,
          LocalizedText.of("Điều chỉnh " + sign + plain(by) + " điểm theo quyết định " + adjustment.id() + " của " + who
              + ": " + adjustment.reason().in(vn.conduct.rules.api.Language.VI),
              "Adjusted " + sign + plain(by) + " points by decision " + adjustment.id() + " of " + who + ": "
                  + adjustment.reason().in(vn.conduct.rules.api.Language.EN))));
    }
    BigDecimal floor = list.floor() != null ? list.floor() : BigDecimal.ZERO;
    if (score.compareTo(floor) < 0) {
      adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.BOUND, "floor", floor.subtract(score), null, null,
          LocalizedText.of("Nâng lên mức sàn " + plain(floor), "Raised to the floor of " + plain(floor))));
      score = floor;
    }
    BigDecimal ceiling = maximum;
    if (score.compareTo(ceiling) > 0) {
      adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.BOUND, "maximum", ceiling.subtract(score), null,
          null, LocalizedText.of("Giới hạn ở mức tối đa " + plain(ceiling), "Capped at the maximum of " + plain(ceiling))));
      score = ceiling;
    }
    List<ChecklistDoc.VetoDoc> ratingCaps = new ArrayList<>();
    List<LocalizedText> ratingCapReasons = new ArrayList<>();
    boolean vetoUndecided = false;
    for (ChecklistDoc.VetoDoc veto : list.vetoes()) {
      Finding finding = findings.get(veto.rule());
      if (waived.contains(veto.rule())) {
        continue; // a waived veto rule counts as PASS
      }
      if (finding != null && (finding.outcome() == Outcome.UNKNOWN || finding.outcome() == Outcome.ERROR)) {
        vetoUndecided = true;
      }
      if (finding == null || finding.outcome() != Outcome.FAIL) {
        continue;
      }
      LocalizedText reason = veto.reason() != null ? veto.reason()
          : LocalizedText.of("Quy tắc " + veto.rule() + " không đạt", "Rule " + veto.rule() + " failed");
      if (veto.capScore() != null && score.compareTo(veto.capScore()) > 0) {
        adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.VETO, veto.rule(),
            veto.capScore().subtract(score), null, null, reason));
        score = veto.capScore();
      }
      if (veto.capRating() != null) {
        ratingCaps.add(veto);
        ratingCapReasons.add(reason);
      }
    }
    if (list.score() != null && list.score().scale() != null) {
      ChecklistDoc.Rounding rounding = list.score().rounding() != null ? list.score().rounding()
          : ChecklistDoc.Rounding.HALF_UP;
      BigDecimal rounded = score.setScale(list.score().scale(), rounding.mode());
      if (rounded.compareTo(score) != 0) {
        adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.ROUNDING, "score", rounded.subtract(score), null,
            null, LocalizedText.of("Làm tròn đến " + list.score().scale() + " chữ số thập phân",
                "Rounded to " + list.score().scale() + " decimal places")));
      }
      score = rounded;
    }
    BigDecimal evidence = counted == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(decided * 100L).divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP);
    BigDecimal minEvidence = list.minEvidence() != null ? list.minEvidence() : HUNDRED;
    boolean rated = counted > 0 && evidence.compareTo(minEvidence) >= 0 && !vetoUndecided
        && (!weighted || available.signum() > 0)
        && !(format2 && (invalidInput || requiredMissing));
    String rating = null;
    if (rated) {
      int band = bandFor(list, score);
      // Step 6: each failed veto with cap-rating lowers a better rating to its band; only actual
      // changes are recorded, with the rating before and after.
      for (int i = 0; i < ratingCaps.size(); i++) {
        int cap = bandIndex(list, ratingCaps.get(i).capRating());
        if (cap > band) {
          adjustments.add(ScoreAdjustment.of(ScoreAdjustment.Kind.VETO, ratingCaps.get(i).rule(), null,
              list.bands().get(band).id(), list.bands().get(cap).id(), ratingCapReasons.get(i)));
          band = cap;
        }
      }
      rating = list.bands().get(band).id();
    }
    return ChecklistScore.of(pack.id(), list.id(), list.title(), scale(score), scale(maximum),
        evidence, rating, title(list, rating), rated, items, adjustments);
  }

  static BigDecimal scale(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static LocalizedText title(ChecklistDoc list, String rating) {
    if (rating == null) {
      return LocalizedText.EMPTY;
    }
    var band = list.bands().get(bandIndex(list, rating));
    return band.title() != null ? band.title() : LocalizedText.of(rating);
  }

  private static BigDecimal creditPoints(ChecklistDoc.CreditDoc credit, BigDecimal value) {
    if (credit.perUnit() != null) {
      return value.multiply(credit.perUnit()).max(BigDecimal.ZERO);
    }
    for (ChecklistDoc.CreditBandDoc band : credit.bands()) {
      if (value.compareTo(band.min()) >= 0) {
        return band.points();
      }
    }
    return BigDecimal.ZERO;
  }

  static int bandFor(ChecklistDoc list, BigDecimal score) {
    for (int i = 0; i < list.bands().size(); i++) {
      if (score.compareTo(list.bands().get(i).min()) >= 0) {
        return i;
      }
    }
    return list.bands().size() - 1;
  }

  static int bandIndex(ChecklistDoc list, String id) {
    for (int i = 0; i < list.bands().size(); i++) {
      if (list.bands().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no band " + id);
  }

  /** Whether an item's own dates (format 2) include the reference date. */
  static boolean inForce(vn.conduct.rules.internal.model.EffectiveDoc effective, LocalDate reference) {
    return effective == null || ((effective.from() == null || !reference.isBefore(effective.from()))
        && (effective.until() == null || !reference.isAfter(effective.until())));
  }

  /** Whether a deduction's window (section 9.3's windows, read by the language's one table) counts a date. */
  static boolean inWindow(String within, LocalDate date, LocalDate asOf, Period period) {
    if (date.isAfter(asOf)) {
      return false;
    }
    vn.conduct.rules.internal.condition.Cond.Window window =
        vn.conduct.rules.internal.condition.ConditionLanguage.WindowKind.read(within == null ? "period" : within);
    return switch (window.kind()) {
      case PERIOD -> period.contains(date);
      case ALL -> true;
      case LOOK_BACK -> !date.isBefore(
          vn.conduct.rules.internal.condition.ConditionLanguage.WindowKind.firstDay(asOf, window.lookBack()));
    };
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
