package vn.conduct.examples.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
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
 * not be ranked are listed below each table. The page is the precompiled template {@code rankings.jte}
 * over a {@link RankingPage} ({@link PageTemplates}; a district gives its header and footer as data,
 * {@code conduct.service.letterhead.*}), its texts from {@code messages.properties} /
 * {@code messages_vi.properties}. Every text from the facts or the packs is put on one line with control
 * characters shown escaped ({@link SafeText#line}); the template HTML-escapes every value.
 */
@RestController
public class RankingController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private static final Locale VI = Locale.forLanguageTag("vi");

  private final RulesEngine engine;
  private final RankingFacts facts;
  private final PageTemplates templates;
  private final MessageSource messages;
  private final ServiceProperties.Letterhead letterhead;

  /** Creates the controller over the shared engine, the facts on record, the page templates, texts and letterhead. */
  public RankingController(RulesEngine engine, RankingFacts facts, PageTemplates templates, MessageSource messages,
      ServiceProperties properties) {
    this.engine = engine;
    this.facts = facts;
    this.templates = templates;
    this.messages = messages;
    this.letterhead = properties.letterhead();
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
    Locale locale = language == Language.VI ? VI : Locale.ENGLISH;
    Ranking first = rankings.get(0);
    String packVersion = report.provenance().packs().stream().filter(p -> p.packId().equals(first.packId()))
        .map(PackUse::version).findFirst().orElse("");
    String title = engine.checklists().stream()
        .filter(c -> c.packId().equals(first.packId()) && c.packVersion().equals(packVersion)
            && c.checklistId().equals(first.checklistId()))
        .map(ChecklistInfo::title).map(t -> t.in(language)).filter(t -> t != null && !t.isBlank())
        .findFirst().orElse(first.checklistId());
    List<String> columns = List.of("rank", "name", "id", "score", "rating").stream()
        .map(c -> text("rankings.column." + c, locale)).toList();
    List<RankingPage.Group> groups = new ArrayList<>();
    for (Ranking ranking : rankings) {
      String group = ranking.peerGroup().isEmpty() ? text("rankings.group.all", locale) : ranking.peerGroup();
      List<RankingPage.Row> rows = new ArrayList<>();
      for (Ranking.Entry entry : ranking.entries()) {
        Optional<SubjectResult> subject = report.subject(entry.subjectId());
        rows.add(new RankingPage.Row(entry.rank(), line(name(subject, entry.subjectId())), line(entry.subjectId()),
            plain(entry.score()), line(rating(subject, ranking.checklistId(), entry.rating(), language))));
      }
      String unranked = ranking.unranked().isEmpty() ? "" : text("rankings.unranked", locale, String.join(", ",
          ranking.unranked().stream().map(id -> line(name(report.subject(id), id) + " (" + id + ")")).toList()));
      groups.add(new RankingPage.Group(text("rankings.group", locale, line(group)), rows, unranked));
    }
    return templates.rankings(new RankingPage(language == Language.VI ? "vi" : "en", line(title),
        text("rankings.source", locale, line(facts.fileName()), report.provenance().asOf(), line(first.packId()),
            line(packVersion)),
        letterhead, columns, groups, List.of(Language.VI, Language.EN).stream().map(other -> new RankingPage.Link(
            text("rankings.language." + other.name().toLowerCase(Locale.ROOT), locale), "?checklist="
            + java.net.URLEncoder.encode(first.checklistId(), StandardCharsets.UTF_8) + "&lang="
            + other.name().toLowerCase(Locale.ROOT))).toList()));
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
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

  /** Text from the facts or the packs on one line, control characters shown escaped; the template HTML-escapes it. */
  private static String line(String text) {
    return text == null ? "" : SafeText.line(text);
  }
}
