package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/** The hanoi-models pack's fixtures, boundary probes and coverage (every rule, citation and band). */
class HanoiModelsPackTests {

  @TestFactory
  Stream<DynamicNode> pack() {
    return PackTests.forPack(Path.of("src/main/resources/rulepacks/hanoi-models"))
        .requireBandCoverage(100)
        .dynamicTests();
  }
}
