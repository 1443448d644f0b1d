package vn.conduct.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.conduct.rules.api.RulesEngine;

/**
 * What the service gets from conduct-spring-boot-starter and Spring Boot rather than its own code: the
 * engine bean, the health indicator with the packs, the meters, the OpenAPI document and compression.
 */
@ServiceTest
class StarterTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate http;

  @Autowired
  RulesEngine engine;

  @LocalServerPort
  int port;

  @Test
  void healthListsEveryLoadedPackWithItsDigest() throws IOException {
    ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode conduct = JSON.readTree(response.getBody()).at("/components/conduct");
    assertThat(conduct.get("status").asText()).isEqualTo("UP");
    JsonNode packs = conduct.at("/details/packs");
    assertThat(packs).hasSize(engine.packs().size());
    assertThat(packs).extracting(p -> p.get("id").asText() + " " + p.get("version").asText())
        .contains("hanoi-522 2.2.0", "hanoi-3814 1.2.0", "hanoi-units 2.2.0");
    assertThat(packs).allSatisfy(p -> {
      assertThat(p.get("digest").asText()).matches("[0-9a-f]{64}");
      assertThat(p.get("inForceToday").isBoolean()).isTrue();
    });
    assertThat(engine.packs()).allSatisfy(pack -> assertThat(packs).anySatisfy(p ->
        assertThat(p.get("id").asText() + " " + p.get("digest").asText()).isEqualTo(pack.id() + " " + pack.digest())));
  }

  @Test
  void theOpenApiDocumentDescribesTheEndpoints() throws IOException {
    ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode api = JSON.readTree(response.getBody());
    assertThat(api.get("openapi").asText()).startsWith("3.");
    assertThat(api.at("/info/title").asText()).isEqualTo("Conduct service");
    assertThat(api.at("/info/version").asText()).isEqualTo(engine.version());
    assertThat(api.get("paths").fieldNames()).toIterable()
        .as("the service's endpoints, not the error endpoint").containsExactlyInAnyOrder("/evaluations", "/packs", "/rankings");
    assertThat(api.at("/paths/~1evaluations/post/requestBody/content").has("application/yaml")).isTrue();
    assertThat(api.at("/paths/~1evaluations/post/responses").has("422")).isTrue();
    assertThat(api.at("/paths/~1evaluations/post/parameters")).extracting(p -> p.get("name").asText())
        .containsExactlyInAnyOrder("lang", "as-of");
    assertThat(api.at("/paths/~1packs/get/summary").asText()).isNotBlank();
    assertThat(api.at("/paths/~1rankings/get/parameters")).extracting(p -> p.get("name").asText())
        .containsExactlyInAnyOrder("checklist", "lang");
  }

  @Test
  void anEvaluationIsCountedInTheMeters() throws IOException {
    double before = count("/actuator/metrics/conduct.evaluations", "COUNT");
    double subjectsBefore = count("/actuator/metrics/conduct.subjects", "COUNT");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    ResponseEntity<String> response = http.postForEntity("/evaluations", new HttpEntity<>(sample(), headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    int subjects = JSON.readTree(response.getBody()).get("subjects").size();

    assertThat(subjects).isPositive();
    assertThat(count("/actuator/metrics/conduct.evaluations", "COUNT")).isEqualTo(before + 1);
    assertThat(count("/actuator/metrics/conduct.subjects", "COUNT")).isEqualTo(subjectsBefore + subjects);
    assertThat(count("/actuator/metrics/conduct.findings?tag=outcome:fail", "COUNT")).isPositive();
  }

  @Test
  void largeResponsesAreCompressedWhenTheClientAcceptsGzip() throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/packs?lang=en")).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      JsonNode packs = JSON.readTree(in);
      assertThat(packs).hasSize(engine.packs().size());
    }
  }

  private double count(String path, String statistic) throws IOException {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    for (JsonNode measurement : JSON.readTree(response.getBody()).get("measurements")) {
      if (measurement.get("statistic").asText().equals(statistic)) {
        return measurement.get("value").asDouble();
      }
    }
    throw new AssertionError("no " + statistic + " in " + response.getBody());
  }

  private static byte[] sample() throws IOException {
    try (InputStream in = new ClassPathResource("samples/hanoi-demo.yaml").getInputStream()) {
      return in.readAllBytes();
    }
  }
}
