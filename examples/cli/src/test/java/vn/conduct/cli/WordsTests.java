package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WordsTests {

  @Test
  void should_cut_a_score_to_two_decimals_so_it_never_shows_a_band_it_did_not_reach() {
    assertThat(Words.display(new BigDecimal("89.999"))).isEqualTo("89.99");
    assertThat(Words.display(new BigDecimal("83.3333"))).isEqualTo("83.33");
    assertThat(Words.display(new BigDecimal("-2.005"))).isEqualTo("-2");
    assertThat(Words.display(new BigDecimal("90.00"))).isEqualTo("90");
    assertThat(Words.display(null)).isEqualTo("—");
  }

  @Test
  void should_show_an_authored_value_whole() {
    assertThat(Words.number(new BigDecimal("89.995"))).isEqualTo("89.995");
    assertThat(Words.number(new BigDecimal("1E+2"))).isEqualTo("100");
  }
}
