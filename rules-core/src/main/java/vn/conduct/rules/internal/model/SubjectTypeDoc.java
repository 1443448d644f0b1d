package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import vn.conduct.rules.api.LocalizedText;

/** A subject type and the attributes (static) and indicators (observed) it has. */
public record SubjectTypeDoc(
    LocalizedText title,
    String parent,
    Map<@Id String, @NotNull @Valid FieldDoc> attributes,
    Map<@Id String, @NotNull @Valid FieldDoc> indicators) {

  public SubjectTypeDoc {
    attributes = attributes == null ? Map.of() : attributes;
    indicators = indicators == null ? Map.of() : indicators;
  }
}
