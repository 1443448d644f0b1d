package vn.conduct.examples.service;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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
 * <p>Errors are answered as RFC 9457 problem details ({@link ProblemHandler}).
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
  @Bean
  RulesEngine rulesEngine(@Value("${conduct.pack-directories:}") List<String> packDirectories) {
    RulesEngine.Builder builder = RulesEngine.builder().discoverProviders();
    packDirectories.stream().filter(dir -> dir != null && !dir.isBlank()).map(String::trim).map(Path::of)
        .forEach(builder::addPack);
    return builder.build();
  }
}
