package vn.conduct.rules.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.conduct.rules.api.FindingFact;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.internal.compile.RulePlan;
import vn.conduct.rules.internal.compile.Semantics;
import vn.conduct.rules.internal.compile.Stats;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionLanguage;
import vn.conduct.rules.internal.condition.ConditionWords;
import vn.conduct.rules.internal.facts.EvalContext;
import vn.conduct.rules.internal.facts.EventFact;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.SubjectFact;
import vn.conduct.rules.internal.facts.Values;

/**
 * Writes the reason for a finding: which observed values and thresholds decided it, and the
 * legal source. Re-evaluates the rule's condition in Java with the same {@link Semantics} the
 * compiled rules use, only when a reason is read. Fields, terms and aggregates are worded by
 * {@link ConditionWords} (as rule descriptions word whole conditions); values by their declared titles.
 */
final class Explainer {

  private final Layout layout;

  Explainer(Layout layout) {
    this.layout = layout;
  }

  /** This explainer as a rule reads the facts: through the view of its accepted methods. */
  private Explainer of(RulePlan plan) {
    return plan.methods().isEmpty() ? this : new Explainer(layout.forMethods(plan.methods()));
  }

  /** A leaf's three-valued result and its description. */
  private record Leaf(int truth, LocalizedText text) { }

  LocalizedText reason(RulePlan plan, Outcome outcome, SubjectFact subject, Batch batch, EvalContext ctx) {
    if (!plan.methods().isEmpty() && layout.methods().isEmpty()) {
      return of(plan).reason(plan, outcome, subject, batch, ctx);
    }
    List<LocalizedText> parts = new ArrayList<>();
    String vi;
    String en;
    switch (outcome) {
      case FAIL -> {
        collect(plan.requirement(), Semantics.FALSE, false, subject, batch, ctx, parts);
        boolean prohibition = plan.ref().kind() == vn.conduct.rules.api.RuleKind.PROHIBITION;
        vi = prohibition ? "Vi phạm: " : "Không đạt: ";
        en = prohibition ? "Violation: " : "Not met: ";
      }
      case PASS -> {
        collect(plan.requirement(), Semantics.TRUE, false, subject, batch, ctx, parts);
        boolean prohibition = plan.ref().kind() == vn.conduct.rules.api.RuleKind.PROHIBITION;
        vi = prohibition ? "Không vi phạm: " : "Đạt: ";
        en = prohibition ? "Not violated: " : "Met: ";
      }
      case NOT_APPLICABLE -> {
        collect(plan.when(), Semantics.FALSE, false, subject, batch, ctx, parts);
        vi = "Không áp dụng: ";
        en = "Not applicable: ";
      }
      default -> {
        if (plan.when() != null) {
          collect(plan.when(), Semantics.UNKNOWN, false, subject, batch, ctx, parts);
        }
        collect(plan.requirement(), Semantics.UNKNOWN, false, subject, batch, ctx, parts);
        vi = "Thiếu bằng chứng: ";
        en = "Missing evidence: ";
      }
    }
    String citationVi = plan.ref().citation().render(Language.VI);
    String citationEn = plan.ref().citation().render(Language.EN);
    String methodsVi = "";
    String methodsEn = "";
    if (!plan.methods().isEmpty()) {
      long aside = facts(plan, subject, batch, ctx).stream()
          .filter(f -> f.use() == FindingFact.Use.METHOD_NOT_ACCEPTED).count();
      String listed = String.join(", ", plan.methods());
      methodsVi = " (chỉ tính dữ kiện ghi nhận bằng: " + listed
          + (aside > 0 ? "; " + aside + " dữ kiện ghi nhận bằng cách khác không được tính" : "") + ")";
      methodsEn = " (only facts recorded by " + listed + " count"
          + (aside > 0 ? "; " + aside + " recorded otherwise set aside" : "") + ")";
    }
    return LocalizedText.of(
        vi + join(parts, Language.VI) + methodsVi + " — " + citationVi,
        en + join(parts, Language.EN) + methodsEn + " — " + citationEn);
  }

  /**
   * The outcome a plain-Java reading of the rule gives, independently of the compiled rules; used
   * to cross-check the Drools compilation.
   */
  Outcome referenceOutcome(RulePlan plan, SubjectFact subject, Batch batch, EvalContext ctx) {
    if (!plan.methods().isEmpty() && layout.methods().isEmpty()) {
      return of(plan).referenceOutcome(plan, subject, batch, ctx);
    }
    List<LocalizedText> ignored = new ArrayList<>();
    if (plan.when() != null) {
      int applicable = collect(plan.when(), Semantics.TRUE, false, subject, batch, ctx, ignored);
      if (applicable == Semantics.FALSE) {
        return Outcome.NOT_APPLICABLE;
      }
      if (applicable == Semantics.UNKNOWN) {
        return Outcome.UNKNOWN;
      }
    }
    int holds = collect(plan.requirement(), Semantics.TRUE, false, subject, batch, ctx, ignored);
    return holds == Semantics.TRUE ? Outcome.PASS : holds == Semantics.FALSE ? Outcome.FAIL : Outcome.UNKNOWN;
  }

  private static String join(List<LocalizedText> parts, Language language) {
    if (parts.isEmpty()) {
      return language == Language.VI ? "(không có chi tiết)" : "(no detail)";
    }
    return parts.stream().map(p -> p.in(language)).distinct().collect(Collectors.joining("; "));
  }

  /**
   * Evaluates and adds the descriptions of the leaves that make {@code cond} come out {@code want}.
   * Under an odd number of {@code not}s (a prohibition's condition is one) a comparison describes
   * what must not hold, so it is worded as the breach rather than as the requirement.
   */
  private int collect(Cond cond, int want, boolean negated, SubjectFact subject, Batch batch, EvalContext ctx,
      List<LocalizedText> out) {
    if (cond instanceof Cond.Not not) {
      int inner = collect(not.operand(), want == Semantics.UNKNOWN ? want : 1 - want, !negated, subject, batch, ctx,
          out);
      return inner == Semantics.UNKNOWN ? inner : 1 - inner;
    }
    if (cond instanceof Cond.All || cond instanceof Cond.Any) {
      boolean all = cond instanceof Cond.All;
      List<Cond> operands = all ? ((Cond.All) cond).operands() : ((Cond.Any) cond).operands();
      List<List<LocalizedText>> texts = new ArrayList<>();
      int[] results = new int[operands.size()];
      for (int i = 0; i < operands.size(); i++) {
        List<LocalizedText> sub = new ArrayList<>();
        results[i] = collect(operands.get(i), want, negated, subject, batch, ctx, sub);
        texts.add(sub);
      }
      int dominant = all ? Semantics.FALSE : Semantics.TRUE;
      int result = all ? Semantics.TRUE : Semantics.FALSE;
      for (int r : results) {
        if (r == dominant) {
          result = dominant;
          break;
        }
        if (r == Semantics.UNKNOWN) {
          result = Semantics.UNKNOWN;
        }
      }
      for (int i = 0; i < results.length; i++) {
        if (results[i] == want) {
          out.addAll(texts.get(i));
          if (want == dominant) {
            break;
          }
        }
      }
      return result;
    }
    Leaf leaf = cond instanceof Cond.Compare compare ? compare(compare, negated, subject)
        : cond instanceof Cond.Measure measure ? measure(measure, negated, subject, ctx)
        : aggregate((Cond.Aggregate) cond, subject, batch, ctx);
    if (leaf.truth() == want) {
      out.add(leaf.text());
    }
    return leaf.truth();
  }

  private Leaf compare(Cond.Compare compare, boolean negated, SubjectFact subject) {
    Layout.Slot slot = layout.slot(subject.type, compare.field());
    int truth = Semantics.fieldTest(compare, subject.type, layout).eval(subject);
    Object value = subject.display(slot.index(), slot.type());
    String unitVi = slot.unit() == null ? "" : unitLabel(slot.unit(), Language.VI);
    String unitEn = slot.unit() == null ? "" : unitLabel(slot.unit(), Language.EN);
    String fieldVi = ConditionWords.field(compare.field(), Language.VI);
    String fieldEn = ConditionWords.field(compare.field(), Language.EN);
    Map<String, LocalizedText> titles = slot.valueTitles();
    if (compare.op().form.decidesMissing() || value == null) {
      boolean present = value != null;
      Object refused = present ? null : subject.invalidAt(slot.index());
      if (refused != null) {
        String shown = vn.conduct.rules.internal.facts.HostValues.shown(refused);
        String why = refused instanceof vn.conduct.rules.internal.facts.OutOfRange outside
            ? outside.range() : null;
        return new Leaf(truth, LocalizedText.of(
            fieldVi + " có giá trị không hợp lệ '" + shown + "'" + (why == null ? "" : ", ngoài khoảng " + why)
                + ", bị bỏ qua như chưa ghi nhận",
            fieldEn + " had an invalid value '" + shown + "'" + (why == null ? "" : ", outside " + why)
                + ", set aside as not observed"));
      }
      return new Leaf(truth, LocalizedText.of(
          fieldVi + (present ? " có giá trị " + ConditionLanguage.show(value, titles, Language.VI) + unitVi
              : " chưa được ghi nhận"),
          fieldEn + (present ? " is " + ConditionLanguage.show(value, titles, Language.EN) + unitEn
              : " was not observed")));
    }
    return new Leaf(truth, LocalizedText.of(
        fieldVi + " = " + ConditionLanguage.show(value, titles, Language.VI) + unitVi
            + (negated ? " (vi phạm khi " : " (yêu cầu ") + required(compare, titles, unitVi, Language.VI) + ")",
        fieldEn + " = " + ConditionLanguage.show(value, titles, Language.EN) + unitEn
            + (negated ? " (breach when " : " (required ") + required(compare, titles, unitEn, Language.EN) + ")"));
  }

  /** The comparison's requirement in words, its constants shown with their titles and unit. */
  private static String required(Cond.Compare compare, Map<String, LocalizedText> titles, String unit,
      Language language) {
    List<String> shown = compare.operands().stream()
        .map(o -> ConditionLanguage.show(o.constant(), titles, language) + unit).toList();
    return compare.op().words(language, shown);
  }

  /**
   * A comparison known only in the evaluation: "days from attribute 'joined-on' to attribute
   * 'signed-on' = 45 (required ≤ 30)", the dates of the evaluation named and shown.
   */
  private Leaf measure(Cond.Measure measure, boolean negated, SubjectFact subject, EvalContext ctx) {
    int truth = Semantics.measure(measure, subject.type, layout).eval(subject, ctx);
    java.math.BigDecimal value = Semantics.reader(measure.term(), subject.type, layout).read(subject, ctx);
    String[] texts = new String[2];
    for (Language language : List.of(Language.VI, Language.EN)) {
      boolean vi = language == Language.VI;
      String term = ConditionWords.term(measure.term(), language);
      String shown = value == null ? (vi ? " chưa xác định được" : " is not known")
          : " = " + (measure.term().type() == vn.conduct.rules.internal.model.DataType.DATE
              ? LocalDate.ofEpochDay(value.longValueExact()).toString() : ConditionLanguage.show(value, Map.of(), language));
      List<String> constants = measure.operands().stream().map(o -> operandWords(o, ctx, language)).toList();
      String required = (negated ? (vi ? " (vi phạm khi " : " (breach when ") : (vi ? " (yêu cầu " : " (required "))
          + measure.op().words(language, constants) + ")";
      texts[vi ? 0 : 1] = term + shown + required;
    }
    return new Leaf(truth, LocalizedText.of(texts[0], texts[1]));
  }

  /** A value a comparison requires: a constant, or a date of the evaluation named with its day. */
  private static String operandWords(Cond.Operand operand, EvalContext ctx, Language language) {
    if (operand.date() == null) {
      return ConditionLanguage.show(operand.constant(), Map.of(), language);
    }
    return operand.date().words(language) + (ctx == null ? "" : " (" + LocalDate.ofEpochDay(operand.date().epochDay(ctx))
        + ")");
  }

  private Leaf aggregate(Cond.Aggregate agg, SubjectFact subject, Batch batch, EvalContext ctx) {
    Stats stats = new Stats();
    if (agg.over() == Cond.Over.EVENTS) {
      LocalDate asOf = LocalDate.ofEpochDay(ctx.asOf);
      List<EventFact> events = new ArrayList<>();
      if (agg.reach() == ConditionLanguage.Reach.SELF) {
        events.addAll(batch.eventsOf(subject.id));
      } else {
        reached(agg, subject, batch).forEach(owner -> events.addAll(batch.eventsOf(owner.id)));
      }
      for (EventFact event : events) {
        if (!agg.eventTypes().contains(event.type) || (agg.verifiedOnly() && !event.verified)
            || !layout.accepts(event.method)) {
          continue;
        }
        boolean inWindow = switch (agg.window().kind()) {
          case PERIOD -> ctx.inWindow(-1, event.day, event.recorded);
          case ALL -> ctx.inWindow(-2, event.day, event.recorded);
          case LOOK_BACK -> event.day <= ctx.asOf && event.recorded <= ctx.decision
              && event.day >= ConditionLanguage.WindowKind.firstDay(asOf, agg.window().lookBack()).toEpochDay();
        };
        if (inWindow) {
          addElement(agg, event.type, event, stats, batch, ctx);
        }
      }
    } else {
      for (SubjectFact member : reached(agg, subject, batch)) {
        addElement(agg, member.type, member, stats, batch, ctx);
      }
    }
    int truth = stats.truth(agg.agg(), agg.op(), Semantics.constants(agg, ctx));
    boolean dates = agg.of() != null && agg.of().type() == vn.conduct.rules.internal.model.DataType.DATE;
    String valueText = dates && agg.agg().known(stats) && stats.matches() > 0
        ? LocalDate.ofEpochDay((agg.agg() == ConditionLanguage.Aggregation.MIN ? stats.min() : stats.max())
            .longValueExact()).toString()
        : agg.agg().shown(stats);
    List<String> shownVi = agg.operands().stream().map(o -> operandWords(o, ctx, Language.VI)).toList();
    List<String> shown = agg.operands().stream().map(o -> operandWords(o, ctx, Language.EN)).toList();
    String missing = stats.unknown > 0 ? " (" + stats.unknown + " undecided)" : "";
    String missingVi = stats.unknown > 0 ? " (" + stats.unknown + " chưa xác định)" : "";
    return new Leaf(truth, LocalizedText.of(
        ConditionWords.aggregate(agg, Language.VI) + " = " + valueText + missingVi + " (ngưỡng " + agg.op().words(Language.VI, shownVi)
            + ")",
        ConditionWords.aggregate(agg, Language.EN) + " = " + valueText + missing + " (threshold " + agg.op().words(Language.EN, shown)
            + ")"));
  }

  /**
   * The facts a finding rests on (report-format.md, "facts"): for each indicator of the subject the
   * rule reads, the observation that gave its value, and, when the rule accepts only some methods, a
   * later observation by another method that it set aside; for each event aggregate, the events of
   * its types in its window about the subject or the subjects it reaches, each marked counted or not
   * and why. Members' observations read by aggregates over members are not listed; members' events
   * counted by a nested aggregate are.
   */
  List<FindingFact> facts(RulePlan plan, SubjectFact subject, Batch batch, EvalContext ctx) {
    Layout view = layout.forMethods(plan.methods());
    java.util.LinkedHashMap<Object, FindingFact> facts = new java.util.LinkedHashMap<>();
    List<Cond> atoms = new ArrayList<>();
    atoms(plan.when(), atoms);
    atoms(plan.requirement(), atoms);
    for (Cond atom : atoms) {
      List<Cond.Field> fields = new ArrayList<>();
      if (atom instanceof Cond.Compare compare) {
        fields.add(compare.field());
      } else if (atom instanceof Cond.Measure measure) {
        terms(measure.term(), fields);
      } else if (atom instanceof Cond.Aggregate agg && agg.over() == Cond.Over.EVENTS) {
        events(agg, view, subject, batch, ctx, facts);
      } else if (atom instanceof Cond.Aggregate agg) {
        // members' own event counts (one level of nesting): the events of each member reached
        List<Cond> inner = new ArrayList<>();
        atoms(agg.where(), inner);
        for (Cond nested : inner) {
          if (nested instanceof Cond.Aggregate events && events.over() == Cond.Over.EVENTS) {
            reached(agg, subject, batch).forEach(member -> events(events, view, member, batch, ctx, facts));
          }
        }
      }
      for (Cond.Field field : fields) {
        if (field.scope() != Cond.Scope.INDICATOR) {
          continue;
        }
        Layout.Slot slot = view.slot(subject.type, field);
        vn.conduct.rules.api.Observation used = slot == null ? null : subject.observationAt(slot.index());
        if (used != null) {
          facts.putIfAbsent(used, FindingFact.of(used, FindingFact.Use.USED));
        }
        Layout.Slot all = layout.forMethods(java.util.Set.of()).slot(subject.type, field);
        vn.conduct.rules.api.Observation latest = all == null ? null : subject.observationAt(all.index());
        if (latest != null && latest != used && !view.accepts(latest.method())) {
          facts.putIfAbsent(latest, FindingFact.of(latest, FindingFact.Use.METHOD_NOT_ACCEPTED));
        }
      }
    }
    return List.copyOf(facts.values());
  }

  private void events(Cond.Aggregate agg, Layout view, SubjectFact subject, Batch batch, EvalContext ctx,
      java.util.Map<Object, FindingFact> into) {
    List<EventFact> events = new ArrayList<>();
    if (agg.reach() == ConditionLanguage.Reach.SELF) {
      events.addAll(batch.eventsOf(subject.id));
    } else {
      reached(agg, subject, batch).forEach(owner -> events.addAll(batch.eventsOf(owner.id)));
    }
    LocalDate asOf = LocalDate.ofEpochDay(ctx.asOf);
    for (EventFact event : events) {
      if (event.source == null || !agg.eventTypes().contains(event.type)) {
        continue;
      }
      boolean inWindow = switch (agg.window().kind()) {
        case PERIOD -> ctx.inWindow(-1, event.day, event.recorded);
        case ALL -> ctx.inWindow(-2, event.day, event.recorded);
        case LOOK_BACK -> event.day <= ctx.asOf && event.recorded <= ctx.decision
            && event.day >= ConditionLanguage.WindowKind.firstDay(asOf, agg.window().lookBack()).toEpochDay();
      };
      if (!inWindow) {
        continue;
      }
      FindingFact.Use use = agg.verifiedOnly() && !event.verified ? FindingFact.Use.NOT_VERIFIED
          : !view.accepts(event.method) ? FindingFact.Use.METHOD_NOT_ACCEPTED : FindingFact.Use.USED;
      FindingFact fact = FindingFact.of(event.source, use);
      FindingFact before = into.get(event.source);
      if (before == null || !before.used() && use == FindingFact.Use.USED) {
        into.put(event.source, fact);
      }
    }
  }

  private static void atoms(Cond cond, List<Cond> into) {
    if (cond == null) {
      return;
    }
    if (cond instanceof Cond.All all) {
      all.operands().forEach(c -> atoms(c, into));
    } else if (cond instanceof Cond.Any any) {
      any.operands().forEach(c -> atoms(c, into));
    } else if (cond instanceof Cond.Not not) {
      atoms(not.operand(), into);
    } else {
      into.add(cond);
    }
  }

  private static void terms(Cond.Term term, List<Cond.Field> into) {
    if (term instanceof Cond.Field field) {
      into.add(field);
    } else if (term instanceof Cond.DaysBetween between) {
      terms(between.from(), into);
      terms(between.to(), into);
    }
  }

  /** The subjects of the aggregate's type its reach takes from the subject: members or descendants. */
  private static List<SubjectFact> reached(Cond.Aggregate agg, SubjectFact subject, Batch batch) {
    List<SubjectFact> candidates = switch (agg.reach()) {
      case SELF -> List.of(subject);
      case MEMBERS -> batch.membersOf(subject.id);
      case DESCENDANTS -> batch.descendantsOf(subject.id);
    };
    return candidates.stream().filter(m -> m.type.equals(agg.memberType())).toList();
  }

  private void addElement(Cond.Aggregate agg, String type, Values values, Stats stats, Batch batch, EvalContext ctx) {
    if (Semantics.nestedAggregate(agg.where()) != null) {
      // one level of nesting: the member's own aggregate read as the rule's are
      int where = collect(agg.where(), Semantics.TRUE, false, (SubjectFact) values, batch, ctx, new ArrayList<>());
      stats.add(Semantics.element(agg, where, values, ctx,
          agg.of() == null ? null : Semantics.reader(agg.of(), type, layout)));
      return;
    }
    int where = Semantics.tri(agg.where(), type, layout).eval(values, ctx);
    if (!agg.agg().keepsNonMatching() && where == Semantics.FALSE) {
      return;
    }
    stats.add(Semantics.elementCode(agg, type, layout).apply(values, ctx));
  }

  /**
   * A unit as a reader of the language writes it after a number: {@code %} for percent, the common
   * units in words ({@code 9 điểm}, {@code 9 points}); any other unit as the pack writes it.
   */
  static String unitLabel(String unit, Language language) {
    boolean vi = language == Language.VI;
    String word = switch (unit) {
      case "percent" -> "%";
      case "points", "point" -> vi ? "điểm" : "points";
      case "days", "day" -> vi ? "ngày" : "days";
      case "months", "month" -> vi ? "tháng" : "months";
      case "years", "year" -> vi ? "năm" : "years";
      case "hours", "hour" -> vi ? "giờ" : "hours";
      case "minutes", "minute" -> vi ? "phút" : "minutes";
      case "times", "count" -> vi ? "lần" : "times";
      case "people", "persons" -> vi ? "người" : "people";
      case "vnd", "VND" -> "đồng";
      default -> unit;
    };
    return " " + word;
  }
}
