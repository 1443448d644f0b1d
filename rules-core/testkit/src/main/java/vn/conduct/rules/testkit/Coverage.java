package vn.conduct.rules.testkit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Citation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.SubjectResult;

/**
 * What a pack's passing fixtures cover: rules (a pass and a fail, and a not-applicable where the
 * rule has an applicability condition), cited source clauses (cited by a covered rule), and
 * checklist rating bands (reached by some subject). Disabled (draft) rules are listed, not counted.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Coverage {

  /** A rule and the outcomes passing fixtures asserted for it. */
  public record RuleCoverage(RuleInfo rule, Set<Outcome> asserted) {
    /** The outcomes the rule needs: PASS and FAIL, and NOT_APPLICABLE if it is conditional. */
    public Set<Outcome> needed() {
      return rule.conditional() ? EnumSet.of(Outcome.PASS, Outcome.FAIL, Outcome.NOT_APPLICABLE)
          : EnumSet.of(Outcome.PASS, Outcome.FAIL);
    }

    /** Whether every needed outcome was asserted by a passing fixture. */
    public boolean covered() {
      return asserted.containsAll(needed());
    }
  }

  /** A cited clause and the rules citing it. */
  public record ClauseCoverage(String clause, List<String> rules, boolean covered) { }

  /** A rating band of a checklist and whether some subject in a passing fixture reached it. */
  public record BandCoverage(String checklistId, String band, boolean reached) { }

  private final List<RuleCoverage> rules;
  private final List<RuleInfo> disabled;
  private final List<ClauseCoverage> clauses;
  private final List<BandCoverage> bands;

  private Coverage(List<RuleCoverage> rules, List<RuleInfo> disabled, List<ClauseCoverage> clauses,
      List<BandCoverage> bands) {
    this.rules = List.copyOf(rules);
    this.disabled = List.copyOf(disabled);
    this.clauses = List.copyOf(clauses);
    this.bands = List.copyOf(bands);
  }

  /** Measures coverage of the given rules and checklists by the passing fixture results. */
  static Coverage of(List<RuleInfo> packRules, List<ChecklistInfo> checklists, List<FixtureResult> results) {
    Map<String, Set<Outcome>> asserted = new LinkedHashMap<>();
    Map<String, Set<String>> reached = new LinkedHashMap<>();
    for (FixtureResult result : results) {
      if (!result.passed()) {
        continue;
      }
      for (Expectation e : result.fixture().expectations()) {
        if (e instanceof Expectation.RuleOutcome o) {
          asserted.computeIfAbsent(o.ruleId(), k -> EnumSet.noneOf(Outcome.class)).add(o.outcome());
        }
      }
      for (SubjectResult subject : result.report().subjects()) {
        for (ChecklistScore score : subject.scores()) {
          if (score.rated() && score.rating() != null) {
            reached.computeIfAbsent(score.packId() + "/" + score.checklistId(), k -> new java.util.HashSet<>())
                .add(score.rating());
          }
        }
      }
    }
    List<RuleCoverage> ruleCoverage = new ArrayList<>();
    List<RuleInfo> disabled = new ArrayList<>();
    Map<String, List<String>> clauseRules = new TreeMap<>();
    Map<String, Boolean> clauseCovered = new TreeMap<>();
    for (RuleInfo rule : packRules) {
      if (!rule.enabled()) {
        disabled.add(rule);
        continue;
      }
      RuleCoverage coverage = new RuleCoverage(rule, asserted.getOrDefault(rule.ruleId(), EnumSet.noneOf(Outcome.class)));
      ruleCoverage.add(coverage);
      String clause = clause(rule.rule().citation());
      clauseRules.computeIfAbsent(clause, k -> new ArrayList<>()).add(rule.ruleId());
      clauseCovered.merge(clause, coverage.covered(), Boolean::logicalOr);
    }
    List<ClauseCoverage> clauses = new ArrayList<>();
    clauseRules.forEach((clause, ids) -> clauses.add(new ClauseCoverage(clause, ids, clauseCovered.get(clause))));
    List<BandCoverage> bands = new ArrayList<>();
    for (ChecklistInfo checklist : checklists) {
      Set<String> got = reached.getOrDefault(checklist.packId() + "/" + checklist.checklistId(), Set.of());
      checklist.bands().forEach(band -> bands.add(new BandCoverage(checklist.checklistId(), band.id(),
          got.contains(band.id()))));
    }
    return new Coverage(ruleCoverage, disabled, clauses, bands);
  }

  /** The citation's document, article and clause, as far as known. */
  static String clause(Citation citation) {
    StringBuilder text = new StringBuilder(citation.documentNumber() != null ? citation.documentNumber()
        : citation.documentId());
    if (citation.article() != null) {
      text.append(", ").append(citation.article());
    }
    if (citation.clause() != null) {
      text.append(", ").append(citation.clause());
    }
    return text.toString();
  }

  /** Per enabled rule. */
  public List<RuleCoverage> rules() {
    return rules;
  }

  /** Disabled rules, not counted. */
  public List<RuleInfo> disabled() {
    return disabled;
  }

  /** Per cited clause. */
  public List<ClauseCoverage> clauses() {
    return clauses;
  }

  /** Per checklist band. */
  public List<BandCoverage> bands() {
    return bands;
  }

  /** Percentage of enabled rules covered; 100 when there are none. */
  public double rulePercent() {
    return percent(rules.stream().filter(RuleCoverage::covered).count(), rules.size());
  }

  /** Percentage of cited clauses covered; 100 when there are none. */
  public double clausePercent() {
    return percent(clauses.stream().filter(ClauseCoverage::covered).count(), clauses.size());
  }

  /** Percentage of rating bands reached; 100 when there are none. */
  public double bandPercent() {
    return percent(bands.stream().filter(BandCoverage::reached).count(), bands.size());
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 100.0 : 100.0 * part / whole;
  }

  /** The coverage table, for a build log. */
  public String table() {
    StringBuilder out = new StringBuilder();
    int width = Math.max(4, rules.stream().mapToInt(r -> r.rule().ruleId().length()).max().orElse(4));
    out.append(String.format("%-" + width + "s  PASS  FAIL  N/A  UNKN  ERR   COVERED%n", "RULE"));
    for (RuleCoverage rule : rules) {
      out.append(String.format("%-" + width + "s  %-4s  %-4s  %-3s  %-4s  %-4s  %s%n", rule.rule().ruleId(),
          mark(rule, Outcome.PASS), mark(rule, Outcome.FAIL), mark(rule, Outcome.NOT_APPLICABLE),
          mark(rule, Outcome.UNKNOWN), mark(rule, Outcome.ERROR),
          rule.covered() ? "yes" : "NO (missing " + missing(rule) + ")"));
    }
    for (RuleInfo rule : disabled) {
      out.append(String.format("%-" + width + "s  disabled (%s), not counted%n", rule.ruleId(),
          rule.rule().citation().basis().name().toLowerCase(Locale.ROOT)));
    }
    out.append(String.format("rules: %d of %d covered (%.1f %%)%n", rules.stream().filter(RuleCoverage::covered).count(),
        rules.size(), rulePercent()));
    out.append(String.format("%nCLAUSE%n"));
    for (ClauseCoverage clause : clauses) {
      out.append(String.format("  %-4s %s  (%s)%n", clause.covered() ? "yes" : "NO", clause.clause(),
          String.join(", ", clause.rules())));
    }
    out.append(String.format("clauses: %d of %d covered (%.1f %%)%n",
        clauses.stream().filter(ClauseCoverage::covered).count(), clauses.size(), clausePercent()));
    if (!bands.isEmpty()) {
      out.append(String.format("%nBAND%n"));
      for (BandCoverage band : bands) {
        out.append(String.format("  %-4s %s %s%n", band.reached() ? "yes" : "NO", band.checklistId(), band.band()));
      }
      out.append(String.format("bands: %d of %d reached (%.1f %%)%n", bands.stream().filter(BandCoverage::reached).count(),
          bands.size(), bandPercent()));
    }
    return out.toString();
  }

  private static String mark(RuleCoverage rule, Outcome outcome) {
    if (rule.asserted().contains(outcome)) {
      return "✓";
    }
    return rule.needed().contains(outcome) ? "✗" : "·";
  }

  private static String missing(RuleCoverage rule) {
    return rule.needed().stream().filter(o -> !rule.asserted().contains(o))
        .map(o -> o.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList().toString();
  }

  /** What falls short of the thresholds, one line each; empty if all are met. */
  public List<String> shortfalls(double minRules, double minClauses, double minBands) {
    List<String> out = new ArrayList<>();
    if (rulePercent() + 1e-9 < minRules) {
      out.add(String.format("rule coverage %.1f %% is below the required %.1f %%: %s", rulePercent(), minRules,
          rules.stream().filter(r -> !r.covered()).map(r -> r.rule().ruleId() + " missing " + missing(r)).toList()));
    }
    if (clausePercent() + 1e-9 < minClauses) {
      out.add(String.format("clause coverage %.1f %% is below the required %.1f %%: %s", clausePercent(), minClauses,
          clauses.stream().filter(c -> !c.covered()).map(ClauseCoverage::clause).toList()));
    }
    if (bandPercent() + 1e-9 < minBands) {
      out.add(String.format("band coverage %.1f %% is below the required %.1f %%: %s", bandPercent(), minBands,
          bands.stream().filter(b -> !b.reached()).map(b -> b.checklistId() + " " + b.band()).toList()));
    }
    return out;
  }
}
