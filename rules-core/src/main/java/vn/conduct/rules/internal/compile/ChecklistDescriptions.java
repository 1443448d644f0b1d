package vn.conduct.rules.internal.compile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.model.ChecklistDoc;

/**
 * A checklist of a loaded pack as the public {@link ChecklistInfo}: what the pack states, with the
 * format's defaults filled in as the scorer applies them (rule-pack-format.md §10), so that tools
 * print a checklist from the API and never re-read the pack.
 */
public final class ChecklistDescriptions {

  private ChecklistDescriptions() { }

  public static ChecklistInfo describe(LoadedPack pack, ChecklistDoc doc) {
    ChecklistInfo.Builder info = ChecklistInfo.builder(pack.id(), pack.manifest().version(), doc.id())
        .title(doc.title())
        .subjectType(doc.subjectType())
        .subjectTypeTitle(subjectTypeTitle(pack, doc))
        .items(doc.items().stream().map(ChecklistDescriptions::item).toList())
        .bands(doc.bands().stream().map(band -> ChecklistInfo.Band.of(band.id(), band.min(),
            band.title() == null ? LocalizedText.EMPTY : band.title())).toList())
        .method(doc.method() == ChecklistDoc.Method.WEIGHTED ? ChecklistInfo.Method.WEIGHTED
            : ChecklistInfo.Method.POINTS)
        .maximum(doc.maximum())
        .floor(doc.floor())
        .minEvidence(doc.minEvidence())
        .period(doc.period() != null ? doc.period() : pack.unit())
        .deductions(doc.deductions().stream().map(d -> ChecklistInfo.Deduction.of(d.events(), d.points(), d.max(),
            d.within() == null ? "period" : d.within(), !Boolean.FALSE.equals(d.verifiedOnly()), d.title()))
            .toList())
        .vetoes(doc.vetoes().stream().map(v -> ChecklistInfo.Veto.of(v.rule(), v.capRating(), v.capScore(),
            v.reason())).toList())
        .quotas(doc.quotas().stream().map(ChecklistDescriptions::quota).toList());
    // As the scorer rounds: only with a scale; half-up unless the checklist names a mode.
    if (doc.score() != null && doc.score().scale() != null) {
      ChecklistDoc.Rounding rounding = doc.score().rounding() != null ? doc.score().rounding()
          : ChecklistDoc.Rounding.HALF_UP;
      info.rounding(ChecklistInfo.Rounding.of(doc.score().scale(), rounding.mode()));
    }
    return info.peerGroup(peerGroup(pack, doc)).build();
  }

  /** The vocabulary's title of the subject type scored; empty when the pack does not declare the type or its title. */
  private static LocalizedText subjectTypeTitle(LoadedPack pack, ChecklistDoc doc) {
    var type = pack.manifest().vocabulary().subjectTypes().get(doc.subjectType());
    return type == null || type.title() == null ? LocalizedText.EMPTY : type.title();
  }

  /** How a checklist groups subjects for rankings, with the titles of the attribute's values; {@code null} if it does not rank. */
  private static ChecklistInfo.PeerGroup peerGroup(LoadedPack pack, ChecklistDoc doc) {
    if (doc.ranking() == null) {
      return null;
    }
    String attribute = doc.ranking().peerGroup();
    var type = pack.manifest().vocabulary().subjectTypes().get(doc.subjectType());
    var field = attribute == null || type == null ? null : type.attributes().get(attribute);
    return ChecklistInfo.PeerGroup.of(attribute, field == null ? null : field.title(),
        field == null ? Map.of() : field.valueTitles());
  }

  private static ChecklistInfo.Quota quota(ChecklistDoc.QuotaDoc q) {
    List<ChecklistInfo.GroupKey> groupBy = q.groupBy() == null ? List.of() : q.groupBy().stream()
        .map(k -> k.ancestor() != null ? ChecklistInfo.GroupKey.of(ChecklistInfo.GroupKey.Kind.ANCESTOR, k.ancestor())
            : ChecklistInfo.GroupKey.of(ChecklistInfo.GroupKey.Kind.ATTRIBUTE, k.attribute()))
        .toList();
    ChecklistInfo.Quota.Ties ties = switch (q.tiesOrDefault()) {
      case LOWER_ALL -> ChecklistInfo.Quota.Ties.LOWER_ALL;
      case KEEP_ALL -> ChecklistInfo.Quota.Ties.KEEP_ALL;
    };
    return ChecklistInfo.Quota.of(q.band(), q.maxPercent(), q.of(),
        q.override() == null ? null : q.override().maxPercent(),
        q.override() == null ? null : flow(q.override().when()), groupBy,
        q.base() == null ? null : flow(q.base().where()), ties);
  }

  private static ChecklistInfo.Item item(ChecklistDoc.ItemDoc item) {
    ChecklistInfo.Credit credit = item.credit() == null ? null : ChecklistInfo.Credit.of(item.credit().indicator(),
        item.credit().bands().stream().map(b -> ChecklistInfo.CreditBand.of(b.min(), b.points())).toList(),
        item.credit().perUnit());
    return ChecklistInfo.Item.of(item.rule(), item.points(), item.weight(), Boolean.TRUE.equals(item.bonus()),
        Boolean.TRUE.equals(item.required()), item.effective() == null ? null : item.effective().from(),
        item.effective() == null ? null : item.effective().until(), credit);
  }

  /** A condition as a pack writes it, in flow style: {@code {attribute: exceptional, eq: true}}. */
  public static String flow(JsonNode node) {
    if (node.isObject()) {
      StringBuilder text = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        text.append(field.getKey()).append(": ").append(flow(field.getValue()));
        if (fields.hasNext()) {
          text.append(", ");
        }
      }
      return text.append('}').toString();
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(flow(n)));
      return "[" + String.join(", ", items) + "]";
    }
    return node.asText();
  }
}
