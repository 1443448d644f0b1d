package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/**
 * The hanoi-models pack's fixtures, boundary probes and coverage (every rule, citation and band).
 * Version 1.1.0 (format 2) and version 1.0.0 (format 1, kept loadable for hosts that pin it).
 */
class HanoiModelsPackTests {

  private static final Path V1_0 = Path.of("src/main/resources/rulepacks/frozen/hanoi-models-1.0.0");
  private static final Path V1_1 = Path.of("src/main/resources/rulepacks/hanoi-models/v1.1");

  /** Version 1.0.0, format 1, as it was. */
  @TestFactory
  Stream<DynamicNode> version1_0() {
    return PackTests.forPack(V1_0).requireBandCoverage(100).dynamicTests();
  }

  /** Version 1.1.0, format 2: rule-level dates, the norms added by issue 10. */
  @TestFactory
  Stream<DynamicNode> version1_1() {
    return PackTests.forPack(V1_1).requireBandCoverage(100).dynamicTests();
  }
}
