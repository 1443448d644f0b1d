package vn.conduct.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.PackImpact;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.io.FactsReader;

/**
 * {@code conduct impact --from <pack>@<v1> --to <pack>@<v2> --facts <file>}: evaluates the same facts under
 * both versions of a pack and reports who changes outcome, score, rating or rank, with counts per
 * checklist, unit and rule ({@link PackImpact}). The engine holds the packs on the class path, the Hanoi
 * packs' frozen format 1 versions, and any folder given with {@code --pack}.
 */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Evaluates the same facts under two versions of a pack and reports who changes outcome,",
        "score, rating or rank, with counts per checklist, unit and rule.",
        "", "Example: conduct impact --from hanoi-units@1.1.0 --to hanoi-units@2.1.0 --facts district.yaml",
        "", "Exits 0 when the comparison ran, whatever changed."})
final class ImpactCommand implements Callable<Integer> {

  private static final String EXAMPLE = "--from hanoi-units@1.1.0 --to hanoi-units@2.1.0";

  @Spec
  CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "<pack>@<v1>", description = "The older version.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "<pack>@<v2>", description = "The newer version.")
  String to;

  @Option(names = "--facts", required = true, paramLabel = "<file>",
      description = "The facts: subjects, observations and events (.yaml, .yml or .json).")
  Path facts;

  @Option(names = "--as-of", paramLabel = "<yyyy-mm-dd>",
      description = "The decision date; overrides the facts file's as-of or decided-on.")
  LocalDate asOf;

  @Option(names = "--period", paramLabel = "<period>", converter = EvaluateCommand.PeriodConverter.class,
      description = "The period judged (2025, 2025-06, 2025-Q2, start/end); overrides the facts file's period.")
  vn.conduct.rules.api.Period period;

  @Option(names = {"-p", "--pack"}, paramLabel = "<dir>",
      description = "A pack folder to load beside the class path's packs (repeatable), e.g. a draft version.")
  List<Path> folders = new ArrayList<>();

  @Option(names = "--format", paramLabel = "text|json|csv|html", defaultValue = "text",
      description = "Output format: text (default), json, csv (one row per change) or html (one page).")
  Format format = Format.TEXT;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi", description = "Language of titles.")
  Language language = Language.VI;

  enum Format { TEXT, JSON, CSV, HTML }

  @Override
  public Integer call() throws Exception {
    PackVersions versions = PackVersions.parse("impact", "--from", from, "--to", to, EXAMPLE);
    RulesEngine engine = PackVersions.engine(folders);
    EvaluationRequest request = new FactsReader().withAsOf(asOf).withPeriod(period).load(facts).request();
    PackImpact impact = PackImpact.between(engine, request, versions.packId(), versions.from(), versions.to());
    Map<String, String> titles = new LinkedHashMap<>();
    for (ChecklistInfo c : engine.checklists()) {
      if (c.packId().equals(versions.packId()) && (c.packVersion().equals(versions.to()) || !titles.containsKey(c.checklistId()))) {
        titles.put(c.checklistId(), c.title() == null || c.title().isEmpty() ? "" : c.title().in(language));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> out.println(json(impact, titles));
      case CSV -> csv(impact, out);
      case HTML -> html(impact, titles, out);
      default -> text(impact, titles, out);
    }
    out.flush();
    return ConductCommand.OK;
  }

  private static String value(Object value) {
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    return value == null ? "—" : value.toString();
  }

  private static String outcome(Outcome outcome) {
    return outcome == null ? "—" : outcome.name();
  }

  private static String counted(Map<String, Integer> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  private void text(PackImpact impact, Map<String, String> titles, PrintWriter out) {
    out.println(SafeText.line(impact.packId() + " " + impact.fromVersion() + " → " + impact.toVersion() + ": "
        + impact.changes().size() + " of " + impact.subjects() + " subjects change"));
    for (PackImpact.ChecklistSummary c : impact.checklists()) {
      String title = titles.getOrDefault(c.checklistId(), "");
      out.println(SafeText.line(c.checklistId() + (title.isEmpty() ? "" : " (" + title + ")") + ": "
          + c.ratingChanged() + " of " + c.subjects() + " subjects change rating, " + c.scoreChanged()
          + " change score"));
      if (!c.ratingCauses().isEmpty()) {
        out.println(SafeText.line("  rating changes caused by " + counted(c.ratingCauses())));
      } else if (c.ratingChanged() > 0) {
        out.println("  rating changes caused by the checklist itself (no rule changed outcome: points, bands, evidence,"
            + " quotas...)");
      }
    }
    if (!impact.rules().isEmpty()) {
      out.println(SafeText.line("rules changing outcome: " + counted(impact.rules())));
    }
    String units = units(impact);
    if (!units.isEmpty()) {
      out.println(SafeText.line("units: " + units));
    }
    for (PackImpact.SubjectChange s : impact.changes()) {
      out.println(SafeText.line(s.subjectId() + (s.unitId() == null ? "" : " (" + s.unitId() + ")") + ": "
          + String.join("; ", parts(s))));
    }
  }

  /** The units with subjects that change: {@code (no unit) 6 of 18, ubnd-ba-dinh 3 of 18}. */
  private static String units(PackImpact impact) {
    return impact.units().entrySet().stream().filter(e -> e.getValue().changed() > 0)
        .map(e -> (e.getKey().isEmpty() ? "(no unit)" : e.getKey()) + " " + e.getValue().changed() + " of "
            + e.getValue().subjects())
        .collect(Collectors.joining(", "));
  }

  /** A subject's changes in words: outcomes, then scores and ratings, then ranks. */
  private static List<String> parts(PackImpact.SubjectChange s) {
    List<String> parts = new ArrayList<>();
    s.outcomes().forEach(o -> parts.add(o.ruleId() + " " + outcome(o.from()) + " → " + outcome(o.to())));
    for (PackImpact.ScoreChange c : s.scores()) {
      String rating = "rating " + value(c.fromRating()) + " → " + value(c.toRating());
      parts.add(c.checklistId() + (!c.scoreChanged() ? " " + rating + " (score " + value(c.toScore()) + ")"
          : " score " + value(c.fromScore()) + " → " + value(c.toScore())
              + (c.ratingChanged() ? ", " + rating : "")));
    }
    s.ranks().forEach(r -> parts.add(r.checklistId() + (r.peerGroup().isEmpty() ? "" : " [" + r.peerGroup() + "]")
        + " rank " + value(r.from()) + " → " + value(r.to())));
    return parts;
  }

  /** One self-contained page: the counts per checklist, rule and unit, then a table of the subjects that change. */
  private void html(PackImpact impact, Map<String, String> titles, PrintWriter out) {
    String heading = impact.packId() + " " + impact.fromVersion() + " → " + impact.toVersion();
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"" + language.name().toLowerCase(java.util.Locale.ROOT) + "\"><head>"
        + "<meta charset=\"utf-8\"><title>" + Html.esc(heading) + "</title>"
        + "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}</style></head><body>");
    out.println("<h1>" + Html.esc(heading) + "</h1>");
    out.println("<p>" + impact.changes().size() + " of " + impact.subjects() + " subjects change</p>");
    out.println("<table><tr><th>checklist</th><th>subjects</th><th>rating changes</th><th>score changes</th>"
        + "<th>rating changes caused by</th></tr>");
    for (PackImpact.ChecklistSummary c : impact.checklists()) {
      String title = titles.getOrDefault(c.checklistId(), "");
      out.println("<tr><td>" + Html.esc(c.checklistId() + (title.isEmpty() ? "" : " (" + title + ")")) + "</td><td>"
          + c.subjects() + "</td><td>" + c.ratingChanged() + "</td><td>" + c.scoreChanged() + "</td><td>"
          + Html.esc(counted(c.ratingCauses())) + "</td></tr>");
    }
    out.println("</table>");
    if (!impact.rules().isEmpty()) {
      out.println("<h2>Rules changing outcome</h2><ul>");
      impact.rules().forEach((rule, n) -> out.println("<li>" + Html.esc(rule) + ": " + n + "</li>"));
      out.println("</ul>");
    }
    if (!units(impact).isEmpty()) {
      out.println("<p>units: " + Html.esc(units(impact)) + "</p>");
    }
    out.println("<h2>Subjects</h2><table><tr><th>subject</th><th>unit</th><th>changes</th></tr>");
    for (PackImpact.SubjectChange s : impact.changes()) {
      out.println("<tr><td>" + Html.esc(s.subjectId()) + "</td><td>" + Html.esc(s.unitId()) + "</td><td>"
          + parts(s).stream().map(Html::esc).collect(Collectors.joining("<br>")) + "</td></tr>");
    }
    out.println("</table></body></html>");
  }

  /** One row per change: subject, unit, kind (outcome, score, rank), rule or checklist, peer group, from, to. */
  private static void csv(PackImpact impact, PrintWriter out) {
    Csv.row(out, List.of("subject", "unit", "kind", "id", "peer-group", "from", "to", "from-rating", "to-rating",
        "causes"));
    for (PackImpact.SubjectChange s : impact.changes()) {
      for (PackImpact.OutcomeChange o : s.outcomes()) {
        Csv.row(out, java.util.Arrays.asList(s.subjectId(), s.unitId(), "outcome", o.ruleId(), null,
            o.from() == null ? null : o.from().name(), o.to() == null ? null : o.to().name(), null, null, null));
      }
      for (PackImpact.ScoreChange c : s.scores()) {
        Csv.row(out, java.util.Arrays.asList(s.subjectId(), s.unitId(), "score", c.checklistId(), null,
            c.fromScore(), c.toScore(), c.fromRating(), c.toRating(), String.join(" ", c.causes())));
      }
      for (PackImpact.RankChange r : s.ranks()) {
        Csv.row(out, java.util.Arrays.asList(s.subjectId(), s.unitId(), "rank", r.checklistId(), r.peerGroup(),
            r.from(), r.to(), null, null, null));
      }
    }
  }

  private String json(PackImpact impact, Map<String, String> titles) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("pack", impact.packId()).put("from", impact.fromVersion()).put("to", impact.toVersion())
        .put("subjects", impact.subjects()).put("changed", impact.changes().size());
    ArrayNode lists = root.putArray("checklists");
    for (PackImpact.ChecklistSummary c : impact.checklists()) {
      ObjectNode node = lists.addObject().put("id", c.checklistId())
          .put("title", titles.getOrDefault(c.checklistId(), "")).put("subjects", c.subjects())
          .put("score-changed", c.scoreChanged()).put("rating-changed", c.ratingChanged());
      ObjectNode causes = node.putObject("rating-causes");
      c.ratingCauses().forEach(causes::put);
    }
    ObjectNode rules = root.putObject("rules");
    impact.rules().forEach(rules::put);
    ObjectNode units = root.putObject("units");
    impact.units().forEach((id, count) -> units.putObject(id).put("subjects", count.subjects())
        .put("changed", count.changed()));
    ArrayNode subjects = root.putArray("changes");
    for (PackImpact.SubjectChange s : impact.changes()) {
      ObjectNode node = subjects.addObject().put("subject", s.subjectId()).put("unit", s.unitId());
      ArrayNode outcomes = node.putArray("outcomes");
      s.outcomes().forEach(o -> outcomes.addObject().put("rule", o.ruleId())
          .put("from", o.from() == null ? null : o.from().name()).put("to", o.to() == null ? null : o.to().name()));
      ArrayNode scores = node.putArray("scores");
      for (PackImpact.ScoreChange c : s.scores()) {
        ObjectNode score = scores.addObject().put("checklist", c.checklistId()).put("from-score", c.fromScore())
            .put("to-score", c.toScore()).put("from-rating", c.fromRating()).put("to-rating", c.toRating());
        ArrayNode causes = score.putArray("causes");
        c.causes().forEach(causes::add);
      }
      ArrayNode ranks = node.putArray("ranks");
      s.ranks().forEach(r -> ranks.addObject().put("checklist", r.checklistId()).put("peer-group", r.peerGroup())
          .put("from", r.from()).put("to", r.to()));
    }
    return mapper.writeValueAsString(root);
  }
}
