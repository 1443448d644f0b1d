package vn.conduct.rules.conformance;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Subject;

/**
 * The suite's private reader of {@code facts.yaml} (the host facts format): builds an
 * {@link EvaluationRequest}. Values keep their YAML type as read by {@link CoreYaml}: strings,
 * integers ({@code Long}), exact decimals ({@code BigDecimal}), booleans and dates
 * ({@code LocalDate}). Unknown keys are refused so that a typo in a case cannot go unnoticed.
 */
final class FactsFile {

  private FactsFile() { }

  static EvaluationRequest read(Path file) {
    Map<String, Object> root = map(CoreYaml.read(file), file.toString());
    only(root, file + "", Set.of("as-of", "decided-on", "period", "packs", "pin", "subjects", "observations",
        "events"));
    Period period = null;
    if (root.get("period") instanceof Map<?, ?>) {
      Map<String, Object> range = map(root.get("period"), file + ": period");
      only(range, file + ": period", Set.of("start", "end"));
      period = new Period(date(range.get("start"), file + ": period.start"), date(range.get("end"), file + ": period.end"));
    } else if (root.get("period") != null) {
      period = Period.parse(String.valueOf(root.get("period")));
    }
    if (root.get("as-of") != null && root.get("decided-on") != null) {
      throw new IllegalStateException(file + ": give 'as-of' (judge by a date) or 'decided-on' (with a period), not both");
    }
    EvaluationRequest.Builder request;
    if (root.get("as-of") != null) {
      request = EvaluationRequest.builder(date(root.get("as-of"), file + ": as-of"));
      if (period != null) {
        request.period(period);
      }
    } else {
      if (period == null) {
        throw new IllegalStateException(file + ": give 'as-of', or a 'period' (and optionally 'decided-on')");
      }
      request = EvaluationRequest.builder(period);
      if (root.get("decided-on") != null) {
        request.decidedOn(date(root.get("decided-on"), file + ": decided-on"));
      }
    }
    if (root.get("packs") != null) {
      list(root.get("packs"), file + ": packs").forEach(pack -> request.pack(String.valueOf(pack)));
    }
    if (root.get("pin") != null) {
      map(root.get("pin"), file + ": pin").forEach((pack, version) ->
          request.pin(pack, String.valueOf(version)));
    }
    List<Object> subjects = list(root.get("subjects"), file + ": subjects");
    for (int i = 0; i < subjects.size(); i++) {
      String where = file + ": subjects[" + i + "]";
      Map<String, Object> s = map(subjects.get(i), where);
      only(s, where, Set.of("id", "type", "name", "parent", "attributes"));
      request.subject(new Subject(text(s.get("id"), where + ".id"), text(s.get("type"), where + ".type"),
          (String) optionalText(s.get("name"), where + ".name"), (String) optionalText(s.get("parent"), where + ".parent"),
          values(s.get("attributes"), where + ".attributes")));
    }
    List<Object> observations = list(root.get("observations"), file + ": observations");
    for (int i = 0; i < observations.size(); i++) {
      String where = file + ": observations[" + i + "]";
      Map<String, Object> o = map(observations.get(i), where);
      only(o, where, Set.of("subject", "indicator", "value", "observed-on", "observed-by", "method", "recorded-on"));
      if (!o.containsKey("value")) {
        throw new IllegalStateException(where + ": 'value' is required (write null for 'not observed')");
      }
      request.observation(new Observation(text(o.get("subject"), where + ".subject"),
          text(o.get("indicator"), where + ".indicator"), o.get("value"),
          (String) optionalText(o.get("observed-by"), where + ".observed-by"),
          o.get("observed-on") == null ? null : date(o.get("observed-on"), where + ".observed-on"),
          (String) optionalText(o.get("method"), where + ".method"),
          o.get("recorded-on") == null ? null : date(o.get("recorded-on"), where + ".recorded-on")));
    }
    List<Object> events = list(root.get("events"), file + ": events");
    for (int i = 0; i < events.size(); i++) {
      String where = file + ": events[" + i + "]";
      Map<String, Object> e = map(events.get(i), where);
      only(e, where, Set.of("id", "subject", "type", "date", "verified", "attributes", "recorded-on", "method"));
      if (!(e.get("verified") instanceof Boolean verified)) {
        throw new IllegalStateException(where + ": 'verified' must be given as true or false");
      }
      request.event(new Event((String) optionalText(e.get("id"), where + ".id"), text(e.get("subject"), where + ".subject"),
          text(e.get("type"), where + ".type"), date(e.get("date"), where + ".date"), verified,
          values(e.get("attributes"), where + ".attributes"),
          e.get("recorded-on") == null ? null : date(e.get("recorded-on"), where + ".recorded-on"),
          vn.conduct.rules.api.Evidence.method((String) optionalText(e.get("method"), where + ".method"))));
    }
    return request.build();
  }

  private static Map<String, Object> values(Object node, String where) {
    if (node == null) {
      return Map.of();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    map(node, where).forEach((key, value) -> {
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        throw new IllegalStateException(where + "." + key + ": values are scalars");
      }
      if (value != null) {
        values.put(key, value);
      }
    });
    return values;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String where) {
    if (!(node instanceof Map<?, ?>)) {
      throw new IllegalStateException(where + ": expected a mapping, but was " + node);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, String where) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?>)) {
      throw new IllegalStateException(where + ": expected a list, but was " + node);
    }
    return (List<Object>) node;
  }

  static void only(Map<String, Object> map, String where, Set<String> keys) {
    for (String key : map.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalStateException(where + ": unknown key '" + key + "' (known: " + new java.util.TreeSet<>(keys)
            + ")");
      }
    }
  }

  private static String text(Object node, String where) {
    if (node == null) {
      throw new IllegalStateException(where + " is required");
    }
    return String.valueOf(node);
  }

  private static Object optionalText(Object node, String where) {
    return node == null ? null : String.valueOf(node);
  }

  private static LocalDate date(Object node, String where) {
    if (!(node instanceof LocalDate date)) {
      throw new IllegalStateException(where + ": expected a date YYYY-MM-DD, but was " + node);
    }
    return date;
  }
}
