package vn.conduct.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import vn.conduct.rules.api.SafeText;

/**
 * Hostile requests, sent byte for byte over a socket ({@link RawHttp}): every one is answered, fast,
 * with an RFC 9457 problem of a stable type and title, located where the facts are at fault, with no
 * raw control character, stack trace or server detail in it.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper springMapper;

  // --- the corpus -------------------------------------------------------------------------------

  static Stream<Hostile> corpus() {
    String deepArrays = "{\"subjects\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    String deepObjects = "{\"a\": ".repeat(20_000) + "1" + "}".repeat(20_000);
    String below63 = "subjects" + "[0]".repeat(63);
    String longName = "{\"as-of\": \"2025-06-30\", \"subjects\": [{\"id\": \"a\", \"type\": \"officer\", \"name\": ";
    String packs = IntStream.range(0, 1001).mapToObj(i -> "\"p" + i + "\"").collect(Collectors.joining(", "));
    byte[] notUtf8 = "{\"as-of\": \"2025-06-30\",\n \"packs\": [\"hé?\"]}".getBytes(StandardCharsets.UTF_8);
    notUtf8[notUtf8.length - 4] = (byte) 0xC3;
    return Stream.of(
        // nesting, size, length
        post("JSON nested 100 000 levels deep", "application/json", deepArrays)
            .is(ProblemType.INVALID_FACTS).at("yaml.depth", "facts.json:1:77", below63),
        post("JSON objects nested 20 000 levels deep", "application/json", deepObjects)
            .is(ProblemType.INVALID_FACTS).at("yaml.depth", null, String.join(".", Collections.nCopies(64, "a"))),
        post("YAML nested 100 000 levels deep", "application/yaml", "subjects: " + "[".repeat(100_000))
            .is(ProblemType.INVALID_FACTS).at("yaml.depth", "facts.yaml:1:74", below63),
        post("YAML sequences nested 20 000 levels deep", "application/yaml", "subjects:\n" + "- ".repeat(20_000) + "x\n")
            .is(ProblemType.INVALID_FACTS).at("yaml.depth", "facts.yaml:2:127", below63),
        post("10 MiB of JSON", "application/json", longName + "\"" + "x".repeat(10 * 1024 * 1024) + "\"}]}")
            .is(ProblemType.FACTS_TOO_LARGE),
        chunked("2 MiB and 1 KiB of YAML, chunked, without a length",
            "subjects:\n" + "  - {id: a, type: officer}\n".repeat((2 * 1024 * 1024 + 1024) / 27))
            .is(ProblemType.FACTS_TOO_LARGE),
        post("a name of 1 MiB in JSON", "application/json", longName + "\"" + "x".repeat(1024 * 1024) + "\"}]}")
            .is(ProblemType.INVALID_FACTS).at("request.limit", "facts.json:1:" + (longName.length() + 1),
                "subjects[0].name"),
        post("a number of 200 digits", "application/json",
            "{\"subjects\": [{\"id\": \"a\", \"attributes\": {\"x\": " + "9".repeat(200) + "}}]}")
            .is(ProblemType.INVALID_FACTS).at("request.limit", null, "subjects[0].attributes.x"),
        post("1 001 packs", "application/json", "{\"packs\": [" + packs + "]}")
            .is(ProblemType.INVALID_FACTS).at("request.limit", null, "packs[1000]"),
        // syntax and encoding
        post("JSON cut short", "application/json", "{\"as-of\": ")
            .is(ProblemType.INVALID_FACTS).at("yaml.syntax", "facts.json:1:11", "as-of"),
        post("YAML cut short", "application/yaml", "as-of: [2025-06-30\n")
            .is(ProblemType.INVALID_FACTS).at("yaml.syntax", null, null),
        post("NaN in JSON", "application/json", "{\"subjects\": [{\"attributes\": {\"x\": NaN}}]}")
            .is(ProblemType.INVALID_FACTS).at("yaml.syntax", "facts.json:1:39", "subjects[0].attributes.x"),
        post("two JSON documents", "application/json", "{}\n{}")
            .is(ProblemType.INVALID_FACTS).at("yaml.syntax", "facts.json:2:1", ""),
        post("bytes that are not UTF-8", "application/json", notUtf8)
            .is(ProblemType.INVALID_FACTS).at("yaml.encoding", "facts.json:2:15", ""),
        post("a raw NUL in a JSON text", "application/json", "{\"packs\": [\"ha\u0000noi\"]}")
            .is(ProblemType.INVALID_FACTS).at("yaml.syntax", null, "packs[0]"),
        post("a raw ESC in YAML", "application/yaml", "packs: [\"ha\u001b[2Jnoi\"]\n")
            .is(ProblemType.INVALID_FACTS).at("yaml.syntax", null, null),
        post("a YAML tag naming a Java class", "application/yaml", "as-of: !!javax.script.ScriptEngineManager [x]\n")
            .is(ProblemType.INVALID_FACTS).at("yaml.tag", null, null),
        post("a YAML alias", "application/yaml", "as-of: &d 2025-06-30\nperiod: {start: *d, end: *d}\n")
            .is(ProblemType.INVALID_FACTS).at("yaml.alias", null, null),
        // media types and bodies
        post("text/plain", "text/plain", "as-of: 2025-06-30").is(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        post("no Content-Type", null, "{}").is(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        post("a Content-Type that does not parse", "application/json; charset=\"", "{}")
            .is(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        post("JSON in Latin-1", "application/json; charset=ISO-8859-1", "{}").is(ProblemType.UNSUPPORTED_CHARSET),
        post("an empty JSON body", "application/json", "")
            .is(ProblemType.INVALID_FACTS).at("facts.empty", null, ""),
        post("an empty YAML body", "application/yaml", "")
            .is(ProblemType.INVALID_FACTS).at("facts.empty", null, ""),
        raw("a chunked body whose chunk size is not hexadecimal", "POST /evaluations HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n", "zz\r\n{}\r\n0\r\n\r\n")
            .is(ProblemType.UNREADABLE_BODY),
        // shapes and values
        post("a list for the facts", "application/json", "[1, 2]")
            .is(ProblemType.INVALID_FACTS).at("facts.type", "facts.json:1:1", ""),
        post("a text for the subjects", "application/json", "{\"as-of\": \"2025-06-30\", \"subjects\": \"cb-1\"}")
            .is(ProblemType.INVALID_FACTS).at("facts.type", "facts.json:1:37", "subjects"),
        post("an unknown key", "application/json", "{\"as-of\": \"2025-06-30\", \"subjectz\": []}")
            .is(ProblemType.INVALID_FACTS).at("facts.unknown-key", "facts.json:1:25", "subjectz"),
        post("month 13", "application/json", "{\"as-of\": \"2025-13-01\"}")
            .is(ProblemType.INVALID_FACTS).at("facts.date", "facts.json:1:11", "as-of"),
        // packs
        post("a pack id with ESC, CR and LF", "application/json",
            "{\"as-of\": \"2025-06-30\", \"packs\": [\"ha\\u001b[2Jnoi\\r\\n\"]}").is(ProblemType.PACK_NOT_FOUND),
        post("a pinned version that is not loaded", "application/json",
            "{\"as-of\": \"2025-06-30\", \"pin\": {\"hanoi-522\": \"9.9.9\"}}").is(ProblemType.PACK_NOT_FOUND),
        post("a pinned version that is not a version", "application/json",
            "{\"as-of\": \"2025-06-30\", \"pin\": {\"hanoi-522\": \">=1.0 \\u202e\"}}").is(ProblemType.PACK_NOT_FOUND),
        post("a pin for a pack that is not loaded", "application/json",
            "{\"as-of\": \"2025-06-30\", \"pin\": {\"hanoi-9999\": \"1.0.0\"}}").is(ProblemType.PACK_NOT_FOUND),
        // query parameters and paths
        get("month 13 in as-of", "/packs?as-of=2025-13-01").is(ProblemType.INVALID_PARAMETER).with("parameter", "as-of"),
        get("a year of nine digits in as-of", "/packs?as-of=%2B999999999-12-31")
            .is(ProblemType.INVALID_PARAMETER).with("parameter", "as-of"),
        raw("ESC in lang", "POST /evaluations?lang=%1B%5B31m HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n", "{}")
            .is(ProblemType.INVALID_PARAMETER).with("parameter", "lang"),
        get("a percent not followed by two hex digits", "/packs?lang=%ZZ")
            .is(ProblemType.INVALID_PARAMETER).with("parameter", "lang"),
        get("percent-escapes that are not UTF-8", "/rankings?checklist=%C3%28")
            .is(ProblemType.INVALID_PARAMETER).with("parameter", "checklist"),
        get("no checklist", "/rankings").is(ProblemType.INVALID_PARAMETER).with("parameter", "checklist"),
        get("a checklist of 2 000 escapes", "/rankings?checklist=" + "%1B".repeat(2000))
            .is(ProblemType.RANKING_NOT_FOUND),
        get("an unknown path", "/packs/hanoi-522/../../etc/passwd").is(HttpStatus.NOT_FOUND),
        get("a raw ESC in the query", "/packs?lang=\u001b[31m").is(HttpStatus.BAD_REQUEST),
        get("a bad percent-escape in the path", "/pa%ZZcks").is(HttpStatus.BAD_REQUEST),
        get("an encoded NUL in the path", "/packs%00").is(HttpStatus.BAD_REQUEST),
        raw("a header of 20 KB", "GET /packs HTTP/1.1\r\nHost: localhost\r\nX-Junk: " + "j".repeat(20_000)
            + "\r\nConnection: close\r\n", null).is(HttpStatus.BAD_REQUEST),
        raw("not HTTP at all", "\u0000\u0001\u0002 \u001b[2J\r\n", null).is(HttpStatus.BAD_REQUEST),
        raw("DELETE /packs", "DELETE /packs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n", null)
            .is(HttpStatus.METHOD_NOT_ALLOWED),
        raw("an Accept the page cannot meet", "GET /rankings?checklist=hnunits-par HTTP/1.1\r\nHost: localhost\r\n"
            + "Accept: application/json\r\nConnection: close\r\n", null).is(HttpStatus.NOT_ACCEPTABLE),
        raw("an Accept no problem meets", "POST /evaluations HTTP/1.1\r\nHost: localhost\r\nAccept: application/xml\r\n"
            + "Content-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n", "{\"as-of\": ")
            .is(ProblemType.INVALID_FACTS).at("yaml.syntax", "facts.json:1:11", "as-of"),
        // defects
        get("an exception in an endpoint", "/test/failure?kind=exception").is(ProblemType.INTERNAL_ERROR),
        get("an error in an endpoint", "/test/failure?kind=error").is(ProblemType.INTERNAL_ERROR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyHostileRequestIsAnsweredQuicklyWithASafeProblemOfAStableType(Hostile hostile) throws IOException {
    RawHttp.Response response = RawHttp.send(port, hostile.head, hostile.body);

    assertThat(response.status()).as("status").isEqualTo(hostile.status);
    assertThat(MediaType.parseMediaType(response.header("content-type")).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as("content type %s", response.header("content-type")).isTrue();
    assertThat(response.millis()).as("milliseconds to answer").isLessThan(5_000);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).as("type").isEqualTo(hostile.type);
    assertThat(problem.path("title").asText()).as("title").isEqualTo(hostile.title);
    assertThat(problem.path("status").asInt()).as("status member").isEqualTo(hostile.status);
    assertThat(problem.path("detail").asText()).as("detail").isNotBlank();
    hostile.properties.forEach((name, value) -> assertThat(problem.path(name).asText()).as(name).isEqualTo(value));
    if (hostile.code != null) {
      JsonNode error = problem.path("errors").path(0);
      assertThat(error.path("code").asText()).as("code").isEqualTo(hostile.code);
      if (hostile.location != null) {
        assertThat(error.path("location").asText()).as("location").isEqualTo(hostile.location);
      }
      if (hostile.path != null) {
        assertThat(error.path("path").asText()).as("path").isEqualTo(hostile.path);
      }
    }
    assertSafe(response);
  }

  // --- what the corpus cannot say ---------------------------------------------------------------

  @Test
  void anUnexpectedFailureIsLoggedWithItsStackTraceUnderTheIncidentTheProblemGives(CapturedOutput log) throws IOException {
    RawHttp.Response response = RawHttp.send(port, "GET /test/failure?kind=exception HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\n", null);

    JsonNode problem = JSON.readTree(response.body());
    String incident = problem.path("incident").asText();
    assertThat(incident).matches("[0-9a-f-]{36}");
    assertThat(problem.path("detail").asText()).contains(incident).doesNotContain("hunter2");
    assertThat(log.getOut()).contains("Incident " + incident + ": GET /test/failure failed")
        .contains("java.lang.IllegalStateException: password=hunter2 at /srv/conduct/secrets.yaml ?[31m")
        .contains("at vn.conduct.examples.service.").doesNotContain("\u001b");
  }

  @Test
  void aProblemListsTheFirstHundredErrorsAndCountsThemAll() throws IOException {
    String keys = IntStream.range(0, 150).mapToObj(i -> "\"k" + i + "\": 1").collect(Collectors.joining(", "));

    RawHttp.Response response = post("150 unknown keys", "application/json", "{\"as-of\": \"2025-06-30\", " + keys + "}")
        .send(port);

    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("detail").asText())
        .startsWith("The facts are invalid (150 errors); the first 100 are listed in 'errors'");
    assertThat(problem.path("errors")).hasSize(ProblemHandler.MAX_LISTED_ERRORS);
    assertThat(problem.path("errors").path(99).path("path").asText()).isEqualTo("k99");
  }

  @Test
  void textFromTheRequestIsCutInAProblemSayingHowMuchWasLeftOut() throws IOException {
    RawHttp.Response response = get("a long checklist", "/rankings?checklist=" + "%1B".repeat(2000)).send(port);

    String detail = JSON.readTree(response.body()).path("detail").asText();
    assertThat(detail).hasSizeLessThan(ProblemHandler.MAX_TEXT + 40)
        .startsWith("The facts on record (rankings-test.yaml) have no ranking on checklist '\\e\\e\\e")
        .matches(".*… \\([0-9]+ more characters\\)");
  }

  @Test
  void bodiesWithinTheLimitsAreEvaluatedWhateverTheyHoldAndTheirTextComesBackAsSent() throws IOException {
    String hostileId = "cb\u0000\u001b[31m\r\n\u202e1";
    String facts = "{\"as-of\": \"2025-06-30\", \"packs\": [\"hanoi-522\"], \"subjects\": [{\"id\": "
        + JSON.writeValueAsString(hostileId) + ", \"type\": \"officer\", \"name\": \"\\u001b]0;pwned\\u0007\","
        + " \"attributes\": {\"position\": \"staff\"}}], \"observations\": [{\"subject\": "
        + JSON.writeValueAsString(hostileId) + ", \"indicator\": \"badge-worn\", \"value\": true}]}";
    List<RawHttp.Response> answers = new ArrayList<>();
    for (Hostile body : List.of(
        post("control characters in ids and names, JSON-escaped", "application/json", facts),
        post("a byte-order mark before JSON", "application/json", "\uFEFF" + facts),
        post("a byte-order mark before YAML", "application/yaml", "\uFEFF" + facts))) {
      answers.add(body.send(port));
    }

    assertThat(answers).allSatisfy(response -> {
      assertThat(response.status()).isEqualTo(200);
      JsonNode report = JSON.readTree(response.body());
      // an officer is personal (hanoi-522): the service answers the pseudonym of the id as sent, no name
      assertThat(report.at("/subjects/0/id").asText()).matches("p-[0-9a-f]{20}");
      assertThat(report.at("/subjects/0/name").isNull()).isTrue();
      assertThat(response.text()).doesNotContain("pwned");
      assertThat(report.at("/fact-problems")).isEmpty();
      assertThat(response.text().chars().filter(c -> c < 0x20 && c != '\n')).as("raw control characters").isEmpty();
    });
  }

  @Test
  void numbersNoIndicatorCanHoldAreAnsweredWithTheReportNotACrash() throws IOException {
    for (String value : List.of("1e999999", "-1e999999999", "1e-999999999", "\"Infinity\"", "\"NaN\"")) {
      String facts = "{\"as-of\": \"2025-06-30\", \"packs\": [\"hanoi-units\"], \"subjects\": [{\"id\": \"so-a\","
          + " \"type\": \"agency\", \"attributes\": {\"block\": \"department\"}}], \"observations\": [{\"subject\":"
          + " \"so-a\", \"indicator\": \"par-appraisal-points\", \"value\": " + value + "}]}";

      RawHttp.Response response = post(value, "application/json", facts).send(port);

      assertThat(response.status()).as(value).isEqualTo(200);
      assertThat(response.millis()).as(value).isLessThan(5_000);
      JsonNode report = JSON.readTree(response.body());
      assertThat(report.at("/subjects/0/id").asText()).as(value).isEqualTo("so-a");
      if (!value.equals("1e-999999999")) { // the one a BigDecimal holds
        assertThat(report.at("/fact-problems/0/location").asText()).as(value).isEqualTo("facts.json:1:221");
      }
    }
  }

  @Test
  void subjectsThatAreTheirOwnParentsAreAnsweredWithAReportOrASafeProblem() throws IOException {
    // rules-core 0.1 fails on these with a NullPointerException (reported); whatever it does, the answer is safe
    for (String subjects : List.of(
        "[{\"id\": \"a\", \"type\": \"officer\", \"parent\": \"a\"}]",
        "[{\"id\": \"a\", \"type\": \"agency\", \"parent\": \"b\"}, {\"id\": \"b\", \"type\": \"agency\", \"parent\": \"a\"}]",
        "[{\"id\": \"a\", \"type\": \"officer\"}, {\"id\": \"b\", \"type\": \"officer\", \"parent\": \"a\"}]")) {
      RawHttp.Response response = post(subjects, "application/json",
          "{\"as-of\": \"2025-06-30\", \"subjects\": " + subjects + "}").send(port);

      if (response.status() == 200) {
        assertThat(JSON.readTree(response.body()).path("subjects")).as(subjects).hasSize(subjects.split("\"id\"").length - 1);
      } else {
        assertThat(MediaType.parseMediaType(response.header("content-type"))
            .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(subjects).isTrue();
        assertSafe(response);
      }
    }
  }

  @Test
  void springsObjectMapperReadsJsonWithinTheSameLimits() {
    assertThat(springMapper.getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(FactsLimits.MAX_DEPTH);
    assertThat(catchMessage(() -> springMapper.readTree("[".repeat(65) + "]".repeat(65))))
        .contains("nesting depth (65) exceeds the maximum allowed (64");
    assertThat(catchMessage(() -> springMapper.readTree("\"" + "x".repeat(FactsLimits.MAX_TEXT_LENGTH + 1) + "\"")))
        .contains("String value length");
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** No raw control character in the bytes; none, nor a bidirectional override, in any decoded text; no server detail. */
  private static void assertSafe(RawHttp.Response response) throws IOException {
    String body = response.text();
    assertThat(body.chars().filter(c -> c < 0x20 || c == 0x7F)).as("raw control characters in " + body).isEmpty();
    for (String text : texts(JSON.readTree(response.body()))) {
      assertThat(SafeText.line(text)).as("decoded text").isEqualTo(text);
    }
    assertThat(body).doesNotContain("Exception", "java.", "org.springframework", "org.apache", "hunter2",
        "Tomcat", "StreamReadConstraints", "\tat ");
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.fieldNames().forEachRemaining(texts::add);
    node.forEach(child -> texts.addAll(texts(child)));
    return texts;
  }

  private static String catchMessage(ThrowingRunnable action) {
    try {
      action.run();
      return "";
    } catch (Exception e) {
      return e.getMessage();
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static Hostile post(String name, String contentType, String body) {
    return post(name, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Hostile post(String name, String contentType, byte[] body) {
    return new Hostile(name, "POST /evaluations HTTP/1.1\r\nHost: localhost\r\n"
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Content-Length: " + body.length + "\r\nConnection: close\r\n", body);
  }

  private static Hostile chunked(String name, String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    String body = Integer.toHexString(bytes.length) + "\r\n" + yaml + "\r\n0\r\n\r\n";
    return new Hostile(name, "POST /evaluations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n", body.getBytes(StandardCharsets.UTF_8));
  }

  private static Hostile get(String name, String target) {
    return new Hostile(name, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n", null);
  }

  private static Hostile raw(String name, String head, String body) {
    return new Hostile(name, head, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  /** One hostile request and the problem it must be answered with. */
  static final class Hostile {
    final String name;
    final String head;
    final byte[] body;
    final Map<String, String> properties = new LinkedHashMap<>();
    int status;
    String type;
    String title;
    String code;
    String location;
    String path;

    Hostile(String name, String head, byte[] body) {
      this.name = name;
      this.head = head;
      this.body = body;
    }

    Hostile is(ProblemType problem) {
      status = problem.status().value();
      type = problem.type().toString();
      title = problem.title();
      return this;
    }

    Hostile is(HttpStatus spring) {
      status = spring.value();
      type = "about:blank";
      title = spring.getReasonPhrase();
      return this;
    }

    /** The first issue listed: its code, and its location and field path where not {@code null}. */
    Hostile at(String code, String location, String path) {
      this.code = code;
      this.location = location;
      this.path = path;
      return this;
    }

    Hostile with(String property, String value) {
      properties.put(property, value);
      return this;
    }

    RawHttp.Response send(int port) {
      return RawHttp.send(port, head, body);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
