package vn.conduct.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.IncompatibleRulePackException;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.RulePackConflictException;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.testing.PackBuilder;

/** {@link RulesEngine.Builder#describe()}: packs listed from their manifests, agreeing with {@code build()}. */
class PackDescriptionTests {

  private static final String RULE = "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 10}\n";
  private static final String CHECKLIST = """
      id: grade
      title: {vi: Xếp loại, en: Grade}
      subject-type: officer
      maximum: 100
      items:
        - {rule: %s, points: 100}
      bands:
        - {id: good, min: 50, title: {vi: Tốt, en: Good}}
        - {id: poor, min: 0, title: {vi: Kém, en: Poor}}
      """;

  @TempDir
  Path dir;

  private Path write(String name, PackBuilder pack) {
    return pack.writeTo(dir.resolve(name));
  }

  private RulesEngine.Builder builder(Path... packs) {
    RulesEngine.Builder builder = RulesEngine.builder();
    for (Path pack : packs) {
      builder.addPack(pack);
    }
    return builder;
  }

  private static Path ioPack() {
    return Path.of("src/test/resources/io/pack");
  }

  @Test
  void should_describe_valid_packs_exactly_as_the_built_engine_does() {
    // GIVEN two versions of one pack (given newest first), one with a checklist and dates, and a pack with five rules
    Path v2 = write("v2", pack("p", "2.0.0", "jurisdiction: VN-HN\neffective: {from: 2025-07-01}")
        .manifest(m -> m.replace("target: {type: number, default: 80, basis: read}", "target: {type: number, default:"
            + " 85.50, basis: inferred, title: {vi: Mục tiêu, en: Target}}\n  window: {type: string, default: P12M,"
            + " basis: read}"))
        .rule("p.a", RULE).rule("p.b", RULE).file("checklists/grade.yaml", CHECKLIST.formatted("p.a")));
    Path v1 = write("v1", pack("p", "1.10.0", "effective: {from: 2020-01-01, until: 2025-06-30}").rule("p.a", RULE)
        .file("docs/notes.txt", "not a pack file, but in the digest\n"));

    // WHEN
    List<RulePackInfo> described = builder(v2, ioPack(), v1).describe();
    List<RulePackInfo> built = builder(v2, ioPack(), v1).build().packs();

    // THEN every field agrees (digest, counts, dates, origin) and the order is id, then version as a version
    assertThat(described).isEqualTo(built);
    assertThat(described).extracting(RulePackInfo::id, RulePackInfo::version, RulePackInfo::ruleCount,
        RulePackInfo::checklistCount).containsExactly(
            org.assertj.core.groups.Tuple.tuple("io-test", "1.0.0", 5, 1),
            org.assertj.core.groups.Tuple.tuple("p", "1.10.0", 1, 0),
            org.assertj.core.groups.Tuple.tuple("p", "2.0.0", 2, 1));
    assertThat(described.get(2).effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
    // parameters as declared, in id order, read alike when listing and when loading
    assertThat(described.get(2).parameters()).containsExactly(
        RulePackInfo.Parameter.of("target", "number", "85.50", vn.conduct.rules.api.LocalizedText.of("Mục tiêu", "Target"),
            vn.conduct.rules.api.Basis.INFERRED),
        RulePackInfo.Parameter.of("window", "string", "P12M", null, vn.conduct.rules.api.Basis.READ));
    assertThat(described.get(2).jurisdiction()).isEqualTo("VN-HN");
  }

  @Test
  void should_list_a_pack_whose_rule_file_is_broken_that_build_refuses() {
    // GIVEN a valid manifest and a rule whose YAML is broken, and a checklist naming an unknown rule
    Path broken = write("broken", pack("b", "1.0.0").rule("b.ok", RULE)
        .file("rules/b.bad/rule.yaml", "id: b.bad\ntitle: [unclosed\n")
        .file("checklists/grade.yaml", CHECKLIST.formatted("b.nowhere")));

    // WHEN
    List<RulePackInfo> described = builder(broken).describe();
    Throwable built = catchThrowable(() -> builder(broken).build());

    // THEN listing counts the files by their place; only build() reads them
    assertThat(described).singleElement().satisfies(info -> {
      assertThat(info.id()).isEqualTo("b");
      assertThat(info.ruleCount()).isEqualTo(2);
      assertThat(info.checklistCount()).isEqualTo(1);
      assertThat(info.digest()).matches("[0-9a-f]{64}");
    });
    assertThat(built).isInstanceOf(InvalidRulePackException.class);
  }

  @Test
  void should_report_a_broken_manifest_at_its_file_line_and_column() {
    // GIVEN a manifest whose version (line 3) is not a semantic version, beside a valid pack
    Path bad = write("bad", pack("bad", "1.0").rule("bad.a", RULE));
    Path good = write("good", pack("good", "1.0.0").rule("good.a", RULE));

    // WHEN
    Throwable thrown = catchThrowable(() -> builder(good, bad).describe());

    // THEN the issue names the pack's folder and the manifest, with line and column, as build() does
    assertThat(thrown).isInstanceOf(InvalidRulePackException.class);
    InvalidRulePackException invalid = (InvalidRulePackException) thrown;
    assertThat(invalid.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.file()).isEqualTo(bad + "/pack.yaml");
      assertThat(issue.line()).isEqualTo(3);
      assertThat(issue.column()).isEqualTo(10);
      assertThat(issue.path()).isEqualTo("version");
      assertThat(issue.code()).isEqualTo("field.constraint");
      assertThat(issue.message()).contains("semantic version").contains("'1.0'");
    });
    assertThat(invalid.getMessage()).contains(bad.toString()).doesNotContain(good.toString());
  }

  @Test
  void should_refuse_what_build_refuses_in_the_listed_fields_at_the_same_places() {
    // GIVEN manifests each broken in one listed field
    List<UnaryOperator<String>> breakages = List.of(
        m -> m.replace("format: 1", "format: one"),
        m -> m.replace("format: 1", "format: 9"),
        m -> m.replace("format: 1\n", ""),
        m -> m.replace("id: m\n", "id: Not-An-Id\n"),
        m -> m.replace("id: m\n", "id: \"\"\n"),
        m -> m.replace("version: 1.0.0", "version: 1.0.0.0"),
        m -> m.replace("title: {vi: Gói thử, en: Test pack}", "title: Gói thử"),
        m -> m.replace("title: {vi: Gói thử, en: Test pack}", "title: {vi: Gói thử, fr: Paquet}"),
        m -> m.replace("title: {vi: Gói thử, en: Test pack}\n", ""),
        m -> m.replace("engine: \">=0.1.0 <1.0.0\"", "engine: soon"),
        m -> m.replace("engine: \">=0.1.0 <1.0.0\"\n", ""),
        m -> m + "effective: {from: 2025-07-01, until: 2025-06-30}\n",
        m -> m + "effective: {from: 2025-13-01}\n",
        m -> m + "effective: {from: 2025-07-01, to: 2025-08-01}\n",
        m -> m + "effective: 2025\n",
        m -> m + "jurisdiction: [VN, HN]\n",
        m -> m + "title: {vi: Lần hai, en: Twice}\n",
        m -> "vi: [unclosed\n" + m,
        m -> "- a list\n");
    for (int i = 0; i < breakages.size(); i++) {
      Path broken = write("m" + i, pack("m", "1.0.0").rule("m.a", RULE).manifest(breakages.get(i)));

      // WHEN
      Throwable described = catchThrowable(() -> builder(broken).describe());
      Throwable built = catchThrowable(() -> builder(broken).build());

      // THEN both refuse it, and every error listing reports is one build() reports, at the same place
      assertThat(described).as("breakage %d", i).isInstanceOf(InvalidRulePackException.class);
      assertThat(built).as("breakage %d", i).isInstanceOf(InvalidRulePackException.class);
      assertThat(where((InvalidRulePackException) built)).as("breakage %d", i)
          .containsAll(where((InvalidRulePackException) described));
    }
  }

  private static List<String> where(InvalidRulePackException e) {
    return e.issues().stream().map(i -> i.code() + " " + i.file() + ":" + i.line() + ":" + i.column()).toList();
  }

  @Test
  void should_read_the_listed_fields_as_build_reads_them() {
    // GIVEN manifests written in ways the full load accepts: quoted numbers, dates with a time, one language
    List<UnaryOperator<String>> spellings = List.of(
        m -> m.replace("format: 1", "format: \"1\""),
        m -> m + "effective: {from: 2025-07-01T08:00:00, until: \"2026-01-01T00:00:00Z\"}\n",
        m -> m.replace("title: {vi: Gói thử, en: Test pack}", "title: {vi: Gói thử}"),
        m -> m.replace("title: {vi: Gói thử, en: Test pack}", "title: {}"),
        m -> m + "jurisdiction: 42\n");
    for (int i = 0; i < spellings.size(); i++) {
      Path pack = write("s" + i, pack("s", "1.0.0").rule("s.a", RULE).manifest(spellings.get(i)));

      // WHEN / THEN
      assertThat(builder(pack).describe()).as("spelling %d", i).isEqualTo(builder(pack).build().packs());
    }
  }

  @Test
  void should_refuse_a_pack_for_another_engine_and_a_pack_supplied_twice() {
    // GIVEN
    Path future = write("future", pack("f", "1.0.0").rule("f.a", RULE)
        .manifest(m -> m.replace(">=0.1.0 <1.0.0", ">=9.0.0")));
    Path one = write("one", pack("twice", "1.0.0").rule("t.a", RULE));
    Path two = write("two", pack("twice", "1.0.0").rule("t.b", RULE));

    // WHEN
    Throwable incompatible = catchThrowable(() -> builder(future).describe());
    Throwable conflict = catchThrowable(() -> builder(one, two).describe());

    // THEN
    assertThat(incompatible).isInstanceOf(IncompatibleRulePackException.class)
        .hasMessageContaining("requires engine >=9.0.0").hasMessageContaining(future.toString());
    assertThat(conflict).isInstanceOf(RulePackConflictException.class)
        .hasMessageContaining(one.toString()).hasMessageContaining(two.toString());
  }

  @Test
  void should_check_parameters_against_the_whole_manifest_of_their_pack() {
    // GIVEN the usual manifest, which declares the number parameter 'target'
    Path p = write("p", pack("p", "1.0.0").rule("p.a", RULE));

    // WHEN
    List<RulePackInfo> valid = builder(p).parameter("p", "target", "90").describe();
    Throwable unknownPack = catchThrowable(() -> builder(p).parameter("q", "target", 90).describe());
    Throwable unknownName = catchThrowable(() -> builder(p).parameter("p", "aim", 90).describe());
    Throwable wrongType = catchThrowable(() -> builder(p).parameter("p", "target", "high").describe());

    // THEN
    assertThat(valid).extracting(RulePackInfo::id).containsExactly("p");
    assertThat(unknownPack).isInstanceOf(IllegalStateException.class).hasMessageContaining("'q'")
        .hasMessageContaining("[p]");
    assertThat(unknownName).isInstanceOf(IllegalStateException.class).hasMessageContaining("'aim'")
        .hasMessageContaining("[target]");
    assertThat(wrongType).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'high'");
  }

  @Test
  void should_validate_the_whole_manifest_of_a_pack_given_a_parameter() {
    // GIVEN a manifest whose vocabulary names an unknown parent type: listing alone does not read it
    Path p = write("p", pack("p", "1.0.0").rule("p.a", RULE)
        .manifest(m -> m.replace("parent: agency", "parent: agencyy")));

    // WHEN
    List<RulePackInfo> plain = builder(p).describe();
    Throwable withParameter = catchThrowable(() -> builder(p).parameter("p", "target", 90).describe());

    // THEN
    assertThat(plain).hasSize(1);
    assertThat(withParameter).isInstanceOf(InvalidRulePackException.class);
    assertThat(((InvalidRulePackException) withParameter).issues()).extracting(ValidationIssue::code)
        .contains("ref.unknown-subject-type");
  }

  @Test
  void should_leave_the_builder_usable_after_describing() {
    // GIVEN
    RulesEngine.Builder builder = builder(ioPack());

    // WHEN
    List<RulePackInfo> described = builder.describe();
    RulesEngine engine = builder.build();

    // THEN
    assertThat(engine.packs()).isEqualTo(described);
  }
}
