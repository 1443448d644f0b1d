package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code check} and {@code test} write JUnit XML and SARIF for CI. */
class CiReportsTests {

  private static final Path DALAT = Path.of("../dalat-pack/src/main/resources/rulepacks/dalat-1027");

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  /** A copy of the Đà Lạt pack whose fixture for dl1027.obeys-law now expects the wrong outcome. */
  private Path brokenCopy() throws Exception {
    Path copy = dir.resolve("dalat-1027");
    try (Stream<Path> walk = Files.walk(DALAT)) {
      for (Path from : walk.toList()) {
        Path to = copy.resolve(DALAT.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    Path tests = copy.resolve("rules/dl1027.obeys-law/tests");
    Files.move(tests.resolve("assessed-true.pass.yaml"), tests.resolve("assessed-true.fail.yaml"));
    return copy;
  }

  @Test
  void should_write_a_junit_report_that_counts_the_failing_fixture() throws Exception {
    Path pack = brokenCopy();
    Path xml = dir.resolve("TEST-conduct.xml");

    int code = cli.run("test", pack.toString(), "--format", "junit", "-o", xml.toString());

    assertThat(code).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).contains("FAIL   rules/dl1027.obeys-law/tests/assessed-true.fail.yaml");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("61"); // 60 fixtures and the coverage
    // the fixture, and the coverage: no fixture passes dl1027.obeys-law any more
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name"))
        .isEqualTo("rules/dl1027.obeys-law/tests/assessed-true.fail.yaml");
    assertThat(failure.getTextContent()).contains("dl1027.obeys-law").contains("PASS");
  }

  @Test
  void should_write_sarif_with_each_problem_located() throws Exception {
    Path pack = dir.resolve("bad");
    Files.createDirectories(pack.resolve("rules/x.one"));
    Files.writeString(pack.resolve("pack.yaml"), """
        format: 2
        id: bad
        version: 1.0.0
        title: {vi: Gói lỗi, en: Bad pack}
        engine: ">=0.1.0 <1.0.0"
        sources: {s: {number: "1/QĐ"}}
        vocabulary: {subject-types: {officer: {}}}
        """);
    Files.writeString(pack.resolve("rules/x.one/rule.yaml"), """
        id: x.one
        title: {vi: Một, en: One}
        source: {document: s, basis: read}
        severity: minor
        applies-to: [officr]
        kind: requirement
        condition: {attribute: a, eq: 1}
        """);

    int code = cli.run("check", pack.toString(), "-f", "sarif");

    assertThat(code).isEqualTo(ConductCommand.INVALID);
    JsonNode sarif = new ObjectMapper().readTree(cli.out());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode results = sarif.path("runs").path(0).path("results");
    assertThat(results).isNotEmpty();
    assertThat(results).anySatisfy(r -> {
      assertThat(r.path("ruleId").asText()).isEqualTo("ref.unknown-subject-type");
      assertThat(r.path("level").asText()).isEqualTo("error");
      JsonNode location = r.path("locations").path(0).path("physicalLocation");
      assertThat(location.path("artifactLocation").path("uri").asText()).endsWith("bad/rules/x.one/rule.yaml");
      assertThat(location.path("region").path("startLine").asInt()).isEqualTo(5);
    });
    assertThat(cli.err()).contains("bad: invalid");
  }

  @Test
  void should_refuse_an_output_file_for_text() {
    int code = cli.run("check", DALAT.toString(), "-o", dir.resolve("x.txt").toString());

    assertThat(code).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("--format junit");
  }

  @Test
  void should_locate_a_failing_fixture_and_the_coverage_shortfall_in_sarif() throws Exception {
    Path pack = brokenCopy();

    int code = cli.run("test", pack.toString(), "-f", "sarif");

    assertThat(code).isEqualTo(ConductCommand.INVALID);
    JsonNode results = new ObjectMapper().readTree(cli.out()).path("runs").path(0).path("results");
    assertThat(results).anySatisfy(r -> {
      assertThat(r.path("ruleId").asText()).isEqualTo("fixture.failed");
      JsonNode location = r.path("locations").path(0).path("physicalLocation");
      assertThat(location.path("artifactLocation").path("uri").asText())
          .endsWith("rules/dl1027.obeys-law/tests/assessed-true.fail.yaml");
      // the expectation's own place: the file's name says FAIL (line 4 holds the subject it is about)
      assertThat(location.path("region").path("startLine").asInt()).isGreaterThan(1);
    });
    assertThat(results).anySatisfy(r -> assertThat(r.path("ruleId").asText()).isEqualTo("coverage.shortfall"));
  }
}
