package vn.conduct.rules.testkit.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.conduct.rules.testkit.sweep.Mutation.Kind;

/**
 * The mutator's promise: each mutated text is YAML whose tree is the original tree with exactly the
 * one change made, so a sweep tests the engine and not the mutator.
 */
class YamlMutationsTests {

  /** Layouts that text edits get wrong most easily. */
  private static final String TRICKY = """
      # a comment before everything
      id: t.tricky   # trailing comment
      title: {vi: "Tiêu đề có dấu", en: 'Quoted, with comma'}
      applies-to:
      - officer
      - agency
      description: >-
        folded text
        over two lines

      nested:
        only: 1
      empty:
      list-of-maps:
        - rule: a
          points: 3
        -   rule: b
            weight: 0.5
      flow-list: [1, "two", {three: 3}]
      emoji: "😀 then text"
      last:
        deep:
          deeper: [x]
        # comment at the end of a block
      """;

  @Test
  void should_make_each_kind_of_change_to_the_node_it_names_and_keep_the_rest_of_a_tricky_file() {
    List<Mutation> mutations = YamlMutations.of("t", "rule.yaml", TRICKY);

    Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
    for (Mutation mutation : mutations) {
      assertKeepsTheRest(TRICKY, mutation);
      perKind.merge(mutation.kind(), 1, Integer::sum);
    }
    // 20 keys; 29 nodes: 17 scalars (5 of them numbers), 8 mappings and 4 lists
    assertThat(perKind).containsExactlyInAnyOrderEntriesOf(Map.of(
        Kind.DELETE, 20, Kind.NULL, 29, Kind.LIST, 17 + 8, Kind.MAPPING, 17 + 4, Kind.SCALAR, 8 + 4,
        Kind.NUMBER, 12, Kind.TEXT, 5, Kind.OVERLONG, 17));
  }

  @Test
  void should_delete_the_last_key_of_a_flow_mapping_with_its_comma() {
    Mutation delete = YamlMutations.of("t", "f.yaml", "title: {vi: A, en: B}\n").stream()
        .filter(m -> m.kind() == Kind.DELETE && m.path().equals("title.en")).findFirst().orElseThrow();

    assertThat(delete.apply("title: {vi: A, en: B}\n")).isEqualTo("title: {vi: A}\n");
    assertThat(delete.line()).isEqualTo(1);
    assertThat(delete.column()).isEqualTo(16);
  }

  @Test
  void should_replace_an_indentless_list_after_its_key_so_the_result_stays_a_value_of_that_key() {
    String text = "applies-to:\n- officer\nkind: requirement\n";
    Mutation toNull = YamlMutations.of("t", "f.yaml", text).stream()
        .filter(m -> m.kind() == Kind.NULL && m.path().equals("applies-to")).findFirst().orElseThrow();

    assertThat(toNull.apply(text)).isEqualTo("applies-to: null\nkind: requirement\n");
  }

  @Test
  void should_leave_an_empty_mapping_when_the_only_key_is_deleted() {
    String text = "outer:\n  only: 1\nnext: 2\n";
    Mutation delete = YamlMutations.of("t", "f.yaml", text).stream()
        .filter(m -> m.kind() == Kind.DELETE && m.path().equals("outer.only")).findFirst().orElseThrow();

    assertThat(delete.apply(text)).isEqualTo("outer:\n  {}\nnext: 2\n");
  }

  @Test
  void should_name_a_mutation_by_pack_file_position_path_and_change() {
    Mutation mutation = YamlMutations.of("hanoi-522", "rules/r/rule.yaml", "a:\n  b: [1]\n").stream()
        .filter(m -> m.kind() == Kind.MAPPING && m.path().equals("a.b")).findFirst().orElseThrow();

    assertThat(mutation).hasToString("#" + mutation.id() + " hanoi-522 rules/r/rule.yaml:2:6 a.b set to a mapping");
  }

  /** Every twentieth mutation of every pack file in this repository, so the sweeps' premise holds where they run. */
  @TestFactory
  Stream<DynamicTest> should_keep_the_rest_of_every_pack_file_in_the_repository() throws IOException {
    Path root = Path.of("../..").toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(root.resolve("rules-hanoi/src/main/resources/rulepacks"),
        root.resolve("examples/dalat-pack/src/main/resources/rulepacks"), Path.of("src/test/resources/packs"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/tests/")).sorted()
              .forEach(files::add);
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(100);
    return Stream.of(DynamicTest.dynamicTest(files.size() + " pack files", () -> {
      int count = 0;
      for (Path file : files) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (Mutation mutation : YamlMutations.of("p", file.toString(), text)) {
          if (mutation.id() % 20 == 0) {
            assertKeepsTheRest(text, mutation);
            count++;
          }
        }
      }
      System.out.println("YamlMutationsTests: " + count + " mutations of " + files.size()
          + " pack files keep the rest of their file");
      assertThat(count).isGreaterThan(2_000);
    }));
  }

  private static void assertKeepsTheRest(String original, Mutation mutation) {
    Object expected = change(tree(compose(original)), mutation.segments(), 0, mutation.kind());
    String mutated = mutation.apply(original);
    Object actual;
    try {
      actual = tree(compose(mutated));
    } catch (RuntimeException e) {
      throw new AssertionError(mutation + " does not parse:\n" + mutated, e);
    }
    if (!java.util.Objects.equals(actual, expected)) {
      assertThat(actual).as("%s gives%n%s", mutation, mutated).isEqualTo(expected);
    }
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
  }

  /** The tree as maps, lists, texts and nulls (a plain {@code null} or empty scalar is null). */
  private static Object tree(Node node) {
    if (node == null) {
      return null;
    }
    if (node instanceof MappingNode mapping) {
      Map<String, Object> map = new LinkedHashMap<>();
      mapping.getValue().forEach(t -> map.put(((ScalarNode) t.getKeyNode()).getValue(), tree(t.getValueNode())));
      return map;
    }
    if (node instanceof SequenceNode sequence) {
      return new ArrayList<>(sequence.getValue().stream().map(YamlMutationsTests::tree).toList());
    }
    ScalarNode scalar = (ScalarNode) node;
    return scalar.isPlain() && (scalar.getValue().isEmpty() || scalar.getValue().equals("null")) ? null
        : scalar.getValue();
  }

  @SuppressWarnings("unchecked")
  private static Object change(Object tree, List<Object> path, int depth, Kind kind) {
    if (depth == path.size()) {
      return replacement(kind);
    }
    Object segment = path.get(depth);
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
      if (depth == path.size() - 1 && kind == Kind.DELETE) {
        copy.remove(segment);
      } else {
        copy.put((String) segment, change(copy.get(segment), path, depth + 1, kind));
      }
      return copy;
    }
    List<Object> copy = new ArrayList<>((List<Object>) tree);
    int index = (Integer) segment;
    copy.set(index, change(copy.get(index), path, depth + 1, kind));
    return copy;
  }

  private static Object replacement(Kind kind) {
    return switch (kind) {
      case NULL -> null;
      case LIST -> List.of("wrong", "type");
      case MAPPING -> Map.of("wrong", "type");
      case SCALAR, TEXT -> "wrong type";
      case NUMBER -> "12345";
      case OVERLONG -> "x".repeat(PackMutationSweep.OVERLONG_LENGTH);
      case DELETE -> throw new IllegalStateException("a deletion replaces nothing");
    };
  }
}
