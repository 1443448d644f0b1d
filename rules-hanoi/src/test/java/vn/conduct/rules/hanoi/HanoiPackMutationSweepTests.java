package vn.conduct.rules.hanoi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.testkit.sweep.MutationResult.Verdict;
import vn.conduct.rules.testkit.sweep.PackMutationSweep;
import vn.conduct.rules.testkit.sweep.SweepReport;

/**
 * Every Hanoi pack, mutated one node at a time (a key deleted; a value set to null, to a value of the
 * wrong type, or to an over-long string), still loads or is refused with located errors.
 *
 * <p>The build runs a seeded sample of {@value #SAMPLE} mutations (about 20 s on two idle cores, a
 * minute on busy ones).
 * The whole sweep, every mutation of every Hanoi pack, runs with
 * {@code mvn -pl rules-hanoi -am verify -Dtest=HanoiPackMutationSweepTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dconduct.sweep.size=all}; see docs/robustness.md. Failing mutations are written to
 * {@code target/pack-mutation-sweep/<id>/}.
 */
class HanoiPackMutationSweepTests {

  private static final int SAMPLE = 2_000;

  @Test
  void every_mutation_of_a_hanoi_pack_gives_the_pack_or_located_errors() throws IOException {
    // GIVEN
    Path[] packs = packDirectories(Path.of("src/main/resources/rulepacks"));
    PackMutationSweep sweep = PackMutationSweep.forPacks(packs)
        .sample(SAMPLE)
        .configuredBy(System.getProperties())
        .writeFailuresTo(Path.of("target/pack-mutation-sweep"));

    // WHEN
    SweepReport report = sweep.run();

    // THEN
    System.out.println(report.summary());
    assertThat(packs).hasSize(21);
    assertThat(report.ran()).isPositive();
    assertThat(report.count(Verdict.LOCATED)).as("mutations refused with located errors").isPositive();
    report.assertNoFailures();
  }

  static Path[] packDirectories(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      // The sweep loads each pack alone, and an overlay (hanoi-tayho-2020*) does not load without its base:
      // PackMutationSweep has no way to give it one yet (reported with issue 12), so overlays are left out.
      return walk.filter(p -> p.getFileName().toString().equals("pack.yaml")).filter(p -> !isOverlay(p))
          .map(Path::getParent).sorted().toArray(Path[]::new);
    }
  }

  private static boolean isOverlay(Path manifest) {
    try {
      return Files.readAllLines(manifest).stream().anyMatch(line -> line.startsWith("extends:"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
