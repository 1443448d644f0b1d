package vn.conduct.examples.service;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import vn.conduct.rules.api.RulesEngine;

/**
 * A small REST service that embeds the Conduct library as most hosts will: one {@link RulesEngine},
 * built when the application starts and shared by every request (it is immutable and thread-safe).
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
 * request bodies are held to the {@link FactsLimits}.
 */
@SpringBootApplication
public class ConductServiceApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(ConductServiceApplication.class, args);
  }

  /**
   * The engine: every pack provider on the class path (here rules-hanoi) and the pack directories
   * named by {@code conduct.pack-directories}, loaded, validated and compiled once. A pack with an
   * error stops the application from starting, with every issue in the message.
   */
  /**
   * The limits request bodies are held to; {@code conduct.max-facts-bytes} sets the size, by default
   * 2 MiB, the library's own limit for a facts file.
   */
  @Bean
  FactsLimits factsLimits(@Value("${conduct.max-facts-bytes:" + FactsLimits.DEFAULT_MAX_BYTES + "}") int maxBytes) {
    return new FactsLimits(maxBytes);
  }

  /** The same limits for any JSON Spring itself reads with its {@code ObjectMapper}. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(FactsLimits limits) {
    return builder -> builder.postConfigurer(
        mapper -> mapper.getFactory().setStreamReadConstraints(limits.streamReadConstraints()));
  }

  @Bean
  RulesEngine rulesEngine(@Value("${conduct.pack-directories:}") List<String> packDirectories) {
    RulesEngine.Builder builder = RulesEngine.builder().discoverProviders();
    packDirectories.stream().filter(dir -> dir != null && !dir.isBlank()).map(String::trim).map(Path::of)
        .forEach(builder::addPack);
    return builder.build();
  }
}
