package vn.conduct.examples.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The service's own settings, {@code conduct.service.*}; the engine's ({@code conduct.packs},
 * {@code conduct.parameters}, ...) are the starter's {@code ConductProperties}.
 *
 * @param maxFactsBytes the largest facts body {@code POST /evaluations} reads, in bytes; by default 2 MiB,
 *     the library's own limit for a facts file
 * @param rankingsFacts the facts {@code GET /rankings} ranks (a Spring resource location, e.g.
 *     {@code file:/data/june.yaml}), read and evaluated once at startup
 * @param templates a folder of page templates that replace the service's own by name
 *     ({@code rankings.mustache}, or only {@code rankings-header.mustache}: a district's header); none by default
 */
@ConfigurationProperties(prefix = "conduct.service")
public record ServiceProperties(
    @DefaultValue("" + FactsLimits.DEFAULT_MAX_BYTES) int maxFactsBytes,
    @DefaultValue("classpath:facts/hanoi-units-2025-06.yaml") Resource rankingsFacts,
    java.nio.file.Path templates) {
}
