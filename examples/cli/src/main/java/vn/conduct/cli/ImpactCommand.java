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
import vn.conduct.cli.html.ImpactView;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
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
      description = "The facts: subjects, observations and events (.yaml, .yml or .json); - reads the standard input.")
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

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
      description = "Language of the words and titles: vi (default) or en.")
  Language language = Language.VI;

  @Option(names = "--pseudonym-key", paramLabel = "<file>",
      description = {"Pseudonymise the ids of people (what either version marks personal) with the key in this file",
          "(16 bytes or more) instead of a key drawn for this run."})
  java.nio.file.Path pseudonymKey;

  @Option(names = "--reveal-ids", description = "Show the real ids of people instead of pseudonyms (for the host's own use).")
  boolean revealIds;

  private Messages messages;

  /** The privacy of this run's output: how ids were masked, or {@code null} if nothing was. */
  private String privacy;

  enum Format { TEXT, JSON, CSV, HTML }

  @Override
  public Integer call() throws Exception {
    PackVersions versions = PackVersions.parse("impact", "--from", from, "--to", to, EXAMPLE);
    RulesEngine engine = PackVersions.engine(folders);
    EvaluationRequest request = FactsInput.load(new FactsReader().withAsOf(asOf).withPeriod(period), facts).request();
    versions.requireRelated("impact", engine, EXAMPLE);
    PackImpact impact = PackImpact.between(engine, request, versions.fromPack(), versions.from(), versions.toPack(),
        versions.to());
    messages = new Messages(language);
    impact = pseudonymised(impact, request);
    Map<String, String> titles = new LinkedHashMap<>();
    for (ChecklistInfo c : engine.checklists()) {
      boolean isFrom = versions.isFrom(c.packId(), c.packVersion());
      boolean isTo = versions.isTo(c.packId(), c.packVersion());
      if (isTo || (isFrom && !titles.containsKey(c.checklistId()))) {
        titles.put(c.checklistId(), c.title() == null || c.title().isEmpty() ? "" : c.title().in(language));
        scored.put(c.checklistId(), who(c));
      }
      for (String version : isFrom && isTo ? List.of("from", "to") : isFrom ? List.of("from") : isTo ? List.of("to")
          : List.<String>of()) {
        c.bands().stream().filter(b -> b.title() != null && !b.title().isEmpty())
            .forEach(b -> bandTitles.put(version + "\u0000" + c.checklistId() + "\u0000" + b.id(), b.title().in(language)));
      }
    }
    engine.rules().forEach(r -> {
      if (versions.isFrom(r.rule().packId(), r.rule().packVersion())) {
        fromRules.add(r.ruleId());
      }
      if (versions.isTo(r.rule().packId(), r.rule().packVersion())) {
        toRules.add(r.ruleId());
      }
    });
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

  /**
   * Privacy by default, as {@code evaluate} (report-format.md, section 14.1): the ids of subjects of a type
   * either version marks personal become pseudonyms, under the key of {@code --pseudonym-key} or one drawn
   * for this run, and a line on the standard error says so; {@code --reveal-ids} shows them.
   */
  private PackImpact pseudonymised(PackImpact impact, EvaluationRequest request) {
    if (revealIds) {
      if (pseudonymKey != null) {
        throw new UsageException(Arguments.say("privacy.reveal-conflict", "--pseudonym-key"));
      }
      return impact;
    }
    if (impact.personalData().subjectTypes().isEmpty()) {
      return impact;
    }
    vn.conduct.rules.io.Pseudonyms pseudonyms;
    if (pseudonymKey == null) {
      pseudonyms = vn.conduct.rules.io.Pseudonyms.withRandomKey();
    } else {
      try {
        pseudonyms = vn.conduct.rules.io.Pseudonyms.withKey(java.nio.file.Files.readAllBytes(pseudonymKey));
      } catch (java.io.IOException e) {
        throw new FileProblem(SafeText.line("--pseudonym-key: cannot read " + pseudonymKey + ": " + e.getMessage()));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--pseudonym-key: " + SafeText.line(e.getMessage()));
      }
    }
    java.util.Set<String> personal = new java.util.HashSet<>();
    request.subjects().stream().filter(s -> impact.personalData().isPersonal(s.type())).forEach(s -> personal.add(s.id()));
    String types = String.join(", ", impact.personalData().subjectTypes());
    privacy = messages.get(pseudonymKey == null ? "impact.privacy.random" : "impact.privacy.host", types);
    TextOut err = new TextOut(spec.commandLine().getErr());
    err.println("conduct: " + privacy);
    err.flush();
    return impact.withSubjectIds(id -> personal.contains(id) ? pseudonyms.of(id) : id);
  }

  /** The rules of each version, to tell a rule replaced from a rule whose outcome changed. */
  private final java.util.Set<String> fromRules = new java.util.HashSet<>();
  private final java.util.Set<String> toRules = new java.util.HashSet<>();

  /**
   * A checklist's rating causes in words: rules of both versions with their counts, then the rules only in
   * one version, named as replaced (a new version that renames every rule changes the outcome of all of them).
   */
  private String causes(PackImpact impact, Map<String, Integer> causes) {
    Map<String, Integer> kept = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    causes.forEach((rule, n) -> {
      boolean before = fromRules.contains(rule);
      boolean after = toRules.contains(rule);
      if (before && !after) {
        removed.add(rule);
      } else if (after && !before) {
        added.add(rule);
      } else {
        kept.put(rule, n);
      }
    });
    List<String> parts = new ArrayList<>();
    if (!kept.isEmpty()) {
      parts.add(counted(kept));
    }
    if (!removed.isEmpty() || !added.isEmpty()) {
      parts.add(messages.get("impact.rules-replaced", (removed.isEmpty() ? ""
          : messages.get("impact.only-in", impact.fromVersion(), String.join(", ", removed)))
          + (removed.isEmpty() || added.isEmpty() ? "" : "; ")
          + (added.isEmpty() ? "" : messages.get("impact.only-in", impact.toVersion(), String.join(", ", added)))));
    }
    return String.join("; ", parts);
  }

  /** Band titles in the language asked, by "from" or "to", checklist id and band id. */
  private final Map<String, String> bandTitles = new LinkedHashMap<>();

  /** A rating by its band's title in that version, else its id; "—" for none. */
  private String band(String version, String checklistId, String rating) {
    return rating == null ? "—" : bandTitles.getOrDefault(version + "\u0000" + checklistId + "\u0000" + rating, rating);
  }

  /**
   * How ratings move on one checklist, most frequent first: {@code Complete → Good} 6, {@code Excellent → Good} 3;
   * who changes grade, in the checklist's words.
   */
  private Map<String, Integer> moves(PackImpact impact, String checklistId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (PackImpact.SubjectChange s : impact.changes()) {
      for (PackImpact.ScoreChange c : s.scores()) {
        if (c.checklistId().equals(checklistId) && c.ratingChanged()) {
          counts.merge(band("from", checklistId, c.fromRating()) + " → " + band("to", checklistId, c.toRating()), 1,
              Integer::sum);
        }
      }
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** For each checklist, who it scores, in the vocabulary's words (see {@link #who}). */
  private final Map<String, String> scored = new LinkedHashMap<>();

  /**
   * Who a checklist scores, as counts name them: the vocabulary's title of its subject type in the language
   * asked ("cán bộ, công chức, viên chức, người lao động"), lowercased unless it starts with an acronym; the
   * type's id when it has no title.
   */
  private String who(ChecklistInfo c) {
    LocalizedText title = c.subjectTypeTitle();
    if (title == null || title.isEmpty() || title.in(language).isBlank()) {
      return c.subjectType() == null ? messages.get("impact.subjects") : c.subjectType();
    }
    String text = title.in(language);
    boolean acronym = text.length() > 1 && Character.isUpperCase(text.codePointAt(text.offsetByCodePoints(0, 1)));
    return acronym ? text : text.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + text.substring(1);
  }

  private static String value(Object value) {
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    return value == null ? "—" : value.toString();
  }

  /** An outcome in words: the catalogue's label in Vietnamese, the outcome's name in English (as CSV and JSON). */
  private String said(Outcome outcome) {
    return outcome == null || language == Language.EN ? outcome(outcome) : new Words(language).outcome(outcome);
  }

  private static String outcome(Outcome outcome) {
    return outcome == null ? "—" : outcome.name();
  }

  private static String counted(Map<String, Integer> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  private void text(PackImpact impact, Map<String, String> titles, PrintWriter out) {
    out.println(SafeText.line(PackVersions.heading(impact.packId(), impact.fromVersion(), impact.toPackId(),
        impact.toVersion()) + ": " + messages.get("impact.subjects-change", impact.changes().size(), impact.subjects())));
    for (PackImpact.ChecklistSummary c : impact.checklists()) {
      String title = titles.getOrDefault(c.checklistId(), "");
      out.println(SafeText.line(c.checklistId() + (title.isEmpty() ? "" : " (" + title + ")") + ": "
          + messages.get("impact.checklist-changes", c.ratingChanged(), c.subjects(),
              scored.getOrDefault(c.checklistId(), messages.get("impact.subjects")), c.scoreChanged())));
      if (c.ratingChanged() > 0) {
        out.println(SafeText.line(messages.get("impact.ratings", counted(moves(impact, c.checklistId())))));
      }
      if (c.ratingCauses().size() == 1 && c.ratingCauses().values().iterator().next() == c.ratingChanged()) {
        out.println(SafeText.line(messages.get("impact.all-because-of", c.ratingCauses().keySet().iterator().next())));
      } else if (!c.ratingCauses().isEmpty()) {
        out.println(SafeText.line(messages.get("impact.caused-by", causes(impact, c.ratingCauses()))));
      } else if (c.ratingChanged() > 0) {
        out.println(messages.get("impact.caused-by-checklist"));
      }
    }
    if (!impact.rules().isEmpty()) {
      out.println(SafeText.line(messages.get("impact.rules-changing-outcome", counted(impact.rules()))));
    }
    String units = units(impact);
    if (!units.isEmpty()) {
      out.println(SafeText.line(messages.get("impact.units", units)));
    }
    for (PackImpact.SubjectChange s : impact.changes()) {
      out.println(SafeText.line(s.subjectId() + (s.unitId() == null ? "" : " (" + s.unitId() + ")") + ": "
          + String.join("; ", parts(s))));
    }
  }

  /** The units with subjects that change: {@code (no unit) 6 of 18, ubnd-ba-dinh 3 of 18}. */
  private String units(PackImpact impact) {
    return impact.units().entrySet().stream().filter(e -> e.getValue().changed() > 0)
        .map(e -> messages.get("impact.unit-count", e.getKey().isEmpty() ? messages.get("impact.no-unit") : e.getKey(),
            e.getValue().changed(), e.getValue().subjects()))
        .collect(Collectors.joining(", "));
  }

  /** A subject's changes in words: outcomes, then scores and ratings, then ranks. */
  private List<String> parts(PackImpact.SubjectChange s) {
    List<String> parts = new ArrayList<>();
    s.outcomes().forEach(o -> parts.add(o.ruleId() + " " + said(o.from()) + " → " + said(o.to())));
    for (PackImpact.ScoreChange c : s.scores()) {
      String rating = messages.get("impact.rating-change", value(c.fromRating()), value(c.toRating()));
      parts.add(c.checklistId() + " " + (!c.scoreChanged() ? messages.get("impact.rating-at-score", rating, value(c.toScore()))
          : messages.get("impact.score-change", value(c.fromScore()), value(c.toScore()))
              + (c.ratingChanged() ? ", " + rating : "")));
    }
    s.ranks().forEach(r -> parts.add(r.checklistId() + (r.peerGroup().isEmpty() ? "" : " [" + r.peerGroup() + "]")
        + " " + messages.get("impact.rank-change", value(r.from()), value(r.to()))));
    return parts;
  }

  /** One self-contained page: the counts per checklist, rule and unit, then a table of the subjects that change. */
  private void html(PackImpact impact, Map<String, String> titles, PrintWriter out) {
    String heading = PackVersions.heading(impact.packId(), impact.fromVersion(), impact.toPackId(),
        impact.toVersion());
    List<ImpactView.Checklist> checklists = impact.checklists().stream().map(c -> {
      String title = titles.getOrDefault(c.checklistId(), "");
      return new ImpactView.Checklist(line(c.checklistId() + (title.isEmpty() ? "" : " (" + title + ")")),
          c.subjects() + " " + line(scored.getOrDefault(c.checklistId(), messages.get("impact.subjects"))),
          c.ratingChanged(), line(counted(moves(impact, c.checklistId()))), c.scoreChanged(),
          line(causes(impact, c.ratingCauses())));
    }).toList();
    List<String> rules = new java.util.ArrayList<>();
    impact.rules().forEach((rule, n) -> rules.add(line(rule) + ": " + n));
    String units = units(impact).isEmpty() ? "" : line(messages.get("impact.units", units(impact)).strip());
    List<ImpactView.SubjectChange> subjects = impact.changes().stream().map(s -> new ImpactView.SubjectChange(
        line(s.subjectId()), line(s.unitId()), parts(s).stream().map(ImpactCommand::line).toList())).toList();
    Pages.render("impact.jte", new ImpactView(Pages.texts(messages), line(heading),
        messages.get("impact.subjects-change", impact.changes().size(), impact.subjects()), checklists, rules, units,
        subjects), out);
  }

  /** Text from packs or facts on one line, control characters shown as escapes; {@code ""} for {@code null}. */
  private static String line(String text) {
    return text == null ? "" : vn.conduct.rules.api.SafeText.line(text);
  }

  /** One row per change: subject, unit, kind (outcome, score, rank), rule or checklist, peer group, from, to. */
  private void csv(PackImpact impact, PrintWriter out) {
    Csv.row(out, Csv.header(messages, List.of("subject", "unit", "kind", "id", "peer_group", "from", "to",
        "from_rating", "to_rating", "causes")));
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
    root.put("pack", impact.packId()).put("from", impact.fromVersion()).put("to-pack", impact.toPackId())
        .put("to", impact.toVersion())
        .put("subjects", impact.subjects()).put("changed", impact.changes().size());
    if (privacy != null) {
      root.put("privacy", privacy);
    }
    ArrayNode lists = root.putArray("checklists");
    for (PackImpact.ChecklistSummary c : impact.checklists()) {
      ObjectNode node = lists.addObject().put("id", c.checklistId())
          .put("title", titles.getOrDefault(c.checklistId(), "")).put("subjects", c.subjects())
          .put("score-changed", c.scoreChanged()).put("rating-changed", c.ratingChanged());
      Map<List<String>, Integer> moved = new LinkedHashMap<>();
      for (PackImpact.SubjectChange s : impact.changes()) {
        for (PackImpact.ScoreChange change : s.scores()) {
          if (change.checklistId().equals(c.checklistId()) && change.ratingChanged()) {
            moved.merge(java.util.Arrays.asList(change.fromRating(), change.toRating()), 1, Integer::sum);
          }
        }
      }
      ArrayNode moves = node.putArray("rating-moves");
      moved.forEach((move, n) -> moves.addObject().put("from", move.get(0)).put("to", move.get(1)).put("subjects", n));
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
