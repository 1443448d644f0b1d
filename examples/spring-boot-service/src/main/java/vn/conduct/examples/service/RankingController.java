package vn.conduct.examples.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.PackUse;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.SubjectResult;

/**
 * {@code GET /rankings?checklist=...}: a server-rendered HTML page ranking the subjects of the
 * {@link RankingFacts} on one checklist, one table per peer group, best first; subjects that could
 * not be ranked are listed below each table. Every text from the facts or the packs is put on one
 * line with control characters shown escaped ({@link SafeText#line}), then HTML-escaped.
 */
@RestController
public class RankingController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final RulesEngine engine;
  private final RankingFacts facts;

  /** Creates the controller over the shared engine and the facts on record. */
  public RankingController(RulesEngine engine, RankingFacts facts) {
    this.engine = engine;
    this.facts = facts;
  }

  /**
   * Renders the rankings on a checklist.
   *
   * @param checklist the checklist id, e.g. {@code hnunits-par}
   * @param lang the page's language, {@code vi} (default) or {@code en}
   * @return {@code 200} with the page; {@code 404} (problem details) if the facts on record have no
   *     ranking on that checklist, naming the checklists they do have
   */
  @Operation(summary = "Render the rankings on a checklist as an HTML page",
      description = "The facts of conduct.service.rankings-facts, evaluated at startup: one table per peer group.",
      responses = {
          @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html")),
          @ApiResponse(responseCode = "404", description = "No ranking on that checklist; ranked-checklists lists those there are",
              content = @Content(mediaType = "application/problem+json"))})
  @GetMapping(path = "/rankings", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> rankings(
      @Parameter(description = "The checklist id, e.g. hnunits-par") @RequestParam("checklist") String checklist,
      @Parameter(description = "The page's language: vi (default) or en")
      @RequestParam(name = "lang", required = false) String lang) {
    Language language = RequestParameters.language(lang);
    Report report = facts.report();
    List<Ranking> rankings = report.rankings().stream().filter(r -> r.checklistId().equals(checklist)).toList();
    if (rankings.isEmpty()) {
      List<String> ranked = report.rankings().stream().map(Ranking::checklistId).distinct().toList();
      ProblemDetail problem = ProblemType.RANKING_NOT_FOUND.problem("The facts on record (" + facts.fileName()
          + ") have no ranking on checklist '" + checklist + "'; ranked checklists: " + String.join(", ", ranked));
      problem.setProperty("ranked-checklists", ranked);
      throw new ErrorResponseException(ProblemType.RANKING_NOT_FOUND.status(), problem, null);
    }
    return ResponseEntity.ok().contentType(HTML).body(page(report, rankings, language));
  }

  private String page(Report report, List<Ranking> rankings, Language language) {
    boolean vi = language == Language.VI;
    Ranking first = rankings.get(0);
    String packVersion = report.provenance().packs().stream().filter(p -> p.packId().equals(first.packId()))
        .map(PackUse::version).findFirst().orElse("");
    String title = engine.checklists().stream()
        .filter(c -> c.packId().equals(first.packId()) && c.packVersion().equals(packVersion)
            && c.checklistId().equals(first.checklistId()))
        .map(ChecklistInfo::title).map(t -> t.in(language)).filter(t -> t != null && !t.isBlank())
        .findFirst().orElse(first.checklistId());
    StringBuilder html = new StringBuilder()
        .append("<!DOCTYPE html>\n<html lang=\"").append(vi ? "vi" : "en").append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            + "th,td{border:1px solid #999;padding:.3em .6em}td.n{text-align:right}</style>\n")
        .append("</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n<p>")
        .append(esc((vi ? "Dữ liệu: " : "Facts: ") + facts.fileName() + (vi ? ", ngày đánh giá " : ", as of ")
            + report.provenance().asOf() + (vi ? "; bộ quy tắc " : "; pack ") + first.packId() + " " + packVersion))
        .append("</p>\n");
    for (Ranking ranking : rankings) {
      String group = ranking.peerGroup().isEmpty() ? (vi ? "tất cả" : "all") : ranking.peerGroup();
      html.append("<h2>").append(esc((vi ? "Nhóm: " : "Peer group: ") + group)).append("</h2>\n<table>\n<thead><tr>");
      for (String header : vi ? List.of("Hạng", "Tên", "Mã", "Điểm", "Xếp loại")
          : List.of("Rank", "Name", "Id", "Score", "Rating")) {
        html.append("<th>").append(esc(header)).append("</th>");
      }
      html.append("</tr></thead>\n<tbody>\n");
      for (Ranking.Entry entry : ranking.entries()) {
        Optional<SubjectResult> subject = report.subject(entry.subjectId());
        html.append("<tr><td class=\"n\">").append(entry.rank()).append("</td><td>")
            .append(esc(name(subject, entry.subjectId()))).append("</td><td>").append(esc(entry.subjectId()))
            .append("</td><td class=\"n\">").append(esc(plain(entry.score()))).append("</td><td>")
            .append(esc(rating(subject, ranking.checklistId(), entry.rating(), language))).append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
      if (!ranking.unranked().isEmpty()) {
        List<String> names = ranking.unranked().stream().map(id -> name(report.subject(id), id) + " (" + id + ")").toList();
        html.append("<p>").append(esc((vi ? "Chưa xếp hạng (thiếu bằng chứng): " : "Not ranked (evidence missing): ")
            + String.join(", ", names))).append("</p>\n");
      }
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static String name(Optional<SubjectResult> subject, String id) {
    return subject.map(s -> s.subject().name()).filter(n -> n != null && !n.isBlank()).orElse(id);
  }

  private static String rating(Optional<SubjectResult> subject, String checklist, String rating, Language language) {
    String title = subject.flatMap(s -> s.score(checklist)).map(ChecklistScore::ratingTitle)
        .map(t -> t.in(language)).orElse(null);
    return title != null && !title.isBlank() ? title : rating == null ? "" : rating;
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  /** Text from the facts or the packs, on one line with control characters shown escaped, then HTML-escaped. */
  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : SafeText.line(text), StandardCharsets.UTF_8.name());
  }
}
