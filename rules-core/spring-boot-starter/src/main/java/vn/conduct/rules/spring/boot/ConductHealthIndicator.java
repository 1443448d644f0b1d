package vn.conduct.rules.spring.boot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;

/**
 * The Actuator health indicator {@code conduct}: UP with the engine's version and every loaded pack
 * version (id, version, digest, dates in force and whether it is in force today), DOWN with the error
 * when the engine could not be built ({@code conduct.fail-fast=false}) or cannot list its packs.
 *
 * <pre>{@code
 * "conduct": {"status": "UP", "details": {"engine": "0.1.0", "packs": [
 *   {"id": "hanoi-522", "version": "2.0.0", "digest": "sha256:…", "effectiveFrom": "2025-01-01",
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
    if (engine instanceof UnavailableRulesEngine unavailable) {
      return Health.down(unavailable.cause()).build();
    }
    List<RulePackInfo> packs;
    String version;
    try {
      packs = engine.packs();
      version = engine.version();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
    LocalDate today = LocalDate.now(clock);
    List<Map<String, Object>> details = packs.stream().map(pack -> {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("id", pack.id());
      detail.put("version", pack.version());
      detail.put("digest", pack.digest());
      detail.put("effectiveFrom", pack.effectiveFrom() == null ? null : pack.effectiveFrom().toString());
      detail.put("effectiveUntil", pack.effectiveUntil() == null ? null : pack.effectiveUntil().toString());
      detail.put("inForceToday", pack.inForceOn(today));
      pack.base().ifPresent(base -> detail.put("base", base));
      return detail;
    }).toList();
    return Health.up().withDetail("engine", version).withDetail("today", today.toString())
        .withDetail("packs", details).build();
  }
}
