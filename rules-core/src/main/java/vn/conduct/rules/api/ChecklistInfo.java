package vn.conduct.rules.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a loaded pack says about one of its checklists: its items, rating bands and how it ranks.
 *
 * @param packId the pack's id
 * @param packVersion the pack version
 * @param checklistId the checklist's id
 * @param title the title
 * @param subjectType the subject type it scores
 * @param items its items, in order
 * @param bands its rating bands, best first
 * @param peerGroup how it groups subjects for rankings, or {@code null} if it does not rank
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
    List<Band> bands,
    PeerGroup peerGroup) {

  public ChecklistInfo {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(packVersion, "packVersion");
    Objects.requireNonNull(checklistId, "checklistId");
    items = List.copyOf(items);
    bands = List.copyOf(bands);
  }

  /** A checklist that does not rank, as before {@code peerGroup} was added. */
  public ChecklistInfo(String packId, String packVersion, String checklistId, LocalizedText title,
      String subjectType, List<Item> items, List<Band> bands) {
    this(packId, packVersion, checklistId, title, subjectType, items, bands, null);
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

  /**
   * How a ranking groups subjects: by the value of one attribute ({@link Ranking#peerGroup()} is
   * that value, {@code ""} when there is no attribute). Renderers show a group by its title, e.g.
   * "nhóm xã" rather than "nhóm commune", through {@link #groupTitle(String)}.
   *
   * @param attribute the attribute whose value forms the groups, or {@code null} when all rated
   *     subjects form one group {@code ""}
   * @param title the attribute's title, or {@link LocalizedText#EMPTY}
   * @param valueTitles the titles the pack declares for the attribute's values, by value; values
   *     without a title are absent
   * @since 0.1
   */
  public record PeerGroup(String attribute, LocalizedText title, Map<String, LocalizedText> valueTitles) {

    public PeerGroup {
      title = title == null ? LocalizedText.EMPTY : title;
      valueTitles = Map.copyOf(valueTitles);
    }

    /** A group's title: the declared title of its value, or the value itself as text in both languages. */
    public LocalizedText groupTitle(String group) {
      LocalizedText declared = valueTitles.get(group);
      return declared != null ? declared : LocalizedText.of(group);
    }
  }
}
