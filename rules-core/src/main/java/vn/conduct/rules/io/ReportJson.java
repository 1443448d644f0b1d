package vn.conduct.rules.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Citation;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.ItemScore;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RollUp;
import vn.conduct.rules.api.RuleRef;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.SubjectResult;

/**
 * Writes a {@link Report} as JSON, in the shape described in {@code specs/report-format.md}.
 *
 * <p>The output is deterministic: fields always come in the same order, lists in the report's
 * order, objects keyed by rating or rule id in the report's order. Numbers are plain decimals
 * without trailing zeros ({@code 85.5}, {@code 100}, never {@code 1E+2}); dates are ISO
 * ({@code 2025-06-30}); absent values are {@code null}, never left out. Text is UTF-8 and not
 * escaped beyond what JSON requires.
 *
 * <p>Format 2 (the default) writes every human-readable text once, in both languages
 * ({@code {"vi": …, "en": …}}), describes each rule and checklist once at the top and refers to
 * them by id from findings and scores, writes each rule's distinct reasons once with the rule
 * (without the citation the rule states) and refers to them by index from findings, and states the
 * period judged, the decision date and why each pack version was used. Format 1 ({@link #withFormat withFormat(1)}) writes each text twice,
 * as a string in the writer's language and as {@code <name>-localized}, and repeats each rule's
 * title and citation in every finding.
 *
 * <p>Instances are immutable and thread-safe; the {@code with…} methods return a new writer.
 *
 * <pre>{@code
 * String json = new ReportJson().withLanguage(Language.EN).write(report);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportJson {

  /** The report format this class writes by default, given as {@code format} in the output. */
  public static final int FORMAT = 2;

  /** What the engine puts between a finding's reason and its citation text. */
  private static final String CITATION_SEPARATOR = " — ";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  /**
   * JSON escapes control characters already; these are also written as JSON escapes (backslash u), so that a
   * report shown raw (a terminal, a log) cannot be reordered or split by the characters it carries:
   * C1 controls, the Unicode line and paragraph separators, and bidirectional overrides and isolates.
   * The data stays exact.
   */
  private static final com.fasterxml.jackson.core.io.CharacterEscapes INVISIBLES =
      new com.fasterxml.jackson.core.io.CharacterEscapes() {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
          return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
          boolean invisible = (ch >= 0x7F && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029
              || (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069)
              || ch == 0x200E || ch == 0x200F || ch == 0x061C;
          return invisible ? new com.fasterxml.jackson.core.io.SerializedString(
              String.format(java.util.Locale.ROOT, "\\u%04X", ch)) : null;
        }
      };

  private final Language language;
  private final Function<FactProblem, Optional<String>> locator;
  private final int format;
  private final java.util.List<ChecklistInfo> checklists;
  private final Pseudonyms pseudonyms;

  /** Creates a writer of report format 2 (texts in both languages, rules listed once). */
  public ReportJson() {
    this(Language.VI, null, FORMAT, null, null);
  }

  private ReportJson(Language language, Function<FactProblem, Optional<String>> locator, int format,
      java.util.List<ChecklistInfo> checklists, Pseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
    this.language = language;
    this.locator = locator;
    this.format = format;
    this.checklists = checklists;
  }

  /**
   * Returns a writer whose single-language texts are in the language a locale reads: Vietnamese for
   * a Vietnamese locale, English for every other ({@link Language#of(java.util.Locale)}).
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public ReportJson withLocale(java.util.Locale locale) {
    return withLanguage(Language.of(locale));
  }

  /**
   * Returns a writer whose single-language texts ({@code reason}, {@code title}, …) are in the
   * given language. Only format 1 has single-language texts; format 2 writes every text in both
   * languages, and this only orders nothing.
   */
  public ReportJson withLanguage(Language value) {
    return new ReportJson(Objects.requireNonNull(value, "language"), locator, format, checklists, pseudonyms);
  }

  /**
   * Returns a writer of the given report format: {@code 2} (the default) or {@code 1}, for
   * consumers written for rules-core 0.1 (specs/report-format.md, section 13).
   *
   * @throws IllegalArgumentException for any other format
   * @since 0.2
   */
  public ReportJson withFormat(int value) {
    if (value != 1 && value != 2) {
      throw new IllegalArgumentException("report format " + value + " does not exist [Hint: write 1 or 2]");
    }
    return new ReportJson(language, locator, value, checklists, pseudonyms);
  }

  /**
   * Returns a writer that also states, in format 2, each described checklist's quotas with their
   * grouping, base and tie policy ({@code quotas}), from the engine's
   * {@link vn.conduct.rules.api.RulesEngine#checklists()}. Without it the report has no
   * {@code quotas}: a report alone does not carry a checklist's terms.
   *
   * @param value the checklists of the engine that made the report; copied
   * @since 0.2
   */
  public ReportJson withChecklists(java.util.List<ChecklistInfo> value) {
    return new ReportJson(language, locator, format, java.util.List.copyOf(value), pseudonyms);
  }

  /** The report format this writer writes. @since 0.2 */
  public int format() {
    return format;
  }

  /**
   * Returns a writer that adds a {@code location} ({@code file:line:column}) to each fact problem,
   * e.g. {@code withFactLocator(factsFile::locate)}.
   *
   * @param value finds where a fact was written; {@code null} for no locations
   */
  public ReportJson withFactLocator(Function<FactProblem, Optional<String>> value) {
    return new ReportJson(language, value, format, checklists, pseudonyms);
  }

  /**
   * Returns a writer that pseudonymises what the report's packs mark as personal data: it writes
   * {@link Pseudonyms#apply value.apply(report)} (report-format.md, section 14.1), with its {@code privacy}
   * member saying what was masked and how. A report masked already is written as it is; so is one whose
   * packs mark nothing personal, with a {@code privacy} member saying so.
   *
   * @since 0.3
   */
  public ReportJson withPseudonyms(Pseudonyms value) {
    return new ReportJson(language, locator, format, checklists, Objects.requireNonNull(value, "pseudonyms"));
  }

  /** The language of the single-language texts. */
  public Language language() {
    return language;
  }

  /** Writes the report as pretty-printed JSON, ending with a newline. */
  public String write(Report report) {
    StringWriter out = new StringWriter();
    try {
      write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the report as pretty-printed UTF-8 JSON, ending with a newline. The stream is flushed,
   * not closed.
   *
   * @throws IOException if the stream fails
   */
  public void write(Report report, OutputStream out) throws IOException {
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out).setCharacterEscapes(INVISIBLES)) {
      write(report, generator);
    }
    out.write('\n');
    out.flush();
  }

  /**
   * Writes the report as pretty-printed JSON, ending with a newline. The writer is flushed, not
   * closed.
   *
   * @throws IOException if the writer fails
   */
  public void write(Report report, Writer out) throws IOException {
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out).setCharacterEscapes(INVISIBLES)) {
      write(report, generator);
    }
    out.write('\n');
    out.flush();
  }

  private void write(Report report, JsonGenerator generator) throws IOException {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    generator.setPrettyPrinter(printer);
    MAPPER.writeTree(generator, tree(report));
  }

  /** The report as a JSON tree (no Jackson type is part of the public API: hosts read the text). */
  private ObjectNode tree(Report report) {
    Objects.requireNonNull(report, "report");
    Report written = pseudonyms == null ? report : pseudonyms.apply(report);
    ObjectNode tree = format == 1 ? formatOne(written) : formatTwo(written);
    written.privacy().ifPresent(privacy -> tree.set("privacy", privacy(privacy)));
    return tree;
  }

  /** What a pseudonymised report masked and how (report-format.md, section 14.1). */
  private static ObjectNode privacy(vn.conduct.rules.api.Privacy privacy) {
    ObjectNode node = NODES.objectNode();
    node.put("method", vn.conduct.rules.api.Privacy.METHOD + " pseudonyms, p- and 20 hexadecimal digits");
    node.put("key", privacy.randomKey() ? "random, drawn for this report: its pseudonyms match no other"
        : "the host's: the same value has the same pseudonym in every report written with it");
    ArrayNode types = node.putArray("subject-types");
    privacy.masked().subjectTypes().forEach(types::add);
    ObjectNode attributes = node.putObject("attributes");
    privacy.masked().attributes().forEach((type, names) -> {
      ArrayNode list = attributes.putArray(type);
      names.forEach(list::add);
    });
    node.put("names", privacy.namesKept() ? "kept, as the caller asked" : "left out");
    node.put("masked-values", privacy.maskedValues());
    return node;
  }

  // --- format 2 -----------------------------------------------------------------------------------

  /**
   * Format 2: every text once, as {@code {"vi": …, "en": …}}; each rule and each checklist
   * described once, at the top, and referred to by id from findings and scores; the provenance
   * states both times and why each pack version was used.
   */
  private ObjectNode formatTwo(Report report) {
    ObjectNode root = NODES.objectNode();
    root.put("format", 2);
    root.set("provenance", provenanceTwo(report.provenance()));
    java.util.TreeMap<String, RuleRef> rules = new java.util.TreeMap<>();
    java.util.TreeMap<String, ChecklistScore> checklists = new java.util.TreeMap<>();
    // Each rule's distinct reasons, in order of first use; a finding refers to one by its index.
    Map<String, Map<Reason, Integer>> reasons = new java.util.HashMap<>();
    for (SubjectResult result : report.subjects()) {
      for (Finding f : result.findings()) {
        rules.putIfAbsent(f.ruleId(), f.rule());
        Map<Reason, Integer> ofRule = reasons.computeIfAbsent(f.ruleId(), id -> new java.util.LinkedHashMap<>());
        ofRule.putIfAbsent(Reason.of(f), ofRule.size());
      }
      result.scores().forEach(score -> checklists.putIfAbsent(score.packId() + "/" + score.checklistId(), score));
    }
    ObjectNode ruleNodes = root.putObject("rules");
    rules.forEach((id, rule) -> {
      ObjectNode node = ruleNodes.putObject(id);
      node.put("pack", rule.packId());
      node.put("version", rule.packVersion());
      rule.layer().ifPresent(layer -> node.put("layer", layer));
      node.put("kind", lower(rule.kind()));
      node.put("severity", lower(rule.severity()));
      node.set("title", both(rule.title()));
      node.set("citation", citationTwo(rule.citation()));
      ArrayNode texts = node.putArray("reasons");
      for (Reason reason : reasons.get(id).keySet()) {
        ObjectNode entry = texts.addObject();
        entry.set("text", both(reason.text()));
        entry.put("ends-with-citation", reason.endsWithCitation());
      }
    });
    ObjectNode checklistNodes = root.putObject("checklists");
    checklists.forEach((key, score) -> {
      ObjectNode node = checklistNodes.putObject(key);
      node.put("pack", score.packId());
      node.put("id", score.checklistId());
      node.set("title", both(score.title()));
      if (this.checklists != null) {
        ArrayNode quotas = node.putArray("quotas");
        this.checklists.stream().filter(c -> c.packId().equals(score.packId()) && c.checklistId().equals(score.checklistId()))
            .findFirst().ifPresent(c -> c.quotas().forEach(q -> quotas.add(quota(q))));
      }
    });
    ArrayNode subjects = root.putArray("subjects");
    for (SubjectResult result : report.subjects()) {
      ObjectNode node = subjects.addObject();
      node.put("id", result.subject().id());
      node.put("type", result.subject().type());
      node.put("name", result.subject().name());
      node.put("parent", result.subject().parentId());
      node.put("compliant", result.compliant());
      ObjectNode counts = node.putObject("counts");
      for (Outcome outcome : Outcome.values()) {
        counts.put(outcome.name(), result.count(outcome));
      }
      long waived = result.findings().stream().filter(f -> f.waiver().isPresent()).count();
      if (waived > 0) {
        counts.put("waived", waived);
      }
      // each fact once per subject (report-format.md 14.3); findings refer to it by index, as to reasons
      ArrayNode subjectFacts = node.putArray("facts");
      Map<vn.conduct.rules.api.FindingFact, Integer> factIndex = new java.util.HashMap<>();
      ArrayNode findings = node.putArray("findings");
      for (Finding finding : result.findings()) {
        ObjectNode entry = findings.addObject();
        entry.put("rule", finding.ruleId());
        entry.put("outcome", finding.outcome().name());
        entry.put("reason", reasons.get(finding.ruleId()).get(Reason.of(finding)));
        finding.waiver().ifPresent(waiver -> entry.set("waiver", waiver(waiver)));
        if (!finding.decisions().isEmpty()) {
          entry.put("original-outcome", finding.originalOutcome().name());
          entry.set("decisions", decisions(finding.decisions()));
          entry.put("contest-pending", finding.contestPending());
        }
        if (!finding.facts().isEmpty()) {
          ArrayNode facts = entry.putArray("facts");
          for (vn.conduct.rules.api.FindingFact fact : finding.facts()) {
            vn.conduct.rules.api.FindingFact key = new vn.conduct.rules.api.FindingFact(fact.kind(), fact.subjectId(),
                fact.name(), fact.eventId(), fact.value(), fact.date(), fact.verified(), fact.evidence(),
                vn.conduct.rules.api.FindingFact.Use.USED);
            Integer index = factIndex.get(key);
            if (index == null) {
              index = subjectFacts.size();
              factIndex.put(key, index);
              subjectFacts.add(fact(fact, result.subject().id()));
            }
            ObjectNode use = facts.addObject();
            use.put("fact", index);
            if (!fact.used()) {
              use.put("use", fact.use().key());
            }
          }
        }
      }
      if (subjectFacts.isEmpty()) {
        node.remove("facts");
      }
      ArrayNode scores = node.putArray("scores");
      for (ChecklistScore score : result.scores()) {
        ObjectNode entry = scoreTwo(score);
        scores.add(entry);
      }
      ArrayNode rollUps = node.putArray("roll-ups");
      result.rollUps().forEach(rollUp -> rollUps.add(rollUp(rollUp)));
    }
    ArrayNode rankings = root.putArray("rankings");
    report.rankings().forEach(ranking -> rankings.add(ranking(ranking)));
    ArrayNode problems = root.putArray("fact-problems");
    report.factProblems().forEach(problem -> problems.add(factProblem(problem)));
    return root;
  }

  /**
   * A finding's reason as format 2 writes it in its rule's {@code reasons}: without the trailing
   * {@code " — "} and citation text when the reason ends with them in both languages (the engine's
   * reasons do), whole otherwise.
   */
  private record Reason(LocalizedText text, boolean endsWithCitation) {

    static Reason of(Finding finding) {
      LocalizedText reason = finding.reason();
      Citation citation = finding.rule().citation();
      String vi = blankToNull(reason.vi());
      String en = blankToNull(reason.en());
      String viEnd = CITATION_SEPARATOR + citation.render(Language.VI);
      String enEnd = CITATION_SEPARATOR + citation.render(Language.EN);
      if (vi != null && en != null && vi.endsWith(viEnd) && en.endsWith(enEnd)) {
        return new Reason(LocalizedText.of(vi.substring(0, vi.length() - viEnd.length()),
            en.substring(0, en.length() - enEnd.length())), true);
      }
      return new Reason(LocalizedText.of(vi, en), false);
    }
  }

  /** A quota's terms: band, share, base, grouping (empty: the parent unit), tie policy, override. */
  private static ObjectNode quota(ChecklistInfo.Quota quota) {
    ObjectNode node = NODES.objectNode();
    node.put("band", quota.band());
    putNumber(node, "max-percent", quota.maxPercent());
    node.put("of", quota.ofBand());
    ArrayNode groupBy = node.putArray("group-by");
    for (ChecklistInfo.GroupKey key : quota.groupBy()) {
      groupBy.addObject().put(switch (key.kind()) {
        case ANCESTOR -> "ancestor";
        case ATTRIBUTE -> "attribute";
      }, key.name());
    }
    node.put("base", quota.baseCondition());
    node.put("ties", switch (quota.ties()) {
      case LOWER_ALL -> "lower-all";
      case KEEP_ALL -> "keep-all";
    });
    if (quota.overridden()) {
      ObjectNode override = node.putObject("override");
      override.put("when", quota.overrideCondition());
      putNumber(override, "max-percent", quota.overrideMaxPercent());
    } else {
      node.putNull("override");
    }
    return node;
  }

  private ObjectNode provenanceTwo(Provenance provenance) {
    ObjectNode node = NODES.objectNode();
    node.put("engine", provenance.engineVersion());
    putDate(node, "decision-date", provenance.decisionDate());
    node.set("period", periodTwo(provenance.period()));
    node.put("period-given", provenance.periodGiven());
    ArrayNode packs = node.putArray("packs");
    for (PackUse use : provenance.packs()) {
      ObjectNode pack = packs.addObject();
      pack.put("id", use.packId());
      pack.put("version", use.version());
      pack.put("digest", use.digest());
      if (!use.layers().isEmpty()) {
        ArrayNode layers = pack.putArray("layers");
        use.layers().forEach(layer -> layers.addObject().put("id", layer.packId()).put("version", layer.version())
            .put("digest", layer.digest()));
      }
      pack.put("pinned", use.pinned());
      pack.put("choice", lower(use.choice()));
      pack.set("period", periodTwo(use.period()));
      putDate(pack, "reference-date", use.referenceDate());
      pack.set("reason", both(use.reason()));
    }
    ArrayNode notes = node.putArray("notes");
    provenance.notes().forEach(note -> notes.add(both(note)));
    return node;
  }

  private static ObjectNode periodTwo(Period period) {
    ObjectNode node = period(period);
    node.put("text", period.toString());
    return node;
  }

  private ObjectNode citationTwo(Citation citation) {
    ObjectNode node = NODES.objectNode();
    node.put("document", citation.documentId());
    node.put("number", citation.documentNumber());
    node.put("article", citation.article());
    node.put("clause", citation.clause());
    node.put("basis", lower(citation.basis()));
    node.put("note", citation.note());
    node.set("text", both(LocalizedText.of(citation.render(Language.VI), citation.render(Language.EN))));
    return node;
  }

  private ObjectNode scoreTwo(ChecklistScore score) {
    ObjectNode node = NODES.objectNode();
    node.put("checklist", score.checklistId());
    node.put("pack", score.packId());
    putNumber(node, "score", score.score());
    putNumber(node, "maximum", score.maximum());
    putNumber(node, "evidence-percent", score.evidencePercent());
    node.put("rating", score.rating());
    node.set("rating-title", both(score.ratingTitle()));
    node.put("rated", score.rated());
    ArrayNode items = node.putArray("items");
    for (ItemScore item : score.items()) {
      ObjectNode entry = items.addObject();
      entry.put("rule", item.ruleId());
      entry.put("outcome", item.outcome().name());
      putNumber(entry, "earned", item.earned());
      putNumber(entry, "available", item.available());
      entry.put("bonus", item.bonus());
    }
    ArrayNode adjustments = node.putArray("adjustments");
    for (ScoreAdjustment adjustment : score.adjustments()) {
      ObjectNode entry = adjustments.addObject();
      entry.put("kind", lower(adjustment.kind()));
      entry.put("source", adjustment.source());
      putNumber(entry, "points", adjustment.points());
      entry.put("from-rating", adjustment.fromRating());
      entry.put("to-rating", adjustment.toRating());
      entry.set("reason", both(adjustment.reason()));
    }
    if (!score.decisions().isEmpty()) {
      node.set("decisions", decisions(score.decisions()));
    }
    score.withoutWaivers().ifPresent(without -> {
      ObjectNode entry = node.putObject("without-waivers");
      putNumber(entry, "score", without.score());
      putNumber(entry, "evidence-percent", without.evidencePercent());
      entry.put("rating", without.rating());
      entry.set("rating-title", both(without.ratingTitle()));
      entry.put("rated", without.rated());
      putNumber(node, "risk-accepted", score.riskAccepted().orElseThrow());
    });
    return node;
  }

  /**
   * A history (decision-format.md, section 7): each act's id, kind, target, date, who (id, name, role),
   * reason and what an override set.
   */
  private static ArrayNode decisions(java.util.List<vn.conduct.rules.api.Decision> history) {
    ArrayNode list = NODES.arrayNode();
    for (vn.conduct.rules.api.Decision decision : history) {
      ObjectNode node = list.addObject();
      node.put("id", decision.id());
      node.put("kind", lower(decision.kind()));
      ObjectNode target = node.putObject("target");
      target.put("pack", decision.packId());
      decision.ruleId().ifPresent(rule -> target.put("rule", rule));
      decision.checklistId().ifPresent(checklist -> target.put("checklist", checklist));
      decision.itemId().ifPresent(item -> target.put("item", item));
      node.put("period", decision.period().toString());
      putDate(node, "date", decision.date());
      ObjectNode by = node.putObject("by");
      by.put("id", decision.by().id());
      by.put("name", decision.by().name());
      by.put("role", decision.by().role());
      node.set("reason", both(decision.reason()));
      decision.outcome().ifPresent(outcome -> node.put("outcome", outcome.name()));
      decision.points().ifPresent(points -> putNumber(node, "points", points));
      decision.adjustment().ifPresent(adjustment -> putNumber(node, "adjustment", adjustment));
    }
    return list;
  }

  /**
   * A fact findings rest on (report-format.md, section 14.3): its kind, subject (when it is not the
   * finding's), indicator or event type, event id, value, date and its evidence; written once per subject.
   */
  private static ObjectNode fact(vn.conduct.rules.api.FindingFact fact, String subjectId) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", fact.kind().key());
    if (!fact.subjectId().equals(subjectId)) {
      node.put("subject", fact.subjectId());
    }
    node.put(fact.kind() == vn.conduct.rules.api.FindingFact.Kind.EVENT ? "type" : "indicator", fact.name());
    if (fact.eventId() != null) {
      node.put("id", fact.eventId());
    }
    if (fact.kind() == vn.conduct.rules.api.FindingFact.Kind.OBSERVATION) {
      Object value = fact.value();
      if (value == null) {
        node.putNull("value");
      } else if (value instanceof Boolean b) {
        node.put("value", b);
      } else if (value instanceof BigDecimal d) {
        node.put("value", d);
      } else if (value instanceof Number n) {
        node.put("value", new BigDecimal(n.toString()));
      } else {
        node.put("value", value.toString());
      }
    } else {
      node.put("verified", fact.verified());
    }
    if (fact.date() != null) {
      putDate(node, "date", fact.date());
    }
    vn.conduct.rules.api.Evidence evidence = fact.evidence();
    if (!evidence.isEmpty()) {
      ObjectNode by = node.putObject("evidence");
      if (evidence.recordedBy() != null) {
        ObjectNode recorder = by.putObject("recorded-by");
        if (evidence.recordedBy().id() != null) {
          recorder.put("id", evidence.recordedBy().id());
        }
        if (evidence.recordedBy().role() != null) {
          recorder.put("role", evidence.recordedBy().role());
        }
      }
      if (evidence.recordedOn() != null) {
        putDate(by, "recorded-on", evidence.recordedOn());
      }
      if (evidence.method() != null) {
        by.put("method", evidence.method());
      }
      if (!evidence.references().isEmpty()) {
        ArrayNode references = by.putArray("references");
        evidence.references().forEach(reference -> {
          ObjectNode ref = references.addObject();
          if (reference.document() != null) {
            ref.put("document", reference.document());
          }
          if (reference.digest() != null) {
            ref.put("digest", reference.digest());
          }
          if (reference.url() != null) {
            ref.put("url", reference.url());
          }
        });
      }
    }
    return node;
  }

  /** A finding's waiver (waiver-format.md, section 6): who excused it, why, at what risk, for which dates. */
  private static ObjectNode waiver(vn.conduct.rules.api.Waiver waiver) {
    ObjectNode node = NODES.objectNode();
    node.put("id", waiver.id());
    ObjectNode scope = node.putObject("scope");
    scope.put("pack", waiver.packId());
    waiver.ruleId().ifPresent(rule -> scope.put("rule", rule));
    waiver.checklistId().ifPresent(checklist -> scope.put("checklist", checklist));
    waiver.itemId().ifPresent(item -> scope.put("item", item));
    node.set("justification", both(waiver.justification()));
    ObjectNode approver = node.putObject("approver");
    approver.put("name", waiver.approver().name());
    approver.put("id", waiver.approver().id());
    approver.put("role", waiver.approver().role());
    node.put("risk", lower(waiver.risk()));
    putDate(node, "start", waiver.start());
    putDate(node, "expiry", waiver.expiry());
    return node;
  }

  /** A text in both languages: {@code {"vi": …, "en": …}}, a missing or blank one {@code null}. */
  private static ObjectNode both(LocalizedText text) {
    LocalizedText value = text == null ? LocalizedText.EMPTY : text;
    ObjectNode node = NODES.objectNode();
    node.put("vi", blankToNull(value.vi()));
    node.put("en", blankToNull(value.en()));
    return node;
  }

  // --- format 1 -----------------------------------------------------------------------------------

  private ObjectNode formatOne(Report report) {
    ObjectNode root = NODES.objectNode();
    root.put("format", 1);
    root.put("language", tag(language));
    root.set("provenance", provenance(report.provenance()));
    ArrayNode subjects = root.putArray("subjects");
    report.subjects().forEach(result -> subjects.add(subject(result)));
    ArrayNode rankings = root.putArray("rankings");
    report.rankings().forEach(ranking -> rankings.add(ranking(ranking)));
    ArrayNode problems = root.putArray("fact-problems");
    report.factProblems().forEach(problem -> problems.add(factProblem(problem)));
    return root;
  }

  private ObjectNode provenance(Provenance provenance) {
    ObjectNode node = NODES.objectNode();
    node.put("engine", provenance.engineVersion());
    putDate(node, "as-of", provenance.decisionDate());
    node.set("period", period(provenance.period()));
    ArrayNode packs = node.putArray("packs");
    for (PackUse use : provenance.packs()) {
      ObjectNode pack = packs.addObject();
      pack.put("id", use.packId());
      pack.put("version", use.version());
      pack.put("digest", use.digest());
      pack.put("pinned", use.pinned());
    }
    return node;
  }

  private static ObjectNode period(Period period) {
    ObjectNode node = NODES.objectNode();
    putDate(node, "start", period.start());
    putDate(node, "end", period.end());
    return node;
  }

  private ObjectNode subject(SubjectResult result) {
    ObjectNode node = NODES.objectNode();
    node.put("id", result.subject().id());
    node.put("type", result.subject().type());
    node.put("name", result.subject().name());
    node.put("parent", result.subject().parentId());
    node.put("compliant", result.compliant());
    ObjectNode counts = node.putObject("counts");
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome.name(), result.count(outcome));
    }
    ArrayNode findings = node.putArray("findings");
    result.findings().forEach(finding -> findings.add(finding(finding)));
    ArrayNode scores = node.putArray("scores");
    result.scores().forEach(score -> scores.add(score(score)));
    ArrayNode rollUps = node.putArray("roll-ups");
    result.rollUps().forEach(rollUp -> rollUps.add(rollUp(rollUp)));
    return node;
  }

  private ObjectNode finding(Finding finding) {
    RuleRef rule = finding.rule();
    ObjectNode node = NODES.objectNode();
    node.put("rule", rule.ruleId());
    node.put("pack", rule.packId());
    node.put("version", rule.packVersion());
    node.put("outcome", finding.outcome().name());
    node.put("severity", lower(rule.severity()));
    node.put("kind", lower(rule.kind()));
    text(node, "title", rule.title());
    node.set("citation", citation(rule.citation()));
    text(node, "reason", finding.reason());
    return node;
  }

  private ObjectNode citation(Citation citation) {
    ObjectNode node = NODES.objectNode();
    node.put("document", citation.documentId());
    node.put("number", citation.documentNumber());
    node.put("article", citation.article());
    node.put("clause", citation.clause());
    node.put("basis", lower(citation.basis()));
    node.put("note", citation.note());
    node.put("text", citation.render(language));
    return node;
  }

  private ObjectNode score(ChecklistScore score) {
    ObjectNode node = NODES.objectNode();
    node.put("checklist", score.checklistId());
    node.put("pack", score.packId());
    text(node, "title", score.title());
    putNumber(node, "score", score.score());
    putNumber(node, "maximum", score.maximum());
    putNumber(node, "evidence-percent", score.evidencePercent());
    node.put("rating", score.rating());
    text(node, "rating-title", score.ratingTitle());
    node.put("rated", score.rated());
    ArrayNode items = node.putArray("items");
    for (ItemScore item : score.items()) {
      ObjectNode entry = items.addObject();
      entry.put("rule", item.ruleId());
      entry.put("outcome", item.outcome().name());
      putNumber(entry, "earned", item.earned());
      putNumber(entry, "available", item.available());
      entry.put("bonus", item.bonus());
    }
    ArrayNode adjustments = node.putArray("adjustments");
    for (ScoreAdjustment adjustment : score.adjustments()) {
      ObjectNode entry = adjustments.addObject();
      entry.put("kind", lower(adjustment.kind()));
      entry.put("source", adjustment.source());
      putNumber(entry, "points", adjustment.points());
      entry.put("from-rating", adjustment.fromRating());
      entry.put("to-rating", adjustment.toRating());
      text(entry, "reason", adjustment.reason());
    }
    return node;
  }

  private static ObjectNode rollUp(RollUp rollUp) {
    ObjectNode node = NODES.objectNode();
    node.put("checklist", rollUp.checklistId());
    node.put("pack", rollUp.packId());
    node.put("members", rollUp.members());
    node.put("rated", rollUp.rated());
    putNumber(node, "average-score", rollUp.averageScore());
    ObjectNode ratings = node.putObject("ratings");
    for (Map.Entry<String, Integer> entry : rollUp.ratings().entrySet()) {
      ratings.put(entry.getKey(), entry.getValue());
    }
    ObjectNode failures = node.putObject("failures");
    for (Map.Entry<String, Integer> entry : rollUp.failures().entrySet()) {
      failures.put(entry.getKey(), entry.getValue());
    }
    return node;
  }

  private static ObjectNode ranking(Ranking ranking) {
    ObjectNode node = NODES.objectNode();
    node.put("checklist", ranking.checklistId());
    node.put("pack", ranking.packId());
    node.put("peer-group", ranking.peerGroup());
    ArrayNode entries = node.putArray("entries");
    for (Ranking.Entry entry : ranking.entries()) {
      ObjectNode item = entries.addObject();
      item.put("rank", entry.rank());
      item.put("subject", entry.subjectId());
      putNumber(item, "score", entry.score());
      item.put("rating", entry.rating());
    }
    ArrayNode unranked = node.putArray("unranked");
    ranking.unranked().forEach(unranked::add);
    return node;
  }

  private ObjectNode factProblem(FactProblem problem) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", problem.kind());
    node.put("index", problem.index());
    node.put("field", problem.field());
    node.put("path", FactsFile.path(problem));
    if (locator != null) {
      node.put("location", locator.apply(problem).orElse(null));
    }
    node.put("message", problem.message());
    return node;
  }

  // --- values -----------------------------------------------------------------------------------

  private void text(ObjectNode node, String name, LocalizedText text) {
    LocalizedText value = text == null ? LocalizedText.EMPTY : text;
    node.put(name, value.in(language));
    ObjectNode both = node.putObject(name + "-localized");
    both.put("vi", blankToNull(value.vi()));
    both.put("en", blankToNull(value.en()));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static void putDate(ObjectNode node, String name, LocalDate date) {
    node.put(name, date == null ? null : date.toString());
  }

  /** Puts a number as a plain decimal without trailing zeros, or {@code null}. */
  private static void putNumber(ObjectNode node, String name, BigDecimal value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.set(name, DecimalNode.valueOf(plain(value)));
    }
  }

  /** Strips trailing zeros, keeping integers at scale 0 ({@code 100}, not {@code 1E+2}). */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String tag(Language language) {
    return language.name().toLowerCase(Locale.ROOT);
  }
}
