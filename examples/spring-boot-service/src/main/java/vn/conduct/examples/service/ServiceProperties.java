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
 * @param templates no longer read: the pages are precompiled; a startup error says so when it is set
 *     (it named a folder of Mustache templates before)
 * @param letterhead the header and footer of the service's pages, as data: a district's office, the national
 *     motto, the place, footer lines; none by default
 * @param privacy how the reports the service answers are pseudonymised (report-format.md, section 14.1):
 *     by default with a key drawn when the service starts, names left out
 */
@ConfigurationProperties(prefix = "conduct.service")
public record ServiceProperties(
    @DefaultValue("" + FactsLimits.DEFAULT_MAX_BYTES) int maxFactsBytes,
    @DefaultValue("classpath:facts/hanoi-units-2025-06.yaml") Resource rankingsFacts,
    java.nio.file.Path templates,
    @DefaultValue Letterhead letterhead,
    @DefaultValue Privacy privacy) {

  /**
   * {@code conduct.service.privacy.*}: what the packs mark personal (officers' ids and names, personal
   * attributes) is pseudonymised in every report the service answers, as the CLI does by default.
   *
   * @param keyFile a file holding the key (16 bytes or more): the same value has the same pseudonym in
   *     every report, across restarts; without it, a key is drawn when the service starts (pseudonyms then
   *     stay the same until it restarts, and match no other report)
   * @param keepNames keep the names of people (their ids stay pseudonyms)
   * @param revealIds answer real ids and names: for a service only the host's own staff reach; off by default
   */
  public record Privacy(java.nio.file.Path keyFile, boolean keepNames, boolean revealIds) { }

  /**
   * The header and footer of a page, lines of text (never markup), {@code conduct.service.letterhead.*}.
   *
   * @param office the office, one line each, the authority above it first (e.g. {@code UBND THÀNH PHỐ HÀ NỘI},
   *     {@code UBND QUẬN TÂY HỒ}); none by default
   * @param motto the motto block, e.g. {@code CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM}, {@code Độc lập - Tự do - Hạnh
   *     phúc}; none by default
   * @param place the place line under the motto, or empty
   * @param footer lines at the foot of the page; none by default
   */
  public record Letterhead(java.util.List<String> office, java.util.List<String> motto, String place,
      java.util.List<String> footer) {

    /** Lines on one line each, control characters shown as escapes; {@code null} lists are empty. */
    public Letterhead {
      office = lines(office);
      motto = lines(motto);
      place = place == null ? "" : vn.conduct.rules.api.SafeText.line(place.strip());
      footer = lines(footer);
    }

    /** Whether there is a header block to show. */
    public boolean hasHeader() {
      return !office.isEmpty() || !motto.isEmpty() || !place.isEmpty();
    }

    private static java.util.List<String> lines(java.util.List<String> lines) {
      return lines == null ? java.util.List.of()
          : lines.stream().map(l -> vn.conduct.rules.api.SafeText.line(l == null ? "" : l.strip())).toList();
    }
  }
}
