package vn.conduct.rules.spring.boot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.RulesEngine;

/** The details of the health indicator {@code conduct}, the same on Boot 3 and Boot 4. */
final class PackHealth {

  private PackHealth() {
  }

  /**
   * The engine's version, today's date and every loaded pack version (id, version, digest, dates in force,
   * whether in force today, the base of an overlay).
   *
   * @throws RuntimeException what the engine throws when it could not be built or cannot list its packs
   */
  static Map<String, Object> details(RulesEngine engine, Clock clock) {
    if (engine instanceof UnavailableRulesEngine unavailable) {
      throw unavailable.cause();
    }
    LocalDate today = LocalDate.now(clock);
    List<Map<String, Object>> packs = engine.packs().stream().map(pack -> {
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
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("engine", engine.version());
    details.put("today", today.toString());
    details.put("packs", packs);
    return details;
  }
}
