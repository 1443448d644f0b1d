package vn.conduct.rules.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.internal.load.LoadedPack;

/**
 * Plans an evaluation in time (rule-pack-format.md, section 11): for each pack, the period it
 * judges, the reference date its version is chosen by, and the version; pack versions that judge
 * the same period with the same reference date form one {@link Judgment}.
 *
 * <ul>
 *   <li>The period judged: the one the request gives; otherwise the calendar period of the pack's
 *       natural unit ({@code month}, {@code quarter}, {@code year}) that contains the decision date,
 *       and the month for packs that declare none (format 1's default).
 *   <li>The reference date: the earlier of the period's last day and the decision date. A version
 *       is in force for the evaluation when it is in force on that date; the highest such version
 *       is used, unless the host pins one.
 *   <li>A pack with a natural unit is not used for a given period that is not exactly one period
 *       of that unit (a monthly sheet cannot judge a year): an error if the request names the
 *       pack, otherwise a note in the provenance.
 * </ul>
 */
final class Judgments {

  /** Pack versions judging one period with one reference date. */
  record Judgment(Period period, LocalDate reference, LocalDate decision, boolean[] versions) { }

  /** The plan: the judgments, the versions used (by pack id) and the notes on packs left out. */
  record Plan(List<Judgment> judgments, boolean[] active, List<PackUse> uses, List<LocalizedText> notes) { }

  private Judgments() { }

  static Plan plan(List<LoadedPack> packs, List<RulePackInfo> infos, EvaluationRequest request) {
    Map<String, List<Integer>> byId = new TreeMap<>();
    for (int v = 0; v < packs.size(); v++) {
      byId.computeIfAbsent(packs.get(v).id(), k -> new ArrayList<>()).add(v);
    }
    for (String id : request.packIds()) {
      if (!byId.containsKey(id)) {
        throw new RulePackNotFoundException("Rule pack not found: '" + SafeText.line(id) + "' [Hint: loaded packs are "
            + byId.keySet() + "]");
      }
    }
    for (String id : request.pinnedVersions().keySet()) {
      if (!byId.containsKey(id)) {
        throw new RulePackNotFoundException("Cannot pin rule pack '" + SafeText.line(id) + "': it is not loaded"
            + " [Hint: loaded packs are " + byId.keySet() + "]");
      }
    }
    refuseOverlayWithItsBase(packs, byId, request);
    LocalDate decision = request.decisionDate();
    boolean[] active = new boolean[packs.size()];
    List<PackUse> uses = new ArrayList<>();
    List<LocalizedText> notes = new ArrayList<>();
    Map<String, Judgment> judgments = new LinkedHashMap<>();
    for (var entry : byId.entrySet()) {
      String id = entry.getKey();
      boolean named = request.packIds().contains(id);
      if (!request.packIds().isEmpty() && !named) {
        continue;
      }
      LoadedPack first = packs.get(entry.getValue().get(0));
      if (!named && first.overlay()) {
        LoadedPack.Layer base = first.layers().get(first.layers().size() - 2);
        notes.add(LocalizedText.of("Không dùng gói " + id + ": gói này bổ sung cho gói " + base.packId()
            + "; hãy chỉ định nó để đánh giá thay cho " + base.packId(), "Not used: " + id + " is an overlay of "
            + base.packId() + "; name it to evaluate it in place of " + base.packId()));
        continue;
      }
      String pinned = request.pinnedVersions().get(id);
      Integer chosen = null;
      Period period = null;
      LocalDate reference = null;
      Integer mismatched = null; // the highest version in force that cannot judge the period given
      for (int v : entry.getValue()) {
        Period p = period(packs.get(v), request);
        LocalDate r = p.end().isBefore(decision) ? p.end() : decision;
        Period.Unit unit = packs.get(v).unit();
        boolean fits = !request.periodGiven() || unit == null || p.is(unit);
        if (pinned == null && !fits) {
          if (infos.get(v).inForceOn(r)) {
            mismatched = v;
          }
          continue;
        }
        boolean wanted = wanted(packs.get(v), pinned, request.pinnedVersions(), r);
        if (wanted) {
          chosen = v;
          period = p;
          reference = r;
        }
      }
      if (pinned != null && chosen == null) {
        throw new RulePackNotFoundException("Rule pack '" + id + "' has no version " + SafeText.line(pinned)
            + " [Hint: loaded versions are " + entry.getValue().stream().map(v -> packs.get(v).manifest().version())
                .toList() + "]");
      }
      if (chosen == null && mismatched != null) {
        LoadedPack pack = packs.get(mismatched);
        Period.Unit unit = pack.unit();
        String text = id + " " + pack.manifest().version() + " judges calendar " + unit.id() + "s; the period "
            + request.period() + " is not one";
        if (named) {
          throw new RulePackNotFoundException("Rule pack " + text + " [Hint: give a period such as "
              + unit.containing(request.period().end()) + ", or leave the period out to judge the " + unit.id()
              + " containing the decision date]");
        }
        notes.add(LocalizedText.of("Không dùng gói " + id + " " + pack.manifest().version() + ": gói đánh giá theo "
            + unitVi(unit) + ", kỳ " + request.period() + " không phải một " + unitVi(unit), "Not used: " + text));
        continue;
      }
      if (chosen == null) {
        if (named) {
          throw new RulePackNotFoundException("Rule pack '" + id + "' has no version in force " + describe(request)
              + " [Hint: loaded versions are " + entry.getValue().stream().map(v -> packs.get(v).manifest().version()
                  + " (" + range(infos.get(v)) + ")").toList() + "; pin one to use it anyway]");
        }
        continue;
      }
      LoadedPack pack = packs.get(chosen);
      if (pinned != null && request.periodGiven() && pack.unit() != null && !period.is(pack.unit())) {
        throw new RulePackNotFoundException("Rule pack " + id + " " + pinned + " (pinned) judges calendar "
            + pack.unit().id() + "s; the period " + period + " is not one [Hint: give a period such as "
            + pack.unit().containing(period.end()) + "]");
      }
      active[chosen] = true;
      PackUse.Choice choice = pinned != null ? PackUse.Choice.PINNED
          : reference.equals(period.end()) ? PackUse.Choice.IN_FORCE_AT_PERIOD_END
          : PackUse.Choice.IN_FORCE_ON_DECISION_DATE;
      PackUse use = PackUse.of(id, pack.manifest().version(), pack.digest(), choice, period, reference);
      uses.add(pack.overlay() ? use.withLayers(pack.layers().stream()
          .map(l -> PackUse.Layer.of(l.packId(), l.version(), l.digest())).toList()) : use);
      LocalDate r = reference;
      Period p = period;
      // Format 1 and format 2 packs judge apart even over one period: indicator terms (freshness,
      // range) are format 2's and must not change what a format 1 pack means.
      judgments.computeIfAbsent(p + "@" + r + "#" + Math.min(pack.format(), 2),
          k -> new Judgment(p, r, decision, new boolean[packs.size()])).versions()[chosen] = true;
    }
    return new Plan(List.copyOf(judgments.values()), active, List.copyOf(uses), List.copyOf(notes));
  }

  /**
   * Whether a pack version is the one to use: pinned, or in force on the reference date. An overlay
   * is wanted when each of its layers is: its own version pinned or in force, and its base's version
   * pinned (by the base's id) or in force.
   */
  private static boolean wanted(LoadedPack pack, String pinned, Map<String, String> pins, LocalDate reference) {
    List<LoadedPack.Layer> layers = pack.layers();
    for (int i = 0; i < layers.size(); i++) {
      LoadedPack.Layer layer = layers.get(i);
      String pin = i == layers.size() - 1 ? pinned : pins.get(layer.packId());
      if (pin != null ? !layer.version().equals(pin) : !layer.inForceOn(reference)) {
        return false;
      }
    }
    return true;
  }

  /** An overlay holds its base's rules: naming both would judge them twice. */
  private static void refuseOverlayWithItsBase(List<LoadedPack> packs, Map<String, List<Integer>> byId,
      EvaluationRequest request) {
    for (String id : request.packIds()) {
      LoadedPack pack = packs.get(byId.get(id).get(0));
      for (LoadedPack.Layer layer : pack.layers().subList(0, pack.layers().size() - 1)) {
        if (request.packIds().contains(layer.packId())) {
          throw new vn.conduct.rules.api.RulePackConflictException("Rule packs '" + id + "' and '" + layer.packId() + "' were both named,"
              + " but " + id + " is an overlay of " + layer.packId() + " and already holds the rules it keeps"
              + " [Hint: name " + id + " to judge with the overlay, or " + layer.packId() + " to judge without it]");
        }
      }
    }
  }

  /** The period a pack version judges for a request. */
  static Period period(LoadedPack pack, EvaluationRequest request) {
    if (request.periodGiven()) {
      return request.period();
    }
    Period.Unit unit = pack.unit();
    return unit == null ? Period.monthOf(request.decisionDate()) : unit.containing(request.decisionDate());
  }

  private static String describe(EvaluationRequest request) {
    return request.periodGiven() ? "for the period " + request.period() + " decided on " + request.decisionDate()
        : "on " + request.decisionDate();
  }

  private static String unitVi(Period.Unit unit) {
    return switch (unit) {
      case MONTH -> "tháng";
      case QUARTER -> "quý";
      case YEAR -> "năm";
    };
  }

  private static String range(RulePackInfo info) {
    return (info.effectiveFrom() == null ? "always" : "from " + info.effectiveFrom())
        + (info.effectiveUntil() == null ? "" : " until " + info.effectiveUntil());
  }
}
