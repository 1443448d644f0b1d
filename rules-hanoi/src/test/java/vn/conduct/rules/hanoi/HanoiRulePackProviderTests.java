package vn.conduct.rules.hanoi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;

class HanoiRulePackProviderTests {

  private static final RulesEngine ENGINE = RulesEngine.builder().discoverProviders().build();
  private static final LocalDate JUNE_END = LocalDate.of(2025, 6, 30);

  @Test
  void should_be_found_by_service_loader_with_every_pack_valid() {
    assertThat(ENGINE.packs()).as("one loaded version per folder the provider lists")
        .hasSameSizeAs(new HanoiRulePackProvider().packs());
    assertThat(ENGINE.packs()).extracting(RulePackInfo::id).contains("hanoi-522", "hanoi-3814", "hanoi-1665");
    assertThat(ENGINE.packs()).allSatisfy(info -> {
      assertThat(info.origin()).contains("rulepacks/");
      assertThat(info.digest()).hasSize(64);
      assertThat(info.ruleCount()).isPositive();
    });
  }

  @Test
  void should_list_every_pack_from_its_manifest_as_the_built_engine_does() throws java.io.IOException {
    // GIVEN every pack folder of this module, the frozen versions too, and the class path's providers
    RulesEngine.Builder folders = RulesEngine.builder();
    try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/rulepacks"))) {
      walk.filter(path -> path.getFileName().toString().equals("pack.yaml")).sorted()
          .forEach(manifest -> folders.addPack(manifest.getParent()));
    }

    // WHEN
    java.util.List<RulePackInfo> listed = folders.describe();
    java.util.List<RulePackInfo> discovered = RulesEngine.builder().discoverProviders().describe();

    // THEN ids, versions, dates, titles, counts and digests are those the engine gives after reading every rule
    assertThat(listed).hasSizeGreaterThan(ENGINE.packs().size()).isEqualTo(folders.build().packs());
    assertThat(discovered).isEqualTo(ENGINE.packs());
    // an overlay is listed composed with its base: the 30 rules it includes and its 3 own
    assertThat(discovered).filteredOn(p -> p.id().equals("hanoi-tayho-2020")).singleElement()
        .satisfies(p -> assertThat(p.ruleCount()).isEqualTo(33));
  }

  @Test
  void should_fail_repeated_late_arrival_within_twelve_months_and_cite_the_inferred_basis() {
    Report report = ENGINE.evaluate(EvaluationRequest.builder(JUNE_END)
        .pack("hanoi-522")
        .subject(new Subject("ubnd", "agency", "UBND", null, Map.of("block", "district")))
        .subject(new Subject("cb-1", "officer", "An", "ubnd", Map.of("position", "staff")))
        .event(Event.verified("cb-1", "late-arrival", LocalDate.of(2025, 6, 3)))
        .event(Event.verified("cb-1", "late-arrival", LocalDate.of(2024, 8, 20)))
        .build());

    var finding = report.subject("cb-1").orElseThrow().finding("hn522.late-arrival-repeat").orElseThrow();
    assertThat(finding.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(finding.reason().in(Language.VI)).contains("= 2").contains("522/QĐ-UBND")
        .contains("suy luận, không có nguồn");
    assertThat(report.subject("cb-1").orElseThrow().finding("hn522.late-arrival").orElseThrow().outcome())
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void should_leave_draft_only_norms_off_by_default() {
    Report report = ENGINE.evaluate(EvaluationRequest.builder(JUNE_END)
        .pack("hanoi-522")
        .subject(Subject.of("cb-1", "officer"))
        .build());

    assertThat(report.subject("cb-1").orElseThrow().findings()).extracting(f -> f.ruleId())
        .doesNotContain("hn522.visible-tattoo", "hn522.karaoke-in-hours", "hn522.cooking-in-office");
  }

  @Test
  void should_grade_a_fully_observed_officer_on_the_monthly_sheet() {
    EvaluationRequest.Builder request = EvaluationRequest.builder(JUNE_END)
        .pack("hanoi-3814")
        .subject(new Subject("ubnd", "agency", "UBND", null, Map.of("block", "district", "exceptional", false)))
        .subject(new Subject("cb-1", "officer", "An", "ubnd", Map.of("position", "staff")));
    for (String indicator : new String[] {"exemplary-compliance", "diligent-manner", "internal-unity",
        "badge-worn", "workplace-tidy", "dress-compliant"}) {
      request.observation(Observation.of("cb-1", indicator, true));
    }
    request.observation(Observation.of("cb-1", "capability-points", 18))
        .observation(Observation.of("cb-1", "task-completion", 96))
        .observation(Observation.of("cb-1", "bonus-points", 4));

    Report report = ENGINE.evaluate(request.build());

    ChecklistScore score = report.subject("cb-1").orElseThrow().score("hn3814-monthly").orElseThrow();
    assertThat(score.rated()).isTrue();
    // 20 (discipline and conduct) + 18 (capability) + 48 (0.5 × 96 % tasks) + 4 bonus
    assertThat(score.score()).isEqualByComparingTo("90");
    // alone in the unit: 30 % of one graded officer allows no A, so the quota lowers the A to B
    assertThat(score.rating()).isEqualTo("B");
    assertThat(score.adjustments()).extracting(a -> a.kind().name()).containsExactly("BONUS", "QUOTA");
    assertThat(score.adjustments().get(0).points()).isEqualTo(new java.math.BigDecimal("4"));
    assertThat(score.adjustments()).filteredOn(a -> a.kind().name().equals("QUOTA")).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(vn.conduct.rules.api.ScoreAdjustment.Kind.QUOTA);
      assertThat(a.fromRating()).isEqualTo("A");
      assertThat(a.toRating()).isEqualTo("B");
      assertThat(a.reason().in(Language.EN)).startsWith("Quota: at most 30% of 1 rated members 'ubnd' (0) may hold A");
    });
    assertThat(score.items()).filteredOn(i -> i.ruleId().equals("hn3814.task-completion"))
        .singleElement().satisfies(i -> assertThat(i.earned()).isEqualByComparingTo("48"));
  }
}
