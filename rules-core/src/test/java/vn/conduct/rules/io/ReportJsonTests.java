package vn.conduct.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
