package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Report;
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
}
