package vn.conduct.rules.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.Basis;
import vn.conduct.rules.api.LocalizedText;

/**
 * An authority a format 2 pack declares (rule-pack-format.md, section 19; decision-format.md,
 * section 5): a role, which subjects of the facts hold it, which rules' findings and which
 * checklists' results it may review and override, and over which subjects.
 *
 * @param role the role's id, as decisions name it ({@code by.role})
 * @param title what the role is
 * @param basis whether a source read says who decides ({@code read}) or the pack author inferred it
 * @param heldBy which subjects hold the role: a subject type and attribute values
 * @param mayOverride the rules and checklists it may review and override
 * @param over the subjects it may decide about
 * @param maxAdjustment the largest score adjustment (either sign) it may make; absent: none
 */
public record AuthorityDoc(
    @NotBlank @Id String role,
    @Valid LocalizedText title,
    Basis basis,
    @NotNull @Valid HolderDoc heldBy,
    @NotNull @Valid ScopeDoc mayOverride,
    @NotNull @Valid OverDoc over,
    BigDecimal maxAdjustment) {

  /**
   * Who holds the role: a subject of this type whose attributes have these values (compared as text).
   *
   * @param subjectType the holder's subject type
   * @param attribute attribute → value the holder must have
   */
  public record HolderDoc(@NotBlank String subjectType, Map<String, JsonNode> attribute) {
    public HolderDoc {
      attribute = attribute == null ? Map.of() : attribute;
    }
  }

  /**
   * What the role decides on.
   *
   * @param rules rules whose findings it may review and override
   * @param checklists checklists whose items and scores it may review and override
   */
  public record ScopeDoc(List<@NotBlank String> rules, List<@NotBlank String> checklists) {
    public ScopeDoc {
      rules = rules == null ? List.of() : rules;
      checklists = checklists == null ? List.of() : checklists;
    }
  }

  /**
   * The subjects it decides about.
   *
   * @param subjectType their type
   * @param sameUnit whether they must have the holder's parent unit
   */
  public record OverDoc(@NotBlank String subjectType, Boolean sameUnit) { }
}
