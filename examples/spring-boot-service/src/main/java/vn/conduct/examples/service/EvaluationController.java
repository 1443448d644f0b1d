package vn.conduct.examples.service;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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
 * <p>The request body is handed to {@link FactsReader} as bytes, so that every problem in it is
 * reported with its line, column and field path (see {@link ProblemHandler}); the report is written
 * by {@link ReportJson}, exactly as {@code conduct evaluate --format json} writes it.
 */
@RestController
public class EvaluationController {

  private final RulesEngine engine;
  private final int maxBytes;

  /**
   * Creates the controller over the shared engine.
   *
   * @param maxBytes the largest request body read, {@code conduct.max-facts-bytes} (default 8 MiB)
   */
  public EvaluationController(RulesEngine engine, @Value("${conduct.max-facts-bytes:8388608}") int maxBytes) {
    this.engine = engine;
    this.maxBytes = maxBytes;
  }

  /**
   * Evaluates the facts in the request body.
   *
   * @param lang the language of the single-language texts ({@code reason}, {@code title}): {@code vi}
   *     (default) or {@code en}; both languages are always in the {@code -localized} members
   * @param asOf an evaluation date imposed on the facts ({@code yyyy-mm-dd}); default: the facts' {@code as-of}
   * @return {@code 200} with the report; {@code 400} if the facts are invalid; {@code 422} if they name
   *     a pack or pinned version that is not loaded
   */
  @PostMapping(path = "/evaluations", consumes = { // JSON is read as YAML, its superset
      MediaType.APPLICATION_JSON_VALUE, "application/yaml", "application/x-yaml", "text/yaml"})
  public ResponseEntity<byte[]> evaluate(HttpServletRequest request,
      @RequestHeader(name = "Content-Type") String contentType,
      @RequestParam(name = "lang", required = false) String lang,
      @RequestParam(name = "as-of", required = false) String asOf) throws IOException {
    ReportJson writer = new ReportJson().withLanguage(RequestParameters.language(lang));
    LocalDate date = RequestParameters.date("as-of", asOf);
    byte[] body = readBody(request.getInputStream());
    String fileName = contentType.toLowerCase(Locale.ROOT).contains("yaml") ? "facts.yaml" : "facts.json";
    FactsFile facts = new FactsReader().withAsOf(date).load(fileName, body);
    Report report = engine.evaluate(facts.request());
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    writer.withFactLocator(facts::locate).write(report, json);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.toByteArray());
  }

  private byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
          "The facts are larger than " + maxBytes + " bytes (conduct.max-facts-bytes); split them into several requests");
      problem.setTitle("Facts too large");
      throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
    }
    return body;
  }
}
