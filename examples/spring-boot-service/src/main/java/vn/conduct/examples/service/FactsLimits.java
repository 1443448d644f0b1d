package vn.conduct.examples.service;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The limits a facts request body is held to, checked while it is read and parsed, before the
 * library sees it; each is answered with a problem that names it.
 *
 * <ul>
 *   <li>{@code maxBytes}: the body's size, {@code conduct.service.max-facts-bytes}, by default 2 MiB, the
 *       library's own limit for a facts document (2 Mi code points, facts-format.md section 10);
 *       a larger body is {@code 413}, refused from its {@code Content-Length} or as soon as the
 *       limit is passed while reading, never after reading it all;
 *   <li>{@link #MAX_DEPTH}: collections nested more deeply than the library allows (64 levels,
 *       the root mapping being level 1; a valid facts file needs 4) are {@code yaml.depth};
 *   <li>{@link #MAX_TEXT_LENGTH}, {@link #MAX_KEY_LENGTH}, {@link #MAX_NUMBER_LENGTH}: a longer text,
 *       key or number is {@code request.limit};
 *   <li>{@link #MAX_PACKS}: more entries in {@code packs} or {@code pin} is {@code request.limit}
 *       (a request can name no more packs than are loaded, and the library's duplicate check
 *       on {@code packs} takes time quadratic in its length).
 * </ul>
 *
 * <p>JSON is held to them by Jackson's {@link StreamReadConstraints} ({@link #streamReadConstraints()},
 * also given to the service's {@code ObjectMapper}); YAML by the same numbers checked on the parser's
 * events ({@link FactsBody}).
 *
 * @param maxBytes the largest body read, in bytes
 */
record FactsLimits(int maxBytes) {

  /** The deepest nesting of collections, as the library's facts reader allows (rules-core SafeYaml). */
  static final int MAX_DEPTH = 64;

  /** The longest text (a quoted or plain scalar that is not a key), in characters. */
  static final int MAX_TEXT_LENGTH = 64 * 1024;

  /** The longest key, in characters. */
  static final int MAX_KEY_LENGTH = 1024;

  /** The longest number, in characters; 100 digits is more than any indicator needs. */
  static final int MAX_NUMBER_LENGTH = 100;

  /** The most entries in {@code packs}, and in {@code pin}. */
  static final int MAX_PACKS = 1000;

  /** The default of {@code conduct.service.max-facts-bytes}: 2 MiB. */
  static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

  /**
   * Creates the limits.
   *
   * @throws IllegalArgumentException if {@code maxBytes} is not positive
   */
  FactsLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("conduct.service.max-facts-bytes must be at least 1 but was " + maxBytes
          + " [Hint: the default, " + DEFAULT_MAX_BYTES + " (2 MiB), is the library's limit for a facts file]");
    }
  }

  /** The limits as Jackson's read constraints, for every JSON the service parses. */
  StreamReadConstraints streamReadConstraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxDocumentLength(maxBytes)
        .maxStringLength(MAX_TEXT_LENGTH)
        .maxNameLength(MAX_KEY_LENGTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .build();
  }
}
