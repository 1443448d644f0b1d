package vn.conduct.rules.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small packs to a directory for tests: a manifest, rules and checklists as YAML text. */
public final class PackBuilder {

  /** A manifest with officer/agency vocabulary used by most tests; {@code %s} slots: id, version, extra. */
  public static final String MANIFEST = """
      format: 1
      id: %s
      version: %s
      title: {vi: Gói thử, en: Test pack}
      engine: ">=0.1.0 <1.0.0"
      %s
      sources:
        src: {number: "1/QĐ-TEST", title: {vi: Văn bản thử, en: Test document}}
      vocabulary:
        subject-types:
          agency:
            attributes:
              block: {type: string}
              exceptional: {type: boolean}
            indicators:
              sipas: {type: number, unit: percent}
          officer:
            parent: agency
            attributes:
              position: {type: string}
              born: {type: date}
            indicators:
              n: {type: number}
              badge-worn: {type: boolean}
              signed: {type: boolean}
              task: {type: number, unit: percent}
        event-types:
          late: {subject-types: [officer]}
          fine:
            subject-types: [officer]
            attributes:
              amount: {type: number}
      parameters:
        target: {type: number, default: 80, basis: read}
      """;

  private final Map<String, String> files = new LinkedHashMap<>();

  private PackBuilder() { }

  public static PackBuilder pack(String id, String version) {
    return pack(id, version, "");
  }

  public static PackBuilder pack(String id, String version, String extraManifestLines) {
    PackBuilder builder = new PackBuilder();
    builder.files.put("pack.yaml", MANIFEST.formatted(id, version, extraManifestLines));
    return builder;
  }

  /** The usual vocabulary in a {@code format: 2} manifest, for the format 2 terms. */
  public static PackBuilder format2(String id, String version) {
    PackBuilder builder = new PackBuilder();
    builder.files.put("pack.yaml", MANIFEST.replace("format: 1", "format: 2").formatted(id, version, ""));
    return builder;
  }

  /** Rewrites the manifest, e.g. to add a term to a declared field. */
  public PackBuilder manifest(java.util.function.UnaryOperator<String> change) {
    files.put("pack.yaml", change.apply(files.get("pack.yaml")));
    return this;
  }

  /** Adds a rule with the usual header; {@code body} holds applies-to, kind, condition… */
  public PackBuilder rule(String id, String body) {
    String text = body.stripIndent();
    boolean ownSource = text.startsWith("source:") || text.contains("\nsource:");
    files.put("rules/" + id + "/rule.yaml", """
        id: %s
        title: {vi: Quy tắc %s, en: Rule %s}
        %sseverity: minor
        """.formatted(id, id, id, ownSource ? "" : "source: {document: src, basis: read}\n") + text);
    return this;
  }

  public PackBuilder file(String path, String content) {
    files.put(path, content);
    return this;
  }

  public Path writeTo(Path directory) {
    try {
      for (var entry : files.entrySet()) {
        Path file = directory.resolve(entry.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, entry.getValue());
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
