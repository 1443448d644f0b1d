package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.LocalizedText;

/** An event type, the subject types it can be about, and its extra fields. */
public record EventTypeDoc(
    LocalizedText title,
    List<String> subjectTypes,
    Map<@Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String, @NotNull @Valid FieldDoc> attributes) {

  public EventTypeDoc {
    subjectTypes = subjectTypes == null ? List.of() : subjectTypes;
    attributes = attributes == null ? Map.of() : attributes;
  }
}
