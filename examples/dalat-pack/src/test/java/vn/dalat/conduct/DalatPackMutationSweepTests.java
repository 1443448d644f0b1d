package vn.dalat.conduct;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.testkit.sweep.MutationResult.Verdict;
import vn.conduct.rules.testkit.sweep.PackMutationSweep;
import vn.conduct.rules.testkit.sweep.SweepReport;

/**
 * The Đà Lạt pack, mutated one node at a time, still loads or is refused with located errors: the
 * sweep a city's pack author runs on their own pack, with the test kit.
 *
 * <p>The build runs a seeded sample of {@value #SAMPLE} mutations; {@code -Dconduct.sweep.size=all}
 * runs every one (see docs/robustness.md).
 */
class DalatPackMutationSweepTests {

  private static final int SAMPLE = 500;

  @Test
  void every_mutation_of_the_dalat_pack_gives_the_pack_or_located_errors() {
    // GIVEN
    PackMutationSweep sweep = PackMutationSweep.forPacks(Path.of("src/main/resources/rulepacks/dalat-1027"))
        .sample(SAMPLE)
        .configuredBy(System.getProperties())
        .writeFailuresTo(Path.of("target/pack-mutation-sweep"));

    // WHEN
    SweepReport report = sweep.run();

    // THEN
    System.out.println(report.summary());
    assertThat(report.ran()).isPositive();
    assertThat(report.count(Verdict.LOCATED)).as("mutations refused with located errors").isPositive();
    report.assertNoFailures();
  }
}
