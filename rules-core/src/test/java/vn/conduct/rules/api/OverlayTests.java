package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testing.PackBuilder.format2;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.io.ReportJson;

/** Overlays (rule-pack-format.md, section 16): a district pack over a city pack. */
class OverlayTests {

  @TempDir
  static Path dir;

  static Path city;

  static final String GRADE = """
      id: grade
      title: {vi: Xếp loại, en: Grade}
      subject-type: officer
      items:
        - {rule: city.badge, points: 40}
        - {rule: city.task, points: 60}
      bands:
        - {id: A, min: 90}
        - {id: B, min: 50}
        - {id: C, min: 0}
      """;

  @BeforeAll
  static void city() throws Exception {
    city = format2("city", "1.0.0")
        .rule("city.badge", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: badge-worn, eq: true}\n")
        .rule("city.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: {param: target}}\n")
        .rule("city.late", "applies-to: [officer]\nkind: prohibition\n"
            + "condition: {count: {events: [late], within: period}, ge: 2}\n")
        .file("checklists/grade.yaml", GRADE)
        .writeTo(Files.createDirectories(dir.resolve("city")));
  }

  static Path overlay(String name, String extendsBlock) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.createDirectories(folder.resolve("rules/district.flag"));
    Files.writeString(folder.resolve("pack.yaml"), """
        format: 2
        id: district
        version: 1.0.0
        title: {vi: Kế hoạch quận, en: District plan}
        engine: ">=0.1.0 <1.0.0"
        sources:
          plan: {number: "KH quận", title: {vi: Kế hoạch, en: Plan}}
        vocabulary:
          subject-types:
            officer:
              indicators:
                flag-raised: {type: boolean}
        """ + extendsBlock);
    Files.writeString(folder.resolve("rules/district.flag/rule.yaml"), """
        id: district.flag
        title: {vi: Chào cờ, en: Flag ceremony}
        source: {document: plan, basis: read}
        severity: minor
        applies-to: [officer]
        kind: requirement
        condition: {indicator: flag-raised, eq: true}
        """);
    return folder;
  }

  static final String EXTENDS = """
      extends:
        pack: city
        version: ">=1.0.0 <2.0.0"
        include:
          rules: [city.badge, city.task]
        modify:
          parameters: {target: 70}
          rules:
            city.badge: {severity: major}
          checklists:
            grade:
              bands: {A: {min: 85}}
      """;

  static EvaluationRequest june(String... packs) {
    EvaluationRequest.Builder builder = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("o1", "officer").withParent("u1"))
        .subject(Subject.of("u1", "agency"))
        .observation(Observation.of("o1", "badge-worn", true).withObservedOn(LocalDate.of(2025, 6, 10)))
        .observation(Observation.of("o1", "task", 75).withObservedOn(LocalDate.of(2025, 6, 10)))
        .observation(Observation.of("o1", "flag-raised", false).withObservedOn(LocalDate.of(2025, 6, 10)));
    for (String pack : packs) {
      builder.pack(pack);
    }
    return builder.build();
  }

  @Test
  void should_keep_change_and_add_rules_and_report_every_layer() throws Exception {
    Path district = overlay("plain", EXTENDS);
    RulesEngine engine = RulesEngine.builder().addPack(city).addPack(district).build();

    Report report = engine.evaluate(june("district"));

    SubjectResult officer = report.subject("o1").orElseThrow();
    assertThat(officer.findings()).extracting(Finding::ruleId)
        .containsExactlyInAnyOrder("city.badge", "city.task", "district.flag");
    // target lowered from 80 to 70: a task result of 75 now passes
    assertThat(officer.finding("city.task").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    assertThat(officer.finding("city.badge").orElseThrow().rule().severity()).isEqualTo(Severity.MAJOR);
    assertThat(officer.finding("city.badge").orElseThrow().rule().layer()).contains("district@1.0.0");
    assertThat(officer.finding("district.flag").orElseThrow().rule().layer()).contains("district@1.0.0");
    // grade: 40 + 60 = 100 ≥ 85 (A lowered from 90)
    ChecklistScore grade = officer.scores().get(0);
    assertThat(grade.score()).isEqualByComparingTo(new BigDecimal("100"));
    assertThat(grade.rating()).contains("A");

    PackUse use = report.provenance().packs().get(0);
    assertThat(use.packId()).isEqualTo("district");
    assertThat(use.layers()).extracting(PackUse.Layer::packId).containsExactly("city", "district");
    assertThat(use.layers()).allSatisfy(layer -> assertThat(layer.digest()).hasSize(64));
    assertThat(use.digest()).isNotIn(use.layers().get(0).digest(), use.layers().get(1).digest());
    String json = new ReportJson().withFormat(2).write(report);
    assertThat(json).contains("\"layers\"").contains("\"layer\": \"district@1.0.0\"");
  }

  @Test
  void should_leave_an_unchanged_base_rule_shaped_by_the_base() throws Exception {
    Path district = overlay("untouched", EXTENDS.replace("city.badge: {severity: major}", "city.task: {points: 1}"));
    RulesEngine engine = RulesEngine.builder().addPack(city).addPack(district).build();

    SubjectResult officer = engine.evaluate(june("district")).subject("o1").orElseThrow();

    assertThat(officer.finding("city.badge").orElseThrow().rule().layer()).contains("city@1.0.0");
    assertThat(officer.finding("city.task").orElseThrow().rule().layer()).contains("district@1.0.0");
  }

  @Test
  void should_evaluate_the_base_alone_unless_the_overlay_is_named() throws Exception {
    Path district = overlay("unnamed", EXTENDS);
    RulesEngine engine = RulesEngine.builder().addPack(city).addPack(district).build();

    Report report = engine.evaluate(june());

    assertThat(report.provenance().packs()).extracting(PackUse::packId).containsExactly("city");
    assertThat(report.subject("o1").orElseThrow().findings()).extracting(Finding::ruleId)
        .containsExactlyInAnyOrder("city.badge", "city.task", "city.late");
    assertThat(report.provenance().notes()).extracting(n -> n.in(Language.EN))
        .anyMatch(n -> n.contains("district is an overlay of city"));
    assertThatThrownBy(() -> engine.evaluate(june("district", "city")))
        .isInstanceOf(RulePackConflictException.class)
        .hasMessageContaining("district is an overlay of city");
  }

  @Test
  void should_name_the_overlay_file_and_the_base_when_an_included_rule_is_gone() throws Exception {
    Path district = overlay("gone", EXTENDS.replace("[city.badge, city.task]", "[city.badge, city.task, city.removed]"));

    assertThatThrownBy(() -> RulesEngine.builder().addPack(city).addPack(district).build())
        .isInstanceOf(InvalidRulePackException.class)
        .satisfies(e -> {
          List<ValidationIssue> issues = ((InvalidRulePackException) e).issues();
          assertThat(issues).anySatisfy(issue -> {
            assertThat(issue.code()).isEqualTo("overlay.unknown");
            assertThat(issue.file()).endsWith("gone/pack.yaml");
            assertThat(issue.line()).isEqualTo(17);
            assertThat(issue.path()).isEqualTo("extends.include.rules[2]");
            assertThat(issue.message()).contains("included rule 'city.removed' is not in city 1.0.0 (" + city)
                .contains("rules/city.removed/rule.yaml");
          });
        });
  }

  @Test
  void should_refuse_leaving_out_a_rule_a_kept_checklist_scores() throws Exception {
    Path district = overlay("leftout", EXTENDS.replace("[city.badge, city.task]", "[city.badge]"));

    assertThatThrownBy(() -> RulesEngine.builder().addPack(city).addPack(district).build())
        .isInstanceOf(InvalidRulePackException.class)
        .hasMessageContaining("rule 'city.task' is left out, but checklist 'grade'");
  }

  @Test
  void should_locate_changes_to_what_the_base_does_not_have() throws Exception {
    Path district = overlay("unknowns", EXTENDS
        .replace("city.badge: {severity: major}", "city.badje: {severity: major}")
        .replace("bands: {A: {min: 85}}", "bands: {Z: {min: 85}}")
        .replace("{target: 70}", "{target: seventy}"));

    assertThatThrownBy(() -> RulesEngine.builder().addPack(city).addPack(district).build())
        .isInstanceOf(InvalidRulePackException.class)
        .satisfies(e -> assertThat(((InvalidRulePackException) e).issues())
            .extracting(i -> i.path() + " " + i.code())
            .contains("extends.modify.rules[\"city.badje\"] overlay.unknown",
                "extends.modify.checklists.grade.bands.Z overlay.unknown",
                "extends.modify.parameters.target type.mismatch"));
  }

  @Test
  void should_refuse_band_changes_that_break_the_checklist() throws Exception {
    Path district = overlay("bands", EXTENDS.replace("bands: {A: {min: 85}}", "bands: {A: {min: 40}}"));

    assertThatThrownBy(() -> RulesEngine.builder().addPack(city).addPack(district).build())
        .isInstanceOf(InvalidRulePackException.class)
        .satisfies(e -> assertThat(((InvalidRulePackException) e).issues())
            .anySatisfy(i -> {
              assertThat(i.path()).isEqualTo("extends.modify.checklists.grade");
              assertThat(i.message()).contains("with this change, checklists/grade.yaml of city 1.0.0");
            }));
  }

  @Test
  void should_report_a_conflict_when_two_overlays_change_the_same_rule() throws Exception {
    Path district = overlay("district", EXTENDS);
    Path ward = Files.createDirectories(dir.resolve("ward"));
    Files.writeString(ward.resolve("pack.yaml"), """
        format: 2
        id: ward
        version: 1.0.0
        title: {vi: Kế hoạch phường, en: Ward plan}
        engine: ">=0.1.0 <1.0.0"
        sources: {}
        vocabulary: {}
        extends:
          pack: district
          version: "1.0.0"
          modify:
            rules:
              city.badge: {severity: critical}
              city.task: {severity: major}
        """);

    assertThatThrownBy(() -> RulesEngine.builder().addPack(ward).addPack(district).addPack(city).build())
        .isInstanceOf(InvalidRulePackException.class)
        .satisfies(e -> {
          List<ValidationIssue> issues = ((InvalidRulePackException) e).issues();
          assertThat(issues).filteredOn(i -> i.code().equals("overlay.conflict")).singleElement().satisfies(i -> {
            assertThat(i.file()).endsWith("ward/pack.yaml");
            assertThat(i.path()).isEqualTo("extends.modify.rules[\"city.badge\"]");
            assertThat(i.message()).contains("already changed or added by the overlay district 1.0.0 (" + district);
          });
        });
  }

  @Test
  void should_describe_an_overlay_as_the_built_engine_lists_it() throws Exception {
    Path district = overlay("described", EXTENDS);
    RulesEngine.Builder builder = RulesEngine.builder().addPack(district).addPack(city);

    List<RulePackInfo> described = builder.describe();

    // city.badge and city.task included, district.flag added: 3 rules, and the digest over both layers
    assertThat(described).isEqualTo(builder.build().packs());
    assertThat(described).filteredOn(p -> p.id().equals("district")).singleElement().satisfies(p -> {
      assertThat(p.ruleCount()).isEqualTo(3);
      assertThat(p.base()).contains("city");
    });
  }

  @Test
  void should_say_which_pack_is_missing_when_the_base_is_not_loaded() throws Exception {
    Path district = overlay("alone", EXTENDS);

    assertThatThrownBy(() -> RulesEngine.builder().addPack(district).build())
        .isInstanceOf(InvalidRulePackException.class)
        .hasMessageContaining("extends pack 'city', which is not loaded");
  }

  @Test
  void should_diff_and_preview_the_impact_of_the_city_pack_with_and_without_the_overlay() throws Exception {
    Path district = overlay("compared", EXTENDS);
    RulesEngine engine = RulesEngine.builder().addPack(city).addPack(district).build();

    PackDiff diff = PackDiff.between(engine, "city", "1.0.0", "district", "1.0.0");

    assertThat(diff.addedRules()).extracting(RuleInfo::ruleId).containsExactly("district.flag");
    assertThat(diff.removedRules()).extracting(RuleInfo::ruleId).containsExactly("city.late");
    // city.task: its threshold follows the parameter the overlay lowered
    assertThat(diff.changedRules()).extracting(PackDiff.Entry::id).containsExactly("city.badge", "city.task");
    assertThat(diff.changedChecklists()).singleElement().satisfies(e -> assertThat(e.changes())
        .extracting(c -> c.field() + ": " + c.oldValue().in(Language.EN) + " -> " + c.newValue().in(Language.EN))
        .anyMatch(c -> c.startsWith("band A") && c.contains("90") && c.contains("85")));
    assertThat(diff.packChanges()).extracting(PackDiff.Change::field).contains("parameter target");

    PackImpact impact = PackImpact.between(engine, june(), "city", "1.0.0", "district", "1.0.0");

    assertThat(impact.toPackId()).isEqualTo("district");
    // o1: task 75 fails the city's target of 80 and passes the district's 70: grade 40 → 100
    assertThat(impact.changes()).singleElement().satisfies(change -> {
      assertThat(change.subjectId()).isEqualTo("o1");
      assertThat(change.outcomes()).extracting(o -> o.ruleId() + " " + o.from() + " -> " + o.to())
          .containsExactlyInAnyOrder("city.task FAIL -> PASS", "city.late PASS -> null", "district.flag null -> FAIL");
    });
    assertThatThrownBy(() -> PackDiff.between(engine, "district", "1.0.0", "city", "9.9.9"))
        .isInstanceOf(RulePackNotFoundException.class);
  }

  @Test
  void should_apply_a_waiver_of_the_base_pack_when_the_overlay_is_evaluated() throws Exception {
    Path district = overlay("waived", EXTENDS.replace("parameters: {target: 70}", "parameters: {target: 90}"));
    RulesEngine engine = RulesEngine.builder().addPack(city).addPack(district).build();
    Waiver whole = Waiver.builder("w-city", "city").justification(LocalizedText.of("thử", "test"))
        .approver(Waiver.Approver.withId("head", "head-of-unit")).risk(Waiver.Risk.LOW)
        .dates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).build();

    SubjectResult officer = engine.evaluate(june("district").toBuilder().waiver(whole).build()).subject("o1")
        .orElseThrow();

    // city.task (a base rule, 75 < 90) is waived through the overlay; the overlay's own rule is not the city's
    assertThat(officer.finding("city.task").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(officer.finding("city.task").orElseThrow().waiver()).isPresent();
    assertThat(officer.finding("district.flag").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(officer.finding("district.flag").orElseThrow().waiver()).isEmpty();
  }

  static Path bare(String folder, String id, String extendsBlock) throws Exception {
    Path dir = Files.createDirectories(OverlayTests.dir.resolve(folder));
    Files.writeString(dir.resolve("pack.yaml"), """
        format: 2
        id: %s
        version: 1.0.0
        title: {vi: Thử, en: Test}
        engine: ">=0.1.0 <1.0.0"
        """.formatted(id) + extendsBlock);
    return dir;
  }

  @Test
  void should_refuse_overlays_that_extend_each_other_or_themselves_with_located_errors() throws Exception {
    Path a = bare("cycle-a", "cycle-a", "extends: {pack: cycle-b, version: \">=1.0.0\"}\n");
    Path b = bare("cycle-b", "cycle-b", "extends: {pack: cycle-a, version: \">=1.0.0\"}\n");
    Path self = bare("selfish", "selfish", "extends: {pack: selfish, version: \">=1.0.0\"}\n");

    for (List<Path> packs : List.of(List.of(a, b), List.of(self))) {
      RulesEngine.Builder builder = RulesEngine.builder();
      packs.forEach(builder::addPack);
      assertThatThrownBy(builder::build).isInstanceOf(InvalidRulePackException.class)
          .satisfies(e -> assertThat(((InvalidRulePackException) e).issues())
              .allSatisfy(issue -> {
                assertThat(issue.code()).isEqualTo("overlay.base-missing");
                assertThat(issue.path()).isEqualTo("extends.pack");
                assertThat(issue.line()).isPositive();
              }));
    }
  }

  @Test
  void should_locate_an_extends_block_of_the_wrong_shape_or_a_bad_range() throws Exception {
    Path listed = bare("listed", "listed", "extends: {pack: [city], version: \">=1.0.0\"}\n"
        + "sources: {}\nvocabulary: {subject-types: {}}\n");
    Path badRange = bare("bad-range", "bad-range", "extends: {pack: city, version: \"any version please\"}\n");
    Path unknownKey = bare("unknown-key", "unknown-key", "extends: {pack: city, version: \">=1.0.0\", replace: x}\n");

    assertThat(RulesEngine.check(listed, List.of(city))).filteredOn(i -> i.severity() == ValidationIssue.Level.ERROR)
        .anySatisfy(i -> assertThat(i.path()).startsWith("extends.pack"));
    assertThat(RulesEngine.check(badRange, List.of(city))).filteredOn(i -> i.severity() == ValidationIssue.Level.ERROR)
        .singleElement().satisfies(i -> {
          assertThat(i.path()).isEqualTo("extends.version");
          assertThat(i.message()).contains("'any version please' is not a version range");
        });
    assertThat(RulesEngine.check(unknownKey, List.of(city)))
        .filteredOn(i -> i.severity() == ValidationIssue.Level.ERROR)
        .anySatisfy(i -> {
          assertThat(i.code()).isEqualTo("bind.unknown-field");
          assertThat(i.path()).isEqualTo("extends.replace");
        });
  }

  @Test
  void should_refuse_an_overlay_in_a_format_1_pack() throws Exception {
    Path old = bare("old-format", "old-format", "extends: {pack: city, version: \">=1.0.0\"}\n");
    Files.writeString(old.resolve("pack.yaml"), Files.readString(old.resolve("pack.yaml")).replace("format: 2",
        "format: 1"));

    assertThat(RulesEngine.check(old, List.of(city))).filteredOn(i -> i.severity() == ValidationIssue.Level.ERROR)
        .anySatisfy(i -> {
          assertThat(i.code()).isEqualTo("pack.format-feature");
          assertThat(i.path()).isEqualTo("extends");
        });
  }

  @Test
  void should_locate_a_constraint_broken_inside_extends_at_the_key_the_file_writes() throws Exception {
    Path bad = bare("bad-id", "bad-id", "extends:\n  pack: city\n  version: \">=1.0.0\"\n  include: {rules: [\"Not An Id\"]}\n");
    Path noDefault = bare("no-default", "no-default", "sources: {s: {number: x}}\nvocabulary: {subject-types: {}}\n"
        + "parameters:\n  target: {type: number, basis: read}\n");

    assertThat(RulesEngine.check(bad, List.of(city))).filteredOn(i -> i.code().equals("field.constraint"))
        .singleElement().satisfies(i -> {
          assertThat(i.path()).isEqualTo("extends.include.rules[0]");
          assertThat(i.line()).isEqualTo(9);
        });
    // the same mechanism names @JsonProperty("default") as the file does
    assertThat(RulesEngine.check(noDefault)).filteredOn(i -> i.code().equals("field.constraint"))
        .singleElement().satisfies(i -> {
          assertThat(i.path()).isEqualTo("parameters.target.default");
          assertThat(i.line()).isEqualTo(9);
        });
  }
}
