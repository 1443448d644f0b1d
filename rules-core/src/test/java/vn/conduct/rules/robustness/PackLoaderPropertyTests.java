package vn.conduct.rules.robustness;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.IncompatibleRulePackException;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.ValidationIssue;

/**
 * The pack loader, on generated packs (mostly near-valid), gives located errors or a pack; listing
 * the pack from its manifest refuses only packs the loader refuses, and describes an accepted pack as
 * the engine does; a pack it accepts builds into an engine, and that engine evaluates random facts with every subject accounted
 * for: a result, or a fact problem saying why it was ignored.
 *
 * <p>Tries per build: 400 (about 10 s); {@code -Dconduct.properties.scale=100} for a long run.
 */
class PackLoaderPropertyTests {

  @Test
  void generated_packs_load_into_a_working_engine_or_give_located_errors() {
    PropertyCheck.forAll("pack-loader", PackGen.packs())
        .tries(400)
        .describedBy(PackGen.Pack::toString)
        .within(Duration.ofSeconds(60))
        .allocatingAtMost(pack -> 1L << 30)
        .check(pack -> {
          MemoryPackSource source = new MemoryPackSource("generated", pack.files());
          List<ValidationIssue> issues = Readers.check(source);
          boolean refused = issues.stream().anyMatch(i -> i.severity() == ValidationIssue.Level.ERROR);
          Readers.assertLocated(issues, refused, pack.files());
          PropertyCheck.label(refused ? "refused with located errors" : "loaded and evaluated");
          List<RulePackInfo> described = null;
          try {
            described = RulesEngine.builder().addPack(source).describe();
          } catch (InvalidRulePackException | IncompatibleRulePackException e) {
            // listing refuses only what the full load refuses
            if (!refused) {
              throw new AssertionError("describe() refused a pack build() accepts: " + e.getMessage(), e);
            }
          }
          if (!refused) {
            RulesEngine engine = RulesEngine.builder().addPack(source).build();
            if (!engine.packs().equals(described)) {
              throw new AssertionError("describe() gave " + described + " but the engine " + engine.packs());
            }
            evaluate(engine, new Random(pack.files().keySet().hashCode() * 31L
                + java.util.Arrays.deepHashCode(pack.files().values().toArray())));
          }
        });
  }

  /** Evaluates random facts and checks that every subject is accounted for and every reason renders. */
  static void evaluate(RulesEngine engine, Random random) {
    List<String> types = List.of("agency0", "officer0", "team1", "ward1", "agency1", "officer2", "team2", "nobody");
    List<Subject> subjects = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      for (String name : List.of("a-string-0", "a-number-0", "a-boolean-1", "a-date-2", "a-string-1")) {
        if (random.nextBoolean()) {
          attributes.put(name, value(random));
        }
      }
      String id = "s" + i;
      subjects.add(new Subject(id, Gen.pick(random, types), null, i > 0 && random.nextBoolean() ? "s0" : null,
          attributes));
      for (String indicator : List.of("i-number-0", "i-boolean-1", "i-string-2", "i-date-0")) {
        if (random.nextBoolean()) {
          observations.add(Observation.of(id, indicator, random.nextInt(5) == 0 ? null : value(random)));
        }
      }
      if (random.nextBoolean()) {
        events.add(new Event("e" + i, id, Gen.pick(random, "ev0", "ev1", "ev9"), LocalDate.of(2024, 6, 1 + i),
            random.nextBoolean(), random.nextBoolean() ? Map.of("amount", value(random)) : Map.of()));
      }
    }
    EvaluationRequest request = EvaluationRequest.builder(LocalDate.of(2024, 6, 30)).subjects(subjects)
        .observations(observations).events(events).build();
    Report report = engine.evaluate(request);
    long ignored = report.factProblems().stream().filter(p -> p.kind().equals("subject") && p.field().equals("type"))
        .count();
    if (report.subjects().size() + ignored != subjects.size()) {
      throw new AssertionError(subjects.size() + " subjects, but " + report.subjects().size() + " results and "
          + ignored + " ignored subjects: " + report.factProblems());
    }
    for (SubjectResult result : report.subjects()) {
      for (Finding finding : result.findings()) {
        if (finding.outcome() == null || finding.reason() == null
            || finding.reason().in(vn.conduct.rules.api.Language.EN).isBlank()) {
          throw new AssertionError("finding without outcome or reason: " + finding);
        }
      }
    }
  }

  private static Object value(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> "a";
      case 1 -> new BigDecimal(random.nextInt(200) - 50);
      case 2 -> random.nextBoolean();
      case 3 -> LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28));
      case 4 -> Gen.pick(random, "80", "true", "2024-02-30", "", "NaN", "1e400", "c");
      case 5 -> Gen.pick(random, Double.NaN, Double.POSITIVE_INFINITY, -0.0, Long.MAX_VALUE, 1e-300);
      default -> "b";
    };
  }
}
