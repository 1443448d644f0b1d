package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/** The subject types and event types a pack uses. */
public record VocabularyDoc(
    @NotNull Map<@Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String, @NotNull @Valid SubjectTypeDoc>
        subjectTypes,
    Map<@Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String, @NotNull @Valid EventTypeDoc>
        eventTypes) {

  public VocabularyDoc {
    eventTypes = eventTypes == null ? Map.of() : eventTypes;
  }
}
