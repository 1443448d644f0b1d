package vn.conduct.cli;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.PrintWriter;
import vn.conduct.cli.html.Texts;
import vn.conduct.rules.api.Language;

/**
 * The HTML pages' templates ({@code src/main/jte}), compiled to Java classes at build time by
 * jte-maven-plugin: nothing is compiled or read by reflection at run time, and each {@code ${...}} is
 * HTML-escaped for where it stands (element text, attribute value).
 */
final class Pages {

  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Pages() {
  }

  /** Renders {@code template} (e.g. {@code report.jte}) with its one parameter to {@code out}, and flushes it. */
  static void render(String template, Object model, PrintWriter out) {
    ENGINE.render(template, model, new WriterOutput(out));
    out.flush();
  }

  /** The page texts of a language, from the CLI's catalogue. */
  static Texts texts(Messages messages) {
    return new Texts(messages.language() == Language.VI ? "vi" : "en", messages::get);
  }
}
