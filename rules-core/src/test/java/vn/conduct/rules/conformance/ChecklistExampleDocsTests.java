package vn.conduct.rules.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The complete checklist example of rule-pack-format.md, section 10.1, is the checklist of the
 * conformance case {@code scoring/complete-checklist-example}, which {@link ConformanceSuiteTests}
 * evaluates: the quoted YAML must stay byte for byte the case's file, so the spec never shows a
 * checklist the suite does not check.
 */
class ChecklistExampleDocsTests {

  private static final Path SPECS = Path.of("..", "specs").toAbsolutePath().normalize();

  @Test
  void should_quote_the_conformance_cases_checklist_verbatim_in_section_10_1() throws IOException {
    // GIVEN the spec's section 10.1 and the case's checklist
    String spec = Files.readString(SPECS.resolve("rule-pack-format.md"), StandardCharsets.UTF_8);
    String checklist = Files.readString(SPECS.resolve(
        "conformance/cases/scoring/complete-checklist-example/pack/checklists/grade.yaml"), StandardCharsets.UTF_8);
    int section = spec.indexOf("\n### 10.1 A complete example\n");
    assertThat(section).as("section 10.1 of rule-pack-format.md").isPositive();

    // WHEN the first YAML block of the section is taken
    int open = spec.indexOf("```yaml\n", section) + "```yaml\n".length();
    int close = spec.indexOf("```", open);
    String quoted = spec.substring(open, close);

    // THEN it is the case's file, and the section names the case
    assertThat(quoted).isEqualTo(checklist);
    assertThat(spec.substring(section, open)).contains("scoring/complete-checklist-example");
  }
}
