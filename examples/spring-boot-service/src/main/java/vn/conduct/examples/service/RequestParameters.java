package vn.conduct.examples.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import vn.conduct.rules.api.Language;

/** Parses the query parameters the endpoints share, answering a 400 problem for a bad value. */
final class RequestParameters {

  /** Dates as the facts format writes them (facts-format.md, section 7.3): four-digit years only. */
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

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

  /** {@code as-of}: an ISO date ({@code 2025-06-30}) with a four-digit year, or {@code null} when absent. */
  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!DATE.matcher(value).matches()) {
      throw badParameter(name, "'" + value + "' is not a date; write it yyyy-mm-dd, e.g. 2025-06-30", null);
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw badParameter(name, "'" + value + "' is not a date in the calendar; check the day and month", e);
    }
  }

  /** A {@code 400} invalid-parameter problem naming the parameter (property {@code parameter}). */
  static ErrorResponseException badParameter(String name, String detail, Throwable cause) {
    ProblemDetail problem = ProblemType.INVALID_PARAMETER.problem(detail);
    problem.setProperty("parameter", name);
    return new ErrorResponseException(ProblemType.INVALID_PARAMETER.status(), problem, cause);
  }
}
