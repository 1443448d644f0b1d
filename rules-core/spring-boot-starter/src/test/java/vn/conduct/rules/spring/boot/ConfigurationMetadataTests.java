package vn.conduct.rules.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The metadata an IDE completes {@code conduct.*} from, written by spring-boot-configuration-processor. */
class ConfigurationMetadataTests {

  @Test
  void everyPropertyIsDescribedWithItsTypeAndDefault() throws IOException {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json on the class path").isNotNull();
      metadata = new ObjectMapper().readTree(in);
    }
    JsonNode properties = metadata.get("properties");
    assertThat(properties).extracting(p -> p.get("name").asText()).containsExactlyInAnyOrder("conduct.enabled",
        "conduct.discover-providers", "conduct.packs", "conduct.parameters", "conduct.parallelism",
        "conduct.fail-fast");
    assertThat(properties).allSatisfy(p -> assertThat(p.path("description").asText()).isNotBlank());
    JsonNode discover = StreamSupport.stream(properties.spliterator(), false)
        .filter(p -> p.get("name").asText().equals("conduct.discover-providers")).findFirst().orElseThrow();
    assertThat(discover.get("type").asText()).isEqualTo("java.lang.Boolean");
    assertThat(discover.get("defaultValue").asBoolean()).isTrue();
  }
}
