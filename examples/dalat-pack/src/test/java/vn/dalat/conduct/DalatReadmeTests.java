package vn.dalat.conduct;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulesEngine;

/** The README's rule table lists exactly the pack's rules, with their kind, severity and types. */
class DalatReadmeTests {

  private static final Pattern ROW = Pattern.compile(
      "^\\| `(dl1027\\.[a-z0-9.-]+)` \\| [^|]+ \\| ([a-z, ]+) \\| ([a-z]+) \\| ([a-z]+) \\| ([^|]+) \\|$",
      Pattern.MULTILINE);

  @Test
  void should_list_every_rule_of_the_pack_as_it_is() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<RuleInfo> rules = RulesEngine.builder()
        .addPack(Path.of("src/main/resources/rulepacks/dalat-1027")).build().rules();

    Matcher row = ROW.matcher(readme);
    int rows = 0;
    while (row.find()) {
      rows++;
      String id = row.group(1);
      RuleInfo rule = rules.stream().filter(r -> r.ruleId().equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError("README lists " + id + ", which the pack does not have"));
      assertThat(row.group(2)).as(id + " applies to").isEqualTo(String.join(", ", rule.appliesTo()));
      assertThat(row.group(3)).as(id + " kind").isEqualTo(rule.rule().kind().name().toLowerCase());
      assertThat(row.group(4)).as(id + " severity").isEqualTo(rule.rule().severity().name().toLowerCase());
      assertThat(row.group(5).trim().equals("–")).as(id + " has a when").isEqualTo(!rule.conditional());
    }
    assertThat(rows).as("rows in the README's rule table").isEqualTo(rules.size()).isEqualTo(27);
  }
}
