package vn.conduct.examples.service;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every problem type this service answers with, with its status and title: the one list the
 * handlers, the README's error table and the tests follow. Spring MVC's own errors (an unknown path,
 * a method or media type the endpoint does not take) keep {@code about:blank} and the status's
 * reason phrase as title, as RFC 9457 asks.
 */
enum ProblemType {

  /** The body is not a valid facts file, or exceeds one of the shape limits of {@link FactsLimits}. */
  INVALID_FACTS("invalid-facts", HttpStatus.BAD_REQUEST, "Invalid facts"),

  /** A query parameter has a value the endpoint cannot use, or a required one is missing. */
  INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid query parameter"),

  /** The request body could not be read to its end (the client went away, a broken chunked encoding). */
  UNREADABLE_BODY("unreadable-body", HttpStatus.BAD_REQUEST, "Unreadable request body"),

  /** The facts on record have no ranking on the checklist asked for. */
  RANKING_NOT_FOUND("ranking-not-found", HttpStatus.NOT_FOUND, "Ranking not found"),

  /** The body is larger than {@code conduct.service.max-facts-bytes}. */
  FACTS_TOO_LARGE("facts-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Facts too large"),

  /** The body is JSON or YAML in a charset other than UTF-8. */
  UNSUPPORTED_CHARSET("unsupported-charset", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset"),

  /** The facts name a pack, or pin a version, that is not loaded. */
  PACK_NOT_FOUND("pack-not-found", HttpStatus.UNPROCESSABLE_ENTITY, "Rule pack not found"),

  /** Anything else: a defect, logged with the incident id the problem gives. */
  INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

  private final URI type;
  private final HttpStatus status;
  private final String title;

  ProblemType(String name, HttpStatus status, String title) {
    this.type = URI.create("urn:conduct:problem:" + name);
    this.status = status;
    this.title = title;
  }

  /** The problem's {@code type}, e.g. {@code urn:conduct:problem:invalid-facts}. */
  URI type() {
    return type;
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }

  /** A problem of this type; {@link ProblemHandler} makes its texts safe as it answers it. */
  ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }
}
