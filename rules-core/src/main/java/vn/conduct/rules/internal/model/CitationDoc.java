package vn.conduct.rules.internal.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import vn.conduct.rules.api.Basis;

/** A rule's or checklist's source: document id, article and clause only where known, basis. */
public record CitationDoc(
    @NotBlank String document, String article, String clause, @NotNull Basis basis, String note) { }
