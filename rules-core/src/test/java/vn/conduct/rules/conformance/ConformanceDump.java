package vn.conduct.rules.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RollUp;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.ValidationIssue;

/**
 * Authoring aid, not a test: prints what this engine reports for case folders, in the shape of
 * {@code expected.yaml}, with reasons as comments. Never paste it blindly: check every value
 * against the format's semantics first (see the suite's README).
 *
 * <p>Usage: {@code java ... vn.conduct.rules.conformance.ConformanceDump <case-dir>...}
 */
public final class ConformanceDump {

  private ConformanceDump() { }

  public static void main(String[] args) {
    for (String arg : args) {
      Path dir = Path.of(arg);
      System.out.println("# ===== " + dir);
      try {
        dump(dir);
      } catch (RuntimeException e) {
        System.out.println("# FAILED: " + e);
      }
    }
  }

  private static void dump(Path dir) {
    ConformanceCase c = new ConformanceCase(dir.getParent().getFileName().toString(),
        dir.getFileName().toString(), dir);
    if (!Files.exists(dir.resolve("facts.yaml"))) {
      System.out.println("load-errors:");
      for (ValidationIssue i : RulesEngine.check(c.packDirs().get(0))) {
        System.out.println("  - {code: " + i.code() + ", file: " + i.file() + ", line: " + i.line() + ", column: "
            + i.column() + ", path: \"" + i.path() + "\"}   # " + i.severity() + " " + i.message());
      }
      return;
    }
    Report report = c.evaluate();
    System.out.println("outcomes:");
    for (SubjectResult s : report.subjects()) {
      StringBuilder line = new StringBuilder("  " + s.subjectId() + ": {");
      boolean first = true;
      for (Finding f : s.findings()) {
        line.append(first ? "" : ", ").append(f.ruleId()).append(": ").append(f.outcome());
        first = false;
      }
      System.out.println(line.append("}"));
      for (Finding f : s.findings()) {
        System.out.println("    # " + f.ruleId() + ": " + f.reason().in(Language.EN));
      }
    }
    System.out.println("compliant: {" + String.join(", ", report.subjects().stream()
        .map(s -> s.subjectId() + ": " + s.compliant()).toList()) + "}");
    System.out.println("scores:");
    for (SubjectResult s : report.subjects()) {
      for (ChecklistScore score : s.scores()) {
        System.out.println("  " + s.subjectId() + ": {" + score.checklistId() + ": "
            + ConformanceCase.describe(score) + "}");
      }
    }
    System.out.println("rankings:");
    for (Ranking r : report.rankings()) {
      System.out.println("  " + r.checklistId() + ": {\"" + r.peerGroup() + "\": {ranked: " + ConformanceCase.entries(r)
          + ", unranked: " + r.unranked() + "}}");
    }
    System.out.println("roll-ups:");
    for (SubjectResult s : report.subjects()) {
      for (RollUp r : s.rollUps()) {
        System.out.println("  " + s.subjectId() + ": {" + r.checklistId() + ": {members: " + r.members() + ", rated: "
            + r.rated() + ", average-score: " + r.averageScore() + ", ratings: " + r.ratings() + ", failures: "
            + r.failures() + "}}");
      }
    }
    System.out.println("fact-problems:");
    report.factProblems().forEach(p -> System.out.println("  - {kind: " + p.kind() + ", index: " + p.index()
        + ", field: " + p.field() + "}   # " + p.message()));
    System.out.println("provenance: {packs: [" + String.join(", ", report.provenance().packs().stream()
        .map(u -> "{id: " + u.packId() + ", version: " + u.version() + ", pinned: " + u.pinned() + "}").toList())
        + "]}");
  }
}
