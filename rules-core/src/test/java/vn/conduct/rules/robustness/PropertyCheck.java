package vn.conduct.rules.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a property: draws inputs from a seeded generator, checks an invariant on each within a time
 * and an allocation limit, and on the first failure shrinks the input and fails with the seed, the
 * try and the smallest failing input found.
 *
 * <p>A small harness of our own instead of jqwik: jqwik 1.10 carries an anti-AI usage clause
 * asking coding agents not to use it, and this suite is written with one (see docs/robustness.md).
 *
 * <p>System properties: {@value #SCALE} multiplies every property's tries (default 1; the long run
 * uses 100 or more); {@value #SEED} sets the seed (a number, or {@code random}; default: a fixed
 * seed per property, so the build is repeatable).
 */
final class PropertyCheck<T> {

  /** Multiplies the tries of every property. */
  static final String SCALE = "conduct.properties.scale";

  /** The seed: a number, or {@code random}. */
  static final String SEED = "conduct.properties.seed";

  /** An invariant: returns normally if the input passes; anything thrown is a failure. */
  @FunctionalInterface
  interface Invariant<T> {
    void check(T input) throws Exception;
  }

  private static final ExecutorService[] WORKER = {newWorker()};

  private static final java.util.Map<String, Integer> LABELS = new java.util.concurrent.ConcurrentSkipListMap<>();

  /** Counts an input under a label (e.g. "loaded", "refused"); the counts are printed with the tries. */
  static void label(String label) {
    LABELS.merge(label, 1, Integer::sum);
  }

  private final String name;
  private final Gen<T> gen;
  private final int tries;
  private final Function<T, List<T>> shrinker;
  private final Function<T, String> describer;
  private final Duration timeLimit;
  private final ToLongFunction<T> allocationLimit;

  private PropertyCheck(String name, Gen<T> gen, int tries, Function<T, List<T>> shrinker,
      Function<T, String> describer, Duration timeLimit, ToLongFunction<T> allocationLimit) {
    this.name = name;
    this.gen = gen;
    this.tries = tries;
    this.shrinker = shrinker;
    this.describer = describer;
    this.timeLimit = timeLimit;
    this.allocationLimit = allocationLimit;
  }

  static <T> PropertyCheck<T> forAll(String name, Gen<T> gen) {
    return new PropertyCheck<>(name, gen, 200, t -> List.of(), String::valueOf, Duration.ofSeconds(10),
        t -> 256L << 20);
  }

  /** Tries in a normal build (multiplied by {@value #SCALE}). */
  PropertyCheck<T> tries(int count) {
    return new PropertyCheck<>(name, gen, count, shrinker, describer, timeLimit, allocationLimit);
  }

  PropertyCheck<T> shrinkWith(Function<T, List<T>> candidates) {
    return new PropertyCheck<>(name, gen, tries, candidates, describer, timeLimit, allocationLimit);
  }

  PropertyCheck<T> describedBy(Function<T, String> describe) {
    return new PropertyCheck<>(name, gen, tries, shrinker, describe, timeLimit, allocationLimit);
  }

  /** The longest one check may take. */
  PropertyCheck<T> within(Duration limit) {
    return new PropertyCheck<>(name, gen, tries, shrinker, describer, limit, allocationLimit);
  }

  /** The most bytes one check may allocate, given its input. */
  PropertyCheck<T> allocatingAtMost(ToLongFunction<T> bytes) {
    return new PropertyCheck<>(name, gen, tries, shrinker, describer, timeLimit, bytes);
  }

  /** Runs the property; prints how many tries ran; fails with the smallest failing input. */
  void check(Invariant<T> invariant) {
    long seed = seed();
    LABELS.clear();
    int total = Math.max(1, (int) Math.min(Integer.MAX_VALUE, (long) tries * scale()));
    long started = System.nanoTime();
    long slowest = 0;
    long mostAllocated = 0;
    for (int i = 0; i < total; i++) {
      T input = gen.next(new Random(seed * 0x9E3779B97F4A7C15L + i));
      Outcome outcome = run(invariant, input);
      slowest = Math.max(slowest, outcome.nanos);
      mostAllocated = Math.max(mostAllocated, outcome.allocated);
      if (outcome.failure != null) {
        fail(invariant, input, outcome, seed, i, total);
      }
    }
    System.out.printf(Locale.ROOT,
        "property %s: %d tries passed (seed %d), %.1f s, slowest %.0f ms, most allocated %.1f MB%n", name, total,
        seed, (System.nanoTime() - started) / 1e9, slowest / 1e6, mostAllocated / 1048576.0);
    if (!LABELS.isEmpty()) {
      System.out.println("  " + LABELS);
    }
  }

  private void fail(Invariant<T> invariant, T input, Outcome outcome, long seed, int attempt, int total) {
    T smallest = input;
    Outcome smallestOutcome = outcome;
    int steps = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    boolean progress = true;
    while (progress && steps < 2000 && System.nanoTime() < deadline) {
      progress = false;
      for (T candidate : shrinker.apply(smallest)) {
        steps++;
        Outcome tried = run(invariant, candidate);
        if (tried.failure != null && sameKind(tried.failure, outcome.failure)) {
          smallest = candidate;
          smallestOutcome = tried;
          progress = true;
          break;
        }
        if (steps >= 2000 || System.nanoTime() >= deadline) {
          break;
        }
      }
    }
    Path saved = save(smallest, seed, attempt);
    String message = String.format(Locale.ROOT, "property %s failed at try %d of %d (seed %d; rerun with -D%s=%d):%n"
        + "  %s%n  input (shrunk in %d steps%s): %s", name, attempt + 1, total, seed, SEED, seed,
        describe(smallestOutcome.failure), steps, saved == null ? "" : ", saved to " + saved, preview(smallest));
    throw new AssertionFailedError(message, smallestOutcome.failure);
  }

  private static boolean sameKind(Throwable a, Throwable b) {
    return a.getClass().equals(b.getClass());
  }

  private String preview(T input) {
    String text = describer.apply(input);
    String escaped = escape(text.length() > 600 ? text.substring(0, 600) + " … (" + text.length() + " chars)" : text);
    return escaped;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.getType(c) == Character.FORMAT
          || Character.getType(c) == Character.SURROGATE || c == 0x2028 || c == 0x2029) {
        out.append(String.format(Locale.ROOT, "\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static String describe(Throwable failure) {
    if (failure instanceof AssertionError) {
      return failure.getMessage();
    }
    StackTraceElement top = null;
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().startsWith("vn.conduct.rules") && !frame.getClassName().contains(".robustness.")) {
        top = frame;
        break;
      }
    }
    return "threw " + failure + (top == null ? "" : " at " + top);
  }

  private Path save(T input, long seed, int attempt) {
    byte[] bytes = input instanceof byte[] b ? b : input instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
        : describer.apply(input).getBytes(StandardCharsets.UTF_8);
    Path file = Path.of("target", "property-failures", name + "-" + seed + "-" + attempt + ".bin");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return file;
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  private static final class Outcome {
    Throwable failure;
    long nanos;
    long allocated;
  }

  private Outcome run(Invariant<T> invariant, T input) {
    Outcome outcome = new Outcome();
    long limit = allocationLimit.applyAsLong(input);
    long start = System.nanoTime();
    Future<?> future = WORKER[0].submit(() -> {
      long before = allocated();
      try {
        invariant.check(input);
      } catch (Throwable e) { // the failure the property looks for, errors included
        outcome.failure = e;
      }
      outcome.allocated = allocated() - before;
      return null;
    });
    try {
      future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      WORKER[0].shutdownNow();
      WORKER[0] = newWorker();
      outcome.failure = new AssertionError("no result within " + timeLimit.toMillis() + " ms");
    } catch (ExecutionException e) {
      outcome.failure = e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    outcome.nanos = System.nanoTime() - start;
    if (outcome.failure == null && outcome.allocated > limit) {
      outcome.failure = new AssertionError(String.format(Locale.ROOT,
          "allocated %.1f MB, over the limit of %.1f MB", outcome.allocated / 1048576.0, limit / 1048576.0));
    }
    return outcome;
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "property-check");
      thread.setDaemon(true);
      return thread;
    });
  }

  private static long seedProperty(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SEED + " must be a number or 'random', but was '" + text + "'", e);
    }
  }

  private long seed() {
    String text = System.getProperty(SEED, "").trim();
    if (text.equalsIgnoreCase("random")) {
      return new Random().nextLong();
    }
    return text.isEmpty() ? Objects.hash(name) : seedProperty(text);
  }

  private static long scale() {
    String text = System.getProperty(SCALE, "").trim();
    try {
      return text.isEmpty() ? 1 : Math.max(1, Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SCALE + " must be a number, but was '" + text + "'", e);
    }
  }

  /** Shrink candidates for a byte array: halves, quarters, eighths removed, then single bytes. */
  static List<byte[]> shrinkBytes(byte[] input) {
    java.util.ArrayList<byte[]> out = new java.util.ArrayList<>();
    for (int chunk = input.length / 2; chunk >= 1; chunk /= 2) {
      for (int from = 0; from + chunk <= input.length; from += chunk) {
        byte[] smaller = new byte[input.length - chunk];
        System.arraycopy(input, 0, smaller, 0, from);
        System.arraycopy(input, from + chunk, smaller, from, input.length - from - chunk);
        out.add(smaller);
        if (out.size() > 400) {
          return out;
        }
      }
    }
    return out;
  }

  /** Shrink candidates for text: lines removed, then halves and smaller chunks removed. */
  static List<String> shrinkText(String input) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    String[] lines = input.split("\n", -1);
    if (lines.length > 1) {
      for (int i = 0; i < lines.length; i++) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < lines.length; j++) {
          if (j != i) {
            text.append(lines[j]);
            if (j < lines.length - 1) {
              text.append('\n');
            }
          }
        }
        out.add(text.toString());
      }
    }
    for (byte[] smaller : shrinkBytes(input.getBytes(StandardCharsets.UTF_16BE))) {
      if (smaller.length % 2 == 0) {
        out.add(new String(smaller, StandardCharsets.UTF_16BE));
      }
      if (out.size() > 600) {
        break;
      }
    }
    return out;
  }
}
