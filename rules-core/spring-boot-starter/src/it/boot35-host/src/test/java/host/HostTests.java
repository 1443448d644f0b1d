package host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostTests {
  @Autowired TestRestTemplate http;

  @Test
  void startsServesHealthWithThePacksTheOpenApiDocumentAndEvaluatesTheSample() throws Exception {
    String health = http.getForObject("/actuator/health", String.class);
    assertThat(health).contains("\"conduct\":{\"status\":\"UP\"").contains("hanoi-522").containsPattern("\"digest\":\"[0-9a-f]{64}\"");
    String api = http.getForObject("/v3/api-docs", String.class);
    assertThat(api).contains("\"openapi\":\"3.").contains("/evaluate");
    byte[] sample;
    try (InputStream in = new ClassPathResource("samples/hanoi-demo.yaml").getInputStream()) {
      sample = in.readAllBytes();
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    String report = http.postForObject("/evaluate", new HttpEntity<>(sample, headers), String.class);
    assertThat(report).contains("\"subjects\"").contains("\"FAIL\"");
    String metric = http.getForObject("/actuator/metrics/conduct.evaluations", String.class);
    assertThat(metric).contains("{\"statistic\":\"COUNT\",\"value\":1.0}");
  }
}
