package vn.conduct.benchmarks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import vn.conduct.benchmarks.HandWrittenBaseline.ThresholdRules;
import vn.conduct.benchmarks.SyntheticFacts.Units;
import vn.conduct.benchmarks.SyntheticPacks.ThresholdPack;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.RulesEngine;

/**
 * One whole batch of units evaluated against R threshold rules: the engine's streaming
 * {@code evaluate(request, sink)} (FAILs counted in the sink) beside the hand-written baseline.
 * One operation = one batch; rule evaluations per second = {@code rules * subjects / (ms / 1000)}.
 *
 * <p>{@code workload} is {@code <rules>x<subjects>}. The default set is rules {50, 500, 5000} x
 * subjects {1000, 100000} without {@code 5000x100000}: 500 M rule evaluations per batch, about
 * 30-50 s each at the ~10-18 M evaluations/s Drools reached in the preliminary measurements, so
 * several minutes per fork for warm-up and measurement plus the check run. Run it on purpose with
 * {@code -p workload=5000x100000}.
 *
 * <p>Before measuring {@link #engine}, the setup runs the engine once and throws unless its
 * FAILs per rule equal the baseline's; every measured batch is checked again by its FAIL total.
 * {@link #easyRules} (Easy Rules 4.1 with MVEL rules, {@link EasyRulesBaseline}) is held to the
 * same: its setup runs the engine check and the Easy Rules check, both against the baseline's
 * FAILs per rule.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx8g"})
@State(Scope.Benchmark)
public class ThresholdThroughputBenchmark {

  /** {@code <rules>x<subjects>}. */
  @Param({"50x1000", "500x1000", "5000x1000", "50x100000", "500x100000"})
  public String workload;

  private Path root;
  private Units units;
  private ThresholdRules rules;
  private EvaluationRequest request;
  private RulesEngine engine;
  private EasyRulesBaseline easyRules;
  private long expectedFails;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    int[] size = parseWorkload(workload);
    int ruleCount = size[0];
    int subjectCount = size[1];
    root = SyntheticPacks.tempRoot();
    ThresholdPack pack = SyntheticPacks.writeThresholdPack(root, ruleCount);
    units = SyntheticFacts.units(subjectCount);
    rules = new ThresholdRules(pack);
    request = units.toRequest(pack.packIds());
    long[] perRule = HandWrittenBaseline.thresholdFailsPerRule(units, pack);
    expectedFails = java.util.Arrays.stream(perRule).sum();
    long fromArrays = HandWrittenBaseline.thresholdFails(units, rules);
    long fromRequest = HandWrittenBaseline.thresholdFailsFromRequest(request, rules);
    if (fromArrays != expectedFails || fromRequest != expectedFails) {
      throw new IllegalStateException("baselines disagree: per rule " + expectedFails
          + ", arrays " + fromArrays + ", from request " + fromRequest);
    }
    long pairs = (long) ruleCount * subjectCount;
    System.out.printf(Locale.ROOT,
        "%n[setup] %s: %d pack(s), %d rule evaluations per batch; baseline FAIL %d (%.1f %%)%n",
        workload, pack.packIds().size(), pairs, expectedFails, 100.0 * expectedFails / pairs);
    boolean easy = params.getBenchmark().endsWith(".easyRules");
    String[] names = pack.rules().stream().map(SyntheticPacks.ThresholdRule::id)
        .toArray(String[]::new);
    if (params.getBenchmark().endsWith(".engine") || easy) {
      long start = System.nanoTime();
      engine = pack.buildEngine();
      long built = System.nanoTime();
      OutcomeTally tally = OutcomeTally.check("threshold " + workload, engine, request,
          pack::indexOf, names, perRule, subjectCount, pairs);
      long checked = System.nanoTime();
      System.out.printf(Locale.ROOT,
          "[setup] engine built in %.0f ms; check run %.0f ms, matches the baseline: %s%n",
          (built - start) / 1e6, (checked - built) / 1e6, tally.summary());
    }
    if (easy) {
      // The engine's FAILs per rule were just checked against perRule; so are Easy Rules'
      // below: the two agree rule by rule on this workload, in this JVM.
      long start = System.nanoTime();
      easyRules = EasyRulesBaseline.of(pack);
      long built = System.nanoTime();
      String summary = easyRules.check("threshold " + workload, request, names, perRule);
      long checked = System.nanoTime();
      System.out.printf(Locale.ROOT,
          "[setup] Easy Rules: %d MVEL rules read in %.0f ms; check run %.0f ms, matches the "
              + "baseline and the engine rule by rule: %s%n",
          easyRules.size(), (built - start) / 1e6, (checked - built) / 1e6, summary);
      engine = null;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    SyntheticPacks.deleteTree(root);
  }

  /** The engine, streaming: one batch, FAILs counted in the sink. */
  @Benchmark
  public long engine(Blackhole blackhole) {
    FailCounter counter = new FailCounter();
    Provenance provenance = engine.evaluate(request, counter);
    blackhole.consume(provenance);
    return counter.require(expectedFails, workload);
  }

  /**
   * Easy Rules 4.1, the same rules in MVEL read from YAML, one {@code fire} per subject from the
   * same request; FAILs recorded by the rules' actions. Slow at large sizes: the scaling script
   * runs it only where one batch finishes within a minute.
   */
  @Benchmark
  public long easyRules() {
    return easyRules.evaluate(request).require(expectedFails, workload);
  }

  /** Plain Java over primitive arrays: the practical upper bound. */
  @Benchmark
  public long baselineArrays() {
    return HandWrittenBaseline.thresholdFails(units, rules);
  }

  /** Plain Java from the same request objects (indexing by id included). */
  @Benchmark
  public long baselineFromRequest() {
    return HandWrittenBaseline.thresholdFailsFromRequest(request, rules);
  }

  /** Parses {@code <rules>x<subjects>}. */
  static int[] parseWorkload(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "workload must be <rules>x<subjects>, e.g. 500x1000: '" + text + "'");
    }
    int rules = Integer.parseInt(parts[0].replace("_", ""));
    int subjects = Integer.parseInt(parts[1].replace("_", ""));
    if (rules < 1 || rules > 10_000 || subjects < 1) {
      throw new IllegalArgumentException("rules must be 1..10000 and subjects >= 1: '" + text + "'");
    }
    return new int[] {rules, subjects};
  }
}
