// Quoted in the README ("Quick start"). QuickStartTest runs it in every build: keep both in step.
package vn.conduct.examples.quickstart;

import java.time.LocalDate;
import vn.conduct.rules.api.*;

/** The smallest embedding: Hanoi's packs, one agency and two officers, findings and grades printed. */
public final class QuickStart {
  public static void main(String[] args) {
    RulesEngine engine = RulesEngine.builder().discoverProviders().build(); // build once, share it
    Report report = engine.evaluate(EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
        .pack("hanoi-522").pack("hanoi-3814")              // default: every pack in force
        .subject(Subject.of("ubnd-ba-dinh", "agency").withName("UBND quận Ba Đình"))
        .subject(Subject.of("cb-001", "officer").withParent("ubnd-ba-dinh").withAttribute("position", "staff"))
        .subject(Subject.of("cb-002", "officer").withParent("ubnd-ba-dinh").withAttribute("position", "leader"))
        .event(Event.verified("cb-001", "late-arrival", LocalDate.of(2025, 6, 3)))
        .event(Event.verified("cb-001", "late-arrival", LocalDate.of(2025, 6, 17)))
        .observation(Observation.of("cb-002", "badge-worn", false))
        .build());
    for (SubjectResult subject : report.subjects()) {
      for (Finding finding : subject.findings()) {
        System.out.printf("%s %s %s: %s%n", subject.subjectId(), finding.ruleId(), finding.outcome(),
            finding.reason().in(Language.VI));
      }
      subject.score("hn3814-monthly").ifPresent(score -> System.out.printf("%s xếp loại tháng: %s (%s/%s điểm, bằng chứng %s%%)%n",
          subject.subjectId(), score.rated() ? score.rating() : "chưa xếp loại", score.score(), score.maximum(),
          score.evidencePercent()));
    }
  }
}
