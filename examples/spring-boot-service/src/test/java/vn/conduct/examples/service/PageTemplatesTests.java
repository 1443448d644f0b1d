package vn.conduct.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/** The ranking page is a template a district can give its own header to, without Java. */
class PageTemplatesTests {

  @TempDir
  Path folder;

  private static Map<String, Object> model(String title) {
    return Map.of("lang", "vi", "title", title, "source", "s", "groups", List.of(Map.of("heading", "Nhóm: all",
        "columns", List.of("Hạng"), "rows", List.of(Map.of("rank", 1, "name", "Sở B", "id", "so-b", "score", "9",
            "rating", "A")), "unranked", "")));
  }

  private static ServiceProperties properties(Path templates) {
    return new ServiceProperties(FactsLimits.DEFAULT_MAX_BYTES, new ClassPathResource("facts/hanoi-units-2025-06.yaml"),
        templates);
  }

  @Test
  void should_render_the_bundled_page_escaping_every_value() {
    String page = new PageTemplates(properties(null)).rankings().execute(model("<b>PAR</b> & \"x\""));

    assertThat(page).contains("<title>&lt;b&gt;PAR&lt;/b&gt; &amp; &quot;x&quot;</title>")
        .contains("<tr><td class=\"n\">1</td><td>Sở B</td><td>so-b</td><td class=\"n\">9</td><td>A</td></tr>")
        .doesNotContain("<b>PAR</b>");
  }

  @Test
  void should_take_a_districts_own_header_from_the_templates_folder() throws Exception {
    Files.writeString(folder.resolve("rankings-header.mustache"),
        "<header class=\"district\">UBND quận Tây Hồ — {{title}}</header>\n");

    String page = new PageTemplates(properties(folder)).rankings().execute(model("PAR"));

    assertThat(page).contains("<header class=\"district\">UBND quận Tây Hồ — PAR</header>")
        .contains("<h1>PAR</h1>");
  }
}
