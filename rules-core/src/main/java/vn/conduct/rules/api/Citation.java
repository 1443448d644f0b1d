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

  /** Renders the citation, e.g. {@code QĐ 522/QĐ-UBND, Điều 3, khoản 2 [read]}. */
  public String render(Language language) {
    StringBuilder text = new StringBuilder(documentNumber != null ? documentNumber : documentId);
    if (article != null) {
      text.append(", ").append(article);
    }
    if (clause != null) {
      text.append(", ").append(clause);
    }
    text.append(" [").append(basisLabel(language)).append(']');
    return text.toString();
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
