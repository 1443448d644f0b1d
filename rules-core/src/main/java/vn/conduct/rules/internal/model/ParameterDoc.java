package vn.conduct.rules.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import vn.conduct.rules.api.Basis;
import vn.conduct.rules.api.LocalizedText;

/**
 * A pack parameter: a threshold or point value hosts may override. {@code basis} says whether the
 * default comes from a source ({@code read}) or was chosen by the pack author ({@code inferred}).
 */
public record ParameterDoc(
    @NotNull DataType type, @com.fasterxml.jackson.annotation.JsonProperty("default") @NotNull JsonNode defaultValue, LocalizedText title, @NotNull Basis basis) { }
