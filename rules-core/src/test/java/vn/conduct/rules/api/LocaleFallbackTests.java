package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The API speaks {@link Locale}; the fallback rule of {@link Language#of(Locale)} picks vi or en. */
class LocaleFallbackTests {

  private static final LocalizedText BOTH = LocalizedText.of("Đạt", "Pass");

  @Test
  void a_vietnamese_locale_reads_vietnamese_every_other_english() {
    assertThat(BOTH.in(Locale.forLanguageTag("vi"))).isEqualTo("Đạt");
    assertThat(BOTH.in(Locale.forLanguageTag("vi-VN"))).isEqualTo("Đạt");
    assertThat(BOTH.in(Locale.ENGLISH)).isEqualTo("Pass");
    assertThat(BOTH.in(Locale.FRENCH)).as("no French texts: English").isEqualTo("Pass");
    assertThat(BOTH.in(Locale.forLanguageTag("zh-TW"))).isEqualTo("Pass");
    assertThat(BOTH.in(Locale.ROOT)).isEqualTo("Pass");
  }

  @Test
  void a_text_given_in_one_language_is_shown_in_it_whatever_the_locale() {
    assertThat(LocalizedText.of("Chỉ tiếng Việt", null).in(Locale.FRENCH)).isEqualTo("Chỉ tiếng Việt");
    assertThat(LocalizedText.of(null, "English only").in(Locale.forLanguageTag("vi"))).isEqualTo("English only");
  }

  @Test
  void a_citation_renders_for_a_locale() {
    Citation citation = Citation.of("qd-522", "522/QĐ-UBND", "3", null, Basis.READ, null);

    assertThat(citation.render(Locale.forLanguageTag("vi-VN"))).isEqualTo("522/QĐ-UBND, Điều 3 [đọc từ văn bản]");
    assertThat(citation.render(Locale.GERMAN)).isEqualTo("522/QĐ-UBND, Article 3 [read in source]");
  }

  @Test
  void each_language_names_its_locale() {
    assertThat(Language.VI.locale().getLanguage()).isEqualTo("vi");
    assertThat(Language.of(Language.EN.locale())).isEqualTo(Language.EN);
    assertThat(Language.of(Language.VI.locale())).isEqualTo(Language.VI);
  }
}
