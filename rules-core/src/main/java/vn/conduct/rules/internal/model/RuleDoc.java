package vn.conduct.rules.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.RuleKind;
import vn.conduct.rules.api.Severity;

/** A rule file ({@code rules/<id>/rule.yaml}), as bound from YAML. */
public record RuleDoc(
    @NotNull @Id String id,
    @NotNull @Valid LocalizedText title,
    LocalizedText description,
    @NotNull @Valid CitationDoc source,
    @NotEmpty List<@NotNull String> appliesTo,
    @NotNull RuleKind kind,
    @NotNull Severity severity,
    @PositiveOrZero @Amount BigDecimal points,
    Boolean enabled,
    @Valid EffectiveDoc effective,
    JsonNode when,
    @NotNull JsonNode condition,
    LocalizedText evidence,
    LocalizedText remediation,
    LocalizedText sanction,
    List<@NotNull @Id String> tags,
    List<@NotNull String> acceptedMethods) {

  public RuleDoc {
    tags = tags == null ? List.of() : tags;
  }

  /** The methods the rule accepts facts recorded by (format 2); empty: any method, or none. */
  public java.util.Set<String> methods() {
    return acceptedMethods == null ? java.util.Set.of()
        : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(acceptedMethods.stream()
            .filter(java.util.Objects::nonNull).toList()));
  }
}
