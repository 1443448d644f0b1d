package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/** The fixtures, probes and coverage of the civil-service code pack (QĐ 522/QĐ-UBND), run by the test kit. */
class HanoiCivilServicePackTests {

  @TestFactory
  Stream<DynamicNode> pack() {
    return PackTests.forPack(Path.of("src/main/resources/rulepacks/hanoi-522")).dynamicTests();
  }
}
