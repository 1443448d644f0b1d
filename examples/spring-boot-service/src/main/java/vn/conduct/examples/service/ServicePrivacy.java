package vn.conduct.examples.service;

import java.io.IOException;
import java.nio.file.Files;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.io.Pseudonyms;
import vn.conduct.rules.io.ReportJson;

/**
 * How the reports the service answers are pseudonymised ({@code conduct.service.privacy.*},
 * report-format.md, section 14.1): what the packs mark personal is replaced by keyed pseudonyms in every
 * report and page, as the CLI does by default; nothing when the service is set to reveal ids.
 */
public final class ServicePrivacy {

  private final Pseudonyms pseudonyms; // null: reveal

  private ServicePrivacy(Pseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
  }

  /**
   * The privacy the settings ask for: the key of {@code key-file}, else one drawn now (once per start).
   *
   * @throws IOException if the key file cannot be read (the service does not start)
   * @throws IllegalArgumentException if the key is too short
   */
  static ServicePrivacy of(ServiceProperties.Privacy settings) throws IOException {
    if (settings.revealIds()) {
      return new ServicePrivacy(null);
    }
    Pseudonyms drawn = settings.keyFile() == null ? Pseudonyms.withRandomKey()
        : Pseudonyms.withKey(Files.readAllBytes(settings.keyFile()));
    return new ServicePrivacy(settings.keepNames() ? drawn.keepingNames() : drawn);
  }

  /** The report as the service shows it: pseudonymised, unless ids are revealed. */
  public Report apply(Report report) {
    return pseudonyms == null ? report : pseudonyms.apply(report);
  }

  /** The JSON writer of the service's reports: pseudonymising, unless ids are revealed. */
  public ReportJson writer(ReportJson writer) {
    return pseudonyms == null ? writer : writer.withPseudonyms(pseudonyms);
  }
}
