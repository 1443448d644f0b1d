package vn.conduct.examples.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import vn.conduct.rules.api.ValidationIssue;

/**
 * Checks a facts body against the {@link FactsLimits}, stopping at the first problem: UTF-8 first,
 * then, streaming, for JSON Jackson's {@link com.fasterxml.jackson.core.StreamReadConstraints} and
 * strict JSON syntax, for YAML the same limits on the parser's events (either way a body nested
 * 100 000 levels deep is refused at level 65, having parsed a few hundred bytes). Each problem is a
 * {@link ValidationIssue} located like the library's: file, 1-based line and column (in characters)
 * and field path.
 *
 * <p>YAML syntax is left to the library, which reports it with its own codes; this check stops
 * quietly where the parser fails. Instances are immutable and thread-safe.
 */
final class FactsShape {

  /** The code of a value over one of the service's own limits (texts, keys, numbers, packs). */
  static final String LIMIT = "request.limit";

  private final JsonFactory json;

  FactsShape(FactsLimits limits) {
    this.json = JsonFactory.builder()
        .streamReadConstraints(limits.streamReadConstraints())
        // Names from a hostile body are neither interned nor kept in a shared symbol table.
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .build();
  }

  /**
   * Returns the first problem of the body, or empty if it is within every limit.
   *
   * @param file the body's name in locations ({@code facts.json} or {@code facts.yaml})
   * @param body the body, at most {@link FactsLimits#maxBytes()} bytes
   * @param isJson whether it is to be read as JSON (else YAML)
   */
  Optional<ValidationIssue> check(String file, byte[] body, boolean isJson) {
    Optional<ValidationIssue> encoding = utf8(file, body);
    if (encoding.isPresent()) {
      return encoding;
    }
    return isJson ? json(file, body) : yaml(file, new String(body, StandardCharsets.UTF_8));
  }

  // --- UTF-8 ------------------------------------------------------------------------------------

  private static Optional<ValidationIssue> utf8(String file, byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isOverflow()) {
        out.clear();
        continue;
      }
      if (result.isError()) {
        int offset = in.position();
        return Optional.of(issue(file, position(body, offset), "", "yaml.encoding",
            String.format(Locale.ROOT, "the body is not valid UTF-8: byte 0x%02X at byte offset %d does not "
                + "start or continue a character", body[offset] & 0xFF, offset), "send the facts as UTF-8"));
      }
      return Optional.empty();
    }
  }

  // --- JSON -------------------------------------------------------------------------------------

  private Optional<ValidationIssue> json(String file, byte[] body) {
    JsonParser parser;
    try {
      parser = json.createParser(body);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array failed", e);
    }
    try {
      boolean rootRead = false;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (rootRead) {
          return Optional.of(issue(file, position(parser.currentTokenLocation()), "", "yaml.syntax",
              "more than one JSON value in the body", "send one object: {\"as-of\": ..., \"subjects\": [...]}"));
        }
        if (token == JsonToken.VALUE_STRING) {
          parser.getText(); // reads the whole text, so that its length is checked
        }
        Optional<ValidationIssue> packs = tooManyPacks(file, parser, token);
        if (packs.isPresent()) {
          return packs;
        }
        rootRead = parser.getParsingContext().inRoot();
      }
      return Optional.empty();
    } catch (StreamConstraintsException e) {
      return Optional.of(overLimit(file, parser, e));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      return Optional.of(issue(file, position(at), path(parser.getParsingContext()), "yaml.syntax",
          "not JSON: " + jsonMessage(e.getOriginalMessage()),
          "the Content-Type says JSON: send JSON (RFC 8259), or YAML as application/yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array failed", e);
    } finally {
      try {
        parser.close();
      } catch (IOException e) {
        // nothing to release: the parser reads a byte array
      }
    }
  }

  /**
   * A Jackson read constraint broken, located at the token that broke it (Jackson gives no location);
   * a key too long is located where reading stopped, in the mapping that holds it.
   */
  private static ValidationIssue overLimit(String file, JsonParser parser, StreamConstraintsException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    boolean key = message.startsWith("Name length");
    int[] at = position(key ? parser.currentLocation() : parser.currentTokenLocation());
    JsonStreamContext context = parser.getParsingContext();
    String path = path(key && context.getParent() != null ? context.getParent() : context);
    if (message.contains("nesting depth")) {
      return depth(file, at, path);
    }
    if (message.startsWith("String value length")) {
      return issue(file, at, path, LIMIT, "text of more than " + FactsLimits.MAX_TEXT_LENGTH + " characters",
          "this service takes texts (ids, names, values) of at most " + FactsLimits.MAX_TEXT_LENGTH + " characters");
    }
    if (key) {
      return issue(file, at, path, LIMIT, "key of more than " + FactsLimits.MAX_KEY_LENGTH + " characters",
          "this service takes keys (attribute ids, pack ids) of at most " + FactsLimits.MAX_KEY_LENGTH + " characters");
    }
    if (message.startsWith("Number value length")) {
      return issue(file, at, path, LIMIT, "number of more than " + FactsLimits.MAX_NUMBER_LENGTH + " characters",
          "this service takes numbers of at most " + FactsLimits.MAX_NUMBER_LENGTH + " characters");
    }
    return issue(file, at, path, LIMIT, "over a limit of this service: " + jsonMessage(message),
        "see the limits in the service's README");
  }

  /** {@code packs} and {@code pin} may have at most {@link FactsLimits#MAX_PACKS} entries. */
  private static Optional<ValidationIssue> tooManyPacks(String file, JsonParser parser, JsonToken token) {
    if (token.isStructEnd()) {
      return Optional.empty();
    }
    JsonStreamContext here = parser.getParsingContext();
    JsonStreamContext container = token.isStructStart() ? here.getParent() : here;
    JsonStreamContext root = container.getParent();
    if (container.getCurrentIndex() < FactsLimits.MAX_PACKS || root == null || !root.inObject()
        || root.getParent() == null || !root.getParent().inRoot()) {
      return Optional.empty();
    }
    String key = root.getCurrentName();
    boolean over = container.inArray() ? "packs".equals(key) : "pin".equals(key) && token == JsonToken.FIELD_NAME;
    return over ? Optional.of(tooManyPacks(file, position(parser.currentTokenLocation()), path(here), key))
        : Optional.empty();
  }

  /** Jackson's message without what only makes sense to a Java programmer. */
  private static String jsonMessage(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    String text = message;
    for (String tail : new String[] {"\n", " (start marker at", ": enable ", "; enable ", " (for Object starting at"}) {
      int at = text.indexOf(tail);
      if (at > 0) {
        text = text.substring(0, at);
      }
    }
    return text.trim();
  }

  /** The library's field path ({@code subjects[0].attributes.x}) of a Jackson parsing context. */
  private static String path(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    String path = "";
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        path = c.hasCurrentIndex() ? element(path, c.getCurrentIndex()) : path;
      } else if (c.getCurrentName() != null) {
        path = child(path, c.getCurrentName());
      }
    }
    return path;
  }

  // --- YAML -------------------------------------------------------------------------------------

  private static Optional<ValidationIssue> yaml(String file, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Math.max(text.length(), 1) + 1); // the byte limit came first
    options.setProcessComments(false);
    Deque<Frame> frames = new ArrayDeque<>();
    try {
      for (Event event : new Yaml(options).parse(new StringReader(text))) {
        if (event instanceof CollectionEndEvent) {
          frames.pop();
          continue;
        }
        if (!(event instanceof NodeEvent)) {
          continue;
        }
        int[] at = position(event.getStartMark());
        Frame parent = frames.peek();
        boolean isKey = parent != null && parent.mapping && parent.expectingKey;
        String path = parent == null ? "" : parent.next(event);
        if (isKey && parent.path.equals("pin") && frames.size() == 2 && parent.index > FactsLimits.MAX_PACKS) {
          return Optional.of(tooManyPacks(file, at, path, "pin"));
        }
        if (!isKey && parent != null && !parent.mapping && parent.path.equals("packs") && frames.size() == 2
            && parent.index > FactsLimits.MAX_PACKS) {
          return Optional.of(tooManyPacks(file, at, path, "packs"));
        }
        if (event instanceof ScalarEvent scalar) {
          Optional<ValidationIssue> tooLong = tooLong(file, at, path, scalar, isKey);
          if (tooLong.isPresent()) {
            return tooLong;
          }
        } else if (event instanceof CollectionStartEvent) {
          if (frames.size() + 1 > FactsLimits.MAX_DEPTH) {
            return Optional.of(depth(file, at, path));
          }
          frames.push(new Frame(path, event instanceof MappingStartEvent));
        }
      }
      return Optional.empty();
    } catch (YAMLException e) {
      return Optional.empty(); // not well-formed: the library says where and why, with its own codes
    }
  }

  private static Optional<ValidationIssue> tooLong(String file, int[] at, String path, ScalarEvent scalar, boolean isKey) {
    String value = scalar.getValue();
    if (isKey && value.length() > FactsLimits.MAX_KEY_LENGTH) {
      return Optional.of(issue(file, at, path, LIMIT, "key of more than " + FactsLimits.MAX_KEY_LENGTH + " characters",
          "this service takes keys (attribute ids, pack ids) of at most " + FactsLimits.MAX_KEY_LENGTH + " characters"));
    }
    if (value.length() > FactsLimits.MAX_TEXT_LENGTH) {
      return Optional.of(issue(file, at, path, LIMIT, "text of more than " + FactsLimits.MAX_TEXT_LENGTH + " characters",
          "this service takes texts (ids, names, values) of at most " + FactsLimits.MAX_TEXT_LENGTH + " characters"));
    }
    if (scalar.isPlain() && value.length() > FactsLimits.MAX_NUMBER_LENGTH && looksLikeNumber(value)) {
      return Optional.of(issue(file, at, path, LIMIT, "number of more than " + FactsLimits.MAX_NUMBER_LENGTH
          + " characters", "this service takes numbers of at most " + FactsLimits.MAX_NUMBER_LENGTH + " characters"));
    }
    return Optional.empty();
  }

  /** Digits, signs, points, underscores and exponents, with a digit: what YAML or a person reads as a number. */
  private static boolean looksLikeNumber(String value) {
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if ("+-._eE".indexOf(c) < 0 || (i == 0 && (c == 'e' || c == 'E' || c == '_'))) {
        return false;
      }
    }
    return digit;
  }

  /** Where the YAML parser is in a collection: its path, and which key or index comes next. */
  private static final class Frame {
    final String path;
    final boolean mapping;
    boolean expectingKey = true;
    String key;
    int index;

    Frame(String path, boolean mapping) {
      this.path = path;
      this.mapping = mapping;
    }

    /** The path of the node the event starts, moving on to the next key, value or element. */
    String next(Event event) {
      if (!mapping) {
        return element(path, index++);
      }
      if (expectingKey) {
        expectingKey = false;
        index++;
        key = event instanceof ScalarEvent scalar ? scalar.getValue() : null;
        return key == null ? path : child(path, key);
      }
      expectingKey = true;
      return key == null ? path : child(path, key);
    }
  }

  // --- shared -----------------------------------------------------------------------------------

  private static ValidationIssue depth(String file, int[] at, String path) {
    return issue(file, at, path, "yaml.depth", "collections nest more than " + FactsLimits.MAX_DEPTH + " levels deep",
        "a facts file needs 4 levels; the library and this service refuse more than " + FactsLimits.MAX_DEPTH);
  }

  private static ValidationIssue tooManyPacks(String file, int[] at, String path, String key) {
    return issue(file, at, path, LIMIT, "more than " + FactsLimits.MAX_PACKS + " entries in '" + key + "'",
        "a request names at most " + FactsLimits.MAX_PACKS + " packs; GET /packs lists those loaded");
  }

  private static ValidationIssue issue(String file, int[] at, String path, String code, String message, String hint) {
    return new ValidationIssue(ValidationIssue.Level.ERROR, code, file, at[0], at[1], path, message, hint);
  }

  /**
   * The path of a key below a path, as facts-format.md section 11 writes it: {@code a.b}, or
   * {@code a["b.c"]} for a key that is empty or holds {@code . [ ] " \}.
   */
  static String child(String path, String key) {
    boolean plain = !key.isEmpty() && key.chars().noneMatch(c -> ".[]\"\\".indexOf(c) >= 0);
    if (plain) {
      return path.isEmpty() ? key : path + "." + key;
    }
    return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  private static int[] position(Mark mark) {
    return mark == null ? new int[] {0, 0} : new int[] {mark.getLine() + 1, mark.getColumn() + 1};
  }

  /**
   * A Jackson location. Without a shared symbol table, Jackson reads bytes through a decoder, so its
   * columns count characters, as the library's do.
   */
  private static int[] position(JsonLocation location) {
    return location == null ? new int[] {0, 0}
        : new int[] {Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr())};
  }

  /** The 1-based line and column (in code points) of a byte offset into UTF-8 text valid up to it. */
  static int[] position(byte[] body, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      byte b = body[i];
      if (b == '\n' || (b == '\r' && (i + 1 >= body.length || body[i + 1] != '\n'))) {
        line++;
        column = 1;
      } else if ((b & 0xC0) != 0x80) {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
