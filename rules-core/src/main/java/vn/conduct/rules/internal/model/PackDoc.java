package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import vn.conduct.rules.api.LocalizedText;

/**
 * The {@code pack.yaml} manifest, as bound from YAML. An overlay's manifest is bound after the
 * manifest of the pack it extends was merged into it; {@code base} is its {@code extends} block.
 */
public record PackDoc(
    @NotNull Integer format,
    @NotBlank @Id String id,
    @NotBlank @Pattern(regexp = Ids.SEMVER, message = "must be a semantic version such as 1.0.0")
        String version,
    @NotNull @Valid LocalizedText title,
    LocalizedText description,
    String jurisdiction,
    @NotBlank String engine,
    @Valid EffectiveDoc effective,
    vn.conduct.rules.api.Period.Unit period,
    @NotNull Map<@Id String, @NotNull @Valid SourceDoc>
        sources,
    @NotNull @Valid VocabularyDoc vocabulary,
    Map<@Id String, @NotNull @Valid ParameterDoc>
        parameters,
    @com.fasterxml.jackson.annotation.JsonProperty("extends") @Valid ExtendsDoc base,
    java.util.List<@NotNull @Valid AuthorityDoc> authorities) {

  public PackDoc {
    parameters = parameters == null ? Map.of() : parameters;
    authorities = authorities == null ? java.util.List.of() : authorities;
  }
}
