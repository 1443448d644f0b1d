package vn.conduct.rules.testkit;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The kit used as a pack author uses it: the sample pack's fixtures, probes and coverage. */
class SamplePackTests {

  @TestFactory
  Stream<DynamicNode> samplePack() {
    return PackTests.forPack(Path.of("src/test/resources/packs/sample"))
        .requireBandCoverage(100)
        .dynamicTests();
  }
}
