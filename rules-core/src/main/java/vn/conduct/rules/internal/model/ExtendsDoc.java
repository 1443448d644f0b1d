package vn.conduct.rules.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Severity;

/**
 * An overlay's {@code extends} block (format 2): the pack it builds on, the versions it accepts,
 * which of that pack's rules and checklists it keeps, and what it changes in them.
 */
public record ExtendsDoc(
    @NotBlank @Id String pack,
    @NotBlank String version,
    @Valid Selection include,
    @Valid Selection skip,
    @Valid ModifyDoc modify) {

  public ExtendsDoc {
    include = include == null ? new Selection(null, null) : include;
    skip = skip == null ? new Selection(null, null) : skip;
    modify = modify == null ? new ModifyDoc(null, null, null) : modify;
  }

  /** Rule and checklist ids; a {@code null} list (not written) is not the same as an empty one. */
  public record Selection(List<@NotNull @Id String> rules, List<@NotNull @Id String> checklists) { }

  /** What an overlay changes in the pack it extends. */
  public record ModifyDoc(
      Map<@Id String, @NotNull JsonNode> parameters,
      Map<@Id String, @NotNull @Valid RuleChange> rules,
      Map<@Id String, @NotNull @Valid ChecklistChange> checklists) {

    public ModifyDoc {
      parameters = parameters == null ? Map.of() : parameters;
      rules = rules == null ? Map.of() : rules;
      checklists = checklists == null ? Map.of() : checklists;
    }
  }

  /** A rule's severity and points, as the overlay sets them. */
  public record RuleChange(Severity severity, @PositiveOrZero @Amount BigDecimal points) { }

  /** A checklist's band minimums and titles, and its items' points and weights. */
  public record ChecklistChange(
      Map<String, @NotNull @Valid BandChange> bands,
      Map<String, @NotNull @Valid ItemChange> items) {

    public ChecklistChange {
      bands = bands == null ? Map.of() : bands;
      items = items == null ? Map.of() : items;
    }
  }

  /** A band's new minimum and/or title. */
  public record BandChange(@Amount BigDecimal min, @Valid LocalizedText title) { }

  /** An item's new points and/or weight. */
  public record ItemChange(@PositiveOrZero @Amount BigDecimal points, @PositiveOrZero @Amount BigDecimal weight) { }
}
