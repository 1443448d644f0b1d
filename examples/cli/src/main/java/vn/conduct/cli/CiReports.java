package vn.conduct.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.conduct.rules.api.ValidationIssue;

/**
 * What {@code check} and {@code test} write for CI: JUnit XML (the Ant/Surefire report schema that CI
 * servers read: one test suite per pack, one test case per fixture or file) and SARIF 2.1.0 (located
 * problems that code hosts show as annotations on the lines).
 */
final class CiReports {

  /** The formats of {@code check} and {@code test}. */
  enum Format { text, junit, sarif }

  /** One test case: its name and class name, and a failure or error with a message and details. */
  record Case(String className, String name, String failure, String error, String details) {

    static Case passed(String className, String name) {
      return new Case(className, name, null, null, null);
    }
  }

  /** One test suite: a pack checked or tested. */
  record Suite(String name, List<Case> cases) { }

  /** A problem located in a file: for SARIF. */
  record Located(String file, int line, int column, String code, boolean error, String message) {

    /**
     * A problem whose place is written {@code file:line:col} (as fixture expectations give it), the file
     * relative to {@code base}; a place without line and column is the file's first line.
     */
    static Located at(Path base, String place, String code, String message) {
      String file = place;
      int line = 1;
      int column = 0;
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?):(\\d+):(\\d+)$").matcher(place);
      if (m.matches()) {
        file = m.group(1);
        line = Math.max(1, Integer.parseInt(m.group(2)));
        column = Integer.parseInt(m.group(3));
      }
      Path path = Path.of(file);
      String uri = (path.isAbsolute() ? path : base.resolve(file)).normalize().toString().replace('\\', '/');
      return new Located(uri, line, column, code, true, message);
    }

    static Located of(Path base, ValidationIssue issue) {
      String file = issue.file();
      Path path = Path.of(file);
      String uri = (path.isAbsolute() ? path : base.resolve(file)).normalize().toString().replace('\\', '/');
      String text = issue.message() + (issue.path() == null || issue.path().isEmpty() ? "" : " (at " + issue.path() + ")")
          + (issue.hint() == null ? "" : " [Hint: " + issue.hint() + "]");
      return new Located(uri, issue.line(), issue.column(), issue.code(),
          issue.severity() == ValidationIssue.Level.ERROR, text);
    }
  }

  private CiReports() {
  }

  /** Writes a report to a file, or to {@code out} when {@code file} is null. */
  static void write(Path file, PrintWriter out, java.util.function.Consumer<Writer> body) {
    if (file == null) {
      body.accept(out);
      out.flush();
      return;
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.accept(writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** JUnit XML: {@code <testsuites>} with one {@code <testsuite>} per suite. */
  static void junit(List<Suite> suites, Writer out) {
    try {
      StringWriter buffer = new StringWriter();
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "conduct");
      xml.writeAttribute("tests", Integer.toString(suites.stream().mapToInt(s -> s.cases().size()).sum()));
      xml.writeAttribute("failures", Long.toString(count(suites, true)));
      xml.writeAttribute("errors", Long.toString(count(suites, false)));
      for (Suite suite : suites) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(suite.name()));
        xml.writeAttribute("tests", Integer.toString(suite.cases().size()));
        xml.writeAttribute("failures", Long.toString(count(List.of(suite), true)));
        xml.writeAttribute("errors", Long.toString(count(List.of(suite), false)));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", "0");
        for (Case c : suite.cases()) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", clean(c.className()));
          xml.writeAttribute("name", clean(c.name()));
          xml.writeAttribute("time", "0");
          if (c.failure() != null || c.error() != null) {
            xml.writeStartElement(c.failure() != null ? "failure" : "error");
            xml.writeAttribute("message", clean(c.failure() != null ? c.failure() : c.error()));
            xml.writeAttribute("type", c.failure() != null ? "conduct.failure" : "conduct.error");
            if (c.details() != null) {
              xml.writeCharacters(clean(c.details()));
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      out.write(buffer.toString());
      out.write("\n");
    } catch (XMLStreamException | IOException e) {
      throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
    }
  }

  private static long count(List<Suite> suites, boolean failures) {
    return suites.stream().flatMap(s -> s.cases().stream())
        .filter(c -> failures ? c.failure() != null : c.error() != null && c.failure() == null).count();
  }

  /** Characters XML 1.0 cannot hold (control characters a hostile pack may carry) become U+FFFD. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> out.appendCodePoint(cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000 ? cp : 0xFFFD));
    return out.toString();
  }

  /** SARIF 2.1.0: one run of the tool {@code conduct}, one result per located problem. */
  static void sarif(List<Located> problems, String engineVersion, Writer out) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "conduct");
    driver.put("version", engineVersion);
    Map<String, Integer> rules = new TreeMap<>();
    problems.forEach(p -> rules.putIfAbsent(p.code(), 0));
    ArrayNode ruleNodes = driver.putArray("rules");
    int index = 0;
    for (String code : rules.keySet()) {
      rules.put(code, index++);
      ObjectNode rule = ruleNodes.addObject();
      rule.put("id", code);
      rule.putObject("shortDescription").put("text", code);
    }
    ArrayNode results = run.putArray("results");
    for (Located p : problems) {
      ObjectNode result = results.addObject();
      result.put("ruleId", p.code());
      result.put("ruleIndex", rules.get(p.code()));
      result.put("level", p.error() ? "error" : "warning");
      result.putObject("message").put("text", p.message());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", p.file());
      if (p.line() > 0) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", p.line());
        if (p.column() > 0) {
          region.put("startColumn", p.column());
        }
      }
    }
    try {
      out.write(mapper.writeValueAsString(root));
      out.write("\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
