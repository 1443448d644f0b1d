package vn.conduct.rules.io;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;
import vn.conduct.rules.api.Report;

/**
 * Pseudonyms for personal data in exported reports (report-format.md, section 14): a keyed HMAC-SHA256
 * of each value, written {@code p-} and 20 hexadecimal digits. The same value gives the same pseudonym
 * under the same key (a subject can be followed across reports that share a key) and an unrelated one
 * under another key; without the key, a pseudonym cannot be traced back or recomputed.
 *
 * <p>{@link #apply(Report)} masks a report once, into a copy that every writer (JSON, and a host's own
 * CSV, text or HTML) reads as it reads any report; the report the engine returns keeps the real ids.
 *
 * <pre>{@code
 * Report masked = Pseudonyms.withKey(Files.readAllBytes(keyFile)).apply(report);
 * masked.privacy();   // what was masked and how: state it wherever the report is shown
 * }</pre>
 *
 * <p>Give the key the host keeps ({@link #withKey}); without one, {@link #withRandomKey()} draws a key
 * for this use only, and the report says so. Names of people are left out unless {@link #keepingNames()}.
 * Thread-safe and immutable.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Pseudonyms {

  /** The fewest bytes a key may have. */
  public static final int MIN_KEY_BYTES = 16;

  private final SecretKeySpec key;
  private final boolean randomKey;
  private final boolean names;

  private Pseudonyms(byte[] key, boolean randomKey, boolean names) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.randomKey = randomKey;
    this.names = names;
  }

  /**
   * Pseudonyms under a key the host keeps.
   *
   * @throws IllegalArgumentException if the key has fewer than {@value #MIN_KEY_BYTES} bytes
   */
  public static Pseudonyms withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("a pseudonym key has at least " + MIN_KEY_BYTES + " bytes, this one "
          + key.length + " [Hint: e.g. head -c 32 /dev/urandom > pseudonym.key]");
    }
    return new Pseudonyms(key, false, false);
  }

  /** Pseudonyms under a key drawn now, for one use: they cannot be linked to any other report's. */
  public static Pseudonyms withRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new Pseudonyms(key, true, false);
  }

  /** The same pseudonyms, with the names of people kept (the host asked for them). */
  public Pseudonyms keepingNames() {
    byte[] raw = key.getEncoded();
    return new Pseudonyms(raw, randomKey, true);
  }

  /** The pseudonym of a value: {@code p-} and 20 hexadecimal digits of HMAC-SHA256(key, value). */
  public String of(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8));
      return "p-" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
    }
  }

  /**
   * The report with what its packs mark personal pseudonymised (report-format.md, section 14.1), as an
   * immutable copy that states what was masked and how ({@link Report#privacy()}): the ids of subjects
   * whose type is personal wherever they stand (subjects, parents, rankings, waivers, other subjects'
   * attributes, and as words of reasons, messages, justifications and notes), the values of personal
   * attributes, and — unless {@link #keepingNames() kept} — those subjects' names (left out; in texts,
   * replaced by the subject's pseudonym). Subjects and rankings are ordered by the pseudonyms, so the order
   * says nothing of the real ids. Reasons stay lazy: a finding's reason is masked when first read. A
   * report that states a privacy already is returned as it is (it is masked once).
   *
   * @since 0.3
   */
  public Report apply(Report report) {
    Objects.requireNonNull(report, "report");
    return report.privacy().isPresent() ? report : Masking.mask(report, this);
  }

  /**
   * An id of the key that reveals nothing of it: {@code k-} and 20 hexadecimal digits of HMAC-SHA256(key,
   * a fixed text). Two reports masked under one key have the same key id; a decision log records it
   * (decision-log.md) so that a replay can tell a wrong key from a changed report.
   *
   * @since 0.3
   */
  public String keyId() {
    return "k-" + of("conduct/key-id").substring(2);
  }

  /** Whether the key was drawn for this use ({@link #withRandomKey()}). */
  public boolean randomKey() {
    return randomKey;
  }

  /** Whether names of people are kept. */
  public boolean namesKept() {
    return names;
  }

  @Override
  public String toString() {
    return "Pseudonyms[HMAC-SHA256, " + (randomKey ? "random key" : "host's key") + (names ? ", names kept" : "") + "]";
  }
}
