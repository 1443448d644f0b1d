package vn.conduct.rules.spring.boot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code conduct.*} properties that configure the auto-configured {@code RulesEngine}.
 *
 * <pre>
 * conduct.packs=packs/my-district,/srv/packs/ward-plan
 * conduct.parameters.hanoi-522.late-arrival-repeat-count=3
 * conduct.parallelism=2
 * </pre>
 *
 * <p>Immutable: bound once through the constructor when the application starts.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
@ConfigurationProperties(prefix = "conduct")
public final class ConductProperties {

  /** Whether to auto-configure a RulesEngine (and its health indicator and metrics) at all. */
  private final boolean enabled;

  /**
   * Whether to load every pack that a RulePackProvider on the class path supplies (found by ServiceLoader,
   * e.g. conduct-hanoi's packs).
   */
  private final boolean discoverProviders;

  /** Pack folders to load besides the discovered packs, each holding a pack.yaml. */
  private final List<Path> packs;

  /**
   * Overrides of pack parameters' defaults, by pack id then parameter name, e.g.
   * conduct.parameters.hanoi-522.late-arrival-repeat-count=3. The value is read as the parameter's declared
   * type; an unknown pack or parameter, or a value of the wrong type, stops the engine from being built.
   */
  private final Map<String, Map<String, String>> parameters;

  /**
   * How many threads one evaluation may use (parts of whole unit trees evaluated at once); unset means the
   * number of processors available, 1 evaluates on the caller's thread only.
   */
  private final Integer parallelism;

  /**
   * Whether a pack that fails to load stops the application from starting. When false, the application
   * starts, the health indicator 'conduct' is DOWN with the problem, and every call to the engine throws
   * IllegalStateException naming it.
   */
  private final boolean failFast;

  /**
   * Binds the properties; Spring calls this with the configured values or the defaults shown.
   *
   * @param enabled {@code conduct.enabled}
   * @param discoverProviders {@code conduct.discover-providers}
   * @param packs {@code conduct.packs}
   * @param parameters {@code conduct.parameters}
   * @param parallelism {@code conduct.parallelism}, or null for the engine's default
   * @param failFast {@code conduct.fail-fast}
   */
  public ConductProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean discoverProviders,
      @DefaultValue List<Path> packs, @DefaultValue Map<String, Map<String, String>> parameters,
      Integer parallelism, @DefaultValue("true") boolean failFast) {
    if (parallelism != null && parallelism < 1) {
      throw new IllegalArgumentException("conduct.parallelism must be at least 1, was " + parallelism
          + "; leave it unset for the number of processors");
    }
    this.enabled = enabled;
    this.discoverProviders = discoverProviders;
    this.packs = List.copyOf(packs);
    this.parameters = parameters.entrySet().stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    this.parallelism = parallelism;
    this.failFast = failFast;
  }

  /** {@code conduct.enabled}: whether the engine is auto-configured; default true. */
  public boolean isEnabled() {
    return enabled;
  }

  /** {@code conduct.discover-providers}: whether providers on the class path are loaded; default true. */
  public boolean isDiscoverProviders() {
    return discoverProviders;
  }

  /** {@code conduct.packs}: pack folders loaded besides the discovered packs; default none. */
  public List<Path> getPacks() {
    return packs;
  }

  /** {@code conduct.parameters}: parameter overrides by pack id, then parameter name; default none. */
  public Map<String, Map<String, String>> getParameters() {
    return parameters;
  }

  /** {@code conduct.parallelism}: threads per evaluation, or null for the engine's default. */
  public Integer getParallelism() {
    return parallelism;
  }

  /** {@code conduct.fail-fast}: whether a pack that fails to load stops the application; default true. */
  public boolean isFailFast() {
    return failFast;
  }

  @Override
  public String toString() {
    return "conduct.enabled=" + enabled + ", conduct.discover-providers=" + discoverProviders + ", conduct.packs="
        + packs + ", conduct.parameters=" + parameters + ", conduct.parallelism="
        + (parallelism == null ? "(processors)" : parallelism) + ", conduct.fail-fast=" + failFast;
  }
}
