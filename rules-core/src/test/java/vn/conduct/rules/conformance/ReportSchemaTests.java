package vn.conduct.rules.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.io.ReportJson;

/**
 * Every report of every evaluation case of the suite, written in report format 2 and in format 1,
 * is valid for its JSON Schema (specs/schema/report.schema.json, report-1.schema.json), and every
 * finding's reason can be rebuilt from format 2's rule table.
 */
class ReportSchemaTests {

  private static final Path SPECS = Path.of("../specs");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema schema(String file) throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JSON.readTree(SPECS.resolve("schema").resolve(file).toFile()));
  }

  @Test
  void should_write_reports_that_their_schemas_accept() throws IOException {
    JsonSchema two = schema("report.schema.json");
    JsonSchema one = schema("report-1.schema.json");
    List<String> problems = new ArrayList<>();
    int reports = 0;
    for (ConformanceCase c : ConformanceCase.discover(SPECS.resolve("conformance"))) {
      if (!Files.exists(c.dir.resolve("facts.yaml"))) {
        continue;
      }
      RulesEngine engine = c.engine();
      // with the case's waivers and decisions (their members are in the schema too), unless they are refused
      Report report = c.isDecisionErrorCase() ? engine.evaluate(FactsFile.read(c.dir.resolve("facts.yaml")))
          : c.evaluate();
      reports++;
      JsonNode formatTwo = JSON.readTree(new ReportJson().write(report));
      JsonNode withTerms = JSON.readTree(new ReportJson().withChecklists(engine.checklists()).write(report));
      two.validate(withTerms).forEach(m -> problems.add(c.name() + " (format 2, with checklists): " + m.getMessage()));
      JsonNode formatOne = JSON.readTree(new ReportJson().withFormat(1).write(report));
      two.validate(formatTwo).forEach(m -> problems.add(c.name() + " (format 2): " + m.getMessage()));
      problems.addAll(unrebuiltReasons(c.name(), report, formatTwo));
      one.validate(formatOne).forEach(m -> problems.add(c.name() + " (format 1): " + m.getMessage()));
    }
    System.out.printf("report schemas checked %d reports in both formats%n", reports);
    assertThat(reports).isGreaterThan(80);
    assertThat(problems).isEmpty();
  }
  /**
   * Each finding's reason, rebuilt from format 2 as section 14 says (its rule's reason entry, then
   * the rule's citation text when the entry says it ends with it), is the engine's in both
   * languages; and every engine reason ends with its citation, so none is repeated per finding.
   */
  private static List<String> unrebuiltReasons(String name, Report report, JsonNode json) {
    List<String> problems = new ArrayList<>();
    for (int s = 0; s < report.subjects().size(); s++) {
      List<Finding> findings = report.subjects().get(s).findings();
      for (int f = 0; f < findings.size(); f++) {
        JsonNode finding = json.at("/subjects/" + s + "/findings/" + f);
        JsonNode rule = json.path("rules").path(finding.path("rule").asText());
        JsonNode entry = rule.path("reasons").path(finding.path("reason").asInt(-1));
        if (!entry.path("ends-with-citation").asBoolean()) {
          problems.add(name + ": the reason of " + finding + " does not end with its citation: " + entry);
        }
        for (Language language : Language.values()) {
          String tag = language == Language.VI ? "vi" : "en";
          String rebuilt = entry.path("text").path(tag).asText() + " — " + rule.at("/citation/text/" + tag).asText();
          if (!rebuilt.equals(findings.get(f).reason().in(language))) {
            problems.add(name + ": " + finding + " rebuilds to '" + rebuilt + "', not '"
                + findings.get(f).reason().in(language) + "'");
          }
        }
      }
    }
    return problems;
  }
}
