package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.Language;

/** The one message catalogue: complete in both languages, the only source of the CLI's words. */
class MessagesTests {

  private static final Path SOURCES = Path.of("src/main/java/vn/conduct/cli");

  @Test
  void should_leave_no_inline_vietnamese_english_pair_in_the_sources() throws IOException {
    List<String> pairs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (Pattern.compile("(?<![\\w.])(\\w+\\.)?t\\(\\s*\"").matcher(lines.get(i)).find()
              || lines.get(i).contains("String t(String")) {
            pairs.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(pairs).as("t(vi, en) pairs: move them to messages.properties / messages_vi.properties").isEmpty();
  }

  @Test
  void should_have_the_same_keys_in_both_bundles_and_no_blank_value() throws IOException {
    Properties en = load("messages.properties");
    Properties vi = load("messages_vi.properties");
    assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (Properties bundle : List.of(en, vi)) {
      assertThat(bundle.stringPropertyNames()).allSatisfy(key ->
          assertThat(bundle.getProperty(key)).as(key).isNotBlank());
    }
  }

  @Test
  void should_use_only_keys_the_bundles_hold() throws IOException {
    Properties en = load("messages.properties");
    Pattern use = Pattern.compile("\\b(?:get|count)\\(\"([a-z0-9.-]+)\"\\s*[,)]");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = use.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          String key = m.group(1);
          boolean counted = m.group().startsWith("count");
          if (key.contains(".") && !(counted ? en.containsKey(key + ".one") && en.containsKey(key + ".other")
              : en.containsKey(key))) {
            missing.add(file.getFileName() + ": " + key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void should_fill_placeholders_with_values_as_given_and_keep_apostrophes() {
    Messages en = new Messages(Language.EN);
    assertThat(en.get("html.not-rated-evidence", 12345.5)).isEqualTo("not rated (evidence 12345.5 %)");
    assertThat(en.get("word.a-units-rated-members")).isEqualTo("a unit's rated members");
    assertThat(new Messages(Language.VI).get("html.not-rated-evidence", "40"))
        .isEqualTo("chưa xếp loại (bằng chứng 40 %)");
  }

  @Test
  void should_name_a_missing_key() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Messages(Language.EN).get("no.such-key"))
        .hasMessageContaining("no message 'no.such-key'").hasMessageContaining("messages_vi.properties");
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("/vn/conduct/cli/" + name);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
