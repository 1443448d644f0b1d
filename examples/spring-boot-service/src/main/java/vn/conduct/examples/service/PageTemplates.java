package vn.conduct.examples.service;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.springframework.stereotype.Component;

/**
 * Renders the service's HTML pages: JTE templates ({@code src/main/jte}) compiled to Java classes when
 * the service is built, run by the starter's {@link TemplateEngine} in production mode
 * ({@code gg.jte.usePrecompiledTemplates=true}). A template reads its model through typed calls, and
 * every value is HTML-escaped for where it stands. A district changes the page's header and footer
 * with data ({@code conduct.service.letterhead.*}), not with a template: templates are code, built
 * and tested with the service.
 */
@Component
public class PageTemplates {

  private final TemplateEngine engine;

  /**
   * @throws IllegalStateException if {@code conduct.service.templates} is set: a folder of Mustache
   *     templates replaced the page before; the page is precompiled now, so a district gives its header
   *     as data instead of being silently ignored
   */
  public PageTemplates(TemplateEngine engine, ServiceProperties properties) {
    if (properties.templates() != null) {
      throw new IllegalStateException("conduct.service.templates=" + properties.templates() + ": the service's pages"
          + " are precompiled templates now and no longer read from a folder [Hint: give a district's header and"
          + " footer as data: conduct.service.letterhead.office[0]=UBND QUẬN TÂY HỒ, conduct.service.letterhead"
          + ".motto[0]=..., .place=..., .footer[0]=... (README, 'Configuration')]");
    }
    this.engine = engine;
  }

  /** The ranking page. */
  public String rankings(RankingPage page) {
    StringOutput output = new StringOutput();
    engine.render("rankings.jte", page, output);
    return output.toString();
  }
}
