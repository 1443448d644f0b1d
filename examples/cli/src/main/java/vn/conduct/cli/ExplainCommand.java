package vn.conduct.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.ItemScore;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;

/**
 * {@code conduct explain}: why a subject got its rating, and the fewest failed or unknown criteria
 * that would lift it to the next band.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Explains one subject's score and rating, and what would lift it to the next band.",
        "",
        "For each checklist that scores the subject (or the one given): every item with its outcome and points"
            + " earned / available, every adjustment (deduction, bonus, bound, veto, quota) with its reason; then"
            + " the next better band and the smallest set of FAIL or UNKNOWN criteria (or criteria with partial"
            + " credit) whose passing with full points would reach it.",
        "",
        "The set is chosen greedily by the score each criterion would add (under a weighted checklist, its"
            + " weight's share of 100), largest gain first, which gives the fewest criteria (not the fewest points)."
            + " The projected score goes through the checklist's steps again: bonus, deductions, floor and maximum,"
            + " vetoes, band. It assumes that the other items, deductions, bonuses and quotas stay as they are, that"
            + " a criterion passing earns its full points, and that an UNKNOWN criterion is observed and passes. A"
            + " failed veto rule whose cap keeps the subject out of the next band is always in the set.",
        "",
        "Exits 0 when explained; 1 if a pack or the facts file is invalid; 2 if the subject or checklist is not"
            + " in the report."})
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  PackOptions packs;

  @Mixin
  WaiverOptions waivers;

  @Option(names = "--facts", required = true, paramLabel = "<file>", description = "The facts file (.yaml, .yml or .json); - reads the standard input.")
  Path facts;

  @Option(names = {"-s", "--subject"}, required = true, paramLabel = "<id>", description = "The subject to explain.")
  String subjectId;

  @Option(names = {"-c", "--checklist"}, paramLabel = "<id>", description = "Only this checklist (default: every one).")
  String checklistId;

  @Option(names = "--as-of", paramLabel = "<yyyy-mm-dd>", description = "The evaluation date; overrides the file's.")
  LocalDate asOf;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi", description = "Language: vi (default) or en.")
  Language language = Language.VI;

  private Words w;
  private java.util.function.Supplier<Report> undecided;

  /** A criterion that could pass, and what passing would add to the score. */
  record Gain(ItemScore item, BigDecimal points) { }

  @Override
  public Integer call() {
    w = new Words(language);
    FactsReader reader = asOf == null ? new FactsReader() : new FactsReader().withAsOf(asOf);
    FactsFile file = FactsInput.load(reader, facts);
    RulesEngine engine = packs.engine();
    // Quotas and rankings need every subject: the whole file is evaluated.
    vn.conduct.rules.api.EvaluationRequest decided = waivers.apply(packs.restrict(file.request()));
    waivers.checkDecisions(engine, decided);
    Report report = engine.evaluate(decided);
    // what the decisions changed: the same facts evaluated without them (quotas may move too)
    if (waivers.decided()) {
      Report[] once = new Report[1];
      undecided = () -> once[0] != null ? once[0] : (once[0] = engine.evaluate(waivers.waive(packs.restrict(
          file.request()))));
    }
    SubjectResult result = report.subject(subjectId).orElseThrow(() -> new UsageException(Arguments.say("usage.explain.no-subject", subjectId, facts,
        report.subjects().stream().limit(12).map(SubjectResult::subjectId).collect(Collectors.joining(", "))
            + (report.subjects().size() > 12 ? ", …" : ""))));
    List<ChecklistScore> scores = result.scores().stream()
        .filter(s -> checklistId == null || s.checklistId().equals(checklistId)).toList();
    if (checklistId != null && scores.isEmpty()) {
      throw new UsageException(Arguments.say("usage.explain.not-scored", checklistId, subjectId)
          + (result.scores().isEmpty() ? "" : Arguments.say("usage.explain.scored-by", result.scores().stream()
              .map(ChecklistScore::checklistId).collect(Collectors.joining(", ")))));
    }
    PrintWriter out = spec.commandLine().getOut();
    var subject = result.subject();
    out.println(safe(subject.id() + (subject.name() != null ? "  " + subject.name() : "") + "  [" + subject.type() + "]"
        + (subject.parentId() != null ? w.get("explain.member-of") + subject.parentId() : "")));
    if (scores.isEmpty()) {
      out.println(w.get("explain.no-checklist-scores-this-subject-findings"));
      findings(result, out);
    }
    for (ChecklistScore score : scores) {
      explain(result, score, info(engine, report, score), out);
    }
    out.flush();
    return ConductCommand.OK;
  }

  /** Pack and facts text, safe on a terminal line. */
  private static String safe(String text) {
    return SafeText.line(text);
  }

  private static Optional<ChecklistInfo> info(RulesEngine engine, Report report, ChecklistScore score) {
    String version = report.provenance().packs().stream().filter(p -> p.packId().equals(score.packId()))
        .map(PackUse::version).findFirst().orElse(null);
    return engine.checklists().stream().filter(c -> c.packId().equals(score.packId())
        && c.checklistId().equals(score.checklistId()) && (version == null || c.packVersion().equals(version)))
        .findFirst();
  }

  private void findings(SubjectResult result, PrintWriter out) {
    for (Finding finding : result.findings()) {
      if (finding.outcome() == Outcome.FAIL || finding.outcome() == Outcome.UNKNOWN || finding.outcome() == Outcome.ERROR) {
        out.println(String.format(java.util.Locale.ROOT, "  %-13s %s  %s", w.outcome(finding.outcome()), safe(finding.ruleId()),
            safe(finding.reason().in(language))));
        finding.facts().forEach(fact -> out.println("      " + safe(w.fact(fact))));
      }
    }
  }

  private void explain(SubjectResult result, ChecklistScore score, Optional<ChecklistInfo> info,
      PrintWriter out) {
    out.println();
    out.println(safe(score.checklistId() + " (" + score.packId() + ")  " + score.title().in(language)));
    out.println("  " + w.get("explain.score") + Words.display(score.score()) + " / " + Words.display(score.maximum())
        + " → " + (score.rated() ? rating(score.rating(), info)
            : w.get("explain.not-rated-evidence") + Words.display(score.evidencePercent()) + " %)"));
    BigDecimal earned = BigDecimal.ZERO;
    BigDecimal available = BigDecimal.ZERO;
    int width = score.items().stream().mapToInt(i -> safe(i.ruleId()).length()).max().orElse(10);
    boolean weighted = info.map(i -> i.method() == ChecklistInfo.Method.WEIGHTED).orElse(false);
    out.println("  " + (weighted ? w.get("explain.items-weight-earned-weight-counted")
        : w.get("explain.items-earned-available")));
    for (ItemScore item : score.items()) {
      if (!item.bonus()) {
        earned = earned.add(item.earned());
        available = available.add(item.available());
      }
      String reason = result.finding(item.ruleId())
          .filter(f -> f.outcome() != Outcome.PASS && f.outcome() != Outcome.NOT_APPLICABLE)
          .map(f -> f.waiver().map(waiver -> "  [" + w.waived() + " " + safe(waiver.id()) + "]").orElse("")
              + "  " + safe(f.reason().in(language))).orElse("");
      out.println(String.format(java.util.Locale.ROOT, "    %-13s %-" + width + "s %6s / %-6s%s%s", w.outcome(item.outcome()),
          safe(item.ruleId()), Words.display(item.earned()), Words.display(item.available()),
          item.bonus() ? w.get("explain.bonus") : "", reason));
      result.finding(item.ruleId()).filter(f -> f.outcome() != Outcome.PASS && f.outcome() != Outcome.NOT_APPLICABLE)
          .ifPresent(f -> f.facts().forEach(fact -> out.println("        " + safe(w.fact(fact)))));
    }
    out.println("    " + w.get("explain.items-total") + Words.display(earned) + " / " + Words.display(available)
        + (weighted && available.signum() > 0 ? w.get("explain.arrow") + Words.display(earned.multiply(BigDecimal.valueOf(100))
            .divide(available, 4, java.math.RoundingMode.HALF_UP)) + w.get("explain.points") : ""));
    decisions(result, score, info, out);
    score.withoutWaivers().ifPresent(without -> out.println("  " + w.get("explain.without-waivers")
        + Words.display(without.score()) + " / " + Words.display(without.maximum()) + " → "
        + (without.rated() ? rating(without.rating(), info) : w.get("explain.not-rated"))
        + w.get("explain.risk-accepted") + Words.display(score.riskAccepted().orElseThrow())
        + w.get("explain.points-waived-items-count-as-pass")));
    if (score.adjustments().isEmpty()) {
      out.println("  " + w.get("explain.no-adjustments"));
    } else {
      out.println("  " + w.get("explain.adjustments"));
      for (ScoreAdjustment adjustment : score.adjustments()) {
        out.println("    " + w.adjustment(adjustment.kind())
            + (adjustment.points() != null ? " " + signed(adjustment.points()) : "")
            + (adjustment.fromRating() != null ? " " + safe(adjustment.fromRating() + " → " + adjustment.toRating()) : "")
            + ": " + safe(adjustment.reason().in(language)));
      }
    }
    if (info.isPresent()) {
      nextBand(score, info.get(), new Projection(score, info.get(), result), result, out);
    }
  }

  /**
   * What the decisions changed for this checklist (decision-format.md, section 7): each history of its
   * items' findings and of the checklist itself, then the score and rating the subject would have
   * without any decision.
   */
  private void decisions(SubjectResult result, ChecklistScore score, Optional<ChecklistInfo> info, PrintWriter out) {
    List<String> lines = new java.util.ArrayList<>();
    for (ItemScore item : score.items()) {
      result.finding(item.ruleId()).filter(f -> !f.decisions().isEmpty()).ifPresent(f -> {
        lines.add(safe(f.ruleId() + ": " + w.outcome(f.originalOutcome()) + " → " + w.outcome(f.outcome())));
        f.decisions().forEach(d -> lines.add("  " + safe(w.decision(d, language))));
      });
    }
    score.decisions().forEach(d -> lines.add(safe(w.target(d) + ": " + w.decision(d, language))));
    if (!lines.isEmpty()) {
      out.println("  " + w.get("explain.decisions"));
      lines.forEach(line -> out.println("    " + line));
    }
    if (undecided == null) {
      return;
    }
    // shown when this checklist's decisions changed it, or others' did (a quota counts the whole unit)
    undecided.get().subject(result.subjectId()).flatMap(s -> s.score(score.checklistId()))
        .filter(before -> !lines.isEmpty() || before.score().compareTo(score.score()) != 0
            || !java.util.Objects.equals(before.rating(), score.rating()))
        .ifPresent(before -> out.println("  " + w.get("explain.without-decisions") + Words.display(before.score())
            + " / " + Words.display(before.maximum()) + " → " + (before.rated() ? rating(before.rating(), info)
                : w.get("explain.not-rated"))));
  }

  private String rating(String rating, Optional<ChecklistInfo> info) {
    String title = info.flatMap(c -> c.bands().stream().filter(b -> b.id().equals(rating)).findFirst())
        .map(b -> b.title() == null ? "" : b.title().in(language)).orElse("");
    return safe(title == null || title.isEmpty() ? rating : title); // ids are for machines: JSON and CSV keep them
  }

  private void nextBand(ChecklistScore score, ChecklistInfo info, Projection projection, SubjectResult result,
      PrintWriter out) {
    List<ChecklistInfo.Band> bands = info.bands();
    List<ScoreAdjustment> quotas = score.adjustments().stream()
        .filter(a -> a.kind() == ScoreAdjustment.Kind.QUOTA).toList();
    List<String> failedVetoes = projection.failedVetoes().stream().map(ChecklistInfo.Veto::ruleId).distinct().toList();
    BigDecimal base = projection.score(List.of(), failedVetoes); // the score no veto caps
    int index = score.rated() ? bandIndex(bands, score.rating()) : projection.band(score.score(), List.of());
    if (score.rated() && !quotas.isEmpty() && failedVetoes.isEmpty()) {
      index = Math.min(index, bandIndex(bands, quotas.get(0).fromRating()));
      String band = quotas.get(0).fromRating();
      Optional<ChecklistInfo.Quota> quota = info.quotas().stream().filter(q -> q.band().equals(band)).findFirst();
      boolean byUnit = quota.map(q -> q.groupBy().isEmpty()).orElse(true);
      out.println("  " + w.get("explain.note-by-score-the-rating-is")
          + safe(band)
          + (byUnit ? w.get("explain.the-units-quota-lowered-it")
              : w.get("explain.the-groups-quota-lowered-it"))
          + w.get("explain.passing-more-criteria-does-not-change")
          + quota.map(q -> w.get("explain.the-quota-counts") + safe(w.quotaMembers(q)) + "; "
              + w.ties(q.ties()) + ".").orElse(""));
    }
    if (index == 0) {
      out.println("  " + w.get("explain.already-in-the-best-band") + safe(bands.get(0).id()) + ")."
          + (score.rated() ? "" : w.get("explain.the-unknown-criteria-must-be-observed")));
      return;
    }
    int targetIndex = Math.min(index, bands.size()) - 1;
    ChecklistInfo.Band target = bands.get(targetIndex);
    List<String> lifted = projection.failedVetoes().stream().filter(v -> projection.blocks(v, targetIndex))
        .map(ChecklistInfo.Veto::ruleId).distinct().toList();
    List<Gain> gains = new ArrayList<>();
    for (ItemScore item : score.items()) {
      boolean partial = item.outcome() == Outcome.PASS && !item.bonus() && item.earned().compareTo(item.available()) < 0;
      if (item.outcome() == Outcome.FAIL || item.outcome() == Outcome.UNKNOWN || item.outcome() == Outcome.ERROR
          || partial) {
        gains.add(new Gain(item, projection.gain(item)));
      }
    }
    List<Gain> chosen = choose(gains, projection, lifted, target.min());
    BigDecimal projected = projection.score(chosen.stream().map(Gain::item).toList(), lifted);
    out.println("  " + w.get("explain.next-band") + rating(target.id(), Optional.of(info)) + " ≥ "
        + Words.display(target.min()) + w.get("explain.needs")
        + Words.display(target.min().subtract(base).max(BigDecimal.ZERO)) + w.get("explain.more-points")
        + (lifted.isEmpty() ? "" : w.get("explain.and-the-veto-lifted") + safe(String.join(", ", lifted)))
        + ".");
    boolean unknownLeft = gains.stream().anyMatch(g -> g.item().outcome() != Outcome.FAIL && !chosen.contains(g));
    if (projected.compareTo(target.min()) < 0) {
      out.println("  " + w.get("explain.even-if-every-failed-or-unknown")
          + Words.display(projected) + w.get("explain.no-set-of-criteria-reaches-this")
          + (score.adjustments().stream().anyMatch(a -> a.kind() == ScoreAdjustment.Kind.DEDUCTION)
              ? w.get("explain.the-deductions-stay") : "."));
      return;
    }
    List<String> vetoesOutside = lifted.stream()
        .filter(rule -> chosen.stream().noneMatch(g -> g.item().ruleId().equals(rule))).toList();
    int size = chosen.size() + vetoesOutside.size();
    out.println("  " + w.get("explain.smallest-set-to-pass", size,
        w.get(size == 1 ? "explain.criterion" : "explain.criteria")));
    for (String rule : vetoesOutside) {
      out.println("    " + safe(rule) + "  +0  (" + w.outcome(Outcome.FAIL) + " → " + w.outcome(Outcome.PASS)
          + w.get("explain.lifts-the-veto") + ")");
    }
    for (Gain gain : chosen) {
      ItemScore item = gain.item();
      String change = item.outcome() == Outcome.PASS
          ? w.get("explain.full-points") + Words.display(item.earned()) + " → " + Words.display(item.available())
          : w.outcome(item.outcome()) + " → " + w.outcome(Outcome.PASS);
      out.println("    " + safe(item.ruleId()) + "  " + signed(gain.points()) + "  (" + change
          + (lifted.contains(item.ruleId()) ? w.get("explain.lifts-the-veto") : "") + ")");
    }
    out.println("  " + w.get("explain.projected-score") + Words.display(projected) + " → "
        + rating(bands.get(projection.band(projected, lifted)).id(), Optional.of(info))
        + (score.rated() || !unknownLeft ? "" : w.get("explain.if-there-is-enough-evidence-to")));
    if (!projection.consistent()) {
      out.println("  " + w.get("explain.note-replaying-the-items-and-adjustments"));
    }
  }

  /** The largest gains first, until the projected score reaches the target. */
  static List<Gain> choose(List<Gain> gains, Projection projection, List<String> lifted, BigDecimal target) {
    List<Gain> chosen = new ArrayList<>();
    List<Gain> rest = gains.stream().filter(g -> g.points().signum() > 0)
        .sorted(Comparator.comparing(Gain::points).reversed().thenComparing(g -> g.item().ruleId())).toList();
    for (Gain gain : rest) {
      if (projection.score(chosen.stream().map(Gain::item).toList(), lifted).compareTo(target) >= 0) {
        break;
      }
      chosen.add(gain);
    }
    return chosen;
  }

  private static int bandIndex(List<ChecklistInfo.Band> bands, String id) {
    for (int i = 0; i < bands.size(); i++) {
      if (bands.get(i).id().equals(id)) {
        return i;
      }
    }
    return bands.size();
  }

  private static String signed(BigDecimal points) {
    return (points.signum() >= 0 ? "+" : "") + Words.display(points);
  }
}
