package vn.conduct.rules.api;

import java.util.Objects;

/**
 * Where a rule comes from: the document, and the article and clause only where they are known.
 *
 * @param documentId the pack-local id of the source document, never {@code null}
 * @param documentNumber the document's official number (e.g. {@code 522/QĐ-UBND}), or {@code null}
 * @param article the article, or {@code null} when the source does not state it
 * @param clause the clause, or {@code null} when not known
 * @param basis how firmly the rule rests on the source
 * @param note a free-text note on the citation, or {@code null}
 * @since 0.1
 */
public record Citation(
    String documentId,
    String documentNumber,
    String article,
    String clause,
    Basis basis,
    String note) {

  public Citation {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(basis, "basis");
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
}
