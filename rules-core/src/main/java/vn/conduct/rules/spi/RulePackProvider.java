package vn.conduct.rules.spi;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A plugin that supplies rule packs, found by {@link java.util.ServiceLoader} or registered
 * explicitly with {@code RulesEngine.builder().addProvider(...)}.
 *
 * <p>A provider only points at pack files: packs are data, and nothing in them is ever run.
 * Implementations must have a public no-argument constructor to be found by ServiceLoader, and
 * list themselves in {@code META-INF/services/vn.conduct.rules.spi.RulePackProvider}.
 *
 * <pre>{@code
 * public final class HanoiRulePackProvider implements RulePackProvider {
 *   public String id() { return "hanoi"; }
 *   public List<RulePackSource> packs() {
 *     return List.of(RulePackSource.classpath(getClass(), "rulepacks/hanoi-522"));
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RulePackProvider {

  /** The provider's id, for messages; never {@code null} or blank. */
  String id();

  /** The packs this provider supplies (each version of a pack is its own source). */
  List<RulePackSource> packs();
}
