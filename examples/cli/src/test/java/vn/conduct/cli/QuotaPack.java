package vn.conduct.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A format 2 pack for the quota tests: officers under units under districts, one quota on A as given. */
final class QuotaPack {

  private QuotaPack() {
  }

  /** Writes the pack to {@code pack} with the quota given in flow style ({@code {band: A, …}}). */
  static Path write(Path pack, String quota) throws IOException {
    Files.createDirectories(pack.resolve("rules/q.points"));
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
                party-member: {type: boolean}
              indicators:
                points: {type: number}
        """, StandardCharsets.UTF_8);
    Files.writeString(pack.resolve("rules/q.points/rule.yaml"), """
        id: q.points
        title: {vi: Điểm, en: Points}
        source: {document: src, basis: read}
        applies-to: [officer]
        kind: criterion
        severity: minor
        condition: {indicator: points, ge: 0}
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
        quotas:
          - %s
        """.formatted(quota), StandardCharsets.UTF_8);
    return pack;
  }
}
