package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/**
 * The two versions of pack hanoi-yearly: 1.0.0 (NĐ 90/2020, until 2025-12-31) and 2.0.0 (NĐ 335/2025,
 * from 2026-01-01). Each version's fixtures run with the other version loaded too, so the evaluation
 * date of every fixture has to pick the right version.
 */
class HanoiYearlyGradingPackTests {

  private static final Path ND90 = Path.of("src/main/resources/rulepacks/hanoi-yearly-nd90");
  private static final Path ND335 = Path.of("src/main/resources/rulepacks/hanoi-yearly-nd335");

  @TestFactory
  Stream<DynamicNode> nd90() {
    return PackTests.forPack(ND90).withPack(ND335).requireBandCoverage(100).dynamicTests();
  }

  @TestFactory
  Stream<DynamicNode> nd335() {
    return PackTests.forPack(ND335).withPack(ND90).requireBandCoverage(100).dynamicTests();
  }
}
