package vn.conduct.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.internal.engine.EngineBuilder;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.load.PackLoader;
import vn.conduct.rules.internal.model.ChecklistDoc;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/**
 * What a checklist says beyond its items and bands: how items add up, the bounds, partial credit,
 * deductions, vetoes, quotas and ranking, as the pack states them (defaults filled in as
 * rule-pack-format.md §10 gives them).
 *
 * <p><b>Interim.</b> {@link vn.conduct.rules.api.ChecklistInfo} does not expose these yet. Until it
 * does (requested of rules-core), they are read here, and only here, from the engine's own parsed
 * model of the same pack source (rules-core internals: {@code PackLoader}, {@code ChecklistDoc}),
 * so that nothing of the format is parsed or interpreted twice. When {@code ChecklistInfo} carries
 * them, {@link #of} becomes a view of it and the internal imports go.
 *
 * @param weighted whether items are weighted (the score is 100 × Σ weights passed ÷ Σ weights counted)
 * @param maximum the stated maximum, or {@code null} (points: the sum of the non-bonus items' points; weighted: 100)
 * @param floor the floor (default 0)
 * @param minEvidence the percent of counted items that must be decided to be rated (default 100)
 * @param credits partial credit, by rule id
 * @param deductions points taken off per event
 * @param vetoes rules whose failure caps the score or rating (enabled rules only)
 * @param quotas limits on how many members of a unit may hold a band, best band first
 * @param peerGroup the ranking's peer-group attribute, {@code ""} for one group, {@code null} if not ranked
 */
record ChecklistTerms(
    boolean weighted,
    BigDecimal maximum,
    BigDecimal floor,
    BigDecimal minEvidence,
    Map<String, Credit> credits,
    List<Deduction> deductions,
    List<Veto> vetoes,
    List<Quota> quotas,
    String peerGroup) {

  /** Partial credit: the points of the first band whose minimum the indicator reaches, or the value times {@code perUnit}. */
  record Credit(String indicator, BigDecimal perUnit, List<Map.Entry<BigDecimal, BigDecimal>> bands) { }

  /** −{@code points} per counted event of the types, at most {@code max} (or {@code null}) in total. */
  record Deduction(List<String> events, BigDecimal points, BigDecimal max, String within, boolean verifiedOnly,
      LocalizedText title) { }

  /** When the rule fails, the score is capped at {@code capScore} and the rating at {@code capRating} (either may be null). */
  record Veto(String ruleId, String capRating, BigDecimal capScore, LocalizedText reason) { }

  /** At most {@code maxPercent} % of a unit's rated members (of band {@code of}, if given) may hold {@code band}. */
  record Quota(String band, BigDecimal maxPercent, String of, BigDecimal overridePercent, String overrideWhen) { }

  /**
   * The terms of every checklist of a loaded pack version, by checklist id; empty if its source
   * cannot be found again (a pack added by a host in another way).
   *
   * @param enabledRules the ids of the pack version's enabled rules (vetoes of disabled rules are left out)
   */
  static Map<String, ChecklistTerms> of(RulePackInfo pack, java.util.Set<String> enabledRules) {
    Optional<LoadedPack> loaded = source(pack.origin()).flatMap(source ->
        PackLoader.load(source, EngineBuilder.compatibilityVersion()).pack());
    Map<String, ChecklistTerms> terms = new LinkedHashMap<>();
    loaded.filter(p -> p.id().equals(pack.id()) && p.manifest().version().equals(pack.version()))
        .ifPresent(p -> p.checklists().forEach(c -> terms.put(c.doc().id(), of(c.doc(), enabledRules))));
    return terms;
  }

  private static ChecklistTerms of(ChecklistDoc doc, java.util.Set<String> enabledRules) {
    Map<String, Credit> credits = new LinkedHashMap<>();
    for (ChecklistDoc.ItemDoc item : doc.items()) {
      if (item.credit() != null) {
        credits.put(item.rule(), new Credit(item.credit().indicator(), item.credit().perUnit(), item.credit().bands()
            .stream().map(b -> Map.entry(b.min(), b.points())).toList()));
      }
    }
    return new ChecklistTerms(
        doc.method() == ChecklistDoc.Method.WEIGHTED,
        doc.maximum(),
        doc.floor() != null ? doc.floor() : BigDecimal.ZERO,
        doc.minEvidence() != null ? doc.minEvidence() : BigDecimal.valueOf(100),
        credits,
        doc.deductions().stream().map(d -> new Deduction(List.copyOf(d.events()), d.points(), d.max(),
            d.within() == null ? "period" : d.within(), !Boolean.FALSE.equals(d.verifiedOnly()),
            d.title() == null ? LocalizedText.EMPTY : d.title())).toList(),
        doc.vetoes().stream().filter(v -> enabledRules.contains(v.rule()))
            .map(v -> new Veto(v.rule(), v.capRating(), v.capScore(), v.reason() == null ? LocalizedText.EMPTY
                : v.reason())).toList(),
        doc.quotas().stream().map(q -> new Quota(q.band(), q.maxPercent(), q.of(),
            q.override() == null ? null : q.override().maxPercent(),
            q.override() == null ? null : condition(q.override().when()))).toList(),
        doc.ranking() == null ? null : doc.ranking().peerGroup() == null ? "" : doc.ranking().peerGroup());
  }

  /** A condition as the pack writes it, in flow style: {@code {attribute: exceptional, eq: true}}. */
  static String condition(JsonNode node) {
    if (node.isObject()) {
      StringBuilder text = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        text.append(field.getKey()).append(": ").append(condition(field.getValue()));
        if (fields.hasNext()) {
          text.append(", ");
        }
      }
      return text.append('}').toString();
    }
    if (node.isArray()) {
      List<String> items = new java.util.ArrayList<>();
      node.forEach(n -> items.add(condition(n)));
      return items.stream().collect(Collectors.joining(", ", "[", "]"));
    }
    return node.asText();
  }

  /** The source a pack was loaded from: a folder, or a pack of a provider on the class path. */
  private static Optional<RulePackSource> source(String origin) {
    try {
      Path folder = Path.of(origin);
      if (Files.isDirectory(folder)) {
        return Optional.of(RulePackSource.directory(folder));
      }
    } catch (InvalidPathException e) {
      // a URL: look for it among the providers
    }
    Iterator<RulePackProvider> providers = ServiceLoader.load(RulePackProvider.class).iterator();
    while (true) {
      try {
        if (!providers.hasNext()) {
          return Optional.empty();
        }
        for (RulePackSource source : providers.next().packs()) {
          if (source.origin().equals(origin)) {
            return Optional.of(source);
          }
        }
      } catch (ServiceConfigurationError e) {
        // the engine reported it when it was built
      }
    }
  }
}
