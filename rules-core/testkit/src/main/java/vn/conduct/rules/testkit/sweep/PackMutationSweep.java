package vn.conduct.rules.testkit.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.testkit.sweep.MutationResult.Verdict;

/**
 * Mutates a pack's YAML files one node at a time and checks that the engine either still loads the
 * pack or refuses it with located errors: never an exception, never an error without a place, never
 * a hang.
 *
 * <p>For every node of every file the engine reads ({@code pack.yaml}, {@code rules/<id>/rule.yaml},
 * {@code checklists/<id>.yaml}) the sweep tries: deleting its key; setting it to {@code null}; setting
 * it to values of the wrong type (a list or a mapping where a scalar is, a scalar or a list where a
 * mapping is, a scalar or a mapping where a list is, a number where text is and text where a number,
 * boolean or date is); and, for scalars, an over-long string of {@value #OVERLONG_LENGTH} characters.
 * Each mutation edits the file's text at the node's position and leaves everything else as it was,
 * and each is checked by building an engine from the pack held in memory with only that file
 * changed ({@code RulesEngine.builder().addPack(source).build()}), so compile-time failures count too.
 *
 * <p>Each outcome is classed ({@link MutationResult.Verdict}): {@code VALID} (the pack still loads),
 * {@code LOCATED} (refused with errors that each have a file, a line and column, a code and a path),
 * or a failure: {@code UNLOCATED}, {@code EXCEPTION} or {@code TIMEOUT}.
 *
 * <pre>{@code
 * @Test
 * void every_mutation_gives_a_pack_or_located_errors() {
 *   SweepReport report = PackMutationSweep.forPacks(Path.of("src/main/resources/rulepacks/my-pack"))
 *       .sample(500)                        // a seeded sample; all() for every mutation
 *       .configuredBy(System.getProperties()) // -Dconduct.sweep.size=all, -Dconduct.sweep.seed=7, ...
 *       .run();
 *   System.out.println(report.summary());
 *   report.assertNoFailures();
 * }
 * }</pre>
 *
 * <p>System properties read by {@link #configuredBy(Properties)}: {@value #SIZE_PROPERTY} (a number,
 * or {@code all}), {@value #SEED_PROPERTY} (a number, or {@code random}), {@value #ONLY_PROPERTY}
 * (comma-separated mutation ids, to re-run some), {@value #TIMEOUT_PROPERTY} (seconds per build).
 *
 * <p>Instances are immutable; each setter returns a new sweep.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PackMutationSweep {

  /** The length of the over-long string, one past a 10 000-character limit. */
  public static final int OVERLONG_LENGTH = 10_001;

  /** How many mutations to run: a number, or {@code all}. */
  public static final String SIZE_PROPERTY = "conduct.sweep.size";

  /** The sample's seed: a number, or {@code random}. */
  public static final String SEED_PROPERTY = "conduct.sweep.seed";

  /** Comma-separated mutation ids to run instead of a sample. */
  public static final String ONLY_PROPERTY = "conduct.sweep.only";

  /** The time limit for one build, in seconds. */
  public static final String TIMEOUT_PROPERTY = "conduct.sweep.timeout";

  /** Codes whose issues may have line 0: problems of a whole file or of the pack's layout. */
  public static final Set<String> WHOLE_FILE_CODES =
      Set.of("pack.io", "pack.size", "pack.missing-manifest", "pack.layout", "file.too-many-issues");

  /** The kinds a typed format must always refuse: a value of another shape. */
  public static final Set<Mutation.Kind> SHAPE_CHANGES =
      Set.of(Mutation.Kind.LIST, Mutation.Kind.MAPPING, Mutation.Kind.SCALAR);

  /** A long sweep prints a line after every this many mutations. */
  private static final int PROGRESS_EVERY = 5_000;

  private static final Predicate<String> LOADED_FILES = name -> name.equals("pack.yaml")
      || name.matches("rules/[^/]+/rule\\.yaml") || name.matches("checklists/[^/]+\\.yaml");

  private final List<Path> packs;
  private final int size;
  private final long seed;
  private final List<Integer> only;
  private final Duration timeout;
  private final Predicate<String> files;
  private final Set<String> wholeFileCodes;
  private final Path failuresDirectory;
  private final Set<Mutation.Kind> mustRefuse;

  private PackMutationSweep(List<Path> packs, int size, long seed, List<Integer> only, Duration timeout,
      Predicate<String> files, Set<String> wholeFileCodes, Path failuresDirectory, Set<Mutation.Kind> mustRefuse) {
    this.packs = List.copyOf(packs);
    this.size = size;
    this.seed = seed;
    this.only = List.copyOf(only);
    this.timeout = timeout;
    this.files = files;
    this.wholeFileCodes = Set.copyOf(wholeFileCodes);
    this.failuresDirectory = failuresDirectory;
    this.mustRefuse = mustRefuse.isEmpty() ? java.util.EnumSet.noneOf(Mutation.Kind.class)
        : java.util.EnumSet.copyOf(mustRefuse);
  }

  /** A sweep of every mutation of the given pack directories (see {@link #sample(int)} to run fewer). */
  public static PackMutationSweep forPacks(Path... packDirectories) {
    if (packDirectories.length == 0) {
      throw new IllegalArgumentException("give at least one pack directory");
    }
    List<Path> packs = Arrays.stream(packDirectories)
        .map(p -> Objects.requireNonNull(p, "packDirectory").toAbsolutePath().normalize()).toList();
    return new PackMutationSweep(packs, -1, 1, List.of(), Duration.ofSeconds(60), LOADED_FILES,
        WHOLE_FILE_CODES, null, SHAPE_CHANGES);
  }

  /** Runs a seeded random sample of {@code count} mutations instead of all of them. */
  public PackMutationSweep sample(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("sample size must be at least 0, but was " + count);
    }
    return new PackMutationSweep(packs, count, seed, only, timeout, files, wholeFileCodes, failuresDirectory,
        mustRefuse);
  }

  /** Runs every mutation. */
  public PackMutationSweep all() {
    return new PackMutationSweep(packs, -1, seed, only, timeout, files, wholeFileCodes, failuresDirectory, mustRefuse);
  }

  /** The seed of the sample (default 1). */
  public PackMutationSweep seed(long newSeed) {
    return new PackMutationSweep(packs, size, newSeed, only, timeout, files, wholeFileCodes, failuresDirectory,
        mustRefuse);
  }

  /** Runs only the mutations with these ids (as printed by a report), whatever the sample. */
  public PackMutationSweep only(List<Integer> ids) {
    return new PackMutationSweep(packs, size, seed, ids, timeout, files, wholeFileCodes, failuresDirectory, mustRefuse);
  }

  /** The time one build may take before it counts as a hang (default 60 s). */
  public PackMutationSweep timeout(Duration limit) {
    return new PackMutationSweep(packs, size, seed, only, Objects.requireNonNull(limit, "limit"), files,
        wholeFileCodes, failuresDirectory, mustRefuse);
  }

  /** Which files to mutate, by path relative to the pack root (default: the files the engine reads). */
  public PackMutationSweep files(Predicate<String> which) {
    return new PackMutationSweep(packs, size, seed, only, timeout, Objects.requireNonNull(which, "which"),
        wholeFileCodes, failuresDirectory, mustRefuse);
  }

  /** Codes whose issues may have line 0 (default {@link #WHOLE_FILE_CODES}). */
  public PackMutationSweep wholeFileCodes(Set<String> codes) {
    return new PackMutationSweep(packs, size, seed, only, timeout, files, codes, failuresDirectory, mustRefuse);
  }

  /**
   * The kinds of mutation after which the pack must not load (default {@link #SHAPE_CHANGES}): a
   * pack that still loads is then an {@link Verdict#ACCEPTED} failure. Give e.g. also
   * {@link Mutation.Kind#OVERLONG} once the engine limits the length of text.
   */
  public PackMutationSweep mustRefuse(Set<Mutation.Kind> kinds) {
    return new PackMutationSweep(packs, size, seed, only, timeout, files, wholeFileCodes, failuresDirectory,
        Set.copyOf(kinds));
  }

  /**
   * Writes each failing mutation's file, and what was thrown or reported, under this directory
   * ({@code <id>/<pack>/<file>} and {@code <id>/outcome.txt}), to reproduce it with
   * {@code RulesEngine.check}.
   */
  public PackMutationSweep writeFailuresTo(Path directory) {
    return new PackMutationSweep(packs, size, seed, only, timeout, files, wholeFileCodes, directory, mustRefuse);
  }

  /**
   * Applies {@value #SIZE_PROPERTY}, {@value #SEED_PROPERTY}, {@value #ONLY_PROPERTY} and
   * {@value #TIMEOUT_PROPERTY} where they are set, e.g. {@code configuredBy(System.getProperties())}.
   *
   * @throws IllegalArgumentException if a property is set to something that is not a number
   */
  public PackMutationSweep configuredBy(Properties properties) {
    PackMutationSweep sweep = this;
    String sizeText = properties.getProperty(SIZE_PROPERTY, "").trim();
    if (sizeText.equalsIgnoreCase("all")) {
      sweep = sweep.all();
    } else if (!sizeText.isEmpty()) {
      sweep = sweep.sample(Math.toIntExact(number(SIZE_PROPERTY, sizeText)));
    }
    String seedText = properties.getProperty(SEED_PROPERTY, "").trim();
    if (seedText.equalsIgnoreCase("random")) {
      sweep = sweep.seed(new Random().nextLong());
    } else if (!seedText.isEmpty()) {
      sweep = sweep.seed(number(SEED_PROPERTY, seedText));
    }
    String onlyText = properties.getProperty(ONLY_PROPERTY, "").trim();
    if (!onlyText.isEmpty()) {
      sweep = sweep.only(Arrays.stream(onlyText.split(",")).map(String::trim)
          .map(id -> (int) number(ONLY_PROPERTY, id)).toList());
    }
    String timeoutText = properties.getProperty(TIMEOUT_PROPERTY, "").trim();
    if (!timeoutText.isEmpty()) {
      sweep = sweep.timeout(Duration.ofSeconds(number(TIMEOUT_PROPERTY, timeoutText)));
    }
    return sweep;
  }

  private static long number(String property, String text) {
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + property + " must be a number, but was '" + text + "'", e);
    }
  }

  /** Every mutation of the packs, numbered in pack, file and document order. */
  public List<Mutation> mutations() {
    List<Mutation> all = new ArrayList<>();
    for (Path pack : packs) {
      Map<String, byte[]> content = read(pack);
      for (var file : content.entrySet()) {
        if (!files.test(file.getKey())) {
          continue;
        }
        String text = new String(file.getValue(), StandardCharsets.UTF_8);
        for (Mutation mutation : YamlMutations.of(label(pack), file.getKey(), text)) {
          all.add(mutation.withId(all.size()));
        }
      }
    }
    return all;
  }

  /**
   * Runs the sweep: first each pack as it is (which must load), then each chosen mutation.
   *
   * @throws IllegalStateException if a pack does not load before it is mutated
   */
  public SweepReport run() {
    long started = System.nanoTime();
    Map<String, MemoryPackSource> sources = new LinkedHashMap<>();
    Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    for (Path pack : packs) {
      Map<String, byte[]> content = read(pack);
      MemoryPackSource source = new MemoryPackSource(pack.toString(), content);
      try {
        RulesEngine.builder().addPack(source).build();
      } catch (RuntimeException e) {
        throw new IllegalStateException("Pack " + pack + " does not load before it is mutated: " + e.getMessage(), e);
      }
      sources.put(label(pack), source);
      Map<String, String> decoded = new TreeMap<>();
      content.forEach((name, bytes) -> decoded.put(name, new String(bytes, StandardCharsets.UTF_8)));
      texts.put(label(pack), decoded);
    }
    List<Mutation> all = mutations();
    List<Mutation> chosen = choose(all);
    List<MutationResult> results = new ArrayList<>(chosen.size());
    Runner runner = new Runner(timeout);
    try {
      for (Mutation mutation : chosen) {
        String original = texts.get(mutation.pack()).get(mutation.file());
        String mutated = mutation.apply(original);
        MemoryPackSource source = sources.get(mutation.pack())
            .with(mutation.file(), mutated.getBytes(StandardCharsets.UTF_8));
        MutationResult result = runner.run(mutation, source, (file) -> file.equals(mutation.file())
            ? mutated : texts.get(mutation.pack()).get(file));
        results.add(result);
        if (result.verdict().failure() && failuresDirectory != null) {
          writeFailure(result, mutated);
        }
        if (chosen.size() >= 2 * PROGRESS_EVERY && results.size() % PROGRESS_EVERY == 0) {
          System.out.printf(java.util.Locale.ROOT, "pack mutation sweep: %d of %d run, %d failure(s) so far, %.0f s%n",
              results.size(), chosen.size(), results.stream().filter(r -> r.verdict().failure()).count(),
              (System.nanoTime() - started) / 1e9);
        }
      }
    } finally {
      runner.close();
    }
    return new SweepReport(packs.stream().map(PackMutationSweep::label).toList(), all.size(), seed,
        size < 0 && only.isEmpty(), results, System.nanoTime() - started);
  }

  private List<Mutation> choose(List<Mutation> all) {
    if (!only.isEmpty()) {
      return only.stream().filter(id -> id >= 0 && id < all.size()).map(all::get).toList();
    }
    if (size < 0 || size >= all.size()) {
      return all;
    }
    List<Mutation> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(seed));
    List<Mutation> sample = new ArrayList<>(shuffled.subList(0, size));
    sample.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return sample;
  }

  private void writeFailure(MutationResult result, String mutated) {
    Mutation mutation = result.mutation();
    Path dir = failuresDirectory.resolve(String.valueOf(mutation.id()));
    try {
      Path file = dir.resolve(mutation.pack()).resolve(mutation.file());
      Files.createDirectories(file.getParent());
      Files.writeString(file, mutated);
      StringBuilder text = new StringBuilder(result.describe()).append(System.lineSeparator());
      result.issues().forEach(i -> text.append("  ").append(i.render()).append(System.lineSeparator()));
      result.thrown().ifPresent(t -> {
        java.io.StringWriter trace = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(trace));
        text.append(trace);
      });
      Files.writeString(dir.resolve("outcome.txt"), text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the failing mutation to " + dir, e);
    }
  }

  private static String label(Path pack) {
    Path name = pack.getFileName();
    Path parent = pack.getParent() == null ? null : pack.getParent().getFileName();
    // version folders (hanoi-units/v1, hanoi-522/v1.1) keep their pack folder in the label
    return name.toString().matches("v[0-9]+(\\.[0-9]+)*") && parent != null ? parent + "/" + name : name.toString();
  }

  private static Map<String, byte[]> read(Path pack) {
    Map<String, byte[]> content = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(pack)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = pack.relativize(file).toString().replace('\\', '/');
        if (Arrays.stream(name.split("/")).anyMatch(part -> part.startsWith("."))) {
          continue;
        }
        content.put(name, Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pack " + pack, e);
    }
    return content;
  }

  /** Builds engines on a worker thread, so that a build that hangs can be given up. */
  private final class Runner {
    private final Duration limit;
    private ExecutorService worker = newWorker();

    Runner(Duration limit) {
      this.limit = limit;
    }

    private ExecutorService newWorker() {
      return Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "pack-mutation-sweep");
        thread.setDaemon(true);
        return thread;
      });
    }

    MutationResult run(Mutation mutation, MemoryPackSource source, java.util.function.Function<String, String> text) {
      long start = System.nanoTime();
      Future<MutationResult> future = worker.submit(() -> build(mutation, source, text, start));
      try {
        return future.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        worker.shutdownNow();
        worker = newWorker();
        return new MutationResult(mutation, Verdict.TIMEOUT, List.of(), Optional.empty(),
            "no result after " + limit.toSeconds() + " s", System.nanoTime() - start);
      } catch (ExecutionException e) {
        return new MutationResult(mutation, Verdict.EXCEPTION, List.of(), Optional.of(e.getCause()),
            "the sweep itself failed: " + e.getCause(), System.nanoTime() - start);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    void close() {
      worker.shutdownNow();
    }
  }

  private MutationResult build(Mutation mutation, MemoryPackSource source,
      java.util.function.Function<String, String> text, long start) {
    try {
      RulesEngine.builder().addPack(source).build();
      if (mustRefuse.contains(mutation.kind())) {
        return new MutationResult(mutation, Verdict.ACCEPTED, List.of(), Optional.empty(),
            "the pack still loads", System.nanoTime() - start);
      }
      return new MutationResult(mutation, Verdict.VALID, List.of(), Optional.empty(), "", System.nanoTime() - start);
    } catch (InvalidRulePackException e) {
      List<ValidationIssue> issues = e.issues();
      String problem = unlocated(mutation, issues, text);
      return new MutationResult(mutation, problem.isEmpty() ? Verdict.LOCATED : Verdict.UNLOCATED, issues,
          Optional.empty(), problem, System.nanoTime() - start);
    } catch (Throwable e) { // every other throwable, errors included, is what the sweep looks for
      return new MutationResult(mutation, Verdict.EXCEPTION, List.of(), Optional.of(e), SweepReport.head(e),
          System.nanoTime() - start);
    }
  }

  /** Why the issues are not all located; {@code ""} if they are. */
  String unlocated(Mutation mutation, List<ValidationIssue> issues, java.util.function.Function<String, String> text) {
    List<ValidationIssue> errors = issues.stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR).toList();
    if (errors.isEmpty()) {
      return "refused without any error";
    }
    Map<String, Long> lines = new java.util.HashMap<>();
    java.util.function.Function<String, Long> lineCount = file -> lines.computeIfAbsent(file, f -> {
      String content = text.apply(f);
      return content == null ? null : content.chars().filter(c -> c == '\n').count() + 1;
    });
    for (ValidationIssue issue : errors) {
      String why = unlocated(mutation, issue, lineCount);
      if (!why.isEmpty()) {
        return why + ": " + safeRender(issue);
      }
    }
    return "";
  }

  private String unlocated(Mutation mutation, ValidationIssue issue,
      java.util.function.Function<String, Long> lineCount) {
    if (issue.file().isBlank()) {
      return "no file";
    }
    if (issue.code().isBlank()) {
      return "no code";
    }
    if (issue.message().isBlank()) {
      return "no message";
    }
    boolean wholeFile = wholeFileCodes.contains(issue.code());
    if (issue.line() <= 0 || issue.column() <= 0) {
      return wholeFile && issue.line() == 0 ? "" : "no line and column";
    }
    Long lines = lineCount.apply(issue.file());
    if (lines != null) {
      if (issue.line() > lines) {
        return "line " + issue.line() + " is past the end of the file (" + lines + " lines)";
      }
    }
    if (issue.path().isEmpty() && !wholeFile && !issue.code().startsWith("yaml.") && !mutation.path().isEmpty()) {
      return "no field path";
    }
    return "";
  }

  private static String safeRender(ValidationIssue issue) {
    try {
      return issue.render();
    } catch (RuntimeException e) {
      return issue.code() + " (render() threw " + e + ")";
    }
  }
}
