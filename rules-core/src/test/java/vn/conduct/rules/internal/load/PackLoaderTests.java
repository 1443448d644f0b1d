package vn.conduct.rules.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;

class PackLoaderTests {

  @TempDir
  Path dir;

  private static List<String> rendered(List<ValidationIssue> issues) {
    return issues.stream().map(ValidationIssue::render).toList();
  }

  @Test
  void should_accept_a_valid_pack() {
    pack("ok", "1.0.0")
        .rule("r.one", """
            applies-to: [officer]
            kind: requirement
            condition: {indicator: n, ge: {param: target}}
            """)
        .writeTo(dir);

    assertThat(errors(dir)).isEmpty();
  }

  @Test
  void should_report_five_independent_mistakes_in_one_run_sorted_by_file_and_line() {
    pack("five", "1.0.0")
        .rule("r.bad-kind", """
            applies-to: [officer]
            kind: forbidden
            condition: {indicator: n, ge: 1}
            """)
        .rule("r.bad-field", """
            applies-to: [officer]
            kind: requirement
            condition: {indicator: nope, ge: 1}
            """)
        .rule("r.bad-type", """
            applies-to: [officer]
            kind: requirement
            condition: {attribute: position, ge: 3}
            """)
        .rule("r.bad-event", """
            applies-to: [officer]
            kind: prohibition
            condition: {count: {events: [sleeping]}, ge: 1}
            """)
        .rule("r.unknown-key", """
            applies-to: [officer]
            kind: requirement
            severty: major
            condition: {indicator: n, ge: 1}
            """)
        .writeTo(dir);

    List<ValidationIssue> issues = errors(dir);

    assertThat(rendered(issues)).containsExactly(
        "ERROR   rules/r.bad-event/rule.yaml:7:30  condition.count.events[0]: unknown event type 'sleeping'"
            + " [Hint: declared event types: [fine, late]] [ref.unknown-event-type]",
        "ERROR   rules/r.bad-field/rule.yaml:7:24  condition.indicator: subject type 'officer' has no indicator 'nope'"
            + " [Hint: declared indicators: [badge-worn, n, signed, task]] [ref.unknown-field]",
        "ERROR   rules/r.bad-kind/rule.yaml:6:7  kind: expected one of [requirement, prohibition, criterion],"
            + " but was 'forbidden' [bind.type]",
        "ERROR   rules/r.bad-type/rule.yaml:7:38  condition.ge: 'ge' compares numbers or dates, but attribute 'position'"
            + " is a string [Hint: use eq, ne, in or not-in] [type.mismatch]",
        "ERROR   rules/r.unknown-key/rule.yaml:7:1  severty: unknown field 'severty' [Hint: did you mean 'severity'?"
            + " known fields here:"
            + " [accepted-methods, applies-to, condition, description, effective, enabled, evidence, id, kind, points,"
            + " remediation, sanction, severity, source, tags, title, when]] [bind.unknown-field]");
  }

  @Test
  void should_keep_yaml_1_1_words_out_of_booleans() {
    pack("traps", "1.0.0")
        .rule("r.one", """
            applies-to: [officer]
            kind: requirement
            enabled: NO
            condition: {indicator: badge-worn, eq: yes}
            """)
        .writeTo(dir);

    assertThat(rendered(errors(dir))).containsExactly(
        "ERROR   rules/r.one/rule.yaml:7:10  enabled: expected true or false, but was 'NO'"
            + " [Hint: YAML 1.1 words such as yes/no/on/off are not booleans here] [bind.type]",
        "ERROR   rules/r.one/rule.yaml:8:40  condition.eq: indicator 'badge-worn' is a boolean, but the value is 'yes'"
            + " [Hint: write true or false] [type.mismatch]");
  }

  @Test
  void should_read_a_version_like_1_10_as_text_and_refuse_it_as_semver() {
    pack("v", "1.10").writeTo(dir);

    assertThat(rendered(errors(dir))).containsExactly(
        "ERROR   pack.yaml:3:10  version: must be a semantic version such as 1.0.0 but was '1.10' [field.constraint]");
  }

  @Test
  void should_compare_a_leading_zero_number_as_decimal() {
    pack("octal", "1.0.0")
        .rule("r.one", """
            applies-to: [officer]
            kind: requirement
            condition: {indicator: n, ge: 0777}
            """)
        .writeTo(dir);

    assertThat(errors(dir)).isEmpty();
  }

  @Test
  void should_name_the_rule_id_that_differs_from_its_folder() {
    pack("ids", "1.0.0")
        .file("rules/r.folder/rule.yaml", """
            id: r.other
            title: {vi: a, en: a}
            source: {document: src, basis: read}
            applies-to: [officer]
            kind: requirement
            severity: minor
            condition: {indicator: n, ge: 1}
            """)
        .writeTo(dir);

    assertThat(rendered(errors(dir))).containsExactly(
        "ERROR   rules/r.folder/rule.yaml:1:5  id: rule id 'r.other' differs from its folder 'r.folder'"
            + " [Hint: a rule's id is the name of its folder] [id.mismatch]");
  }

  @Test
  void should_refuse_a_pack_without_manifest() {
    assertThat(rendered(errors(dir))).singleElement().asString()
        .startsWith("ERROR   pack.yaml  no pack.yaml at the pack's root");
  }

  @Test
  void should_check_checklist_references() {
    pack("lists", "1.0.0")
        .rule("r.one", """
            applies-to: [officer]
            kind: requirement
            condition: {indicator: n, ge: 1}
            """)
        .file("checklists/grade.yaml", """
            id: grade
            title: {vi: a, en: a}
            subject-type: officer
            items:
              - {rule: r.one, points: 50}
              - {rule: r.two, points: 50}
            vetoes:
              - {rule: r.one, cap-rating: Z}
            bands:
              - {id: A, min: 50}
              - {id: B, min: 60}
            """)
        .writeTo(dir);

    assertThat(rendered(errors(dir))).containsExactly(
        "ERROR   checklists/grade.yaml:6:12  items[1].rule: unknown rule 'r.two'"
            + " [Hint: a checklist refers to rules of its own pack: [r.one]] [ref.unknown-rule]",
        "ERROR   checklists/grade.yaml:8:31  vetoes[0].cap-rating: unknown band 'Z' [Hint: bands: [A, B]] [ref.unknown-band]",
        "ERROR   checklists/grade.yaml:11:18  bands[1].min: bands are listed best first, so min 60 must be below"
            + " the previous band's 50 [field.constraint]",
        "ERROR   checklists/grade.yaml:11:18  bands[1].min: the lowest band starts at 60, above the floor 0, so some"
            + " scores would get no band [Hint: let the lowest band start at the floor] [field.constraint]");
  }

  @Test
  void should_read_declared_values_as_a_list_or_with_titles_and_report_each_bad_form() {
    String manifest = """
        format: 1
        id: titled
        version: 1.0.0
        title: {vi: Gói thử, en: Test pack}
        engine: ">=0.1.0 <1.0.0"
        sources:
          src: {number: "1/QĐ-TEST"}
        vocabulary:
          subject-types:
            unit:
              attributes:
                block:
                  type: string
                  values:
                    commune: {title: {vi: xã, en: commune}}
                    ward: {titel: {vi: phường}}
                    district:
                level: {type: string, values: commune}
                kind: {type: string, values: [a, b]}
        """;
    Path dir = pack("unused", "1.0.0").file("pack.yaml", manifest)
        .rule("r.block", "applies-to: [unit]\nkind: requirement\ncondition: {attribute: block, in: [commune, district]}\n")
        .rule("r.kind", "applies-to: [unit]\nkind: requirement\ncondition: {attribute: kind, eq: a}\n")
        .writeTo(this.dir);

    assertThat(rendered(errors(dir))).containsExactly(
        "ERROR   pack.yaml:16:20  vocabulary.subject-types.unit.attributes.block.values.ward.titel: unknown field"
            + " 'titel' [Hint: did you mean 'title'? known fields here: [title]] [bind.unknown-field]",
        "ERROR   pack.yaml:18:39  vocabulary.subject-types.unit.attributes.level.values: expected a list of values"
            + " or a mapping from each value to {title: …}, but was 'commune' [bind.type]");
  }

  private static List<ValidationIssue> errors(Path pack) {
    return RulesEngine.check(pack).stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR).toList();
  }

  @Test
  void should_warn_of_unused_vocabulary_and_of_rules_that_cite_no_article_and_say_not_why() {
    pack("warned", "1.0.0")
        .rule("r.cited", """
            applies-to: [officer]
            kind: requirement
            source: {document: src, article: "Điều 3", basis: read}
            condition: {indicator: n, ge: {param: target}}
            """)
        .rule("r.noted", """
            applies-to: [officer]
            kind: prohibition
            source: {document: src, basis: summary, note: "Known only from the city portal's summary."}
            condition: {count: {events: [late], within: period}, ge: 1}
            """)
        .rule("r.bare", """
            applies-to: [officer]
            kind: requirement
            condition: {indicator: badge-worn, eq: true}
            """)
        .writeTo(dir);

    List<ValidationIssue> issues = RulesEngine.check(dir);

    assertThat(issues).allMatch(i -> i.severity() == ValidationIssue.Level.WARNING);
    assertThat(issues).extracting(ValidationIssue::code, ValidationIssue::path).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.subject-types.agency.attributes.block"),
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.subject-types.agency.attributes.exceptional"),
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.subject-types.agency.indicators.sipas"),
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.subject-types.officer.attributes.position"),
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.subject-types.officer.attributes.born"),
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.subject-types.officer.indicators.signed"),
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.subject-types.officer.indicators.task"),
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.event-types.fine"),
        org.assertj.core.groups.Tuple.tuple("vocabulary.unused", "vocabulary.event-types.fine.attributes.amount"),
        org.assertj.core.groups.Tuple.tuple("rule.uncited", "source"));
    assertThat(issues).filteredOn(i -> i.code().equals("rule.uncited")).singleElement()
        .satisfies(i -> assertThat(i.render()).startsWith("WARNING rules/r.bare/rule.yaml:3:9  source: rule 'r.bare' "
            + "cites no article and gives no note saying why"));
  }
}
