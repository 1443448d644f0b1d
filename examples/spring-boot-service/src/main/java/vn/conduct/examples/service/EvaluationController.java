package vn.conduct.examples.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;
import vn.conduct.rules.io.ReportJson;

/**
 * {@code POST /evaluations}: facts in (the facts format of {@code specs/facts-format.md}, as JSON or
 * YAML), the report out as JSON ({@code specs/report-format.md}).
 *
 * <p>The request body is read and checked within the {@link FactsLimits} ({@link FactsBody}), then
 * handed to {@link FactsReader} as bytes, so that every problem in it is reported with its line,
 * column and field path (see {@link ProblemHandler}); the report is written by {@link ReportJson},
 * exactly as {@code conduct evaluate --format json} writes it: pseudonymised, with its {@code privacy}
 * statement, unless {@code conduct.service.privacy.reveal-ids} is set.
 */
@RestController
public class EvaluationController {

  private final RulesEngine engine;
  private final FactsBody facts;
  private final ServicePrivacy privacy;

  /**
   * Creates the controller over the shared engine, reading bodies within the given limits and
   * pseudonymising the reports it answers (none when the service reveals ids).
   */
  public EvaluationController(RulesEngine engine, FactsLimits limits,
      ServicePrivacy privacy) {
    this.engine = engine;
    this.facts = new FactsBody(limits);
    this.privacy = privacy;
  }

  /**
   * Evaluates the facts in the request body.
   *
   * @param lang the language of the single-language texts ({@code reason}, {@code title}): {@code vi}
   *     (default) or {@code en}; both languages are always in the {@code -localized} members
   * @param asOf an evaluation date imposed on the facts ({@code yyyy-mm-dd}); default: the facts' {@code as-of}
   * @return {@code 200} with the report; {@code 400} if the facts are invalid or break a limit of
   *     {@link FactsLimits}; {@code 413} if they are too large; {@code 422} if they name a pack or
   *     pinned version that is not loaded
   */
  @Operation(summary = "Evaluate facts against the loaded packs",
      description = "Facts in (specs/facts-format.md) as JSON or YAML, the report out as JSON "
          + "(specs/report-format.md), exactly as `conduct evaluate --format json` writes it.",
      requestBody = @RequestBody(required = true, description = "A facts file: as-of, subjects, events, observations",
          content = {@Content(mediaType = "application/json", schema = @Schema(type = "object")),
              @Content(mediaType = "application/yaml", schema = @Schema(type = "string"))}),
      responses = {
          @ApiResponse(responseCode = "200", description = "The report",
              content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))),
          @ApiResponse(responseCode = "400", description = "Invalid facts, a broken limit or a bad parameter",
              content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "413", description = "Facts larger than conduct.service.max-facts-bytes",
              content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "422", description = "A pack or pinned version that is not loaded",
              content = @Content(mediaType = "application/problem+json"))})
  @PostMapping(path = "/evaluations", consumes = { // JSON is read as YAML, its superset, once it passed as JSON
      MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml", "text/yaml"})
  public ResponseEntity<byte[]> evaluate(HttpServletRequest request,
      @Parameter(hidden = true) @RequestHeader(name = "Content-Type") MediaType contentType,
      @Parameter(description = "Language of the single-language texts: vi (default) or en")
      @RequestParam(name = "lang", required = false) String lang,
      @Parameter(description = "An evaluation date imposed on the facts, yyyy-mm-dd; default the facts' as-of")
      @RequestParam(name = "as-of", required = false) String asOf) {
    ReportJson writer = new ReportJson().withLanguage(RequestParameters.language(lang));
    LocalDate date = RequestParameters.date("as-of", asOf);
    FactsBody.Facts body = facts.read(request, contentType);
    FactsFile file = new FactsReader().withAsOf(date).load(body.fileName(), body.content());
    Report report = engine.evaluate(file.request());
    String json = privacy.writer(writer).withFactLocator(file::locate).write(report);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.getBytes(StandardCharsets.UTF_8));
  }
}
