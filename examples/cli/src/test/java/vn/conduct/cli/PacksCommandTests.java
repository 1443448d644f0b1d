package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;

/** {@code conduct packs} lists packs from their manifests: as the engine describes them, without reading every rule. */
class PacksCommandTests {

  private final CliRun cli = new CliRun();

  @TempDir
  Path dir;

  @Test
  void should_show_for_each_bundled_pack_what_the_built_engine_gives() {
    // GIVEN the engine built from the class path, rules read and planned
    List<RulePackInfo> built = RulesEngine.builder().discoverProviders().build().packs();

    // WHEN
    assertThat(cli.run("packs", "--as-of", "2025-06-30")).isEqualTo(ConductCommand.OK);

    // THEN each version's line shows its counts and digest, and its origin is listed
    for (RulePackInfo pack : built) {
      assertThat(cli.out()).containsPattern(java.util.regex.Pattern.quote(pack.id()) + " +"
          + java.util.regex.Pattern.quote(pack.version()) + " +(yes|no) +.* +" + pack.ruleCount() + " +"
          + pack.checklistCount() + "  " + pack.digest().substring(0, 12) + "  ");
      assertThat(cli.out()).contains("  " + pack.id() + " " + pack.version() + ": " + pack.origin());
    }
  }

  @Test
  void should_list_a_pack_whose_rule_is_broken_and_leave_it_to_check() throws IOException {
    // GIVEN a pack whose only rule file is not YAML
    Path pack = TestPack.write(dir);
    Files.writeString(pack.resolve("rules/t.score/rule.yaml"), "id: [\n", StandardCharsets.UTF_8);

    // WHEN / THEN
    assertThat(cli.run("packs", "--pack", pack.toString(), "--as-of", "2025-06-30")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).containsPattern("cli-out +1\\.0\\.0 +yes +— +— +1 +1  ");
    assertThat(cli.run("check", pack.toString())).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.out() + cli.err()).contains("rules/t.score/rule.yaml:2:1");
  }

  @Test
  void should_refuse_a_broken_manifest_naming_its_file_line_and_column() throws IOException {
    // GIVEN a manifest whose version (line 3) is not a semantic version
    Path pack = TestPack.write(dir);
    Path manifest = pack.resolve("pack.yaml");
    Files.writeString(manifest, Files.readString(manifest).replace("version: 1.0.0", "version: 1.0"));

    // WHEN
    assertThat(cli.run("packs", "--pack", pack.toString())).isEqualTo(ConductCommand.INVALID);

    // THEN
    assertThat(cli.err()).contains("Rule pack at " + pack + " is invalid (1 error)")
        .contains("ERROR   pack.yaml:3:10  version: must be a semantic version such as 1.0.0 but was '1.0'"
            + " [field.constraint]");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void should_still_check_parameters_given_to_packs() {
    assertThat(cli.run("packs", "--param", "hanoi-3814:nope=1")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).startsWith("conduct: --param: Pack 'hanoi-3814' has no parameter 'nope' [Hint: its"
        + " parameters are [");

    assertThat(cli.run("packs", "--param", "hanoi-3814:task-completion-pass-percent=abc"))
        .isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("is a number, but was given 'abc'");
  }
}
