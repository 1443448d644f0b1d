package vn.conduct.rules.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.io.FactsFile;

/**
 * A fixture: facts, and what the report must say about them. Read by {@link Fixtures}.
 *
 * @param name the fixture's path relative to the pack, e.g.
 *     {@code rules/hn522.badge/tests/no-badge.fail.yaml}; used in locations and test names
 * @param file the file on disk
 * @param rule the rule whose {@code tests/} folder holds the fixture, if any
 * @param description what the fixture shows, or {@code ""}
 * @param facts the facts, with where each was written
 * @param expectations what the report must say, in the order written (the file name's outcome first)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Fixture(
    String name,
    Path file,
    Optional<String> rule,
    String description,
    FactsFile facts,
    List<Expectation> expectations) {

  public Fixture {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rule, "rule");
    description = description == null ? "" : description;
    Objects.requireNonNull(facts, "facts");
    expectations = List.copyOf(expectations);
  }

  /** The evaluation request the fixture's facts describe. */
  public EvaluationRequest request() {
    return facts.request();
  }

  @Override
  public String toString() {
    return name;
  }
}
