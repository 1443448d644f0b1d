package vn.conduct.rules.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;
import vn.conduct.rules.api.LocalizedText;

/** A checklist file ({@code checklists/<id>.yaml}): a model programme or a grading scheme. */
public record ChecklistDoc(
    @NotNull @Id String id,
    @NotNull @Valid LocalizedText title,
    LocalizedText description,
    @NotBlank String subjectType,
    vn.conduct.rules.api.Period.Unit period,
    @Valid CitationDoc source,
    Method method,
    @PositiveOrZero @Amount BigDecimal maximum,
    @Amount BigDecimal floor,
    @DecimalMin("0") @DecimalMax("100") @Amount BigDecimal minEvidence,
    @Valid ScoreDoc score,
    @NotEmpty List<@NotNull @Valid ItemDoc> items,
    List<@NotNull @Valid DeductionDoc> deductions,
    List<@NotNull @Valid VetoDoc> vetoes,
    @NotEmpty List<@NotNull @Valid BandDoc> bands,
    List<@NotNull @Valid QuotaDoc> quotas,
    @Valid RankingDoc ranking) {

  public ChecklistDoc {
    deductions = deductions == null ? List.of() : deductions;
    vetoes = vetoes == null ? List.of() : vetoes;
    quotas = quotas == null ? List.of() : quotas;
  }

  /** How items add up. */
  public enum Method {
    /** Each item earns its points; the score is their sum. */
    @com.fasterxml.jackson.annotation.JsonProperty("points") POINTS,
    /** Each item has a weight; the score is the weighted share of passed items, out of 100. */
    @com.fasterxml.jackson.annotation.JsonProperty("weighted") WEIGHTED
  }

  /** One item: a rule, its points or weight, and optional partial credit. */
  public record ItemDoc(
      @NotBlank String rule,
      @PositiveOrZero @Amount BigDecimal points,
      @PositiveOrZero @Amount BigDecimal weight,
      Boolean bonus,
      @Valid CreditDoc credit,
      Boolean required,
      @Valid EffectiveDoc effective) { }

  /** How a score is rounded before it is banded (format 2): decimal places and rounding mode. */
  public record ScoreDoc(
      @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(6) Integer scale,
      Rounding rounding) { }

  /** Rounding modes a checklist may name. */
  public enum Rounding {
    /** 84.995 → 85.00; 84.994 → 84.99. */
    @com.fasterxml.jackson.annotation.JsonProperty("half-up") HALF_UP,
    /** 84.995 → 84.99 (toward the nearest even digit on a tie). */
    @com.fasterxml.jackson.annotation.JsonProperty("half-even") HALF_EVEN,
    /** Toward zero: 89.999 → 89.99. */
    @com.fasterxml.jackson.annotation.JsonProperty("down") DOWN,
    /** Away from zero: 89.991 → 90.00. */
    @com.fasterxml.jackson.annotation.JsonProperty("up") UP;

    /** The Java rounding mode. */
    public java.math.RoundingMode mode() {
      return switch (this) {
        case HALF_UP -> java.math.RoundingMode.HALF_UP;
        case HALF_EVEN -> java.math.RoundingMode.HALF_EVEN;
        case DOWN -> java.math.RoundingMode.DOWN;
        case UP -> java.math.RoundingMode.UP;
      };
    }
  }

  /**
   * Partial credit: the points come from an indicator's value, whatever the rule's outcome (the
   * rule still decides PASS/FAIL in the findings): either the band the value falls in, or the
   * value times {@code per-unit}; capped at the item's points, never below 0.
   */
  public record CreditDoc(
      @NotBlank String indicator, List<@NotNull @Valid CreditBandDoc> bands, @Amount BigDecimal perUnit) {

    public CreditDoc {
      bands = bands == null ? List.of() : bands;
    }
  }

  /** A credit band: values at or above {@code min} earn {@code points}. */
  public record CreditBandDoc(@NotNull @Amount BigDecimal min, @NotNull @PositiveOrZero @Amount BigDecimal points) { }

  /** Points taken off per event of the given types within the window, up to {@code max}. */
  public record DeductionDoc(
      @NotEmpty List<@NotNull String> events,
      Boolean verifiedOnly,
      String within,
      @NotNull @PositiveOrZero @Amount BigDecimal points,
      @PositiveOrZero @Amount BigDecimal max,
      LocalizedText title) { }

  /** When the rule fails, the rating is capped at {@code capRating} and/or the score at {@code capScore}. */
  public record VetoDoc(
      @NotBlank String rule, String capRating, @Amount BigDecimal capScore, LocalizedText reason) { }

  /** A rating band: scores at or above {@code min} get this rating (bands listed best first). */
  public record BandDoc(
      @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,127}",
          message = "must be an ASCII band id (letters, digits, '_', '-') of at most 128 characters") String id,
      @NotNull @Amount BigDecimal min,
      LocalizedText title) { }

  /**
   * At most {@code maxPercent} % of a unit's members (or of the count of band {@code of}) may hold
   * {@code band}; the rest, lowest scores first, are lowered to the next band.
   */
  public record QuotaDoc(
      @NotBlank String band,
      @NotNull @DecimalMin("0") @DecimalMax("100") @Amount BigDecimal maxPercent,
      String of,
      @Valid QuotaOverrideDoc override,
      List<@NotNull @Valid GroupKeyDoc> groupBy,
      @Valid QuotaBaseDoc base,
      Ties ties) {

    /** The tie policy in force: the declared one, else {@link Ties#LOWER_ALL}. */
    public Ties tiesOrDefault() {
      return ties == null ? Ties.LOWER_ALL : ties;
    }
  }

  /**
   * One key of a quota's grouping (format 2): exactly one of an ancestor subject type (members
   * under the same subject of that type) or an attribute of the graded subject (members with the
   * same value).
   */
  public record GroupKeyDoc(String ancestor, String attribute) { }

  /** A quota's base (format 2): only the rated members meeting {@code where} are counted. */
  public record QuotaBaseDoc(@NotNull JsonNode where) { }

  /** What a quota does with members whose score equals the score at the cut-off (format 2 may choose). */
  public enum Ties {
    /** If not all members with the cut-off score fit, all of them are lowered (format 1's rule). */
    @com.fasterxml.jackson.annotation.JsonProperty("lower-all") LOWER_ALL,
    /** Members with the score of the last member that fits all keep the band, even beyond the limit. */
    @com.fasterxml.jackson.annotation.JsonProperty("keep-all") KEEP_ALL
  }

  /** A different quota for units whose own facts meet {@code when}. */
  public record QuotaOverrideDoc(
      @NotNull JsonNode when, @NotNull @DecimalMin("0") @DecimalMax("100") @Amount BigDecimal maxPercent) { }

  /** Rank subjects by score within peer groups given by an attribute's value. */
  public record RankingDoc(String peerGroup) { }
}
