package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a loaded pack says about one of its checklists: its items and rating bands.
 *
 * @param packId the pack's id
 * @param packVersion the pack version
 * @param checklistId the checklist's id
 * @param title the title
 * @param subjectType the subject type it scores
 * @param items its items, in order
 * @param bands its rating bands, best first
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChecklistInfo(
    String packId,
    String packVersion,
    String checklistId,
    LocalizedText title,
    String subjectType,
    List<Item> items,
    List<Band> bands) {

  public ChecklistInfo {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(packVersion, "packVersion");
    Objects.requireNonNull(checklistId, "checklistId");
    items = List.copyOf(items);
    bands = List.copyOf(bands);
  }

  /**
   * One item.
   *
   * @param ruleId the rule it scores
   * @param points its points, or {@code null} for a weighted checklist
   * @param weight its weight, or {@code null}
   * @param bonus whether it is a bonus item
   */
  public record Item(String ruleId, BigDecimal points, BigDecimal weight, boolean bonus) { }

  /**
   * One rating band.
   *
   * @param id the rating, e.g. {@code A}
   * @param min the lowest score that earns it
   * @param title its title, or {@link LocalizedText#EMPTY}
   */
  public record Band(String id, BigDecimal min, LocalizedText title) { }
}
