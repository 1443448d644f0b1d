package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/**
 * Fixtures, boundary probes and coverage of the public-places pack (QĐ 1665/QĐ-UBND, NĐ 110/2018).
 * Version 2.0.0 (format 2) and version 1.0.0 (format 1, kept loadable for hosts that pin it).
 */
class HanoiPublicPlacesPackTests {

  private static final Path V1_0 = Path.of("src/main/resources/rulepacks/frozen/hanoi-1665-1.0.0");
  private static final Path V2 = Path.of("src/main/resources/rulepacks/hanoi-1665/v2");

  /** Version 1.0.0, format 1, as it was. */
  @TestFactory
  Stream<DynamicNode> version1_0() {
    return PackTests.forPack(V1_0).requireBandCoverage(100).dynamicTests();
  }

  /** Version 2.0.0, format 2: sanctions as the notes read them, rule-level dates, the norms added by issue 10. */
  @TestFactory
  Stream<DynamicNode> version2() {
    return PackTests.forPack(V2).requireBandCoverage(100).dynamicTests();
  }
}
