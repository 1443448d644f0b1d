package vn.conduct.rules.robustness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.ValidationIssue;

/**
 * The safe YAML reader, on any input, gives a document or located {@code yaml.*} errors: never an
 * exception, never an error without a line, within a time and an allocation limit.
 *
 * <p>Tries per build: 1 000 + 500 + 1 000 + 12 (about 10 s); {@code -Dconduct.properties.scale=100}
 * for a long run (see docs/robustness.md).
 */
class YamlReaderPropertyTests {

  private static final String FILE = "rules/r.fuzz/rule.yaml";

  @Test
  void arbitrary_bytes_give_a_document_or_located_errors() {
    PropertyCheck.forAll("yaml-bytes", YamlReaderPropertyTests::bytes)
        .tries(1_000)
        .shrinkWith(PropertyCheck::shrinkBytes)
        .describedBy(b -> new String(b, StandardCharsets.ISO_8859_1))
        .within(Duration.ofSeconds(5))
        .allocatingAtMost(b -> (64L << 20) + 200L * b.length)
        .check(YamlReaderPropertyTests::documentOrLocatedErrors);
  }

  @Test
  void arbitrary_text_gives_a_document_or_located_errors() {
    PropertyCheck.forAll("yaml-text", (Gen<String>) random -> YamlishGen.randomText(random, Gen.size(random, 4000)))
        .tries(500)
        .shrinkWith(PropertyCheck::shrinkText)
        .within(Duration.ofSeconds(5))
        .allocatingAtMost(t -> (64L << 20) + 800L * t.length())
        .check(text -> documentOrLocatedErrors(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void yaml_ish_documents_give_a_document_or_located_errors() {
    PropertyCheck.forAll("yaml-documents", YamlishGen.text())
        .tries(1_000)
        .shrinkWith(PropertyCheck::shrinkText)
        .within(Duration.ofSeconds(10))
        .allocatingAtMost(t -> (128L << 20) + 800L * t.length())
        .check(text -> documentOrLocatedErrors(YamlishGen.encode(new Random(text.hashCode()), text)));
  }

  @Test
  void inputs_at_and_past_the_size_and_depth_limits_give_a_document_or_located_errors() {
    PropertyCheck.forAll("yaml-limits", YamlReaderPropertyTests::atTheLimits)
        .tries(12)
        .describedBy(b -> b.length + " bytes: " + new String(b, 0, Math.min(b.length, 200), StandardCharsets.UTF_8))
        .within(Duration.ofSeconds(30))
        .allocatingAtMost(b -> (256L << 20) + 100L * b.length)
        .check(YamlReaderPropertyTests::documentOrLocatedErrors);
  }

  static void documentOrLocatedErrors(byte[] content) {
    Readers.Parsed parsed = Readers.yaml(FILE, content);
    Readers.assertLocated(parsed.issues(), parsed.document().isEmpty(), Map.of(FILE, content));
    PropertyCheck.label(parsed.document().isPresent() ? "a document" : "located errors");
    for (ValidationIssue issue : parsed.issues()) {
      if (!issue.code().startsWith("yaml.")) {
        throw new AssertionError("the YAML reader reports code " + issue.code() + Readers.render(parsed.issues()));
      }
    }
    parsed.document().ifPresent(document -> {
      if (document.root() == null) {
        throw new AssertionError("a document without a root");
      }
    });
  }

  private static byte[] bytes(Random random) {
    byte[] bytes = new byte[Gen.size(random, 4096)];
    if (random.nextBoolean()) {
      random.nextBytes(bytes);
    } else {
      byte[] alphabet = "abc:-?[]{},&*!|>'\"%@`# \n\t\r\\0123456789.~".getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
      }
    }
    return bytes;
  }

  private static byte[] atTheLimits(Random random) {
    int limit = 2 * 1024 * 1024;
    String text = switch (random.nextInt(6)) {
      case 0 -> "k: " + "x".repeat(limit - 4) + "\n";
      case 1 -> "k: " + "x".repeat(limit) + "\n";
      case 2 -> "k: " + "😀".repeat(limit / 2 + 1) + "\n";
      case 3 -> "[".repeat(100_000) + "]".repeat(100_000);
      case 4 -> "- ".repeat(50_000) + "x\n";
      default -> "k: " + "ư".repeat(limit * 2) + "\n";
    };
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
