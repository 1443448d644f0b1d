package vn.conduct.rules.testkit.assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;

/**
 * A small pack written to a temporary folder, and the facts the assertion tests evaluate.
 *
 * <p>Officers of unit {@code u1} are graded on {@code demo-grade} (points: task 60, badge 20, no
 * smoking 20; 5 points off per late arrival, at most 10; bands A ≥ 90, B ≥ 70, C ≥ 0; at most 50 %
 * of a unit's rated officers get A; ranked per {@code block}) and on {@code demo-conduct}
 * (weighted: badge and no smoking; ranked all together).
 *
 * <ul>
 *   <li>{@code o1}: task 95, badge, no event — 100, A, compliant.
 *   <li>{@code o2}: task 90, badge, one late arrival — 95, A.
 *   <li>{@code o3}: task 85, badge, two late arrivals — 90, A lowered to B by the quota.
 *   <li>{@code o4}: task 50, no badge, smoking — 0, C, fails everything.
 *   <li>{@code o5}: no task observation — UNKNOWN, unrated and unranked.
 * </ul>
 */
final class DemoPack {

  static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  static final String PACK_ID = "assert-demo";
  static final String VERSION = "1.2.0";

  private static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("pack.yaml", """
        format: 1
        id: assert-demo
        version: 1.2.0
        title: {vi: Gói thử khẳng định, en: Assertion demo pack}
        engine: ">=0.1.0 <1.0.0"
        sources:
          qd-522: {number: 522/QĐ-UBND, title: {vi: Quy tắc ứng xử, en: Code of conduct}}
        vocabulary:
          subject-types:
            agency:
              attributes:
                exceptional: {type: boolean}
            officer:
              parent: agency
              attributes:
                block: {type: string}
              indicators:
                task: {type: number, unit: percent}
                badge-worn: {type: boolean}
          event-types:
            smoking: {subject-types: [officer]}
            late: {subject-types: [officer]}
        """);
    FILES.put("rules/demo.task/rule.yaml", """
        id: demo.task
        title: {vi: Hoàn thành nhiệm vụ, en: Completes the tasks}
        source: {document: qd-522, article: Điều 5, clause: khoản 1, basis: read}
        applies-to: [officer]
        kind: requirement
        severity: major
        condition: {indicator: task, ge: 80}
        """);
    FILES.put("rules/demo.badge/rule.yaml", """
        id: demo.badge
        title: {vi: Đeo thẻ công chức, en: Wears the name badge}
        source: {document: qd-522, article: Điều 3, basis: summary}
        applies-to: [officer]
        kind: requirement
        severity: minor
        condition: {indicator: badge-worn, eq: true}
        """);
    FILES.put("rules/demo.no-smoking/rule.yaml", """
        id: demo.no-smoking
        title: {vi: Không hút thuốc lá nơi làm việc, en: No smoking at work}
        source: {document: qd-522, basis: inferred}
        applies-to: [officer]
        kind: prohibition
        severity: minor
        condition: {count: {events: [smoking], within: period}, ge: 1}
        """);
    FILES.put("checklists/demo-grade.yaml", """
        id: demo-grade
        title: {vi: Phiếu xếp loại, en: Grading sheet}
        subject-type: officer
        method: points
        items:
          - {rule: demo.task, points: 60}
          - {rule: demo.badge, points: 20}
          - {rule: demo.no-smoking, points: 20}
        deductions:
          - events: [late]
            points: 5
            max: 10
            title: {vi: Đi muộn, en: Late arrival}
        bands:
          - {id: A, min: 90, title: {vi: Loại A, en: Grade A}}
          - {id: B, min: 70, title: {vi: Loại B, en: Grade B}}
          - {id: C, min: 0, title: {vi: Loại C, en: Grade C}}
        quotas:
          - {band: A, max-percent: 50}
        ranking: {peer-group: block}
        """);
    FILES.put("checklists/demo-conduct.yaml", """
        id: demo-conduct
        title: {vi: Phiếu ứng xử, en: Conduct sheet}
        subject-type: officer
        method: weighted
        items:
          - {rule: demo.badge, weight: 1}
          - {rule: demo.no-smoking, weight: 1}
        bands:
          - {id: good, min: 75}
          - {id: poor, min: 0}
        ranking: {}
        """);
  }

  private DemoPack() { }

  /** Writes the pack to {@code directory} and returns it. */
  static Path writeTo(Path directory) {
    try {
      for (var entry : FILES.entrySet()) {
        Path file = directory.resolve(entry.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, entry.getValue());
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The facts described on this class. */
  static EvaluationRequest.Builder request() {
    return EvaluationRequest.builder(AS_OF)
        .subject(Subject.of("u1", "agency"))
        .subject(officer("o1", "north"))
        .subject(officer("o2", "north"))
        .subject(officer("o3", "north"))
        .subject(officer("o4", "south"))
        .subject(officer("o5", "south"))
        .observation(Observation.of("o1", "task", 95))
        .observation(Observation.of("o1", "badge-worn", true))
        .observation(Observation.of("o2", "task", 90))
        .observation(Observation.of("o2", "badge-worn", true))
        .event(Event.verified("o2", "late", AS_OF.minusDays(3)))
        .observation(Observation.of("o3", "task", 85))
        .observation(Observation.of("o3", "badge-worn", true))
        .event(Event.verified("o3", "late", AS_OF.minusDays(3)))
        .event(Event.verified("o3", "late", AS_OF.minusDays(4)))
        .observation(Observation.of("o4", "task", 50))
        .observation(Observation.of("o4", "badge-worn", false))
        .event(Event.verified("o4", "smoking", AS_OF.minusDays(10)))
        .observation(Observation.of("o5", "badge-worn", true));
  }

  private static Subject officer(String id, String block) {
    return Subject.of(id, "officer").withParent("u1").withAttribute("block", block);
  }

  /** Writes the pack to {@code directory} and builds an engine on it. */
  static RulesEngine engine(Path directory) {
    return RulesEngine.builder().addPack(writeTo(directory)).build();
  }

  /** Writes the pack to {@code directory}, builds an engine and evaluates the demo facts. */
  static Report evaluate(Path directory) {
    return engine(directory).evaluate(request().build());
  }

  /** Joins lines with the line separator AssertJ's {@code %n} stands for. */
  static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines);
  }
}
