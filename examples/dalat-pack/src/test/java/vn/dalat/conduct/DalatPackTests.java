package vn.dalat.conduct;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/** Every fixture of the dalat-1027 pack, with 100 % rule and citation coverage (the kit's defaults). */
class DalatPackTests {

  @TestFactory
  Stream<DynamicNode> pack() {
    return PackTests.forPack(Path.of("src/main/resources/rulepacks/dalat-1027")).dynamicTests();
  }
}
