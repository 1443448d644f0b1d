package vn.conduct.rules.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the language-neutral conformance suite in {@code specs/conformance/} against this engine:
 * one dynamic test per case folder, named {@code <group>/<case-id>}.
 *
 * <p>Cases listed in {@code known-deviations.yaml} are expected to fail; such a case that passes
 * fails the run, so that the list is shortened as soon as a deviation is fixed.
 */
class ConformanceSuiteTests {

  /** The suite must never shrink below this many cases. */
  static final int MIN_CASES = 40;

  static Path suiteRoot() {
    Path root = Path.of("..", "specs", "conformance").toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("cases"))) {
      fail("The conformance suite was not found at " + root + " (expected specs/conformance/cases next to "
          + "rules-core). Run the tests from the rules-core module directory, e.g. "
          + "'cd rules-core && mvn test -Dtest=vn.conduct.rules.conformance.*Tests'.");
    }
    return root;
  }

  /** Case name → one-line reason, from {@code known-deviations.yaml}. */
  static Map<String, String> knownDeviations(Path root) {
    Path file = root.resolve("known-deviations.yaml");
    Map<String, String> deviations = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return deviations;
    }
    Object content = CoreYaml.read(file);
    if (content == null) {
      return deviations;
    }
    Map<String, Object> map = FactsFile.map(content, file.toString());
    FactsFile.only(map, file.toString(), Set.of("deviations"));
    for (Object entry : FactsFile.list(map.get("deviations"), "deviations")) {
      Map<String, Object> d = FactsFile.map(entry, "deviations[]");
      FactsFile.only(d, "deviations[]", Set.of("case", "reason"));
      String name = String.valueOf(d.get("case"));
      if (d.get("reason") == null || String.valueOf(d.get("reason")).isBlank()) {
        fail("known-deviations.yaml: case " + name + " needs a one-line reason");
      }
      if (deviations.put(name, String.valueOf(d.get("reason"))) != null) {
        fail("known-deviations.yaml lists " + name + " twice");
      }
    }
    return deviations;
  }

  @TestFactory
  Stream<DynamicTest> conformance() {
    Path root = suiteRoot();
    Map<String, String> deviations = knownDeviations(root);
    return ConformanceCase.discover(root).stream().map(c -> DynamicTest.dynamicTest(c.name(), c.dir.toUri(), () -> {
      List<String> problems = c.run();
      String deviation = deviations.get(c.name());
      if (deviation != null) {
        if (problems.isEmpty()) {
          fail(c.name() + " is listed in known-deviations.yaml (" + deviation + ") but now passes: "
              + "remove it from the list.");
        }
        System.out.println("[conformance] " + c.name() + ": known deviation (" + deviation + "), fails as expected:"
            + System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", problems));
        return;
      }
      if (!problems.isEmpty()) {
        fail(c.name() + " (" + c.dir + ") differs from expected.yaml:" + System.lineSeparator() + "  "
            + String.join(System.lineSeparator() + "  ", problems));
      }
    }));
  }

  @Test
  void suiteIsCompleteAndWellFormed() {
    Path root = suiteRoot();
    List<ConformanceCase> cases = ConformanceCase.discover(root);
    assertTrue(cases.size() >= MIN_CASES, "the suite has " + cases.size() + " cases, fewer than " + MIN_CASES);
    List<String> problems = new ArrayList<>();
    for (String file : List.of("README.md", "case.schema.json", "known-deviations.yaml")) {
      if (!Files.isRegularFile(root.resolve(file))) {
        problems.add("missing " + file);
      }
    }
    for (ConformanceCase c : cases) {
      for (String file : List.of("description.md", "expected.yaml")) {
        if (!Files.isRegularFile(c.dir.resolve(file))) {
          problems.add(c.name() + ": missing " + file);
        }
      }
      if (!c.id.matches("[a-z0-9]+(-[a-z0-9]+)*") || !c.group.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        problems.add(c.name() + ": group and case ids are lowercase words joined by '-'");
      }
      if (!Files.isRegularFile(c.dir.resolve("expected.yaml"))) {
        continue;
      }
      boolean loadErrors = c.isLoadErrorCase();
      boolean hasFacts = Files.isRegularFile(c.dir.resolve("facts.yaml"));
      if (loadErrors == hasFacts) {
        problems.add(c.name() + (loadErrors ? ": a load-error case has no facts.yaml"
            : ": an evaluation case needs facts.yaml"));
      }
      if (!Files.isDirectory(c.dir.resolve("pack")) && !Files.isDirectory(c.dir.resolve("packs"))) {
        problems.add(c.name() + ": missing pack/ (or packs/<name>/)");
      }
    }
    Set<String> names = new java.util.HashSet<>(cases.stream().map(ConformanceCase::name).toList());
    knownDeviations(root).keySet().stream().filter(name -> !names.contains(name))
        .forEach(name -> problems.add("known-deviations.yaml names " + name + ", which is not a case"));
    assertEquals(List.of(), problems, "the suite is malformed");
  }
}
