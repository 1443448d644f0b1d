package vn.conduct.benchmarks;

import java.nio.file.Path;
import java.util.List;
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
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;

/**
 * Time to load R threshold rules: read and validate the YAML, then compile the rules
 * ({@link #build}); and validation alone ({@link #check}). A pack holds at most 1 000 files, so
 * the rules come in packs of {@value SyntheticPacks#RULES_PER_PACK} (R = 5000: 10 packs, all
 * added to one engine; {@code check} validates each). Each measured operation is a
 * single cold-ish call ({@link Mode#SingleShotTime}); the JVM is warm after the warm-up calls. For
 * the first build in a fresh JVM, run {@code -wi 0 -i 1 -f 5}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@State(Scope.Benchmark)
public class PackLoadBenchmark {

  /** Number of rules in the pack. */
  @Param({"50", "500", "5000"})
  public int rules;

  private Path root;
  private SyntheticPacks.ThresholdPack pack;

  @Setup(Level.Trial)
  public void setUp() {
    root = SyntheticPacks.tempRoot();
    pack = SyntheticPacks.writeThresholdPack(root, rules);
    List<ValidationIssue> errors = pack.directories().stream()
        .flatMap(directory -> RulesEngine.check(directory).stream())
        .filter(issue -> issue.severity() == ValidationIssue.Level.ERROR)
        .toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("synthetic pack is invalid:\n" + String.join("\n",
          errors.stream().limit(20).map(ValidationIssue::render).toList()));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    SyntheticPacks.deleteTree(root);
  }

  /** Load, validate and compile: {@code RulesEngine.builder().addPack(dir)...build()}. */
  @Benchmark
  public RulesEngine build() {
    RulesEngine engine = pack.buildEngine();
    int loaded = engine.packs().stream().mapToInt(info -> info.ruleCount()).sum();
    if (engine.packs().size() != pack.packIds().size() || loaded != rules) {
      throw new IllegalStateException("expected " + pack.packIds().size() + " packs of "
          + rules + " rules in all: " + engine.packs());
    }
    return engine;
  }

  /** Validation only: {@code RulesEngine.check(dir)} for each pack directory. */
  @Benchmark
  public int check() {
    int issues = 0;
    for (Path directory : pack.directories()) {
      issues += RulesEngine.check(directory).size();
    }
    return issues;
  }
}
