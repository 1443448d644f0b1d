package vn.conduct.rules.internal.model;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import vn.conduct.rules.api.LocalizedText;

/** An attribute or indicator: its data type, unit and (for strings) allowed values. */
public record FieldDoc(
    @NotNull DataType type, String unit, LocalizedText title, List<@NotNull String> values,
    @jakarta.validation.Valid RangeDoc range, String freshWithin) {

  /** The values an indicator may take, both bounds inclusive and optional (format 2). */
  public record RangeDoc(@Amount java.math.BigDecimal min, @Amount java.math.BigDecimal max) { }

  public FieldDoc {
    values = values == null ? List.of() : values;
  }
}
