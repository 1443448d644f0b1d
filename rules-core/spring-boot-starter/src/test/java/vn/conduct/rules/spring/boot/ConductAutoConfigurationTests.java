package vn.conduct.rules.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.EvaluationListener;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;

class ConductAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConductAutoConfiguration.class));

  private static EvaluationRequest officerWithoutBadge() {
    return EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("cb-001", "officer").withParent("ubnd-ba-dinh"))
        .event(Event.verified("cb-001", "badge-not-worn", LocalDate.of(2025, 6, 12)))
        .build();
  }

  // --- the engine ------------------------------------------------------------------------------

  @Test
  void anEngineIsBuiltFromTheProvidersOnTheClassPath() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(RulesEngine.class);
      assertThat(context.getBean(RulesEngine.class).packs()).extracting(RulePackInfo::id)
          .contains("hanoi-522", "hanoi-3814", "hanoi-units");
      assertThat(context).hasSingleBean(ConductProperties.class);
    });
  }

  @Test
  void conductEnabledFalseTurnsTheAutoConfigurationOff() {
    runner.withPropertyValues("conduct.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(RulesEngine.class);
      assertThat(context).doesNotHaveBean(ConductHealthIndicator.class);
    });
  }

  @Test
  void withoutTheLibraryOnTheClassPathNothingIsConfigured() {
    runner.withClassLoader(new FilteredClassLoader(RulesEngine.class))
        .run(context -> assertThat(context).doesNotHaveBean("rulesEngine"));
  }

  @Test
  void aUserEngineWinsAndStillGetsAHealthIndicator() {
    RulesEngine own = RulesEngine.builder().discoverProviders().build();
    runner.withBean(RulesEngine.class, () -> own).run(context -> {
      assertThat(context).hasSingleBean(RulesEngine.class);
      assertThat(context.getBean(RulesEngine.class)).isSameAs(own);
      assertThat(context.getBean(ConductHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void propertiesAreBound(@TempDir Path folder) {
    runner.withPropertyValues("conduct.discover-providers=false", "conduct.packs=" + folder + ",packs/other",
            "conduct.parameters.hanoi-522.late-arrival-repeat-count=3", "conduct.parallelism=2",
            "conduct.fail-fast=false")
        .run(context -> {
          ConductProperties properties = context.getBean(ConductProperties.class);
          assertThat(properties.isDiscoverProviders()).isFalse();
          assertThat(properties.getPacks()).containsExactly(folder, Path.of("packs/other"));
          assertThat(properties.getParameters())
              .isEqualTo(Map.of("hanoi-522", Map.of("late-arrival-repeat-count", "3")));
          assertThat(properties.getParallelism()).isEqualTo(2);
          assertThat(properties.isFailFast()).isFalse();
        });
  }

  @Test
  void theDefaultsDiscoverProvidersAndFailFast() {
    runner.run(context -> {
      ConductProperties properties = context.getBean(ConductProperties.class);
      assertThat(properties.isEnabled()).isTrue();
      assertThat(properties.isDiscoverProviders()).isTrue();
      assertThat(properties.getPacks()).isEmpty();
      assertThat(properties.getParameters()).isEmpty();
      assertThat(properties.getParallelism()).isNull();
      assertThat(properties.isFailFast()).isTrue();
    });
  }

  @Test
  void withoutDiscoveryOnlyTheNamedFoldersAreLoaded(@TempDir Path folder) {
    runner.withPropertyValues("conduct.discover-providers=false").run(context ->
        assertThat(context.getBean(RulesEngine.class).packs()).isEmpty());
  }

  @Test
  void aParameterOverrideReachesTheEngine() {
    // an unknown parameter name is refused by the engine: the override is passed on, not dropped
    runner.withPropertyValues("conduct.parameters.hanoi-522.no-such-parameter=3").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no-such-parameter");
      assertThat(context.getStartupFailure()).hasStackTraceContaining("conduct: could not build the rules engine");
    });
    runner.withPropertyValues("conduct.parameters.hanoi-522.late-arrival-repeat-count=3")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aParallelismBelowOneIsRefusedNamingTheProperty() {
    runner.withPropertyValues("conduct.parallelism=0").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).hasStackTraceContaining("conduct.parallelism must be at least 1, was 0");
    });
  }

  // --- a broken pack ---------------------------------------------------------------------------

  private static Path brokenPack(Path folder) throws IOException {
    Path pack = folder.resolve("broken");
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("pack.yaml"), "format: 1\nid: broken\nversion: not-a-version\n");
    return pack;
  }

  @Test
  void aBrokenPackStopsTheApplicationByDefault(@TempDir Path folder) throws IOException {
    Path pack = brokenPack(folder);
    runner.withPropertyValues("conduct.packs=" + pack).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).hasStackTraceContaining("conduct: could not build the rules engine")
          .hasStackTraceContaining(pack.toString());
    });
  }

  @Test
  void withoutFailFastABrokenPackStartsTheApplicationWithHealthDown(@TempDir Path folder) throws IOException {
    Path pack = brokenPack(folder);
    runner.withPropertyValues("conduct.packs=" + pack, "conduct.fail-fast=false").run(context -> {
      assertThat(context).hasNotFailed();
      Health health = context.getBean(ConductHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails().get("error").toString()).contains("could not build the rules engine");
      RulesEngine engine = context.getBean(RulesEngine.class);
      assertThatThrownBy(() -> engine.evaluate(officerWithoutBadge())).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("conduct: the rules engine could not be built")
          .hasMessageContaining("fail-fast=false");
    });
  }

  // --- health ----------------------------------------------------------------------------------

  @Test
  void healthListsEveryPackVersionWithItsDigestAndWhetherItIsInForceToday() {
    Clock june2025 = Clock.fixed(LocalDate.of(2025, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    runner.withBean(Clock.class, () -> june2025).run(context -> {
      assertThat(context).hasBean("conductHealthIndicator");
      Health health = context.getBean(ConductHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails().get("today")).isEqualTo("2025-06-30");
      assertThat(health.getDetails().get("engine")).isEqualTo(context.getBean(RulesEngine.class).version());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> packs = (List<Map<String, Object>>) health.getDetails().get("packs");
      assertThat(packs).hasSize(context.getBean(RulesEngine.class).packs().size());
      assertThat(packs).extracting(p -> p.get("id") + " " + p.get("version") + " " + p.get("inForceToday"))
          .contains("hanoi-522 2.2.0 true", "hanoi-units 1.2.0 true", "hanoi-units 2.2.0 false");
      assertThat(packs).allSatisfy(p -> assertThat((String) p.get("digest")).matches("[0-9a-f]{64}"));
    });
  }

  @Test
  void theHealthIndicatorCanBeTurnedOffAsAnyOther() {
    runner.withPropertyValues("management.health.conduct.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ConductHealthIndicator.class).hasSingleBean(RulesEngine.class));
    runner.withPropertyValues("management.health.defaults.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ConductHealthIndicator.class));
    runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.conduct.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(ConductHealthIndicator.class));
  }

  @Test
  void withoutActuatorThereIsNoHealthIndicator() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.health", "org.springframework.boot.health"))
        .run(context -> assertThat(context).doesNotHaveBean(ConductHealthIndicator.class).hasSingleBean(RulesEngine.class));
  }

  // --- metrics ---------------------------------------------------------------------------------

  @Test
  void withoutAMeterRegistryTheEngineIsNotInstrumented() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(ConductMetrics.class);
      assertThat(context.getBean(RulesEngine.class).toString()).doesNotStartWith("metered");
    });
  }

  @Test
  void evaluationsSubjectsAndFindingsAreMeasured() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertThat(context).hasSingleBean(ConductMetrics.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      RulesEngine engine = context.getBean(RulesEngine.class);
      assertThat(registry.get(ConductMetrics.FINDINGS).tag("outcome", "fail").counter().count()).isZero();

      Report report = engine.evaluate(officerWithoutBadge());
      engine.evaluate(officerWithoutBadge(), EvaluationListener.NONE);

      assertThat(registry.get(ConductMetrics.EVALUATIONS).tag("exception", "none").timer().count()).isEqualTo(2);
      assertThat(registry.get(ConductMetrics.SUBJECTS).counter().count()).isEqualTo(2 * report.subjects().size());
      long fails = report.subjects().stream().mapToLong(s -> s.count(Outcome.FAIL)).sum();
      assertThat(fails).isPositive();
      assertThat(registry.get(ConductMetrics.FINDINGS).tag("outcome", "fail").counter().count()).isEqualTo(2 * fails);
      long passes = report.subjects().stream().mapToLong(s -> s.count(Outcome.PASS)).sum();
      assertThat(registry.get(ConductMetrics.FINDINGS).tag("outcome", "pass").counter().count()).isEqualTo(2 * passes);
    });
  }

  @Test
  void aFailedEvaluationIsTimedWithItsException() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      RulesEngine engine = context.getBean(RulesEngine.class);
      EvaluationRequest unknownPack = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
          .subject(Subject.of("cb-001", "officer")).pack("no-such-pack").build();
      assertThatThrownBy(() -> engine.evaluate(unknownPack)).isInstanceOf(RuntimeException.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get(ConductMetrics.EVALUATIONS).tag("exception", "RulePackNotFoundException").timer().count())
          .isEqualTo(1);
    });
  }

  @Test
  void aUserEngineIsNotWrappedButCanBeInstrumented() {
    RulesEngine own = RulesEngine.builder().discoverProviders().build();
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(RulesEngine.class, () -> own)
        .run(context -> {
          assertThat(context.getBean(RulesEngine.class)).isSameAs(own);
          ConductMetrics metrics = context.getBean(ConductMetrics.class);
          RulesEngine metered = metrics.instrument(own);
          assertThat(metrics.instrument(metered)).isSameAs(metered);
          metered.evaluate(officerWithoutBadge());
          assertThat(context.getBean(MeterRegistry.class).get(ConductMetrics.EVALUATIONS).timer().count()).isEqualTo(1);
        });
  }
}
