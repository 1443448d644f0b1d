package vn.conduct.rules.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.load.Issues;
import vn.conduct.rules.internal.yaml.SafeYaml;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * The one way the host's side files (waivers, decisions) are read: the bytes of a file, then a safe
 * parse with source positions and a binding, every problem reported at once and located as
 * {@code file:line:column} with its field path. Each file kind gives its binder and how it refuses.
 *
 * @param <T> what the file binds to (e.g. the list of its waivers)
 */
record LocatedFile<T>(String source, YamlDocument document, T value, List<ValidationIssue> warnings) {

  /** How a file kind refuses: its exception, from the source and every issue found. */
  interface Refusal {
    RuntimeException of(String source, List<ValidationIssue> issues);
  }

  /**
   * Reads a file's bytes; a missing or unreadable file is refused with one issue coded {@code <kind>.io}.
   *
   * @return the file's name (for locations) and its content
   */
  static Bytes bytes(Path file, String kind, Refusal refusal) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try {
      return new Bytes(name, Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw refusal.of(file.toString(), List.of(new ValidationIssue(ValidationIssue.Level.ERROR, kind + ".io", name,
          0, 0, "", "no such file: " + file, "check the path")));
    } catch (IOException e) {
      throw refusal.of(file.toString(), List.of(new ValidationIssue(ValidationIssue.Level.ERROR, kind + ".io", name,
          0, 0, "", "cannot read the file: " + e.getMessage(), null)));
    }
  }

  /** A file's name, as shown in locations, and its bytes. */
  record Bytes(String name, byte[] content) { }

  /**
   * Parses (the facts profile of {@link SafeYaml}: no tags, anchors or custom types) and binds, refusing
   * with every error at once; what the binder found suspicious but usable comes back as warnings.
   */
  static <T> LocatedFile<T> read(String source, String fileName, byte[] content,
      BiFunction<YamlDocument, Issues, T> binder, Refusal refusal) {
    Issues issues = new Issues();
    Optional<YamlDocument> parsed = SafeYaml.parse(fileName, content, issues, SafeYaml.Profile.FACTS);
    if (parsed.isEmpty() || issues.hasErrors()) {
      throw refusal.of(source, issues.sorted());
    }
    T value = binder.apply(parsed.get(), issues);
    if (issues.hasErrors()) {
      throw refusal.of(source, issues.sorted());
    }
    return new LocatedFile<>(source, parsed.get(), value, issues.sorted());
  }

  /**
   * Where a path such as {@code waivers[1].scope.rule} was written in a document, as
   * {@code file:line:column}, or the nearest enclosing value.
   */
  static Optional<String> locate(YamlDocument document, String path) {
    int[] mark = document.locate(path);
    return mark[0] <= 0 ? Optional.empty() : Optional.of(document.file() + ":" + mark[0] + ":" + mark[1]);
  }
}
