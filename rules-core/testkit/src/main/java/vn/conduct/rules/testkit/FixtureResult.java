package vn.conduct.rules.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.SubjectResult;

/**
 * A fixture run: the report the engine gave and every expectation it did not meet.
 *
 * @param fixture the fixture
 * @param report the engine's report on its facts
 * @param mismatches one per unmet expectation, in the fixture's order
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FixtureResult(Fixture fixture, Report report, List<Mismatch> mismatches) {

  public FixtureResult {
    Objects.requireNonNull(fixture, "fixture");
    Objects.requireNonNull(report, "report");
    mismatches = List.copyOf(mismatches);
  }

  /** Whether every expectation was met. */
  public boolean passed() {
    return mismatches.isEmpty();
  }

  /**
   * An expectation that was not met.
   *
   * @param expectation what the fixture expected
   * @param expected the expected value, as text
   * @param actual what the report says, as text
   * @param detail the engine's reason or the subject's findings, to see why
   */
  public record Mismatch(Expectation expectation, String expected, String actual, String detail) {

    /**
     * One block of text: {@code file:line:col: subject / rule: expected X but was Y} and the detail,
     * every line {@link SafeText#line safe} for a terminal.
     */
    public String render() {
      String what;
      if (expectation instanceof Expectation.RuleOutcome o) {
        what = o.subjectId() + " / " + o.ruleId();
      } else if (expectation instanceof Expectation.Score s) {
        what = s.subjectId() + " / " + s.checklistId();
      } else if (expectation instanceof Expectation.Rank r) {
        what = r.subjectId() + " / rank on " + r.checklistId();
      } else {
        what = expectation.subjectId() + " / compliant";
      }
      return SafeText.line(expectation.location()) + ": " + SafeText.line(what) + ": expected "
          + SafeText.line(expected) + " but was " + SafeText.line(actual)
          + (detail.isEmpty() ? "" : "\n    " + detail.lines().map(SafeText::line).collect(Collectors.joining("\n    ")));
    }
  }

  /** Checks a report against a fixture's expectations; the engine says why a finding is missing. */
  static FixtureResult check(Fixture fixture, Report report, RulesEngine engine) {
    List<Mismatch> mismatches = new ArrayList<>();
    for (Expectation expectation : fixture.expectations()) {
      Optional<SubjectResult> subject = report.subject(expectation.subjectId());
      if (subject.isEmpty()) {
        String problems = report.factProblems().stream().map(p -> SafeText.line(fixture.facts().locate(p)
            .orElse(p.kind()) + " " + p.message())).collect(Collectors.joining("\n"));
        mismatches.add(new Mismatch(expectation, "a result", "no result for the subject", problems));
        continue;
      }
      if (expectation instanceof Expectation.RuleOutcome o) {
        outcome(o, subject.get(), report, engine, mismatches);
      } else if (expectation instanceof Expectation.Score s) {
        score(s, subject.get(), mismatches);
      } else if (expectation instanceof Expectation.Rank r) {
        rank(r, report, subject.get(), mismatches);
      } else if (expectation instanceof Expectation.Compliant c && subject.get().compliant() != c.compliant()) {
        mismatches.add(new Mismatch(c, c.compliant() ? "compliant" : "not compliant",
            subject.get().compliant() ? "compliant" : "not compliant", findings(subject.get())));
      }
    }
    return new FixtureResult(fixture, report, mismatches);
  }

  private static void outcome(Expectation.RuleOutcome o, SubjectResult subject, Report report, RulesEngine engine,
      List<Mismatch> into) {
    Optional<Finding> finding = subject.finding(o.ruleId());
    if (finding.isEmpty()) {
      into.add(new Mismatch(o, o.outcome().name(), "no finding: " + whyNoFinding(o.ruleId(), subject, report, engine),
          findings(subject)));
      return;
    }
    Finding f = finding.get();
    String reason = reason(f);
    if (f.outcome() != o.outcome()) {
      into.add(new Mismatch(o, o.outcome().name(), f.outcome().name(), "reason: " + SafeText.line(reason)));
    } else if (o.reasonContains() != null && !f.reason().in(Language.VI).contains(o.reasonContains())
        && !f.reason().in(Language.EN).contains(o.reasonContains())) {
      into.add(new Mismatch(o, "a reason containing \"" + o.reasonContains() + "\"", "\"" + reason + "\"", ""));
    }
  }

  private static void score(Expectation.Score s, SubjectResult subject, List<Mismatch> into) {
    Optional<ChecklistScore> found = subject.score(s.checklistId());
    if (found.isEmpty()) {
      into.add(new Mismatch(s, "a score", "no score on this checklist", "scores: "
          + SafeText.line(subject.scores().stream().map(ChecklistScore::checklistId).toList().toString())));
      return;
    }
    ChecklistScore score = found.get();
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    if (s.score() != null && s.score().compareTo(score.score()) != 0) {
      expected.add("score " + s.score().toPlainString());
      actual.add("score " + score.score().stripTrailingZeros().toPlainString());
    }
    if (s.rating() != null && !s.rating().equals(score.rating())) {
      expected.add("rating " + s.rating());
      actual.add("rating " + score.rating());
    }
    if (s.rated() != null && s.rated() != score.rated()) {
      expected.add(s.rated() ? "rated" : "unrated");
      actual.add(score.rated() ? "rated" : "unrated");
    }
    if (!expected.isEmpty()) {
      into.add(new Mismatch(s, String.join(", ", expected), String.join(", ", actual), explain(score)));
    }
  }

  private static void rank(Expectation.Rank r, Report report, SubjectResult subject, List<Mismatch> into) {
    for (Ranking ranking : report.rankings()) {
      if (!ranking.checklistId().equals(r.checklistId())) {
        continue;
      }
      for (Ranking.Entry entry : ranking.entries()) {
        if (entry.subjectId().equals(r.subjectId())) {
          if (entry.rank() != r.rank()) {
            into.add(new Mismatch(r, "rank " + r.rank(), "rank " + entry.rank(), ranking.entries().stream()
                .map(e -> e.rank() + ". " + SafeText.line(e.subjectId()) + " " + e.score().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "))));
          }
          return;
        }
      }
      if (ranking.unranked().contains(r.subjectId())) {
        into.add(new Mismatch(r, "rank " + r.rank(), "unranked (too little evidence)", ""));
        return;
      }
    }
    into.add(new Mismatch(r, "rank " + r.rank(), "not in any ranking of " + r.checklistId(), ""));
  }

  /**
   * Why a subject has no finding for a rule, from the loaded packs and the versions the evaluation
   * used: the rule is unknown, its version is not in force on the date (or another is pinned), no
   * version of its pack is in force, it is disabled, or it does not apply to the subject's type.
   */
  static String whyNoFinding(String ruleId, SubjectResult subject, Report report, RulesEngine engine) {
    List<RuleInfo> rules = engine.rules().stream().filter(r -> r.ruleId().equals(ruleId)).toList();
    if (rules.isEmpty()) {
      String hint = Suggestions.hint(ruleId, engine.rules().stream().map(RuleInfo::ruleId).toList(), "the rules");
      return "no loaded pack has a rule '" + ruleId + "'" + (hint == null ? "" : " [Hint: " + hint + "]");
    }
    java.time.LocalDate asOf = report.provenance().asOf();
    List<String> reasons = new ArrayList<>();
    for (String packId : rules.stream().map(r -> r.rule().packId()).distinct().toList()) {
      List<RuleInfo> inPack = rules.stream().filter(r -> r.rule().packId().equals(packId)).toList();
      Optional<PackUse> used = report.provenance().packs().stream().filter(p -> p.packId().equals(packId)).findFirst();
      if (used.isEmpty()) {
        List<RulePackInfo> versions = engine.packs().stream().filter(p -> p.id().equals(packId)).toList();
        reasons.add(versions.stream().anyMatch(p -> p.inForceOn(asOf))
            ? packId + " was not evaluated (the facts' 'packs' list leaves it out)"
            : versions.size() == 1 ? FixtureCheck.notInForce(versions.get(0), asOf)
            : "no version of " + packId + " is in force on " + asOf + ": " + versions.stream()
                .map(p -> p.version() + " " + FixtureCheck.dates(p)).collect(Collectors.joining(", ")));
        continue;
      }
      String version = used.get().version();
      Optional<RuleInfo> rule = inPack.stream().filter(r -> r.rule().packVersion().equals(version)).findFirst();
      if (rule.isEmpty()) {
        String holders = inPack.stream().map(r -> r.rule().packVersion()).distinct().collect(Collectors.joining(", "));
        if (used.get().pinned()) {
          reasons.add("the facts pin " + packId + " " + version + ", which has no rule '" + ruleId + "' (it is in "
              + packId + " " + holders + ")");
        } else {
          String notInForce = inPack.stream().map(r -> FixtureCheck.info(engine, packId, r.rule().packVersion()))
              .flatMap(Optional::stream).filter(p -> !p.inForceOn(asOf)).map(p -> FixtureCheck.notInForce(p, asOf))
              .distinct().collect(Collectors.joining("; "));
          reasons.add((notInForce.isEmpty() ? packId + " " + holders + " has the rule, but " + version
              + " is later and in force" : notInForce) + "; the version used, " + packId + " " + version
              + ", has no rule '" + ruleId + "'");
        }
      } else if (!rule.get().enabled()) {
        reasons.add("rule '" + ruleId + "' is disabled (a draft) in " + packId + " " + version);
      } else if (!rule.get().appliesTo().contains(subject.subject().type())) {
        reasons.add("rule '" + ruleId + "' does not apply to type '" + subject.subject().type() + "' (it applies to "
            + String.join(", ", rule.get().appliesTo()) + ")");
      } else {
        reasons.add("rule '" + ruleId + "' of " + packId + " " + version + " was evaluated, but not for this subject");
      }
    }
    return String.join("; ", reasons);
  }

  static String reason(Finding finding) {
    String vi = finding.reason().in(Language.VI);
    String en = finding.reason().in(Language.EN);
    return vi.equals(en) ? en : en + " | " + vi;
  }

  static String findings(SubjectResult subject) {
    return subject.findings().stream().map(f -> SafeText.line(f.ruleId() + " " + f.outcome() + ": "
        + f.reason().in(Language.EN))).collect(Collectors.joining("\n"));
  }

  static String explain(ChecklistScore score) {
    StringBuilder text = new StringBuilder("items: ");
    text.append(SafeText.line(score.items().stream().map(i -> i.ruleId() + " " + i.outcome() + " "
        + i.earned().stripTrailingZeros().toPlainString() + "/" + i.available().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(", "))));
    score.adjustments().forEach(a -> text.append("\n").append(a.kind()).append(": ")
        .append(SafeText.line(a.reason().in(Language.EN))));
    return text.toString();
  }
}
