package vn.conduct.rules.io;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.FactProblem;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * A facts file that was read successfully: the {@link EvaluationRequest} it describes, and where
 * each fact came from, so that the engine's {@link FactProblem}s can be shown at a line of the
 * file.
 *
 * <p>Immutable and thread-safe. Obtain one from {@link FactsReader#load(java.nio.file.Path)}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FactsFile {

  private final String source;
  private final YamlDocument document;
  private final EvaluationRequest request;
  private final java.util.List<String> extensionKeys;

  FactsFile(String source, YamlDocument document, EvaluationRequest request, java.util.List<String> extensionKeys) {
    this.source = source;
    this.document = document;
    this.request = request;
    this.extensionKeys = extensionKeys;
  }

  /**
   * Returns what the file holds under an extension key the reader was told to accept
   * ({@link FactsReader#withExtensionKeys}), as plain values: mappings as {@code Map<String, Object>}
   * in file order, lists as {@code List<Object>}, and scalars typed as facts are (Boolean,
   * BigDecimal, LocalDate or String; quoted values stay text). Empty if the key is absent or null.
   *
   * @throws IllegalArgumentException if the key is not one of the reader's extension keys
   */
  public Optional<Object> extension(String key) {
    if (!extensionKeys.contains(key)) {
      throw new IllegalArgumentException("'" + key + "' is not an extension key of this file's reader "
          + extensionKeys);
    }
    com.fasterxml.jackson.databind.JsonNode node = document.root().get(key);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(plain(node, key));
  }

  private Object plain(com.fasterxml.jackson.databind.JsonNode node, String path) {
    if (node.isObject()) {
      java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(),
          e.getValue().isNull() ? null : plain(e.getValue(), YamlDocument.child(path, e.getKey()))));
      return java.util.Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      java.util.List<Object> list = new java.util.ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        list.add(node.get(i).isNull() ? null : plain(node.get(i), YamlDocument.element(path, i)));
      }
      return java.util.Collections.unmodifiableList(list);
    }
    return FactsReader.convertScalar(node.asText(), document.isQuoted(path));
  }

  /**
   * Returns where a value was written, as {@code file:line:column}, for a path such as
   * {@code subjects[2].attributes.code} or {@code expect.o1}; a path the file lacks gives the
   * nearest enclosing value, and empty only if nothing encloses it.
   */
  public Optional<String> locate(String path) {
    int[] mark = document.locate(path);
    return mark[0] <= 0 ? Optional.empty() : Optional.of(document.file() + ":" + mark[0] + ":" + mark[1]);
  }

  /** Where the facts were read from: the path as given, or the name passed to the reader. */
  public String source() {
    return source;
  }

  /** The file's name as used in locations (e.g. {@code june.yaml}). */
  public String fileName() {
    return document.file();
  }

  /** The evaluation request the file describes. */
  public EvaluationRequest request() {
    return request;
  }

  /**
   * Returns the field path of a fact in the file, e.g. {@code observations[4].value} for a
   * problem with kind {@code observation}, index 4 and field {@code value}.
   */
  public static String path(FactProblem problem) {
    Objects.requireNonNull(problem, "problem");
    String list = switch (problem.kind()) {
      case "subject" -> "subjects";
      case "observation" -> "observations";
      case "event" -> "events";
      default -> problem.kind();
    };
    String element = YamlDocument.element(list, problem.index());
    return problem.field().isEmpty() ? element : element + "." + problem.field();
  }

  /**
   * Returns where in this file the fact a problem is about was written, as
   * {@code file:line:column} (e.g. {@code june.yaml:41:52}), or empty if the problem does not
   * name a fact of this file.
   *
   * <p>The position is that of the named field when the file has it, else of the nearest
   * enclosing value (the fact itself).
   */
  public Optional<String> locate(FactProblem problem) {
    String path = path(problem);
    String list = path.substring(0, path.indexOf('['));
    if (!document.root().path(list).has(problem.index())) {
      return Optional.empty();
    }
    if (problem.field().equals("evidence.method")
        && document.root().path(list).path(problem.index()).path("evidence").path("method").isMissingNode()) {
      path = path.substring(0, path.length() - "evidence.method".length()) + "method"; // the format 1 key
    }
    int[] mark = document.locate(path);
    if (mark[0] <= 0) {
      return Optional.empty();
    }
    return Optional.of(document.file() + ":" + mark[0] + ":" + mark[1]);
  }
}
