package vn.conduct.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.RulesEngine;

/**
 * The service over real HTTP, in one application context: the ranking page reads the test's own
 * facts ({@code rankings-test.yaml}, with a name full of HTML and control characters); the bundled
 * ranking facts are checked separately against the same engine. Hostile requests are in
 * {@link HostileRequestTests}.
 */
@ServiceTest
class ConductServiceTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  @Autowired
  TestRestTemplate http;

  @Autowired
  RulesEngine engine;

  // --- GET /packs --------------------------------------------------------------------------------

  @Test
  void packsListsEveryLoadedVersionWithWhetherItIsInForceOnTheDateAsked() throws IOException {
    ResponseEntity<String> response = http.getForEntity("/packs?as-of=2025-06-30&lang=en", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    JsonNode packs = JSON.readTree(response.getBody());
    assertThat(packs).extracting(p -> p.get("id").asText() + " " + p.get("version").asText() + " "
        + p.get("in-force").asBoolean()).contains(
            "hanoi-522 2.2.0 true", "hanoi-3814 1.2.0 true", "hanoi-units 1.2.0 true", "hanoi-units 2.2.0 false",
            "hanoi-yearly 1.1.0 true", "hanoi-yearly 2.1.0 false");
    JsonNode hanoi522 = find(packs, "id", "hanoi-522");
    assertThat(hanoi522.get("rules").asInt()).isEqualTo(35);
    assertThat(hanoi522.get("checklists").asInt()).isZero();
    assertThat(hanoi522.get("effective-from").asText()).isEqualTo("2017-01-25");
    assertThat(hanoi522.get("effective-until").isNull()).isTrue();
    assertThat(hanoi522.get("jurisdiction").asText()).isEqualTo("VN-HN");
    assertThat(hanoi522.get("title").asText()).startsWith("Code of conduct for cadres");
    assertThat(hanoi522.get("digest").asText()).matches("[0-9a-f]{64}");
    assertThat(find(packs, "id", "hanoi-3814").get("checklists").asInt()).isEqualTo(1);
  }

  @Test
  void packsInForceFollowTheDate() throws IOException {
    JsonNode packs = JSON.readTree(http.getForObject("/packs?as-of=2026-01-01", String.class));

    assertThat(packs).filteredOn(p -> p.get("id").asText().equals("hanoi-yearly"))
        .extracting(p -> p.get("version").asText() + " " + p.get("in-force").asBoolean())
        .containsExactly("1.1.0 false", "2.1.0 true");
    assertThat(find(packs, "id", "hanoi-522").get("title").asText()).startsWith("Quy tắc ứng xử");
  }

  // --- POST /evaluations -------------------------------------------------------------------------

  @Test
  void theAnsweredReportIsPseudonymisedByDefaultAndSaysSo() throws IOException {
    ResponseEntity<String> response = post("/evaluations", hanoiSample(), YAML);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).as("no officer's id or name").doesNotContainPattern("\\bcb-\\d{3}\\b")
        .doesNotContain("Phan Trọng Kiên", "Cao Ngọc Long");
    JsonNode report = JSON.readTree(response.getBody());
    assertThat(report.at("/privacy/key").asText()).startsWith("random");
    assertThat(report.at("/privacy/subject-types").toString()).contains("officer");
    List<String> ids = new ArrayList<>();
    report.get("subjects").forEach(subject -> ids.add(subject.get("id").asText()));
    assertThat(ids).contains("ubnd-ba-dinh").anyMatch(id -> id.matches("p-[0-9a-f]{20}"));
  }

  @Test
  void theHanoiSampleIsEvaluatedWithReasonsAndScores() throws IOException {
    ResponseEntity<String> response = post("/evaluations", hanoiSample(), YAML);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    JsonNode report = JSON.readTree(response.getBody());
    assertThat(report.get("format").asInt()).isEqualTo(2);
    assertThat(report.at("/provenance/decision-date").asText()).isEqualTo("2025-06-30");
    // The sample is data other work may edit: assert what any version of it shows, not its names or scores.
    List<JsonNode> findings = new ArrayList<>();
    report.get("subjects").forEach(subject -> subject.get("findings").forEach(findings::add));
    assertThat(findings).hasSizeGreaterThan(100).allSatisfy(finding -> {
      assertThat(report.at("/rules").has(finding.get("rule").asText())).isTrue();
      assertThat(reason(report, finding, "vi")).isNotBlank();
      assertThat(reason(report, finding, "en")).isNotBlank();
    });
    assertThat(findings).filteredOn(f -> f.get("rule").asText().equals("hn522.late-arrival-repeat")
        && f.get("outcome").asText().equals("FAIL")).isNotEmpty().allSatisfy(f -> assertThat(reason(report, f, "vi"))
            .startsWith("Vi phạm: số sự kiện [late-arrival] đã xác minh trong 12 tháng = ")
            .endsWith("522/QĐ-UBND [suy luận, không có nguồn]"));
    assertThat(findings).extracting(f -> f.get("outcome").asText()).contains("PASS", "FAIL", "UNKNOWN", "NOT_APPLICABLE");
    List<String> ratings = new ArrayList<>();
    report.get("subjects").forEach(subject -> subject.get("scores").forEach(score -> {
      if (score.get("checklist").asText().equals("hn3814-monthly") && score.get("rated").asBoolean()) {
        ratings.add(score.get("rating").asText());
      }
    }));
    assertThat(ratings).isNotEmpty().allSatisfy(rating -> assertThat(rating).isIn("A", "B", "C", "D"));
    assertThat(report.get("fact-problems")).as("the sample uses only declared vocabulary").isEmpty();
  }

  @Test
  void factProblemsAreLocatedInTheRequestBody() throws IOException {
    String facts = """
        as-of: 2025-06-30
        packs: [hanoi-522]
        subjects:
          - {id: cb-1, type: officer, attributes: {position: staff}}
        observations:
          - {subject: cb-1, indicator: no-such-indicator, value: 1}
        """;
    ResponseEntity<String> response = post("/evaluations?lang=en", facts, YAML);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode problem = JSON.readTree(response.getBody()).get("fact-problems").get(0);
    assertThat(problem.get("path").asText()).isEqualTo("observations[0].indicator");
    assertThat(problem.get("location").asText()).isEqualTo("facts.yaml:6:32");
    assertThat(problem.get("message").asText()).contains("has no indicator 'no-such-indicator'");
  }

  @Test
  void jsonFactsAreReadAsTheFactsFormatAndTheReportFollowsLang() throws IOException {
    String facts = """
        {
          "as-of": "2025-06-30",
          "packs": ["hanoi-522"],
          "subjects": [{"id": "cb-1", "type": "officer", "attributes": {"position": "staff"}}],
          "observations": [{"subject": "cb-1", "indicator": "badge-worn", "value": false}]
        }
        """;
    ResponseEntity<String> response = post("/evaluations?lang=en", facts, MediaType.APPLICATION_JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = JSON.readTree(response.getBody());
    assertThat(report.at("/provenance/packs")).extracting(p -> p.get("id").asText()).containsExactly("hanoi-522");
    JsonNode badge = find(report.at("/subjects/0/findings"), "rule", "hn522.badge");
    assertThat(badge.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(reason(report, badge, "en")).startsWith("Violation: indicator 'badge-worn' = false");
    assertThat(reason(report, badge, "vi")).startsWith("Vi phạm: chỉ số 'badge-worn' = false");
  }

  @Test
  void invalidFactsGiveA400ProblemNamingEachFieldWithItsLineAndColumn() throws IOException {
    String facts = """
        {
          "as-of": "2025-06-30",
          "subjects": [
            {"id": "cb-1", "typ": "officer"}
          ],
          "events": [
            {"subject": "cb-1", "type": "late-arrival", "date": "2025-06-31"}
          ]
        }
        """;
    ResponseEntity<String> response = post("/evaluations", facts, MediaType.APPLICATION_JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.get("type").asText()).isEqualTo("urn:conduct:problem:invalid-facts");
    assertThat(problem.get("title").asText()).isEqualTo("Invalid facts");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).startsWith("The facts are invalid (3 errors)");
    assertThat(problem.get("instance").asText()).isEqualTo("/evaluations");
    assertThat(problem.get("errors")).extracting(e -> e.get("code").asText() + " " + e.get("path").asText() + " "
        + e.get("location").asText() + " " + e.get("line").asInt() + ":" + e.get("column").asInt())
        .containsExactly(
            "facts.missing subjects[0].type facts.json:4:5 4:5",
            "facts.unknown-key subjects[0].typ facts.json:4:20 4:20",
            "facts.date events[0].date facts.json:7:57 7:57");
    JsonNode typo = problem.get("errors").get(1);
    assertThat(typo.get("severity").asText()).isEqualTo("error");
    assertThat(typo.get("message").asText()).isEqualTo("unknown key 'typ'");
    assertThat(typo.get("hint").asText()).startsWith("did you mean 'type'?");
    assertThat(problem.get("errors").get(2).get("message").asText())
        .isEqualTo("'2025-06-31' is not a date in the calendar");
  }

  @Test
  void yamlThatIsNotAFactsFileIsA400ProblemToo() throws IOException {
    ResponseEntity<String> response = post("/evaluations", "- just\n- a list\n", YAML);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = JSON.readTree(response.getBody()).get("errors").get(0);
    assertThat(error.get("code").asText()).isEqualTo("facts.type");
    assertThat(error.get("location").asText()).startsWith("facts.yaml:1");
  }

  @Test
  void anUnknownPackIsA422Problem() throws IOException {
    ResponseEntity<String> response = post("/evaluations",
        "{\"as-of\": \"2025-06-30\", \"packs\": [\"hanoi-9999\"]}", MediaType.APPLICATION_JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.get("type").asText()).isEqualTo("urn:conduct:problem:pack-not-found");
    assertThat(problem.get("status").asInt()).isEqualTo(422);
    assertThat(problem.get("detail").asText()).contains("'hanoi-9999'").contains("hanoi-522");
    assertThat(problem.get("hint").asText()).contains("GET /packs");
  }

  @Test
  void anUnpinnableVersionIsA422ProblemAsWell() throws IOException {
    ResponseEntity<String> response = post("/evaluations",
        "{\"as-of\": \"2025-06-30\", \"pin\": {\"hanoi-522\": \"9.9.9\"}}", MediaType.APPLICATION_JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(JSON.readTree(response.getBody()).get("detail").asText()).contains("9.9.9");
  }

  @Test
  void badParametersAndMediaTypesAreProblems() throws IOException {
    ResponseEntity<String> lang = post("/evaluations?lang=fr", "{}", MediaType.APPLICATION_JSON);
    assertThat(lang.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(lang.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(JSON.readTree(lang.getBody()).get("parameter").asText()).isEqualTo("lang");

    ResponseEntity<String> date = post("/evaluations?as-of=30/06/2025", "{}", MediaType.APPLICATION_JSON);
    assertThat(date.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(date.getBody()).get("parameter").asText()).isEqualTo("as-of");

    ResponseEntity<String> text = post("/evaluations", "as-of: 2025-06-30", MediaType.TEXT_PLAIN);
    assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(text.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void asOfImposesTheEvaluationDateOnFactsThatHaveNone() throws IOException {
    ResponseEntity<String> response = post("/evaluations?as-of=2026-01-31",
        "{\"packs\": [\"hanoi-yearly\"]}", MediaType.APPLICATION_JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = JSON.readTree(response.getBody());
    assertThat(report.at("/provenance/decision-date").asText()).isEqualTo("2026-01-31");
    assertThat(report.at("/provenance/packs/0/version").asText()).isEqualTo("2.1.0");
  }

  @Test
  void theSharedEngineAnswersConcurrentRequestsAlike() {
    String facts = """
        {"as-of": "2025-06-30", "packs": ["hanoi-522"],
         "subjects": [{"id": "cb-1", "type": "officer", "attributes": {"position": "leader"}}],
         "events": [{"subject": "cb-1", "type": "late-arrival", "date": "2025-06-03"},
                    {"subject": "cb-1", "type": "late-arrival", "date": "2025-06-04"}]}
        """;
    List<CompletableFuture<ResponseEntity<String>>> calls = new ArrayList<>();
    IntStream.range(0, 8).forEach(i -> calls.add(
        CompletableFuture.supplyAsync(() -> post("/evaluations", facts, MediaType.APPLICATION_JSON))));
    List<ResponseEntity<String>> responses = calls.stream().map(CompletableFuture::join).toList();

    assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK));
    assertThat(responses.stream().map(ResponseEntity::getBody).distinct()).hasSize(1);
    assertThat(responses.get(0).getBody()).contains("\"rule\": \"hn522.late-arrival-repeat\"");
  }

  // --- GET /rankings -----------------------------------------------------------------------------

  @Test
  void theRankingPageIsAnEscapedHtmlTableBestFirstWithTiesAndTheUnranked() {
    ResponseEntity<String> response = http.exchange("/rankings?checklist=hnunits-par", org.springframework.http.HttpMethod.GET,
        new HttpEntity<>(headers(MediaType.TEXT_HTML)), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/html;charset=UTF-8"));
    String page = response.getBody();
    assertThat(page).startsWith("<!DOCTYPE html>")
        .doesNotContain("<script")
        .doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\r").doesNotContain("\u202e");
    org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parse(page);
    assertThat(dom.select("html").attr("lang")).isEqualTo("vi");
    assertThat(dom.select("h1").text()).startsWith("Chỉ số cải cách hành chính (PAR)");
    assertThat(dom.select("h2").eachText()).containsExactly("Nhóm: department");
    assertThat(dom.select("table tbody tr")).extracting(org.jsoup.nodes.Element::text).containsExactly(
        "1 Sở B so-b 95.5 Nhóm 1 – từ 90 điểm (do tác giả gói đặt)",
        "2 <script>alert('x')</script> & \"Sở A\"\\e[2J\\x00\\r\\n\\u202Eevil so-a 80 Nhóm 2 – từ 80 đến dưới 90 điểm"
            + " (do tác giả gói đặt)",
        "2 Sở C so-c 80 Nhóm 2 – từ 80 đến dưới 90 điểm (do tác giả gói đặt)");
    assertThat(dom.select("script")).isEmpty();
    assertThat(dom.select("p.unranked").text()).isEqualTo("Chưa xếp hạng (thiếu bằng chứng): Sở D (so-d)");
  }

  @Test
  void theRankingPageSpeaksEnglishOnRequest() {
    String page = http.getForObject("/rankings?checklist=hnunits-par&lang=en", String.class);

    org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parse(page);
    assertThat(dom.select("html").attr("lang")).isEqualTo("en");
    assertThat(dom.select("h1").text()).startsWith("Public administration reform (PAR) index");
    assertThat(dom.select("thead th").eachText()).containsExactly("Rank", "Name", "Id", "Score", "Rating");
    assertThat(dom.select("p.unranked").text()).isEqualTo("Not ranked (evidence missing): Sở D (so-d)");
  }

  @Test
  void aChecklistWithoutARankingIsA404ProblemNamingTheRankedOnes() throws IOException {
    ResponseEntity<String> response = http.getForEntity("/rankings?checklist=hn3814-monthly", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.get("type").asText()).isEqualTo("urn:conduct:problem:ranking-not-found");
    assertThat(problem.get("ranked-checklists")).extracting(JsonNode::asText)
        .containsExactly("hnunits-par", "hnunits-sipas");

    ResponseEntity<String> missing = http.getForEntity("/rankings", String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(missing.getBody()).get("detail").asText()).contains("'checklist'");
  }

  @Test
  void theBundledRankingFactsRankDepartmentsAndDistrictsApart() throws IOException {
    ServiceProperties properties = new ServiceProperties(FactsLimits.DEFAULT_MAX_BYTES,
        new ClassPathResource("facts/hanoi-units-2025-06.yaml"), null, new ServiceProperties.Letterhead(null, null, null,
            null), new ServiceProperties.Privacy(null, false, false));
    RankingFacts bundled = new RankingFacts(engine, properties, ServicePrivacy.of(properties.privacy()));

    assertThat(bundled.report().factProblems()).isEmpty();
    assertThat(bundled.report().rankings()).extracting(r -> r.checklistId() + "/" + r.peerGroup() + ": "
        + r.entries().stream().map(e -> e.rank() + " " + e.subjectId() + " " + e.score().stripTrailingZeros().toPlainString())
            .toList() + " unranked " + r.unranked())
        .containsExactly(
            "hnunits-par/department: [1 so-noi-vu 90.8, 2 so-tu-phap 88.2, 3 so-xay-dung 83.5] unranked []",
            "hnunits-par/district: [1 quan-ba-dinh 92.1, 1 quan-cau-giay 92.1, 3 huyen-dong-anh 81.5] unranked [quan-tay-ho]",
            "hnunits-sipas/department: [1 so-noi-vu 89, 2 so-tu-phap 84] unranked [so-xay-dung]",
            "hnunits-sipas/district: [1 quan-ba-dinh 95, 2 quan-cau-giay 86] unranked [huyen-dong-anh, quan-tay-ho]");
    assertThat(bundled.report().rankings()).extracting(Ranking::packId).containsOnly("hanoi-units");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private ResponseEntity<String> post(String path, String body, MediaType type) {
    return http.postForEntity(path, new HttpEntity<>(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        headers(type)), String.class);
  }

  private static HttpHeaders headers(MediaType contentTypeOrAccept) {
    HttpHeaders headers = new HttpHeaders();
    if (contentTypeOrAccept.equals(MediaType.TEXT_HTML)) {
      headers.setAccept(List.of(MediaType.TEXT_HTML));
    } else {
      headers.setContentType(contentTypeOrAccept);
    }
    return headers;
  }

  private static String hanoiSample() throws IOException {
    try (InputStream in = new ClassPathResource("samples/hanoi-demo.yaml").getInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    return StreamSupport.stream(array.spliterator(), false).filter(n -> n.path(field).asText().equals(value))
        .findFirst().orElseThrow(() -> new AssertionError("no element with " + field + " = " + value + " in " + array));
  }

  /**
   * A finding's full reason in a format 2 report, as a consumer rebuilds it (specs/report-format.md,
   * section 14): its rule's reason entry, then the rule's citation when the entry leaves it out.
   */
  private static String reason(JsonNode report, JsonNode finding, String language) {
    JsonNode rule = report.path("rules").path(finding.get("rule").asText());
    JsonNode entry = rule.path("reasons").path(finding.get("reason").asInt());
    String text = entry.path("text").path(language).asText();
    return entry.path("ends-with-citation").asBoolean() ? text + " — " + rule.at("/citation/text/" + language).asText() : text;
  }
}
