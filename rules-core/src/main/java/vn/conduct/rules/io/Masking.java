package vn.conduct.rules.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.PersonalData;
import vn.conduct.rules.api.Privacy;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.Waiver;

/**
 * Pseudonymises a report (report-format.md, section 14.1), once, into a masked copy every writer reads:
 * every personal value the report holds — the ids of subjects whose type is personal, the values of
 * personal attributes — is replaced by its pseudonym wherever it stands, as a whole value (a subject's id
 * or parent, a ranking entry, a waiver's subject or approver, another subject's attribute) or as a word
 * of a text (a reason, an adjustment's reason, a fact problem's message, a waiver's justification, a note);
 * the names of those subjects are left out (and, in texts, replaced by the subject's pseudonym) unless
 * kept. Lists ordered by subject id are ordered by the pseudonyms, so that the order says nothing of the
 * real ids. Values of other subjects and everything the packs say are left as they are.
 */
final class Masking {

  /** Attribute values and names shorter than this are not looked for inside texts (too many false hits). */
  private static final int SHORTEST_IN_TEXT = 3;

  private final Pseudonyms pseudonyms;
  private final PersonalData personal;
  /** Personal ids and attribute values: their pseudonyms. */
  private final Map<String, String> values = new HashMap<>();
  /** What is looked for in texts: the values above (three characters or more) and, unless kept, names. */
  private final Map<String, String> inText = new HashMap<>();
  /**
   * Of {@link #inText}, those that are not one word (names, values with spaces or signs), and their first
   * words: a text is scanned once, looking a phrase up by its text, whatever the number of phrases.
   */
  private final Set<String> phrases = new java.util.HashSet<>();
  private final Set<String> phraseStarts = new java.util.HashSet<>();
  private int longestPhrase;

  /** Texts masked so far, by text. */
  private final Map<String, String> maskedTexts = new java.util.concurrent.ConcurrentHashMap<>();
  /** The ids of personal subjects. */
  private final Set<String> personalIds = new java.util.HashSet<>();
  /** Personal names (not kept): the pseudonym of their subject. */
  private final Map<String, String> names = new HashMap<>();

  private Masking(Pseudonyms pseudonyms, PersonalData personal) {
    this.pseudonyms = pseudonyms;
    this.personal = personal;
  }

  static Report mask(Report report, Pseudonyms pseudonyms) {
    PersonalData personal = report.provenance().personalData();
    Masking masking = new Masking(pseudonyms, personal);
    for (SubjectResult result : report.subjects()) {
      masking.learn(result.subject());
    }
    Privacy privacy = Privacy.of(personal, pseudonyms.randomKey(), pseudonyms.namesKept(), masking.values.size());
    if (masking.values.isEmpty() && masking.names.isEmpty()) {
      return report.withPrivacy(privacy);
    }
    List<SubjectResult> subjects = new ArrayList<>();
    for (SubjectResult result : report.subjects()) {
      subjects.add(masking.subjectResult(result));
    }
    subjects.sort(Comparator.comparing(SubjectResult::subjectId));
    List<Ranking> rankings = report.rankings().stream().map(masking::ranking).toList();
    List<FactProblem> problems = report.factProblems().stream()
        .map(p -> FactProblem.of(p.kind(), p.index(), p.field(), masking.text(p.message()))).toList();
    return Report.of(masking.provenance(report.provenance()), subjects, rankings, problems).withPrivacy(privacy);
  }

  /** Records what of this subject is personal. */
  private void learn(Subject subject) {
    if (personal.isPersonal(subject.type())) {
      String pseudonym = pseudonyms.of(subject.id());
      personalIds.add(subject.id());
      values.put(subject.id(), pseudonym);
      lookFor(subject.id(), pseudonym);
      if (!pseudonyms.namesKept() && subject.name() != null && !subject.name().isBlank()) {
        String name = subject.name().strip();
        names.put(name, pseudonym);
        if (name.length() >= SHORTEST_IN_TEXT && !values.containsKey(name)) {
          lookFor(name, pseudonym);
        }
      }
    }
    for (String attribute : personal.attributes().getOrDefault(subject.type(), Set.of())) {
      Object value = subject.attributes().get(attribute);
      if (value != null) {
        String text = String.valueOf(value).strip();
        String pseudonym = pseudonyms.of(attribute + ":" + text);
        values.putIfAbsent(text, pseudonym);
        if (text.length() >= SHORTEST_IN_TEXT) {
          lookFor(text, values.get(text));
        }
      }
    }
  }

  private void lookFor(String text, String pseudonym) {
    if (inText.putIfAbsent(text, pseudonym) == null && !isWord(text)) {
      phrases.add(text);
      phraseStarts.add(firstWord(text));
      longestPhrase = Math.max(longestPhrase, text.length());
    }
  }

  private Provenance provenance(Provenance provenance) {
    return Provenance.of(provenance.engineVersion(), provenance.decisionDate(), provenance.period(),
        provenance.periodGiven(), provenance.packs(), provenance.notes().stream().map(this::text).toList())
        .withPersonalData(provenance.personalData());
  }

  private SubjectResult subjectResult(SubjectResult result) {
    Subject subject = result.subject();
    boolean isPersonal = personalIds.contains(subject.id());
    Set<String> personalAttributes = personal.attributes().getOrDefault(subject.type(), Set.of());
    Map<String, Object> attributes = new LinkedHashMap<>();
    subject.attributes().forEach((name, value) -> {
      if (personalAttributes.contains(name)) {
        attributes.put(name, pseudonyms.of(name + ":" + String.valueOf(value).strip()));
      } else if (value instanceof String text) {
        attributes.put(name, whole(text));
      } else {
        attributes.put(name, value);
      }
    });
    String name = isPersonal && !pseudonyms.namesKept() ? null : subject.name();
    Subject masked = new Subject(whole(subject.id()), subject.type(), name,
        subject.parentId() == null ? null : whole(subject.parentId()), attributes);
    List<Finding> findings = result.findings().stream().map(this::finding).toList();
    List<ChecklistScore> scores = result.scores().stream().map(this::score).toList();
    return SubjectResult.of(masked, findings, scores, result.rollUps());
  }

  private Finding finding(Finding finding) {
    Finding masked = finding.withReason(this::text).withDecisionsChanged(this::decision);
    if (!finding.facts().isEmpty()) {
      List<vn.conduct.rules.api.FindingFact> facts = finding.facts().stream().map(this::fact).toList();
      masked = masked.withFacts(f -> facts);
    }
    Finding result = masked;
    return finding.waiver().map(w -> result.withWaiver(waiver(w))).orElse(result);
  }

  /** A contest, review or override with the people in it pseudonymised: the subject, the signer, their words. */
  private vn.conduct.rules.api.Decision decision(vn.conduct.rules.api.Decision decision) {
    vn.conduct.rules.api.Decision.Builder builder = vn.conduct.rules.api.Decision.builder(text(decision.id()),
        decision.kind(), whole(decision.subjectId()));
    if (decision.itemId().isPresent()) {
      builder.item(decision.packId(), decision.checklistId().orElseThrow(), decision.itemId().get());
    } else if (decision.ruleId().isPresent()) {
      builder.rule(decision.packId(), decision.ruleId().get());
    } else {
      builder.checklist(decision.packId(), decision.checklistId().orElseThrow());
    }
    vn.conduct.rules.api.Decision.Actor by = decision.by();
    String name = by.name();
    if (name != null && (personalIds.contains(by.id()) || names.containsKey(name.strip()))) {
      name = pseudonyms.namesKept() ? name : null;
    } else if (name != null) {
      name = text(name);
    }
    builder.period(decision.period()).date(decision.date())
        .by(vn.conduct.rules.api.Decision.Actor.of(whole(by.id()), name, by.role()))
        .reason(text(decision.reason()));
    decision.outcome().ifPresent(builder::outcome);
    decision.points().ifPresent(builder::points);
    decision.adjustment().ifPresent(builder::adjustment);
    decision.source().ifPresent(builder::source);
    return builder.build();
  }

  /** A fact behind a finding with the subject it is about, the values and the recorder pseudonymised. */
  private vn.conduct.rules.api.FindingFact fact(vn.conduct.rules.api.FindingFact fact) {
    vn.conduct.rules.api.Evidence evidence = fact.evidence();
    vn.conduct.rules.api.Evidence.Recorder recorder = evidence.recordedBy();
    vn.conduct.rules.api.Evidence masked = new vn.conduct.rules.api.Evidence(recorder == null ? null
        : new vn.conduct.rules.api.Evidence.Recorder(recorder.id() == null ? null : whole(recorder.id()), recorder.role()),
        evidence.recordedOn(), evidence.method(), evidence.references().stream()
            .map(r -> new vn.conduct.rules.api.Evidence.Reference(r.document() == null ? null : text(r.document()),
                r.digest(), r.url() == null ? null : text(r.url())))
            .toList());
    Object value = fact.value() instanceof String text ? text(text) : fact.value();
    return new vn.conduct.rules.api.FindingFact(fact.kind(), whole(fact.subjectId()), fact.name(),
        fact.eventId() == null ? null : text(fact.eventId()), value, fact.date(), fact.verified(), masked, fact.use());
  }

  private ChecklistScore score(ChecklistScore score) {
    ChecklistScore masked = ChecklistScore.of(score.packId(), score.checklistId(), score.title(), score.score(),
        score.maximum(), score.evidencePercent(), score.rating(), score.ratingTitle(), score.rated(), score.items(),
        score.adjustments().stream().map(a -> ScoreAdjustment.of(a.kind(), a.source() == null ? null : whole(a.source()),
            a.points(), a.fromRating(), a.toRating(), text(a.reason()))).toList());
    ChecklistScore decided = score.decisions().isEmpty() ? masked
        : masked.withDecisions(score.decisions().stream().map(this::decision).toList());
    return score.withoutWaivers().map(without -> decided.withWithoutWaivers(score(without))).orElse(decided);
  }

  private Ranking ranking(Ranking ranking) {
    List<Ranking.Entry> entries = ranking.entries().stream()
        .map(e -> Ranking.Entry.of(e.rank(), whole(e.subjectId()), e.score(), e.rating()))
        .sorted(Comparator.comparingInt(Ranking.Entry::rank).thenComparing(Ranking.Entry::subjectId))
        .toList();
    List<String> unranked = ranking.unranked().stream().map(this::whole).sorted().toList();
    return Ranking.of(ranking.packId(), ranking.checklistId(), ranking.peerGroup(), entries, unranked);
  }

  private Waiver waiver(Waiver waiver) {
    Waiver.Builder builder = Waiver.builder(text(waiver.id()), waiver.packId()); // an id may name the subject
    if (waiver.itemId().isPresent()) {
      builder.item(waiver.checklistId().orElseThrow(), waiver.itemId().get());
    } else {
      waiver.ruleId().ifPresent(builder::rule);
      waiver.checklistId().ifPresent(builder::checklist);
    }
    builder.subjectIds(waiver.subjectIds().stream().map(this::whole).toList())
        .subjectTypes(waiver.subjectTypes())
        .units(waiver.units().stream().map(this::whole).toList());
    waiver.attributes().forEach((name, value) -> builder.attribute(name, whole(value)));
    Waiver.Approver approver = waiver.approver();
    String approverId = approver.id() == null ? null : whole(approver.id());
    String approverName = approver.name();
    if (approverName != null && (personalIds.contains(approver.id()) || names.containsKey(approverName.strip()))) {
      if (!pseudonyms.namesKept()) {
        approverId = approverId != null ? approverId : names.get(approverName.strip());
        approverName = null;
      }
    } else if (approverName != null) {
      approverName = text(approverName);
    }
    builder.justification(text(waiver.justification()))
        .approver(Waiver.Approver.of(approverName, approverId, approver.role()))
        .risk(waiver.risk())
        .dates(waiver.start(), waiver.expiry());
    waiver.source().ifPresent(builder::source);
    return builder.build();
  }

  /** A whole value: its pseudonym if it is personal, else itself. */
  private String whole(String value) {
    return values.getOrDefault(value, value);
  }

  private LocalizedText text(LocalizedText text) {
    if (text == null) {
      return null;
    }
    return new LocalizedText(text.vi() == null ? null : text(text.vi()), text.en() == null ? null : text(text.en()));
  }

  /**
   * The text with every personal value replaced, in one pass: whole; then at each word, the longest
   * phrase (a value with spaces or other signs, such as a name) that starts there and ends before a letter
   * or digit; else, in the word (a run of letters, digits and {@code - _ .}), the longest personal value
   * that spans whole parts of it between those signs, leftmost first (so {@code cb-013} is found in
   * {@code w-2025-06-cb-013-late}, never in {@code cb-0131}).
   */
  String text(String text) {
    String whole = inText.get(text);
    if (whole != null) {
      return whole;
    }
    // many findings share a reason: each distinct text is masked once (reasons are read from any thread)
    return maskedTexts.computeIfAbsent(text, this::scan);
  }

  private String scan(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && isWordChar(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        String phrase = phraseAt(text, start, text.substring(start, i));
        if (phrase != null) {
          out.append(inText.get(phrase));
          i = start + phrase.length();
        } else {
          word(text.substring(start, i), out);
        }
      } else {
        String phrase = phraseAt(text, i, ""); // a value that starts with a sign, e.g. "+84 912 345 678"
        if (phrase != null) {
          out.append(inText.get(phrase));
          i += phrase.length();
        } else {
          out.append(text.charAt(i));
          i++;
        }
      }
    }
    return out.toString();
  }

  /**
   * The longest phrase that starts at {@code start} (with this word) and ends before a letter or digit, or
   * null: each end at most {@link #longestPhrase} characters on is looked up, longest first.
   */
  private String phraseAt(String text, int start, String word) {
    if (!phraseStarts.contains(word)) {
      return null;
    }
    for (int end = Math.min(text.length(), start + longestPhrase); end > start; end--) {
      if ((end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
          && Character.isLetterOrDigit(text.charAt(end - 1))) {
        String candidate = text.substring(start, end);
        if (phrases.contains(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** The first run of word characters of a phrase ("" if it starts with another sign). */
  private static String firstWord(String phrase) {
    int end = 0;
    while (end < phrase.length() && isWordChar(phrase.charAt(end))) {
      end++;
    }
    return phrase.substring(0, end);
  }

  /** One word with the personal values that span whole parts of it replaced. */
  private void word(String word, StringBuilder out) {
    String whole = inText.get(word);
    if (whole != null) {
      out.append(whole);
      return;
    }
    if (word.chars().noneMatch(c -> isSeparator((char) c))) {
      out.append(word);
      return;
    }
    // the starts and ends of the word's parts between separators
    List<Integer> starts = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    starts.add(0);
    for (int k = 0; k < word.length(); k++) {
      if (isSeparator(word.charAt(k))) {
        ends.add(k);
        starts.add(k + 1);
      }
    }
    ends.add(word.length());
    int done = 0;
    int from = 0;
    while (from < starts.size()) {
      int start = starts.get(from);
      int matchedTo = -1;
      for (int to = ends.size() - 1; to >= from && matchedTo < 0; to--) {
        if (ends.get(to) > start && inText.containsKey(word.substring(start, ends.get(to)))) {
          matchedTo = to;
        }
      }
      if (matchedTo < 0) {
        from++;
        continue;
      }
      out.append(word, done, start).append(inText.get(word.substring(start, ends.get(matchedTo))));
      done = ends.get(matchedTo);
      from = matchedTo + 1;
    }
    out.append(word, done, word.length());
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '_' || c == '.';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  private static boolean isWord(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> isWordChar((char) c));
  }
}
