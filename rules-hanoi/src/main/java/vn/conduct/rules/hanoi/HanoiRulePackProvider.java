package vn.conduct.rules.hanoi;

import java.util.List;
import org.apiguardian.api.API;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/**
 * Supplies the Hanoi rule packs from this jar's class path.
 *
 * <p>The packs are data only; this class merely points at their folders:
 *
 * <ul>
 *   <li>{@code rulepacks/hanoi-522}: the code of conduct for officers of Hanoi city agencies
 *       (QĐ 522/QĐ-UBND, 2017), with the national office-culture baseline (QĐ 129/2007/QĐ-TTg);
 *       norms known only from the 2016 draft are disabled by default.
 *   <li>{@code rulepacks/hanoi-3814}: the monthly officer grading sheet under QĐ 3814-QĐ/TU (2018),
 *       checklist {@code hn3814-monthly}.
 * </ul>
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
      List.of("rulepacks/hanoi-522", "rulepacks/hanoi-3814", "rulepacks/hanoi-1665",
          "rulepacks/hanoi-units/v1", "rulepacks/hanoi-units/v2",
          "rulepacks/hanoi-yearly-nd90", "rulepacks/hanoi-yearly-nd335", "rulepacks/hanoi-models");

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
}
