package vn.conduct.examples.service;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.conduct.rules.api.RulesEngine;

/**
 * A small REST service that embeds the Conduct library as most hosts will: one {@link RulesEngine},
 * auto-configured by conduct-spring-boot-starter from the packs on the class path and the
 * {@code conduct.*} properties, built when the application starts and shared by every request (it is
 * immutable and thread-safe). The starter also adds the health indicator {@code conduct}
 * ({@code /actuator/health}) and the {@code conduct.*} meters.
 *
 * <ul>
 *   <li>{@code GET /packs} lists the loaded packs ({@link PackController});</li>
 *   <li>{@code POST /evaluations} evaluates a facts file and answers the JSON report
 *       ({@link EvaluationController});</li>
 *   <li>{@code GET /rankings?checklist=...} renders a checklist's rankings as an HTML page
 *       ({@link RankingController}).</li>
 * </ul>
 *
 * <p>Errors are answered as RFC 9457 problem details ({@link ProblemHandler}, {@link ErrorEndpoint});
 * request bodies are held to the {@link FactsLimits}. The OpenAPI document is at {@code /v3/api-docs}.
 */
@SpringBootApplication
@EnableConfigurationProperties(ServiceProperties.class)
public class ConductServiceApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(ConductServiceApplication.class, args);
  }

  /**
   * The limits request bodies are held to; {@code conduct.service.max-facts-bytes} sets the size, by
   * default 2 MiB, the library's own limit for a facts file.
   */
  @Bean
  FactsLimits factsLimits(ServiceProperties properties) {
    return new FactsLimits(properties.maxFactsBytes());
  }

  /**
   * How every report the service answers is pseudonymised ({@code conduct.service.privacy.*}); a key file
   * that cannot be read, or is too short, stops the service at startup.
   */
  @Bean
  ServicePrivacy servicePrivacy(ServiceProperties properties) throws java.io.IOException {
    return ServicePrivacy.of(properties.privacy());
  }

  /** The same limits for any JSON Spring itself reads with its {@code ObjectMapper}. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(FactsLimits limits) {
    return builder -> builder.postConfigurer(
        mapper -> mapper.getFactory().setStreamReadConstraints(limits.streamReadConstraints()));
  }

  /** The OpenAPI document's title and description ({@code /v3/api-docs}); the paths are springdoc's. */
  @Bean
  OpenAPI conductOpenApi(RulesEngine engine) {
    return new OpenAPI().info(new Info().title("Conduct service").version(engine.version())
        .description("Evaluates facts (JSON or YAML) against the loaded rule packs and answers the report; "
            + "lists the packs; renders a checklist's rankings. Errors are RFC 9457 problem details "
            + "(application/problem+json)."));
  }
}
