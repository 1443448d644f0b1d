package vn.conduct.rules.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.api.Waiver;
import vn.conduct.rules.io.Pseudonyms;
import vn.conduct.rules.io.ReportJson;

/**
 * Pseudonymised reports (report-format.md, section 14.1) on random districts: agencies (not personal) and
 * officers (personal, with a personal phone number that a rule's reason quotes), observations, events, and
 * waivers whose ids, justifications and approvers name officers. For every report masked under a key:
 * no officer id, name or phone number of the input is left in any rendering of it (JSON format 2, format 1
 * in each language, the report's own {@code toString}) nor in its waivers and attributes; the agencies'
 * results are untouched, and each officer keeps its outcomes and scores under its pseudonym; the same key
 * gives the same rendering, another key pseudonyms of its own; the engine's report keeps the real ids.
 *
 * <p>Tries per build: 120 (a few seconds); {@code -Dconduct.properties.scale=100} for a long run.
 */
class PseudonymsPropertyTests {

  private static final byte[] KEY = "the host's key, thirty-two bytes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER = "another key, of another district".getBytes(StandardCharsets.UTF_8);
  private static final Pattern PSEUDONYM = Pattern.compile("p-[0-9a-f]{20}");
  private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi");
  private static final List<String> GIVEN = List.of("Văn An", "Thị Bình", "Quốc Cường", "Ngọc Dung", "Hữu Giang",
      "Minh Hằng", "Thu Khánh", "Đức Long");

  private static RulesEngine engine;

  @BeforeAll
  static void build() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("pack.yaml", """
        format: 2
        id: people
        version: 1.0.0
        title: {vi: Người, en: People}
        engine: ">=0.1.0 <1.0.0"
        sources:
          code: {number: "1/QĐ"}
        vocabulary:
          subject-types:
            agency:
              attributes:
                district: {type: string}
            officer:
              parent: agency
              personal: true
              attributes:
                phone: {type: string, personal: true}
                position: {type: string}
              indicators:
                badge: {type: boolean}
                task: {type: number}
          event-types:
            late: {subject-types: [officer]}
        """.getBytes(StandardCharsets.UTF_8));
    files.put("rules/c.badge/rule.yaml", rule("c.badge", "requirement", "{indicator: badge, eq: true}"));
    files.put("rules/c.task/rule.yaml", rule("c.task", "requirement", "{indicator: task, ge: 80}"));
    files.put("rules/c.late/rule.yaml", rule("c.late", "prohibition", "{count: {events: [late], within: period}, ge: 2}"));
    files.put("rules/c.phone/rule.yaml", rule("c.phone", "requirement", "{attribute: phone, eq: \"000\"}"));
    files.put("checklists/grade.yaml", """
        id: grade
        title: {vi: Xếp loại, en: Grade}
        subject-type: officer
        items:
          - {rule: c.badge, points: 10}
          - {rule: c.task, points: 78}
          - {rule: c.late, points: 12}
        bands:
          - {id: A, min: 90}
          - {id: B, min: 50}
          - {id: C, min: 0}
        ranking: {}
        """.getBytes(StandardCharsets.UTF_8));
    engine = RulesEngine.builder().addPack(new MemoryPackSource("people", files)).build();
  }

  private static byte[] rule(String id, String kind, String condition) {
    return ("id: " + id + "\ntitle: {vi: " + id + ", en: " + id + "}\nsource: {document: code, basis: read}\n"
        + "severity: minor\napplies-to: [officer]\nkind: " + kind + "\ncondition: " + condition + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A random district: its request, and the officers' ids, names and phone numbers. */
  record District(EvaluationRequest request, List<Subject> officers, List<Subject> agencies) {
    @Override
    public String toString() {
      return "agencies " + agencies + "\nofficers " + officers + "\nobservations " + request.observations()
          + "\nevents " + request.events() + "\nwaivers " + request.waivers();
    }
  }

  static Gen<District> districts() {
    return random -> {
      EvaluationRequest.Builder request = EvaluationRequest.builder(LocalDate.of(2025, 6, 30));
      List<Subject> agencies = new ArrayList<>();
      int units = 1 + random.nextInt(3);
      for (int u = 1; u <= units; u++) {
        Subject agency = new Subject("u" + u, "agency", "UBND phường số " + u, null,
            Map.of("district", Gen.pick(random, "Ba Đình", "Tây Hồ", "Hoàn Kiếm")));
        agencies.add(agency);
        request.subject(agency);
      }
      List<Subject> officers = new ArrayList<>();
      Set<String> names = new TreeSet<>();
      int count = random.nextInt(10);
      for (int i = 1; i <= count; i++) {
        String id = switch (random.nextInt(3)) {
          case 0 -> String.format("cb-%03d", i);
          case 1 -> "o" + i;
          default -> "nv_" + (char) ('g' + random.nextInt(10)) + i;
        };
        String name = Gen.pick(random, FAMILY) + " " + Gen.pick(random, GIVEN);
        if (!names.add(name)) {
          name = name + " " + (char) ('A' + i);
          names.add(name);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("phone", "09" + (10_000_000 + random.nextInt(89_999_999)));
        attributes.put("position", Gen.pick(random, "staff", "leader"));
        Subject officer = new Subject(id, "officer", name, Gen.pick(random, agencies).id(), attributes);
        officers.add(officer);
        request.subject(officer);
        if (random.nextInt(5) != 0) {
          request.observation(Observation.of(id, "badge", random.nextBoolean()));
        }
        if (random.nextInt(5) != 0) {
          request.observation(Observation.of(id, "task", 40 + random.nextInt(60)));
        }
        for (int e = random.nextInt(4); e > 0; e--) {
          request.event(Event.verified(id, "late", LocalDate.of(2025, 6, 1 + random.nextInt(28))));
        }
      }
      for (Subject officer : officers) {
        if (random.nextInt(3) == 0) {
          Subject approver = Gen.pick(random, officers);
          request.waiver(Waiver.builder("w-2025-06-" + officer.id() + "-late", "people").rule("c.late")
              .subjectIds(List.of(officer.id()))
              .justification(LocalizedText.of("Cán bộ " + officer.id() + " (" + officer.name() + ") ốm",
                  "Officer " + officer.id() + " (" + officer.name() + ") was ill"))
              .approver(random.nextBoolean() ? Waiver.Approver.named(approver.name(), "head")
                  : Waiver.Approver.of(approver.name(), approver.id(), "head"))
              .risk(Waiver.Risk.LOW)
              .dates(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30))
              .build());
        }
      }
      return new District(request.build(), officers, agencies);
    };
  }

  @Test
  void masked_reports_hold_no_personal_value_and_leave_the_rest_as_it_was() {
    PropertyCheck.forAll("pseudonyms", districts())
        .tries(120)
        .describedBy(District::toString)
        .within(Duration.ofSeconds(20))
        .allocatingAtMost(d -> 512L << 20)
        .check(PseudonymsPropertyTests::check);
  }

  private static void check(District district) {
    Report report = engine.evaluate(district.request());
    Pseudonyms pseudonyms = Pseudonyms.withKey(KEY);
    Report masked = pseudonyms.apply(report);
    PropertyCheck.label(district.officers().isEmpty() ? "no officer" : "officers");

    // 1. no id, name or phone number of an officer in any rendering, nor in waivers and attributes (which the
    // unmasked report has: the reason of c.phone quotes the number)
    String plain = new ReportJson().write(report);
    district.officers().forEach(o -> assertThat(plain).contains(o.id(), o.name(), (String) o.attributes().get("phone")));
    List<String> renderings = renderings(masked);
    for (Subject officer : district.officers()) {
      for (String text : renderings) {
        assertAbsent(text, officer.id());
        assertAbsent(text, String.valueOf(officer.attributes().get("phone")));
        assertThat(text).as("name of %s", officer.id()).doesNotContain(officer.name());
      }
    }
    // 2. agencies untouched; officers keep outcomes and scores under their pseudonyms; rankings by pseudonym
    for (Subject agency : district.agencies()) {
      assertThat(masked.subject(agency.id())).as(agency.id()).isEqualTo(report.subject(agency.id()));
    }
    for (Subject officer : district.officers()) {
      SubjectResult real = report.subject(officer.id()).orElseThrow();
      SubjectResult shown = masked.subject(pseudonyms.of(officer.id())).orElseThrow();
      assertThat(shown.subject().name()).isNull();
      assertThat(shown.subject().parentId()).isEqualTo(officer.parentId());
      assertThat(shown.subject().attributes()).containsEntry("position", officer.attributes().get("position"))
          .containsEntry("phone", pseudonyms.of("phone:" + officer.attributes().get("phone")));
      assertThat(shown.findings()).extracting(f -> f.ruleId() + " " + f.outcome() + " " + f.waiver().isPresent())
          .isEqualTo(real.findings().stream().map(f -> f.ruleId() + " " + f.outcome() + " " + f.waiver().isPresent())
              .toList());
      assertThat(shown.scores()).extracting(s -> s.score() + " " + s.rating())
          .isEqualTo(real.scores().stream().map(s -> s.score() + " " + s.rating()).toList());
    }
    assertThat(masked.subjects()).extracting(SubjectResult::subjectId).isSorted();
    for (Ranking ranking : masked.rankings()) {
      assertThat(ranking.unranked()).isSorted();
    }
    assertThat(masked.privacy()).hasValueSatisfying(p -> assertThat(p.maskedValues())
        .isEqualTo(2 * district.officers().size()));
    // 3. the same key, the same report; another key, none of the same pseudonyms; the engine's report is as given
    assertThat(renderings(Pseudonyms.withKey(KEY.clone()).apply(report))).isEqualTo(renderings);
    Set<String> ours = pseudonymsIn(String.join("\n", renderings));
    Set<String> theirs = pseudonymsIn(String.join("\n", renderings(Pseudonyms.withKey(OTHER).apply(report))));
    assertThat(ours).hasSameSizeAs(theirs).hasSize(2 * district.officers().size());
    assertThat(java.util.Collections.disjoint(ours, theirs)).as("pseudonyms under two keys").isTrue();
    assertThat(report.privacy()).isEmpty();
    district.officers().forEach(o -> assertThat(report.subject(o.id())).isPresent());
  }

  /** Every way the report is rendered, with its waivers and subject attributes written out. */
  private static List<String> renderings(Report report) {
    List<String> texts = new ArrayList<>();
    texts.add(new ReportJson().write(report));
    texts.add(new ReportJson().withFormat(1).withLanguage(Language.VI).write(report));
    texts.add(new ReportJson().withFormat(1).withLanguage(Language.EN).write(report));
    texts.add(report.toString());
    StringBuilder rest = new StringBuilder();
    for (SubjectResult result : report.subjects()) {
      rest.append(result.subject()).append('\n');
      result.findings().forEach(f -> f.waiver().ifPresent(w -> rest.append(w).append(' ').append(w.subjectIds())
          .append(' ').append(w.approver()).append(' ').append(w.justification()).append('\n')));
    }
    texts.add(rest.toString());
    return texts;
  }

  /** Asserts the value is nowhere in the text as a whole value (not inside a longer run of letters or digits). */
  private static void assertAbsent(String text, String value) {
    Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])").matcher(text);
    if (matcher.find()) {
      int at = matcher.start();
      throw new AssertionError("'" + value + "' is left in: …" + text.substring(Math.max(0, at - 80),
          Math.min(text.length(), at + 80)) + "…");
    }
  }

  private static Set<String> pseudonymsIn(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PSEUDONYM.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
