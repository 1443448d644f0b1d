package vn.conduct.rules.internal.model;

/** Patterns for identifiers in packs: ASCII, lowercase, stable. */
public final class Ids {

  /** Ids of vocabulary entries, sources, parameters, bands: {@code one_stop_desk}, {@code task-completion}. */
  public static final String ID = "[a-z][a-z0-9]*([._-][a-z0-9]+)*";

  /** The longest id, in characters (rule-pack-format.md, section 3). */
  public static final int MAX_LENGTH = 128;

  public static final String ID_MESSAGE =
      "must be a lowercase ASCII id (letters, digits, '.', '_', '-'), starting with a letter";

  /** Pack ids. */
  public static final String PACK_ID = ID;

  public static final String PACK_ID_MESSAGE = ID_MESSAGE;

  /** Semantic versions, without build metadata. */
  public static final String SEMVER =
      "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?";

  private Ids() { }
}
