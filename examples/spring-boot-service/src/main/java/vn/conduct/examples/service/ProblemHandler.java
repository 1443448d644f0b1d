package vn.conduct.examples.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.InvalidFactsException;

/**
 * Answers errors as RFC 9457 problem details ({@code application/problem+json}).
 *
 * <ul>
 *   <li>Invalid facts: {@code 400}, type {@code urn:conduct:problem:invalid-facts}, with an
 *       {@code errors} list giving each issue's code, field path, line, column, location
 *       ({@code facts.json:7:5}), message and hint.</li>
 *   <li>A pack or pinned version that is not loaded: {@code 422} (the request is well-formed and the
 *       endpoint exists, but the facts name something this service cannot evaluate them with), type
 *       {@code urn:conduct:problem:pack-not-found}.</li>
 *   <li>Spring MVC's own errors (unsupported media type, missing parameter, …) keep their status,
 *       as problem details too.</li>
 * </ul>
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  /** The problem type of invalid facts. */
  public static final URI INVALID_FACTS = URI.create("urn:conduct:problem:invalid-facts");

  /** The problem type of a pack that is not loaded. */
  public static final URI PACK_NOT_FOUND = URI.create("urn:conduct:problem:pack-not-found");

  /** Invalid facts: {@code 400} with every issue the reader found. */
  @ExceptionHandler(InvalidFactsException.class)
  public ResponseEntity<ProblemDetail> invalidFacts(InvalidFactsException e) {
    List<FactsError> errors = e.issues().stream().map(FactsError::of).toList();
    long count = errors.stream().filter(error -> "error".equals(error.severity())).count();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The facts are invalid (" + count + (count == 1 ? " error" : " errors")
            + "); each is listed in 'errors' with its field path and location. Nothing was evaluated.");
    problem.setType(INVALID_FACTS);
    problem.setTitle("Invalid facts");
    problem.setProperty("errors", errors);
    return problem(problem);
  }

  /** A pack or pinned version named by the facts is not loaded: {@code 422}. */
  @ExceptionHandler(RulePackNotFoundException.class)
  public ResponseEntity<ProblemDetail> packNotFound(RulePackNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setType(PACK_NOT_FOUND);
    problem.setTitle("Rule pack not found");
    problem.setProperty("hint", "GET /packs lists the packs this service has loaded and which versions are in force");
    return problem(problem);
  }

  /**
   * Gives Spring MVC's own problems ({@code 415}, {@code 400} for a missing parameter, {@code 404} for
   * an unknown path, and {@link org.springframework.web.ErrorResponseException}s) the problem content
   * type whatever the request accepts, as {@link #invalidFacts} and {@link #packNotFound} do.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail) {
      HttpHeaders problemHeaders = new HttpHeaders();
      problemHeaders.addAll(headers);
      problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      return new ResponseEntity<>(body, problemHeaders, statusCode);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /**
   * One issue of invalid facts.
   *
   * @param severity {@code error} or {@code warning}
   * @param code the stable issue code, e.g. {@code facts.date} (facts-format.md, section 11)
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
      return new FactsError(issue.severity().name().toLowerCase(java.util.Locale.ROOT), issue.code(), issue.path(),
          issue.line() > 0 ? issue.line() : null, issue.column() > 0 ? issue.column() : null, issue.location(),
          issue.message(), issue.hint());
    }
  }
}
