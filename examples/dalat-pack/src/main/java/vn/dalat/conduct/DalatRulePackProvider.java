package vn.dalat.conduct;

import java.util.List;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/**
 * Supplies the pack {@code dalat-1027}: the code of cultural conduct of the people of Đà Lạt,
 * "Hiền hòa – Thanh lịch – Mến khách" (QĐ 1027/QĐ-UBND of the Đà Lạt City People's Committee,
 * 4 April 2022), from this jar's class path.
 *
 * <p>The pack is data only (YAML under {@code rulepacks/dalat-1027/}); this class merely points at its
 * folder. It is found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/vn.conduct.rules.spi.RulePackProvider}, or registered explicitly:
 *
 * <pre>{@code
 * RulesEngine engine = RulesEngine.builder()
 *     .addProvider(new DalatRulePackProvider())
 *     .build();
 * }</pre>
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class DalatRulePackProvider implements RulePackProvider {

  /** This provider's id. */
  public static final String ID = "dalat";

  /** The id of the pack this provider supplies. */
  public static final String PACK_ID = "dalat-1027";

  /** The class-path folder that holds the pack's {@code pack.yaml}. */
  static final String FOLDER = "rulepacks/dalat-1027";

  /** Creates the provider; public and without arguments, for {@link java.util.ServiceLoader}. */
  public DalatRulePackProvider() {
    // nothing to set up: the engine reads the pack
  }

  /** Returns {@value #ID}. */
  @Override
  public String id() {
    return ID;
  }

  /**
   * Returns the one pack, {@value #PACK_ID}.
   *
   * @throws IllegalArgumentException if the pack folder is missing from the class path
   */
  @Override
  public List<RulePackSource> packs() {
    return List.of(RulePackSource.classpath(DalatRulePackProvider.class, FOLDER));
  }
}
