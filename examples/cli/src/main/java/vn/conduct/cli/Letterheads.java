package vn.conduct.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import vn.conduct.cli.html.Letterhead;
import vn.conduct.rules.api.SafeText;

/**
 * Reads a letterhead file ({@link Letterhead}): a YAML mapping with the keys {@code office},
 * {@code motto}, {@code footer} (each one line or a list of lines) and {@code place} (one line).
 * The file is only composed into YAML nodes, never constructed into objects (no tags, no types);
 * an unknown key, a wrong shape or a line too long is an error located at the file's line and
 * column, with a hint.
 *
 * <p>Where a page's letterhead comes from: {@code --letterhead <file>}; else, for a form or a report
 * of one pack, that pack's resource {@code rulepacks/<pack-id>/letterhead.yaml} (or, for a pack
 * folder, the {@code letterhead.yaml} in it); else none.
 */
final class Letterheads {

  static final String FILE_NAME = "letterhead.yaml";
  static final Set<String> KEYS = Set.of("office", "motto", "place", "footer");
  static final int MAX_BYTES = 16 * 1024;
  static final int MAX_LINES = 8;
  static final int MAX_LINE_LENGTH = 200;

  private Letterheads() {
  }

  /** The letterhead file given on the command line, read and checked. */
  static Letterhead file(Path file) {
    byte[] content;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new FileProblem(SafeText.line("--letterhead: " + file + " is larger than " + MAX_BYTES
            + " bytes [Hint: a letterhead is a few lines of YAML: office, motto, place, footer]"));
      }
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("--letterhead: " + Arguments.say("usage.letterhead-missing", SafeText.line(String.valueOf(file))));
    } catch (IOException e) {
      throw new FileProblem(SafeText.line("--letterhead: cannot read " + file + ": " + e.getMessage()));
    }
    return parse(file.toString(), content);
  }

  /**
   * The letterhead of the first pack that has one, looked up on the class path as
   * {@code rulepacks/<pack-id>/letterhead.yaml}; empty if none has.
   */
  static Optional<Letterhead> ofPacks(List<String> packIds, ClassLoader loader) {
    for (String id : packIds) {
      if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
        continue; // a pack id never holds a '/', so it cannot reach out of rulepacks/
      }
      String resource = "rulepacks/" + id + "/" + FILE_NAME;
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in != null) {
          return Optional.of(parse(resource, in.readNBytes(MAX_BYTES + 1)));
        }
      } catch (IOException e) {
        throw new FileProblem(SafeText.line("cannot read the letterhead " + resource + ": " + e.getMessage()));
      }
    }
    return Optional.empty();
  }

  /** The letterhead of a pack folder ({@code <folder>/letterhead.yaml}), if it has one. */
  static Optional<Letterhead> ofFolder(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    return Files.isRegularFile(file) ? Optional.of(file(file)) : Optional.empty();
  }

  /** Parses a letterhead; {@code name} locates errors. */
  static Letterhead parse(String name, byte[] content) {
    if (content.length > MAX_BYTES) {
      throw problem(name, 1, 1, "larger than " + MAX_BYTES + " bytes", "a letterhead is a few lines of YAML");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw problem(name, 1, 1, "not UTF-8", "save the file as UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Optional<Node> root;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(name).setMaxAliasesForCollections(0)
          .setAllowRecursiveKeys(false).setCodePointLimit(MAX_BYTES).build();
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      throw problem(name, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
          "not valid YAML: " + firstLine(e.getProblem()), "a mapping such as 'office: [UBND QUẬN BA ĐÌNH]'");
    } catch (YamlEngineException e) {
      throw problem(name, 1, 1, "not valid YAML: " + firstLine(e.getMessage()), "a mapping of office, motto,"
          + " place, footer");
    }
    if (root.isEmpty()) {
      return new Letterhead(List.of(), List.of(), "", List.of(), name);
    }
    if (!(root.get() instanceof MappingNode mapping)) {
      throw problem(name, root.get(), "a letterhead must be a mapping", "keys office, motto, place, footer");
    }
    List<String> office = List.of();
    List<String> motto = List.of();
    List<String> footer = List.of();
    String place = "";
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        throw problem(name, keyNode, "a key must be a word", "keys office, motto, place, footer");
      }
      String key = keyScalar.getValue();
      if (!KEYS.contains(key)) {
        throw problem(name, keyNode, "unknown key '" + key + "'", "a letterhead has only office, motto, place"
            + " and footer" + suggestion(key));
      }
      if (!seen.add(key)) {
        throw problem(name, keyNode, "key '" + key + "' given twice", "give each key once");
      }
      Node value = tuple.getValueNode();
      switch (key) {
        case "office" -> office = lines(name, key, value);
        case "motto" -> motto = lines(name, key, value);
        case "footer" -> footer = lines(name, key, value);
        default -> place = line(name, key, value);
      }
    }
    return new Letterhead(office, motto, place, footer, name);
  }

  private static List<String> lines(String name, String key, Node value) {
    if (value instanceof ScalarNode) {
      String line = line(name, key, value);
      return line.isEmpty() ? List.of() : List.of(line);
    }
    if (!(value instanceof SequenceNode sequence)) {
      throw problem(name, value, "'" + key + "' must be a line or a list of lines", "e.g. " + key
          + ": [first line, second line]");
    }
    if (sequence.getValue().size() > MAX_LINES) {
      throw problem(name, value, "'" + key + "' has " + sequence.getValue().size() + " lines, more than "
          + MAX_LINES, "a letterhead block is a few lines");
    }
    List<String> lines = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      lines.add(line(name, key, item));
    }
    return lines;
  }

  private static String line(String name, String key, Node value) {
    if (!(value instanceof ScalarNode scalar)) {
      throw problem(name, value, "'" + key + "' must be text on one line", "e.g. " + key + ": Hà Nội");
    }
    String text = scalar.getValue().strip();
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw problem(name, value, "a line of '" + key + "' holds a line break", "give each line as an item of a"
          + " list");
    }
    if (text.codePointCount(0, text.length()) > MAX_LINE_LENGTH) {
      throw problem(name, value, "a line of '" + key + "' is longer than " + MAX_LINE_LENGTH + " characters",
          "shorten it, or split it into lines");
    }
    return SafeText.line(text);
  }

  /** " (did you mean 'office'?)" for a key one or two edits away from a known one, else "". */
  private static String suggestion(String key) {
    for (String known : List.of("office", "motto", "place", "footer")) {
      if (key.length() <= 20 && Arguments.distance(known, key.toLowerCase(java.util.Locale.ROOT)) <= 2) {
        return " (did you mean '" + known + "'?)";
      }
    }
    return "";
  }

  private static FileProblem problem(String name, Node node, String what, String hint) {
    Optional<Mark> mark = node.getStartMark();
    return problem(name, mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1),
        what, hint);
  }

  private static FileProblem problem(String name, int line, int column, String what, String hint) {
    return new FileProblem(SafeText.line("letterhead " + name + ":" + line + ":" + column + ": " + what)
        + " [Hint: " + SafeText.line(hint) + "]");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
