package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.Basis;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Citation;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RuleKind;
import vn.conduct.rules.api.RuleRef;
import vn.conduct.rules.api.Severity;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;

class ReportJsonTests {

  @Test
  void should_escape_invisible_and_reordering_characters_and_keep_the_text_exact() throws Exception {
    String name = "Phường \u202Eabc\u2028x\u0085y\u2066z";
    Report report = Report.of(Provenance.of("0.2.0", LocalDate.of(2025, 6, 30), Period.month(2025, 6), false,
        List.of(), List.of()), List.of(SubjectResult.of(Subject.of("s1", "officer").withName(name), List.of(),
        List.of(), List.of())), List.of(), List.of());

    String json = new ReportJson().write(report);

    assertThat(json).contains("\\u202E", "\\u2028", "\\u0085", "\\u2066")
        .doesNotContain("\u202E", "\u2028", "\u0085", "\u2066");
    JsonNode tree = new ObjectMapper().readTree(json);
    assertThat(tree.findValue("name").asText()).isEqualTo(name);
  }

  @Test
  void should_state_each_checklists_quota_terms_when_given_the_engines_checklists() throws Exception {
    // GIVEN a report with one score on a checklist whose quota groups by unit and task group, keeping ties
    ChecklistScore score = ChecklistScore.of("p", "grade", LocalizedText.of("Chấm điểm", "Grading"),
        java.math.BigDecimal.TEN, java.math.BigDecimal.TEN, java.math.BigDecimal.valueOf(100), "A",
        LocalizedText.of("A"), true, List.of(), List.of());
    Report report = Report.of(Provenance.of("0.2.0", LocalDate.of(2025, 6, 30), Period.month(2025, 6), false,
        List.of(), List.of()), List.of(SubjectResult.of(Subject.of("s1", "officer"), List.of(), List.of(score),
        List.of())), List.of(), List.of());
    ChecklistInfo grade = ChecklistInfo.builder("p", "1.0.0", "grade").title(LocalizedText.of("Grading"))
        .subjectType("officer").items(List.of()).bands(List.of())
        .quotas(List.of(ChecklistInfo.Quota.of("A", java.math.BigDecimal.valueOf(20), null, null, null,
            List.of(ChecklistInfo.GroupKey.of(ChecklistInfo.GroupKey.Kind.ANCESTOR, "unit"),
                ChecklistInfo.GroupKey.of(ChecklistInfo.GroupKey.Kind.ATTRIBUTE, "task-group")),
            "{attribute: party-member, eq: true}", ChecklistInfo.Quota.Ties.KEEP_ALL)))
        .build();

    // WHEN
    JsonNode withTerms = new ObjectMapper().readTree(new ReportJson().withChecklists(List.of(grade)).write(report));
    JsonNode without = new ObjectMapper().readTree(new ReportJson().write(report));

    // THEN
    assertThat(withTerms.at("/checklists/p~1grade/quotas").toString()).isEqualTo("[{\"band\":\"A\",\"max-percent\":20,"
        + "\"of\":null,\"group-by\":[{\"ancestor\":\"unit\"},{\"attribute\":\"task-group\"}],"
        + "\"base\":\"{attribute: party-member, eq: true}\",\"ties\":\"keep-all\",\"override\":null}]");
    assertThat(without.at("/checklists/p~1grade").has("quotas")).isFalse();
  }
  @Test
  void should_write_each_rules_distinct_reasons_once_and_let_every_finding_rebuild_its_reason() throws Exception {
    // GIVEN three subjects: two with the same engine-style reason (ending with the citation), one with
    // another, and a host-made finding whose reason does not end with the citation
    Citation citation = Citation.of("src", "522/QĐ-UBND", "3", null, Basis.READ, "a long note on the source");
    RuleRef badge = RuleRef.of("p", "1.0.0", "p.badge", LocalizedText.of("Thẻ", "Badge"), RuleKind.REQUIREMENT,
        Severity.MINOR, citation, List.of());
    String viEnd = " — " + citation.render(Language.VI);
    String enEnd = " — " + citation.render(Language.EN);
    LocalizedText met = LocalizedText.of("Đạt: chỉ số 'badge' = true" + viEnd, "Met: indicator 'badge' = true" + enEnd);
    LocalizedText notMet = LocalizedText.of("Không đạt: chỉ số 'badge' = false" + viEnd,
        "Not met: indicator 'badge' = false" + enEnd);
    LocalizedText hostMade = LocalizedText.of("Lỗi khi đánh giá: X", "Evaluation failed: X");
    List<Finding> findings = List.of(new Finding(badge, Outcome.PASS, met), new Finding(badge, Outcome.FAIL, notMet),
        new Finding(badge, Outcome.PASS, met), new Finding(badge, Outcome.ERROR, hostMade));
    List<SubjectResult> subjects = new java.util.ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      subjects.add(SubjectResult.of(Subject.of("s" + i, "officer"), List.of(findings.get(i)), List.of(), List.of()));
    }
    Report report = Report.of(Provenance.of("0.2.0", LocalDate.of(2025, 6, 30), Period.month(2025, 6), false,
        List.of(), List.of()), subjects, List.of(), List.of());

    // WHEN
    JsonNode tree = new ObjectMapper().readTree(new ReportJson().write(report));

    // THEN the rule lists three reasons in order of first use, the citation left out where it ended them
    JsonNode rule = tree.at("/rules/p.badge");
    assertThat(rule.path("reasons").toString()).isEqualTo("["
        + "{\"text\":{\"vi\":\"Đạt: chỉ số 'badge' = true\",\"en\":\"Met: indicator 'badge' = true\"},"
        + "\"ends-with-citation\":true},"
        + "{\"text\":{\"vi\":\"Không đạt: chỉ số 'badge' = false\",\"en\":\"Not met: indicator 'badge' = false\"},"
        + "\"ends-with-citation\":true},"
        + "{\"text\":{\"vi\":\"Lỗi khi đánh giá: X\",\"en\":\"Evaluation failed: X\"},"
        + "\"ends-with-citation\":false}]");
    assertThat(tree.at("/subjects").findValuesAsText("reason")).containsExactly("0", "1", "0", "2");
    // AND each finding's full reason, rebuilt as the spec says, is the engine's, in both languages
    for (int i = 0; i < findings.size(); i++) {
      JsonNode finding = tree.at("/subjects/" + i + "/findings/0");
      for (Language language : Language.values()) {
        assertThat(fullReason(tree, finding, language)).as("finding of s%d in %s", i, language)
            .isEqualTo(findings.get(i).reason().in(language));
      }
    }
    // AND the citation's text is written once, in the rule, not in any finding
    assertThat(new ReportJson().write(report).split(java.util.regex.Pattern.quote(citation.render(Language.EN)), -1))
        .hasSize(2);
  }

  /** A finding's full reason in a language, rebuilt from a format 2 report (specs/report-format.md, section 14). */
  static String fullReason(JsonNode report, JsonNode finding, Language language) {
    String tag = language == Language.VI ? "vi" : "en";
    JsonNode rule = report.path("rules").path(finding.path("rule").asText());
    JsonNode entry = rule.path("reasons").path(finding.path("reason").asInt(-1));
    assertThat(entry.isObject()).as("reason %s of rule %s", finding.path("reason"), finding.path("rule")).isTrue();
    String text = entry.path("text").path(tag).asText();
    return entry.path("ends-with-citation").asBoolean() ? text + " — " + rule.at("/citation/text/" + tag).asText() : text;
  }
}
