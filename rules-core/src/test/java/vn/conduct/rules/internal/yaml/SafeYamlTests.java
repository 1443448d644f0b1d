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
}
