package vn.conduct.rules.internal.score;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ScoreAdjustment;
import vn.conduct.rules.api.Subject;

/** Format 2 quota terms: {@code group-by}, {@code base: {where}} and {@code ties}, end to end through the engine. */
class QuotasTests {

  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  private static final String MANIFEST = """
      format: 2
      id: quotas
      version: 1.0.0
      title: {vi: Gói thử, en: Test pack}
      engine: ">=0.1.0 <1.0.0"
      sources:
        src: {number: "1/QĐ-TEST", title: {vi: Văn bản thử, en: Test document}}
      vocabulary:
        subject-types:
          district: {}
          unit:
            parent: district
            attributes:
              exceptional: {type: boolean}
          officer:
            parent: unit
            attributes:
              task-group: {type: string}
              party-member: {type: boolean}
            indicators:
              points: {type: number}
      """;

  @TempDir
  Path dir;

  private RulesEngine engine(String quotas) {
    return RulesEngine.builder().addPack(pack("quotas", "1.0.0")
        .file("pack.yaml", MANIFEST)
        .rule("q.points", "applies-to: [officer]\nkind: criterion\ncondition: {indicator: points, ge: 0}\n")
        .file("checklists/grade.yaml", """
            id: grade
            title: {vi: Chấm điểm, en: Grading}
            subject-type: officer
            items:
              - {rule: q.points, points: 100, credit: {indicator: points, per-unit: 1}}
            bands:
              - {id: A, min: 90}
              - {id: B, min: 70}
              - {id: C, min: 0}
            quotas:
            """ + quotas.stripIndent().indent(2))
        .writeTo(dir)).build();
  }

  /** An officer with a score, its unit and attributes given as key, value, key, value… */
  private static Subject officer(String id, String unit, Object... attributes) {
    Subject subject = Subject.of(id, "officer").withParent(unit);
    for (int i = 0; i < attributes.length; i += 2) {
      subject = subject.withAttribute((String) attributes[i], attributes[i + 1]);
    }
    return subject;
  }

  private static Report evaluate(RulesEngine engine, Map<Subject, Integer> officers) {
    EvaluationRequest.Builder request = EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("d1", "district"))
        .subject(Subject.of("u1", "unit").withParent("d1"))
        .subject(Subject.of("u2", "unit").withParent("d1"));
    officers.forEach((subject, points) -> request.subject(subject)
        .observation(Observation.of(subject.id(), "points", points)));
    return engine.evaluate(request.build());
  }

  private static Map<String, ChecklistScore> grades(Report report) {
    return report.subjects().stream().filter(s -> !s.scores().isEmpty())
        .collect(Collectors.toMap(s -> s.subjectId(), s -> s.scores().get(0)));
  }

  private static Map<String, String> ratings(Report report) {
    return grades(report).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> String.valueOf(e.getValue().rating())));
  }

  @Test
  void should_group_members_by_an_ancestor_above_the_parent() {
    // GIVEN two units of one district, each with one A; at most 50 % per district
    RulesEngine engine = engine("- {band: A, max-percent: 50, group-by: [{ancestor: district}]}\n");

    // WHEN
    Report report = evaluate(engine, Map.of(officer("m1", "u1"), 95, officer("m2", "u2"), 92,
        officer("m3", "u1"), 60, officer("m4", "u2"), 60));

    // THEN the district's 4 rated members allow 2 A: both keep it, though each unit alone would allow 1
    assertThat(ratings(report)).containsEntry("m1", "A").containsEntry("m2", "A");

    // AND grouped by the parent (the default), each unit of 2 allows 1: both keep it as well
    RulesEngine byUnit = engine("- {band: A, max-percent: 50}\n");
    assertThat(ratings(evaluate(byUnit, Map.of(officer("m1", "u1"), 95, officer("m2", "u1"), 92,
        officer("m3", "u2"), 60, officer("m4", "u2"), 60)))).containsEntry("m1", "A").containsEntry("m2", "B");
  }

  @Test
  void should_take_a_parent_missing_from_the_facts_as_of_its_declared_type() {
    // GIVEN officers of unit u9, which the host does not list, grouped by unit
    RulesEngine engine = engine("- {band: A, max-percent: 50, group-by: [{ancestor: unit}]}\n");

    // WHEN
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(officer("m1", "u9")).observation(Observation.of("m1", "points", 95))
        .subject(officer("m2", "u9")).observation(Observation.of("m2", "points", 93))
        .build());

    // THEN u9 is the officers' unit (officer's declared parent type): one group of 2, 1 A
    assertThat(ratings(report)).containsEntry("m1", "A").containsEntry("m2", "B");
    assertThat(grades(report).get("m2").adjustments().get(0).reason().en()).contains("unit 'u9'");

    // AND grouped by district, which nothing tells of u9, the A holder is not rated
    Report byDistrict = engine("- {band: A, max-percent: 50, group-by: [{ancestor: district}]}\n")
        .evaluate(EvaluationRequest.builder(AS_OF)
            .subject(officer("m1", "u9")).observation(Observation.of("m1", "points", 95)).build());
    assertThat(grades(byDistrict).get("m1").rated()).isFalse();
    assertThat(grades(byDistrict).get("m1").adjustments().get(0).reason().en())
        .contains("ancestor 'district' is missing");
  }

  @Test
  void should_split_a_unit_by_an_attribute_and_name_the_group_in_the_reason() {
    // GIVEN a unit whose two task groups each have an A
    RulesEngine engine = engine("- {band: A, max-percent: 50, group-by: [{ancestor: unit}, {attribute: task-group}]}\n");

    // WHEN
    Report report = evaluate(engine, Map.of(officer("m1", "u1", "task-group", "x"), 95,
        officer("m2", "u1", "task-group", "x"), 93, officer("m3", "u1", "task-group", "y"), 91,
        officer("m4", "u1", "task-group", "y"), 50));

    // THEN each group of 2 allows 1 A: m2 is lowered in group x, m3 keeps A in group y
    assertThat(ratings(report)).containsEntry("m1", "A").containsEntry("m2", "B").containsEntry("m3", "A");
    ScoreAdjustment lowered = grades(report).get("m2").adjustments().get(0);
    assertThat(lowered.reason().en()).contains("of 2 rated members unit 'u1', task-group 'x' (1) may hold A");
    assertThat(lowered.reason().vi()).contains("của 2 thành viên được xếp loại unit 'u1', task-group 'x' (1 người)");
  }

  @Test
  void should_not_rate_a_holder_of_the_band_whose_group_is_unknown_and_keep_the_others() {
    // GIVEN officers without a task group, one holding A and one holding C
    RulesEngine engine = engine("- {band: A, max-percent: 50, group-by: [{attribute: task-group}]}\n");

    // WHEN
    Report report = evaluate(engine, Map.of(officer("m1", "u1", "task-group", "x"), 95,
        officer("m2", "u1"), 97, officer("m3", "u1"), 40));

    // THEN the A holder is not rated, with the missing key stated; the C holder keeps C
    ChecklistScore unknown = grades(report).get("m2");
    assertThat(unknown.rated()).isFalse();
    assertThat(unknown.rating()).isNull();
    assertThat(unknown.adjustments()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(ScoreAdjustment.Kind.QUOTA);
      assertThat(a.fromRating()).isEqualTo("A");
      assertThat(a.toRating()).isNull();
      assertThat(a.reason().en()).contains("attribute 'task-group' is missing");
      assertThat(a.reason().vi()).contains("thiếu thuộc tính 'task-group'");
    });
    assertThat(ratings(report)).containsEntry("m3", "C");
    // AND m1's group holds only m1: 1 member allows ⌊0.5⌋ = 0 A
    assertThat(ratings(report)).containsEntry("m1", "B");
  }

  @Test
  void should_count_only_the_members_meeting_the_base_condition() {
    // GIVEN at most 50 % of the party members may hold A
    RulesEngine engine = engine("- {band: A, max-percent: 50, base: {where: {attribute: party-member, eq: true}}}\n");

    // WHEN 4 rated members, 2 of them party members, 3 holding A
    Report report = evaluate(engine, Map.of(officer("m1", "u1", "party-member", true), 95,
        officer("m2", "u1", "party-member", false), 93, officer("m3", "u1", "party-member", true), 91,
        officer("m4", "u1", "party-member", true), 10, officer("m5", "u1"), 10));

    // THEN N = 3 (m1, m3, m4; m5's UNKNOWN does not count): 1 A kept; non-members are lowered too
    assertThat(ratings(report)).containsEntry("m1", "A").containsEntry("m2", "B").containsEntry("m3", "B");
    assertThat(grades(report).get("m3").adjustments().get(0).reason().en())
        .contains("of 3 rated members meeting {attribute: party-member, eq: true} 'u1' (1) may hold A");
  }

  @Test
  void should_count_the_holders_of_the_of_band_meeting_the_base_condition() {
    // GIVEN at most 50 % of the count of the party members holding C may hold B
    RulesEngine engine = engine("""
        - {band: B, max-percent: 50, of: C, base: {where: {attribute: party-member, eq: true}}}
        """);

    // WHEN 2 B holders; C holders: m3 (party member), m4 (not), m5 (party member)
    Report report = evaluate(engine, Map.of(officer("m1", "u1", "party-member", false), 80,
        officer("m2", "u1", "party-member", true), 75, officer("m3", "u1", "party-member", true), 10,
        officer("m4", "u1", "party-member", false), 10, officer("m5", "u1", "party-member", true), 10));

    // THEN N = the C holders meeting the condition = 2: 1 B kept (m1, 80), m2 lowered to C
    assertThat(ratings(report)).containsEntry("m1", "B").containsEntry("m2", "C");
  }

  @Test
  void should_keep_every_member_at_the_cut_off_score_with_keep_all_and_say_so() {
    // GIVEN 5 members, 98, 93, 93, 91, 50: at most 40 % → 2 A, the second place shared by two 93s
    Map<Subject, Integer> officers = Map.of(officer("m1", "u1"), 98, officer("m2", "u1"), 93,
        officer("m3", "u1"), 93, officer("m4", "u1"), 91, officer("m5", "u1"), 50);

    // WHEN
    Report keepAll = evaluate(engine("- {band: A, max-percent: 40, ties: keep-all}\n"), officers);
    Report lowerAll = evaluate(engine("- {band: A, max-percent: 40, ties: lower-all}\n"), officers);
    Report byDefault = evaluate(engine("- {band: A, max-percent: 40}\n"), officers);

    // THEN keep-all keeps both 93s and lowers 91; lower-all, the default, lowers both 93s
    assertThat(ratings(keepAll)).containsEntry("m2", "A").containsEntry("m3", "A").containsEntry("m4", "B");
    assertThat(ratings(lowerAll)).containsEntry("m1", "A").containsEntry("m2", "B").containsEntry("m3", "B")
        .containsEntry("m4", "B");
    assertThat(ratings(byDefault)).isEqualTo(ratings(lowerAll));
    ScoreAdjustment kept = grades(keepAll).get("m4").adjustments().get(0);
    assertThat(kept.reason().en()).contains("(equal scores at the cut, 93, all keep A)");
    assertThat(kept.reason().vi()).contains("(những người bằng điểm ở ngưỡng, 93, đều giữ loại A)");
    assertThat(grades(lowerAll).get("m2").adjustments().get(0).reason().en())
        .contains("(equal scores at the cut are all lowered)");
  }

  @Test
  void should_describe_grouping_base_and_ties_and_their_defaults() {
    // GIVEN
    RulesEngine engine = engine("""
        - {band: A, max-percent: 20, group-by: [{ancestor: unit}, {attribute: task-group}],
           base: {where: {attribute: party-member, eq: true}}, ties: keep-all}
        - {band: B, max-percent: 60}
        """);

    // WHEN
    List<ChecklistInfo.Quota> quotas = engine.checklists().get(0).quotas();

    // THEN
    assertThat(quotas.get(0).groupBy()).containsExactly(
        ChecklistInfo.GroupKey.of(ChecklistInfo.GroupKey.Kind.ANCESTOR, "unit"),
        ChecklistInfo.GroupKey.of(ChecklistInfo.GroupKey.Kind.ATTRIBUTE, "task-group"));
    assertThat(quotas.get(0).baseCondition()).isEqualTo("{attribute: party-member, eq: true}");
    assertThat(quotas.get(0).ties()).isEqualTo(ChecklistInfo.Quota.Ties.KEEP_ALL);
    assertThat(quotas.get(1).groupBy()).isEmpty();
    assertThat(quotas.get(1).baseCondition()).isNull();
    assertThat(quotas.get(1).ties()).isEqualTo(ChecklistInfo.Quota.Ties.LOWER_ALL);
  }

  @Test
  void should_decide_an_override_on_the_unit_of_a_group_keyed_by_the_parent_type() {
    // GIVEN an exceptional unit may have 100 % A; groups are (unit, task-group)
    RulesEngine engine = engine("""
        - band: A
          max-percent: 0
          group-by: [{ancestor: unit}, {attribute: task-group}]
          override: {when: {attribute: exceptional, eq: true}, max-percent: 100}
        """);

    // WHEN u1 is exceptional, u2 is not
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("u1", "unit").withAttribute("exceptional", true))
        .subject(Subject.of("u2", "unit").withAttribute("exceptional", false))
        .subject(officer("m1", "u1", "task-group", "x")).observation(Observation.of("m1", "points", 95))
        .subject(officer("m2", "u2", "task-group", "x")).observation(Observation.of("m2", "points", 95))
        .build());

    // THEN
    assertThat(ratings(report)).containsEntry("m1", "A").containsEntry("m2", "B");
  }
}
