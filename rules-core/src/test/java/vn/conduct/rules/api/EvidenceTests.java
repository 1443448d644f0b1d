package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTests {

  private static final String SHA256 = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void a_reference_keeps_its_digest_in_lower_case_and_refuses_wrong_shapes() {
    Evidence.Reference reference = new Evidence.Reference("12/BB-KTCV", SHA256.toUpperCase().replace("SHA256", "sha256"),
        "https://badinh.hanoi.gov.vn/bb/12.pdf");
    assertThat(reference.digest()).isEqualTo(SHA256);

    assertThatThrownBy(() -> new Evidence.Reference(null, "md5:abc", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'md5:abc'").hasMessageContaining("sha256:");
    assertThatThrownBy(() -> new Evidence.Reference(null, "sha256:" + "a".repeat(63), null))
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> new Evidence.Reference(null, null, "ftp://example.org/a"))
        .hasMessageContaining("not an http or https URL");
    assertThatThrownBy(() -> new Evidence.Reference(null, null, "https:///no-host"))
        .hasMessageContaining("has no host");
    assertThatThrownBy(() -> new Evidence.Reference(" ", null, null))
        .hasMessageContaining("needs a document number, a digest or a URL");
    assertThat(Evidence.Reference.digestProblem("sha512:" + "0".repeat(128))).isNull();
    assertThat(Evidence.Reference.urlProblem("http://example.org")).isNull();
  }

  @Test
  void a_recorder_needs_an_id_or_a_role() {
    assertThat(new Evidence.Recorder(null, "inspection-team").role()).isEqualTo("inspection-team");
    assertThatThrownBy(() -> new Evidence.Recorder(" ", null)).hasMessageContaining("an id or a role");
  }

  @Test
  void an_observation_fills_its_evidence_from_observer_method_and_recording_date_and_back() {
    Observation old = new Observation("cb-1", "badge-worn", true, "Tổ kiểm tra", LocalDate.of(2025, 6, 12),
        "inspection", LocalDate.of(2025, 6, 13));
    assertThat(old.evidence()).isEqualTo(new Evidence(new Evidence.Recorder("Tổ kiểm tra", null),
        LocalDate.of(2025, 6, 13), "inspection", List.of()));

    Observation given = new Observation("cb-1", "badge-worn", true, null, null, null, null,
        new Evidence(new Evidence.Recorder("tkt-01", "inspection-team"), null, "inspection", List.of()));
    assertThat(given.method()).isEqualTo("inspection");
    assertThat(given.observedBy()).isEqualTo("tkt-01");
    assertThat(given.withRecordedOn(LocalDate.of(2025, 6, 20)).evidence().recordedOn()).isEqualTo("2025-06-20");

    Observation replaced = old.withEvidence(Evidence.method("survey"));
    assertThat(replaced.value()).isEqualTo(true);
    assertThat(replaced.method()).isEqualTo("survey");
    assertThat(replaced.recordedOn()).as("the new evidence's date replaces the old").isNull();
    assertThat(replaced.observedBy()).isEqualTo("Tổ kiểm tra");

    assertThatThrownBy(() -> new Observation("cb-1", "badge-worn", true, null, null, "survey", null,
        Evidence.method("inspection")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'survey'").hasMessageContaining("'inspection'");
  }

  @Test
  void an_event_carries_its_method_apart_from_verified() {
    Event event = new Event("ev-1", "cb-1", "citizen-harassment", LocalDate.of(2025, 6, 12), false, Map.of(), null,
        Evidence.method("citizen-report"));
    assertThat(event.method()).isEqualTo("citizen-report");
    assertThat(event.verified()).isFalse();
    assertThat(event.withRecordedOn(LocalDate.of(2025, 6, 14)).evidence())
        .isEqualTo(new Evidence(null, LocalDate.of(2025, 6, 14), "citizen-report", List.of()));
    assertThat(Event.verified("cb-1", "late", LocalDate.of(2025, 6, 1)).evidence()).isEqualTo(Evidence.NONE);
  }
}
