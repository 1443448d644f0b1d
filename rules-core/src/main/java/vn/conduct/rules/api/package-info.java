/**
 * The host API: build an engine, hand it facts, read the report.
 *
 * <p><b>Inputs are records; results are final classes.</b> The values a host builds and hands to the
 * engine ({@link vn.conduct.rules.api.Subject}, {@link vn.conduct.rules.api.Observation},
 * {@link vn.conduct.rules.api.Event}, {@link vn.conduct.rules.api.Period},
 * {@link vn.conduct.rules.api.LocalizedText}, {@link vn.conduct.rules.api.ValidationIssue}) are
 * records: plain values whose documented components are their contract, with factories and
 * {@code with…} methods for the common shapes. What the engine builds and hosts read (the
 * {@link vn.conduct.rules.api.Report} and everything in it, and the descriptions
 * {@link vn.conduct.rules.api.RulePackInfo}, {@link vn.conduct.rules.api.RuleInfo} and
 * {@link vn.conduct.rules.api.ChecklistInfo}) are final classes with accessors, built through static
 * {@code of(…)} factories: a later release can add a field to them without breaking a host, which a
 * record's public canonical constructor would not allow. Hosts read them, and build them only in
 * tests of code that reads reports. A {@link vn.conduct.rules.api.Waiver} is both: the host gives it
 * with the request and reads it back on the findings it excuses, so it is a final class built by
 * {@link vn.conduct.rules.api.Waiver#builder}; so is a {@link vn.conduct.rules.api.Decision} (a contest,
 * review or override), read back on the findings and scores it names ({@code Finding#decisions()}).
 */
package vn.conduct.rules.api;
