package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** The subject types and event types a pack uses. */
public record VocabularyDoc(
    @NotNull Map<@Id String, @NotNull @Valid SubjectTypeDoc>
        subjectTypes,
    Map<@Id String, @NotNull @Valid EventTypeDoc>
        eventTypes,
    Map<@Id String, @NotNull @Valid MethodDoc>
        methods) {

  public VocabularyDoc {
    eventTypes = eventTypes == null ? Map.of() : eventTypes;
    methods = methods == null ? Map.of() : methods;
  }

  /** A vocabulary without methods (format 1, and format 2 packs that declare none). */
  public VocabularyDoc(Map<String, SubjectTypeDoc> subjectTypes, Map<String, EventTypeDoc> eventTypes) {
    this(subjectTypes, eventTypes, Map.of());
  }
}
