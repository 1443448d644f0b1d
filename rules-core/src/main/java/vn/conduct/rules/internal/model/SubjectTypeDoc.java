package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import vn.conduct.rules.api.LocalizedText;

/**
 * A subject type and the attributes (static) and indicators (observed) it has; {@code personal} (format 2):
 * its subjects are people, whose ids and names are personal data (report-format.md, section 14).
 */
public record SubjectTypeDoc(
    LocalizedText title,
    String parent,
    Map<@Id String, @NotNull @Valid FieldDoc> attributes,
    Map<@Id String, @NotNull @Valid FieldDoc> indicators,
    Boolean personal) {

  public SubjectTypeDoc {
    attributes = attributes == null ? Map.of() : attributes;
    indicators = indicators == null ? Map.of() : indicators;
  }
}
