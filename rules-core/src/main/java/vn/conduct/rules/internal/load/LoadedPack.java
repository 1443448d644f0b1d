package vn.conduct.rules.internal.load;

import java.util.List;
import java.util.Map;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.model.ChecklistDoc;
import vn.conduct.rules.internal.model.EffectiveDoc;
import vn.conduct.rules.internal.model.PackDoc;
import vn.conduct.rules.internal.model.RuleDoc;

/**
 * A pack that loaded without errors: its manifest, its rules and checklists with their
 * conditions parsed and type-checked, its digest and where it came from. Immutable.
 */
public record LoadedPack(
    PackDoc manifest,
    SemVer version,
    SemVer.Range engineRange,
    String digest,
    String origin,
    List<LoadedRule> rules,
    List<LoadedChecklist> checklists,
    Map<String, Object> parameterDefaults,
    List<Layer> layers,
    Map<String, Layer> shapedBy,
    com.fasterxml.jackson.databind.JsonNode manifestTree) {

  public LoadedPack {
    layers = List.copyOf(layers);
    shapedBy = Map.copyOf(shapedBy);
  }

  /**
   * One pack version a loaded pack is made of: the pack itself, or for an overlay (rule-pack-format.md,
   * section 16) the pack it extends, then each overlay, base first.
   */
  public record Layer(String packId, String version, String digest, String origin, java.time.LocalDate from,
      java.time.LocalDate until) {

    /** Whether this layer's own version is in force on a date. */
    public boolean inForceOn(java.time.LocalDate date) {
      return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
    }

    /** {@code id@version}. */
    public String key() {
      return packId + "@" + version;
    }
  }

  /** The parameters the pack declares, in id order, with their defaults as the (merged) manifest writes them. */
  public List<vn.conduct.rules.api.RulePackInfo.Parameter> parameterInfos() {
    return new java.util.TreeMap<>(manifest.parameters()).entrySet().stream()
        .map(e -> e.getValue().describe(e.getKey())).toList();
  }

  /** Whether this pack is an overlay: made of more than one layer. */
  public boolean overlay() {
    return layers.size() > 1;
  }

  /** The layer that last shaped an entry ({@code rule:<id>}, {@code checklist:<id>}, {@code parameter:<id>}). */
  public Layer layerOf(String entry) {
    return shapedBy.getOrDefault(entry, layers.get(layers.size() - 1));
  }

  /** This pack as one layer (its own version, digest and dates). */
  static Layer ownLayer(PackDoc manifest, String digest, String origin) {
    EffectiveDoc effective = manifest.effective();
    return new Layer(manifest.id(), manifest.version(), digest, origin, effective == null ? null : effective.from(),
        effective == null ? null : effective.until());
  }

  /** A rule and its parsed conditions ({@code when} may be {@code null}). */
  public record LoadedRule(RuleDoc doc, String file, Cond when, Cond condition) {
    public boolean enabled() {
      return doc.enabled() == null || doc.enabled();
    }
  }

  /**
   * A checklist, its parsed quota override and base conditions (by quota index; entries may be null), and
   * where it takes pack parameters (field path → parameter id) with its tree, so that an engine
   * built with parameter overrides can bind it again with their values.
   */
  public record LoadedChecklist(ChecklistDoc doc, String file, List<Cond> quotaOverrides, List<Cond> quotaBases,
      Map<String, String> parameterSlots, vn.conduct.rules.internal.yaml.YamlDocument document) {

    public LoadedChecklist {
      parameterSlots = Map.copyOf(parameterSlots);
    }
  }

  public String id() {
    return manifest.id();
  }

  /**
   * The pack's natural unit: the period kind it judges when the host gives only a date (format 2);
   * {@code null} if it declares none. Declared in {@code pack.yaml} or, alike, by its checklists.
   */
  public vn.conduct.rules.api.Period.Unit unit() {
    if (manifest.period() != null) {
      return manifest.period();
    }
    return checklists.stream().map(c -> c.doc().period()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** The pack's format: 1 or 2. */
  public int format() {
    return manifest.format();
  }
}
