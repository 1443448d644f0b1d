package vn.conduct.rules.testkit.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.api.ValidationIssue.Level;
import vn.conduct.rules.testkit.sweep.Mutation.Kind;
import vn.conduct.rules.testkit.sweep.MutationResult.Verdict;

/** The sweep's own mechanics: sampling, classing, reporting. The packs' verdicts are tested where they live. */
class PackMutationSweepTests {

  private static final Path SAMPLE = Path.of("src/test/resources/packs/sample");

  @Test
  void should_run_a_repeatable_sample_of_the_size_asked_and_class_every_result() {
    // GIVEN
    PackMutationSweep sweep = PackMutationSweep.forPacks(SAMPLE).sample(25).seed(3);

    // WHEN
    SweepReport first = sweep.run();
    SweepReport again = sweep.run();
    SweepReport other = sweep.seed(4).run();

    // THEN
    assertThat(first.ran()).isEqualTo(25);
    assertThat(Arrays.stream(Verdict.values()).mapToLong(first::count).sum()).isEqualTo(25);
    List<Integer> ids = first.results().stream().map(r -> r.mutation().id()).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id < first.total());
    assertThat(again.results().stream().map(r -> r.mutation().id()).toList()).isEqualTo(ids);
    assertThat(other.results().stream().map(r -> r.mutation().id()).toList()).isNotEqualTo(ids);
    assertThat(first.total()).isEqualTo(sweep.mutations().size());
    assertThat(first.summary()).contains("25 of " + first.total() + " mutations (seed 3)").contains("total");
  }

  @Test
  void should_run_only_the_mutations_named_by_id() {
    // GIVEN
    List<Mutation> all = PackMutationSweep.forPacks(SAMPLE).mutations();
    int deleteTitle = find(all, "rules/s.badge/rule.yaml", "title", Kind.DELETE).id();
    int titleToList = find(all, "rules/s.badge/rule.yaml", "title", Kind.LIST).id();

    // WHEN
    SweepReport report = PackMutationSweep.forPacks(SAMPLE).only(List.of(titleToList, deleteTitle)).run();

    // THEN: a required key deleted, a mapping replaced by a list: both refused where they are
    assertThat(report.results()).extracting(r -> r.mutation().id()).containsExactly(titleToList, deleteTitle);
    assertThat(report.results()).allSatisfy(result -> {
      assertThat(result.verdict()).isIn(Verdict.LOCATED, Verdict.EXCEPTION);
      if (result.verdict() == Verdict.LOCATED) {
        assertThat(result.errorInMutatedFile()).isTrue();
      }
    });
  }

  @Test
  void should_count_a_mutation_that_must_be_refused_but_loads_as_accepted() {
    // GIVEN: deleting an optional key leaves a valid pack
    List<Mutation> all = PackMutationSweep.forPacks(SAMPLE).mutations();
    int deleteWhen = find(all, "rules/s.badge/rule.yaml", "when", Kind.DELETE).id();
    PackMutationSweep sweep = PackMutationSweep.forPacks(SAMPLE).only(List.of(deleteWhen));

    // WHEN
    MutationResult lenient = sweep.run().results().get(0);
    SweepReport strict = sweep.mustRefuse(Set.of(Kind.DELETE)).run();

    // THEN
    assertThat(lenient.verdict()).isEqualTo(Verdict.VALID);
    assertThat(strict.results().get(0).verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(catchThrowable(strict::assertNoFailures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rules/s.badge/rule.yaml:8:1 when deleted: ACCEPTED (the pack still loads)");
  }

  @Test
  void should_class_errors_without_a_line_a_code_or_a_path_as_unlocated() {
    // GIVEN
    PackMutationSweep sweep = PackMutationSweep.forPacks(SAMPLE);
    Mutation mutation = find(sweep.mutations(), "rules/s.badge/rule.yaml", "title", Kind.NULL);
    Map<String, String> files = Map.of("rules/s.badge/rule.yaml", "a\nb\nc\n");

    // WHEN / THEN
    assertThat(sweep.unlocated(mutation, List.of(error("rules/s.badge/rule.yaml", 2, 3, "title", "field.constraint")),
        files::get)).isEmpty();
    assertThat(sweep.unlocated(mutation, List.of(error("rules/s.badge/rule.yaml", 0, 0, "title", "field.constraint")),
        files::get)).startsWith("no line and column");
    assertThat(sweep.unlocated(mutation, List.of(error("rules/s.badge/rule.yaml", 9, 1, "title", "field.constraint")),
        files::get)).startsWith("line 9 is past the end of the file (4 lines)");
    assertThat(sweep.unlocated(mutation, List.of(error("rules/s.badge/rule.yaml", 2, 1, "", "field.constraint")),
        files::get)).startsWith("no field path");
    assertThat(sweep.unlocated(mutation, List.of(error("", 2, 1, "title", "field.constraint")), files::get))
        .startsWith("no file");
    assertThat(sweep.unlocated(mutation, List.of(error("rules/s.badge", 0, 0, "", "pack.layout")), files::get))
        .isEmpty();
    assertThat(sweep.unlocated(mutation, List.of(), files::get)).isEqualTo("refused without any error");
  }

  @Test
  void should_refuse_to_sweep_a_pack_that_does_not_load_before_it_is_mutated(@TempDir Path dir) throws IOException {
    // GIVEN
    Files.writeString(dir.resolve("pack.yaml"), "format: 1\nid: broken\n");

    // WHEN
    Throwable thrown = catchThrowable(() -> PackMutationSweep.forPacks(dir).sample(1).run());

    // THEN
    assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not load before it is mutated");
  }

  @Test
  void should_read_the_sample_size_seed_and_ids_from_system_properties() {
    // GIVEN
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty(PackMutationSweep.SIZE_PROPERTY, "7");
    properties.setProperty(PackMutationSweep.SEED_PROPERTY, "11");

    // WHEN
    SweepReport report = PackMutationSweep.forPacks(SAMPLE).sample(3).configuredBy(properties).run();
    properties.setProperty(PackMutationSweep.SIZE_PROPERTY, "seven");

    // THEN
    assertThat(report.ran()).isEqualTo(7);
    assertThat(report.summary()).contains("(seed 11)");
    assertThat(catchThrowable(() -> PackMutationSweep.forPacks(SAMPLE).configuredBy(properties)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Dconduct.sweep.size must be a number");
  }

  private static Mutation find(List<Mutation> all, String file, String path, Kind kind) {
    return all.stream().filter(m -> m.file().equals(file) && m.path().equals(path) && m.kind() == kind)
        .findFirst().orElseThrow();
  }

  private static ValidationIssue error(String file, int line, int column, String path, String code) {
    return new ValidationIssue(Level.ERROR, code, file, line, column, path, "wrong", null);
  }
}
