package vn.conduct.rules.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.ValidationIssue;

/**
 * Checks what a fixture names against the loaded packs before it runs: the rules and checklists
 * its expectations name, the subject types they apply to, the versions of the tested pack in force
 * on its date and the versions it pins. Every problem is an error located where the
 * fixture states it.
 */
final class FixtureCheck {

  private FixtureCheck() { }

  /**
   * The problems with what a fixture names, sorted.
   *
   * @param tested the ids of the tested packs (whose versions must be in force or pinned)
   */
  static List<ValidationIssue> references(Fixture fixture, RulesEngine engine, Set<String> tested) {
    List<ValidationIssue> issues = new ArrayList<>();
    dates(fixture, engine, tested, issues);
    for (Expectation expectation : fixture.expectations()) {
      Optional<String> type = fixture.request().subjects().stream()
          .filter(s -> s.id().equals(expectation.subjectId())).map(Subject::type).findFirst();
      if (expectation instanceof Expectation.RuleOutcome outcome) {
        rule(outcome, type.orElse(null), engine, issues);
      } else if (expectation instanceof Expectation.Score score) {
        checklist(score.checklistId(), score, type.orElse(null), engine, issues);
      } else if (expectation instanceof Expectation.Rank rank) {
        checklist(rank.checklistId(), rank, type.orElse(null), engine, issues);
      }
    }
    return issues.stream().distinct().sorted(ValidationIssue.ORDER).toList();
  }

  private static void rule(Expectation.RuleOutcome expectation, String type, RulesEngine engine,
      List<ValidationIssue> issues) {
    List<RuleInfo> rules = engine.rules().stream().filter(r -> r.ruleId().equals(expectation.ruleId())).toList();
    if (rules.isEmpty()) {
      issues.add(issue(expectation, "fixture.unknown-rule", "no loaded pack has a rule '" + expectation.ruleId() + "'",
          Suggestions.hint(expectation.ruleId(), engine.rules().stream().map(RuleInfo::ruleId).toList(),
              "the rules")));
      return;
    }
    List<RuleInfo> enabled = rules.stream().filter(RuleInfo::enabled).toList();
    if (enabled.isEmpty()) {
      issues.add(issue(expectation, "fixture.disabled-rule", "rule '" + expectation.ruleId() + "' is disabled (a draft)"
          + " in " + versions(rules) + ", so it gives no finding", "enable the rule, or expect nothing of it"));
      return;
    }
    if (type != null && enabled.stream().noneMatch(r -> r.appliesTo().contains(type))) {
      issues.add(issue(expectation, "fixture.type-mismatch", "rule '" + expectation.ruleId() + "' does not apply to"
          + " subject '" + expectation.subjectId() + "' of type '" + type + "'", "it applies to "
          + enabled.stream().flatMap(r -> r.appliesTo().stream()).distinct().sorted().collect(Collectors.joining(", "))));
    }
  }

  private static void checklist(String checklistId, Expectation expectation, String type, RulesEngine engine,
      List<ValidationIssue> issues) {
    List<ChecklistInfo> checklists = engine.checklists().stream().filter(c -> c.checklistId().equals(checklistId))
        .toList();
    if (checklists.isEmpty()) {
      issues.add(issue(expectation, "fixture.unknown-checklist", "no loaded pack has a checklist '" + checklistId + "'",
          Suggestions.hint(checklistId, engine.checklists().stream().map(ChecklistInfo::checklistId).toList(),
              "the checklists")));
    } else if (type != null && checklists.stream().noneMatch(c -> type.equals(c.subjectType()))) {
      issues.add(issue(expectation, "fixture.type-mismatch", "checklist '" + checklistId + "' does not score subject '"
          + expectation.subjectId() + "' of type '" + type + "'", "it scores "
          + checklists.stream().map(ChecklistInfo::subjectType).distinct().sorted().collect(Collectors.joining(", "))));
    }
  }

  /** A tested pack must have a version in force on the fixture's date, or a pinned version that is loaded. */
  private static void dates(Fixture fixture, RulesEngine engine, Set<String> tested, List<ValidationIssue> issues) {
    LocalDate asOf = fixture.request().asOf();
    Map<String, String> pins = fixture.request().pinnedVersions();
    List<String> named = fixture.request().packIds();
    for (String packId : tested) {
      List<RulePackInfo> versions = engine.packs().stream().filter(p -> p.id().equals(packId)).toList();
      if (pins.containsKey(packId)) {
        String pinned = pins.get(packId);
        if (versions.stream().noneMatch(p -> p.version().equals(pinned))) {
          issues.add(at(fixture, "pin." + packId, "fixture.pin", "the fixture pins " + packId + " " + pinned
              + ", which is not loaded", "loaded versions are " + versions.stream().map(RulePackInfo::version)
                  .collect(Collectors.joining(", "))));
        }
      } else if ((named.isEmpty() || named.contains(packId)) && versions.stream().noneMatch(p -> p.inForceOn(asOf))) {
        String message = versions.size() == 1 ? notInForce(versions.get(0), asOf)
            : "no version of " + packId + " is in force on " + asOf + ": " + versions.stream()
                .map(p -> p.version() + " " + dates(p)).collect(Collectors.joining(", "));
        issues.add(at(fixture, "as-of", "fixture.date", message, "date the fixture within a version's dates, or pin"
            + " one: 'pin: {" + packId + ": " + versions.get(versions.size() - 1).version() + "}'"));
      }
    }
  }

  /** E.g. {@code hue-demo 1.1.0 is not in force on 2025-05-31 (from 2025-07-01)}. */
  static String notInForce(RulePackInfo pack, LocalDate date) {
    return pack.id() + " " + pack.version() + " is not in force on " + date + " " + dates(pack);
  }

  /** E.g. {@code (from 2025-07-01)}, {@code (from 2025-01-01 until 2025-06-30)}, {@code (until 2025-06-30)}. */
  static String dates(RulePackInfo pack) {
    if (pack.effectiveFrom() == null && pack.effectiveUntil() == null) {
      return "(always in force)";
    }
    return "(" + (pack.effectiveFrom() == null ? "" : "from " + pack.effectiveFrom())
        + (pack.effectiveFrom() != null && pack.effectiveUntil() != null ? " " : "")
        + (pack.effectiveUntil() == null ? "" : "until " + pack.effectiveUntil()) + ")";
  }

  static Optional<RulePackInfo> info(RulesEngine engine, String packId, String version) {
    return engine.packs().stream().filter(p -> p.id().equals(packId) && p.version().equals(version)).findFirst();
  }

  /** E.g. {@code kit-sample 1.0.0} or {@code kit-sample 1.0.0, 1.1.0}. */
  static String versions(Collection<RuleInfo> rules) {
    Set<String> packs = new LinkedHashSet<>();
    rules.forEach(r -> packs.add(r.rule().packId()));
    return packs.stream().map(id -> id + " " + rules.stream().filter(r -> r.rule().packId().equals(id))
        .map(r -> r.rule().packVersion()).distinct().collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }

  /**
   * Warnings for the enabled rules of the tested pack that no fixture expects an outcome of.
   *
   * @param rules the tested pack's rules
   * @param fixtures the fixtures that could be read
   */
  static List<ValidationIssue> untested(List<RuleInfo> rules, List<Fixture> fixtures) {
    Set<String> tested = new java.util.HashSet<>();
    fixtures.forEach(f -> f.expectations().stream().filter(e -> e instanceof Expectation.RuleOutcome)
        .forEach(e -> tested.add(((Expectation.RuleOutcome) e).ruleId())));
    return rules.stream().filter(RuleInfo::enabled).map(RuleInfo::ruleId).distinct()
        .filter(id -> !tested.contains(id))
        .map(id -> new ValidationIssue(ValidationIssue.Level.WARNING, "lint.untested-rule", "rules/" + id + "/rule.yaml",
            0, 0, "", "no fixture tests rule '" + id + "'",
            "add rules/" + id + "/tests/<case>.pass.yaml and <case>.fail.yaml"))
        .toList();
  }

  private static ValidationIssue issue(Expectation expectation, String code, String message, String hint) {
    return Fixtures.issue(expectation.location(), expectation.path(), code, message, hint);
  }

  private static ValidationIssue at(Fixture fixture, String path, String code, String message, String hint) {
    return Fixtures.issue(fixture.facts().locate(path).orElse(fixture.name()), path, code, message, hint);
  }
}
