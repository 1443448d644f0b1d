package vn.conduct.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import vn.conduct.benchmarks.SyntheticFacts.Staff;
import vn.conduct.benchmarks.SyntheticFacts.Units;
import vn.conduct.benchmarks.SyntheticPacks.CrossFactPack;
import vn.conduct.benchmarks.SyntheticPacks.ThresholdPack;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SubjectResult;

/**
 * Measures the heap one evaluation holds: live heap after a full GC before and after building
 * the engine, then during a streaming evaluation (a full GC every {@code --sample-every} results,
 * from inside the sink), and the pools' peak usage (which includes garbage). Checks the results
 * against {@link HandWrittenBaseline} like the benchmarks do. Also prints the figures per subject
 * (facts, held by the evaluation at its peak, peak including garbage). The engine is warmed by
 * one unmeasured evaluation first, so its compiled rule base counts as held by the engine;
 * {@code --cold} measures the first evaluation instead (compilation included).
 *
 * <pre>
 * java -Xmx4g -cp benchmarks.jar vn.conduct.benchmarks.HeapProbe                       # cross-fact, 100 000 officers
 * java -Xmx4g -cp benchmarks.jar vn.conduct.benchmarks.HeapProbe crossfact 20000
 * java -Xmx4g -cp benchmarks.jar vn.conduct.benchmarks.HeapProbe threshold 500 100000
 * java -Xmx4g -cp benchmarks.jar vn.conduct.benchmarks.HeapProbe threshold 50 100000  # bytes per subject at 50 rules
 * java -Xmx4g -cp benchmarks.jar vn.conduct.benchmarks.HeapProbe crossfact --report  # hold a whole Report
 * </pre>
 *
 * <p>Do not run with {@code -XX:+DisableExplicitGC}: the probe relies on {@code System.gc()}.
 */
public final class HeapProbe {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapProbe() { }

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    boolean report = false;
    boolean cold = false;
    int sampleEvery = 10_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--report" -> report = true;
        case "--cold" -> cold = true;
        case "--sample-every" -> sampleEvery = Integer.parseInt(args[++i]);
        case "-h", "--help" -> {
          System.out.println("usage: HeapProbe [crossfact [officers] | "
              + "threshold <rules> <subjects>] [--report] [--cold] [--sample-every N]");
          return;
        }
        default -> positional.add(args[i]);
      }
    }
    String workload = positional.isEmpty() ? "crossfact" : positional.get(0);

    System.out.printf(Locale.ROOT, "JVM %s, max heap %s, %d processors%n",
        System.getProperty("java.vm.version"), mb(Runtime.getRuntime().maxMemory()),
        Runtime.getRuntime().availableProcessors());
    long empty = usedAfterGc();
    Path root = SyntheticPacks.tempRoot();
    try {
      java.util.function.Supplier<RulesEngine> engineFactory;
      EvaluationRequest request;
      Check check;
      if (workload.equals("crossfact")) {
        int officers = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 100_000;
        int agencies = Math.max(1, officers / 10);
        CrossFactPack pack = SyntheticPacks.writeCrossFactPack(root.resolve("pack"));
        engineFactory = pack::buildEngine;
        Staff staff = SyntheticFacts.staff(agencies, officers, officers * 3);
        request = staff.toRequest(pack.packId());
        long[] perRule = HandWrittenBaseline.crossFactFails(staff);
        long evaluations = (long) officers * SyntheticPacks.NORMS;
        check = new Check(pack::indexOf, SyntheticPacks.OFFICER_RULE_IDS.clone(),
            java.util.Arrays.copyOf(perRule, SyntheticPacks.NORMS), agencies + officers,
            evaluations);
        System.out.printf(Locale.ROOT, "workload: cross-fact, %d agencies, %d officers, %d events%n",
            agencies, officers, staff.events());
      } else if (workload.equals("threshold")) {
        if (positional.size() < 3) {
          throw new IllegalArgumentException("threshold needs <rules> <subjects>");
        }
        int rules = Integer.parseInt(positional.get(1));
        int subjects = Integer.parseInt(positional.get(2));
        ThresholdPack pack = SyntheticPacks.writeThresholdPack(root, rules);
        engineFactory = pack::buildEngine;
        Units units = SyntheticFacts.units(subjects);
        request = units.toRequest(pack.packIds());
        long[] perRule = HandWrittenBaseline.thresholdFailsPerRule(units, pack);
        String[] names = pack.rules().stream().map(SyntheticPacks.ThresholdRule::id)
            .toArray(String[]::new);
        check = new Check(pack::indexOf, names, perRule, subjects, (long) rules * subjects);
        System.out.printf(Locale.ROOT, "workload: threshold, %d rules, %d units%n", rules, subjects);
      } else {
        throw new IllegalArgumentException("unknown workload '" + workload
            + "' (crossfact or threshold)");
      }

      long withFacts = usedAfterGc();
      long start = System.nanoTime();
      RulesEngine engine = engineFactory.get();
      long buildNanos = System.nanoTime() - start;
      if (!cold) {
        // The engine compiles its Drools rule base on the first evaluation and keeps it: one
        // evaluation first, so that "engine holds" includes the compiled rule base and the
        // measured evaluation holds only per-evaluation state.
        engine.evaluate(request, result -> { });
      }
      long withEngine = usedAfterGc();

      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
      RawSampler sampler = new RawSampler();
      sampler.start();
      OutcomeTally tally = new OutcomeTally(check.ruleIndex, check.expectedFails.length);
      long maxLive;
      long afterEvaluation;
      long evaluationNanos;
      int gcSamples;
      if (report) {
        start = System.nanoTime();
        Report whole = engine.evaluate(request);
        evaluationNanos = System.nanoTime() - start;
        sampler.stop();
        whole.subjects().forEach(tally);
        afterEvaluation = usedAfterGc();
        maxLive = afterEvaluation;
        gcSamples = 1;
        if (whole.subjects().isEmpty()) {
          throw new IllegalStateException("empty report");
        }
        System.out.printf(Locale.ROOT, "fact problems reported: %d%n", whole.factProblems().size());
      } else {
        LiveSampler live = new LiveSampler(tally, sampleEvery);
        start = System.nanoTime();
        engine.evaluate(request, live);
        evaluationNanos = System.nanoTime() - start;
        sampler.stop();
        afterEvaluation = usedAfterGc();
        maxLive = Math.max(live.maxLive.get(), afterEvaluation);
        gcSamples = live.samples.get();
      }
      long poolPeaks = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          poolPeaks += pool.getPeakUsage().getUsed();
        }
      }
      check.verify(workload, tally);

      System.out.println();
      System.out.printf(Locale.ROOT, "engine build                       %8.0f ms%n", buildNanos / 1e6);
      System.out.printf(Locale.ROOT, "evaluation (%s, with %d GC samples) %8.0f ms%n",
          report ? "whole Report" : "streaming", gcSamples, evaluationNanos / 1e6);
      System.out.println();
      System.out.printf(Locale.ROOT, "live heap after GC: empty JVM        %s%n", mb(empty));
      System.out.printf(Locale.ROOT, "  + facts (request, baseline arrays) %s%n", mb(withFacts));
      System.out.printf(Locale.ROOT, "  + engine                           %s  (engine holds %s)%n",
          mb(withEngine), mb(withEngine - withFacts));
      System.out.printf(Locale.ROOT, "  max during evaluation              %s  (evaluation holds %s)%n",
          mb(maxLive), mb(maxLive - withEngine));
      System.out.printf(Locale.ROOT, "  after evaluation                   %s%n", mb(afterEvaluation));
      System.out.printf(Locale.ROOT, "max used heap incl. garbage (sampled) %s%n", mb(sampler.max.get()));
      System.out.printf(Locale.ROOT, "sum of heap pools' peak usage         %s%n", mb(poolPeaks));
      long subjectCount = request.subjects().size();
      System.out.println();
      System.out.printf(Locale.ROOT, "per subject (%d subjects):%n", subjectCount);
      System.out.printf(Locale.ROOT, "  facts (request, baseline arrays)   %s%n",
          perSubject(withFacts - empty, subjectCount));
      System.out.printf(Locale.ROOT, "  held by the evaluation at its peak %s%n",
          perSubject(maxLive - withEngine, subjectCount));
      System.out.printf(Locale.ROOT, "  peak used heap incl. garbage       %s  (over the live heap with the engine)%n",
          perSubject(sampler.max.get() - withEngine, subjectCount));
      System.out.println("results match the baseline: " + tally.summary());
      // keep everything reachable until the end
      if (engine.packs().isEmpty() || request.subjects().isEmpty()) {
        System.out.println();
      }
    } finally {
      SyntheticPacks.deleteTree(root);
    }
  }

  /** Full GCs until the used heap stops shrinking; returns the used heap. */
  static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long now = MEMORY.getHeapMemoryUsage().getUsed();
      if (now >= used - 1024 * 1024) {
        return Math.min(now, used);
      }
      used = now;
    }
    return used;
  }

  private static String perSubject(long bytes, long subjects) {
    return String.format(Locale.ROOT, "%8.0f bytes", Math.max(0, bytes) / (double) subjects);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%8.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** What the engine's results must equal. */
  private record Check(java.util.function.ToIntFunction<String> ruleIndex, String[] names,
      long[] expectedFails, long subjects, long decided) {

    void verify(String what, OutcomeTally tally) {
      tally.verify(what, names, expectedFails, subjects, decided);
    }
  }

  /** A sink that forwards to the tally and, every n results, measures live heap after a full GC. */
  private static final class LiveSampler implements Consumer<SubjectResult> {
    private final Consumer<SubjectResult> next;
    private final int every;
    private final AtomicLong seen = new AtomicLong();
    final AtomicLong maxLive = new AtomicLong();
    final java.util.concurrent.atomic.AtomicInteger samples =
        new java.util.concurrent.atomic.AtomicInteger();

    LiveSampler(Consumer<SubjectResult> next, int every) {
      this.next = next;
      this.every = Math.max(1, every);
    }

    @Override
    public void accept(SubjectResult result) {
      next.accept(result);
      if (seen.incrementAndGet() % every == 0) {
        long live = usedAfterGc();
        maxLive.accumulateAndGet(live, Math::max);
        samples.incrementAndGet();
      }
    }
  }

  /** Samples used heap (garbage included) every few milliseconds on a daemon thread. */
  private static final class RawSampler implements Runnable {
    final AtomicLong max = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    void start() {
      thread = new Thread(this, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }

    @Override
    public void run() {
      while (running.get()) {
        max.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
