package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;

/** Evaluating in batches gives the quotas of one evaluation, whatever the quota groups by. */
class BatchesTests {

  @TempDir
  Path dir;

  private RulesEngine engine(String quota) throws IOException {
    return RulesEngine.builder().addPack(QuotaPack.write(dir.resolve("pack-" + Math.abs(quota.hashCode())), quota))
        .build();
  }

  /**
   * Two districts, each its own tree: d1 has one A scorer (m1, 95), d2 one A scorer (n1, 96) and two
   * B; and two parentless officers, p1 (95) and p2 (40). Every officer is in task group x.
   */
  private static EvaluationRequest request() {
    EvaluationRequest.Builder request = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("d1", "district"))
        .subject(Subject.of("u1", "unit").withParent("d1"))
        .subject(Subject.of("d2", "district"))
        .subject(Subject.of("u2", "unit").withParent("d2"));
    Map<String, Object[]> officers = new TreeMap<>(Map.of("m1", new Object[] {"u1", 95}, "n1", new Object[] {"u2", 96},
        "n2", new Object[] {"u2", 40}, "n3", new Object[] {"u2", 40}, "p1", new Object[] {null, 95},
        "p2", new Object[] {null, 40}));
    officers.forEach((id, unitAndPoints) -> {
      Subject officer = Subject.of(id, "officer").withAttribute("task-group", "x");
      request.subject(unitAndPoints[0] == null ? officer : officer.withParent((String) unitAndPoints[0]))
          .observation(Observation.of(id, "points", unitAndPoints[1]));
    });
    return request.build();
  }

  private static Map<String, String> ratings(Report report) {
    Map<String, String> ratings = new TreeMap<>();
    report.subjects().stream().filter(s -> !s.scores().isEmpty())
        .forEach(s -> ratings.put(s.subjectId(), String.valueOf(s.scores().get(0).rating())));
    return ratings;
  }

  private static Report batched(RulesEngine engine, List<Long> progress) {
    return Batches.evaluate(engine, request(), 1, 1_000, progress::add); // a batch per tree if it can
  }

  @Test
  void should_evaluate_at_once_when_a_quota_groups_by_attributes_only() throws IOException {
    // GIVEN task group x spans both districts and the parentless officers: 6 rated, 50 % → 3 A
    RulesEngine engine = engine("{band: A, max-percent: 50, group-by: [{attribute: task-group}]}");
    List<Long> progress = new ArrayList<>();

    // WHEN
    Report report = batched(engine, progress);

    // THEN the three A scorers keep A, as in one evaluation (batch by batch, m1 alone would be lowered)
    assertThat(ratings(report)).isEqualTo(ratings(engine.evaluate(request())))
        .containsEntry("m1", "A").containsEntry("n1", "A").containsEntry("p1", "A");
    assertThat(progress).as("one batch").containsExactly(10L);
  }

  @Test
  void should_keep_batching_by_tree_when_a_quota_groups_by_an_ancestor() throws IOException {
    // GIVEN grouped by district and task group: d1's group is m1 alone (⌊0.5⌋ = 0 A), d2's 3 members allow 1
    RulesEngine engine = engine("{band: A, max-percent: 50, group-by: [{ancestor: district}, {attribute: task-group}]}");
    List<Long> progress = new ArrayList<>();

    // WHEN
    Report report = batched(engine, progress);

    // THEN
    assertThat(ratings(report)).isEqualTo(ratings(engine.evaluate(request())))
        .containsEntry("m1", "B").containsEntry("n1", "A");
    assertThat(progress).as("batches of trees").hasSizeGreaterThan(1);
  }

  @Test
  void should_put_the_parentless_members_of_a_quota_in_one_batch() throws IOException {
    // GIVEN grouped by the parent (the default): p1 and p2 form the parentless group, 2 rated → 1 A
    RulesEngine engine = engine("{band: A, max-percent: 50}");

    // WHEN
    Report report = batched(engine, new ArrayList<>());

    // THEN p1 keeps A, as in one evaluation (alone in a batch it would have been lowered)
    assertThat(ratings(report)).isEqualTo(ratings(engine.evaluate(request()))).containsEntry("p1", "A");
  }
}
