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
import vn.conduct.benchmarks.SyntheticFacts.Staff;
import vn.conduct.benchmarks.SyntheticPacks.CrossFactPack;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.RulesEngine;

/**
 * Rules that join facts: officers FAIL norm {@code j} with {@code >= 2} verified violations of it
 * within P12M (one prohibition per norm, 10 norms), over 10 000 agencies, 100 000 officers and
 * 300 000 events (10 % unverified) by default. The agency rule "no officer with 2 violations of
 * one norm" is not expressible in format v1 (no aggregate inside a member aggregate's
 * {@code where}), so only the officer rules are evaluated; the baselines also compute the
 * agency figure, which costs them little.
 *
 * <p>One operation = one batch (all agencies and officers). Rule evaluations per batch =
 * {@code officers * 10}. Like
 * {@link ThresholdThroughputBenchmark}, the setup refuses to measure an engine whose FAILs per rule
 * differ from the baseline's, and each measured batch is checked by its FAIL total.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx8g"})
@State(Scope.Benchmark)
public class CrossFactBenchmark {

  /** Number of officers; agencies = officers / 10, events = officers * 3. */
  @Param({"100000"})
  public int officers;

  private Path root;
  private Staff staff;
  private EvaluationRequest request;
  private RulesEngine engine;
  private long expectedFails;
  private long expectedChecksum;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    int agencies = Math.max(1, officers / 10);
    int events = officers * 3;
    root = SyntheticPacks.tempRoot();
    CrossFactPack pack = SyntheticPacks.writeCrossFactPack(root.resolve("pack"));
    staff = SyntheticFacts.staff(agencies, officers, events);
    request = staff.toRequest(pack.packId());
    long[] perRule = HandWrittenBaseline.crossFactFails(staff);
    long[] fromRequest = HandWrittenBaseline.crossFactFailsFromRequest(request);
    if (!java.util.Arrays.equals(perRule, fromRequest)) {
      throw new IllegalStateException("baselines disagree: arrays "
          + java.util.Arrays.toString(perRule) + ", from request "
          + java.util.Arrays.toString(fromRequest));
    }
    expectedFails = HandWrittenBaseline.officerFails(perRule);
    expectedChecksum = HandWrittenBaseline.checksum(perRule);
    long evaluations = (long) officers * SyntheticPacks.NORMS;
    System.out.printf(Locale.ROOT,
        "%n[setup] %d agencies, %d officers, %d events: %d rule evaluations per batch; "
            + "baseline FAIL %d (%.2f %%); agencies with a failing officer %d%n",
        agencies, officers, events, evaluations, expectedFails,
        100.0 * expectedFails / evaluations, perRule[SyntheticPacks.NORMS]);
    if (params.getBenchmark().endsWith(".engine")) {
      long start = System.nanoTime();
      engine = pack.buildEngine();
      long built = System.nanoTime();
      long[] expected = java.util.Arrays.copyOf(perRule, SyntheticPacks.NORMS);
      String[] names = SyntheticPacks.OFFICER_RULE_IDS.clone();
      OutcomeTally tally = OutcomeTally.check("cross-fact", engine, request, pack::indexOf, names,
          expected, agencies + officers, evaluations);
      long checked = System.nanoTime();
      System.out.printf(Locale.ROOT,
          "[setup] engine built in %.0f ms; check run %.0f ms, matches the baseline: %s%n",
          (built - start) / 1e6, (checked - built) / 1e6, tally.summary());
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
    return counter.require(expectedFails, "cross-fact");
  }

  /** Plain Java over primitive arrays (officer FAILs and the agency join). */
  @Benchmark
  public long baselineArrays() {
    return require(HandWrittenBaseline.checksum(HandWrittenBaseline.crossFactFails(staff)));
  }

  /** Plain Java from the same request objects (indexing by id and date checks included). */
  @Benchmark
  public long baselineFromRequest() {
    return require(HandWrittenBaseline.checksum(
        HandWrittenBaseline.crossFactFailsFromRequest(request)));
  }

  private long require(long checksum) {
    if (checksum != expectedChecksum) {
      throw new IllegalStateException("baseline checksum " + checksum + " != " + expectedChecksum);
    }
    return checksum;
  }
}
