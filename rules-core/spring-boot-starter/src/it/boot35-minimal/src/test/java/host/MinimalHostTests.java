package host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import vn.conduct.rules.api.RulesEngine;

@SpringBootTest(properties = "conduct.packs=")
class MinimalHostTests {

  @SpringBootApplication
  static class Host {
  }

  @Autowired ApplicationContext context;
  @Autowired RulesEngine engine;

  @Test
  void theEngineIsConfiguredWithoutActuatorOrMicrometer() {
    assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.springframework.boot.actuate.health.HealthIndicator"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(engine.packs()).extracting(p -> p.id()).contains("hanoi-522");
    assertThat(context.containsBean("conductHealthIndicator")).isFalse();
    assertThat(context.containsBean("conductMetrics")).isFalse();
  }
}
