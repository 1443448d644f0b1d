package vn.conduct.rules.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.conduct.rules.api.Basis;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.internal.model.DataType;
import vn.conduct.rules.internal.model.ParameterDoc;
import vn.conduct.rules.internal.model.Ids;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * The fields of {@code pack.yaml} that describe a pack version (format, id, version, title,
 * jurisdiction, engine range, dates in force), read from the parsed tree and checked by hand,
 * without the data binding and bean validation that {@code Binder} brings: listing packs must not
 * pay for them. Each field is held to the same constraints as {@code PackDoc} states for it; every
 * other part of the manifest (sources, vocabulary, parameters, unknown keys) is left to the full
 * load.
 *
 * @param format the pack format
 * @param id the pack id
 * @param version the semantic version
 * @param title the title
 * @param jurisdiction the jurisdiction, or {@code null}
 * @param engine the engine range as written
 * @param from first day in force, or {@code null}
 * @param until last day in force, or {@code null}
 */
record ManifestFields(int format, String id, String version, LocalizedText title, String jurisdiction,
    String engine, LocalDate from, LocalDate until, List<RulePackInfo.Parameter> parameters) {

  private static final Pattern ID = Pattern.compile(Ids.PACK_ID);
  private static final Pattern SEMVER = Pattern.compile(Ids.SEMVER);
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,9}");
  private static final Set<String> LANGUAGES = Set.of("vi", "en");
  private static final Set<String> EFFECTIVE = Set.of("from", "until");

  /** Reads the fields; empty, with every problem reported, if any is missing or invalid. */
  static Optional<ManifestFields> read(YamlDocument doc, Issues issues) {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      issues.error(doc, "", "bind.type", "the file must hold a mapping, but "
          + (root.isMissingNode() ? "is empty" : "holds " + root.getNodeType().toString().toLowerCase(Locale.ROOT)),
          null);
      return Optional.empty();
    }
    Reader reader = new Reader(doc, issues);
    Integer format = reader.whole("format");
    String id = reader.text("id", true);
    if (id != null && id.length() > Ids.MAX_LENGTH) {
      reader.constraint("id", "must be at most " + Ids.MAX_LENGTH + " characters long");
      id = null;
    } else if (id != null && !ID.matcher(id).matches()) {
      reader.constraint("id", Ids.PACK_ID_MESSAGE + " but was '" + Hints.shorten(id) + "'");
      id = null;
    }
    String version = reader.text("version", true);
    if (version != null && !SEMVER.matcher(version).matches()) {
      reader.constraint("version", "must be a semantic version such as 1.0.0 but was '" + Hints.shorten(version)
          + "'");
      version = null;
    }
    LocalizedText title = reader.title();
    String jurisdiction = reader.text("jurisdiction", false);
    String engine = reader.text("engine", true);
    LocalDate from = null;
    LocalDate until = null;
    JsonNode effective = root.get("effective");
    if (effective != null && !effective.isNull()) {
      if (!effective.isObject()) {
        reader.type("effective", "a mapping with 'from' and/or 'until'");
      } else {
        reader.onlyKeys("effective", effective, EFFECTIVE);
        from = reader.date(YamlDocument.child("effective", "from"), effective.get("from"));
        until = reader.date(YamlDocument.child("effective", "until"), effective.get("until"));
      }
    }
    if (reader.failed) {
      return Optional.empty();
    }
    return Optional.of(new ManifestFields(format, id, version, title, jurisdiction, engine, from, until,
        parameters(root.get("parameters"))));
  }

  /**
   * The declared parameters, in id order, read as the full load binds them ({@link ParameterDoc#describe});
   * leniently: an entry the full load would refuse is left out here (the listing reports only its own fields).
   */
  private static List<RulePackInfo.Parameter> parameters(JsonNode node) {
    if (node == null || !node.isObject()) {
      return List.of();
    }
    java.util.TreeMap<String, RulePackInfo.Parameter> found = new java.util.TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode p = entry.getValue();
      if (!p.isObject() || !p.path("type").isTextual() || !p.path("basis").isTextual() || !p.has("default")) {
        continue;
      }
      DataType type = java.util.Arrays.stream(DataType.values())
          .filter(t -> t.label().equals(p.get("type").asText())).findFirst().orElse(null);
      Basis basis = java.util.Arrays.stream(Basis.values())
          .filter(b -> b.name().toLowerCase(Locale.ROOT).equals(p.get("basis").asText())).findFirst().orElse(null);
      if (type == null || basis == null) {
        continue;
      }
      JsonNode title = p.get("title");
      LocalizedText text = title == null || !title.isObject() ? null : new LocalizedText(
          title.path("vi").isValueNode() ? title.get("vi").asText() : null,
          title.path("en").isValueNode() ? title.get("en").asText() : null);
      found.put(entry.getKey(), new ParameterDoc(type, p.get("default"), text, basis).describe(entry.getKey()));
    }
    return List.copyOf(found.values());
  }

  /** Reads fields of one manifest, noting whether any was refused. */
  private static final class Reader {
    private final YamlDocument doc;
    private final Issues issues;
    private boolean failed;

    Reader(YamlDocument doc, Issues issues) {
      this.doc = doc;
      this.issues = issues;
    }

    void constraint(String path, String message) {
      issues.error(doc, path, "field.constraint", message, null);
      failed = true;
    }

    void type(String path, String expected) {
      issues.error(doc, path, "bind.type", "'" + path + "' must be " + expected, null);
      failed = true;
    }

    /** A string field; {@code null} if absent (an error when required) or not a scalar. */
    String text(String path, boolean required) {
      JsonNode node = doc.root().get(path);
      if (node == null || node.isNull()) {
        if (required) {
          constraint(path, "must not be blank");
        }
        return null;
      }
      if (!node.isValueNode()) {
        // where and how the full load reports it: a list at its first element
        String at = node.isArray() && !node.isEmpty() ? YamlDocument.element(path, 0) : path;
        issues.error(doc, at, "bind.type", "expected text, but was a " + (node.isArray() ? "list" : "mapping"), null);
        failed = true;
        return null;
      }
      String value = node.asText();
      if (required && value.isBlank()) {
        constraint(path, "must not be blank");
        return null;
      }
      return value;
    }

    Integer whole(String path) {
      JsonNode node = doc.root().get(path);
      if (node == null || node.isNull()) {
        constraint(path, "must not be null");
        return null;
      }
      if (!node.isValueNode() || !WHOLE.matcher(node.asText().strip()).matches()) {
        type(path, "a whole number, such as 2");
        return null;
      }
      return Integer.valueOf(node.asText().strip());
    }

    LocalizedText title() {
      JsonNode node = doc.root().get("title");
      if (node == null || node.isNull()) {
        constraint("title", "must not be null");
        return null;
      }
      if (!node.isObject()) {
        type("title", "a mapping of languages to texts, such as {vi: …, en: …}");
        return null;
      }
      onlyKeys("title", node, LANGUAGES);
      String vi = null;
      String en = null;
      for (String language : LANGUAGES) {
        JsonNode text = node.get(language);
        if (text == null || text.isNull()) {
          continue;
        }
        if (!text.isValueNode()) {
          type(YamlDocument.child("title", language), "a text");
          continue;
        }
        if (language.equals("vi")) {
          vi = text.asText();
        } else {
          en = text.asText();
        }
      }
      return new LocalizedText(vi, en);
    }

    void onlyKeys(String path, JsonNode mapping, Set<String> known) {
      for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext(); ) {
        String key = it.next().getKey();
        if (!known.contains(key)) {
          String at = YamlDocument.child(path, key);
          int[] mark = doc.locateKey(at);
          issues.error(doc.file(), mark[0], mark[1], at, "bind.unknown-field", "unknown field '"
              + Hints.shorten(key) + "'", Hints.unknown(key, known, "known fields here"));
          failed = true;
        }
      }
    }

    LocalDate date(String path, JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (node.isValueNode()) {
        String text = node.asText().strip();
        try {
          // as the full load's date binding reads it: a date, or a date and time of which the date is kept
          if (text.length() > 10 && text.charAt(10) == 'T') {
            return text.endsWith("Z") ? LocalDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC).toLocalDate()
                : LocalDateTime.parse(text).toLocalDate();
          }
          return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      type(path, "a date yyyy-mm-dd, such as 2025-07-01");
      return null;
    }
  }
}
