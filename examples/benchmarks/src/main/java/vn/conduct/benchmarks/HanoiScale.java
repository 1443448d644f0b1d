package vn.conduct.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;

/**
 * Times the evaluation alone of Hanoi-shaped CSV facts (written by
 * {@code examples/cli/src/test/scripts/hanoi-scale.sh}) against hanoi-522, hanoi-3814 and
 * hanoi-yearly, apart from reading the files and building the engine: wall time of each
 * {@code engine.evaluate(request)}, subjects per second, garbage collections during it, live heap
 * after a full GC before and after (the latter holding the report), and the largest used heap
 * sampled during it (garbage included).
 *
 * <p>The files are read by the command line's own CSV reader ({@code vn.conduct.cli.CsvFacts},
 * package-private, called by reflection), so the facts are those {@code conduct evaluate} builds.
 * Run it with the command-line jar on the class path, which also holds the Hanoi packs:
 *
 * <pre>
 * WORK=/tmp/hanoi-100k GENERATE_ONLY=1 examples/cli/src/test/scripts/hanoi-scale.sh
 * java -Xmx1g -cp examples/benchmarks/target/classes:examples/cli/target/conduct.jar \
 *     vn.conduct.benchmarks.HanoiScale /tmp/hanoi-100k [--runs 3] [--mode report|stream] \
 *     [--packs hanoi-522,hanoi-3814,hanoi-yearly]
 * </pre>
 *
 * <p>Modes: {@code report} (default) times {@code engine.evaluate(request)}, which returns one
 * {@link Report} holding every result; {@code stream} times {@code engine.evaluate(request, sink)}
 * with a sink that only tallies (the engine evaluates either in parts of whole unit trees, on all
 * processors, as {@code conduct evaluate} does). {@code --packs} evaluates fewer packs
 * (default the three), to split the cost by pack; {@code --histogram} prints the live heap's largest
 * classes after the first run (holding the report, in the report mode). Runs after the first reuse the JVM
 * (warm JIT, the engine's caches); run the JVM again for cold figures.
 *
 * <p>Do not run with {@code -XX:+DisableExplicitGC}: the live-heap figures rely on
 * {@code System.gc()}.
 */
public final class HanoiScale {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
  private static final List<String> PACKS = List.of("hanoi-522", "hanoi-3814", "hanoi-yearly");
  private static final java.util.regex.Pattern PACK_IDS = java.util.regex.Pattern.compile("[a-z0-9-]+(,[a-z0-9-]+)*");

  private HanoiScale() { }

  public static void main(String[] args) throws Exception {
    Path folder = null;
    int runs = 3;
    String mode = "report";
    List<String> packs = PACKS;
    boolean histogram = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--mode" -> mode = args[++i];
        case "--histogram" -> histogram = true;
        case "--packs" -> {
          String given = args[++i];
          if (!PACK_IDS.matcher(given).matches()) {
            throw new IllegalArgumentException("--packs '" + given + "' is not pack ids separated by commas"
                + " [Hint: e.g. --packs hanoi-522,hanoi-3814]");
          }
          packs = List.of(given.split(","));
        }
        case "-h", "--help" -> {
          System.out.println("usage: HanoiScale <folder with subjects.csv, events.csv, observations.csv>"
              + " [--runs N] [--mode report|stream] [--packs id,id...] [--histogram]");
          return;
        }
        default -> folder = Path.of(args[i]);
      }
    }
    if (folder == null || !Files.isRegularFile(folder.resolve("subjects.csv"))) {
      throw new IllegalArgumentException("no subjects.csv in " + folder + " [Hint: WORK=/tmp/hanoi-100k"
          + " GENERATE_ONLY=1 examples/cli/src/test/scripts/hanoi-scale.sh, then give /tmp/hanoi-100k]");
    }
    if (!List.of("report", "stream").contains(mode)) {
      throw new IllegalArgumentException("--mode '" + mode + "' is not report or stream");
    }
    System.out.printf(Locale.ROOT, "JVM %s, max heap %s, %d processors, mode %s, packs %s%n",
        System.getProperty("java.vm.version"), mb(Runtime.getRuntime().maxMemory()),
        Runtime.getRuntime().availableProcessors(), mode, String.join(", ", packs));

    long start = System.nanoTime();
    Facts facts = Facts.read(folder, AS_OF);
    long readNanos = System.nanoTime() - start;
    start = System.nanoTime();
    EvaluationRequest.Builder builder = EvaluationRequest.builder(AS_OF)
        .subjects(facts.subjects).events(facts.events).observations(facts.observations);
    packs.forEach(builder::pack);
    EvaluationRequest request = builder.build();
    long requestNanos = System.nanoTime() - start;
    long withFacts = HeapProbe.usedAfterGc();
    System.out.printf(Locale.ROOT, "facts: %d subjects, %d events, %d observations%n",
        request.subjects().size(), request.events().size(), request.observations().size());
    System.out.printf(Locale.ROOT, "read CSV (CsvFacts)      %8.0f ms%n", readNanos / 1e6);
    System.out.printf(Locale.ROOT, "build request            %8.0f ms%n", requestNanos / 1e6);

    start = System.nanoTime();
    RulesEngine engine = RulesEngine.builder().discoverProviders().build();
    System.out.printf(Locale.ROOT, "build engine             %8.0f ms%n", (System.nanoTime() - start) / 1e6);
    long withEngine = HeapProbe.usedAfterGc();
    System.out.printf(Locale.ROOT, "live heap: facts %s, + engine %s%n", mb(withFacts), mb(withEngine));

    double[] millis = new double[runs];
    Object keep = null;
    for (int run = 0; run < runs; run++) {
      keep = null;
      long before = HeapProbe.usedAfterGc();
      Sampler sampler = new Sampler();
      long gcCount = gcCount();
      long gcMillis = gcMillis();
      long cpu = cpuNanos();
      Tally tally = new Tally();
      sampler.start();
      start = System.nanoTime();
      switch (mode) {
        case "report" -> {
          Report report = engine.evaluate(request);
          millis[run] = (System.nanoTime() - start) / 1e6;
          keep = report;
          report.subjects().forEach(tally);
        }
        default -> {
          engine.evaluate(request, tally);
          millis[run] = (System.nanoTime() - start) / 1e6;
        }
      }
      sampler.stop();
      long gcs = gcCount() - gcCount;
      long gcTime = gcMillis() - gcMillis;
      double cpuMillis = (cpuNanos() - cpu) / 1e6;
      long after = HeapProbe.usedAfterGc();
      System.out.printf(Locale.ROOT, "run %d: evaluate %8.0f ms (process CPU %.0f ms), %,.0f subjects/s, %d GCs"
          + " (%d ms), live heap before %s, after %s (%s), max used incl. garbage %s%n", run + 1, millis[run],
          cpuMillis, request.subjects().size() / (millis[run] / 1000), gcs, gcTime, mb(before), mb(after),
          mode.equals("stream") ? "results not held" : "holding the report", mb(sampler.max.get()));
      if (run == 0) {
        System.out.println(tally.summary());
        if (histogram) {
          System.out.println(histogram(30));
        }
      }
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "evaluate: median of %d runs %.0f ms (first %.0f, min %.0f, max %.0f)%n", runs,
        sorted[runs / 2], millis[0], sorted[0], sorted[runs - 1]);
    if (keep == null && engine.packs().isEmpty()) {
      System.out.println(); // keeps the engine reachable to the end
    }
  }

  /** The first lines of a class histogram of the live heap (a full GC), as {@code jcmd GC.class_histogram}. */
  private static String histogram(int lines) throws Exception {
    Object text = ManagementFactory.getPlatformMBeanServer().invoke(
        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    return String.join(System.lineSeparator(), text.toString().lines().limit(lines).toList());
  }

  /** CPU time of the whole process (all threads, GC included), in nanoseconds; 0 if the JVM does not tell. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** The facts as {@code conduct evaluate} reads them, through its package-private CSV reader. */
  private static final class Facts {
    List<Subject> subjects;
    List<Event> events;
    List<Observation> observations;

    @SuppressWarnings("unchecked")
    static Facts read(Path folder, LocalDate asOf) throws ReflectiveOperationException {
      Class<?> csv = Class.forName("vn.conduct.cli.CsvFacts");
      Method read = csv.getDeclaredMethod("read", Path.class, Path.class, Path.class, LocalDate.class, Consumer.class);
      read.setAccessible(true);
      AtomicLong rejected = new AtomicLong();
      Consumer<Object> rejections = r -> {
        if (rejected.incrementAndGet() <= 10) {
          System.out.println("rejected: " + r);
        }
      };
      Path events = folder.resolve("events.csv");
      Path observations = folder.resolve("observations.csv");
      Object read0 = read.invoke(null, folder.resolve("subjects.csv"), Files.exists(events) ? events : null,
          Files.exists(observations) ? observations : null, asOf, rejections);
      Facts facts = new Facts();
      facts.subjects = (List<Subject>) field(csv, read0, "subjects");
      facts.events = (List<Event>) field(csv, read0, "events");
      facts.observations = (List<Observation>) field(csv, read0, "observations");
      if (rejected.get() > 0) {
        System.out.println("rows rejected: " + rejected.get());
      }
      return facts;
    }

    private static Object field(Class<?> type, Object from, String name) throws ReflectiveOperationException {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(from);
    }
  }

  /** Counts what the evaluation decided, so that a run that graded nothing shows it. */
  private static final class Tally implements Consumer<SubjectResult> {
    private final Map<String, long[]> outcomes = new TreeMap<>();
    private final Map<String, Long> ratings = new TreeMap<>();
    private final Map<String, Long> adjustments = new TreeMap<>();
    private long subjects;

    @Override
    public synchronized void accept(SubjectResult result) {
      subjects++;
      for (Finding finding : result.findings()) {
        String pack = finding.ruleId().substring(0, finding.ruleId().indexOf('.') + 1) + "*";
        outcomes.computeIfAbsent(pack, k -> new long[5])[finding.outcome().ordinal()]++;
      }
      for (ChecklistScore score : result.scores()) {
        ratings.merge(score.checklistId() + " " + (score.rated() ? score.rating() : "(not rated)"), 1L, Long::sum);
        for (ScoreAdjustment adjustment : score.adjustments()) {
          adjustments.merge(score.checklistId() + " " + adjustment.kind(), 1L, Long::sum);
        }
      }
    }

    String summary() {
      List<String> lines = new ArrayList<>();
      lines.add("results: " + subjects + " subjects");
      String names = Arrays.toString(vn.conduct.rules.api.Outcome.values());
      outcomes.forEach((pack, counts) -> lines.add("  findings " + pack + " " + names + " " + Arrays.toString(counts)));
      lines.add("  ratings " + ratings);
      lines.add("  adjustments " + adjustments);
      return String.join(System.lineSeparator(), lines);
    }
  }

  /** Samples used heap (garbage included) every few milliseconds on a daemon thread. */
  private static final class Sampler implements Runnable {
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
