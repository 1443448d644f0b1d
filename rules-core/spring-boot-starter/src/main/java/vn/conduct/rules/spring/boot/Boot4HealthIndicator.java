package vn.conduct.rules.spring.boot;

import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import vn.conduct.rules.api.RulesEngine;

/**
 * The health indicator {@code conduct} on Spring Boot 4.0, where the health contributor API moved to
 * {@code org.springframework.boot.health.contributor} (spring-boot-health): the same details as
 * {@link ConductHealthIndicator}, which implements Boot 3's interface. Loaded only on Boot 4.
 */
final class Boot4HealthIndicator implements HealthIndicator {

  private final RulesEngine engine;
  private final Clock clock;

  Boot4HealthIndicator(RulesEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public Health health() {
    try {
      return Health.up().withDetails(PackHealth.details(engine, clock)).build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
