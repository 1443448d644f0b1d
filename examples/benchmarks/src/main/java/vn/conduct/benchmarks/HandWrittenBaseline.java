package vn.conduct.benchmarks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.benchmarks.SyntheticFacts.Staff;
import vn.conduct.benchmarks.SyntheticFacts.Units;
import vn.conduct.benchmarks.SyntheticPacks.ThresholdPack;
import vn.conduct.benchmarks.SyntheticPacks.ThresholdRule;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Subject;

/**
 * The same outcomes as the synthetic packs, computed by plain Java loops: the practical upper
 * bound for throughput, and the reference every engine run is checked against.
 *
 * <p>Two flavours per workload:
 * <ul>
 *   <li><b>arrays</b>: over the primitive arrays of {@link SyntheticFacts}, as a hand-written
 *       program that owns its data layout would be;
 *   <li><b>from request</b>: reads the same {@link EvaluationRequest} objects the engine gets,
 *       indexes them by id with hash maps, then loops; this includes the cost of taking facts in
 *       the API's shape, with three-valued logic for missing values.
 * </ul>
 */
public final class HandWrittenBaseline {

  private static final int N = SyntheticPacks.INDICATORS;

  private HandWrittenBaseline() { }

  // ---------------------------------------------------------------------------------------------
  // Threshold workload

  /** Rule definitions as arrays, for the inner loop. */
  public static final class ThresholdRules {
    final int[] indicator;
    final int[] threshold;
    final boolean[] needsFlag;

    public ThresholdRules(ThresholdPack pack) {
      this.indicator = pack.indicators();
      this.threshold = pack.thresholds();
      this.needsFlag = pack.needsFlag();
    }

    public int size() {
      return indicator.length;
    }
  }

  /** Total FAIL outcomes over all (unit, rule) pairs; the benchmarked loop. */
  public static long thresholdFails(Units units, ThresholdRules rules) {
    final int[] values = units.values;
    final boolean[] flag = units.flag;
    final int[] indicator = rules.indicator;
    final int[] threshold = rules.threshold;
    final boolean[] needsFlag = rules.needsFlag;
    final int ruleCount = indicator.length;
    long fails = 0;
    for (int u = 0, base = 0; u < units.count; u++, base += N) {
      boolean unitFlag = flag[u];
      for (int r = 0; r < ruleCount; r++) {
        // requirement: FAIL when the condition (flag if needed, and value >= threshold) is false
        if ((needsFlag[r] && !unitFlag) || values[base + indicator[r]] < threshold[r]) {
          fails++;
        }
      }
    }
    return fails;
  }

  /** FAIL outcomes per rule (index = rule index), for checking the engine rule by rule. */
  public static long[] thresholdFailsPerRule(Units units, ThresholdPack pack) {
    List<ThresholdRule> rules = pack.rules();
    long[] fails = new long[rules.size()];
    for (int u = 0; u < units.count; u++) {
      int base = u * N;
      for (int r = 0; r < fails.length; r++) {
        ThresholdRule rule = rules.get(r);
        if ((rule.needsFlag() && !units.flag[u])
            || units.values[base + rule.indicator()] < rule.threshold()) {
          fails[r]++;
        }
      }
    }
    return fails;
  }

  /**
   * Total FAIL outcomes computed from the request's objects: subjects and observations are
   * indexed by id first (the latest observation wins; a missing value makes a comparison
   * UNKNOWN, which is not a FAIL).
   */
  public static long thresholdFailsFromRequest(EvaluationRequest request, ThresholdRules rules) {
    List<Subject> subjects = request.subjects();
    int count = subjects.size();
    Map<String, Integer> index = new HashMap<>(count * 2);
    Map<String, Integer> indicatorIndex = new HashMap<>(N * 2);
    for (int i = 0; i < N; i++) {
      indicatorIndex.put(SyntheticPacks.INDICATOR_NAMES[i], i);
    }
    // flag: 1 true, 0 false, -1 missing; values: NaN when missing
    byte[] flag = new byte[count];
    double[] values = new double[count * N];
    Arrays.fill(values, Double.NaN);
    for (int u = 0; u < count; u++) {
      Subject subject = subjects.get(u);
      index.put(subject.id(), u);
      Object value = subject.attributes().get("flag");
      flag[u] = value instanceof Boolean b ? (byte) (b ? 1 : 0) : -1;
    }
    LocalDate asOf = request.asOf();
    for (Observation observation : request.observations()) {
      Integer u = index.get(observation.subjectId());
      Integer i = indicatorIndex.get(observation.indicator());
      if (u == null || i == null) {
        continue;
      }
      if (observation.observedOn() != null && observation.observedOn().isAfter(asOf)) {
        continue;
      }
      values[u * N + i] = observation.value() instanceof Number number
          ? number.doubleValue() : Double.NaN;
    }
    final int[] indicator = rules.indicator;
    final int[] threshold = rules.threshold;
    final boolean[] needsFlag = rules.needsFlag;
    long fails = 0;
    for (int u = 0; u < count; u++) {
      int base = u * N;
      for (int r = 0; r < indicator.length; r++) {
        double value = values[base + indicator[r]];
        // Kleene AND: false if any operand is known false
        boolean flagFalse = needsFlag[r] && flag[u] == 0;
        boolean comparisonFalse = !Double.isNaN(value) && value < threshold[r];
        if (flagFalse || comparisonFalse) {
          fails++;
        }
      }
    }
    return fails;
  }

  // ---------------------------------------------------------------------------------------------
  // Cross-fact workload

  /**
   * Days back from {@link SyntheticFacts#AS_OF} an event may be and still fall within P12M. The
   * synthetic events are never on the boundary, so whether it is inclusive does not matter.
   */
  static final int WINDOW_DAYS = (int) ChronoUnit.DAYS.between(
      SyntheticFacts.AS_OF.minusMonths(12), SyntheticFacts.AS_OF);

  /**
   * FAIL outcomes of the cross-fact pack from the arrays: index {@code j < NORMS} is the number
   * of officers failing norm {@code j}'s rule, index {@code NORMS} the number of agencies with at
   * least one such officer (what an agency rule "no officer with 2 violations of one norm" would
   * FAIL; not expressible in format v1, so informational only).
   */
  public static long[] crossFactFails(Staff staff) {
    final int norms = SyntheticPacks.NORMS;
    int[] counts = new int[staff.officers * norms];
    final int[] officer = staff.eventOfficer;
    final byte[] norm = staff.eventNorm;
    final short[] age = staff.eventAgeDays;
    final boolean[] verified = staff.eventVerified;
    for (int e = 0; e < officer.length; e++) {
      if (verified[e] && age[e] >= 0 && age[e] < WINDOW_DAYS) {
        counts[officer[e] * norms + norm[e]]++;
      }
    }
    long[] fails = new long[norms + 1];
    boolean[] agencyFails = new boolean[staff.agencies];
    for (int o = 0, base = 0; o < staff.officers; o++, base += norms) {
      boolean any = false;
      for (int j = 0; j < norms; j++) {
        if (counts[base + j] >= SyntheticPacks.VIOLATION_LIMIT) {
          fails[j]++;
          any = true;
        }
      }
      if (any) {
        agencyFails[staff.agencyOf[o]] = true;
      }
    }
    for (boolean failed : agencyFails) {
      if (failed) {
        fails[norms]++;
      }
    }
    return fails;
  }

  /** As {@link #crossFactFails(Staff)}, but from the request's subjects and events. */
  public static long[] crossFactFailsFromRequest(EvaluationRequest request) {
    final int norms = SyntheticPacks.NORMS;
    Map<String, Integer> agencyIndex = new HashMap<>();
    Map<String, Integer> officerIndex = new HashMap<>();
    Map<String, Integer> normIndex = new HashMap<>(norms * 2);
    for (int j = 0; j < norms; j++) {
      normIndex.put(SyntheticPacks.EVENT_TYPES[j], j);
    }
    for (Subject subject : request.subjects()) {
      if (subject.type().equals("agency")) {
        agencyIndex.put(subject.id(), agencyIndex.size());
      }
    }
    int[] agencyOf = new int[request.subjects().size()];
    for (Subject subject : request.subjects()) {
      if (subject.type().equals("officer")) {
        int o = officerIndex.size();
        officerIndex.put(subject.id(), o);
        Integer agency = subject.parentId() == null ? null : agencyIndex.get(subject.parentId());
        agencyOf[o] = agency == null ? -1 : agency;
      }
    }
    LocalDate asOf = request.asOf();
    LocalDate windowStart = asOf.minusMonths(12);
    int[] counts = new int[officerIndex.size() * norms];
    for (Event event : request.events()) {
      if (!event.verified()) {
        continue;
      }
      LocalDate date = event.date();
      if (!date.isAfter(windowStart) || date.isAfter(asOf)) {
        continue;
      }
      Integer o = officerIndex.get(event.subjectId());
      Integer j = normIndex.get(event.type());
      if (o != null && j != null) {
        counts[o * norms + j]++;
      }
    }
    long[] fails = new long[norms + 1];
    boolean[] agencyFails = new boolean[agencyIndex.size()];
    for (int o = 0; o < officerIndex.size(); o++) {
      boolean any = false;
      for (int j = 0; j < norms; j++) {
        if (counts[o * norms + j] >= SyntheticPacks.VIOLATION_LIMIT) {
          fails[j]++;
          any = true;
        }
      }
      if (any && agencyOf[o] >= 0) {
        agencyFails[agencyOf[o]] = true;
      }
    }
    for (boolean failed : agencyFails) {
      if (failed) {
        fails[norms]++;
      }
    }
    return fails;
  }

  /** Sum of the officer rules' FAILs (the agency figure excluded). */
  public static long officerFails(long[] crossFactFails) {
    long sum = 0;
    for (int j = 0; j < SyntheticPacks.NORMS; j++) {
      sum += crossFactFails[j];
    }
    return sum;
  }

  /**
   * The officer rules' FAILs plus the agencies with a failing officer: what the benchmark
   * returns, so the agency join is part of the measured work as in the preliminary measurements.
   */
  public static long checksum(long[] crossFactFails) {
    return officerFails(crossFactFails) + crossFactFails[SyntheticPacks.NORMS];
  }
}
