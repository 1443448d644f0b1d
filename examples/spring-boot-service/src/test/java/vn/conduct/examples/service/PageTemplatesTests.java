package vn.conduct.examples.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The ranking page is a precompiled template; a district gives its header and footer as data. */
class PageTemplatesTests {

  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private static ServiceProperties properties(Path templates, ServiceProperties.Letterhead letterhead) {
    return new ServiceProperties(FactsLimits.DEFAULT_MAX_BYTES, new ClassPathResource("facts/hanoi-units-2025-06.yaml"),
        templates, letterhead, new ServiceProperties.Privacy(null, false, false));
  }

  private static final ServiceProperties.Letterhead NONE = new ServiceProperties.Letterhead(null, null, null, null);

  private static RankingPage page(String title, ServiceProperties.Letterhead letterhead) {
    return new RankingPage("vi", title, "Dữ liệu: june.yaml", letterhead, List.of("Hạng", "Tên", "Mã", "Điểm", "Xếp loại"),
        List.of(new RankingPage.Group("Nhóm: all", List.of(new RankingPage.Row(1, "Sở B", "so-b", "9", "A"),
            new RankingPage.Row(2, "\" onmouseover=\"alert(1)", "so-a", "8", "B")), "Chưa xếp hạng: Sở D (so-d)")),
        List.of(new RankingPage.Link("English", "?checklist=x&lang=en")));
  }

  @Test
  void should_render_the_page_escaping_every_value() {
    String html = new PageTemplates(ENGINE, properties(null, NONE)).rankings(page("<b>PAR</b> & \"x\"", NONE));

    Document page = Jsoup.parse(html);
    assertThat(page.title()).isEqualTo("<b>PAR</b> & \"x\"");
    assertThat(page.select("h1").text()).isEqualTo("<b>PAR</b> & \"x\"");
    assertThat(page.select("b")).as("the title is text, not markup").isEmpty();
    assertThat(page.select("table tbody tr")).extracting(Element::text)
        .containsExactly("1 Sở B so-b 9 A", "2 \" onmouseover=\"alert(1) so-a 8 B");
    assertThat(page.select("[onmouseover]")).isEmpty();
    assertThat(page.select("p.unranked").text()).isEqualTo("Chưa xếp hạng: Sở D (so-d)");
    assertThat(page.select("nav a").attr("href")).isEqualTo("?checklist=x&lang=en");
    assertThat(page.select(".letterhead, .letterfoot")).as("no letterhead unless one is given").isEmpty();
    assertThat(page.select("style").html()).contains("@page { size: A4;").contains("@media print")
        .containsPattern("(?s)@media print \\{.*nav \\{ display: none; \\}");
  }

  @Test
  void should_show_a_districts_letterhead_given_as_data_as_text() {
    var letterhead = new ServiceProperties.Letterhead(List.of("UBND THÀNH PHỐ HÀ NỘI", "UBND QUẬN TÂY HỒ <i>"),
        List.of("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), "Tây Hồ\u202E",
        List.of("Trang in từ dịch vụ Conduct"));

    Document page = Jsoup.parse(new PageTemplates(ENGINE, properties(null, letterhead)).rankings(page("PAR", letterhead)));

    assertThat(page.select(".letterhead .office div").eachText()).containsExactly("UBND THÀNH PHỐ HÀ NỘI",
        "UBND QUẬN TÂY HỒ <i>");
    assertThat(page.select(".letterhead i")).isEmpty();
    assertThat(page.select(".letterhead .motto div").eachText()).containsExactly("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Tây Hồ\\u202E");
    assertThat(page.select(".letterfoot").text()).isEqualTo("Trang in từ dịch vụ Conduct");
    assertThat(page.select(".letterhead + h1").text()).isEqualTo("PAR");
  }

  @Test
  void should_refuse_a_folder_of_templates_at_startup_and_say_what_to_do_instead() {
    assertThatThrownBy(() -> new PageTemplates(ENGINE, properties(Path.of("/etc/conduct/templates"), NONE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("conduct.service.templates=/etc/conduct/templates")
        .hasMessageContaining("conduct.service.letterhead.office[0]=");
  }
}
