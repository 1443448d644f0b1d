package vn.conduct.rules.api;

import java.util.Objects;

/**
 * A problem with one of the host's facts, reported instead of silently ignored: an unknown
 * subject type, an observation of an undeclared indicator, a value of the wrong type, an event
 * about an unknown subject.
 *
 * @param kind {@code subject}, {@code observation} or {@code event}
 * @param index the fact's position in the request's list of that kind, starting at 0
 * @param field the offending field (e.g. {@code indicator}, {@code value})
 * @param message what is wrong, naming the value, with a hint where one exists
 * @since 0.1
 */
public record FactProblem(String kind, int index, String field, String message) {

  public FactProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
