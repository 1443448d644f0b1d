package vn.conduct.examples.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;

/** {@code GET /packs}: every loaded pack version and whether it is in force. */
@RestController
public class PackController {

  private final RulesEngine engine;

  /** Creates the controller over the shared engine. */
  public PackController(RulesEngine engine) {
    this.engine = engine;
  }

  /**
   * Lists the loaded pack versions, ordered by id then version.
   *
   * @param asOf the date for {@code in-force} ({@code yyyy-mm-dd}); default today
   * @param lang the language of the titles, {@code vi} (default) or {@code en}
   */
  @Operation(summary = "List the loaded pack versions",
      description = "Id, version, title, jurisdiction, dates, whether in force on as-of, rules, checklists, digest.")
  @GetMapping("/packs")
  public List<PackView> packs(
      @Parameter(description = "The date for in-force, yyyy-mm-dd; default today")
      @RequestParam(name = "as-of", required = false) String asOf,
      @Parameter(description = "Language of the titles: vi (default) or en")
      @RequestParam(name = "lang", required = false) String lang) {
    LocalDate date = RequestParameters.date("as-of", asOf);
    LocalDate day = date == null ? LocalDate.now() : date;
    Language language = RequestParameters.language(lang);
    return engine.packs().stream().map(pack -> PackView.of(pack, day, language)).toList();
  }

  /**
   * One pack version as listed by {@code GET /packs}.
   *
   * @param id the pack id
   * @param version its version
   * @param title its title in the requested language
   * @param jurisdiction its jurisdiction, e.g. {@code VN-HN}, or {@code null}
   * @param effectiveFrom first day in force, or {@code null} for "always"
   * @param effectiveUntil last day in force, or {@code null} for "until replaced"
   * @param inForce whether it is in force on the date asked (default today)
   * @param rules its number of rules
   * @param checklists its number of checklists
   * @param digest SHA-256 of its content, as reports' provenance gives it
   */
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  public record PackView(String id, String version, String title, String jurisdiction, LocalDate effectiveFrom,
      LocalDate effectiveUntil, boolean inForce, int rules, int checklists, String digest) {

    static PackView of(RulePackInfo pack, LocalDate day, Language language) {
      return new PackView(pack.id(), pack.version(), pack.title() == null ? null : pack.title().in(language),
          pack.jurisdiction(), pack.effectiveFrom(), pack.effectiveUntil(), pack.inForceOn(day), pack.ruleCount(),
          pack.checklistCount(), pack.digest());
    }
  }
}
