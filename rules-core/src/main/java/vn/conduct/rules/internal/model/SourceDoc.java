package vn.conduct.rules.internal.model;

import java.time.LocalDate;
import vn.conduct.rules.api.LocalizedText;

/** A legal source a pack cites. */
public record SourceDoc(
    @jakarta.validation.constraints.NotBlank String number, LocalDate date, LocalizedText title, String issuer,
    String url) { }
