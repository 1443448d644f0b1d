package vn.conduct.rules.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;

/**
 * The JSON Schemas for editors agree with the loader: every pack the loader accepts — the
 * conformance packs of evaluation cases, the Hanoi packs, the Đà Lạt pack — is valid for the
 * schemas, file by file. (The condition language's part of the schemas is generated from the
 * engine's table, ConditionLanguageDocsTests; this checks the rest.)
 */
class SchemaAgreementTests {

  private static final Path REPOSITORY = Path.of("..");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema schema(String file) throws IOException {
    JsonNode node = JSON.readTree(REPOSITORY.resolve("specs/schema").resolve(file).toFile());
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
  }

  /**
   * The file as an editor's YAML 1.2 reader types it (core schema: integers, floats, booleans and
   * null typed; dates stay text), which is what the schemas describe.
   */
  private static JsonNode asEditorsSee(Path file) throws IOException {
    Object value = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
        .loadFromString(Files.readString(file));
    return JSON.valueToTree(value);
  }

  /** Every pack folder (holding pack.yaml) under the given roots. */
  private static List<Path> packs() throws IOException {
    List<Path> packs = new ArrayList<>();
    for (String root : List.of("specs/conformance/cases", "rules-hanoi/src/main/resources/rulepacks",
        "examples/dalat-pack/src/main/resources")) {
      try (Stream<Path> walk = Files.walk(REPOSITORY.resolve(root))) {
        walk.filter(p -> p.getFileName().toString().equals("pack.yaml")).map(Path::getParent).sorted()
            .forEach(packs::add);
      }
    }
    return packs;
  }

  private static boolean isOverlay(Path pack) {
    try {
      return Files.readString(pack.resolve("pack.yaml")).lines().anyMatch(line -> line.startsWith("extends:"));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void should_accept_in_the_schemas_every_pack_the_loader_accepts() throws IOException {
    JsonSchema pack = schema("rule-pack.schema.json");
    JsonSchema rule = schema("rule.schema.json");
    JsonSchema checklist = schema("checklist.schema.json");
    List<String> disagreements = new ArrayList<>();
    int files = 0;
    int loaded = 0;
    int overlays = 0;
    List<Path> all = packs();
    for (Path dir : all) {
      // an overlay is checked with the packs beside it: in its conformance case, or in its pack tree
      Path scope = dir.toString().contains("conformance") ? dir.getParent().getParent() : dir.getParent();
      List<Path> alongside = isOverlay(dir) ? all.stream()
          .filter(p -> !p.equals(dir) && !isOverlay(p) && (p.startsWith(scope) || !dir.toString().contains("conformance")
              && p.toString().contains("rules-hanoi")))
          .toList() : List.of();
      boolean valid = RulesEngine.check(dir, alongside).stream()
          .noneMatch(i -> i.severity() == ValidationIssue.Level.ERROR);
      if (!valid) {
        continue;
      }
      loaded++;
      overlays += isOverlay(dir) ? 1 : 0;
      List<Path> yaml;
      try (Stream<Path> walk = Files.walk(dir)) {
        yaml = walk.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !p.toString().contains("/tests/"))
            .sorted().toList();
      }
      for (Path file : yaml) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        JsonSchema schema = relative.equals("pack.yaml") ? pack
            : relative.startsWith("rules/") && relative.endsWith("/rule.yaml") ? rule
            : relative.startsWith("checklists/") ? checklist : null;
        if (schema == null) {
          continue;
        }
        files++;
        JsonNode tree = asEditorsSee(file);
        Set<ValidationMessage> messages = schema.validate(tree);
        messages.forEach(m -> disagreements.add(REPOSITORY.relativize(file) + ": " + m.getMessage()));
      }
    }
    System.out.printf("schemas checked %d files of %d packs the loader accepts (%d overlays)%n", files, loaded,
        overlays);
    assertThat(loaded).isGreaterThan(50);
    assertThat(disagreements).as("files the loader accepts but the schemas refuse").isEmpty();
  }

  @Test
  void should_accept_in_the_decision_schema_every_decision_file_the_reader_accepts() throws IOException {
    JsonSchema schema = schema("decisions.schema.json");
    List<Path> files = new ArrayList<>();
    files.add(REPOSITORY.resolve("rules-hanoi/src/main/resources/samples/decisions-demo.yaml"));
    try (Stream<Path> walk = Files.walk(REPOSITORY.resolve("specs/conformance/cases"))) {
      walk.filter(p -> p.getFileName().toString().equals("decisions.yaml")).sorted().forEach(files::add);
    }
    List<String> disagreements = new ArrayList<>();
    int read = 0;
    for (Path file : files) {
      boolean accepted;
      try {
        vn.conduct.rules.io.DecisionsFile.read(file);
        accepted = true;
        read++;
      } catch (vn.conduct.rules.api.InvalidDecisionsException e) {
        accepted = false;
      }
      var messages = schema.validate(asEditorsSee(file));
      if (accepted) {
        messages.forEach(m -> disagreements.add(REPOSITORY.relativize(file) + ": " + m.getMessage()));
      } else if (messages.isEmpty()) {
        disagreements.add(REPOSITORY.relativize(file) + ": the reader refuses it, the schema accepts it");
      }
    }
    assertThat(read).isGreaterThanOrEqualTo(5);
    assertThat(disagreements).isEmpty();
  }

  @Test
  void should_accept_in_the_waiver_schema_every_waiver_file_the_reader_accepts_and_refuse_what_it_refuses()
      throws IOException {
    JsonSchema schema = schema("waivers.schema.json");
    List<Path> files = new ArrayList<>();
    files.add(REPOSITORY.resolve("rules-hanoi/src/main/resources/samples/waivers-demo.yaml"));
    try (Stream<Path> walk = Files.walk(REPOSITORY.resolve("specs/conformance/cases"))) {
      walk.filter(p -> p.getFileName().toString().equals("waivers.yaml")).sorted().forEach(files::add);
    }
    List<String> disagreements = new ArrayList<>();
    for (Path file : files) {
      vn.conduct.rules.io.WaiversFile.read(file); // throws if the reader refuses it
      schema.validate(asEditorsSee(file)).forEach(m -> disagreements.add(REPOSITORY.relativize(file) + ": "
          + m.getMessage()));
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    assertThat(disagreements).isEmpty();

    String sample = Files.readString(files.get(0));
    for (String[] damage : new String[][] {
        {"    approver: {name: \"Phan Trọng Kiên\", role: head-of-unit}\n", ""},
        {"approver: {name: \"Phan Trọng Kiên\", role: head-of-unit}", "approver: {role: head-of-unit}"},
        {"risk: low", "risk: small"},
        {"scope: {pack: hanoi-522, rule: hn522.late-arrival}",
            "scope: {pack: hanoi-522, rule: hn522.late-arrival, checklist: x}"},
        {"expiry: 2025-06-30", "expiry: 2025-06-30T00:00Z"},
        {"subjects: {ids: [cb-013]}", "subjects: {ids: []}"}}) {
      assertThat(sample).contains(damage[0]);
      String text = sample.replaceFirst(java.util.regex.Pattern.quote(damage[0]),
          java.util.regex.Matcher.quoteReplacement(damage[1]));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> vn.conduct.rules.io.WaiversFile.read("w.yaml",
          text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).as(damage[1])
          .isInstanceOf(vn.conduct.rules.api.InvalidWaiversException.class);
      Object value = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
          .loadFromString(text);
      assertThat(schema.validate(JSON.valueToTree(value))).as(damage[1]).isNotEmpty();
    }
  }
}
