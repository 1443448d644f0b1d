package vn.conduct.examples.service;

import java.io.IOException;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;

/**
 * The facts the ranking page ranks, read and evaluated once at startup: the file named by
 * {@code conduct.service.rankings-facts} (a Spring resource location, e.g. {@code file:/data/june.yaml}),
 * by default the bundled {@code facts/hanoi-units-2025-06.yaml}. Invalid facts stop the application
 * from starting, with every issue in the message.
 */
@Component
public class RankingFacts {

  private final String fileName;
  private final Report report;

  /** Reads and evaluates the configured facts with the shared engine; people are pseudonymised unless revealed. */
  public RankingFacts(RulesEngine engine, ServiceProperties properties,
      ServicePrivacy privacy) throws IOException {
    Resource facts = properties.rankingsFacts();
    this.fileName = facts.getFilename() == null ? facts.getDescription() : facts.getFilename();
    FactsFile file = new FactsReader().load(fileName, facts.getContentAsByteArray());
    Report evaluated = engine.evaluate(file.request());
    this.report = privacy.apply(evaluated); // a published page: people masked
  }

  /** The facts' file name, as shown on the page. */
  public String fileName() {
    return fileName;
  }

  /** The report of the facts: its rankings, and each ranked subject's name and score. */
  public Report report() {
    return report;
  }
}
