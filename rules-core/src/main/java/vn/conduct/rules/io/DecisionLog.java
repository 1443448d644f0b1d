package vn.conduct.rules.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.Waiver;

/**
 * A decision log that replays (specs/decision-log.md): one JSON line per evaluation — the time, the
 * engine version, the packs and their layers with digests, the waivers and decisions applied, and SHA-256 digests of
 * the input facts and of the report — and the check that a logged evaluation, run again on the inputs
 * the host kept, gives the same report byte for byte, naming what differs when it does not.
 *
 * <pre>{@code
 * Report report = engine.evaluate(request);
 * Files.writeString(log, DecisionLog.line(request, report, Instant.now(), false) + "\n", APPEND, CREATE);
 * // later
 * DecisionLog.Replay replay = DecisionLog.replay(lastLine, engine, request);
 * replay.reproduced();    // false if a pack, a fact, a waiver or a decision changed; replay.differences() names it
 * }</pre>
 *
 * <p>The facts digest is over a canonical JSON form of the request (keys sorted, dates as ISO text):
 * the same request read from the same file gives the same digest. The report digest is over
 * {@link ReportJson}'s default output (format 2). Thread-safe; nothing is kept between calls.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class DecisionLog {

  /** The version of the log line's format. */
  public static final int FORMAT = 1;

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private DecisionLog() {
  }

  /**
   * The log line of one evaluation (one line of JSON, no line break at the end).
   *
   * @param request the request evaluated
   * @param report its report
   * @param time when it was evaluated
   * @param embedFacts whether the line also holds the facts themselves (then a replay names the fact
   *     that differs, not only that some did)
   */
  public static String line(EvaluationRequest request, Report report, Instant time, boolean embedFacts) {
    return line(request, report, null, time, embedFacts);
  }

  /**
   * The log line of one evaluation whose report was exported pseudonymised (decision-log.md, section 5):
   * besides the digest of the report itself, the line records how the export was masked — the key (the
   * host's, by its {@link Pseudonyms#keyId() key id}, or one drawn for that run), whether names were kept —
   * and the digest of the masked report, so that a replay given the host's key checks the export byte for
   * byte too.
   *
   * @param report the report the engine returned (not the masked copy)
   * @param exported the pseudonyms the exported report was masked with, or {@code null} if it was not
   * @throws IllegalArgumentException if {@code report} is a masked copy
   * @since 0.3
   */
  public static String line(EvaluationRequest request, Report report, Pseudonyms exported, Instant time,
      boolean embedFacts) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(time, "time");
    if (report.privacy().isPresent()) {
      throw new IllegalArgumentException("a decision log records the report the engine returned, not a masked copy"
          + " [Hint: log the engine's report and pass the pseudonyms it was exported with]");
    }
    ObjectNode line = CANONICAL.createObjectNode();
    line.put("log-format", FORMAT);
    line.put("time", time.toString());
    line.put("engine", report.provenance().engineVersion());
    line.put("decision-date", report.provenance().decisionDate().toString());
    line.put("period", report.provenance().period().toString());
    ArrayNode packs = line.putArray("packs");
    for (PackUse use : report.provenance().packs()) {
      ObjectNode pack = packs.addObject().put("id", use.packId()).put("version", use.version())
          .put("digest", use.digest());
      if (!use.layers().isEmpty()) {
        ArrayNode layers = pack.putArray("layers");
        use.layers().forEach(l -> layers.addObject().put("id", l.packId()).put("version", l.version())
            .put("digest", l.digest()));
      }
    }
    ArrayNode waivers = line.putArray("waivers");
    request.waivers().forEach(w -> waivers.add(entry(w.id(), sha256(canonical(waiver(w))))));
    if (!request.decisions().isEmpty()) {
      ArrayNode decisions = line.putArray("decisions");
      request.decisions().forEach(d -> decisions.add(entry(d.id(), sha256(canonical(decision(d))))));
    }
    line.put("facts-digest", digest(request));
    line.put("report-digest", digest(report));
    if (exported != null) {
      ObjectNode export = line.putObject("export");
      export.put("key", exported.randomKey() ? "random" : "host");
      if (!exported.randomKey()) {
        export.put("key-id", exported.keyId());
      }
      export.put("names", exported.namesKept() ? "kept" : "left-out");
      export.put("digest", digest(exported.apply(report)));
    }
    if (embedFacts) {
      line.set("facts", facts(request));
    }
    try {
      return CANONICAL.writeValueAsString(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code sha256:<hex>} of the request's canonical form: dates, period, packs, pins, facts and waivers. */
  public static String digest(EvaluationRequest request) {
    return sha256(canonical(facts(request)));
  }

  /** {@code sha256:<hex>} of the report as {@link ReportJson} writes it by default. */
  public static String digest(Report report) {
    return sha256(new ReportJson().write(report).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Evaluates the request again and checks it against a logged line: the packs the engine holds for the
   * logged versions (and their layers), the waivers, the facts and finally the report, each by digest.
   *
   * @param line a line {@link #line} wrote
   * @param engine an engine holding the logged pack versions
   * @param request the inputs the host kept for that evaluation
   * @throws IllegalArgumentException if the line is not a decision log line
   */
  public static Replay replay(String line, RulesEngine engine, EvaluationRequest request) {
    return replay(line, engine, request, null);
  }

  /**
   * As {@link #replay(String, RulesEngine, EvaluationRequest)}, and when the line records a pseudonymised
   * export (decision-log.md, section 5) checks it too: under the host's key given here, the masked report
   * must have the logged digest (a key with another key id is a difference, named as such). An export
   * masked under a key drawn for its run cannot be reproduced: the replay checks the report before masking
   * and says so in {@link Replay#notes()}; so it does when the host's key is not given.
   *
   * @param key the host's pseudonym key the report was exported with, or {@code null}; whether names were
   *     kept is read from the line
   * @since 0.3
   */
  public static Replay replay(String line, RulesEngine engine, EvaluationRequest request, Pseudonyms key) {
    JsonNode logged;
    try {
      logged = CANONICAL.readTree(Objects.requireNonNull(line, "line"));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a decision log line: " + SafeText.line(e.getMessage()), e);
    }
    if (logged == null || !logged.isObject() || logged.path("log-format").asInt() != FORMAT) {
      throw new IllegalArgumentException("not a decision log line of format " + FORMAT + " [Hint: give one line the"
          + " log holds, as DecisionLog.line wrote it]");
    }
    List<String> differences = new ArrayList<>();
    for (JsonNode pack : logged.path("packs")) {
      String id = pack.path("id").asText();
      String version = pack.path("version").asText();
      RulePackInfo held = engine.packs().stream().filter(p -> p.id().equals(id) && p.version().equals(version))
          .findFirst().orElse(null);
      if (held == null) {
        differences.add("pack " + id + " " + version + " is not loaded");
      } else if (!held.digest().equals(pack.path("digest").asText())) {
        differences.add("pack " + id + " " + version + " differs: digest " + held.digest() + ", logged "
            + pack.path("digest").asText() + " (a file of the pack, or of a layer, was changed)");
      }
    }
    List<String> waivers = new ArrayList<>();
    List<String> waiversAsBefore = new ArrayList<>(); // lines logged with the ids as written (before 0.3)
    request.waivers().forEach(w -> {
      waivers.add(entry(w.id(), sha256(canonical(waiver(w)))));
      waiversAsBefore.add(w.id() + ":" + sha256(canonical(waiver(w))));
    });
    List<String> loggedWaivers = new ArrayList<>();
    logged.path("waivers").forEach(w -> loggedWaivers.add(w.asText()));
    int beforeSideFiles = differences.size();
    if (!waivers.equals(loggedWaivers) && !waiversAsBefore.equals(loggedWaivers)) {
      differences.add("the waivers differ: " + waivers + ", logged " + loggedWaivers);
    }
    differences.addAll(decisionDifferences(request, logged.path("decisions")));
    boolean sideFilesDiffer = differences.size() > beforeSideFiles;
    String facts = digest(request);
    if (!facts.equals(logged.path("facts-digest").asText())) {
      JsonNode loggedFacts = logged.get("facts");
      ObjectNode given = facts(request);
      if (loggedFacts instanceof ObjectNode held) {
        // the digest covers the waivers and decisions too: blame the facts only when they differ themselves
        ObjectNode heldFacts = held.deepCopy();
        ObjectNode givenFacts = given.deepCopy();
        for (String side : List.of("waivers", "decisions")) {
          heldFacts.remove(side);
          givenFacts.remove(side);
        }
        if (!heldFacts.equals(givenFacts)) {
          differences.add("the facts differ: digest " + facts + ", logged " + logged.path("facts-digest").asText()
              + firstDifference(heldFacts, givenFacts));
        }
      } else if (sideFilesDiffer) {
        differences.add("the request's digest differs (" + facts + ", logged " + logged.path("facts-digest").asText()
            + "), as the waivers or decisions above change it; whether the facts differ too cannot be told: the"
            + " line does not hold them");
      } else {
        differences.add("the facts differ: digest " + facts + ", logged " + logged.path("facts-digest").asText()
            + firstDifference(loggedFacts, given));
      }
    }
    Report report;
    try {
      report = engine.evaluate(request);
    } catch (RuntimeException e) {
      differences.add("the evaluation failed: " + SafeText.line(String.valueOf(e.getMessage())));
      return new Replay(false, differences, List.of(), null);
    }
    Map<String, String> used = new TreeMap<>();
    report.provenance().packs().forEach(u -> used.put(u.packId(), u.version()));
    Map<String, String> loggedUse = new TreeMap<>();
    logged.path("packs").forEach(p -> loggedUse.put(p.path("id").asText(), p.path("version").asText()));
    if (!used.equals(loggedUse)) {
      differences.add("the pack versions used differ: " + used + ", logged " + loggedUse
          + " (another version is in force, or a pack was added or removed)");
    }
    String reportDigest = digest(report);
    if (!reportDigest.equals(logged.path("report-digest").asText())) {
      differences.add("the report differs: digest " + reportDigest + ", logged " + logged.path("report-digest").asText());
    }
    List<String> notes = new ArrayList<>();
    export(logged.get("export"), key, report, differences, notes);
    return new Replay(differences.isEmpty(), differences, notes, report);
  }

  /** Checks a pseudonymised export (section 5): its key, then the masked report's digest; or says why it cannot. */
  private static void export(JsonNode export, Pseudonyms key, Report report, List<String> differences,
      List<String> notes) {
    if (export == null || !export.isObject()) {
      if (key != null) {
        notes.add("the line records no pseudonymised export: the pseudonym key was not needed");
      }
      return;
    }
    String loggedDigest = export.path("digest").asText();
    if ("random".equals(export.path("key").asText())) {
      notes.add("the export was pseudonymised under a key drawn for that run and not kept: its pseudonyms cannot be"
          + " reproduced, so the report before masking was checked (report-digest), not the masked one (" + loggedDigest
          + ")");
      return;
    }
    String keyId = export.path("key-id").asText();
    if (key == null) {
      notes.add("the export was pseudonymised under the host's key " + keyId + ": the report before masking was"
          + " checked; give that key to check the masked report (" + loggedDigest + ") too");
      return;
    }
    if (!key.keyId().equals(keyId)) {
      differences.add("the pseudonym key differs: key id " + key.keyId() + ", logged " + keyId
          + " (give the key the report was exported with)");
      return;
    }
    Pseudonyms used = "kept".equals(export.path("names").asText()) ? key.keepingNames() : key;
    String masked = digest(used.apply(report));
    if (!masked.equals(loggedDigest)) {
      differences.add("the pseudonymised report differs: digest " + masked + ", logged " + loggedDigest);
    }
  }

  /**
   * The result of a replay: whether the report was reproduced byte for byte, and every difference found
   * (packs, waivers, facts, report), in that order.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Replay {
    private final boolean reproduced;
    private final List<String> differences;
    private final List<String> notes;
    private final Report report;

    private Replay(boolean reproduced, List<String> differences, List<String> notes, Report report) {
      this.reproduced = reproduced;
      this.differences = List.copyOf(differences);
      this.notes = List.copyOf(notes);
      this.report = report;
    }

    /**
     * What the replay could not check, in words: a pseudonymised export whose key was drawn for its run, or
     * whose key was not given (decision-log.md, section 5). Empty when everything logged was checked.
     *
     * @since 0.3
     */
    public List<String> notes() {
      return notes;
    }

    /**
     * Whether the evaluation gave the logged report, byte for byte, from the logged packs and waivers (and,
     * when the line records an export pseudonymised under the host's key and the key was given, the logged
     * masked report too).
     */
    public boolean reproduced() {
      return reproduced;
    }

    /** What differs, each in words naming the pack, waiver, fact or report; empty when reproduced. */
    public List<String> differences() {
      return differences;
    }

    /** The report of the replay; empty if the evaluation failed. */
    public java.util.Optional<Report> report() {
      return java.util.Optional.ofNullable(report);
    }

    @Override
    public String toString() {
      return reproduced ? "Replay[reproduced]" : "Replay[differs: " + differences + "]";
    }
  }

  /** The request as a canonical JSON tree. */
  private static ObjectNode facts(EvaluationRequest request) {
    ObjectNode node = CANONICAL.createObjectNode();
    node.put("decision-date", request.decisionDate().toString());
    node.put("period", request.period().toString());
    node.put("period-given", request.periodGiven());
    node.set("packs", CANONICAL.valueToTree(request.packIds()));
    node.set("pins", CANONICAL.valueToTree(new TreeMap<>(request.pinnedVersions())));
    node.set("subjects", CANONICAL.valueToTree(request.subjects()));
    ArrayNode observations = CANONICAL.valueToTree(request.observations());
    for (int i = 0; i < observations.size(); i++) {
      vn.conduct.rules.api.Observation o = request.observations().get(i);
      evidence((ObjectNode) observations.get(i), o.evidence(), new vn.conduct.rules.api.Evidence(
          o.observedBy() == null ? null : new vn.conduct.rules.api.Evidence.Recorder(o.observedBy(), null),
          o.recordedOn(), o.method(), List.of()));
    }
    node.set("observations", observations);
    ArrayNode events = CANONICAL.valueToTree(request.events());
    for (int i = 0; i < events.size(); i++) {
      vn.conduct.rules.api.Event e = request.events().get(i);
      evidence((ObjectNode) events.get(i), e.evidence(),
          new vn.conduct.rules.api.Evidence(null, e.recordedOn(), null, List.of()));
    }
    node.set("events", events);
    ArrayNode waivers = node.putArray("waivers");
    request.waivers().forEach(w -> waivers.add(waiver(w)));
    if (!request.decisions().isEmpty()) { // absent without decisions: digests of earlier logs stay valid
      ArrayNode decisions = node.putArray("decisions");
      request.decisions().forEach(d -> decisions.add(decision(d)));
    }
    return node;
  }

  /**
   * A fact's {@code evidence} in the canonical form (section 3): left out when it says no more than the
   * fact's own {@code observed-by}, {@code method} and {@code recorded-on} (so that lines logged before
   * evidence existed still replay), else kept without members derived from the others ({@code empty}).
   */
  private static void evidence(ObjectNode fact, vn.conduct.rules.api.Evidence evidence,
      vn.conduct.rules.api.Evidence fromOwnFields) {
    if (evidence == null || evidence.isEmpty() || evidence.equals(fromOwnFields)) {
      fact.remove("evidence");
    } else if (fact.get("evidence") instanceof ObjectNode given) {
      given.remove("empty");
    }
  }

  /** A decision's canonical form: every member that changes what it does or says. */
  private static ObjectNode decision(vn.conduct.rules.api.Decision d) {
    ObjectNode node = CANONICAL.createObjectNode();
    node.put("id", d.id()).put("kind", d.kind().name()).put("subject", d.subjectId()).put("target", d.targetText());
    node.put("period", d.period().toString()).put("date", d.date().toString());
    node.put("by-id", d.by().id()).put("by-name", String.valueOf(d.by().name())).put("by-role", d.by().role());
    node.set("reason", CANONICAL.valueToTree(Map.of("vi", String.valueOf(d.reason().vi()),
        "en", String.valueOf(d.reason().en()))));
    d.outcome().ifPresent(o -> node.put("outcome", o.name()));
    d.points().ifPresent(p -> node.put("points", p.stripTrailingZeros().toPlainString()));
    d.adjustment().ifPresent(a -> node.put("adjustment", a.stripTrailingZeros().toPlainString()));
    return node;
  }

  /**
   * The decisions given to a replay against the logged ones (id and digest each), each difference naming
   * the decision: changed since the evaluation, not given, or not logged.
   */
  private static List<String> decisionDifferences(EvaluationRequest request, JsonNode logged) {
    Map<String, String> given = new java.util.LinkedHashMap<>();
    Map<String, String> idOf = new java.util.HashMap<>(); // the digest of an id → the id as given, to name it
    request.decisions().forEach(d -> {
      given.put(d.id(), sha256(canonical(decision(d))));
      idOf.put(idDigest(d.id()), d.id());
    });
    Map<String, String> was = new java.util.LinkedHashMap<>();
    logged.forEach(entry -> {
      String text = entry.asText();
      // sha256:<hex of the id>:sha256:<hex>, or <id>:sha256:<hex> as lines logged before 0.3 wrote it
      int split = text.startsWith("sha256:") ? text.indexOf(':', "sha256:".length()) : text.indexOf(':');
      String id = split < 0 ? text : text.substring(0, split);
      was.put(idOf.getOrDefault(id, id), split < 0 ? "" : text.substring(split + 1));
    });
    List<String> differences = new ArrayList<>();
    was.forEach((id, digest) -> {
      String now = given.get(id);
      if (now == null) {
        differences.add("decision " + SafeText.line(id) + " was applied by the evaluation but not given to the replay"
            + (id.startsWith("sha256:") ? " (the line holds the digest of its id, not the id)" : ""));
      } else if (!now.equals(digest)) {
        differences.add("decision " + SafeText.line(id) + " was changed since the evaluation: digest " + now
            + ", logged " + digest + " (its outcome, points, signer, dates or reason differ)");
      }
    });
    given.keySet().stream().filter(id -> !was.containsKey(id)).forEach(id -> differences.add("decision "
        + SafeText.line(id) + " was given to the replay but not logged: the evaluation did not apply it"));
    return differences;
  }

  /**
   * A waiver or decision as the line records it (section 2): the digest of its id, then the digest of its
   * canonical form. Ids may name people ({@code w-2025-06-cb-013-late}); the line holds none of them.
   */
  private static String entry(String id, String digest) {
    return idDigest(id) + ":" + digest;
  }

  private static String idDigest(String id) {
    return sha256(id.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode waiver(Waiver w) {
    ObjectNode node = CANONICAL.createObjectNode();
    node.put("id", w.id()).put("pack", w.packId()).put("scope", w.scopeText());
    node.set("subject-ids", CANONICAL.valueToTree(w.subjectIds()));
    node.set("subject-types", CANONICAL.valueToTree(w.subjectTypes()));
    node.set("units", CANONICAL.valueToTree(w.units()));
    node.set("attributes", CANONICAL.valueToTree(new TreeMap<>(w.attributes())));
    node.put("approver", w.approver().label()).put("risk", w.risk().name());
    node.put("start", w.start().toString()).put("expiry", w.expiry().toString());
    node.set("justification", CANONICAL.valueToTree(Map.of("vi", String.valueOf(w.justification().vi()),
        "en", String.valueOf(w.justification().en()))));
    return node;
  }

  /** Where two canonical fact trees first differ, as {@code ": observations[12] is …, logged …"}. */
  private static String firstDifference(JsonNode logged, JsonNode given) {
    if (logged == null) {
      return " [Hint: log with the facts embedded to have the fact that differs named]";
    }
    for (Iterator<String> keys = given.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      JsonNode a = logged.get(key);
      JsonNode b = given.get(key);
      // compared as text: a number read back from the log (4) and one the host gave (4.0, a long) are one value
      if (a == null || !text(a).equals(text(b))) {
        if (a != null && a.isArray() && b.isArray()) {
          for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size() || !text(a.get(i)).equals(text(b.get(i)))) {
              return ": " + key + "[" + i + "] is " + shown(b.get(i)) + ", logged " + shown(a.get(i));
            }
          }
        }
        return ": " + key + " is " + shown(b) + ", logged " + shown(a);
      }
    }
    return "";
  }

  /** A node's canonical text (numbers plain: {@code 20}, not {@code 2E+1}). */
  private static String text(JsonNode node) {
    return new String(canonical(node), StandardCharsets.UTF_8);
  }

  private static String shown(JsonNode node) {
    String text = node == null ? "absent" : text(node);
    return SafeText.line(text.length() <= 300 ? text : text.substring(0, 300) + "…");
  }

  private static byte[] canonical(JsonNode node) {
    try {
      return CANONICAL.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
