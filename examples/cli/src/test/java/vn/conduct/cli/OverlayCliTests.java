package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An overlay given as a folder over a pack on the class path (rule-pack-format.md, section 16). */
class OverlayCliTests {

  @TempDir
  static Path dir;

  static Path facts;
  static Path overlay;

  private final CliRun cli = new CliRun();

  @BeforeAll
  static void overlayAndFacts() throws Exception {
    CliRun demo = new CliRun();
    assertThat(demo.run("demo", "--print-facts")).isEqualTo(ConductCommand.OK);
    facts = Files.writeString(dir.resolve("district.yaml"), demo.out());
    overlay = Files.createDirectories(dir.resolve("ward-plan"));
    Files.createDirectories(overlay.resolve("rules/ward.position-known"));
    Files.writeString(overlay.resolve("pack.yaml"), """
        format: 2
        id: ward-plan
        version: 1.0.0
        title: {vi: Kế hoạch phường (thử), en: Ward plan (test)}
        engine: ">=0.1.0 <1.0.0"
        sources:
          plan: {number: "KH phường (thử)", title: {vi: Kế hoạch, en: Plan}}
        extends:
          pack: hanoi-522
          version: ">=2.0.0 <3.0.0"
          modify:
            rules:
              hn522.late-arrival: {severity: critical}
        """);
    Files.writeString(overlay.resolve("rules/ward.position-known/rule.yaml"), """
        id: ward.position-known
        title: {vi: Có chức vụ, en: Position recorded}
        source: {document: plan, basis: read}
        severity: minor
        applies-to: [officer]
        kind: requirement
        condition: {attribute: position, exists: true}
        """);
  }

  @Test
  void should_evaluate_an_overlay_folder_over_its_base_on_the_class_path_and_show_both_layers() {
    int code = cli.run("evaluate", "--pack", overlay.toString(), "--facts", facts.toString(), "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    String header = cli.out().lines().skip(1).findFirst().orElseThrow();
    assertThat(header).startsWith("Rule packs: ward-plan 1.0.0 sha256:")
        .contains("(layers: hanoi-522 2.2.0 sha256:").contains(" + ward-plan 1.0.0 sha256:");
    // the rule the overlay changed names it; the base's unchanged rules carry no mark
    assertThat(cli.out()).contains("hn522.late-arrival").contains("[layer ward-plan@1.0.0]")
        .doesNotContain("[layer hanoi-522@");
  }

  @Test
  void should_write_the_layers_and_each_rules_layer_in_json() {
    int code = cli.run("evaluate", "--pack", overlay.toString(), "--facts", facts.toString(), "-f", "json");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("\"layers\"").contains("\"layer\": \"ward-plan@1.0.0\"")
        .contains("\"layer\": \"hanoi-522@2.2.0\"");
  }

  @Test
  void should_check_an_overlay_with_its_base_and_refuse_it_alone() throws Exception {
    Path base = Path.of("../../rules-hanoi/src/main/resources/rulepacks/hanoi-522/v2");

    assertThat(cli.run("check", overlay.toString(), "--with", base.toString())).as(cli.err())
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.run("check", overlay.toString())).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).contains("pack.yaml:").contains("extends pack 'hanoi-522', which is not loaded");
  }

  @Test
  void should_diff_the_city_pack_with_and_without_the_overlay() {
    int code = cli.run("diff", "hanoi-522@2.2.0", "ward-plan@1.0.0", "-p", overlay.toString(), "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out().lines()).first().isEqualTo("hanoi-522 2.2.0 → ward-plan 1.0.0");
    assertThat(cli.out()).contains("added ward.position-known: Position recorded",
        "changed hn522.late-arrival: severity minor → critical",
        "rules: 1 added, 0 removed, 1 changed");
  }

  @Test
  void should_preview_who_changes_with_the_overlay_and_refuse_two_unrelated_packs() {
    int code = cli.run("impact", "--from", "hanoi-522@2.2.0", "--to", "ward-plan@1.0.0", "-p", overlay.toString(),
        "--facts", facts.toString(), "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    // the 60 officers gain the ward's rule; nothing else changes (a severity changes no outcome)
    assertThat(cli.out().lines()).first().asString().startsWith("hanoi-522 2.2.0 → ward-plan 1.0.0: 60 of 81");
    assertThat(cli.out()).contains("rules changing outcome: ward.position-known (60)");

    assertThat(cli.run("diff", "hanoi-522@2.2.0", "hanoi-units@2.1.0")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("neither extends the other");
  }

  @Test
  void should_print_the_form_of_the_overlay_given_as_a_folder() {
    int code = cli.run("form", overlay.toString(), "--subject-type", "officer", "--lang", "en");

    assertThat(code).as(cli.err()).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).contains("ward-plan 1.0.0 · Ward plan (test)").contains("ward.position-known");
  }

  @Test
  void should_check_an_overlay_with_its_base_named_by_id_on_the_class_path() {
    assertThat(cli.run("check", overlay.toString(), "--with", "hanoi-522")).as(cli.err())
        .isEqualTo(ConductCommand.OK);
    assertThat(cli.run("check", overlay.toString(), "--with", "no-such-pack")).isEqualTo(ConductCommand.USAGE);
    assertThat(cli.err()).contains("neither a folder nor the id of a pack on the class path");
  }
}
