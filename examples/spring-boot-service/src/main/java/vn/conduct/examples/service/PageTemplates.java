package vn.conduct.examples.service;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The service's HTML page templates (Mustache, logic-less: a template can only show values and repeat
 * sections, never run code; every {@code {{value}}} is HTML-escaped). Each template is read from the
 * folder {@code conduct.service.templates} when it holds one of that name — a district's own page, or
 * only its own {@code rankings-header.mustache} — else from the service's class path
 * ({@code templates/}). Templates are read and compiled once, at startup.
 */
@Component
public class PageTemplates {

  private final Template rankings;

  /** Reads the templates, the folder's first. */
  public PageTemplates(ServiceProperties properties) {
    Path folder = properties.templates();
    Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("")
        .withLoader(name -> reader(folder, name + ".mustache"));
    try (Reader page = reader(folder, "rankings.mustache")) {
      this.rankings = compiler.compile(page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the template rankings.mustache: " + e.getMessage(), e);
    }
  }

  /** The rankings page ({@code rankings.mustache}, with the partial {@code rankings-header}). */
  public Template rankings() {
    return rankings;
  }

  private static Reader reader(Path folder, String name) throws IOException {
    if (folder != null && Files.isRegularFile(folder.resolve(name))) {
      return Files.newBufferedReader(folder.resolve(name), StandardCharsets.UTF_8);
    }
    return new InputStreamReader(new ClassPathResource("templates/" + name).getInputStream(), StandardCharsets.UTF_8);
  }
}
