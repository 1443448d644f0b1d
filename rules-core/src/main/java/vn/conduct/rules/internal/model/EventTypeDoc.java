package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.LocalizedText;

/** An event type, the subject types it can be about, and its extra fields. */
public record EventTypeDoc(
    LocalizedText title,
    List<@jakarta.validation.constraints.NotNull String> subjectTypes,
    Map<@Id String, @NotNull @Valid FieldDoc> attributes) {

  public EventTypeDoc {
    subjectTypes = subjectTypes == null ? List.of() : subjectTypes;
    attributes = attributes == null ? Map.of() : attributes;
  }
}
