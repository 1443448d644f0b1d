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
    @NotNull DataType type, @com.fasterxml.jackson.annotation.JsonProperty("default") @NotNull JsonNode defaultValue, LocalizedText title, @NotNull Basis basis) {

  /**
   * The parameter as pack descriptions show it, its default as the pack writes it ({@code 80}, {@code P12M});
   * the one reading for a loaded pack and for a pack listed without loading.
   */
  public vn.conduct.rules.api.RulePackInfo.Parameter describe(String id) {
    String shown = defaultValue == null || defaultValue.isNull() ? ""
        : defaultValue.isValueNode() ? defaultValue.asText() : defaultValue.toString();
    return vn.conduct.rules.api.RulePackInfo.Parameter.of(id, type.label(), shown, title, basis);
  }
}
