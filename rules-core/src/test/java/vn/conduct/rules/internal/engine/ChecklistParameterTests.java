package vn.conduct.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;

/** A host overrides the parameters a checklist takes; the checklist is bound again and checked. */
class ChecklistParameterTests {

  private static final Path PACK = Path.of("../specs/conformance/cases/scoring/parameters-in-checklist/pack");

  private static EvaluationRequest officer(boolean b, int lateEvents) {
    EvaluationRequest.Builder request = EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .subject(Subject.of("o1", "officer"))
        .observation(Observation.of("o1", "a", true))
        .observation(Observation.of("o1", "b", b));
    for (int i = 1; i <= lateEvents; i++) {
      request.event(Event.verified("o1", "late", LocalDate.of(2025, 6, i)));
    }
    return request.build();
  }

  /** The officer's score; the engines below let the A quota keep every A (a lone officer is a group of one). */
  private static ChecklistScore grade(RulesEngine engine, EvaluationRequest request) {
    java.util.List<ChecklistScore> scores = new java.util.ArrayList<>();
    engine.evaluate(request, result -> scores.addAll(result.scores()));
    return scores.get(0);
  }

  @Test
  void should_score_with_the_hosts_values_where_the_checklist_takes_parameters() {
    RulesEngine defaults = RulesEngine.builder().addPack(PACK).parameter("conf-checklist-params", "quota-a", 100)
        .build();
    RulesEngine tuned = RulesEngine.builder().addPack(PACK)
        .parameter("conf-checklist-params", "quota-a", 100)
        .parameter("conf-checklist-params", "band-a-min", 95)
        .parameter("conf-checklist-params", "late-points", "2.5")
        .parameter("conf-checklist-params", "late-max", 10)
        .build();

    // defaults: 2 × 4 = 8, capped at 6 → 94 (A from 90); tuned: 2 × 2.5 = 5 → 95 (A from 95)
    assertThat(grade(defaults, officer(true, 2))).satisfies(score -> {
      assertThat(score.score()).isEqualByComparingTo("94");
      assertThat(score.rating()).isEqualTo("A");
    });
    assertThat(grade(tuned, officer(true, 2))).satisfies(score -> {
      assertThat(score.score()).isEqualByComparingTo("95");
      assertThat(score.rating()).isEqualTo("A");
    });
    // four late events: 4 × 2.5 = 10, within the tuned cap of 10 → 90 → B (A needs 95 now)
    assertThat(grade(tuned, officer(true, 4))).satisfies(score -> {
      assertThat(score.score()).isEqualByComparingTo("90");
      assertThat(score.rating()).isEqualTo("B");
    });
    assertThat(tuned.checklists().get(0).bands().get(0).min()).isEqualByComparingTo("95");
  }

  @Test
  void should_refuse_an_override_that_makes_the_checklist_invalid_naming_the_pack_and_parameter() {
    IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class,
        () -> RulesEngine.builder().addPack(PACK).parameter("conf-checklist-params", "band-a-min", -5).build());

    assertThat(error.getMessage())
        .startsWith("Pack 'conf-checklist-params' with parameters [band-a-min] set to [-5]: checklist grade is invalid")
        .contains("bands[1].min: bands are listed best first, so min 0 must be below the previous band's -5");
  }
}
