package vn.conduct.rules.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A problem with one of the host's facts, reported instead of silently ignored: an unknown
 * subject type, an observation of an undeclared indicator, a value of the wrong type, an event
 * about an unknown subject.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FactProblem {

  private final String kind;
  private final int index;
  private final String field;
  private final String message;

  private FactProblem(String kind, int index, String field, String message) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.index = index;
    this.field = Objects.requireNonNull(field, "field");
    this.message = Objects.requireNonNull(message, "message");
  }

  /**
   * Creates a fact problem; for the engine and for tests of code that reads reports.
   *
   * @param kind {@code subject}, {@code observation} or {@code event}; never {@code null}
   * @param index the fact's position in the request's list of that kind, starting at 0
   * @param field the offending field; never {@code null}
   * @param message what is wrong; never {@code null}
   * @since 0.2
   */
  public static FactProblem of(String kind, int index, String field, String message) {
    return new FactProblem(kind, index, field, message);
  }

  /** The kind of fact: {@code subject}, {@code observation} or {@code event}. */
  public String kind() {
    return kind;
  }

  /** The fact's position in the request's list of that kind, starting at 0. */
  public int index() {
    return index;
  }

  /** The offending field (e.g. {@code indicator}, {@code value}). */
  public String field() {
    return field;
  }

  /** What is wrong, naming the value, with a hint where one exists. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FactProblem that && kind.equals(that.kind) && index == that.index
        && field.equals(that.field) && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, index, field, message);
  }

  @Override
  public String toString() {
    return "FactProblem[kind=" + kind + ", index=" + index + ", field=" + field + ", message=" + message + "]";
  }
}
