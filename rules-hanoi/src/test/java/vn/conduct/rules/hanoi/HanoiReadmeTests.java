package vn.conduct.rules.hanoi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.testkit.Fixtures;

/** The READMEs must say what the packs hold: counts in rules-hanoi/README.md, every rule in its pack's README. */
class HanoiReadmeTests {

  private static final Path PACKS = Path.of("src/main/resources/rulepacks");
  /** The folder of the base each overlay of the table is loaded with. */
  private static final java.util.Map<String, String> BASES = java.util.Map.of("hanoi-tayho-2020", "hanoi-522/v2",
      "hanoi-tayho-2020-units", "hanoi-units/v1");
  private static final Pattern ROW = Pattern.compile(
      "^\\| \\[`([^`]+)`]\\([^)]*\\) \\| `([^`]+)` \\| ([^ ]+) \\| [^|]+\\| [^|]+\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$");

  @TestFactory
  List<DynamicTest> packTableMatchesThePacks() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      String folder = row.group(1);
      listed.add(folder);
      tests.add(DynamicTest.dynamicTest("README row " + folder, () -> {
        Path pack = PACKS.resolve(folder);
        // an overlay is loaded with its base (the row's base folder, given in the row's README link's pack)
        String base = BASES.get(folder);
        RulesEngine.Builder builder = RulesEngine.builder().addPack(pack);
        if (base != null) {
          builder.addPack(PACKS.resolve(base));
        }
        RulesEngine engine = builder.build();
        RulePackInfo info = engine.packs().stream().filter(p -> p.origin().equals(pack.toString()))
            .findFirst().orElseThrow();
        List<RuleInfo> rules = engine.rules().stream()
            .filter(r -> r.rule().packId().equals(info.id()) && r.rule().packVersion().equals(info.version())).toList();
        assertThat(info.id()).as("pack id").isEqualTo(row.group(2));
        assertThat(info.version()).as("version").isEqualTo(row.group(3));
        assertThat(rules).as("rules").hasSize(Integer.parseInt(row.group(4)));
        assertThat(rules.stream().filter(RuleInfo::enabled).count()).as("enabled rules")
            .isEqualTo(Long.parseLong(row.group(5)));
        assertThat(engine.checklists().stream().filter(c -> c.packId().equals(info.id())
            && c.packVersion().equals(info.version()))).as("checklists").hasSize(Integer.parseInt(row.group(6)));
        assertThat(Fixtures.find(pack)).as("fixtures").hasSize(Integer.parseInt(row.group(7)));
        String readme = Files.readString(readmeOf(pack));
        assertThat(rules).as("rules named in " + readmeOf(pack))
            .filteredOn(rule -> base == null || !Files.exists(PACKS.resolve(base).resolve("rules").resolve(rule.ruleId())))
            .allSatisfy(rule -> assertThat(readme).contains(rule.ruleId()));
      }));
    }
    tests.add(DynamicTest.dynamicTest("README lists every pack the provider loads", () ->
        assertThat(listed).hasSameSizeAs(new HanoiRulePackProvider().packs())));
    return tests;
  }

  private static Path readmeOf(Path pack) {
    Path own = pack.resolve("README.md");
    return Files.exists(own) ? own : pack.getParent().resolve("README.md");
  }
}
