package vn.conduct.rules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What produced a report: the engine version, the evaluation date and period, and the packs used.
 *
 * @param engineVersion the version of rules-core
 * @param asOf the evaluation date
 * @param period the evaluated period
 * @param packs the packs used, ordered by id
 * @since 0.1
 */
public record Provenance(String engineVersion, LocalDate asOf, Period period, List<PackUse> packs) {

  public Provenance {
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(period, "period");
    packs = List.copyOf(packs);
  }
}
