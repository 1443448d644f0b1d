package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackDiffTests {

  @TempDir
  static Path dir;

  static RulesEngine engine;

  @BeforeAll
  static void twoVersions() throws Exception {
    Path v1 = pack("p", "1.0.0", "effective: {from: 2020-01-01, until: 2025-06-30}")
        .rule("p.kept", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n")
        .rule("p.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: 50}\n")
        .rule("p.gone", "applies-to: [officer]\nkind: prohibition\ncondition: {count: {events: [late], within: period}, ge: 1}\n")
        .file("checklists/grade.yaml", """
            id: grade
            title: {vi: Xếp loại, en: Grade}
            subject-type: officer
            items:
              - {rule: p.kept, points: 50}
              - {rule: p.task, points: 50}
            bands:
              - {id: B, min: 80}
              - {id: A, min: 0}
            """)
        .writeTo(Files.createDirectories(dir.resolve("v1")));
    Path v2 = pack("p", "2.0.0", "effective: {from: 2025-07-01}")
        .rule("p.kept", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n")
        .file("rules/p.task/rule.yaml", """
            id: p.task
            title: {vi: Quy tắc p.task, en: Rule p.task}
            source: {document: src, basis: read}
            severity: major
            applies-to: [officer]
            tags: [yearly]
            kind: requirement
            condition: {indicator: task, ge: 60}
            """)
        .rule("p.new", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: signed, eq: true}\n")
        .file("checklists/grade.yaml", """
            id: grade
            title: {vi: Xếp loại, en: Grade}
            subject-type: officer
            items:
              - {rule: p.kept, points: 40}
              - {rule: p.task, points: 50}
              - {rule: p.new, points: 10}
            bands:
              - {id: B, min: 85}
              - {id: A, min: 0}
            """)
        .writeTo(Files.createDirectories(dir.resolve("v2")));
    engine = RulesEngine.builder().addPack(v1).addPack(v2).build();
  }

  @Test
  void should_list_rules_added_removed_and_changed_with_old_and_new_values() {
    PackDiff diff = PackDiff.between(engine, "p", "1.0.0", "2.0.0");

    assertThat(diff.addedRules()).extracting(RuleInfo::ruleId).containsExactly("p.new");
    assertThat(diff.removedRules()).extracting(RuleInfo::ruleId).containsExactly("p.gone");
    assertThat(diff.changedRules()).extracting(PackDiff.Entry::id).containsExactly("p.task");
    PackDiff.Entry task = diff.changedRules().get(0);
    assertThat(task.changes()).extracting(c -> c.field() + ": " + c.oldValue().in(Language.EN) + " -> "
        + c.newValue().in(Language.EN)).contains(
            "severity: minor -> major",
            "threshold indicator 'task': ge 50 -> ge 60",
            "tags:  -> yearly");
    assertThat(diff.isEmpty()).isFalse();
  }

  @Test
  void should_list_checklist_items_bands_and_pack_dates_that_changed() {
    PackDiff diff = PackDiff.between(engine, "p", "1.0.0", "2.0.0");

    assertThat(diff.addedChecklists()).isEmpty();
    assertThat(diff.removedChecklists()).isEmpty();
    assertThat(diff.changedChecklists()).extracting(PackDiff.Entry::id).containsExactly("grade");
    assertThat(diff.changedChecklists().get(0).changes()).extracting(c -> c.field() + ": "
        + c.oldValue().in(Language.EN) + " -> " + c.newValue().in(Language.EN)).containsExactly(
            "item p.kept: points 50 -> points 40",
            "item p.new:  -> points 10",
            "band B: ≥ 80 -> ≥ 85");
    assertThat(diff.packChanges()).extracting(c -> c.field() + ": " + c.oldValue().in(Language.EN) + " -> "
        + c.newValue().in(Language.EN)).containsExactly(
            "effective from: 2020-01-01 -> 2025-07-01",
            "effective until: 2025-06-30 -> ");
  }

  @Test
  void should_list_checklists_added_removed_and_vetoes_and_titles_changed_in_both_languages() throws Exception {
    String rule = "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n";
    String checklist = """
        id: %s
        title: {vi: %s, en: %s}
        subject-type: officer
        items:
          - {rule: q.a, points: 100}
        vetoes:
          - {rule: q.a, cap-rating: %s}
        bands:
          - {id: A, min: 50}
          - {id: Z, min: 0}
        """;
    Path v1 = pack("q", "1.0.0", "effective: {from: 2020-01-01, until: 2020-12-31}").rule("q.a", rule)
        .file("checklists/old.yaml", checklist.formatted("old", "Cũ", "Old", "Z"))
        .file("checklists/kept.yaml", checklist.formatted("kept", "Giữ", "Kept", "Z"))
        .writeTo(Files.createDirectories(dir.resolve("q1")));
    Path v2 = pack("q", "2.0.0", "effective: {from: 2021-01-01}").rule("q.a", rule)
        .file("checklists/kept.yaml", checklist.formatted("kept", "Giữ lại", "Kept", "A"))
        .file("checklists/new.yaml", checklist.formatted("new", "Mới", "New", "Z"))
        .writeTo(Files.createDirectories(dir.resolve("q2")));
    RulesEngine both = RulesEngine.builder().addPack(v1).addPack(v2).build();

    PackDiff diff = PackDiff.between(both, "q", "1.0.0", "2.0.0");

    assertThat(diff.addedChecklists()).extracting(ChecklistInfo::checklistId).containsExactly("new");
    assertThat(diff.removedChecklists()).extracting(ChecklistInfo::checklistId).containsExactly("old");
    assertThat(diff.addedRules()).isEmpty();
    assertThat(diff.changedRules()).isEmpty();
    assertThat(diff.changedChecklists()).singleElement().satisfies(kept -> {
      assertThat(kept.id()).isEqualTo("kept");
      assertThat(kept.changes()).containsExactly(
          new PackDiff.Change("title", LocalizedText.of("Giữ", "Kept"), LocalizedText.of("Giữ lại", "Kept")),
          new PackDiff.Change("veto q.a", LocalizedText.of("rating at most Z"), LocalizedText.of("rating at most A")));
    });
  }

  @Test
  void should_compare_conditions_in_words_and_the_packs_parameters() throws Exception {
    // GIVEN a rule whose parameter default, look-back window and applicability change between versions
    Path v1 = pack("w", "1.0.0", "").rule("w.late", """
            applies-to: [officer]
            kind: requirement
            when: {attribute: position, eq: leader}
            condition:
              all:
                - {indicator: task, ge: {param: target}}
                - {count: {events: [late], within: P12M}, le: 2}
            """)
        .writeTo(Files.createDirectories(dir.resolve("w1")));
    Path v2 = pack("w", "2.0.0", "").manifest(m -> m.replace("target: {type: number, default: 80, basis: read}",
            "target: {type: number, default: 90, basis: read, title: {vi: Mục tiêu, en: Target}}"))
        .rule("w.late", """
            applies-to: [officer]
            kind: requirement
            condition:
              any:
                - {indicator: task, ge: {param: target}}
                - not: {count: {events: [late], within: P1M}, ge: 1}
            """)
        .writeTo(Files.createDirectories(dir.resolve("w2")));
    RulesEngine both = RulesEngine.builder().addPack(v1).addPack(v2).build();

    // WHEN the versions are compared
    PackDiff diff = PackDiff.between(both, "w", "1.0.0", "2.0.0");

    // THEN the parameter's default and title, the condition and the applicability are named, old and new, in words
    assertThat(diff.to().parameters()).containsExactly(RulePackInfo.Parameter.of("target", "number", "90",
        LocalizedText.of("Mục tiêu", "Target"), Basis.READ));
    assertThat(diff.packChanges()).containsExactly(new PackDiff.Change("parameter target",
        LocalizedText.of("number, mặc định 80", "number, default 80"),
        LocalizedText.of("number, mặc định 90: Mục tiêu", "number, default 90: Target")));
    assertThat(diff.changedRules()).singleElement().satisfies(rule -> assertThat(rule.changes()).contains(
        new PackDiff.Change("when", LocalizedText.of("thuộc tính 'position' = leader", "attribute 'position' = leader"),
            LocalizedText.EMPTY),
        new PackDiff.Change("condition",
            LocalizedText.of("chỉ số 'task' ≥ 80 (tham số 'target') và số sự kiện [late] đã xác minh trong 12 tháng ≤ 2",
                "indicator 'task' ≥ 80 (parameter 'target') and number of verified events [late] in the last 12 months ≤ 2"),
            LocalizedText.of("chỉ số 'task' ≥ 90 (tham số 'target') hoặc không (số sự kiện [late] đã xác minh trong 1 tháng ≥ 1)",
                "indicator 'task' ≥ 90 (parameter 'target') or not (number of verified events [late] in the last month ≥ 1)"))));
  }

  @Test
  void should_be_empty_between_a_version_and_itself() {
    assertThat(PackDiff.between(engine, "p", "2.0.0", "2.0.0").isEmpty()).isTrue();
  }

  @Test
  void should_refuse_an_unknown_version_naming_the_loaded_ones() {
    assertThatThrownBy(() -> PackDiff.between(engine, "p", "1.0.0", "3.0.0"))
        .isInstanceOf(RulePackNotFoundException.class)
        .hasMessageContaining("No version 3.0.0 of pack 'p'")
        .hasMessageContaining("1.0.0, 2.0.0");
    assertThatThrownBy(() -> PackDiff.between(engine, "q", "1.0.0", "2.0.0"))
        .isInstanceOf(RulePackNotFoundException.class)
        .hasMessageContaining("'q'").hasMessageContaining("loaded packs are p");
  }
}
