package vn.conduct.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Subject;

/**
 * Deterministic synthetic facts (fixed {@link Random} seeds), kept both as primitive arrays (for
 * {@link HandWrittenBaseline}) and as an {@link EvaluationRequest} (for the engine), so both see
 * exactly the same facts.
 */
public final class SyntheticFacts {

  /** The evaluation date of every synthetic request. */
  public static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  /** Seed of the threshold facts. */
  public static final long UNIT_SEED = 0x5EED_0001L;

  /** Seed of the cross-fact facts. */
  public static final long STAFF_SEED = 0x5EED_0002L;

  /** Events are dated 1..EVENT_MAX_AGE_DAYS days before {@link #AS_OF}: well inside P12M. */
  public static final int EVENT_MAX_AGE_DAYS = 350;

  /** One event in this many is unverified (and must not be counted: verified-only defaults to true). */
  public static final int UNVERIFIED_ONE_IN = 10;

  private SyntheticFacts() { }

  // ---------------------------------------------------------------------------------------------
  // Threshold workload

  /** Units with 20 indicator values each (0..99) and a flag (true for ~90 %). */
  public static final class Units {
    /** Number of units. */
    public final int count;
    /** Indicator values, row-major: {@code values[unit * 20 + indicator]}. */
    public final int[] values;
    /** The {@code flag} attribute per unit. */
    public final boolean[] flag;

    Units(int count, int[] values, boolean[] flag) {
      this.count = count;
      this.values = values;
      this.flag = flag;
    }

    /** The id of unit {@code u}. */
    public static String id(int u) {
      return String.format(Locale.ROOT, "u%07d", u);
    }

    /** The facts as a request restricted to {@code packIds}: subjects, then 20 observations each. */
    public EvaluationRequest toRequest(List<String> packIds) {
      List<Subject> subjects = new ArrayList<>(count);
      List<Observation> observations = new ArrayList<>(count * SyntheticPacks.INDICATORS);
      for (int u = 0; u < count; u++) {
        String id = id(u);
        subjects.add(new Subject(id, "unit", null, null, Map.of("flag", flag[u])));
        int base = u * SyntheticPacks.INDICATORS;
        for (int i = 0; i < SyntheticPacks.INDICATORS; i++) {
          // Integer values 0..99 are cached boxes: 2 M observations cost no extra boxes.
          observations.add(Observation.of(id, SyntheticPacks.INDICATOR_NAMES[i],
              Integer.valueOf(values[base + i])));
        }
      }
      EvaluationRequest.Builder builder = EvaluationRequest.builder(AS_OF);
      packIds.forEach(builder::pack);
      return builder.subjects(subjects).observations(observations).build();
    }
  }

  /** Generates {@code count} units, deterministic for a given count. */
  public static Units units(int count) {
    Random random = new Random(UNIT_SEED);
    int[] values = new int[count * SyntheticPacks.INDICATORS];
    boolean[] flag = new boolean[count];
    for (int u = 0; u < count; u++) {
      flag[u] = random.nextInt(10) != 0;
      int base = u * SyntheticPacks.INDICATORS;
      for (int i = 0; i < SyntheticPacks.INDICATORS; i++) {
        values[base + i] = random.nextInt(100);
      }
    }
    return new Units(count, values, flag);
  }

  // ---------------------------------------------------------------------------------------------
  // Cross-fact workload

  /** Agencies, officers (each in one agency) and dated violation events about officers. */
  public static final class Staff {
    /** Number of agencies. */
    public final int agencies;
    /** Number of officers. */
    public final int officers;
    /** The agency of each officer. */
    public final int[] agencyOf;
    /** The officer each event is about. */
    public final int[] eventOfficer;
    /** The norm (0..NORMS-1) each event violates. */
    public final byte[] eventNorm;
    /** How many days before {@link #AS_OF} each event happened (1..EVENT_MAX_AGE_DAYS). */
    public final short[] eventAgeDays;
    /** Whether each event was verified. */
    public final boolean[] eventVerified;

    Staff(int agencies, int officers, int[] agencyOf, int[] eventOfficer, byte[] eventNorm,
        short[] eventAgeDays, boolean[] eventVerified) {
      this.agencies = agencies;
      this.officers = officers;
      this.agencyOf = agencyOf;
      this.eventOfficer = eventOfficer;
      this.eventNorm = eventNorm;
      this.eventAgeDays = eventAgeDays;
      this.eventVerified = eventVerified;
    }

    /** Number of events. */
    public int events() {
      return eventOfficer.length;
    }

    /** The id of agency {@code a}. */
    public static String agencyId(int a) {
      return String.format(Locale.ROOT, "a%06d", a);
    }

    /** The id of officer {@code o}. */
    public static String officerId(int o) {
      return String.format(Locale.ROOT, "o%07d", o);
    }

    /** The facts as a request restricted to {@code packId}: agencies, officers, events. */
    public EvaluationRequest toRequest(String packId) {
      String[] agencyIds = new String[agencies];
      List<Subject> subjects = new ArrayList<>(agencies + officers);
      for (int a = 0; a < agencies; a++) {
        agencyIds[a] = agencyId(a);
        subjects.add(Subject.of(agencyIds[a], "agency"));
      }
      String[] officerIds = new String[officers];
      for (int o = 0; o < officers; o++) {
        officerIds[o] = officerId(o);
        subjects.add(new Subject(officerIds[o], "officer", null, agencyIds[agencyOf[o]], Map.of()));
      }
      LocalDate[] dates = new LocalDate[EVENT_MAX_AGE_DAYS + 1];
      for (int d = 0; d < dates.length; d++) {
        dates[d] = AS_OF.minusDays(d);
      }
      List<Event> events = new ArrayList<>(events());
      for (int e = 0; e < events(); e++) {
        events.add(new Event(null, officerIds[eventOfficer[e]],
            SyntheticPacks.EVENT_TYPES[eventNorm[e]], dates[eventAgeDays[e]], eventVerified[e],
            Map.of()));
      }
      return EvaluationRequest.builder(AS_OF)
          .pack(packId)
          .subjects(subjects)
          .events(events)
          .build();
    }
  }

  /**
   * Generates {@code agencies} agencies, {@code officers} officers (officer {@code o} belongs to
   * agency {@code o % agencies}, so each agency has officers when {@code officers >= agencies}),
   * and {@code events} events, each about a random officer, a random norm, dated uniformly
   * 1..{@value #EVENT_MAX_AGE_DAYS} days before {@link #AS_OF}; one in
   * {@value #UNVERIFIED_ONE_IN} is unverified.
   */
  public static Staff staff(int agencies, int officers, int events) {
    if (agencies <= 0 || officers <= 0 || events < 0) {
      throw new IllegalArgumentException(
          "need agencies > 0, officers > 0, events >= 0: " + agencies + ", " + officers + ", " + events);
    }
    Random random = new Random(STAFF_SEED);
    int[] agencyOf = new int[officers];
    for (int o = 0; o < officers; o++) {
      agencyOf[o] = o % agencies;
    }
    int[] eventOfficer = new int[events];
    byte[] eventNorm = new byte[events];
    short[] eventAge = new short[events];
    boolean[] verified = new boolean[events];
    for (int e = 0; e < events; e++) {
      eventOfficer[e] = random.nextInt(officers);
      eventNorm[e] = (byte) random.nextInt(SyntheticPacks.NORMS);
      eventAge[e] = (short) (1 + random.nextInt(EVENT_MAX_AGE_DAYS));
      verified[e] = random.nextInt(UNVERIFIED_ONE_IN) != 0;
    }
    return new Staff(agencies, officers, agencyOf, eventOfficer, eventNorm, eventAge, verified);
  }
}
