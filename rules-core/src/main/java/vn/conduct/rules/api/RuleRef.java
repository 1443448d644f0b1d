package vn.conduct.rules.api;

import java.util.List;
import java.util.Objects;

/**
 * What a report says about a rule: its identity, title, kind, severity and legal source.
 *
 * @param packId the pack's id
 * @param packVersion the pack version the rule was taken from
 * @param ruleId the rule's id, stable across versions
 * @param title the rule's title
 * @param kind requirement, prohibition or criterion
 * @param severity how serious a breach is
 * @param citation the legal source
 * @param tags the rule's tags
 * @since 0.1
 */
public record RuleRef(
    String packId,
    String packVersion,
    String ruleId,
    LocalizedText title,
    RuleKind kind,
    Severity severity,
    Citation citation,
    List<String> tags) {

  public RuleRef {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(packVersion, "packVersion");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(citation, "citation");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
