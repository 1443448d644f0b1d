package vn.conduct.examples.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.FactsReader;
import vn.conduct.rules.io.InvalidFactsException;

/** The shape check on its own, without Spring: each limit at its boundary, locations, and agreement with the library. */
class FactsShapeTests {

  private final FactsShape shape = new FactsShape(new FactsLimits(FactsLimits.DEFAULT_MAX_BYTES));

  // --- depth ------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"json", "yaml"})
  void theServiceTakesTheDeepestNestingTheLibraryTakesAndRefusesOneLevelMore(String format) {
    assertThat(check(format, nested(format, FactsLimits.MAX_DEPTH))).isEmpty();
    assertThat(libraryCodes(format, nested(format, FactsLimits.MAX_DEPTH))).doesNotContain("yaml.depth");
    assertThat(check(format, nested(format, FactsLimits.MAX_DEPTH + 1))).map(ValidationIssue::code)
        .contains("yaml.depth");
    // Never more lenient than the library: whatever depth the service takes, the library takes too.
    for (int depth = FactsLimits.MAX_DEPTH - 1; depth <= FactsLimits.MAX_DEPTH + 3; depth++) {
      if (check(format, nested(format, depth)).isEmpty()) {
        assertThat(libraryCodes(format, nested(format, depth))).as("depth " + depth).doesNotContain("yaml.depth");
      }
    }
    assertThat(libraryCodes(format, nested(format, FactsLimits.MAX_DEPTH + 2))).contains("yaml.depth");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"json", "yaml"})
  void aBodyNestedAHundredThousandLevelsIsRefusedAtLevel65InAnInstant(String format) {
    byte[] body = nested(format, 100_000);

    ValidationIssue issue = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> check(format, body)).orElseThrow();

    assertThat(issue.code()).isEqualTo("yaml.depth");
    assertThat(issue.message()).isEqualTo("collections nest more than 64 levels deep");
    // {"subjects": [[[…: the root is level 1, subjects level 2, and the 64th '[' opens level 65
    assertThat(issue.line()).isEqualTo(1);
    assertThat(issue.column()).isEqualTo((format.equals("json") ? "{\"subjects\": " : "subjects: ").length() + 64);
    assertThat(issue.path()).isEqualTo("subjects" + "[0]".repeat(63));
  }

  // --- the service's own limits -----------------------------------------------------------------

  static Stream<Arguments> limits() {
    return Stream.of(
        Arguments.of("text", FactsLimits.MAX_TEXT_LENGTH, "subjects[0].name", "text of more than 65536 characters"),
        Arguments.of("key", FactsLimits.MAX_KEY_LENGTH, "subjects[0].attributes", "key of more than 1024 characters"),
        Arguments.of("number", FactsLimits.MAX_NUMBER_LENGTH, "subjects[0].attributes.x",
            "number of more than 100 characters"),
        Arguments.of("packs", FactsLimits.MAX_PACKS, "packs[1000]", "more than 1000 entries in 'packs'"),
        Arguments.of("pin", FactsLimits.MAX_PACKS, "pin.p1000", "more than 1000 entries in 'pin'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  void eachLimitTakesItsMaximumAndRefusesOneMoreNamingItInJsonAndYamlAlike(String limit, int max, String path,
      String message) {
    for (String format : List.of("json", "yaml")) {
      assertThat(check(format, over(limit, format, max))).as(format + " at the limit").isEmpty();

      ValidationIssue issue = check(format, over(limit, format, max + 1)).orElseThrow();

      assertThat(issue.code()).as(format).isEqualTo("request.limit");
      assertThat(issue.message()).as(format).isEqualTo(message);
      assertThat(issue.path()).as(format).startsWith(path);
      assertThat(issue.line()).as(format + " line").isPositive();
      assertThat(issue.hint()).as(format).contains(String.valueOf(max));
    }
  }

  // --- JSON syntax and UTF-8 --------------------------------------------------------------------

  @Test
  void aJsonSyntaxErrorIsLocatedInCodePointsWithItsFieldPath() {
    String body = "{\n  \"subjects\": [{\"id\": \"Sở Nội vụ\", \"name\": NaN}]\n}";

    ValidationIssue issue = check("json", body.getBytes(StandardCharsets.UTF_8)).orElseThrow();

    assertThat(issue.code()).isEqualTo("yaml.syntax");
    assertThat(issue.message()).isEqualTo("not JSON: Non-standard token 'NaN'");
    assertThat(issue.path()).isEqualTo("subjects[0].name");
    assertThat(issue.location()).isEqualTo("facts.json:2:47"); // after "NaN": 'ở' and 'ộ' are one column each
  }

  @Test
  void aSecondJsonValueAfterTheFirstIsASyntaxError() {
    ValidationIssue issue = check("json", "{\"as-of\": \"2025-06-30\"}\n{}".getBytes(StandardCharsets.UTF_8))
        .orElseThrow();

    assertThat(issue.code()).isEqualTo("yaml.syntax");
    assertThat(issue.message()).isEqualTo("more than one JSON value in the body");
    assertThat(issue.location()).isEqualTo("facts.json:2:1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"json", "yaml"})
  void theFirstByteThatIsNotUtf8IsLocated(String format) {
    byte[] body = "{\"as-of\": \"2025-06-30\",\n \"packs\": [\"hé?\"]}".getBytes(StandardCharsets.UTF_8);
    body[body.length - 4] = (byte) 0xC3; // '?' becomes the start of a two-byte sequence that '"' does not continue

    ValidationIssue issue = check(format, body).orElseThrow();

    assertThat(issue.code()).isEqualTo("yaml.encoding");
    assertThat(issue.location()).isEqualTo("facts." + format + ":2:15");
    assertThat(issue.message()).isEqualTo("the body is not valid UTF-8: byte 0xC3 at byte offset 39 does not start "
        + "or continue a character");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"json", "yaml"})
  void keysThatWouldMakeAPathAmbiguousAreQuotedInIt(String format) {
    String body = format.equals("json") ? "{\"pin\": {\"a.b[\\\"]\": \"" + "1".repeat(70_000) + "\"}}"
        : "pin: {'a.b[\"]': \"" + "1".repeat(70_000) + "\"}";

    ValidationIssue issue = check(format, body.getBytes(StandardCharsets.UTF_8)).orElseThrow();

    assertThat(issue.path()).isEqualTo("pin[\"a.b[\\\"]\"]");
  }

  @Test
  void yamlSyntaxIsLeftToTheLibrary() {
    assertThat(check("yaml", "as-of: [2025-06-30\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  // --- helpers ----------------------------------------------------------------------------------

  private Optional<ValidationIssue> check(String format, byte[] body) {
    return shape.check("facts." + format, body, format.equals("json"));
  }

  /** {@code subjects} holding lists nested so that the document's deepest collection is at {@code depth}. */
  private static byte[] nested(String format, int depth) {
    String lists = "[".repeat(depth - 1) + "]".repeat(depth - 1);
    String body = format.equals("json") ? "{\"subjects\": " + lists + "}" : "subjects: " + lists + "\n";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** Facts with one value of the given size: a text, a key or a number of {@code n} characters, or {@code n} packs. */
  private static byte[] over(String limit, String format, int n) {
    boolean json = format.equals("json");
    String body = switch (limit) {
      case "text" -> json ? "{\"subjects\": [{\"id\": \"a\", \"name\": \"" + "x".repeat(n) + "\"}]}"
          : "subjects:\n  - {id: a, name: \"" + "x".repeat(n) + "\"}\n";
      case "key" -> json ? "{\"subjects\": [{\"attributes\": {\"" + "k".repeat(n) + "\": 1}}]}"
          : "subjects:\n  - attributes: {" + "k".repeat(n) + ": 1}\n";
      case "number" -> json ? "{\"subjects\": [{\"attributes\": {\"x\": " + "9".repeat(n) + "}}]}"
          : "subjects:\n  - attributes: {x: " + "9".repeat(n) + "}\n";
      case "packs" -> {
        String ids = IntStream.range(0, n).mapToObj(i -> json ? "\"p" + i + "\"" : "p" + i)
            .collect(Collectors.joining(", "));
        yield json ? "{\"packs\": [" + ids + "]}" : "packs: [" + ids + "]\n";
      }
      case "pin" -> {
        String pins = IntStream.range(0, n).mapToObj(i -> json ? "\"p" + i + "\": \"1.0.0\"" : "p" + i + ": 1.0.0")
            .collect(Collectors.joining(json ? ", " : "\n  "));
        yield json ? "{\"pin\": {" + pins + "}}" : "pin:\n  " + pins + "\n";
      }
      default -> throw new IllegalArgumentException(limit);
    };
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> libraryCodes(String format, byte[] body) {
    InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class,
        () -> new FactsReader().load("facts." + format, body));
    return e == null ? List.of() : e.issues().stream().map(ValidationIssue::code).toList();
  }
}
