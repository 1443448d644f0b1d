package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/** Fixtures, boundary probes and coverage of the public-places pack (QĐ 1665/QĐ-UBND, NĐ 110/2018). */
class HanoiPublicPlacesPackTests {

  @TestFactory
  Stream<DynamicNode> pack() {
    return PackTests.forPack(Path.of("src/main/resources/rulepacks/hanoi-1665"))
        .requireBandCoverage(100)
        .dynamicTests();
  }
}
