package vn.conduct.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.testing.PackBuilder;

/** Descendants, the events of members and descendants, and aggregates nested one level (format 2). */
class ScopesTests {

  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  /** A ministry of departments of agencies of officers, in a format 2 pack. */
  private static final String MANIFEST = """
      format: 2
      id: %s
      version: 1.0.0
      title: {vi: Gói thử, en: Test pack}
      engine: ">=0.1.0 <1.0.0"
      sources:
        src: {number: "1/QĐ-TEST", title: {vi: Văn bản thử, en: Test document}}
      vocabulary:
        subject-types:
          ministry: {}
          department: {parent: ministry}
          agency:
            parent: department
          officer:
            parent: agency
            attributes:
              position: {type: string}
            indicators:
              n: {type: number}
        event-types:
          smoking: {subject-types: [officer]}
          audit: {subject-types: [agency]}
      """;

  @TempDir
  Path dir;

  private static PackBuilder pack(String id) {
    return PackBuilder.pack(id, "1.0.0").file("pack.yaml", MANIFEST.formatted(id));
  }

  private static Outcome outcome(Report report, String subject, String rule) {
    return report.subject(subject).orElseThrow().finding(rule).orElseThrow().outcome();
  }

  private static Event smoking(String officer, LocalDate day) {
    return new Event(null, officer, "smoking", day, true, Map.of());
  }

  @Test
  void should_agree_with_the_plain_reading_over_descendants_and_their_events() {
    // GIVEN rules over descendants, over members' and descendants' events
    RulesEngine engine = RulesEngine.builder().addPack(pack("scopes")
        .rule("r.staffed", "applies-to: [ministry, department]\nkind: requirement\n"
            + "condition: {count: {descendants: officer, where: {indicator: n, ge: 50}}, ge: 2}\n")
        .rule("r.share", "applies-to: [department]\nkind: requirement\n"
            + "condition: {share: {descendants: officer, where: {attribute: position, eq: leader}}, lt: 50}\n")
        .rule("r.green", "applies-to: [agency]\nkind: prohibition\n"
            + "condition: {count: {events: [smoking], about: {members: officer}, within: P12M}, ge: 1}\n")
        .rule("r.green-tree", "applies-to: [department]\nkind: prohibition\n"
            + "condition: {count: {events: [smoking], about: {descendants: officer}}, ge: 2}\n")
        .rule("r.audited", "applies-to: [ministry]\nkind: requirement\n"
            + "condition: {count: {events: [audit], about: {descendants: agency}, verified-only: false}, ge: 1}\n")
        .rule("r.repeat-smokers", "applies-to: [agency]\nkind: prohibition\n"
            + "condition: {count: {members: officer, where: {count: {events: [smoking], within: P12M}, ge: 2}}, ge: 1}\n")
        .rule("r.strong-agencies", "applies-to: [department]\nkind: requirement\n"
            + "condition: {share: {descendants: agency, where: {count: {members: officer, where:"
            + " {indicator: n, ge: 50}}, ge: 1}}, ge: 50}\n")
        .rule("r.best-non-smoker", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {max: {members: officer, of: {indicator: n}, where: {not: {count: {events: [smoking]},"
            + " ge: 1}}}, ge: 60}\n")
        .writeTo(dir)).build();
    Random random = new Random(11);
    EvaluationRequest.Builder request = EvaluationRequest.builder(AS_OF);
    for (int m = 0; m < 3; m++) {
      String ministry = "m" + m;
      request.subject(Subject.of(ministry, "ministry"));
      for (int d = random.nextInt(3); d > 0; d--) {
        String department = ministry + "d" + d;
        request.subject(Subject.of(department, "department").withParent(ministry));
        for (int a = random.nextInt(3); a > 0; a--) {
          String agency = department + "a" + a;
          request.subject(Subject.of(agency, "agency").withParent(department));
          if (random.nextBoolean()) {
            request.event(new Event(null, agency, "audit", AS_OF.minusDays(random.nextInt(60)), random.nextBoolean(),
                Map.of()));
          }
          for (int o = random.nextInt(4); o > 0; o--) {
            String officer = agency + "o" + o;
            Subject subject = Subject.of(officer, "officer").withParent(agency);
            if (random.nextInt(3) > 0) {
              subject = subject.withAttribute("position", random.nextBoolean() ? "leader" : "staff");
            }
            request.subject(subject);
            if (random.nextInt(3) > 0) {
              request.observation(Observation.of(officer, "n", random.nextInt(100)));
            }
            for (int e = random.nextInt(3); e > 0; e--) {
              request.event(smoking(officer, AS_OF.minusDays(random.nextInt(500))));
            }
          }
        }
      }
    }
    EvaluationRequest built = request.build();

    // WHEN
    List<String> mismatches = ((DefaultRulesEngine) engine).crossCheck(built);
    Report report = engine.evaluate(built);

    // THEN
    assertThat(mismatches).isEmpty();
    assertThat(report.subjects().stream().flatMap(s -> s.findings().stream()).map(f -> f.outcome()).distinct())
        .contains(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN);
  }

  @Test
  void should_count_the_events_of_members_only_of_the_subject_and_word_whose_they_are() {
    // GIVEN a green agency: none of its officers smoked in the last 12 months
    RulesEngine engine = RulesEngine.builder().addPack(pack("green")
        .rule("r.green", "applies-to: [agency]\nkind: prohibition\n"
            + "condition: {count: {events: [smoking], about: {members: officer}, within: P12M}, ge: 1}\n")
        .writeTo(dir)).build();

    // WHEN
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("smoky", "agency"))
        .subject(Subject.of("clean", "agency"))
        .subject(Subject.of("o1", "officer").withParent("smoky"))
        .subject(Subject.of("o2", "officer").withParent("clean"))
        .event(smoking("o1", LocalDate.of(2025, 3, 1)))
        .event(smoking("o2", LocalDate.of(2024, 6, 30)))
        .build());

    // THEN o2's event is older than 12 months back from 2025-06-30
    assertThat(outcome(report, "smoky", "r.green")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "clean", "r.green")).isEqualTo(Outcome.PASS);
    var reason = report.subject("smoky").orElseThrow().finding("r.green").orElseThrow().reason();
    assertThat(reason.in(Language.EN)).contains("number of verified events [smoking] of members of type 'officer'"
        + " in the last 12 months = 1");
    assertThat(reason.in(Language.VI)).contains("số sự kiện [smoking] đã xác minh của thành viên loại 'officer'"
        + " trong 12 tháng = 1");
  }

  @Test
  void should_count_the_members_whose_own_count_of_events_reaches_a_threshold() {
    // GIVEN an agency fails when two of its officers smoked twice or more
    RulesEngine engine = RulesEngine.builder().addPack(pack("nested")
        .rule("r.smokers", "applies-to: [agency]\nkind: prohibition\n"
            + "condition: {count: {members: officer, where: {count: {events: [smoking]}, ge: 2}}, ge: 2}\n")
        .writeTo(dir)).build();
    LocalDate june = LocalDate.of(2025, 6, 2);

    // WHEN
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("a", "agency"))
        .subject(Subject.of("b", "agency"))
        .subject(Subject.of("a1", "officer").withParent("a"))
        .subject(Subject.of("a2", "officer").withParent("a"))
        .subject(Subject.of("b1", "officer").withParent("b"))
        .subject(Subject.of("b2", "officer").withParent("b"))
        .event(smoking("a1", june)).event(smoking("a1", june))
        .event(smoking("a2", june)).event(smoking("a2", june)).event(smoking("a2", june))
        .event(smoking("b1", june)).event(smoking("b1", june))
        .event(smoking("b2", june))
        .build());

    // THEN a has two repeat smokers, b one
    assertThat(outcome(report, "a", "r.smokers")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "b", "r.smokers")).isEqualTo(Outcome.PASS);
    assertThat(report.subject("a").orElseThrow().finding("r.smokers").orElseThrow().reason().in(Language.EN))
        .contains("number of members of type 'officer' meeting the condition = 2");
  }

  @Test
  void should_refuse_nesting_deeper_than_one_level_or_inside_an_events_scope() {
    // GIVEN
    Path pack = pack("deep")
        .rule("r.deep", "applies-to: [department]\nkind: requirement\n"
            + "condition: {count: {members: agency, where: {count: {members: officer, where:"
            + " {count: {events: [smoking]}, ge: 1}}, ge: 1}}, ge: 1}\n")
        .rule("r.events", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {count: {events: [audit], where: {count: {members: officer}, ge: 1}}, ge: 1}\n")
        .rule("r.two", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {count: {members: officer, where: {all: [{count: {events: [smoking]}, ge: 1},"
            + " {count: {events: [smoking], within: all}, ge: 2}]}}, ge: 1}\n")
        .writeTo(dir);

    // WHEN
    InvalidRulePackException e = catchThrowableOfType(InvalidRulePackException.class,
        () -> RulesEngine.builder().addPack(pack).build());

    // THEN
    assertThat(e.issues()).extracting(i -> i.file() + ":" + i.path() + ": " + i.code() + ": " + i.message())
        .containsExactlyInAnyOrder(
            "rules/r.deep/rule.yaml:condition.count.where.count.where.count: condition.syntax: aggregates nest 1 level"
                + " deep: this one is inside the 'where' of an aggregate that is itself nested",
            "rules/r.events/rule.yaml:condition.count.where.count: condition.syntax: aggregates cannot be nested"
                + " inside the 'where' of an events scope",
            "rules/r.two/rule.yaml:condition.count.where.all[1].count: condition.syntax: a scope's 'where' holds at"
                + " most one aggregate");
  }

  @Test
  void should_refuse_a_descendant_type_that_does_not_descend_and_scopes_in_format_1() {
    // GIVEN
    Path pack = pack("bad")
        .rule("r.up", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {count: {descendants: department}, ge: 1}\n")
        .rule("r.about", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {count: {events: [smoking], about: {team: officer}}, ge: 1}\n")
        .rule("r.members-about", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {count: {members: officer, about: {members: officer}}, ge: 1}\n")
        .rule("r.wrong-events", "applies-to: [department]\nkind: requirement\n"
            + "condition: {count: {events: [audit], about: {members: agency}}, ge: 1}\n")
        .writeTo(dir);

    // WHEN
    InvalidRulePackException e = catchThrowableOfType(InvalidRulePackException.class,
        () -> RulesEngine.builder().addPack(pack).build());

    // THEN
    assertThat(e.issues()).extracting(i -> i.file() + ":" + i.path() + ": " + i.code() + ": " + i.message())
        .containsExactlyInAnyOrder(
            "rules/r.up/rule.yaml:condition.count.descendants: type.mismatch: subject type 'department' does not"
                + " descend from 'agency'",
            "rules/r.about/rule.yaml:condition.count.about: condition.syntax: 'about' takes {members: <type>} or"
                + " {descendants: <type>}, but was a mapping",
            "rules/r.members-about/rule.yaml:condition.count.about: condition.syntax: 'about' applies to events, not"
                + " members");
  }
}
