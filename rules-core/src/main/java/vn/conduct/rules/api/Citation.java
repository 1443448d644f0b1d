package vn.conduct.rules.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a rule comes from: the document, and the article and clause only where they are known.
 *
 * <p>Immutable. Built by the engine; hosts read it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Citation {

  private final String documentId;
  private final String documentNumber;
  private final String article;
  private final String clause;
  private final Basis basis;
  private final String note;

  private Citation(String documentId, String documentNumber, String article, String clause, Basis basis,
      String note) {
    this.documentId = Objects.requireNonNull(documentId, "documentId");
    this.documentNumber = documentNumber;
    this.article = article;
    this.clause = clause;
    this.basis = Objects.requireNonNull(basis, "basis");
    this.note = note;
  }

  /**
   * Creates a citation; for the engine and for tests of code that reads reports.
   *
   * @param documentId the pack-local id of the source document; never {@code null}
   * @param documentNumber the document's official number, or {@code null}
   * @param article the article, or {@code null}
   * @param clause the clause, or {@code null}
   * @param basis how firmly the rule rests on the source; never {@code null}
   * @param note a free-text note on the citation, or {@code null}
   * @since 0.2
   */
  public static Citation of(String documentId, String documentNumber, String article, String clause, Basis basis,
      String note) {
    return new Citation(documentId, documentNumber, article, clause, basis, note);
  }

  /** The pack-local id of the source document, never {@code null}. */
  public String documentId() {
    return documentId;
  }

  /** The document's official number (e.g. {@code 522/QĐ-UBND}), or {@code null}. */
  public String documentNumber() {
    return documentNumber;
  }

  /** The article, or {@code null} when the source does not state it. */
  public String article() {
    return article;
  }

  /** The clause, or {@code null} when not known. */
  public String clause() {
    return clause;
  }

  /** How firmly the rule rests on the source. */
  public Basis basis() {
    return basis;
  }

  /** A free-text note on the citation, or {@code null}. */
  public String note() {
    return note;
  }

  /**
   * Renders the citation, e.g. {@code 1665/QĐ-UBND, Điều 3, khoản 2 [đọc từ văn bản]} in Vietnamese or
   * {@code 1665/QĐ-UBND, Article 3, clause 2 [read in source]} in English: a bare article or clause
   * number gets its label, text such as {@code Điều 16} is shown as written.
   */
  public String render(Language language) {
    StringBuilder text = new StringBuilder(documentNumber != null ? documentNumber : documentId);
    boolean vi = language == Language.VI;
    if (article != null) {
      text.append(", ").append(numbered(article, vi ? "Điều " : "Article "));
    }
    if (clause != null) {
      text.append(", ").append(numbered(clause, vi ? "khoản " : "clause "));
    }
    text.append(" [").append(basisLabel(language)).append(']');
    return text.toString();
  }

  /**
   * Renders the citation for a locale: in Vietnamese for a Vietnamese locale, in English for every
   * other ({@link Language#of(java.util.Locale)}).
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public String render(java.util.Locale locale) {
    return render(Language.of(locale));
  }

  /** A bare number such as {@code 3} or {@code 2a} gets its label; text is kept as written. */
  private static String numbered(String value, String label) {
    return value.matches("[0-9]+[a-zđ]?") ? label + value : value;
  }

  private String basisLabel(Language language) {
    boolean vi = language == Language.VI;
    return switch (basis) {
      case READ -> vi ? "đọc từ văn bản" : "read in source";
      case SUMMARY -> vi ? "theo bản tóm tắt" : "from a summary";
      case DRAFT -> vi ? "chỉ có trong dự thảo" : "draft only";
      case INFERRED -> vi ? "suy luận, không có nguồn" : "inferred, not from a source";
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Citation that && documentId.equals(that.documentId)
        && Objects.equals(documentNumber, that.documentNumber) && Objects.equals(article, that.article)
        && Objects.equals(clause, that.clause) && basis == that.basis && Objects.equals(note, that.note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentId, documentNumber, article, clause, basis, note);
  }

  @Override
  public String toString() {
    return "Citation[documentId=" + documentId + ", documentNumber=" + documentNumber + ", article=" + article
        + ", clause=" + clause + ", basis=" + basis + ", note=" + note + "]";
  }
}
