package vn.conduct.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pack with a weighted checklist for desks (weights 5, 3 and 2), a deduction per complaint and a
 * veto rule that caps the score at 80; and facts for two desks.
 */
final class WeightedPack {

  private WeightedPack() {
  }

  static Path write(Path directory, String firstTitle) throws IOException {
    Path pack = directory.resolve("cli-weighted");
    Files.createDirectories(pack.resolve("checklists"));
    save(pack.resolve("pack.yaml"), """
        format: 1
        id: cli-weighted
        version: 1.0.0
        title: {vi: Bộ thử trọng số, en: Weighted test pack}
        engine: ">=0.1.0 <1.0.0"
        sources:
          src: {number: "2/2025/QĐ-TEST", title: {vi: Văn bản thử, en: Test document}}
        vocabulary:
          subject-types:
            desk:
              indicators:
                a: {type: boolean}
                b: {type: boolean}
                c: {type: boolean}
                v: {type: boolean}
          event-types:
            complaint:
              title: {vi: Phản ánh, en: Complaint}
              subject-types: [desk]
        """);
    rule(pack, "r.a", firstTitle, "a");
    rule(pack, "r.b", "Criterion B", "b");
    rule(pack, "r.c", "Criterion C", "c");
    rule(pack, "r.v", "No serious breach", "v");
    save(pack.resolve("checklists/desk.yaml"), """
        id: desk
        title: {vi: Phiếu bàn, en: Desk sheet}
        subject-type: desk
        method: weighted
        items:
          - {rule: r.a, weight: 5}
          - {rule: r.b, weight: 3}
          - {rule: r.c, weight: 2}
        deductions:
          - {events: [complaint], points: 5, max: 10, title: {vi: Phản ánh của người dân, en: Citizen complaints}}
        vetoes:
          - {rule: r.v, cap-score: 80, reason: {vi: Vi phạm nghiêm trọng, en: Serious breach}}
        bands:
          - {id: A, min: 90, title: {vi: Tốt, en: Good}}
          - {id: B, min: 60, title: {vi: Khá, en: Fair}}
          - {id: C, min: 0, title: {vi: Kém, en: Poor}}
        """);
    return pack;
  }

  private static void rule(Path pack, String id, String title, String indicator) throws IOException {
    Files.createDirectories(pack.resolve("rules/" + id));
    save(pack.resolve("rules/" + id + "/rule.yaml"), """
        id: %s
        title: {vi: "%s", en: "%s"}
        description: {vi: "Quan sát %s", en: "Observe %s"}
        source: {document: src, article: "1", basis: read}
        applies-to: [desk]
        kind: requirement
        severity: minor
        condition: {indicator: %s, eq: true}
        """.formatted(id, title, title, indicator, indicator, indicator));
  }

  /** d1 passes a and c, fails b and the veto rule, and has one complaint; d2 passes a, b and the veto rule. */
  static Path facts(Path directory, String name) throws IOException {
    Path facts = directory.resolve("desks.yaml");
    save(facts, """
        as-of: 2025-06-30
        subjects:
          - {id: d1, type: desk, name: "%s"}
          - {id: d2, type: desk}
        observations:
          - {subject: d1, indicator: a, value: true}
          - {subject: d1, indicator: b, value: false}
          - {subject: d1, indicator: c, value: true}
          - {subject: d1, indicator: v, value: false}
          - {subject: d2, indicator: a, value: true}
          - {subject: d2, indicator: b, value: true}
          - {subject: d2, indicator: c, value: false}
          - {subject: d2, indicator: v, value: true}
        events:
          - {subject: d1, type: complaint, date: 2025-06-10}
        """.formatted(name));
    return facts;
  }

  private static void save(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
