package vn.conduct.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationListener;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.load.PackLoader;
import vn.conduct.rules.internal.load.SemVer;
import vn.conduct.rules.internal.score.Rankings;
import vn.conduct.rules.spi.RulePackSource;

/**
 * Evaluating in parts of whole unit trees, or from a stream of parts, gives the report of one
 * evaluation: quotas whatever they group by, roll-ups, rankings, fact problems.
 */
class PartsTests {

  @TempDir
  Path dir;

  /** A format 2 pack: officers under units under districts, points graded, one quota on A, units ranked. */
  private LoadedPack pack(String quota) throws IOException {
    Path pack = dir.resolve("pack-" + Integer.toHexString(quota.hashCode()));
    Files.createDirectories(pack.resolve("rules/q.points"));
    Files.createDirectories(pack.resolve("rules/q.late"));
    Files.createDirectories(pack.resolve("checklists"));
    Files.writeString(pack.resolve("pack.yaml"), """
        format: 2
        id: quota-pack
        version: 1.0.0
        title: {vi: Gói thử, en: Test pack}
        engine: ">=0.1.0 <1.0.0"
        sources:
          src: {number: "1/2025/QĐ-TEST", title: {vi: Văn bản thử, en: Test document}}
        vocabulary:
          subject-types:
            district: {}
            unit: {parent: district}
            officer:
              parent: unit
              attributes:
                task-group: {type: string}
              indicators:
                points: {type: number}
          event-types:
            late: {}
        """, StandardCharsets.UTF_8);
    Files.writeString(pack.resolve("rules/q.points/rule.yaml"), """
        id: q.points
        title: {vi: Điểm, en: Points}
        source: {document: src, basis: read}
        applies-to: [officer]
        kind: criterion
        severity: minor
        condition: {indicator: points, ge: 50}
        """, StandardCharsets.UTF_8);
    Files.writeString(pack.resolve("rules/q.late/rule.yaml"), """
        id: q.late
        title: {vi: Đi muộn, en: Late}
        source: {document: src, basis: read}
        applies-to: [officer]
        kind: prohibition
        severity: minor
        condition: {count: {events: [late]}, ge: 2}
        """, StandardCharsets.UTF_8);
    Files.writeString(pack.resolve("checklists/grade.yaml"), """
        id: grade
        title: {vi: Chấm điểm, en: Grading}
        subject-type: officer
        items:
          - {rule: q.points, points: 100, credit: {indicator: points, per-unit: 1}}
        bands:
          - {id: A, min: 90}
          - {id: B, min: 0}
        ranking: {}
        quotas:
          - %s
        """.formatted(quota), StandardCharsets.UTF_8);
    var loaded = PackLoader.load(RulePackSource.directory(pack), SemVer.parse("0.1.0"));
    return loaded.pack().orElseThrow(() -> new AssertionError(loaded.issues()));
  }

  private static DefaultRulesEngine engine(LoadedPack pack, int partSubjects, long partFacts) {
    return engine(pack, partSubjects, partFacts, 1);
  }

  private static DefaultRulesEngine engine(LoadedPack pack, int partSubjects, long partFacts, int threads) {
    return DefaultRulesEngine.create(List.of(pack), Map.of(), Evaluator.Faults.NONE, partSubjects, partFacts,
        threads);
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

  /** Records what an evaluation tells its listener. */
  private static final class Recorder implements EvaluationListener {
    final List<String> calls = new ArrayList<>();
    final List<SubjectResult> results = new ArrayList<>();

    @Override
    public void started(Progress progress) {
      calls.add("started " + progress.subjectsDone() + "/" + progress.subjectsTotal() + " " + progress.unitsDone()
          + "/" + progress.unitsTotal());
    }

    @Override
    public void subjectEvaluated(SubjectResult result) {
      results.add(result);
    }

    @Override
    public void progressed(Progress progress) {
      calls.add(progress.subjectsDone() + "/" + progress.subjectsTotal() + " " + progress.unitsDone() + "/"
          + progress.unitsTotal());
    }
  }

  @Test
  void should_evaluate_at_once_when_a_quota_groups_by_attributes_only() throws IOException {
    // GIVEN task group x spans both districts and the parentless officers: 6 rated, 50 % → 3 A
    LoadedPack pack = pack("{band: A, max-percent: 50, group-by: [{attribute: task-group}]}");
    Recorder recorder = new Recorder();

    // WHEN parts of one subject are asked for
    Report report = engine(pack, 1, 1).evaluate(request(), recorder);

    // THEN the three A scorers keep A, as in one evaluation (part by part, m1 alone would be lowered)
    assertThat(ratings(report)).isEqualTo(ratings(engine(pack, 1000, 1000).evaluate(request())))
        .containsEntry("m1", "A").containsEntry("n1", "A").containsEntry("p1", "A");
    assertThat(recorder.calls).as("one part").containsExactly("started 0/10 0/4", "10/10 4/4");
  }

  @Test
  void should_apply_waivers_alike_in_every_part_and_in_a_stream() throws IOException {
    // GIVEN a waiver on q.points for the officers below district d2 (n2 and n3 score 40: FAIL)
    LoadedPack pack = pack("{band: A, max-percent: 50, group-by: [{ancestor: district}, {attribute: task-group}]}");
    vn.conduct.rules.api.Waiver waiver = vn.conduct.rules.api.Waiver.builder("w-d2", "quota-pack").rule("q.points")
        .units(List.of("d2")).justification(vn.conduct.rules.api.LocalizedText.of("lý do", "reason"))
        .approver(vn.conduct.rules.api.Waiver.Approver.named("An", "head")).risk(vn.conduct.rules.api.Waiver.Risk.LOW)
        .dates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).build();
    EvaluationRequest request = request().toBuilder().waiver(waiver).build();

    // WHEN evaluated at once, in parts of one subject, and as a stream of the same request
    Report single = engine(pack, 1000, 1000).evaluate(request);
    Report parts = engine(pack, 1, 1).evaluate(request, EvaluationListener.NONE);
    Recorder streamed = new Recorder();
    engine(pack, 1000, 1000).evaluate(List.of(request).iterator(), streamed);

    // THEN each gives n2 the waiver, the credit item full points, and the score without the waiver
    assertThat(parts).isEqualTo(single);
    SubjectResult n2 = single.subject("n2").orElseThrow();
    assertThat(n2.finding("q.points").orElseThrow().waiver()).hasValue(waiver);
    assertThat(n2.scores().get(0).score()).isEqualByComparingTo("100");
    assertThat(n2.scores().get(0).withoutWaivers().orElseThrow().score()).isEqualByComparingTo("40");
    assertThat(single.subject("p2").orElseThrow().finding("q.points").orElseThrow().waiver()).as("not below d2")
        .isEmpty();
    assertThat(streamed.results.stream().filter(r -> r.subjectId().equals("n2")).findFirst().orElseThrow())
        .isEqualTo(n2);
  }

  @Test
  void should_keep_parts_of_whole_trees_when_a_quota_groups_by_an_ancestor() throws IOException {
    // GIVEN grouped by district and task group: d1's group is m1 alone (⌊0.5⌋ = 0 A), d2's 3 members allow 1
    LoadedPack pack = pack("{band: A, max-percent: 50, group-by: [{ancestor: district}, {attribute: task-group}]}");
    Recorder recorder = new Recorder();

    // WHEN
    Report report = engine(pack, 1, 1).evaluate(request(), recorder);

    // THEN the report is one evaluation's, the listener saw every subject once and progress part by part
    Report single = engine(pack, 1000, 1000).evaluate(request());
    assertThat(ratings(report)).isEqualTo(ratings(single)).containsEntry("m1", "B").containsEntry("n1", "A");
    assertThat(report).isEqualTo(single);
    assertThat(recorder.results).extracting(SubjectResult::subjectId)
        .containsExactlyInAnyOrderElementsOf(single.subjects().stream().map(SubjectResult::subjectId).toList());
    assertThat(recorder.calls).first().isEqualTo("started 0/10 0/4");
    assertThat(recorder.calls).hasSizeGreaterThan(2).last().isEqualTo("10/10 4/4");
  }

  @Test
  void should_put_the_parentless_members_of_a_quota_in_one_part() throws IOException {
    // GIVEN grouped by the parent (the default): p1 and p2 form the parentless group, 2 rated → 1 A
    LoadedPack pack = pack("{band: A, max-percent: 50}");

    // WHEN
    Report report = engine(pack, 1, 1).evaluate(request());

    // THEN p1 keeps A, as in one evaluation (alone in a part it would have been lowered)
    assertThat(report).isEqualTo(engine(pack, 1000, 1000).evaluate(request()));
    assertThat(ratings(report)).containsEntry("p1", "A");
  }

  @Test
  void should_give_one_evaluations_report_in_parts_for_random_requests() throws IOException {
    LoadedPack pack = pack("{band: A, max-percent: 30}");
    DefaultRulesEngine whole = engine(pack, Integer.MAX_VALUE, Long.MAX_VALUE);
    for (long seed = 1; seed <= 40; seed++) {
      EvaluationRequest request = random(new Random(seed));
      Random sizes = new Random(seed * 31);
      DefaultRulesEngine parted = engine(pack, 1 + sizes.nextInt(8), 1 + sizes.nextInt(20), 1 + sizes.nextInt(4));

      assertThat(parted.evaluate(request)).as("seed %d", seed).isEqualTo(whole.evaluate(request));
    }
  }

  /** Districts, units, officers (some parentless, some of a unit not given), points, late events, bad facts. */
  private static EvaluationRequest random(Random random) {
    EvaluationRequest.Builder request = EvaluationRequest.builder(LocalDate.of(2025, 6, 30));
    if (random.nextBoolean()) {
      request.period(Period.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
    }
    int districts = 1 + random.nextInt(3);
    List<String> units = new ArrayList<>();
    for (int d = 0; d < districts; d++) {
      request.subject(Subject.of("d" + d, "district"));
      for (int u = 0; u < 1 + random.nextInt(3); u++) {
        String unit = "u" + d + "-" + u;
        units.add(unit);
        request.subject(Subject.of(unit, "unit").withParent("d" + d));
      }
    }
    units.add("missing-unit");
    if (random.nextInt(3) == 0) { // a cycle of parents, which intake reports; parts must not split it
      request.subject(Subject.of("loop-a", "unit").withParent("loop-b"));
      request.subject(Subject.of("loop-b", "unit").withParent("loop-a"));
      units.add("loop-a");
    }
    int officers = random.nextInt(40);
    for (int o = 0; o < officers; o++) {
      String id = "o" + random.nextInt(1000);
      Subject officer = Subject.of(id, "officer").withAttribute("task-group", "g" + random.nextInt(2));
      request.subject(random.nextInt(6) == 0 ? officer : officer.withParent(units.get(random.nextInt(units.size()))));
      request.observation(Observation.of(id, "points", random.nextInt(12) == 0 ? "many" : random.nextInt(101)));
      for (int e = 0; e < random.nextInt(4); e++) {
        request.event(Event.verified(random.nextInt(15) == 0 ? "nobody" : id, "late", LocalDate.of(2025, 6, 1 + e)));
      }
    }
    return request.build();
  }

  @Test
  void should_evaluate_a_stream_of_units_as_one_request_with_rankings_merged() throws IOException {
    // GIVEN the request, and the same facts as a stream of one part per district and one for the parentless
    LoadedPack pack = pack("{band: A, max-percent: 50, group-by: [{ancestor: district}, {attribute: task-group}]}");
    DefaultRulesEngine engine = engine(pack, 1000, 1000, 2); // two parts at once; the listener sees them in order
    Report single = engine.evaluate(request());
    List<EvaluationRequest> parts = new ArrayList<>();
    for (String district : List.of("d1", "d2", "")) {
      EvaluationRequest.Builder part = EvaluationRequest.builder(LocalDate.of(2025, 6, 30));
      request().subjects().stream().filter(s -> district.equals(districtOf(s))).forEach(part::subject);
      request().observations().stream().filter(o -> request().subjects().stream()
          .anyMatch(s -> s.id().equals(o.subjectId()) && district.equals(districtOf(s)))).forEach(part::observation);
      parts.add(part.build());
    }
    Recorder recorder = new Recorder();

    // WHEN
    Report streamed = engine.evaluate(parts.iterator(), recorder);

    // THEN every subject's result went to the listener, as in one evaluation; the report holds the rankings
    assertThat(streamed.subjects()).isEmpty();
    assertThat(recorder.results).extracting(SubjectResult::subjectId)
        .containsExactlyElementsOf(List.of("d1", "m1", "u1", "d2", "n1", "n2", "n3", "u2", "p1", "p2"));
    assertThat(recorder.results).containsExactlyInAnyOrderElementsOf(single.subjects());
    assertThat(streamed.rankings()).isEqualTo(single.rankings());
    assertThat(streamed.provenance()).isEqualTo(single.provenance());
    assertThat(recorder.calls).containsExactly("started 0/-1 0/-1", "3/-1 1/-1", "8/-1 2/-1", "10/-1 4/-1");
  }

  private static String districtOf(Subject subject) {
    return switch (subject.id().charAt(0)) {
      case 'd' -> subject.id();
      case 'u' -> subject.parentId();
      case 'm' -> "d1";
      case 'n' -> "d2";
      default -> "";
    };
  }

  @Test
  void should_refuse_a_unit_given_in_two_parts_naming_it_and_both_parts() throws IOException {
    DefaultRulesEngine engine = engine(pack("{band: A, max-percent: 50}"), 1000, 1000);
    EvaluationRequest first = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("u1", "unit")).subject(Subject.of("o1", "officer").withParent("u1")).build();
    EvaluationRequest again = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("o2", "officer").withParent("u1")).build();

    IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class,
        () -> engine.evaluate(List.of(first, again).iterator(), EvaluationListener.NONE));

    assertThat(error).hasMessage("unit 'u1' is in part 2 of the stream and already was in part 1 [Hint: give each"
        + " unit with every subject below it, and their events and observations, in one part: sort the input by unit]");
  }

  @Test
  void should_refuse_parts_with_another_date_and_an_empty_stream() throws IOException {
    DefaultRulesEngine engine = engine(pack("{band: A, max-percent: 50}"), 1000, 1000);
    Iterator<EvaluationRequest> parts = List.of(EvaluationRequest.builder(LocalDate.of(2025, 6, 30)).build(),
        EvaluationRequest.builder(LocalDate.of(2025, 7, 31)).build()).iterator();

    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> engine.evaluate(parts, EvaluationListener.NONE)))
        .hasMessageStartingWith("part 2 of the stream is decided on 2025-07-31, but part 1 is decided on 2025-06-30");
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> engine.evaluate(List.<EvaluationRequest>of().iterator(), EvaluationListener.NONE)))
        .hasMessageStartingWith("the stream of parts is empty");
  }

  @Test
  void should_refuse_a_parallelism_below_one() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> vn.conduct.rules.api.RulesEngine.builder().parallelism(0)))
        .hasMessage("parallelism must be at least 1, but was 0 [Hint: 1 evaluates on the caller's thread only]");
  }

  @Test
  void should_rank_merged_parts_as_one_evaluation_ranks() {
    Ranking a = Ranking.of("p", "c", "", List.of(Ranking.Entry.of(1, "x", BigDecimal.TEN, "A"),
        Ranking.Entry.of(2, "y", BigDecimal.ONE, "C")), List.of("u2"));
    Ranking b = Ranking.of("p", "c", "", List.of(Ranking.Entry.of(1, "w", BigDecimal.TEN, "A"),
        Ranking.Entry.of(2, "v", new BigDecimal("5"), "B")), List.of("u1"));

    Ranking merged = Rankings.merge(List.of(a, b)).get(0);

    assertThat(merged.entries()).extracting(e -> e.rank() + " " + e.subjectId())
        .containsExactly("1 w", "1 x", "3 v", "4 y");
    assertThat(merged.unranked()).containsExactly("u1", "u2");
  }
}
