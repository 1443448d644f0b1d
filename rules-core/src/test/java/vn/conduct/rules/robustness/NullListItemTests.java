package vn.conduct.rules.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.testing.PackBuilder;

/**
 * A {@code null} item in a list of ids is refused where it is, as the pack mutation sweep asks of
 * every list: the format has no list whose items may be null.
 */
class NullListItemTests {

  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of("an event type's subject-types", "pack.yaml", "vocabulary.event-types.late.subject-types[0]",
            (java.util.function.UnaryOperator<String>) m -> m.replace("late: {subject-types: [officer]}",
                "late: {subject-types: [null]}")),
        Arguments.of("a field's values", "pack.yaml", "vocabulary.subject-types.officer.attributes.position.values[1]",
            (java.util.function.UnaryOperator<String>) m -> m.replace("position: {type: string}",
                "position: {type: string, values: [leader, null]}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void should_refuse_a_null_item_in_a_list_of_ids_where_it_is(String what, String file, String path,
      java.util.function.UnaryOperator<String> change, @TempDir Path dir) {
    // GIVEN
    String manifest = change.apply(PackBuilder.MANIFEST.formatted("nulls", "1.0.0", ""));
    assertThat(manifest).as("the manifest was changed")
        .isNotEqualTo(PackBuilder.MANIFEST.formatted("nulls", "1.0.0", ""));
    pack("nulls", "1.0.0")
        .file("pack.yaml", manifest)
        .rule("r.late", "applies-to: [officer]\nkind: prohibition\n"
            + "condition: {count: {events: [late], within: period}, ge: 1}\n")
        .writeTo(dir);

    // WHEN
    List<ValidationIssue> issues = RulesEngine.check(dir);

    // THEN
    assertThat(issues).as("issues for %s", what).anySatisfy(issue -> {
      assertThat(issue.severity()).isEqualTo(ValidationIssue.Level.ERROR);
      assertThat(issue.file()).isEqualTo(file);
      assertThat(issue.path()).startsWith(path.substring(0, path.lastIndexOf('[')));
      assertThat(issue.line()).isPositive();
    });
  }
}
