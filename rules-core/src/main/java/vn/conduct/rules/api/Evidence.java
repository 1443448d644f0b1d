package vn.conduct.rules.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How a fact is known: who recorded it, when, by what method, and which documents back it
 * (specs/facts-format.md, section 5.1). Observations and events carry one; a pack may count a fact
 * for a rule only when it was recorded by one of the methods the rule accepts
 * (specs/rule-pack-format.md, {@code accepted-methods}).
 *
 * <p>Named apart from the report's {@link Provenance}, which says what produced a report; evidence
 * says where one fact comes from. Immutable; the method and ids are kept in Unicode NFC. Nothing here
 * is ever fetched or opened: a reference's URL and digest are only checked for their shape.
 *
 * @param recordedBy who recorded the fact, or {@code null}
 * @param recordedOn when it was recorded, or {@code null} for "when it happened" (the fact's own
 *     {@code recordedOn}, kept in one place by {@link Observation} and {@link Event})
 * @param method how it was recorded (e.g. {@code inspection}, {@code assessment}, {@code record},
 *     {@code citizen-report}), or {@code null}; compared exactly with the methods a pack declares
 * @param references the documents that back it, in the order given; copied, never {@code null}
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record Evidence(Recorder recordedBy, LocalDate recordedOn, String method, List<Reference> references) {

  /** Evidence that says nothing: no recorder, date, method or reference. */
  public static final Evidence NONE = new Evidence(null, null, null, List.of());

  public Evidence {
    method = blankToNull(Unicode.nfc(method));
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** Evidence of a method alone. */
  public static Evidence method(String method) {
    return new Evidence(null, null, method, List.of());
  }

  /** Whether this says nothing at all. */
  public boolean isEmpty() {
    return recordedBy == null && recordedOn == null && method == null && references.isEmpty();
  }

  /** A copy with the given method. */
  public Evidence withMethod(String value) {
    return new Evidence(recordedBy, recordedOn, value, references);
  }

  /** A copy recorded on the given date. */
  public Evidence withRecordedOn(LocalDate value) {
    return new Evidence(recordedBy, value, method, references);
  }

  /** A copy recorded by the given recorder. */
  public Evidence withRecordedBy(Recorder value) {
    return new Evidence(value, recordedOn, method, references);
  }

  /**
   * Who recorded a fact: an id (of a person, a team or a system) and the role in which they recorded
   * it. At least one is given.
   *
   * @param id the recorder's id or name, or {@code null}
   * @param role the role, e.g. {@code inspection-team}, {@code citizen}, {@code hr-system}, or {@code null}
   */
  public record Recorder(String id, String role) {
    public Recorder {
      id = blankToNull(Unicode.nfc(id));
      role = blankToNull(Unicode.nfc(role));
      if (id == null && role == null) {
        throw new IllegalArgumentException("a recorder needs an id or a role");
      }
    }
  }

  /**
   * A document that backs a fact: its number, a digest of its file, and where it can be read. At
   * least one is given; none is ever fetched.
   *
   * @param document the document's number, e.g. {@code 12/BB-KTCV}, or {@code null}
   * @param digest the file's digest as {@code algorithm:hex}, {@code sha256:} with 64 hex digits or
   *     {@code sha512:} with 128 (kept in lower case), or {@code null}
   * @param url an absolute {@code https} or {@code http} URL, or {@code null}
   */
  public record Reference(String document, String digest, String url) {

    private static final Pattern DIGEST = Pattern.compile("(sha256:[0-9a-f]{64})|(sha512:[0-9a-f]{128})");
    /** The longest document number or URL kept. */
    public static final int MAX_LENGTH = 2048;

    public Reference {
      document = blankToNull(Unicode.nfc(document));
      digest = digest == null ? null : digest.strip().toLowerCase(Locale.ROOT);
      url = blankToNull(url == null ? null : url.strip());
      if (document == null && digest == null && url == null) {
        throw new IllegalArgumentException("a reference needs a document number, a digest or a URL");
      }
      String problem = documentProblem(document);
      if (problem == null) {
        problem = digestProblem(digest);
      }
      if (problem == null) {
        problem = urlProblem(url);
      }
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }

    /** Why a document number is refused, or {@code null} if it is accepted (or absent). */
    public static String documentProblem(String document) {
      if (document != null && document.length() > MAX_LENGTH) {
        return "document number is " + document.length() + " characters long, over " + MAX_LENGTH;
      }
      return null;
    }

    /** Why a digest is refused, or {@code null} if it is accepted (or absent). */
    public static String digestProblem(String digest) {
      if (digest == null || DIGEST.matcher(digest.strip().toLowerCase(Locale.ROOT)).matches()) {
        return null;
      }
      return "digest '" + SafeText.line(digest) + "' is not sha256:<64 hex digits> or sha512:<128 hex digits>";
    }

    /** Why a URL is refused, or {@code null} if it is accepted (or absent). */
    public static String urlProblem(String url) {
      if (url == null) {
        return null;
      }
      if (url.length() > MAX_LENGTH) {
        return "URL is " + url.length() + " characters long, over " + MAX_LENGTH;
      }
      try {
        URI uri = new URI(url.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
          return "URL '" + SafeText.line(url) + "' is not an http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
          return "URL '" + SafeText.line(url) + "' has no host";
        }
        return null;
      } catch (URISyntaxException e) {
        return "URL '" + SafeText.line(url) + "' is not a URL (" + SafeText.line(e.getReason()) + ")";
      }
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** The evidence given in code reconciled with a fact's own method and recording date. */
  static Evidence merge(Evidence evidence, String method, LocalDate recordedOn, String what) {
    Evidence base = evidence == null ? NONE : evidence;
    String m = Unicode.nfc(method);
    if (m != null && m.isBlank()) {
      m = null;
    }
    if (m != null && base.method() != null && !m.equals(base.method())) {
      throw new IllegalArgumentException(what + " has method '" + SafeText.line(m) + "' but evidence method '"
          + SafeText.line(base.method()) + "'; give one");
    }
    if (recordedOn != null && base.recordedOn() != null && !recordedOn.equals(base.recordedOn())) {
      throw new IllegalArgumentException(what + " is recorded on " + recordedOn + " but its evidence on "
          + base.recordedOn() + "; give one");
    }
    Evidence merged = base;
    if (m != null && base.method() == null) {
      merged = merged.withMethod(m);
    }
    if (recordedOn != null && base.recordedOn() == null) {
      merged = merged.withRecordedOn(recordedOn);
    }
    return Objects.requireNonNull(merged);
  }
}
