package vn.conduct.examples.service;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.InvalidFactsException;

/**
 * Reads the facts in a request body within the {@link FactsLimits}, before the library sees them.
 *
 * <ol>
 *   <li>a charset other than UTF-8 in the {@code Content-Type} is {@code 415};</li>
 *   <li>a {@code Content-Length} over the limit is {@code 413} before a byte is read; without one,
 *       reading stops, with {@code 413}, at the first byte over the limit;</li>
 *   <li>the body is then {@linkplain FactsShape checked}: a problem is an {@link InvalidFactsException}
 *       carrying it, answered {@code 400} like the library's own.</li>
 * </ol>
 */
final class FactsBody {

  private final FactsLimits limits;
  private final FactsShape shape;

  FactsBody(FactsLimits limits) {
    this.limits = limits;
    this.shape = new FactsShape(limits);
  }

  /**
   * A body read and checked.
   *
   * @param fileName its name in issue locations: {@code facts.json} or {@code facts.yaml}
   * @param content its bytes, UTF-8
   */
  record Facts(String fileName, byte[] content) {
  }

  /**
   * Reads and checks the request's body.
   *
   * @param type the request's content type, one the endpoint consumes
   * @throws ErrorResponseException {@code 413}, {@code 415} or {@code 400} (unreadable) as a problem
   * @throws InvalidFactsException if the body breaks a limit, with the issue located
   */
  Facts read(HttpServletRequest request, MediaType type) {
    Charset charset = type.getCharset();
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      ProblemDetail problem = ProblemType.UNSUPPORTED_CHARSET.problem("The facts are read as UTF-8, but the "
          + "Content-Type says charset=" + type.getParameter("charset") + "; send them as UTF-8 (charset=utf-8, or no charset)");
      throw new ErrorResponseException(ProblemType.UNSUPPORTED_CHARSET.status(), problem, null);
    }
    long declared = request.getContentLengthLong();
    if (declared > limits.maxBytes()) {
      throw tooLarge("The request's Content-Length, " + declared + " bytes, is");
    }
    byte[] body;
    try {
      InputStream in = request.getInputStream();
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limits.maxBytes() + 1L));
    } catch (IOException e) {
      throw new ErrorResponseException(ProblemType.UNREADABLE_BODY.status(), ProblemType.UNREADABLE_BODY.problem(
          "The request body could not be read to its end; send it again"), e);
    }
    if (body.length > limits.maxBytes()) {
      throw tooLarge("The body is");
    }
    String fileName = type.isCompatibleWith(MediaType.APPLICATION_JSON) ? "facts.json" : "facts.yaml";
    Optional<ValidationIssue> issue = shape.check(fileName, body, fileName.equals("facts.json"));
    if (issue.isPresent()) {
      throw new InvalidFactsException(fileName, List.of(issue.get()));
    }
    return new Facts(fileName, body);
  }

  private ErrorResponseException tooLarge(String what) {
    ProblemDetail problem = ProblemType.FACTS_TOO_LARGE.problem(what + " over the " + limits.maxBytes()
        + " bytes this service reads (conduct.service.max-facts-bytes); split the facts into several requests, by unit");
    problem.setProperty("max-bytes", limits.maxBytes());
    return new ErrorResponseException(ProblemType.FACTS_TOO_LARGE.status(), problem, null);
  }
}
