package vn.conduct.rules.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.load.Issues;

class SafeYamlTests {

  private final Issues issues = new Issues();

  private Optional<YamlDocument> parse(String text) {
    return SafeYaml.parse("pack.yaml", text.getBytes(StandardCharsets.UTF_8), issues);
  }

  private ValidationIssue onlyIssue() {
    List<ValidationIssue> all = issues.sorted();
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void should_refuse_a_global_tag_naming_a_class() {
    Optional<YamlDocument> document = parse("""
        id: x
        engine: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
        """);

    assertThat(document).isEmpty();
    ValidationIssue issue = issues.sorted().get(0);
    assertThat(issue.code()).isEqualTo("yaml.tag");
    assertThat(issue.line()).isEqualTo(2);
    assertThat(issue.message()).contains("javax.script.ScriptEngineManager").contains("not allowed");
    assertThat(issue.hint()).contains("packs are data");
  }

  @Test
  void should_refuse_a_local_tag() {
    assertThat(parse("a: !custom 1\n")).isEmpty();
    assertThat(onlyIssue().code()).isEqualTo("yaml.tag");
  }

  @Test
  void should_refuse_aliases_and_so_a_billion_laughs_bomb_without_expanding_it() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
          .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
          .append(",*").append(p).append(",*").append(p).append("]\n");
    }

    assertThat(parse(bomb.toString())).isEmpty();
    ValidationIssue issue = issues.sorted().get(0);
    assertThat(issue.code()).isEqualTo("yaml.alias");
    assertThat(issue.line()).isEqualTo(1); // the first anchor, '&a': anchors are refused as well as aliases
  }

  @Test
  void should_report_a_duplicate_key_at_its_second_occurrence() {
    assertThat(parse("""
        id: x
        version: 1.0.0
        id: y
        """)).isEmpty();
    ValidationIssue issue = onlyIssue();
    assertThat(issue.code()).isEqualTo("yaml.duplicate-key");
    assertThat(issue.location()).isEqualTo("pack.yaml:3:1");
    assertThat(issue.message()).isEqualTo("duplicate key 'id' (first at line 1)");
  }

  @Test
  void should_stop_deep_nesting_with_a_located_error_and_no_stack_overflow() {
    String deep = "a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";

    assertThat(parse(deep)).isEmpty();
    ValidationIssue issue = onlyIssue();
    assertThat(issue.code()).isEqualTo("yaml.depth");
    assertThat(issue.line()).isEqualTo(1);
    assertThat(issue.hint()).contains("64");
  }

  @Test
  void should_keep_yaml_1_1_scalars_as_the_text_they_are() {
    YamlDocument document = parse("""
        version: 1.10
        answer: NO
        mode: 0777
        on: yes
        empty:
        tilde: ~
        quoted: "null"
        """).orElseThrow();

    assertThat(document.root().get("version").asText()).isEqualTo("1.10");
    assertThat(document.root().get("answer").asText()).isEqualTo("NO");
    assertThat(document.root().get("mode").asText()).isEqualTo("0777");
    assertThat(document.root().get("on").asText()).isEqualTo("yes");
    assertThat(document.root().get("empty").isNull()).isTrue();
    assertThat(document.root().get("tilde").isNull()).isTrue();
    assertThat(document.root().get("quoted").asText()).isEqualTo("null");
  }

  @Test
  void should_locate_nested_values_by_path() {
    YamlDocument document = parse("""
        rules:
          - id: a
            condition:
              all:
                - {indicator: x, ge: 1}
        """).orElseThrow();

    assertThat(document.locate("rules[0].condition.all[0].ge")).containsExactly(5, 30);
    assertThat(document.locate("rules[0].condition.all[0].nope")).containsExactly(5, 11);
  }

  @Test
  void should_report_syntax_errors_with_their_position() {
    assertThat(parse("a: [1, 2\nb: 3\n")).isEmpty();
    ValidationIssue issue = onlyIssue();
    assertThat(issue.code()).isEqualTo("yaml.syntax");
    assertThat(issue.line()).isPositive();
  }

  @Test
  void should_refuse_text_that_is_not_utf8() {
    assertThat(SafeYaml.parse("pack.yaml", new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28}, issues)).isEmpty();
    assertThat(onlyIssue().code()).isEqualTo("yaml.encoding");
  }

  @Test
  void should_refuse_a_hundred_thousand_levels_at_level_65_with_its_position() {
    String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

    assertThat(parse(deep)).isEmpty();
    ValidationIssue issue = onlyIssue();
    assertThat(issue.code()).isEqualTo("yaml.depth");
    assertThat(issue.location()).isEqualTo("pack.yaml:1:67"); // 'a' is level 1, the 64th '[' at column 66
    assertThat(issue.path()).isEqualTo("a" + "[0]".repeat(63));
    assertThat(issue.message()).contains("more than 64 levels");
  }

  @Test
  void should_refuse_a_byte_order_mark_in_a_pack_file_but_skip_it_in_facts() {
    byte[] content = "\uFEFFid: x\n".getBytes(StandardCharsets.UTF_8);

    assertThat(SafeYaml.parse("pack.yaml", content, issues)).isEmpty();
    assertThat(onlyIssue().render()).isEqualTo("ERROR   pack.yaml:1:1  the file starts with a byte-order mark (U+FEFF)"
        + " [Hint: save it as UTF-8 without a byte-order mark] [yaml.encoding]");

    Issues facts = new Issues();
    YamlDocument document = SafeYaml.parse("facts.yaml", content, facts, SafeYaml.Profile.FACTS).orElseThrow();
    assertThat(document.root().get("id").asText()).isEqualTo("x");
    assertThat(document.locate("id")).containsExactly(1, 5);
  }

  @Test
  void should_refuse_a_pack_file_over_two_mebibytes_at_the_byte_that_passes_the_limit() {
    String line = "# " + "x".repeat(1021) + "\n"; // 1 024 bytes a line
    byte[] content = (line.repeat(2048) + "a: 1\n").getBytes(StandardCharsets.UTF_8);

    assertThat(SafeYaml.parse("big.yaml", content, issues)).isEmpty();
    ValidationIssue issue = onlyIssue();
    assertThat(issue.code()).isEqualTo("yaml.size");
    assertThat(issue.location()).isEqualTo("big.yaml:2049:1");
    assertThat(issue.message()).startsWith("file is 2097157 bytes, over the limit of 2097152 bytes (2 MiB)");
  }

  @Test
  void should_locate_the_first_byte_that_is_not_utf8() {
    byte[] content = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};

    assertThat(SafeYaml.parse("x.yaml", content, issues)).isEmpty();
    assertThat(onlyIssue().render())
        .isEqualTo("ERROR   x.yaml:2:4  byte 0xC3 at offset 8 is not valid UTF-8 [Hint: save the file as UTF-8]"
            + " [yaml.encoding]");
  }

  @Test
  void should_refuse_timestamp_tags_in_packs_and_accept_them_in_facts() {
    byte[] content = "date: !!timestamp 2017-01-25\n".getBytes(StandardCharsets.UTF_8);

    assertThat(SafeYaml.parse("pack.yaml", content, issues)).isEmpty();
    assertThat(onlyIssue().render()).startsWith("ERROR   pack.yaml:1:7  date: tag '!!timestamp' is not allowed");
    assertThat(SafeYaml.parse("facts.yaml", content, new Issues(), SafeYaml.Profile.FACTS)).isPresent();
  }

  @Test
  void should_refuse_a_second_document() {
    assertThat(parse("a: 1\n---\nb: 2\n")).isEmpty();
    assertThat(onlyIssue().render()).startsWith("ERROR   pack.yaml:2:1  the file holds more than one YAML document");
  }

  @Test
  void should_locate_a_control_character_yaml_does_not_allow() {
    assertThat(parse("a: 1\nb: x\u0000y\n")).isEmpty();
    ValidationIssue issue = onlyIssue();
    assertThat(issue.code()).isEqualTo("yaml.syntax");
    assertThat(issue.location()).isEqualTo("pack.yaml:2:5");
    assertThat(issue.message()).isEqualTo("character U+0000 is not allowed in YAML");
  }

  @Test
  void should_refuse_a_complex_key_and_keep_reading() {
    assertThat(parse("? [a, b]\n: 1\nc: &x 2\n")).isEmpty();
    assertThat(issues.sorted()).extracting(ValidationIssue::code, ValidationIssue::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("yaml.key", 1),
            org.assertj.core.groups.Tuple.tuple("yaml.alias", 3));
  }

  @Test
  void should_quote_keys_with_dots_in_paths_and_locate_them_either_way() {
    YamlDocument document = parse("""
        sources:
          qd.522: {number: "522"}
        """).orElseThrow();

    assertThat(YamlDocument.child("sources", "qd.522")).isEqualTo("sources[\"qd.522\"]");
    assertThat(document.locate("sources[\"qd.522\"].number")).containsExactly(2, 20);
    assertThat(document.locate("sources.qd.522.number")).containsExactly(2, 20);
    assertThat(document.locateKey("sources[\"qd.522\"]")).containsExactly(2, 3);
  }

  @Test
  void should_report_many_duplicate_keys_in_linear_time_and_cap_the_list() {
    StringBuilder text = new StringBuilder("items:\n");
    for (int i = 0; i < 100_000; i++) {
      text.append("  k: ").append(i).append('\n');
    }

    assertThat(parse(text.toString())).isEmpty();
    List<ValidationIssue> all = issues.sorted();
    assertThat(all).hasSize(Issues.MAX_PER_FILE + 1);
    assertThat(all.get(0).render()).isEqualTo("ERROR   pack.yaml  89999 more issues in this file are not listed"
        + " [Hint: fix the ones listed first] [file.too-many-issues]");
    assertThat(all.get(1).render()).isEqualTo("ERROR   pack.yaml:3:3  items.k: duplicate key 'k' (first at line 2)"
        + " [Hint: each key may appear once in a mapping] [yaml.duplicate-key]");
  }
}
