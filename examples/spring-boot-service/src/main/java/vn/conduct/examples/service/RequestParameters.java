package vn.conduct.examples.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import vn.conduct.rules.api.Language;

/** Parses the query parameters the endpoints share, answering a 400 problem for a bad value. */
final class RequestParameters {

  private RequestParameters() {
  }

  /** {@code lang}: {@code vi} (the default) or {@code en}. */
  static Language language(String lang) {
    if (lang == null || lang.isBlank()) {
      return Language.VI;
    }
    try {
      return Language.parse(lang);
    } catch (IllegalArgumentException e) {
      throw badParameter("lang", "'" + lang + "' is not a language of the reports; use 'vi' or 'en'", e);
    }
  }

  /** {@code as-of}: an ISO date ({@code 2025-06-30}), or {@code null} when absent. */
  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw badParameter(name, "'" + value + "' is not a date; write it yyyy-mm-dd, e.g. 2025-06-30", e);
    }
  }

  static ErrorResponseException badParameter(String name, String detail, Throwable cause) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid query parameter");
    problem.setProperty("parameter", name);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, cause);
  }
}
