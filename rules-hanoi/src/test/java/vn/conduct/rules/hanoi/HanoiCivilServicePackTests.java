package vn.conduct.rules.hanoi;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.testkit.PackTests;

/**
 * The fixtures, probes and coverage of the civil-service code pack (QĐ 522/QĐ-UBND), run by the test kit.
 * Version 2.2.0 (format 2, methods accepted for breaches towards citizens), and versions 2.1.0, 2.0.0 (format 2) and 1.0.0 (format 1),
 * kept loadable for hosts that pin them.
 */
class HanoiCivilServicePackTests {

  private static final Path V1_0 = Path.of("src/main/resources/rulepacks/frozen/hanoi-522-1.0.0");
  private static final Path V2_0 = Path.of("src/main/resources/rulepacks/frozen/hanoi-522-2.0.0");
  private static final Path V2_1 = Path.of("src/main/resources/rulepacks/frozen/hanoi-522-2.1.0");
  private static final Path V2 = Path.of("src/main/resources/rulepacks/hanoi-522/v2");

  /** Version 1.0.0, format 1, as it was. */
  @TestFactory
  Stream<DynamicNode> version1_0() {
    return PackTests.forPack(V1_0).dynamicTests();
  }

  /** Version 2.0.0, format 2: rule-level dates, agency-level commitments and leaders through scopes, the norms added by issue 10. */
  @TestFactory
  Stream<DynamicNode> version2_0() {
    return PackTests.forPack(V2_0).dynamicTests();
  }

  /** Version 2.1.0: the Tây Hồ plan's rules moved into the overlay hanoi-tayho-2020; leaders' example on the city's basis. */
  @TestFactory
  Stream<DynamicNode> version2_1() {
    return PackTests.forPack(V2_1).dynamicTests();
  }

  /** Version 2.2.0: breaches towards citizens count only when recorded by a citizen report or an inspection. */
  @TestFactory
  Stream<DynamicNode> version2() {
    return PackTests.forPack(V2).dynamicTests();
  }
}
