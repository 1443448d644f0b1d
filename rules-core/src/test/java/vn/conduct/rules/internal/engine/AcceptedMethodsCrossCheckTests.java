package vn.conduct.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Evidence;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.FindingFact;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.testing.PackBuilder;

/**
 * Accepted methods keep the differential invariant: on random facts recorded by random methods, the
 * compiled rules (method slots and the event constraint) and the plain-Java reading agree, and a rule
 * accepting some methods differs from the same rule accepting all exactly where facts were set aside.
 */
class AcceptedMethodsCrossCheckTests {

  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  private static final String[] METHODS = {"inspection", "citizen-report", "self-report", null};

  @TempDir
  Path dir;

  @Test
  void compiled_rules_and_the_reference_reading_agree_on_random_methods() {
    String[] conditions = {
        "kind: prohibition\ncondition: {count: {events: [late], within: period}, ge: 1}\n",
        "kind: requirement\ncondition: {all: [{indicator: badge-worn, eq: true}, {indicator: n, ge: 50}]}\n",
        "kind: prohibition\ncondition: {any: [{count: {events: [late, fine], within: P12M}, ge: 2}, {indicator: signed, eq: false}]}\n",
    };
    PackBuilder pack = PackBuilder.format2("methods", "1.0.0").manifest(m -> m.replace("vocabulary:\n  subject-types:", """
        vocabulary:
          methods:
            inspection: {title: {vi: Kiểm tra, en: Inspection}}
            citizen-report: {title: {vi: Phản ánh, en: Citizen report}}
            self-report: {title: {vi: Tự báo cáo, en: Self-report}}
          subject-types:"""));
    for (int c = 0; c < conditions.length; c++) {
      pack.rule("any." + c, "applies-to: [officer]\n" + conditions[c]);
      pack.rule("some." + c, "applies-to: [officer]\naccepted-methods: [inspection, citizen-report]\n" + conditions[c]);
    }
    pack.rule("any.share", "applies-to: [agency]\nkind: requirement\n"
        + "condition: {share: {members: officer, where: {indicator: signed, eq: true}}, ge: 60}\n");
    pack.rule("some.share", "applies-to: [agency]\nkind: requirement\naccepted-methods: [inspection]\n"
        + "condition: {share: {members: officer, where: {indicator: signed, eq: true}}, ge: 60}\n");
    pack.rule("some.members-late", "applies-to: [agency]\nkind: prohibition\naccepted-methods: [citizen-report]\n"
        + "condition: {count: {members: officer, where: {count: {events: [late], within: period}, ge: 1}}, ge: 1}\n");
    RulesEngine engine = RulesEngine.builder().addPack(pack.writeTo(dir)).build();

    Random random = new Random(14);
    EvaluationRequest.Builder request = EvaluationRequest.builder(AS_OF);
    for (int a = 0; a < 30; a++) {
      String agency = "a" + a;
      request.subject(Subject.of(agency, "agency"));
      for (int o = random.nextInt(5); o > 0; o--) {
        String id = agency + "-o" + o;
        request.subject(Subject.of(id, "officer").withParent(agency));
        for (String indicator : List.of("n", "badge-worn", "signed")) {
          for (int k = random.nextInt(3); k > 0; k--) {
            Object value = indicator.equals("n") ? random.nextInt(100) : random.nextBoolean();
            request.observation(new Observation(id, indicator, value, null, AS_OF.minusDays(random.nextInt(25)),
                METHODS[random.nextInt(METHODS.length)], null));
          }
        }
        for (int e = random.nextInt(4); e > 0; e--) {
          String method = METHODS[random.nextInt(METHODS.length)];
          request.event(new Event(null, id, random.nextBoolean() ? "late" : "fine", AS_OF.minusDays(random.nextInt(300)),
              random.nextInt(4) > 0, Map.of(), null, method == null ? null : Evidence.method(method)));
        }
      }
    }
    EvaluationRequest built = request.build();

    assertThat(((DefaultRulesEngine) engine).crossCheck(built)).isEmpty();
    Report report = engine.evaluate(built);
    int differ = 0;
    for (var result : report.subjects()) {
      for (Finding some : result.findings()) {
        if (!some.ruleId().startsWith("some.") || some.ruleId().equals("some.members-late")
            || some.ruleId().equals("some.share")) {
          continue; // members' observations are not listed (report-format.md, section 14.3)
        }
        Finding any = result.finding("any." + some.ruleId().substring(5)).orElseThrow();
        boolean setAside = some.facts().stream().anyMatch(f -> f.use() == FindingFact.Use.METHOD_NOT_ACCEPTED);
        if (some.outcome() != any.outcome()) {
          differ++;
          assertThat(setAside).as(result.subject().id() + " " + some.ruleId() + " differs without a fact set aside")
              .isTrue();
        }
      }
    }
    assertThat(differ).as("findings where setting facts aside changed the outcome").isGreaterThan(10);
    assertThat(report.subjects().stream().flatMap(s -> s.findings().stream())
        .filter(f -> f.ruleId().startsWith("some.")).map(Finding::outcome).distinct())
        .contains(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN);
  }
}
