package vn.conduct.rules.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the health indicator {@code conduct} is enabled, as Actuator decides for its own:
 * {@code management.health.conduct.enabled}, else {@code management.health.defaults.enabled}, else true.
 * The starter's own condition rather than Actuator's {@code @ConditionalOnEnabledHealthIndicator}, which
 * Boot 4.0 moved to another package: one condition for both lines.
 */
final class HealthIndicatorEnabled extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment environment = context.getEnvironment();
    Boolean own = environment.getProperty("management.health.conduct.enabled", Boolean.class);
    if (own != null) {
      return new ConditionOutcome(own, "management.health.conduct.enabled=" + own);
    }
    boolean defaults = environment.getProperty("management.health.defaults.enabled", Boolean.class, true);
    return new ConditionOutcome(defaults, "management.health.defaults.enabled=" + defaults);
  }
}
