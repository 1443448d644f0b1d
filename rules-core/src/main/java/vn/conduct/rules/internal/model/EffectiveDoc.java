package vn.conduct.rules.internal.model;

import java.time.LocalDate;

/** When a pack version is in force; both ends inclusive, both optional. */
public record EffectiveDoc(LocalDate from, LocalDate until) { }
