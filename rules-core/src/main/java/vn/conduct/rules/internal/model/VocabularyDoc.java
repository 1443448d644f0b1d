package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** The subject types and event types a pack uses. */
public record VocabularyDoc(
    @NotNull Map<@Id String, @NotNull @Valid SubjectTypeDoc>
        subjectTypes,
    Map<@Id String, @NotNull @Valid EventTypeDoc>
        eventTypes) {

  public VocabularyDoc {
    eventTypes = eventTypes == null ? Map.of() : eventTypes;
  }
}
