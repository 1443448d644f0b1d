package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import vn.conduct.rules.api.LocalizedText;

/** A subject type and the attributes (static) and indicators (observed) it has. */
public record SubjectTypeDoc(
    LocalizedText title,
    String parent,
    Map<@Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String, @NotNull @Valid FieldDoc> attributes,
    Map<@Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String, @NotNull @Valid FieldDoc> indicators) {

  public SubjectTypeDoc {
    attributes = attributes == null ? Map.of() : attributes;
    indicators = indicators == null ? Map.of() : indicators;
  }
}
