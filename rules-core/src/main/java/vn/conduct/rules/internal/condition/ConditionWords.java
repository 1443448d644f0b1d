package vn.conduct.rules.internal.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;

/**
 * Conditions in words, in Vietnamese and English: the one place that words a field, a term, an
 * aggregate and a whole condition. Operators, aggregate functions, windows, reaches and dates are
 * worded as {@link ConditionLanguage} words them; the engine's explanations ({@code Explainer}) word
 * the leaves they report with the same methods, and rule descriptions ({@code RuleInfo.condition()})
 * word whole conditions with {@link #of}.
 *
 * <p>A whole condition reads as written in the pack: "count of events [late-arrival] in the last
 * 12 months ≥ 2 (parameter 'late-limit')"; an aggregate's {@code where} follows it in parentheses; {@code all} joins with "and", {@code any} with "or",
 * {@code not} reads "not (…)", and a nested {@code all}/{@code any} is put in parentheses. A
 * parameter is named beside its value; a window given by a parameter is worded by its value.
 */
public final class ConditionWords {

  private ConditionWords() {
  }

  /**
   * A whole condition in both languages, or {@link LocalizedText#EMPTY} for {@code null}.
   *
   * @param cond the parsed condition, its parameters not yet resolved (so that they can be named)
   * @param parameters the pack's parameter values (defaults with the host's overrides), by id
   */
  public static LocalizedText of(Cond cond, Map<String, Object> parameters) {
    if (cond == null) {
      return LocalizedText.EMPTY;
    }
    return LocalizedText.of(of(cond, parameters, Language.VI), of(cond, parameters, Language.EN));
  }

  /** A whole condition in one language. */
  public static String of(Cond cond, Map<String, Object> parameters, Language language) {
    boolean vi = language == Language.VI;
    if (cond instanceof Cond.All all) {
      return join(all.operands(), vi ? " và " : " and ", parameters, language);
    }
    if (cond instanceof Cond.Any any) {
      return join(any.operands(), vi ? " hoặc " : " or ", parameters, language);
    }
    if (cond instanceof Cond.Not not) {
      return (vi ? "không (" : "not (") + of(not.operand(), parameters, language) + ")";
    }
    if (cond instanceof Cond.Compare compare) {
      return field(compare.field(), language) + " " + compare.op().words(language,
          operands(compare.operands(), parameters, language));
    }
    if (cond instanceof Cond.Measure measure) {
      return term(measure.term(), language) + " " + measure.op().words(language,
          operands(measure.operands(), parameters, language));
    }
    Cond.Aggregate agg = (Cond.Aggregate) cond;
    String text = aggregate(agg, window(agg.window(), parameters), language);
    if (agg.window().param() != null) {
      text += vi ? " (tham số '" + agg.window().param() + "')" : " (parameter '" + agg.window().param() + "')";
    }
    if (agg.where() != null) {
      String where = of(agg.where(), parameters, language);
      text += agg.over() == Cond.Over.MEMBERS ? " (" + where + ")" : (vi ? " thỏa (" : " where (") + where + ")";
    }
    return text + " " + agg.op().words(language, operands(agg.operands(), parameters, language));
  }

  private static String join(List<Cond> operands, String word, Map<String, Object> parameters, Language language) {
    List<String> parts = new ArrayList<>();
    for (Cond operand : operands) {
      String text = of(operand, parameters, language);
      parts.add(operand instanceof Cond.All || operand instanceof Cond.Any ? "(" + text + ")" : text);
    }
    return String.join(word, parts);
  }

  /** A window as the engine reads it: one given by a parameter takes the parameter's value. */
  private static Cond.Window window(Cond.Window window, Map<String, Object> parameters) {
    if (window.param() != null && parameters.get(window.param()) instanceof String text) {
      Cond.Window read = ConditionLanguage.WindowKind.read(text);
      if (read != null) {
        return read;
      }
    }
    return window;
  }

  /** Constants as shown, parameters by their value and name, dates of the evaluation by name. */
  private static List<String> operands(List<Cond.Operand> operands, Map<String, Object> parameters,
      Language language) {
    List<String> shown = new ArrayList<>();
    for (Cond.Operand operand : operands) {
      if (operand.param() != null) {
        Object value = parameters.get(operand.param());
        String named = (language == Language.VI ? "tham số '" : "parameter '") + operand.param() + "'";
        shown.add(value == null ? named : ConditionLanguage.show(value, Map.of(), language) + " (" + named + ")");
      } else if (operand.date() != null) {
        shown.add(operand.date().words(language));
      } else {
        shown.add(ConditionLanguage.show(operand.constant(), Map.of(), language));
      }
    }
    return shown;
  }

  /** A field in words: "chỉ số 'task-completion'" / "indicator 'task-completion'". */
  public static String field(Cond.Field field, Language language) {
    boolean vi = language == Language.VI;
    return switch (field.scope()) {
      case ATTRIBUTE -> (vi ? "thuộc tính '" : "attribute '") + field.name() + "'";
      case INDICATOR -> (vi ? "chỉ số '" : "indicator '") + field.name() + "'";
      case EVENT_ATTRIBUTE -> (vi ? "thuộc tính sự kiện '" : "event attribute '") + field.name() + "'";
    };
  }

  /** A term in words: a field's label, a date of the evaluation, or the days between two. */
  public static String term(Cond.Term term, Language language) {
    if (term instanceof Cond.Field field) {
      return field(field, language);
    }
    if (term instanceof Cond.DateOf date) {
      return date.point().words(language);
    }
    Cond.DaysBetween between = (Cond.DaysBetween) term;
    return ConditionLanguage.daysBetweenWords(language, term(between.from(), language), term(between.to(), language));
  }

  /**
   * What an aggregate computes, without its comparison: "number of verified events [late] in the
   * last 12 months", "share of members of type 'officer' meeting the condition".
   */
  public static String aggregate(Cond.Aggregate agg, Language language) {
    return aggregate(agg, agg.window(), language);
  }

  private static String aggregate(Cond.Aggregate agg, Cond.Window window, Language language) {
    boolean vi = language == Language.VI;
    String function = agg.agg().words(language, agg.of() == null ? null : agg.of().name());
    String reach = agg.reach().words(language);
    if (agg.over() == Cond.Over.EVENTS) {
      String within = window.kind().words(language, window.lookBack());
      String whose = agg.reach() == ConditionLanguage.Reach.SELF ? ""
          : vi ? " của " + reach + " loại '" + agg.memberType() + "'" : " of " + reach + " of type '" + agg.memberType()
              + "'";
      return vi
          ? function + " sự kiện " + types(agg, " loại khác") + (agg.verifiedOnly() ? " đã xác minh" : "") + whose + " "
              + within
          : function + (agg.verifiedOnly() ? " verified" : "") + " events " + types(agg, " more") + whose + " " + within;
    }
    return vi
        ? function + " " + reach + " loại '" + agg.memberType() + "'" + (agg.where() == null ? "" : " đáp ứng điều kiện")
        : function + " " + reach + " of type '" + agg.memberType() + "'" + (agg.where() == null ? ""
            : " meeting the condition");
  }

  /** The event types, the first four and a count of the rest when there are more than five. */
  private static String types(Cond.Aggregate agg, String more) {
    List<String> types = new ArrayList<>(agg.eventTypes());
    if (types.size() <= 5) {
      return types.toString();
    }
    return "[" + String.join(", ", types.subList(0, 4)) + ", … +" + (types.size() - 4) + more + "]";
  }
}
