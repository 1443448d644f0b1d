package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackImpactTests {

  @TempDir
  static Path dir;

  static RulesEngine engine;

  static final String CHECKLIST = """
      id: grade
      title: {vi: Xếp loại, en: Grade}
      subject-type: officer
      items:
        - {rule: p.kept, points: 50}
        - {rule: p.task, points: 50}
      bands:
        - {id: B, min: 80}
        - {id: A, min: 0}
      ranking: {}
      """;

  @BeforeAll
  static void twoVersions() throws Exception {
    Path v1 = pack("p", "1.0.0", "effective: {from: 2020-01-01, until: 2024-12-31}")
        .rule("p.kept", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n")
        .rule("p.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: 50}\n")
        .file("checklists/grade.yaml", CHECKLIST)
        .writeTo(Files.createDirectories(dir.resolve("v1")));
    Path v2 = pack("p", "2.0.0", "effective: {from: 2025-01-01}")
        .rule("p.kept", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n")
        .rule("p.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: 40}\n")
        .file("checklists/grade.yaml", CHECKLIST)
        .writeTo(Files.createDirectories(dir.resolve("v2")));
    engine = RulesEngine.builder().addPack(v1).addPack(v2).build();
  }

  static EvaluationRequest request() {
    EvaluationRequest.Builder builder = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("u1", "agency")).subject(Subject.of("u2", "agency"));
    Object[][] officers = {{"o1", "u1", 45}, {"o2", "u1", 90}, {"o3", "u2", 10}};
    for (Object[] o : officers) {
      builder.subject(Subject.of((String) o[0], "officer").withParent((String) o[1]))
          .observation(Observation.of((String) o[0], "n", BigDecimal.ONE))
          .observation(Observation.of((String) o[0], "task", new BigDecimal((int) o[2])));
    }
    return builder.build();
  }

  @Test
  void should_report_the_subject_whose_outcome_score_rating_and_rank_change_with_the_rule_that_caused_it() {
    PackImpact impact = PackImpact.between(engine, request(), "p", "1.0.0", "2.0.0");

    assertThat(impact.subjects()).isEqualTo(5);
    assertThat(impact.changes()).extracting(PackImpact.SubjectChange::subjectId).containsExactly("o1", "o3");
    assertThat(impact.changes().get(0)).satisfies(o1 -> {
      assertThat(o1.subjectId()).isEqualTo("o1");
      assertThat(o1.unitId()).isEqualTo("u1");
      assertThat(o1.outcomes()).containsExactly(new PackImpact.OutcomeChange("p.task", Outcome.FAIL, Outcome.PASS));
      assertThat(o1.scores()).singleElement().satisfies(s -> {
        assertThat(s.checklistId()).isEqualTo("grade");
        assertThat(s.fromScore()).isEqualByComparingTo("50");
        assertThat(s.toScore()).isEqualByComparingTo("100");
        assertThat(s.fromRating()).isEqualTo("A");
        assertThat(s.toRating()).isEqualTo("B");
        assertThat(s.ratingChanged()).isTrue();
        assertThat(s.causes()).containsExactly("p.task");
      });
      assertThat(o1.ranks()).singleElement().satisfies(r -> {
        assertThat(r.checklistId()).isEqualTo("grade");
        assertThat(r.from()).isEqualTo(2);
        assertThat(r.to()).isEqualTo(1);
      });
    });
    // o3's own result is the same, but o1 now ranks above it
    assertThat(impact.changes().get(1)).satisfies(o3 -> {
      assertThat(o3.outcomes()).isEmpty();
      assertThat(o3.scores()).isEmpty();
      assertThat(o3.ranks()).containsExactly(new PackImpact.RankChange("grade", "", 2, 3));
    });
    assertThat(impact.rules()).containsExactly(java.util.Map.entry("p.task", 1));
    assertThat(impact.checklists()).singleElement().satisfies(c -> {
      assertThat(c.checklistId()).isEqualTo("grade");
      assertThat(c.subjects()).isEqualTo(3);
      assertThat(c.scoreChanged()).isEqualTo(1);
      assertThat(c.ratingChanged()).isEqualTo(1);
      assertThat(c.ratingCauses()).containsExactly(java.util.Map.entry("p.task", 1));
    });
    assertThat(impact.units()).containsEntry("u1", new PackImpact.Count(2, 1))
        .containsEntry("u2", new PackImpact.Count(1, 1));
  }

  @Test
  void should_be_empty_between_a_version_and_itself() {
    PackImpact impact = PackImpact.between(engine, request(), "p", "2.0.0", "2.0.0");

    assertThat(impact.isEmpty()).isTrue();
    assertThat(impact.rules()).isEmpty();
    assertThat(impact.checklists()).singleElement().extracting(PackImpact.ChecklistSummary::ratingChanged)
        .isEqualTo(0);
  }

  @Test
  void should_refuse_an_unknown_version_naming_the_loaded_ones() {
    assertThatThrownBy(() -> PackImpact.between(engine, request(), "p", "1.0.0", "3.0.0"))
        .isInstanceOf(RulePackNotFoundException.class)
        .hasMessageContaining("No version 3.0.0 of pack 'p'").hasMessageContaining("1.0.0, 2.0.0");
  }
}
