package vn.conduct.rules.hanoi;

import java.util.List;
import org.apiguardian.api.API;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/**
 * Supplies the Hanoi rule packs from this jar's class path.
 *
 * <p>The packs are data only; this class merely points at their folders (see the module's README
 * for what each covers, on what basis, and how it scores):
 *
 * <ul>
 *   <li>{@code hanoi-522}: officers' code of conduct, QĐ 522/QĐ-UBND (2017), with the national
 *       baseline QĐ 129/2007/QĐ-TTg; draft-only norms disabled;
 *   <li>{@code hanoi-1665}: conduct in public places, QĐ 1665/QĐ-UBND (2017), and festivals (NĐ 110/2018);
 *   <li>{@code hanoi-3814}: monthly grading, QĐ 3814-QĐ/TU (A/B/C/D with a share quota);
 *   <li>{@code hanoi-yearly}: yearly classification, NĐ 90/2020 (1.1.0, years to 2025) and NĐ 335/2025
 *       (2.1.0, years from 2026; civil servants and State administrative agencies);
 *   <li>{@code hanoi-units}: unit scoring and ranking by block (PAR-like index, SIPAS, inspections),
 *       1.2.0 until 30 June 2025 and 2.2.0 after the district level ended;
 *   <li>{@code hanoi-models}: the model programmes (one-stop desk, cultural apartment building, green
 *       agency, friendly school, civilised market, relic as a safe destination, ...);
 *   <li>{@code hanoi-tayho-2020}: an overlay on {@code hanoi-522} with Tây Hồ district's 2020 plan (commitments
 *       by the end of April 2020, the two inspection rounds, the wards' loudspeaker broadcasts); evaluated only
 *       when a request names it, in place of {@code hanoi-522};
 *   <li>{@code hanoi-tayho-2020-units}: an overlay on {@code hanoi-units} 1.x with the same plan's inspections
 *       (two periodic rounds in 2020, at least two inspections a year); evaluated only when named.
 * </ul>
 *
 * <p>hanoi-522 2.0.0 and hanoi-units 1.1.0 and 2.1.0, which still held the Tây Hồ plan's rules, and hanoi-522
 * 2.1.0, which counted breaches towards citizens however they were recorded, stay in the jar
 * under {@code rulepacks/frozen}
 * like the format 1 versions and is listed by {@link #frozenPacks()} only.
 *
 * <p>The format 1 versions these replaced (hanoi-522 1.0.0, hanoi-1665 1.0.0, hanoi-3814 1.0.0,
 * hanoi-yearly 1.0.0 and 2.0.0, hanoi-units 1.0.0 and 2.0.0, hanoi-models 1.0.0) stay in the jar, unchanged
 * (their digests too), under {@code rulepacks/frozen}, but {@link #packs()} does not list them: loaded
 * beside their successors they would be chosen for any period the format 2 version cannot judge (a month
 * for a yearly pack), silently, with the old meaning. A host that pins one adds {@link #frozenPacks()} to
 * its engine as well.
 *
 * <p>Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/vn.conduct.rules.spi.RulePackProvider}, or registered explicitly:
 *
 * <pre>{@code
 * RulesEngine engine = RulesEngine.builder()
 *     .addProvider(new HanoiRulePackProvider())
 *     .build();
 * }</pre>
 *
 * <p>Instances are stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HanoiRulePackProvider implements RulePackProvider {

  /** This provider's id. */
  public static final String ID = "hanoi";

  private static final List<String> FOLDERS =
      List.of("rulepacks/hanoi-522/v2", "rulepacks/hanoi-3814", "rulepacks/hanoi-1665/v2",
          "rulepacks/hanoi-units/v1", "rulepacks/hanoi-units/v2",
          "rulepacks/hanoi-yearly-nd90", "rulepacks/hanoi-yearly-nd335", "rulepacks/hanoi-models/v1.1",
          "rulepacks/hanoi-tayho-2020", "rulepacks/hanoi-tayho-2020-units");

  private static final List<String> FROZEN =
      List.of("rulepacks/frozen/hanoi-522-1.0.0", "rulepacks/frozen/hanoi-1665-1.0.0",
          "rulepacks/frozen/hanoi-3814-1.0.0", "rulepacks/frozen/hanoi-yearly-1.0.0",
          "rulepacks/frozen/hanoi-yearly-2.0.0", "rulepacks/frozen/hanoi-units-1.0.0",
          "rulepacks/frozen/hanoi-units-2.0.0", "rulepacks/frozen/hanoi-models-1.0.0",
          "rulepacks/frozen/hanoi-522-2.0.0", "rulepacks/frozen/hanoi-units-1.1.0",
          "rulepacks/frozen/hanoi-units-2.1.0", "rulepacks/frozen/hanoi-3814-1.1.0", "rulepacks/frozen/hanoi-522-2.1.0");

  /** Creates the provider; public and without arguments, for {@link java.util.ServiceLoader}. */
  public HanoiRulePackProvider() {
    // nothing to set up: the packs are read by the engine
  }

  /** Returns {@value #ID}. */
  @Override
  public String id() {
    return ID;
  }

  /**
   * Returns the Hanoi packs, in a fixed order.
   *
   * @throws IllegalArgumentException if a pack folder is missing from the class path
   */
  @Override
  public List<RulePackSource> packs() {
    return FOLDERS.stream()
        .map(folder -> RulePackSource.classpath(HanoiRulePackProvider.class, folder))
        .toList();
  }

  /**
   * Returns the format 1 versions replaced by format 2 ones in issue 10 (hanoi-3814 1.0.0, hanoi-yearly
   * 1.0.0 and 2.0.0, hanoi-units 1.0.0 and 2.0.0), and the format 2 versions whose district rules moved into
   * the Tây Hồ overlays in issue 12 (hanoi-522 2.0.0, hanoi-units 1.1.0 and 2.1.0), for hosts that pin them. Their successors have higher
   * versions and the same dates, so unless pinned they are chosen only for a period the successor cannot
   * judge.
   *
   * @return the frozen packs, in a fixed order
   * @throws IllegalArgumentException if a pack folder is missing from the class path
   * @since 0.2
   */
  public static List<RulePackSource> frozenPacks() {
    return FROZEN.stream()
        .map(folder -> RulePackSource.classpath(HanoiRulePackProvider.class, folder))
        .toList();
  }
}
