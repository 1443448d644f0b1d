package vn.conduct.rules.internal.load;

import java.util.List;
import java.util.Map;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.model.ChecklistDoc;
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
    Map<String, Object> parameterDefaults) {

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
