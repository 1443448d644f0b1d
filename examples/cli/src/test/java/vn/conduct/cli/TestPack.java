package vn.conduct.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small pack for the output and input tests: officers scored on one rule, ranked by group. */
final class TestPack {

  private TestPack() {
  }

  static Path write(Path directory) throws IOException {
    Path pack = directory.resolve("cli-out");
    Files.createDirectories(pack.resolve("rules/t.score"));
    Files.createDirectories(pack.resolve("checklists"));
    Files.writeString(pack.resolve("pack.yaml"), """
        format: 1
        id: cli-out
        version: 1.0.0
        title: {vi: Bộ thử, en: Test pack}
        engine: ">=0.1.0 <1.0.0"
        sources:
          src: {number: "1/2025/QĐ-TEST", title: {vi: Văn bản thử, en: Test document}}
        vocabulary:
          subject-types:
            officer:
              attributes:
                group: {type: string}
              indicators:
                score: {type: number, unit: points}
          event-types:
            late:
              title: {vi: Đi muộn, en: Late arrival}
              subject-types: [officer]
              attributes:
                minutes: {type: number}
        """, StandardCharsets.UTF_8);
    Files.writeString(pack.resolve("rules/t.score/rule.yaml"), """
        id: t.score
        title: {vi: "Điểm đạt từ 70", en: "Score at least 70"}
        source: {document: src, article: "2", basis: read}
        applies-to: [officer]
        kind: requirement
        severity: minor
        condition: {indicator: score, ge: 70}
        """, StandardCharsets.UTF_8);
    Files.writeString(pack.resolve("checklists/monthly.yaml"), """
        id: monthly
        title: {vi: Chấm điểm tháng, en: Monthly score}
        subject-type: officer
        items:
          - {rule: t.score, points: 100}
        deductions:
          - {events: [late], points: 20, title: {vi: Đi muộn, en: Late arrival}}
        bands:
          - {id: A, min: 90, title: {vi: Tốt, en: Good}}
          - {id: B, min: 50, title: {vi: Khá, en: Fair}}
          - {id: C, min: 0, title: {vi: Kém, en: Poor}}
        ranking: {peer-group: group}
        """, StandardCharsets.UTF_8);
    return pack;
  }
}
