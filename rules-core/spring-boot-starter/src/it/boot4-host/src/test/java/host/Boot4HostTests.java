package host;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;

@SpringBootTest(properties = "conduct.parameters.hanoi-522.late-arrival-repeat-count=3")
class Boot4HostTests {

  @SpringBootApplication
  static class Host {
  }

  @Autowired ApplicationContext context;
  @Autowired RulesEngine engine;
  @Autowired MeterRegistry registry;

  @Test
  void theHealthIndicatorListsThePacksThroughBoot4sHealthApi() {
    Health health = context.getBean("conductHealthIndicator", HealthIndicator.class).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> packs = (List<Map<String, Object>>) health.getDetails().get("packs");
    assertThat(packs).extracting(p -> p.get("id")).contains("hanoi-522", "hanoi-3814");
    assertThat(packs).allSatisfy(p -> assertThat((String) p.get("digest")).matches("[0-9a-f]{64}"));
  }

  @Test
  void evaluationsAreMeasured() {
    engine.evaluate(EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("cb-001", "officer").withParent("ubnd-ba-dinh"))
        .event(Event.verified("cb-001", "badge-not-worn", LocalDate.of(2025, 6, 12)))
        .build());

    assertThat(registry.get("conduct.evaluations").timer().count()).isEqualTo(1);
    assertThat(registry.get("conduct.subjects").counter().count()).isEqualTo(1);
  }
}
