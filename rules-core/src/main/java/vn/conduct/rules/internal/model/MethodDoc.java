package vn.conduct.rules.internal.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.conduct.rules.api.LocalizedText;

/**
 * A method of recording facts a pack declares (format 2, {@code vocabulary.methods}): how an
 * observation or event was recorded, e.g. {@code inspection} or {@code citizen-report}.
 */
public record MethodDoc(@NotNull @Valid LocalizedText title, LocalizedText description) { }
