package vn.conduct.examples.service;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, {@code /error}, in place of Spring Boot's (whose answer is
 * {@code {"timestamp": …, "error": …}} or the whitelabel HTML page): what fails outside Spring
 * MVC's exception handling (in a filter, in the container, while the container rejects a request)
 * is answered as a problem detail too. A {@code 4xx} keeps its status, with {@code about:blank} and
 * the reason phrase (a body the container could not read, such as a broken chunked encoding, is
 * {@link ProblemType#UNREADABLE_BODY}); anything else is an {@link ProblemType#INTERNAL_ERROR internal
 * error}, logged under an incident id. The container's own message is never shown: it may quote the
 * request.
 */
@Hidden // not an endpoint of the service: where the container forwards errors; left out of /v3/api-docs
@RestController
public class ErrorEndpoint implements ErrorController {

  /** Answers the error the container forwarded here. */
  @RequestMapping("/error")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String forwarded ? forwarded
        : request.getRequestURI();
    HttpStatus status = code instanceof Integer number ? HttpStatus.resolve(number) : HttpStatus.NOT_FOUND;
    ProblemDetail problem;
    if (status != null && status.is4xxClientError()) {
      problem = status == HttpStatus.BAD_REQUEST && failure instanceof IOException
          ? ProblemType.UNREADABLE_BODY.problem("The request body could not be read to its end; send it again")
          : ProblemDetail.forStatusAndDetail(status, "The request was refused: " + status.getReasonPhrase() + ".");
    } else {
      problem = ProblemHandler.incident(request.getMethod(), uri,
          failure instanceof Throwable throwable ? throwable : new IllegalStateException("error status " + code));
    }
    if (uri != null) {
      try {
        problem.setInstance(new URI(uri));
      } catch (URISyntaxException e) {
        // no instance rather than one that is not a URI
      }
    }
    return ProblemHandler.respond(problem);
  }
}
