package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/**
 * The hanoi-3814 pack (monthly grading per QĐ 3814-QĐ/TU): its fixtures, probes and coverage, for the
 * format 2 version 1.1.0 and the frozen format 1 version 1.0.0 kept for hosts that pin it.
 */
class HanoiMonthlyGradingPackTests {

  @TestFactory
  Stream<DynamicNode> pack() {
    return PackTests.forPack(Path.of("src/main/resources/rulepacks/hanoi-3814"))
        .requireBandCoverage(100)
        .dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> frozenFormat1() {
    return PackTests.forPack(Path.of("src/main/resources/rulepacks/frozen/hanoi-3814-1.0.0"))
        .requireBandCoverage(100)
        .dynamicTests();
  }
}
