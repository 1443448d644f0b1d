package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/**
 * Fixtures, probes and coverage of pack {@code hanoi-units}: version 1.0.0 (until 30 June 2025,
 * department and district blocks) and version 2.0.0 (from 1 July 2025, department and
 * commune/ward blocks).
 */
class HanoiUnitsPackTests {

  private static final Path V1 = Path.of("src/main/resources/rulepacks/hanoi-units/v1");
  private static final Path V2 = Path.of("src/main/resources/rulepacks/hanoi-units/v2");

  @TestFactory
  Stream<DynamicNode> untilJune2025() {
    return PackTests.forPack(V1).requireBandCoverage(100).dynamicTests();
  }

  /** Version 2.0.0, with 1.0.0 also loaded so that the fixtures in tests/versions show the switch on 1 July 2025. */
  @TestFactory
  Stream<DynamicNode> fromJuly2025() {
    return PackTests.forPack(V2).withPack(V1).requireBandCoverage(100).dynamicTests();
  }
}
