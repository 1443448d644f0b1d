package vn.conduct.rules.internal.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import vn.conduct.rules.internal.load.Issues;
import vn.conduct.rules.internal.yaml.YamlDocument.Marks;

/**
 * Reads pack and facts files without constructing any object from YAML: the parser's event stream
 * is turned, in one pass, into a Jackson tree of strings and a parallel tree of source positions.
 * No tag can instantiate a class and no scalar is typed by YAML 1.1 rules ({@code 1.10}, {@code NO}
 * and {@code 0777} stay the text they are; binding gives them the type the schema declares).
 *
 * <p>Every limit is checked while streaming, before anything is built from the input: the file's
 * size in bytes before it is decoded; UTF-8 while decoding (the first bad byte is located); the
 * code points while parsing; nesting depth as each collection opens (so a file nested 100 000
 * levels deep is refused at level {@value #MAX_DEPTH} in constant extra memory). Anchors, aliases,
 * tags other than the core ones, complex keys and duplicate keys are reported where they are
 * written. Memory is linear in the input.
 */
public final class SafeYaml {

  /** The deepest nesting of collections a file may have (the root collection is level 1). */
  public static final int MAX_DEPTH = 64;

  /** The most code points a document may hold (comments excluded), for packs and facts alike. */
  public static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

  private static final String CORE = "tag:yaml.org,2002:";

  /** The two kinds of file this reader reads; each follows its own specification. */
  public enum Profile {
    /**
     * Rule pack files (rule-pack-format.md, sections 2, 3 and 13): at most 2 MiB, no byte-order
     * mark, no anchors, core tags only ({@code !!timestamp} is not one).
     */
    PACK(2 * 1024 * 1024, false, false, false, Set.of("str", "int", "float", "bool", "null", "map", "seq")),
    /**
     * Facts files (facts-format.md, sections 2 and 10): at most 8 MiB, a byte-order mark is skipped,
     * an anchor nothing refers to is accepted, {@code !!timestamp} is a core tag, a merge key
     * {@code <<} is refused.
     */
    FACTS(8 * 1024 * 1024, true, true, true,
        Set.of("str", "int", "float", "bool", "null", "map", "seq", "timestamp"));

    private final int maxBytes;
    private final boolean skipsByteOrderMark;
    private final boolean allowsAnchors;
    private final boolean refusesMergeKeys;
    private final Set<String> coreTags;

    Profile(int maxBytes, boolean skipsByteOrderMark, boolean allowsAnchors, boolean refusesMergeKeys,
        Set<String> coreTags) {
      this.maxBytes = maxBytes;
      this.skipsByteOrderMark = skipsByteOrderMark;
      this.allowsAnchors = allowsAnchors;
      this.refusesMergeKeys = refusesMergeKeys;
      this.coreTags = coreTags;
    }

    /** The largest file, in bytes. */
    public int maxBytes() {
      return maxBytes;
    }
  }

  private SafeYaml() { }

  /** Parses one pack file ({@link Profile#PACK}). */
  public static Optional<YamlDocument> parse(String file, byte[] content, Issues issues) {
    return parse(file, content, issues, Profile.PACK);
  }

  /**
   * Parses one file; on any problem, reports every problem it can to {@code issues} and returns
   * empty.
   *
   * @param file the file's name (for packs, its path relative to the pack root), used in messages
   */
  public static Optional<YamlDocument> parse(String file, byte[] content, Issues issues, Profile profile) {
    if (content.length > profile.maxBytes) {
      int[] at = position(content, profile.maxBytes);
      issues.error(file, at[0], at[1], "", "yaml.size", "file is " + content.length + " bytes, over the limit of "
          + profile.maxBytes + " bytes (" + profile.maxBytes / (1024 * 1024) + " MiB); the limit is passed here",
          "split the file");
      return Optional.empty();
    }
    int start = 0;
    if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF) {
      if (!profile.skipsByteOrderMark) {
        issues.error(file, 1, 1, "", "yaml.encoding", "the file starts with a byte-order mark (U+FEFF)",
            "save it as UTF-8 without a byte-order mark");
        return Optional.empty();
      }
      start = 3;
    }
    String text = decode(file, content, start, issues);
    if (text == null) {
      return Optional.empty();
    }
    // The reader's buffer holds the whole text, so the scanner reads it once: with a small buffer
    // (SnakeYAML's is fixed at 1 KiB) every token longer than the buffer copies the window again
    // and again, which costs the square of the token's length.
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file)
        .setBufferSize(text.length() + 1)
        .setCodePointLimit(MAX_CODE_POINTS)
        .setAllowDuplicateKeys(true) // reported by the tree builder, with both positions
        .setMaxAliasesForCollections(0)
        .setParseComments(false)
        .setUseMarks(true)
        .build();
    TreeBuilder builder = new TreeBuilder(file, issues, profile);
    try {
      ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, new StringReader(text)));
      while (parser.hasNext()) {
        if (!builder.accept(parser.next())) {
          break;
        }
      }
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      builder.fail(line(mark), column(mark), "yaml.syntax", firstLine(problem), null);
    } catch (ReaderException e) {
      int[] at = charPosition(text, e.getPosition());
      builder.fail(at[0], at[1], "yaml.syntax", "character U+" + String.format(Locale.ROOT, "%04X", e.getCodePoint())
          + " is not allowed in YAML", "remove control characters from the file");
    } catch (YamlEngineException e) {
      String message = firstLine(e.getMessage());
      boolean size = message.contains("code points");
      builder.fail(builder.lastLine, builder.lastColumn, size ? "yaml.size" : "yaml.syntax",
          size ? "the document holds more than " + MAX_CODE_POINTS + " code points; the limit is passed near here"
              : message, size ? "split the file" : null);
    } catch (StackOverflowError e) {
      builder.fail(builder.lastLine, builder.lastColumn, "yaml.depth", "the document nests too deeply",
          "files may nest at most " + MAX_DEPTH + " levels");
    }
    return builder.result();
  }

  /** Decodes strict UTF-8; reports the first malformed byte with its line and column. */
  private static String decode(String file, byte[] content, int start, Issues issues) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
    CharBuffer out = CharBuffer.allocate(content.length - start + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      out.flip();
      int[] at = charPosition(out, out.limit());
      issues.error(file, at[0], at[1], "", "yaml.encoding", "byte 0x"
          + String.format(Locale.ROOT, "%02X", content[offset] & 0xFF) + " at offset " + offset
          + " is not valid UTF-8", "save the file as UTF-8");
      return null;
    }
    out.flip();
    return out.toString();
  }

  /** The 1-based line and column of a byte offset (the column counts code points). */
  private static int[] position(byte[] content, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < content.length; i++) {
      int b = content[i] & 0xFF;
      if (b == '\n') {
        line++;
        column = 1;
      } else if ((b & 0xC0) != 0x80) {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /** The 1-based line and column of a character index. */
  private static int[] charPosition(CharSequence text, int index) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return new int[] {line, column};
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed YAML";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  static int line(Mark mark) {
    return mark == null ? 0 : mark.getLine() + 1;
  }

  static int column(Mark mark) {
    return mark == null ? 0 : mark.getColumn() + 1;
  }

  static int line(java.util.Optional<Mark> mark) {
    return line(mark.orElse(null));
  }

  static int column(java.util.Optional<Mark> mark) {
    return column(mark.orElse(null));
  }

  /** Builds the tree from events, one open collection per frame. */
  private static final class TreeBuilder {
    private final String file;
    private final Issues issues;
    private final Profile profile;
    private final List<Frame> frames = new ArrayList<>();
    private JsonNode root;
    private Marks rootMarks;
    private boolean failed;
    private boolean documentSeen;
    int lastLine = 1;
    int lastColumn = 1;

    TreeBuilder(String file, Issues issues, Profile profile) {
      this.file = file;
      this.issues = issues;
      this.profile = profile;
    }

    /** One open mapping or sequence. */
    private static final class Frame {
      final JsonNode node; // null while skipping a subtree that is not kept
      final Marks marks;
      final boolean mapping;
      final String segment; // this collection's place in its parent as a path fragment ("key", ["k"], [3])
      boolean expectKey = true;
      String key;
      int keyLine;
      int keyColumn;
      boolean skipValue;
      int size;


      Frame(JsonNode node, Marks marks, boolean mapping, String segment) {
        this.node = node;
        this.marks = marks;
        this.mapping = mapping;
        this.segment = segment;
      }
    }

    /** Takes one event; returns false when reading must stop. */
    boolean accept(Event event) {
      Mark start = event.getStartMark().orElse(null);
      if (start != null) {
        lastLine = line(start);
        lastColumn = column(start);
      }
      if (event instanceof DocumentStartEvent) {
        if (documentSeen) {
          fail(line(start), column(start), "yaml.syntax", "the file holds more than one YAML document",
              "keep one document per file: remove the second '---'");
          return false;
        }
        documentSeen = true;
        return true;
      }
      if (event instanceof CollectionEndEvent) {
        frames.remove(frames.size() - 1);
        return true;
      }
      if (!(event instanceof NodeEvent node)) {
        return true;
      }
      Frame parent = frames.isEmpty() ? null : frames.get(frames.size() - 1);
      boolean isKey = parent != null && parent.mapping && parent.expectKey;
      String segment; // where this node sits in its parent, for paths; null for a key
      if (parent == null) {
        segment = "";
      } else if (parent.mapping) {
        segment = isKey || parent.key == null ? null : YamlDocument.child("", parent.key);
        parent.expectKey = !parent.expectKey;
      } else {
        segment = "[" + parent.size++ + "]";
      }
      boolean keep = (parent == null || (parent.node != null && !(isKey || parent.skipValue)))
          & checkNode(event, node, segment, isKey);
      if (event instanceof CollectionStartEvent) {
        boolean mapping = event instanceof MappingStartEvent;
        if (frames.size() >= MAX_DEPTH) {
          error(line(start), column(start), pathHere(segment), "yaml.depth", "collections nest more than "
              + MAX_DEPTH + " levels deep here", "files may nest at most " + MAX_DEPTH + " levels");
          return false;
        }
        if (isKey) {
          error(line(start), column(start), pathHere(""), "yaml.key", "a key must be plain text, not a "
              + (mapping ? "mapping" : "list"), "write keys as plain names");
          parent.skipValue = true;
          frames.add(new Frame(null, null, mapping, null));
          return true;
        }
        JsonNode container = !keep ? null
            : mapping ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.arrayNode();
        Marks marks = container == null ? null : attach(parent, container, new Marks(line(start), column(start)));
        frames.add(new Frame(container, marks, mapping, segment));
        return true;
      }
      if (event instanceof AliasEvent) {
        if (isKey) {
          parent.skipValue = true;
        }
        return true;
      }
      ScalarEvent scalar = (ScalarEvent) event;
      if (isKey) {
        parent.key = scalar.getValue();
        parent.keyLine = line(start);
        parent.keyColumn = column(start);
        parent.skipValue = false;
        if (profile.refusesMergeKeys && scalar.isPlain() && parent.key.equals("<<")) {
          error(line(start), column(start), pathHere(""), "yaml.key", "merge keys ('<<') are not allowed",
              "write the values out where they are used");
          parent.skipValue = true;
        } else if (parent.node != null && parent.node.has(parent.key)) {
          Marks first = parent.marks.children.get(parent.key);
          error(line(start), column(start), pathHere(YamlDocument.child("", parent.key)), "yaml.duplicate-key",
              "duplicate key '" + parent.key + "' (first at line " + first.keyLine + ")",
              "each key may appear once in a mapping");
          parent.skipValue = true;
        }
        return true;
      }
      if (keep) {
        Marks marks = new Marks(line(start), column(start));
        marks.quoted = scalar.getScalarStyle() != ScalarStyle.PLAIN;
        attach(parent, scalarNode(scalar), marks);
      }
      return true;
    }

    /** Adds a value to its parent (or makes it the root) and returns its marks. */
    private Marks attach(Frame parent, JsonNode value, Marks marks) {
      if (parent == null) {
        root = value;
        rootMarks = marks;
      } else if (parent.mapping) {
        ((ObjectNode) parent.node).set(parent.key, value);
        parent.marks.child(parent.key, parent.keyLine, parent.keyColumn, marks);
      } else {
        ((ArrayNode) parent.node).add(value);
        parent.marks.element(marks);
      }
      return marks;
    }

    /** Reports anchors, aliases and tags; returns whether the node may be kept. */
    private boolean checkNode(Event event, NodeEvent node, String segment, boolean isKey) {
      Mark start = event.getStartMark().orElse(null);
      String where = isKey ? "" : segment;
      if (event instanceof AliasEvent alias) {
        error(line(start), column(start), pathHere(where), "yaml.alias",
            "alias '*" + alias.getAlias() + "': aliases are not allowed", "write the value out where it is used");
        return false;
      }
      boolean clean = true;
      if (node.getAnchor().isPresent() && !profile.allowsAnchors) {
        error(line(start), column(start), pathHere(where), "yaml.alias",
            "anchor '&" + node.getAnchor().get() + "': anchors and aliases are not allowed in packs",
            "remove the anchor and write values out where they are used");
        clean = false;
      }
      String tag = (event instanceof ScalarEvent scalar ? scalar.getTag() : ((CollectionStartEvent) event).getTag())
          .orElse(null);
      if (tag != null && !tag.equals("!")
          && !(tag.startsWith(CORE) && profile.coreTags.contains(tag.substring(CORE.length())))) {
        String shown = tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag;
        error(line(start), column(start), pathHere(where), "yaml.tag", "tag '" + shown + "' is not allowed",
            (profile == Profile.PACK ? "packs" : "facts") + " are data: remove the tag; only plain YAML values are accepted");
        clean = false;
      }
      return clean;
    }

    private JsonNode scalarNode(ScalarEvent scalar) {
      String value = scalar.getValue();
      if (scalar.isPlain() && (value.isEmpty() || value.equals("~") || value.equals("null")
          || value.equals("Null") || value.equals("NULL"))) {
        return JsonNodeFactory.instance.nullNode();
      }
      return JsonNodeFactory.instance.textNode(value);
    }

    /**
     * The path of the node being read: the open collections' segments, then {@code segment} (a key,
     * an {@code [index]}, or empty for the innermost collection itself). Built only for problems.
     */
    private String pathHere(String segment) {
      if (!issues.accepts(file)) {
        return "";
      }
      String path = "";
      for (int i = 1; i < frames.size(); i++) {
        path = append(path, frames.get(i).segment);
      }
      return append(path, segment);
    }

    private static String append(String path, String segment) {
      if (segment == null || segment.isEmpty()) {
        return path;
      }
      return segment.startsWith("[") || path.isEmpty() ? path + segment : path + "." + segment;
    }

    private void error(int line, int column, String path, String code, String message, String hint) {
      failed = true;
      issues.error(file, line, column, path, code, message, hint);
    }

    void fail(int line, int column, String code, String message, String hint) {
      error(line, column, "", code, message, hint);
    }

    Optional<YamlDocument> result() {
      if (failed) {
        return Optional.empty();
      }
      return Optional.of(new YamlDocument(file, root == null ? MissingNode.getInstance() : root, rootMarks));
    }
  }
}
