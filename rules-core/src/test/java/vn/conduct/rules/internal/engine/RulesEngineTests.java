package vn.conduct.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.ChecklistInfo;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.IncompatibleRulePackException;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulePackConflictException;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.testing.PackBuilder;

class RulesEngineTests {

  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  @TempDir
  Path dir;

  private static Outcome outcome(Report report, String subject, String rule) {
    return report.subject(subject).orElseThrow().finding(rule).orElseThrow().outcome();
  }

  @Test
  void should_keep_two_thresholds_on_one_field_distinct() {
    // GIVEN the expression-id trap: same field, same operator, different constants
    RulesEngine engine = RulesEngine.builder().addPack(pack("trap", "1.0.0")
        .rule("r.low", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 10}\n")
        .rule("r.high", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 90}\n")
        .rule("r.high-again", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 90.0}\n")
        .rule("r.not-low", "applies-to: [officer]\nkind: requirement\ncondition: {not: {indicator: n, ge: 10}}\n")
        .writeTo(dir)).build();

    // WHEN
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer"))
        .observation(Observation.of("o1", "n", 50))
        .build());

    // THEN
    assertThat(outcome(report, "o1", "r.low")).isEqualTo(Outcome.PASS);
    assertThat(outcome(report, "o1", "r.high")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "o1", "r.high-again")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "o1", "r.not-low")).isEqualTo(Outcome.FAIL);
    assertThat(report.subject("o1").orElseThrow().finding("r.high").orElseThrow().reason().in(Language.EN))
        .isEqualTo("Not met: indicator 'n' = 50 (required ≥ 90) — 1/QĐ-TEST [read in source]");
  }

  @Test
  void should_refuse_a_number_too_long_to_read_at_a_bounded_cost_as_a_fact_problem() {
    // GIVEN numbers whose exact reading costs time growing with the square of their length
    RulesEngine engine = RulesEngine.builder().addPack(pack("long-numbers", "1.0.0")
        .rule("r.n", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 10}\n")
        .writeTo(dir)).build();
    String digits = "0." + "1".repeat(20_000);

    // WHEN given as text, as an exact decimal, and as a long but ordinary decimal
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer")).observation(Observation.of("o1", "n", digits))
        .subject(Subject.of("o2", "officer")).observation(Observation.of("o2", "n", new BigDecimal(digits)))
        .subject(Subject.of("o3", "officer"))
        .observation(Observation.of("o3", "n", new BigDecimal("12.500000000000000000000000000000")))
        .build());

    // THEN the first two are fact problems that say why, and the rule is in error on them
    assertThat(report.factProblems()).hasSize(2).allSatisfy(problem -> assertThat(problem.message())
        .contains("expected a number, but was '0.111").contains("(20002 characters)")
        .contains("(too long: a number is at most 100 characters)"));
    assertThat(outcome(report, "o1", "r.n")).isEqualTo(Outcome.ERROR);
    assertThat(outcome(report, "o2", "r.n")).isEqualTo(Outcome.ERROR);
    assertThat(outcome(report, "o3", "r.n")).isEqualTo(Outcome.PASS);
  }

  @Test
  void should_match_a_declared_value_typed_with_combining_marks_to_the_same_text_precomposed() {
    // GIVEN a pack that declares "Hà Nội" with a combining grave accent, and compares the precomposed spelling
    String decomposed = java.text.Normalizer.normalize("Hà Nội", java.text.Normalizer.Form.NFD);
    String composed = java.text.Normalizer.normalize("Hà Nội", java.text.Normalizer.Form.NFC);
    assertThat(decomposed).isNotEqualTo(composed);
    RulesEngine engine = RulesEngine.builder().addPack(pack("nfc-values", "1.0.0")
        .manifest(m -> m.replace("position: {type: string}",
            "position: {type: string}\n        city: {type: string, values: [\"" + decomposed + "\", Huế]}"))
        .rule("r.city", "applies-to: [officer]\nkind: requirement\ncondition: {attribute: city, eq: \"" + composed + "\"}\n")
        .writeTo(dir)).build();

    // WHEN officers give either spelling
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer").withAttribute("city", composed))
        .subject(Subject.of("o2", "officer").withAttribute("city", decomposed))
        .build());

    // THEN both are the declared value: no fact problem, and the rule passes for both
    assertThat(report.factProblems()).isEmpty();
    assertThat(outcome(report, "o1", "r.city")).isEqualTo(Outcome.PASS);
    assertThat(outcome(report, "o2", "r.city")).isEqualTo(Outcome.PASS);
  }

  @Test
  void should_compile_the_rules_on_the_first_evaluation_only_and_describe_packs_without_compiling() throws Exception {
    // GIVEN an engine built from a valid pack
    RulesEngine engine = RulesEngine.builder().addPack(pack("lazy", "1.0.0")
        .rule("r.n", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 10}\n")
        .writeTo(dir)).build();
    DefaultRulesEngine lazy = (DefaultRulesEngine) engine;

    // WHEN it is only described, THEN nothing is compiled
    assertThat(engine.packs()).hasSize(1);
    assertThat(engine.rules()).hasSize(1);
    assertThat(lazy.compiled()).isFalse();

    // WHEN eight threads evaluate at once, THEN each gets the same outcome from the one rule base
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Outcome>> outcomes = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        outcomes.add(pool.submit(() -> outcome(engine.evaluate(EvaluationRequest.builder(AS_OF)
            .subject(Subject.of("o1", "officer")).observation(Observation.of("o1", "n", 12)).build()), "o1", "r.n")));
      }
      for (java.util.concurrent.Future<Outcome> outcome : outcomes) {
        assertThat(outcome.get()).isEqualTo(Outcome.PASS);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(lazy.compiled()).isTrue();
    assertThat(lazy.openSessions()).isZero();
  }

  @Test
  void should_say_that_a_value_set_aside_as_out_of_range_was_given_when_a_rule_asks_whether_it_exists() {
    // GIVEN a format 2 pack whose indicator 'task' takes 0 to 100, and a rule that it exists
    RulesEngine engine = RulesEngine.builder().addPack(PackBuilder.format2("ranged", "1.0.0")
        .manifest(m -> m.replace("task: {type: number, unit: percent}",
            "task: {type: number, unit: percent, range: {min: 0, max: 100}}"))
        .rule("r.task-given", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, exists: true}\n")
        .writeTo(dir)).build();

    // WHEN one officer's value is 135 %, another's is missing
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer")).observation(Observation.of("o1", "task", 135))
        .subject(Subject.of("o2", "officer")).build());

    // THEN both fail (the value is treated as missing), and the reason says which was refused and why
    assertThat(outcome(report, "o1", "r.task-given")).isEqualTo(Outcome.FAIL);
    assertThat(report.subject("o1").orElseThrow().finding("r.task-given").orElseThrow().reason().en())
        .contains("had an invalid value '135'").contains("outside").contains("set aside as not observed");
    assertThat(report.subject("o1").orElseThrow().finding("r.task-given").orElseThrow().reason().vi())
        .contains("có giá trị không hợp lệ '135'");
    assertThat(report.subject("o2").orElseThrow().finding("r.task-given").orElseThrow().reason().en()).contains("was not observed");
  }

  @Test
  void should_keep_a_long_run_of_digits_in_a_facts_file_as_text() {
    assertThat(vn.conduct.rules.io.FactsReader.plainScalar("9".repeat(101))).isEqualTo("9".repeat(101));
    assertThat(vn.conduct.rules.io.FactsReader.plainScalar("9".repeat(100))).isEqualTo(new BigDecimal("9".repeat(100)));
    assertThat(vn.conduct.rules.io.FactsReader.plainScalar("2025-02-30")).isEqualTo("2025-02-30");
    assertThat(vn.conduct.rules.io.FactsReader.plainScalar("2025-02-28")).isEqualTo(LocalDate.of(2025, 2, 28));
  }

  @Test
  void should_keep_two_thresholds_whose_doubles_are_equal_distinct() {
    // GIVEN two constants with one nearest double: only their exact decimals differ
    RulesEngine engine = RulesEngine.builder().addPack(pack("exact-trap", "1.0.0")
        .rule("r.point-three", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, eq: 0.3}\n")
        .rule("r.a-bit-more", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {indicator: n, eq: 0.30000000000000001}\n")
        .writeTo(dir)).build();

    // WHEN
    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer")).observation(Observation.of("o1", "n", new BigDecimal("0.3")))
        .subject(Subject.of("o2", "officer"))
        .observation(Observation.of("o2", "n", new BigDecimal("0.30000000000000001")))
        .build());

    // THEN
    assertThat(outcome(report, "o1", "r.point-three")).isEqualTo(Outcome.PASS);
    assertThat(outcome(report, "o1", "r.a-bit-more")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "o2", "r.point-three")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "o2", "r.a-bit-more")).isEqualTo(Outcome.PASS);
  }

  @Test
  void should_describe_every_rule_and_checklist_with_thresholds_resolved() {
    RulesEngine engine = RulesEngine.builder().addPack(pack("described", "1.0.0")
        .rule("d.task", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: task, ge: {param: target}}\n")
        .rule("d.mixed", "applies-to: [officer]\nkind: requirement\nwhen: {attribute: position, eq: staff}\n"
            + "condition: {all: [{indicator: n, between: [1, 5]}, {indicator: badge-worn, eq: true}]}\n")
        .rule("d.draft", "applies-to: [officer]\nkind: prohibition\nenabled: false\n"
            + "condition: {count: {events: [late], within: period}, ge: 1}\n")
        .file("checklists/d-list.yaml", """
            id: d-list
            title: {vi: Phiếu, en: Sheet}
            subject-type: officer
            items:
              - {rule: d.task, points: 60}
              - {rule: d.mixed, points: 40}
            bands:
              - {id: A, min: 90, title: {vi: Tốt, en: Good}}
              - {id: B, min: 0}
            """)
        .writeTo(dir)).parameter("described", "target", 75).build();

    assertThat(engine.rules()).extracting(RuleInfo::ruleId).containsExactly("d.draft", "d.mixed", "d.task");
    RuleInfo task = engine.rules().get(2);
    assertThat(task.enabled()).isTrue();
    assertThat(task.conditional()).isFalse();
    assertThat(task.thresholds()).containsExactly(
        RuleInfo.Threshold.of("indicator", "task", "ge", List.of(new BigDecimal("75")), true));
    RuleInfo mixed = engine.rules().get(1);
    assertThat(mixed.conditional()).isTrue();
    assertThat(mixed.thresholds()).singleElement()
        .satisfies(t -> assertThat(t.operator()).isEqualTo("between"))
        .satisfies(t -> assertThat(t.whole()).isFalse());
    assertThat(engine.rules().get(0).enabled()).isFalse();
    assertThat(engine.checklists()).singleElement().satisfies(list -> {
      assertThat(list.items()).extracting(ChecklistInfo.Item::ruleId).containsExactly("d.task", "d.mixed");
      assertThat(list.bands()).extracting(ChecklistInfo.Band::id).containsExactly("A", "B");
    });
  }

  @Test
  void should_give_renderers_the_titles_of_a_ranking_groups() {
    RulesEngine engine = RulesEngine.builder().addPack(pack("grouped", "1.0.0")
        .file("pack.yaml", PackBuilder.MANIFEST.formatted("grouped", "1.0.0", "").replace(
            "        block: {type: string}\n",
            "        block:\n          type: string\n          title: {vi: Khối, en: Block}\n"
                + "          values: {commune: {title: {vi: xã, en: commune}}, department: }\n"))
        .rule("g.sipas", "applies-to: [agency]\nkind: criterion\ncondition: {indicator: sipas, ge: 80}\n")
        .file("checklists/g-list.yaml", """
            id: g-list
            title: {vi: Phiếu, en: Sheet}
            subject-type: agency
            items: [{rule: g.sipas, points: 10}]
            bands: [{id: A, min: 0}]
            ranking: {peer-group: block}
            """)
        .file("checklists/h-list.yaml", """
            id: h-list
            title: {vi: Phiếu, en: Sheet}
            subject-type: agency
            items: [{rule: g.sipas, points: 10}]
            bands: [{id: A, min: 0}]
            """)
        .writeTo(dir)).build();

    ChecklistInfo.PeerGroup group = engine.checklists().get(0).peerGroup();
    assertThat(group.attribute()).isEqualTo("block");
    assertThat(group.title().in(Language.VI)).isEqualTo("Khối");
    assertThat(group.groupTitle("commune").in(Language.VI)).isEqualTo("xã");
    assertThat(group.groupTitle("department").in(Language.VI)).isEqualTo("department");
    assertThat(engine.checklists().get(1).peerGroup()).isNull();
  }

  @Test
  void should_word_a_prohibition_as_the_breach_it_describes() {
    RulesEngine engine = RulesEngine.builder().addPack(pack("breach", "1.0.0")
        .rule("p.no-badge", "applies-to: [officer]\nkind: prohibition\ncondition: {indicator: badge-worn, eq: false}\n")
        .writeTo(dir)).build();

    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer")).observation(Observation.of("o1", "badge-worn", false))
        .subject(Subject.of("o2", "officer")).observation(Observation.of("o2", "badge-worn", true))
        .build());

    assertThat(report.subject("o1").orElseThrow().finding("p.no-badge").orElseThrow().reason().in(Language.EN))
        .isEqualTo("Violation: indicator 'badge-worn' = false (breach when = false) — 1/QĐ-TEST [read in source]");
    assertThat(report.subject("o2").orElseThrow().finding("p.no-badge").orElseThrow().reason().in(Language.VI))
        .isEqualTo("Không vi phạm: chỉ số 'badge-worn' = true (vi phạm khi = false) — 1/QĐ-TEST [đọc từ văn bản]");
  }

  @Test
  void should_agree_with_a_plain_java_reading_of_every_rule_on_random_facts() {
    RulesEngine engine = RulesEngine.builder().addPack(pack("mixed", "1.0.0")
        .rule("r.any", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {any: [{indicator: n, lt: 30}, {attribute: position, in: [leader, deputy]}]}\n")
        .rule("r.all-not", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {all: [{indicator: badge-worn, eq: true}, {not: {indicator: task, between: [40, 60]}}]}\n")
        .rule("r.when", "applies-to: [officer]\nkind: requirement\nwhen: {attribute: position, eq: leader}\n"
            + "condition: {indicator: signed, eq: true}\n")
        .rule("r.repeat", "applies-to: [officer]\nkind: prohibition\n"
            + "condition: {all: [{count: {events: [late], within: P12M}, ge: 2}, {indicator: n, ge: 50}]}\n")
        .rule("r.fines", "applies-to: [officer]\nkind: prohibition\n"
            + "condition: {sum: {events: [fine], of: {attribute: amount}, verified-only: false}, gt: 100}\n")
        .rule("r.exists", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {any: [{indicator: task, exists: true}, {attribute: born, lt: 1980-01-01}]}\n")
        .rule("r.share", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {share: {members: officer, where: {indicator: signed, eq: true}}, ge: 60}\n")
        .rule("r.max", "applies-to: [agency]\nkind: requirement\n"
            + "condition: {any: [{max: {members: officer, of: {indicator: n}}, le: 80}, {indicator: sipas, ge: 90}]}\n")
        .rule("r.outside", "applies-to: [officer]\nkind: prohibition\n"
            + "condition: {all: [{indicator: task, not-between: [30, 70]}, {not: {indicator: n, in: [10, 20, 30]}}]}\n")
        .rule("r.sum-range", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {sum: {events: [fine], of: {attribute: amount}, within: all}, not-between: [50, 100]}\n")
        .writeTo(dir)).build();
    Random random = new Random(42);
    EvaluationRequest.Builder request = EvaluationRequest.builder(AS_OF);
    String[] positions = {"leader", "deputy", "staff", null};
    for (int a = 0; a < 40; a++) {
      String agency = "a" + a;
      Subject unit = Subject.of(agency, "agency");
      request.subject(unit);
      if (random.nextBoolean()) {
        request.observation(Observation.of(agency, "sipas", random.nextInt(100)));
      }
      int staff = random.nextInt(5);
      for (int o = 0; o < staff; o++) {
        String id = agency + "-o" + o;
        Subject officer = Subject.of(id, "officer").withParent(agency);
        String position = positions[random.nextInt(positions.length)];
        if (position != null) {
          officer = officer.withAttribute("position", position);
        }
        if (random.nextInt(3) > 0) {
          officer = officer.withAttribute("born", LocalDate.of(1960 + random.nextInt(40), 1, 1));
        }
        request.subject(officer);
        for (String indicator : List.of("n", "task")) {
          if (random.nextInt(4) > 0) {
            request.observation(Observation.of(id, indicator, random.nextInt(100)));
          }
        }
        for (String indicator : List.of("badge-worn", "signed")) {
          if (random.nextInt(4) > 0) {
            request.observation(Observation.of(id, indicator, random.nextBoolean()));
          }
        }
        for (int e = random.nextInt(4); e > 0; e--) {
          request.event(new Event(null, id, random.nextBoolean() ? "late" : "fine",
              AS_OF.minusDays(random.nextInt(500)), random.nextBoolean(), Map.of("amount", random.nextInt(80))));
        }
      }
    }
    EvaluationRequest built = request.build();

    List<String> mismatches = ((DefaultRulesEngine) engine).crossCheck(built);

    assertThat(mismatches).isEmpty();
    Report report = engine.evaluate(built);
    assertThat(report.subjects().stream().flatMap(s -> s.findings().stream()).map(f -> f.outcome()).distinct())
        .contains(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.NOT_APPLICABLE);
  }

  @Test
  void should_use_the_version_in_force_on_the_evaluation_date_unless_pinned() {
    Path v1 = pack("law", "1.0.0", "effective: {from: 2017-01-01, until: 2025-12-31}")
        .rule("r.sipas", "applies-to: [agency]\nkind: requirement\ncondition: {indicator: sipas, ge: 80}\n")
        .writeTo(dir.resolve("v1"));
    Path v2 = pack("law", "2.0.0", "effective: {from: 2026-01-01}")
        .rule("r.sipas", "applies-to: [agency]\nkind: requirement\ncondition: {indicator: sipas, ge: 95}\n")
        .writeTo(dir.resolve("v2"));
    RulesEngine engine = RulesEngine.builder().addPack(v2).addPack(v1).build();

    Report in2025 = engine.evaluate(request(LocalDate.of(2025, 6, 30)).build());
    Report in2026 = engine.evaluate(request(LocalDate.of(2026, 3, 31)).build());
    Report pinned = engine.evaluate(request(LocalDate.of(2026, 3, 31)).pin("law", "1.0.0").build());

    assertThat(outcome(in2025, "a1", "r.sipas")).isEqualTo(Outcome.PASS);
    assertThat(in2025.provenance().packs()).singleElement()
        .satisfies(use -> assertThat(use.version()).isEqualTo("1.0.0"))
        .satisfies(use -> assertThat(use.pinned()).isFalse())
        .satisfies(use -> assertThat(use.digest()).hasSize(64));
    assertThat(outcome(in2026, "a1", "r.sipas")).isEqualTo(Outcome.FAIL);
    assertThat(in2026.provenance().packs().get(0).version()).isEqualTo("2.0.0");
    assertThat(outcome(pinned, "a1", "r.sipas")).isEqualTo(Outcome.PASS);
    assertThat(pinned.provenance().packs().get(0).pinned()).isTrue();
    assertThat(catchThrowable(() -> engine.evaluate(request(AS_OF).pin("law", "3.0.0").build())))
        .isInstanceOf(RulePackNotFoundException.class)
        .hasMessage("Rule pack 'law' has no version 3.0.0 [Hint: loaded versions are [1.0.0, 2.0.0]]");
    assertThat(catchThrowable(() -> engine.evaluate(request(AS_OF).pack("hanio").build())))
        .isInstanceOf(RulePackNotFoundException.class)
        .hasMessage("Rule pack not found: 'hanio' [Hint: loaded packs are [law]]");
  }

  private static EvaluationRequest.Builder request(LocalDate asOf) {
    return EvaluationRequest.builder(asOf)
        .subject(Subject.of("a1", "agency"))
        .observation(Observation.of("a1", "sipas", 90));
  }

  @Test
  void should_refuse_the_same_pack_version_twice_naming_both_sources() {
    Path one = pack("dup", "1.0.0").writeTo(dir.resolve("one"));
    Path two = pack("dup", "1.0.0").writeTo(dir.resolve("two"));

    Throwable thrown = catchThrowable(() -> RulesEngine.builder().addPack(one).addPack(two).build());

    assertThat(thrown).isInstanceOf(RulePackConflictException.class)
        .hasMessage("Rule pack 'dup' version 1.0.0 is supplied twice: by " + one + " and by " + two
            + " [Hint: remove one of them from the class path or the builder]");
  }

  @Test
  void should_refuse_two_packs_defining_the_same_rule_id_naming_both_files() {
    String body = "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n";
    Path one = pack("alpha", "1.0.0").rule("r.same", body).writeTo(dir.resolve("alpha"));
    Path two = pack("beta", "1.0.0").rule("r.same", body).writeTo(dir.resolve("beta"));

    Throwable thrown = catchThrowable(() -> RulesEngine.builder().addPack(one).addPack(two).build());

    assertThat(thrown).isInstanceOf(RulePackConflictException.class)
        .hasMessage("Rule 'r.same' is defined by pack 'alpha' (" + one + "/rules/r.same/rule.yaml) and by pack 'beta' ("
            + two + "/rules/r.same/rule.yaml) [Hint: rule ids are unique across packs; prefix them with the pack's code]");
  }

  @Test
  void should_refuse_a_pack_made_for_another_engine() throws Exception {
    Path packDir = pack("future", "1.0.0").writeTo(dir);
    Path manifest = packDir.resolve("pack.yaml");
    Files.writeString(manifest, Files.readString(manifest).replace("\">=0.1.0 <1.0.0\"", "\">=9.0.0\""));

    Throwable thrown = catchThrowable(() -> RulesEngine.builder().addPack(packDir).build());

    assertThat(thrown).isInstanceOf(IncompatibleRulePackException.class)
        .hasMessageStartingWith("pack 'future' 1.0.0 requires engine >=9.0.0, but this engine is 0.1.0");
  }

  @Test
  void should_report_every_invalid_pack_together() {
    Path bad1 = pack("bad1", "1.0.0").rule("r.x", "applies-to: [ghost]\nkind: requirement\n"
        + "condition: {indicator: n, ge: 1}\n").writeTo(dir.resolve("bad1"));
    Path bad2 = pack("bad2", "x").writeTo(dir.resolve("bad2"));

    Throwable thrown = catchThrowable(() -> RulesEngine.builder().addPack(bad1).addPack(bad2).build());

    assertThat(thrown).isInstanceOf(InvalidRulePackException.class);
    assertThat(((InvalidRulePackException) thrown).issues()).extracting(i -> i.code())
        .containsExactlyInAnyOrder("ref.unknown-subject-type", "field.constraint");
    assertThat(thrown.getMessage()).contains("(2 errors)").contains("bad1").contains("bad2");
  }

  @Test
  void should_dispose_every_session_and_give_equal_reports_from_concurrent_threads() throws Exception {
    RulesEngine engine = RulesEngine.builder().addPack(pack("conc", "1.0.0")
        .rule("r.repeat", "applies-to: [officer]\nkind: prohibition\n"
            + "condition: {count: {events: [late], within: P12M}, ge: 2}\n")
        .writeTo(dir)).build();
    EvaluationRequest.Builder builder = EvaluationRequest.builder(AS_OF);
    for (int i = 0; i < 2500; i++) {
      builder.subject(Subject.of("o" + i, "officer"));
      for (int e = 0; e < i % 3; e++) {
        builder.event(Event.verified("o" + i, "late", AS_OF.minusDays(10 + e)));
      }
    }
    EvaluationRequest request = builder.build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Report>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> engine.evaluate(request)));
      }
      List<Long> failures = new ArrayList<>();
      for (Future<Report> future : futures) {
        failures.add(future.get().subjects().stream().filter(s -> s.count(Outcome.FAIL) == 1).count());
      }
      assertThat(failures).containsOnly(833L);
    } finally {
      pool.shutdown();
    }
    assertThat(((DefaultRulesEngine) engine).openSessions()).isZero();
  }

  @Test
  void should_never_call_a_subject_without_applicable_rules_compliant() {
    RulesEngine engine = RulesEngine.builder().addPack(pack("none", "1.0.0")
        .rule("r.sipas", "applies-to: [agency]\nkind: requirement\ncondition: {indicator: sipas, ge: 80}\n")
        .writeTo(dir)).build();

    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer"))
        .subject(Subject.of("a1", "agency"))
        .subject(Subject.of("a2", "agency"))
        .observation(Observation.of("a2", "sipas", 85))
        .build());

    SubjectResult officer = report.subject("o1").orElseThrow();
    assertThat(officer.findings()).isEmpty();
    assertThat(officer.compliant()).isFalse();
    assertThat(report.subject("a1").orElseThrow().compliant()).isFalse();
    assertThat(report.subject("a2").orElseThrow().compliant()).isTrue();
  }

  @Test
  void should_give_error_where_an_undecided_rule_reads_a_value_of_the_wrong_type() {
    RulesEngine engine = RulesEngine.builder().addPack(pack("typed", "1.0.0")
        .rule("r.n", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 10}\n")
        .rule("r.either", "applies-to: [officer]\nkind: requirement\n"
            + "condition: {any: [{indicator: n, ge: 10}, {indicator: task, ge: 50}]}\n")
        .writeTo(dir)).build();

    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer"))
        .observation(Observation.of("o1", "n", "many"))
        .observation(Observation.of("o1", "task", 70))
        .build());

    SubjectResult o1 = report.subject("o1").orElseThrow();
    assertThat(o1.finding("r.n").orElseThrow().outcome()).isEqualTo(Outcome.ERROR);
    assertThat(o1.finding("r.n").orElseThrow().reason().in(Language.EN))
        .isEqualTo("Invalid value for indicator 'n': 'many' (expected a number) — 1/QĐ-TEST [read in source]");
    assertThat(o1.finding("r.either").orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    assertThat(o1.compliant()).isFalse();
  }

  @Test
  void should_report_facts_it_cannot_use() {
    RulesEngine engine = RulesEngine.builder().addPack(pack("facts", "1.0.0").writeTo(dir)).build();

    Report report = engine.evaluate(EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("o1", "officer").withAttribute("born", "yesterday"))
        .subject(Subject.of("x1", "spaceship"))
        .observation(Observation.of("o1", "mood", 3))
        .observation(Observation.of("o1", "n", "many"))
        .event(Event.verified("o9", "late", AS_OF))
        .build());

    assertThat(report.factProblems()).extracting(p -> p.kind() + "[" + p.index() + "]." + p.field() + ": " + p.message())
        .containsExactly(
            "subject[0].attributes.born: expected a date, but was 'yesterday'; rules that read it give ERROR",
            "subject[1].type: subject 'x1' has type 'spaceship', which no loaded pack declares; it is ignored",
            "observation[0].indicator: subject type 'officer' has no indicator 'mood'; the observation is ignored",
            "observation[1].value: expected a number, but was 'many'; rules that read it give ERROR",
            "event[0].subject: event about unknown subject 'o9'; it is ignored");
  }
}
