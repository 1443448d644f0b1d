package vn.conduct.examples.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.InvalidFactsException;

/**
 * Answers every error as an RFC 9457 problem detail ({@code application/problem+json}); the types
 * are those of {@link ProblemType}.
 *
 * <ul>
 *   <li>Invalid facts: {@code 400}, with an {@code errors} list giving each issue's code, field path,
 *       line, column, location ({@code facts.json:7:5}), message and hint (the first
 *       {@value #MAX_LISTED_ERRORS}; the detail gives the count).</li>
 *   <li>A pack or pinned version that is not loaded: {@code 422} (the request is well-formed and the
 *       endpoint exists, but the facts name something this service cannot evaluate them with).</li>
 *   <li>Spring MVC's own errors (unsupported media type, unknown path, …) keep their status and
 *       {@code about:blank}; a missing query parameter is an invalid parameter.</li>
 *   <li>Anything else is a {@code 500} whose detail says nothing of the failure but an incident id,
 *       under which the failure is logged with its stack trace.</li>
 * </ul>
 *
 * <p>Every problem leaves through {@link #respond}: text taken from the request or an exception is
 * put on one line with control characters and bidirectional overrides escaped
 * ({@link SafeText#line}), and cut at {@value #MAX_TEXT} characters.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  /** The most issues an invalid-facts problem lists. */
  static final int MAX_LISTED_ERRORS = 100;

  /** The longest text from a request or an exception put in a problem; longer is cut, saying so. */
  static final int MAX_TEXT = 500;

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  /** Invalid facts: {@code 400} with the issues the reader (or the service's limits) found. */
  @ExceptionHandler(InvalidFactsException.class)
  public ResponseEntity<ProblemDetail> invalidFacts(InvalidFactsException e) {
    List<ValidationIssue> issues = e.issues();
    long count = issues.stream().filter(issue -> issue.severity() == ValidationIssue.Level.ERROR).count();
    String listed = issues.size() <= MAX_LISTED_ERRORS ? "each is listed in 'errors'"
        : "the first " + MAX_LISTED_ERRORS + " are listed in 'errors'";
    ProblemDetail problem = ProblemType.INVALID_FACTS.problem("The facts are invalid (" + count
        + (count == 1 ? " error" : " errors") + "); " + listed + " with its field path and location. Nothing was evaluated.");
    problem.setProperty("errors", issues.stream().limit(MAX_LISTED_ERRORS).map(FactsError::of).toList());
    return respond(problem);
  }

  /** A pack or pinned version named by the facts is not loaded: {@code 422}. */
  @ExceptionHandler(RulePackNotFoundException.class)
  public ResponseEntity<ProblemDetail> packNotFound(RulePackNotFoundException e) {
    ProblemDetail problem = ProblemType.PACK_NOT_FOUND.problem(e.getMessage());
    problem.setProperty("hint", "GET /packs lists the packs this service has loaded and which versions are in force");
    return respond(problem);
  }

  /**
   * Any other failure: {@code 500}, logged with its stack trace under an incident id that the
   * problem gives, and nothing else about it.
   */
  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    return respond(incident(request.getMethod(), request.getRequestURI(), e));
  }

  /** A missing query parameter is an invalid one, naming it. */
  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = RequestParameters.badParameter(e.getParameterName(),
        "the query parameter '" + e.getParameterName() + "' is required", e).getBody();
    return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
  }

  /**
   * Gives Spring MVC's own problems ({@code 415}, {@code 404} for an unknown path, and
   * {@link org.springframework.web.ErrorResponseException}s) the problem content type whatever the
   * request accepts, and makes their texts safe, as {@link #respond} does for this class's own.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      HttpHeaders problemHeaders = new HttpHeaders();
      problemHeaders.addAll(headers);
      problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      return new ResponseEntity<>(safe(problem), problemHeaders, statusCode);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  /** The answer to a problem: its status, {@code application/problem+json}, its texts made {@link #safe}. */
  static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(safe(problem));
  }

  /**
   * A {@code 500} problem for an unexpected failure, logged at error level with its stack trace
   * under a new incident id; the problem gives the id and nothing of the failure.
   */
  static ProblemDetail incident(String method, String uri, Throwable failure) {
    String id = UUID.randomUUID().toString();
    LOG.error("Incident {}: {} {} failed", id, SafeText.line(method), SafeText.line(uri), failure);
    ProblemDetail problem = ProblemType.INTERNAL_ERROR.problem("The service failed to answer this request; the "
        + "failure is logged under incident " + id + ". Quote it when you report the problem.");
    problem.setProperty("incident", id);
    return problem;
  }

  /** The problem with its title, detail and text properties {@linkplain #text made safe}. */
  static ProblemDetail safe(ProblemDetail problem) {
    problem.setTitle(text(problem.getTitle()));
    problem.setDetail(text(problem.getDetail()));
    if (problem.getProperties() != null) {
      Map<String, Object> properties = new LinkedHashMap<>(problem.getProperties());
      properties.replaceAll((name, value) -> value instanceof String text ? text(text)
          : value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
              ? list.stream().map(item -> text((String) item)).toList() : value);
      properties.forEach(problem::setProperty);
    }
    return problem;
  }

  /**
   * Text from a request or an exception, made safe to put in a problem: on one line, with control
   * characters and bidirectional overrides escaped ({@link SafeText#line}), and at most
   * {@value #MAX_TEXT} characters.
   */
  static String text(String text) {
    String line = SafeText.line(text);
    if (line == null || line.length() <= MAX_TEXT) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
    return line.substring(0, end) + "… (" + (line.length() - end) + " more characters)";
  }

  /**
   * One issue of invalid facts; every text is {@linkplain ProblemHandler#text made safe}.
   *
   * @param severity {@code error} or {@code warning}
   * @param code the stable issue code, e.g. {@code facts.date} (facts-format.md, section 11), or
   *     {@code request.limit} for a value over one of the service's own limits
   * @param path the field's path, e.g. {@code events[0].date}, or {@code ""} for the whole document
   * @param line the 1-based line, or {@code null} when unknown
   * @param column the 1-based column, or {@code null} when unknown
   * @param location {@code file:line:column}, e.g. {@code facts.json:7:5}
   * @param message what is wrong, naming the value
   * @param hint how to fix it, or {@code null}
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record FactsError(String severity, String code, String path, Integer line, Integer column,
      String location, String message, String hint) {

    static FactsError of(ValidationIssue issue) {
      return new FactsError(issue.severity().name().toLowerCase(Locale.ROOT), text(issue.code()), text(issue.path()),
          issue.line() > 0 ? issue.line() : null, issue.column() > 0 ? issue.column() : null, text(issue.location()),
          text(issue.message()), text(issue.hint()));
    }
  }
}
