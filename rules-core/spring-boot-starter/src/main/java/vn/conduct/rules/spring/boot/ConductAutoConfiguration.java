package vn.conduct.rules.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import vn.conduct.rules.api.RulesEngine;

/**
 * Auto-configures one shared {@link RulesEngine} from {@link ConductProperties} ({@code conduct.*}):
 * the packs of every {@code RulePackProvider} on the class path, the pack folders of
 * {@code conduct.packs}, the parameter overrides of {@code conduct.parameters}. An application's own
 * {@code RulesEngine} bean replaces it. Beside it, when present on the class path:
 *
 * <ul>
 *   <li>Actuator: the health indicator {@code conduct} ({@link ConductHealthIndicator}; on Boot 4.0 the
 *       same details through Boot 4's health API), for whichever engine bean there is;</li>
 *   <li>a Micrometer {@link MeterRegistry} bean: {@link ConductMetrics}, and the auto-configured engine
 *       is instrumented with it.</li>
 * </ul>
 *
 * <p>Turned off with {@code conduct.enabled=false}.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
@AutoConfiguration(afterName = {
    // the MeterRegistry bean must exist when the metrics configuration's condition is read: Boot 3.x,
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    // and Boot 4.0, where they moved to spring-boot-micrometer-metrics
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration"})
@ConditionalOnClass(RulesEngine.class)
@ConditionalOnProperty(prefix = "conduct", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ConductProperties.class)
public class ConductAutoConfiguration {

  private static final Log LOG = LogFactory.getLog(ConductAutoConfiguration.class);

  /** Created by Spring. */
  public ConductAutoConfiguration() {
  }

  /**
   * The engine, built once when the application starts and shared (it is immutable and thread-safe).
   * A pack with an error stops the application, with every issue in the message, unless
   * {@code conduct.fail-fast=false}.
   */
  @Bean
  @ConditionalOnMissingBean
  public RulesEngine rulesEngine(ConductProperties properties, ObjectProvider<ConductMetrics> metrics) {
    RulesEngine engine = build(properties);
    ConductMetrics meters = metrics.getIfAvailable();
    return meters == null ? engine : meters.instrument(engine);
  }

  static RulesEngine build(ConductProperties properties) {
    try {
      RulesEngine.Builder builder = RulesEngine.builder();
      if (properties.isDiscoverProviders()) {
        builder.discoverProviders();
      }
      properties.getPacks().forEach(builder::addPack);
      properties.getParameters().forEach(
          (pack, values) -> values.forEach((name, value) -> builder.parameter(pack, name, value)));
      if (properties.getParallelism() != null) {
        builder.parallelism(properties.getParallelism());
      }
      return builder.build();
    } catch (RuntimeException e) {
      IllegalStateException failure = new IllegalStateException("conduct: could not build the rules engine from "
          + properties + ": " + e.getMessage() + " (fix the pack or the property; conduct.fail-fast=false starts"
          + " the application anyway, with the health indicator 'conduct' DOWN)", e);
      if (properties.isFailFast()) {
        throw failure;
      }
      LOG.error(failure.getMessage()); // every issue is in the message; the stack trace adds nothing for a pack author
      LOG.debug("the engine could not be built", e);
      return new UnavailableRulesEngine(failure);
    }
  }

  /** Meters of evaluations, when the application has a Micrometer registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConductMetrics conductMetrics(MeterRegistry registry) {
      return new ConductMetrics(registry);
    }
  }

  /** The health indicator {@code conduct}, when the application has Actuator (Boot 3). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @Conditional(HealthIndicatorEnabled.class)
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "conductHealthIndicator")
    ConductHealthIndicator conductHealthIndicator(RulesEngine engine, ObjectProvider<Clock> clock) {
      return new ConductHealthIndicator(engine, clock.getIfAvailable(Clock::systemDefaultZone));
    }
  }

  /**
   * The health indicator {@code conduct} on Boot 4.0, where the health contributor API moved to
   * spring-boot-health (and Boot 3's is absent).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.actuate.health.HealthIndicator")
  @Conditional(HealthIndicatorEnabled.class)
  static class Boot4HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "conductHealthIndicator")
    Boot4HealthIndicator conductHealthIndicator(RulesEngine engine, ObjectProvider<Clock> clock) {
      return new Boot4HealthIndicator(engine, clock.getIfAvailable(Clock::systemDefaultZone));
    }
  }
}
