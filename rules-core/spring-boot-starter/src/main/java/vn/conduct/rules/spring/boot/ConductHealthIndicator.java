package vn.conduct.rules.spring.boot;

import java.time.Clock;
import org.apiguardian.api.API;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import vn.conduct.rules.api.RulesEngine;

/**
 * The Actuator health indicator {@code conduct}: UP with the engine's version and every loaded pack
 * version (id, version, digest, dates in force and whether it is in force today), DOWN with the error
 * when the engine could not be built ({@code conduct.fail-fast=false}) or cannot list its packs.
 *
 * <pre>{@code
 * "conduct": {"status": "UP", "details": {"engine": "0.1.0", "packs": [
 *   {"id": "hanoi-522", "version": "2.1.0", "digest": "sha256:…", "effectiveFrom": "2025-01-01",
 *    "effectiveUntil": null, "inForceToday": true}, …]}}
 * }</pre>
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class ConductHealthIndicator implements HealthIndicator {

  private final RulesEngine engine;
  private final Clock clock;

  /**
   * Reports on an engine; "today" is the date of the clock.
   *
   * @param engine the engine whose packs are listed
   * @param clock the clock that says which day is today
   */
  public ConductHealthIndicator(RulesEngine engine, Clock clock) {
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
