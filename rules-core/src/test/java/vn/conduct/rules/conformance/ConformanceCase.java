package vn.conduct.rules.conformance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RollUp;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.ValidationIssue;

/**
 * One conformance case: a folder with a pack (or several), facts and the expected result. Runs the
 * case against this engine and lists every difference from {@code expected.yaml}.
 */
final class ConformanceCase {

  static final Set<String> EVALUATION_KEYS = Set.of("outcomes", "reasons", "scores", "rankings", "roll-ups",
      "compliant", "fact-problems", "provenance", "waivers", "decisions", "pseudonymised", "facts", "log");
  static final Set<String> SCORE_KEYS = Set.of("score", "maximum", "rating", "rated", "evidence-percent",
      "adjustments", "items", "without-waivers", "risk-accepted");
  static final Set<String> ROLL_UP_KEYS = Set.of("members", "rated", "average-score", "ratings", "failures");

  final String group;
  final String id;
  final Path dir;

  ConformanceCase(String group, String id, Path dir) {
    this.group = group;
    this.id = id;
    this.dir = dir;
  }

  /** {@code <group>/<case-id>}. */
  String name() {
    return group + "/" + id;
  }

  /** Every case folder under {@code cases/<group>/<case-id>}, sorted by name. */
  static List<ConformanceCase> discover(Path suiteRoot) {
    Path cases = suiteRoot.resolve("cases");
    List<ConformanceCase> found = new ArrayList<>();
    try (Stream<Path> groups = Files.list(cases)) {
      for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> ids = Files.list(group)) {
          ids.filter(Files::isDirectory).sorted()
              .forEach(dir -> found.add(new ConformanceCase(group.getFileName().toString(),
                  dir.getFileName().toString(), dir)));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + cases + ": " + e.getMessage(), e);
    }
    found.sort(Comparator.comparing(ConformanceCase::name));
    return found;
  }

  Map<String, Object> expected() {
    return FactsFile.map(CoreYaml.read(dir.resolve("expected.yaml")), dir.resolve("expected.yaml").toString());
  }

  boolean isDecisionErrorCase() {
    return expected().containsKey("decision-errors");
  }

  boolean isLoadErrorCase() {
    return expected().containsKey("load-errors");
  }

  /** The pack folders: {@code pack/}, or every folder under {@code packs/} in name order. */
  List<Path> packDirs() {
    if (Files.isDirectory(dir.resolve("pack"))) {
      return List.of(dir.resolve("pack"));
    }
    Path packs = dir.resolve("packs");
    if (Files.isDirectory(packs)) {
      try (Stream<Path> list = Files.list(packs)) {
        return list.filter(Files::isDirectory).sorted().toList();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(name() + ": no pack/ or packs/ folder");
  }

  /** Runs the case; returns every difference from the expected result (empty: the case passes). */
  List<String> run() {
    Map<String, Object> expected = expected();
    if (expected.containsKey("load-errors")) {
      FactsFile.only(expected, name() + " expected.yaml", Set.of("load-errors"));
      return checkLoadErrors(FactsFile.list(expected.get("load-errors"), "load-errors"));
    }
    if (expected.containsKey("decision-errors")) {
      FactsFile.only(expected, name() + " expected.yaml", Set.of("decision-errors"));
      return checkDecisionErrors(FactsFile.list(expected.get("decision-errors"), "decision-errors"));
    }
    FactsFile.only(expected, name() + " expected.yaml", EVALUATION_KEYS);
    if (!expected.containsKey("outcomes")) {
      throw new IllegalStateException(name() + ": expected.yaml needs 'outcomes' or 'load-errors'");
    }
    Report report = evaluate();
    List<String> problems = new ArrayList<>();
    checkOutcomes(report, FactsFile.map(expected.get("outcomes"), "outcomes"), problems);
    if (expected.containsKey("reasons")) {
      checkReasons(report, FactsFile.map(expected.get("reasons"), "reasons"), problems);
    }
    if (expected.containsKey("scores")) {
      checkScores(report, FactsFile.map(expected.get("scores"), "scores"), problems);
    }
    if (expected.containsKey("rankings")) {
      checkRankings(report, FactsFile.map(expected.get("rankings"), "rankings"), problems);
    }
    if (expected.containsKey("roll-ups")) {
      checkRollUps(report, FactsFile.map(expected.get("roll-ups"), "roll-ups"), problems);
    }
    if (expected.containsKey("compliant")) {
      FactsFile.map(expected.get("compliant"), "compliant").forEach((subject, value) -> {
        Optional<SubjectResult> result = report.subject(subject);
        if (result.isEmpty()) {
          problems.add("compliant " + subject + ": no such subject in the report");
        } else if (result.get().compliant() != Boolean.TRUE.equals(value)) {
          problems.add("compliant " + subject + ": expected " + value + ", actual " + result.get().compliant()
              + " (findings: " + outcomesOf(result.get()) + ")");
        }
      });
    }
    checkFactProblems(report, FactsFile.list(expected.get("fact-problems"), "fact-problems"), problems);
    if (expected.containsKey("provenance")) {
      checkProvenance(report, FactsFile.map(expected.get("provenance"), "provenance"), problems);
    }
    if (expected.containsKey("waivers")) {
      checkWaivers(report, FactsFile.map(expected.get("waivers"), "waivers"), problems);
    }
    if (expected.containsKey("decisions")) {
      checkDecisions(report, FactsFile.map(expected.get("decisions"), "decisions"), problems);
    }
    if (expected.containsKey("pseudonymised")) {
      checkPseudonymised(report, FactsFile.map(expected.get("pseudonymised"), "pseudonymised"), problems);
    }
    if (expected.containsKey("facts")) {
      checkFacts(report, FactsFile.map(expected.get("facts"), "facts"), problems);
    }
    if (expected.containsKey("log")) {
      checkLog(report, FactsFile.map(expected.get("log"), "log"), problems);
    }
    return problems;
  }

  /**
   * The report pseudonymised under the case's key (report-format.md, section 14.1): subjects as masked,
   * reasons and rankings of the masked report, values absent from it as written (format 2), its privacy.
   */
  private static void checkPseudonymised(Report report, Map<String, Object> expected, List<String> problems) {
    FactsFile.only(expected, "pseudonymised", Set.of("key", "names", "subjects", "reasons", "rankings", "absent",
        "privacy"));
    vn.conduct.rules.io.Pseudonyms pseudonyms = vn.conduct.rules.io.Pseudonyms.withKey(
        String.valueOf(expected.get("key")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if ("kept".equals(expected.get("names"))) {
      pseudonyms = pseudonyms.keepingNames();
    }
    Report masked = pseudonyms.apply(report);
    if (expected.containsKey("subjects")) {
      FactsFile.map(expected.get("subjects"), "pseudonymised.subjects").forEach((real, spec) -> {
        Map<String, Object> want = FactsFile.map(spec, "pseudonymised.subjects." + real);
        FactsFile.only(want, "pseudonymised.subjects." + real, Set.of("id", "name", "parent", "attributes"));
        Optional<SubjectResult> found = masked.subject(String.valueOf(want.get("id")));
        if (found.isEmpty()) {
          problems.add("pseudonymised subject " + real + ": no subject " + want.get("id") + " in the masked report ("
              + masked.subjects().stream().map(SubjectResult::subjectId).toList() + ")");
          return;
        }
        var subject = found.get().subject();
        Map<String, Object> actual = new java.util.LinkedHashMap<>();
        actual.put("id", subject.id());
        actual.put("name", subject.name());
        actual.put("parent", subject.parentId());
        Map<String, Object> attributes = new java.util.TreeMap<>();
        subject.attributes().forEach((k, v) -> attributes.put(k, String.valueOf(v)));
        actual.put("attributes", attributes);
        want.forEach((key, value) -> {
          Object compared = value instanceof Map<?, ?> map ? new java.util.TreeMap<>(map) : value;
          if (!Objects.equals(String.valueOf(compared), String.valueOf(actual.get(key)))) {
            problems.add("pseudonymised subject " + real + " " + key + ": expected " + compared + ", actual "
                + actual.get(key));
          }
        });
      });
    }
    if (expected.containsKey("reasons")) {
      List<String> found = new ArrayList<>();
      checkReasons(masked, FactsFile.map(expected.get("reasons"), "pseudonymised.reasons"), found);
      found.forEach(p -> problems.add("pseudonymised " + p));
    }
    if (expected.containsKey("rankings")) {
      List<String> found = new ArrayList<>();
      checkRankings(masked, FactsFile.map(expected.get("rankings"), "pseudonymised.rankings"), found);
      found.forEach(p -> problems.add("pseudonymised " + p));
    }
    String written = new vn.conduct.rules.io.ReportJson().write(masked);
    for (Object value : FactsFile.list(expected.get("absent"), "pseudonymised.absent")) {
      java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])"
          + java.util.regex.Pattern.quote(String.valueOf(value)) + "(?![\\p{L}\\p{N}])").matcher(written);
      if (matcher.find()) {
        problems.add("pseudonymised: '" + value + "' is in the masked report: …" + written.substring(
            Math.max(0, matcher.start() - 60), Math.min(written.length(), matcher.end() + 60)) + "…");
      }
    }
    if (expected.containsKey("privacy")) {
      Map<String, Object> want = FactsFile.map(expected.get("privacy"), "pseudonymised.privacy");
      FactsFile.only(want, "pseudonymised.privacy", Set.of("key", "names", "subject-types", "attributes",
          "masked-values"));
      var privacy = masked.privacy().orElseThrow();
      Map<String, Object> actual = new java.util.LinkedHashMap<>();
      actual.put("key", privacy.randomKey() ? "random" : "host");
      actual.put("names", privacy.namesKept() ? "kept" : "left-out");
      actual.put("subject-types", new ArrayList<>(privacy.masked().subjectTypes()));
      Map<String, Object> attributes = new java.util.TreeMap<>();
      privacy.masked().attributes().forEach((type, names) -> attributes.put(type, new ArrayList<>(names)));
      actual.put("attributes", attributes);
      actual.put("masked-values", (long) privacy.maskedValues());
      want.forEach((key, value) -> {
        Object compared = value instanceof Map<?, ?> map ? new java.util.TreeMap<>(map) : value;
        if (!String.valueOf(compared).equals(String.valueOf(actual.get(key)))) {
          problems.add("pseudonymised privacy " + key + ": expected " + compared + ", actual " + actual.get(key));
        }
      });
    }
  }

  Report evaluate() {
    return engine().evaluate(request("facts.yaml", "decisions.yaml"));
  }

  /** The case's request from these files of its folder, with its waivers and decisions if it has them. */
  private vn.conduct.rules.api.EvaluationRequest request(String factsFile, String decisionsFile) {
    var request = FactsFile.read(dir.resolve(factsFile));
    Path waivers = dir.resolve("waivers.yaml");
    if (Files.isRegularFile(waivers)) {
      request = request.toBuilder().waivers(vn.conduct.rules.io.WaiversFile.read(waivers).waivers()).build();
    }
    Path decisions = dir.resolve(decisionsFile);
    if (Files.isRegularFile(decisions)) {
      request = request.toBuilder().decisions(vn.conduct.rules.io.DecisionsFile.read(decisions).decisions()).build();
    }
    return request;
  }

  /**
   * The decision log (decision-log.md): the evaluation's line (holding the facts), replayed on the case's
   * files as given and on edited ones ({@code replays}: {@code facts}, {@code decisions} — file names in the
   * case's folder, the case's own by default —, {@code reproduced}, {@code differences}: texts each
   * found in one of the replay's differences, in the order the spec lists its checks, and {@code not-said}:
   * texts no difference may hold).
   */
  private void checkLog(Report report, Map<String, Object> expected, List<String> problems) {
    FactsFile.only(expected, "log", Set.of("replays"));
    String line = vn.conduct.rules.io.DecisionLog.line(request("facts.yaml", "decisions.yaml"), report,
        java.time.Instant.parse("2026-01-01T00:00:00Z"), true);
    int index = 0;
    for (Object each : FactsFile.list(expected.get("replays"), "log.replays")) {
      Map<String, Object> replay = FactsFile.map(each, "log.replays[" + index + "]");
      FactsFile.only(replay, "log.replays[" + index + "]", Set.of("facts", "decisions", "reproduced", "differences",
          "not-said"));
      String facts = String.valueOf(replay.getOrDefault("facts", "facts.yaml"));
      String decisions = String.valueOf(replay.getOrDefault("decisions", "decisions.yaml"));
      var result = vn.conduct.rules.io.DecisionLog.replay(line, engine(), request(facts, decisions));
      String what = "log replay " + index + " (" + facts + ", " + decisions + ")";
      if (result.reproduced() != Boolean.TRUE.equals(replay.get("reproduced"))) {
        problems.add(what + ": expected reproduced " + replay.get("reproduced") + ", actual " + result.reproduced()
            + " " + result.differences());
      }
      int from = 0;
      for (Object text : FactsFile.list(replay.getOrDefault("differences", List.of()), "differences")) {
        int found = -1;
        for (int i = from; i < result.differences().size(); i++) {
          if (result.differences().get(i).contains(String.valueOf(text))) {
            found = i;
            break;
          }
        }
        if (found < 0) {
          problems.add(what + ": no difference (from the last one matched on) says '" + text + "': " + result.differences());
        } else {
          from = found; // the next text may be in the same difference or a later one
        }
      }
      for (Object text : FactsFile.list(replay.getOrDefault("not-said", List.of()), "not-said")) {
        if (result.differences().stream().anyMatch(d -> d.contains(String.valueOf(text)))) {
          problems.add(what + ": a difference says '" + text + "', which it must not: " + result.differences());
        }
      }
      index++;
    }
  }

  /**
   * Subject → rule → {@code {original, final, pending, history}}: the finding's original and final
   * outcomes, whether a contest is pending, and the ids of its history in order (only the keys given).
   */
  private static void checkDecisions(Report report, Map<String, Object> expected, List<String> problems) {
    expected.forEach((subject, rules) -> FactsFile.map(rules, "decisions." + subject).forEach((rule, want) -> {
      String where = "decisions " + subject + " / " + rule;
      var finding = report.subject(subject).flatMap(s -> s.finding(rule));
      if (finding.isEmpty()) {
        problems.add(where + ": no such finding in the report");
        return;
      }
      Map<String, Object> wanted = FactsFile.map(want, where);
      FactsFile.only(wanted, where, Set.of("original", "final", "pending", "history"));
      var f = finding.get();
      if (wanted.containsKey("original") && !String.valueOf(wanted.get("original")).equals(f.originalOutcome().name())) {
        problems.add(where + ": original expected " + wanted.get("original") + ", actual " + f.originalOutcome());
      }
      if (wanted.containsKey("final") && !String.valueOf(wanted.get("final")).equals(f.outcome().name())) {
        problems.add(where + ": final expected " + wanted.get("final") + ", actual " + f.outcome());
      }
      if (wanted.containsKey("pending") && !Objects.equals(wanted.get("pending"), f.contestPending())) {
        problems.add(where + ": pending expected " + wanted.get("pending") + ", actual " + f.contestPending());
      }
      if (wanted.containsKey("history")) {
        List<String> ids = FactsFile.list(wanted.get("history"), where + ".history").stream().map(String::valueOf)
            .toList();
        List<String> actual = f.decisions().stream().map(d -> d.id()).toList();
        if (!ids.equals(actual)) {
          problems.add(where + ": history expected " + ids + ", actual " + actual);
        }
      }
    }));
  }

  /**
   * A refused case: the decisions (decisions.yaml) are refused, by the reader or, against the facts, by
   * the engine; every ERROR issue ({@code code}, {@code line}, {@code path}; only the keys given) of the
   * reader, or of {@code DecisionsFile.check}, which locates each at its field, must be expected, and
   * the evaluation must refuse them.
   */
  private List<String> checkDecisionErrors(List<Object> expectedErrors) {
    var request = FactsFile.read(dir.resolve("facts.yaml"));
    List<ValidationIssue> actual;
    boolean read = false;
    vn.conduct.rules.io.DecisionsFile file = null;
    try {
      file = vn.conduct.rules.io.DecisionsFile.read(dir.resolve("decisions.yaml"));
      actual = file.check(engine(), request, java.time.LocalDate.of(9999, 12, 31));
      read = true;
    } catch (vn.conduct.rules.api.InvalidDecisionsException e) {
      actual = e.issues();
    }
    List<ValidationIssue> unmatched = new ArrayList<>(actual.stream()
        .filter(i -> i.severity() == ValidationIssue.Level.ERROR).toList());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < expectedErrors.size(); i++) {
      Map<String, Object> e = FactsFile.map(expectedErrors.get(i), "decision-errors[" + i + "]");
      FactsFile.only(e, "decision-errors[" + i + "]", Set.of("code", "line", "path"));
      ValidationIssue match = unmatched.stream().filter(issue -> issue.code().equals(String.valueOf(e.get("code")))
          && (!e.containsKey("line") || String.valueOf(issue.line()).equals(String.valueOf(e.get("line"))))
          && (!e.containsKey("path") || issue.path().equals(String.valueOf(e.get("path"))))).findFirst().orElse(null);
      if (match == null) {
        problems.add("decision error " + e + ": not reported");
      } else {
        unmatched.remove(match);
      }
    }
    unmatched.forEach(issue -> problems.add("unexpected decision error: " + issue.render()));
    if (read) {
      var decided = request.toBuilder().decisions(file.decisions()).build();
      try {
        engine().evaluate(decided);
        problems.add("the evaluation accepted decisions the check refuses");
      } catch (vn.conduct.rules.api.InvalidDecisionsException expectedRefusal) {
        // refused, as it must be
      }
    }
    return problems;
  }

  /** Subject → rule → the id of the waiver the finding carries, or null for none. */
  private static void checkWaivers(Report report, Map<String, Object> expected, List<String> problems) {
    expected.forEach((subject, rules) -> FactsFile.map(rules, "waivers." + subject).forEach((rule, id) -> {
      var finding = report.subject(subject).flatMap(s -> s.finding(rule));
      if (finding.isEmpty()) {
        problems.add("waiver " + subject + " / " + rule + ": no such finding in the report");
        return;
      }
      String actual = finding.get().waiver().map(w -> w.id()).orElse(null);
      if (!Objects.equals(id == null ? null : String.valueOf(id), actual)) {
        problems.add("waiver " + subject + " / " + rule + ": expected " + id + ", actual " + actual + " ("
            + finding.get().outcome() + ")");
      }
    }));
  }

  /** The engine of the case's pack(s). */
  RulesEngine engine() {
    RulesEngine.Builder builder = RulesEngine.builder();
    packDirs().forEach(builder::addPack);
    return builder.build();
  }

  // ------------------------------------------------------------------------------- load errors

  private record IssueKey(String code, String file, int line, String path) {
    @Override
    public String toString() {
      return "{code: " + code + ", file: " + file + ", line: " + line + ", path: \"" + path + "\"}";
    }
  }

  private List<String> checkLoadErrors(List<Object> expectedErrors) {
    // the checked pack is pack/, or the last folder of packs/, read with the others beside it (an
    // overlay and its base)
    List<Path> packs = packDirs();
    Path checked = packs.get(packs.size() - 1);
    List<ValidationIssue> actual = RulesEngine.check(checked, packs.subList(0, packs.size() - 1)).stream()
        .filter(i -> i.severity() == ValidationIssue.Level.ERROR).toList();
    List<ValidationIssue> unmatched = new ArrayList<>(actual);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < expectedErrors.size(); i++) {
      Map<String, Object> e = FactsFile.map(expectedErrors.get(i), "load-errors[" + i + "]");
      FactsFile.only(e, "load-errors[" + i + "]", Set.of("code", "file", "line", "column", "path"));
      IssueKey key = new IssueKey(String.valueOf(e.get("code")), String.valueOf(e.get("file")),
          ((Number) e.get("line")).intValue(), e.get("path") == null ? "" : String.valueOf(e.get("path")));
      Integer column = e.get("column") == null ? null : ((Number) e.get("column")).intValue();
      Optional<ValidationIssue> match = unmatched.stream()
          .filter(a -> key.equals(keyOf(a)) && (column == null || column == a.column())).findFirst();
      if (match.isPresent()) {
        unmatched.remove(match.get());
      } else {
        problems.add("missing error " + key + (column == null ? "" : " column " + column));
      }
    }
    for (ValidationIssue extra : unmatched) {
      problems.add("unexpected error " + keyOf(extra) + " column " + extra.column() + ": " + extra.render());
    }
    if (!problems.isEmpty()) {
      problems.add("all errors reported by the engine:");
      actual.forEach(a -> problems.add("  " + a.render() + "   [" + a.code() + "]"));
    }
    return problems;
  }

  private static IssueKey keyOf(ValidationIssue issue) {
    return new IssueKey(issue.code(), issue.file(), issue.line(), issue.path());
  }

  // ---------------------------------------------------------------------------------- outcomes

  private static String outcomesOf(SubjectResult result) {
    Map<String, String> map = new LinkedHashMap<>();
    result.findings().forEach(f -> map.put(f.ruleId(), f.outcome().name()));
    return map.toString();
  }

  private static void checkOutcomes(Report report, Map<String, Object> expected, List<String> problems) {
    for (SubjectResult result : report.subjects()) {
      if (!expected.containsKey(result.subjectId())) {
        problems.add(result.subjectId() + ": subject is in the report but not in expected outcomes (actual "
            + outcomesOf(result) + "); write '" + result.subjectId() + ": {}' if it has no finding");
      }
    }
    expected.forEach((subject, rules) -> {
      Optional<SubjectResult> result = report.subject(subject);
      if (result.isEmpty()) {
        problems.add(subject + ": expected in the report, but the report has no such subject");
        return;
      }
      Map<String, Object> byRule = rules == null ? Map.of() : FactsFile.map(rules, "outcomes." + subject);
      for (Finding finding : result.get().findings()) {
        Object want = byRule.get(finding.ruleId());
        if (want == null) {
          problems.add(subject + " / " + finding.ruleId() + ": unexpected finding " + finding.outcome()
              + " — reason: " + finding.reason().in(Language.EN));
        } else if (!finding.outcome().name().equals(String.valueOf(want))) {
          problems.add(subject + " / " + finding.ruleId() + ": expected " + want + ", actual "
              + finding.outcome() + " — reason: " + finding.reason().in(Language.EN));
        }
      }
      byRule.forEach((rule, want) -> {
        if (result.get().finding(rule).isEmpty()) {
          problems.add(subject + " / " + rule + ": expected " + want + ", but there is no finding");
        }
      });
    });
  }

  /**
   * The facts a finding lists: exactly the given ones, each written {@code kind name use} (e.g.
   * {@code event late used}, {@code observation badge-worn method-not-accepted}), in any order.
   */
  private static void checkFacts(Report report, Map<String, Object> expected, List<String> problems) {
    expected.forEach((subject, rules) -> FactsFile.map(rules, "facts." + subject).forEach((rule, spec) -> {
      Optional<Finding> finding = report.subject(subject).flatMap(s -> s.finding(rule));
      if (finding.isEmpty()) {
        problems.add("facts " + subject + " / " + rule + ": no such finding");
        return;
      }
      List<String> want = FactsFile.list(spec, "facts." + subject + "." + rule).stream().map(String::valueOf)
          .sorted().toList();
      List<String> actual = finding.get().facts().stream()
          .map(f -> f.kind().key() + " " + f.name() + " " + f.use().key()).sorted().toList();
      if (!want.equals(actual)) {
        problems.add("facts " + subject + " / " + rule + ": expected " + want + ", actual " + actual);
      }
    }));
  }

  private static void checkReasons(Report report, Map<String, Object> expected, List<String> problems) {
    expected.forEach((subject, rules) -> FactsFile.map(rules, "reasons." + subject).forEach((rule, spec) -> {
      Optional<Finding> finding = report.subject(subject).flatMap(s -> s.finding(rule));
      if (finding.isEmpty()) {
        problems.add("reason " + subject + " / " + rule + ": no such finding");
        return;
      }
      Map<String, Object> byLanguage = spec instanceof List<?> ? Map.of("en", spec)
          : FactsFile.map(spec, "reasons." + subject + "." + rule);
      byLanguage.forEach((language, parts) -> {
        String text = finding.get().reason().in(Language.parse(language));
        for (Object part : FactsFile.list(parts, "reasons")) {
          if (!text.contains(String.valueOf(part))) {
            problems.add("reason " + subject + " / " + rule + " (" + language + "): expected to contain \""
                + part + "\", actual: " + text);
          }
        }
      });
    }));
  }

  // ------------------------------------------------------------------------------------ scores

  private static boolean sameNumber(Object expected, BigDecimal actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    return new BigDecimal(String.valueOf(expected)).compareTo(actual) == 0;
  }

  private static void checkScores(Report report, Map<String, Object> expected, List<String> problems) {
    expected.forEach((subject, lists) -> FactsFile.map(lists, "scores." + subject).forEach((checklist, spec) -> {
      String where = "score " + subject + " / " + checklist;
      Optional<ChecklistScore> found = report.subject(subject).flatMap(s -> s.score(checklist));
      if (found.isEmpty()) {
        problems.add(where + ": no such score in the report");
        return;
      }
      ChecklistScore actual = found.get();
      Map<String, Object> want = FactsFile.map(spec, where);
      FactsFile.only(want, where, SCORE_KEYS);
      List<String> diffs = new ArrayList<>();
      if (want.containsKey("score") && !sameNumber(want.get("score"), actual.score())) {
        diffs.add("score: expected " + want.get("score") + ", actual " + actual.score().toPlainString());
      }
      if (want.containsKey("maximum") && !sameNumber(want.get("maximum"), actual.maximum())) {
        diffs.add("maximum: expected " + want.get("maximum") + ", actual " + actual.maximum().toPlainString());
      }
      if (want.containsKey("rating") && !Objects.equals(want.get("rating") == null ? null
          : String.valueOf(want.get("rating")), actual.rating())) {
        diffs.add("rating: expected " + want.get("rating") + ", actual " + actual.rating());
      }
      if (want.containsKey("rated") && !Objects.equals(want.get("rated"), actual.rated())) {
        diffs.add("rated: expected " + want.get("rated") + ", actual " + actual.rated());
      }
      if (want.containsKey("evidence-percent") && !sameNumber(want.get("evidence-percent"), actual.evidencePercent())) {
        diffs.add("evidence-percent: expected " + want.get("evidence-percent") + ", actual "
            + actual.evidencePercent().toPlainString());
      }
      if (want.containsKey("risk-accepted")) {
        Object risk = want.get("risk-accepted");
        if (risk == null ? actual.riskAccepted().isPresent()
            : actual.riskAccepted().isEmpty() || !sameNumber(risk, actual.riskAccepted().get())) {
          diffs.add("risk-accepted: expected " + risk + ", actual " + actual.riskAccepted().map(BigDecimal::toPlainString)
              .orElse("none"));
        }
      }
      if (want.containsKey("without-waivers")) {
        Object unwaived = want.get("without-waivers");
        if (unwaived == null) {
          if (actual.withoutWaivers().isPresent()) {
            diffs.add("without-waivers: expected none, actual " + describe(actual.withoutWaivers().get()));
          }
        } else if (actual.withoutWaivers().isEmpty()) {
          diffs.add("without-waivers: expected " + unwaived + ", actual none");
        } else {
          Map<String, Object> without = FactsFile.map(unwaived, where + ".without-waivers");
          FactsFile.only(without, where + ".without-waivers", Set.of("score", "rating", "rated"));
          ChecklistScore other = actual.withoutWaivers().get();
          if ((without.containsKey("score") && !sameNumber(without.get("score"), other.score()))
              || (without.containsKey("rating") && !Objects.equals(without.get("rating") == null ? null
                  : String.valueOf(without.get("rating")), other.rating()))
              || (without.containsKey("rated") && !Objects.equals(without.get("rated"), other.rated()))) {
            diffs.add("without-waivers: expected " + unwaived + ", actual " + describe(other));
          }
        }
      }
      if (want.containsKey("items")) {
        FactsFile.map(want.get("items"), where + ".items").forEach((rule, earned) -> {
          var item = actual.items().stream().filter(i -> i.ruleId().equals(rule)).findFirst();
          if (item.isEmpty()) {
            diffs.add("item " + rule + ": not in the score");
          } else if (!sameNumber(earned, item.get().earned())) {
            diffs.add("item " + rule + ": expected " + earned + " earned, actual " + item.get().earned().toPlainString()
                + " (" + item.get().outcome() + ")");
          }
        });
      }
      if (want.containsKey("adjustments")) {
        List<Object> adjustments = FactsFile.list(want.get("adjustments"), where + ".adjustments");
        boolean same = adjustments.size() == actual.adjustments().size();
        for (int i = 0; same && i < adjustments.size(); i++) {
          same = matches(adjustments.get(i), actual.adjustments().get(i));
        }
        if (!same) {
          diffs.add("adjustments: expected " + adjustments + ", actual " + describe(actual.adjustments()));
        }
      }
      if (!diffs.isEmpty()) {
        problems.add(where + ": " + String.join("; ", diffs) + " — actual " + describe(actual));
      }
    }));
  }

  private static boolean matches(Object expected, ScoreAdjustment actual) {
    if (!(expected instanceof Map<?, ?>)) {
      return actual.kind().name().equals(String.valueOf(expected));
    }
    Map<String, Object> want = FactsFile.map(expected, "adjustment");
    FactsFile.only(want, "adjustment", Set.of("kind", "points", "source", "to"));
    return actual.kind().name().equals(String.valueOf(want.get("kind")))
        && (!want.containsKey("points") || sameNumber(want.get("points"), actual.points()))
        && (!want.containsKey("source") || String.valueOf(want.get("source")).equals(actual.source()))
        && (!want.containsKey("to") || String.valueOf(want.get("to")).equals(actual.toRating()));
  }

  static String describe(List<ScoreAdjustment> adjustments) {
    List<String> parts = new ArrayList<>();
    for (ScoreAdjustment a : adjustments) {
      parts.add("{kind: " + a.kind() + ", source: " + a.source()
          + (a.points() == null ? "" : ", points: " + a.points().toPlainString())
          + (a.toRating() == null ? "" : ", to: " + a.toRating()) + "}");
    }
    return parts.toString();
  }

  static String describe(ChecklistScore s) {
    StringBuilder items = new StringBuilder();
    s.items().forEach(i -> items.append(i.ruleId()).append('=').append(i.outcome()).append(':')
        .append(i.earned().toPlainString()).append('/').append(i.available().toPlainString()).append(' '));
    return "{score: " + s.score().toPlainString() + ", maximum: " + s.maximum().toPlainString() + ", rating: "
        + s.rating() + ", rated: " + s.rated() + ", evidence-percent: " + s.evidencePercent().toPlainString()
        + ", items: [" + items.toString().trim() + "], adjustments: " + describe(s.adjustments()) + "}";
  }

  // ------------------------------------------------------------------------ rankings, roll-ups

  static List<List<Object>> entries(Ranking ranking) {
    List<List<Object>> entries = new ArrayList<>();
    ranking.entries().forEach(e -> entries.add(List.of((long) e.rank(), e.subjectId())));
    return entries;
  }

  private static void checkRankings(Report report, Map<String, Object> expected, List<String> problems) {
    expected.forEach((checklist, groups) -> {
      Map<String, Ranking> actual = new TreeMap<>();
      report.rankings().stream().filter(r -> r.checklistId().equals(checklist))
          .forEach(r -> actual.put(r.peerGroup(), r));
      Map<String, Object> want = FactsFile.map(groups, "rankings." + checklist);
      if (!actual.keySet().equals(new java.util.TreeSet<>(want.keySet()))) {
        problems.add("ranking " + checklist + ": expected peer groups " + new java.util.TreeSet<>(want.keySet())
            + ", actual " + actual.keySet());
      }
      want.forEach((group, spec) -> {
        Ranking ranking = actual.get(group);
        if (ranking == null) {
          return;
        }
        Map<String, Object> g = FactsFile.map(spec, "rankings." + checklist + "." + group);
        FactsFile.only(g, "rankings." + checklist + "." + group, Set.of("ranked", "unranked"));
        List<Object> ranked = FactsFile.list(g.get("ranked"), "ranked");
        List<List<Object>> actualEntries = entries(ranking);
        List<List<Object>> wantEntries = new ArrayList<>();
        ranked.forEach(r -> {
          List<Object> pair = FactsFile.list(r, "ranked entry");
          wantEntries.add(List.of(((Number) pair.get(0)).longValue(), String.valueOf(pair.get(1))));
        });
        if (!wantEntries.equals(actualEntries)) {
          problems.add("ranking " + checklist + " [" + group + "]: expected ranked " + wantEntries + ", actual "
              + actualEntries + " (scores: " + ranking.entries().stream()
                  .map(e -> e.subjectId() + "=" + e.score().toPlainString()).toList() + ")");
        }
        List<String> unranked = FactsFile.list(g.get("unranked"), "unranked").stream().map(String::valueOf).toList();
        if (!unranked.equals(ranking.unranked())) {
          problems.add("ranking " + checklist + " [" + group + "]: expected unranked " + unranked + ", actual "
              + ranking.unranked());
        }
      });
    });
  }

  private static void checkRollUps(Report report, Map<String, Object> expected, List<String> problems) {
    expected.forEach((unit, lists) -> FactsFile.map(lists, "roll-ups." + unit).forEach((checklist, spec) -> {
      String where = "roll-up " + unit + " / " + checklist;
      Optional<RollUp> found = report.subject(unit).flatMap(s -> s.rollUps().stream()
          .filter(r -> r.checklistId().equals(checklist)).findFirst());
      if (found.isEmpty()) {
        problems.add(where + ": no such roll-up in the report");
        return;
      }
      RollUp actual = found.get();
      Map<String, Object> want = FactsFile.map(spec, where);
      FactsFile.only(want, where, ROLL_UP_KEYS);
      List<String> diffs = new ArrayList<>();
      if (want.containsKey("members") && ((Number) want.get("members")).intValue() != actual.members()) {
        diffs.add("members: expected " + want.get("members") + ", actual " + actual.members());
      }
      if (want.containsKey("rated") && ((Number) want.get("rated")).intValue() != actual.rated()) {
        diffs.add("rated: expected " + want.get("rated") + ", actual " + actual.rated());
      }
      if (want.containsKey("average-score") && !sameNumber(want.get("average-score"), actual.averageScore())) {
        diffs.add("average-score: expected " + want.get("average-score") + ", actual " + actual.averageScore());
      }
      if (want.containsKey("ratings") && !nonZero(FactsFile.map(want.get("ratings"), where)).equals(nonZero(actual.ratings()))) {
        diffs.add("ratings: expected " + want.get("ratings") + ", actual " + actual.ratings());
      }
      if (want.containsKey("failures") && !nonZero(FactsFile.map(want.get("failures"), where)).equals(nonZero(actual.failures()))) {
        diffs.add("failures: expected " + want.get("failures") + ", actual " + actual.failures());
      }
      if (!diffs.isEmpty()) {
        problems.add(where + ": " + String.join("; ", diffs) + " — actual " + actual);
      }
    }));
  }

  private static Map<String, Long> nonZero(Map<String, ?> counts) {
    Map<String, Long> result = new TreeMap<>();
    counts.forEach((key, value) -> {
      long n = ((Number) value).longValue();
      if (n != 0) {
        result.put(key, n);
      }
    });
    return result;
  }

  // ----------------------------------------------------------------- fact problems, provenance

  private static void checkFactProblems(Report report, List<Object> expected, List<String> problems) {
    List<String> want = new ArrayList<>();
    for (Object e : expected) {
      Map<String, Object> p = FactsFile.map(e, "fact-problems");
      FactsFile.only(p, "fact-problems", Set.of("kind", "index", "field"));
      want.add(p.get("kind") + "[" + p.get("index") + "]." + p.get("field"));
    }
    List<String> actual = new ArrayList<>();
    for (FactProblem p : report.factProblems()) {
      actual.add(p.kind() + "[" + p.index() + "]." + p.field());
    }
    List<String> sortedWant = want.stream().sorted().toList();
    List<String> sortedActual = actual.stream().sorted().toList();
    if (!sortedWant.equals(sortedActual)) {
      problems.add("fact problems: expected " + sortedWant + ", actual " + sortedActual + " — "
          + report.factProblems().stream().map(FactProblem::message).toList());
    }
  }

  /** A provenance entry as compared: its keys in a fixed order, values as text. */
  private static String describe(Map<String, Object> entry) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(entry);
    copy.putIfAbsent("pinned", false);
    StringBuilder text = new StringBuilder(copy.get("id") + "@" + copy.get("version"));
    if (Boolean.TRUE.equals(copy.get("pinned"))) {
      text.append(" pinned");
    }
    for (String key : List.of("period", "reference-date", "choice", "layers")) {
      if (copy.containsKey(key)) {
        text.append(' ').append(key).append('=').append(copy.get(key));
      }
    }
    return text.toString();
  }

  private static void checkProvenance(Report report, Map<String, Object> expected, List<String> problems) {
    FactsFile.only(expected, "provenance", Set.of("packs", "decision-date", "notes"));
    if (expected.containsKey("decision-date")
        && !String.valueOf(expected.get("decision-date")).equals(String.valueOf(report.provenance().decisionDate()))) {
      problems.add("provenance decision date: expected " + expected.get("decision-date") + ", actual "
          + report.provenance().decisionDate());
    }
    if (expected.containsKey("notes")) {
      List<Object> notes = FactsFile.list(expected.get("notes"), "provenance.notes");
      List<String> actualNotes = report.provenance().notes().stream().map(n -> n.in(vn.conduct.rules.api.Language.EN))
          .toList();
      boolean all = notes.size() == actualNotes.size();
      for (int i = 0; all && i < notes.size(); i++) {
        all = actualNotes.get(i).contains(String.valueOf(notes.get(i)));
      }
      if (!all) {
        problems.add("provenance notes: expected fragments " + notes + ", actual " + actualNotes);
      }
    }
    // Every key given for a pack is compared; period, reference date and choice are optional.
    List<String> want = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    List<Map<String, Object>> wanted = new ArrayList<>();
    for (Object e : FactsFile.list(expected.get("packs"), "provenance.packs")) {
      Map<String, Object> p = FactsFile.map(e, "provenance.packs");
      FactsFile.only(p, "provenance.packs", Set.of("id", "version", "pinned", "period", "reference-date", "choice",
          "layers"));
      wanted.add(p);
      want.add(describe(p));
    }
    for (PackUse use : report.provenance().packs()) {
      Map<String, Object> shown = new java.util.LinkedHashMap<>();
      shown.put("id", use.packId());
      shown.put("version", use.version());
      shown.put("pinned", use.pinned());
      shown.put("period", use.period().toString());
      shown.put("reference-date", use.referenceDate().toString());
      shown.put("choice", use.choice().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      shown.put("layers", use.layers().stream().map(l -> l.packId() + "@" + l.version()).toList());
      Map<String, Object> match = wanted.stream().filter(w -> String.valueOf(w.get("id")).equals(use.packId()))
          .findFirst().orElse(Map.of("id", use.packId(), "version", use.version(), "pinned", false));
      Map<String, Object> compared = new java.util.LinkedHashMap<>();
      for (String key : match.keySet()) {
        compared.put(key, shown.get(key));
      }
      if (!match.containsKey("pinned")) {
        compared.put("pinned", use.pinned());
      }
      actual.add(describe(compared));
    }
    // The format does not order the provenance: compare as sorted lists.
    if (!want.stream().sorted().toList().equals(actual.stream().sorted().toList())) {
      problems.add("provenance packs: expected " + want + ", actual " + actual);
    }
  }
}
