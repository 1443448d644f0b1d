package vn.conduct.rules.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.Decision;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.InvalidDecisionsException;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.compile.CompiledPacks;
import vn.conduct.rules.internal.load.Hints;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.model.AuthorityDoc;
import vn.conduct.rules.internal.model.ChecklistDoc;

/**
 * What the engine does with decisions (specs/decision-format.md): checks that each names a finding or
 * checklist it has, for a subject of the facts, and that each review and override is made by someone
 * holding, for that subject, an authority the pack declares (never the subject itself); orders each
 * target's history by date. Stateless.
 */
public final class Decisions {

  private Decisions() { }

  /** A problem with a decision: the field it is about (e.g. {@code by.role}), its code, message and hint. */
  public record Problem(Decision decision, String field, String code, String message, String hint) { }

  /**
   * Every problem with the decisions against an engine and, if given, the facts: targets the packs lack,
   * subjects and actors the facts lack, and reviews or overrides without the authority. With
   * {@code whole} false (a part of a streamed evaluation), decisions about subjects the part lacks are
   * skipped.
   */
  public static List<Problem> problems(List<Decision> decisions, RulesEngine engine, EvaluationRequest facts,
      boolean whole) {
    if (!(engine instanceof DefaultRulesEngine own)) {
      return List.of();
    }
    return problems(decisions, own.compiledPacks(), facts, whole);
  }

  static List<Problem> problems(List<Decision> decisions, CompiledPacks compiled, EvaluationRequest facts,
      boolean whole) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Subject> subjects = new HashMap<>();
    if (facts != null) {
      facts.subjects().forEach(s -> subjects.putIfAbsent(s.id(), s));
    }
    Map<String, java.util.Optional<LoadedPack>> versions = new HashMap<>(); // with facts: one plan per pack
    for (Decision decision : decisions) {
      if (facts != null && !whole && !subjects.containsKey(decision.subjectId())) {
        continue;
      }
      List<Problem> target = targetProblems(decision, compiled.infos(), compiled.ruleInfos(),
          compiled.checklistInfos());
      problems.addAll(target);
      if (facts != null && !subjects.containsKey(decision.subjectId())) {
        problems.add(new Problem(decision, "subject", "decision.unknown-subject", name(decision) + " is about subject '"
            + SafeText.line(decision.subjectId()) + "', which the facts do not have",
            Hints.unknown(decision.subjectId(), subjects.keySet(), "subjects in the facts")));
        continue;
      }
      if (!target.isEmpty()) {
        continue;
      }
      if (facts != null) {
        Problem none = noFinding(decision, subjects.get(decision.subjectId()), compiled);
        if (none != null) {
          problems.add(none);
          continue;
        }
      }
      LoadedPack used = facts == null ? usedVersion(compiled, null, decision)
          : versions.computeIfAbsent(decision.packId(), id -> java.util.Optional.ofNullable(
              usedVersion(compiled, facts, decision))).orElse(null);
      if (used != null) {
        problems.addAll(authorityProblems(decision, used, facts == null ? null : subjects));
      }
    }
    return problems;
  }

  /**
   * Refuses decisions naming what the engine or the facts do not have, or made without the authority,
   * naming each decision, where it was written and the nearest known names.
   *
   * @throws InvalidDecisionsException listing every problem
   */
  static void check(EvaluationRequest request, CompiledPacks compiled, boolean whole) {
    if (request.decisions().isEmpty()) {
      return;
    }
    List<Problem> problems = problems(request.decisions(), compiled, request, whole);
    if (problems.isEmpty()) {
      return;
    }
    List<ValidationIssue> issues = new ArrayList<>();
    Set<String> files = new LinkedHashSet<>();
    for (Problem problem : problems) {
      String[] at = where(problem.decision());
      files.add(at[0]);
      issues.add(new ValidationIssue(ValidationIssue.Level.ERROR, problem.code(), at[0], Integer.parseInt(at[1]),
          Integer.parseInt(at[2]), problem.field(), problem.message(), problem.hint()));
    }
    throw new InvalidDecisionsException(files.size() == 1 ? files.iterator().next() : "request", issues);
  }

  /**
   * A problem when the subject can have no such finding or score: the rule does not apply to its type,
   * or the checklist scores another type (any version of the pack); {@code null} otherwise.
   */
  private static Problem noFinding(Decision decision, Subject subject, CompiledPacks compiled) {
    String type = subject.type();
    if (decision.ruleId().isPresent()) {
      Set<String> types = new TreeSet<>();
      compiled.ruleInfos().stream().filter(r -> r.rule().packId().equals(decision.packId())
          && r.rule().ruleId().equals(decision.ruleId().get())).forEach(r -> types.addAll(r.appliesTo()));
      if (!types.isEmpty() && !types.contains(type)) {
        return new Problem(decision, "target.rule", "decision.no-finding", name(decision) + " is about "
            + decision.subjectId() + "'s finding of rule " + decision.ruleId().get() + ", but " + decision.subjectId()
            + " is of type " + type + " and the rule applies to " + types + ": there is no such finding",
            "name a rule that applies to " + type + "s, or the subject the finding is about");
      }
    } else {
      Set<String> types = new TreeSet<>();
      compiled.checklistInfos().stream().filter(c -> c.packId().equals(decision.packId())
          && c.checklistId().equals(decision.checklistId().orElseThrow())).forEach(c -> types.add(c.subjectType()));
      if (!types.isEmpty() && !types.contains(type)) {
        return new Problem(decision, "target.checklist", "decision.no-finding", name(decision) + " is about "
            + decision.subjectId() + "'s result on checklist " + decision.checklistId().get() + ", but "
            + decision.subjectId() + " is of type " + type + " and the checklist scores " + types
            + ": there is no such result", "name a checklist that scores " + type + "s");
      }
    }
    return null;
  }

  /** The problems with a decision's target: an unknown pack, rule, checklist, or an item not in the checklist. */
  static List<Problem> targetProblems(Decision decision, List<RulePackInfo> packs, List<RuleInfo> rules,
      List<ChecklistInfo> checklists) {
    return Waivers.targetProblems(name(decision), "decision", ": there is no such finding", decision.packId(),
        decision.ruleId().orElse(null), decision.checklistId().orElse(null), decision.itemId().orElse(null), packs,
        rules, checklists).stream()
        .map(p -> new Problem(decision, "target." + p.field(), p.code(), p.message(), p.hint())).toList();
  }

  /**
   * The problems with who made a review or override: the subject itself; a role the pack does not declare,
   * or that may not decide on the target; with facts, an actor the facts lack, who does not hold the role
   * (type and attributes), or whose unit is not the subject's when the role requires it; an adjustment
   * beyond the role's bound; points beyond the item's.
   */
  static List<Problem> authorityProblems(Decision decision, LoadedPack pack, Map<String, Subject> subjects) {
    List<Problem> problems = new ArrayList<>();
    if (decision.kind() == Decision.Kind.CONTEST) {
      return problems;
    }
    String name = name(decision);
    String act = decision.kind() == Decision.Kind.OVERRIDE ? "an override" : "a review";
    Decision.Actor by = decision.by();
    if (by.id().equals(decision.subjectId())) {
      problems.add(new Problem(decision, "by.id", "decision.self", name + " is " + act + " of " + decision.subjectId()
          + "'s " + decision.targetText() + " by " + SafeText.line(by.label()) + ", the subject itself",
          "a subject may contest its own result, never review or override it; the decision must be signed by an"
              + " authority the pack declares"));
      return problems;
    }
    AuthorityDoc authority = null;
    Set<String> roles = new TreeSet<>();
    for (AuthorityDoc doc : pack.manifest().authorities()) {
      roles.add(doc.role());
      if (doc.role().equals(by.role())) {
        authority = doc;
      }
    }
    String packName = pack.id() + " " + pack.manifest().version();
    if (authority == null) {
      problems.add(new Problem(decision, "by.role", "decision.unknown-role", name + " is signed as '"
          + SafeText.line(by.role()) + "', a role pack " + packName + " does not declare",
          roles.isEmpty() ? "pack " + packName + " declares no authority: its results cannot be overridden"
              : Hints.unknown(by.role(), roles, "roles the pack declares")));
      return problems;
    }
    AuthorityDoc.ScopeDoc scope = authority.mayOverride();
    boolean covered = decision.ruleId().isPresent() ? scope.rules().contains(decision.ruleId().get())
        : scope.checklists().contains(decision.checklistId().orElseThrow());
    if (!covered) {
      problems.add(new Problem(decision, "by.role", "decision.not-authorised", name + ": role '" + by.role()
          + "' may not review or override " + decision.targetText(), "role '" + by.role() + "' decides on rules "
          + authority.mayOverride().rules() + " and checklists " + authority.mayOverride().checklists()));
    }
    if (decision.adjustment().isPresent()) {
      BigDecimal bound = authority.maxAdjustment();
      BigDecimal size = decision.adjustment().get().abs();
      if (bound == null || size.compareTo(bound) > 0) {
        problems.add(new Problem(decision, "adjustment", "decision.adjustment", name + " adjusts the score by "
            + plain(decision.adjustment().get()) + (bound == null ? ", but role '" + by.role() + "' may not adjust scores"
                : ", more than role '" + by.role() + "' may (at most " + plain(bound) + " either way)"),
            bound == null ? "override the items instead, or ask the pack to declare max-adjustment for the role"
                : "adjust by at most " + plain(bound)));
      }
    }
    if (decision.points().isPresent() && decision.itemId().isPresent()) {
      for (LoadedPack.LoadedChecklist list : pack.checklists()) {
        if (!list.doc().id().equals(decision.checklistId().get())) {
          continue;
        }
        for (ChecklistDoc.ItemDoc item : list.doc().items()) {
          if (item.rule().equals(decision.itemId().get()) && item.points() != null
              && decision.points().get().compareTo(item.points()) > 0) {
            problems.add(new Problem(decision, "points", "decision.points", name + " gives item "
                + decision.itemId().get() + " " + plain(decision.points().get()) + " points, more than its "
                + plain(item.points()), "give between 0 and " + plain(item.points())));
          }
        }
      }
    }
    if (subjects == null) {
      return problems;
    }
    Subject actor = subjects.get(by.id());
    Subject subject = subjects.get(decision.subjectId());
    if (actor == null) {
      problems.add(new Problem(decision, "by.id", "decision.unknown-actor", name + " is signed by '"
          + SafeText.line(by.id()) + "', whom the facts do not have, so the engine cannot tell that they hold role '"
          + by.role() + "'", Hints.unknown(by.id(), subjects.keySet(), "subjects in the facts")));
      return problems;
    }
    List<String> lacks = new ArrayList<>();
    AuthorityDoc.HolderDoc holder = authority.heldBy();
    if (!holder.subjectType().equals(actor.type())) {
      lacks.add("is of type " + actor.type() + ", not " + holder.subjectType());
    }
    for (Map.Entry<String, JsonNode> wanted : holder.attribute().entrySet()) {
      Object value = actor.attributes().get(wanted.getKey());
      String text = value == null ? null : text(value);
      if (!wanted.getValue().asText().equals(text)) {
        lacks.add("has " + wanted.getKey() + " " + (text == null ? "not given" : "'" + SafeText.line(text) + "'")
            + ", the role needs '" + wanted.getValue().asText() + "'");
      }
    }
    if (!lacks.isEmpty()) {
      problems.add(new Problem(decision, "by.id", "decision.not-holder", name + " is signed by " + SafeText.line(
          by.label()) + " as '" + by.role() + "', but " + by.id() + " does not hold that role: " + String.join("; ",
          lacks), "have it signed by a holder of the role (pack " + packName + ", authorities)"));
    }
    AuthorityDoc.OverDoc over = authority.over();
    if (subject != null && !over.subjectType().equals(subject.type())) {
      problems.add(new Problem(decision, "subject", "decision.not-authorised", name + ": role '" + by.role()
          + "' decides about subjects of type " + over.subjectType() + ", but " + subject.id() + " is of type "
          + subject.type(), null));
    } else if (subject != null && Boolean.TRUE.equals(over.sameUnit())
        && (subject.parentId() == null || !subject.parentId().equals(actor.parentId()))) {
      problems.add(new Problem(decision, "by.id", "decision.not-authorised", name + ": role '" + by.role()
          + "' decides only about its own unit's " + over.subjectType() + "s, but " + by.id() + " is in "
          + actor.parentId() + " and " + subject.id() + " in " + subject.parentId(),
          "have it signed by the " + by.role() + " of " + subject.parentId()));
    }
    return problems;
  }

  /**
   * The pack version a decision is judged under: the one the evaluation of the facts uses for the pack
   * (or an overlay of it), else the one in force for the decision's period; {@code null} if none.
   */
  static LoadedPack usedVersion(CompiledPacks compiled, EvaluationRequest facts, Decision decision) {
    EvaluationRequest request = facts != null ? facts : EvaluationRequest.builder(decision.period()).build();
    Judgments.Plan plan = Judgments.plan(compiled.packs(), compiled.infos(), request);
    List<LoadedPack> packs = compiled.packs();
    for (int v = 0; v < packs.size(); v++) {
      if (plan.active()[v] && packs.get(v).id().equals(decision.packId())) {
        return packs.get(v);
      }
    }
    for (int v = 0; v < packs.size(); v++) {
      if (plan.active()[v] && packs.get(v).layers().stream().anyMatch(l -> l.packId().equals(decision.packId()))) {
        return packs.get(v);
      }
    }
    return null;
  }

  /** The decisions about a period judged, each target's in date order (the order given on the same day). */
  static List<Decision> inDateOrder(List<Decision> decisions) {
    List<Decision> sorted = new ArrayList<>(decisions);
    sorted.sort(java.util.Comparator.comparing(Decision::date)); // stable: the order given on the same day
    return sorted;
  }

  /** A note for a decision about another period than the one its pack judged, or a pack not used. */
  static LocalizedText notApplied(Decision decision, Period judged) {
    String id = SafeText.line(decision.id());
    if (judged == null) {
      return LocalizedText.of(
          "Quyết định " + id + ": gói " + decision.packId() + " không được dùng trong lần đánh giá này: không áp dụng",
          "Decision " + id + ": pack " + decision.packId() + " is not used by this evaluation: not applied");
    }
    return LocalizedText.of(
        "Quyết định " + id + " thuộc kỳ " + decision.period() + ", không phải kỳ được đánh giá " + judged + ": không áp dụng",
        "Decision " + id + " is about the period " + decision.period() + ", not the period judged " + judged
            + ": not applied");
  }

  /** A decision's file, line and column, from its source ({@code file:line:column}); {@code request} if none. */
  static String[] where(Decision decision) {
    String source = decision.source().orElse(null);
    if (source != null) {
      int column = source.lastIndexOf(':');
      int line = column > 0 ? source.lastIndexOf(':', column - 1) : -1;
      if (line > 0) {
        String l = source.substring(line + 1, column);
        String c = source.substring(column + 1);
        if (l.matches("\\d{1,9}") && c.matches("\\d{1,9}")) {
          return new String[] {source.substring(0, line), l, c};
        }
      }
      return new String[] {source, "0", "0"};
    }
    return new String[] {"request", "0", "0"};
  }

  private static String name(Decision decision) {
    return "decision '" + SafeText.line(decision.id()) + "'";
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal number) {
      return plain(number);
    }
    if (value instanceof Number number) {
      return plain(new BigDecimal(number.toString()));
    }
    return String.valueOf(value);
  }
}
