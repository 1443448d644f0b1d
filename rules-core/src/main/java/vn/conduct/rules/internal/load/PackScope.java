package vn.conduct.rules.internal.load;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.conduct.rules.internal.model.EventTypeDoc;
import vn.conduct.rules.internal.model.PackDoc;
import vn.conduct.rules.internal.model.ParameterDoc;
import vn.conduct.rules.internal.model.SourceDoc;
import vn.conduct.rules.internal.model.SubjectTypeDoc;
import vn.conduct.rules.internal.model.VocabularyDoc;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * What a pack's manifest declares, as far as it could be read: the names rules and checklists may
 * refer to, and the names that were declared but broken.
 *
 * <p>This is how the loader keeps one mistake from hiding others, and from causing others: a
 * manifest with errors still yields every entry that had none, so the rules and checklists are
 * checked against them; and a reference to an entry whose declaration had an error (or to anything,
 * when a whole part of the manifest could not be read) is not reported again — the declaration's
 * own error is the one to fix.
 */
public final class PackScope {

  private final PackDoc pack;
  private final boolean vocabularyKnown;
  private final boolean sourcesKnown;
  private final boolean parametersKnown;
  private final VocabularyDoc vocabulary;
  private final Map<String, SourceDoc> sources;
  private final Map<String, ParameterDoc> parameters;
  private final Set<String> broken = new HashSet<>();

  private PackScope(PackDoc pack, Binder.Bound<PackDoc> bound) {
    this.pack = pack;
    this.vocabularyKnown = pack != null && pack.vocabulary() != null && pack.vocabulary().subjectTypes() != null;
    this.sourcesKnown = pack != null && pack.sources() != null;
    this.parametersKnown = pack != null && pack.parameters() != null;
    this.vocabulary = vocabularyKnown ? cleanVocabulary(pack.vocabulary(), bound) : new VocabularyDoc(Map.of(), Map.of());
    this.sources = sourcesKnown ? clean(pack.sources(), "sources", "source:", bound, s -> true) : Map.of();
    this.parameters = parametersKnown ? clean(pack.parameters(), "parameters", "parameter:", bound,
        p -> p.type() != null && p.defaultValue() != null && p.basis() != null) : Map.of();
  }

  /** The scope of a manifest that was bound (perhaps with errors). */
  static PackScope of(Binder.Bound<PackDoc> manifest) {
    return new PackScope(manifest.value(), manifest);
  }

  /** The scope of a pack whose manifest is missing or could not be read at all: nothing is known. */
  static PackScope unknown() {
    return new PackScope(null, null);
  }

  /** The manifest as bound, or {@code null} if it could not be read. */
  public PackDoc pack() {
    return pack;
  }

  /** The vocabulary's entries that had no error; empty if the vocabulary could not be read. */
  public VocabularyDoc vocabulary() {
    return vocabulary;
  }

  /** The sources that had no error. */
  public Map<String, SourceDoc> sources() {
    return sources;
  }

  /** The parameters that had no error. */
  public Map<String, ParameterDoc> parameters() {
    return parameters;
  }

  /** Whether an unknown subject type must be reported (not if the vocabulary or its entry is broken). */
  public boolean reportsSubjectType(String name) {
    return vocabularyKnown && !isBroken("subject-type:", name);
  }

  /** Whether an unknown attribute ({@code scope} "attribute") or indicator ("indicator") must be reported. */
  public boolean reportsField(String subjectType, String scope, String name) {
    return reportsSubjectType(subjectType) && !isBroken(scope + ":" + subjectType + ":", name);
  }

  /** Whether an unknown event type must be reported. */
  public boolean reportsEventType(String name) {
    return vocabularyKnown && !isBroken("event-type:", name);
  }

  /** Whether an unknown attribute of an event type must be reported. */
  public boolean reportsEventAttribute(String eventType, String name) {
    return reportsEventType(eventType) && !isBroken("event-attribute:" + eventType + ":", name);
  }

  /** Whether an unknown method must be reported (not if the vocabulary or its entry is broken). */
  public boolean reportsMethod(String name) {
    return vocabularyKnown && !isBroken("method:", name);
  }

  /** Whether an unknown source must be reported. */
  public boolean reportsSource(String name) {
    return sourcesKnown && !isBroken("source:", name);
  }

  /** Whether an unknown parameter must be reported. */
  public boolean reportsParameter(String name) {
    return parametersKnown && !isBroken("parameter:", name);
  }

  private boolean isBroken(String prefix, String name) {
    return broken.contains(prefix + name) || broken.contains(prefix + "*");
  }

  /** Whether the vocabulary could be read, so that conditions can be type-checked against it. */
  public boolean vocabularyKnown() {
    return vocabularyKnown;
  }

  private VocabularyDoc cleanVocabulary(VocabularyDoc doc, Binder.Bound<PackDoc> bound) {
    String typesPath = YamlDocument.child("vocabulary", "subject-types");
    Map<String, SubjectTypeDoc> subjectTypes = clean(doc.subjectTypes(), typesPath, "subject-type:", bound, t -> true);
    subjectTypes.replaceAll((name, type) -> {
      String path = YamlDocument.child(typesPath, name);
      return new SubjectTypeDoc(type.title(),
          hasError(bound, YamlDocument.child(path, "parent")) ? null : type.parent(),
          clean(type.attributes(), YamlDocument.child(path, "attributes"), "attribute:" + name + ":", bound,
              field -> field.type() != null),
          clean(type.indicators(), YamlDocument.child(path, "indicators"), "indicator:" + name + ":", bound,
              field -> field.type() != null), type.personal());
    });
    String eventsPath = YamlDocument.child("vocabulary", "event-types");
    Map<String, EventTypeDoc> eventTypes = clean(doc.eventTypes(), eventsPath, "event-type:", bound, t -> true);
    eventTypes.replaceAll((name, type) -> {
      String path = YamlDocument.child(eventsPath, name);
      List<String> about = type.subjectTypes().stream().filter(t -> t != null).toList();
      return new EventTypeDoc(type.title(), about, clean(type.attributes(), YamlDocument.child(path, "attributes"),
          "event-attribute:" + name + ":", bound, field -> field.type() != null));
    });
    return new VocabularyDoc(subjectTypes, eventTypes,
        clean(doc.methods(), YamlDocument.child("vocabulary", "methods"), "method:", bound, m -> true));
  }

  /**
   * The entries of a mapping that had no error; the others, and the whole mapping if it could not
   * be read as one ({@code prefix*}), are remembered as broken.
   */
  private <T> Map<String, T> clean(Map<String, T> entries, String path, String prefix, Binder.Bound<PackDoc> bound,
      Predicate<T> complete) {
    Map<String, T> clean = new LinkedHashMap<>();
    if (bound != null && bound.errorPaths().contains(path)) {
      broken.add(prefix + "*");
    }
    if (entries == null) {
      return clean;
    }
    entries.forEach((name, value) -> {
      if (value == null || !complete.test(value) || hasError(bound, YamlDocument.child(path, name))) {
        broken.add(prefix + name);
      } else {
        clean.put(name, value);
      }
    });
    return clean;
  }

  private static boolean hasError(Binder.Bound<PackDoc> bound, String path) {
    return bound != null && bound.hasErrorAt(path);
  }
}
