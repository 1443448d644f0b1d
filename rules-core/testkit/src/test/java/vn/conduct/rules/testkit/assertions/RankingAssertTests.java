package vn.conduct.rules.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.conduct.rules.testkit.assertions.ConductAssertions.assertThat;
import static vn.conduct.rules.testkit.assertions.DemoPack.lines;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.Report;

class RankingAssertTests {

  private static final String NORTH = lines(
      "Ranking on checklist \"demo-grade\", peer group \"north\":",
      "  1. o1 100 (A)",
      "  2. o2 95 (A)",
      "  3. o3 90 (B)",
      "  unranked: none");
  private static final String SOUTH = lines(
      "Ranking on checklist \"demo-grade\", peer group \"south\":",
      "  1. o4 0 (C)",
      "  unranked: [o5]");

  @TempDir
  static Path dir;

  static Report report;

  @BeforeAll
  static void evaluate() {
    report = DemoPack.evaluate(dir);
  }

  private static RankingAssert north() {
    return assertThat(report).ranking("demo-grade", "north");
  }

  private static RankingAssert south() {
    return assertThat(report).ranking("demo-grade", "south");
  }

  @Test
  void hasRank_passes_including_shared_ranks() {
    north().hasRank("o1", 1).hasRank("o2", 2).hasRank("o3", 3);
    assertThat(report).ranking("demo-conduct").hasRank("o1", 1).hasRank("o5", 1).hasRank("o4", 5);
  }

  @Test
  void hasRank_fails_on_another_rank() {
    assertThatThrownBy(() -> north().hasRank("o2", 1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o2\" to have rank 1 on checklist \"demo-grade\", peer group \"north\"",
            "but it has rank 2",
            NORTH));
  }

  @Test
  void hasRank_fails_on_an_unranked_subject() {
    assertThatThrownBy(() -> south().hasRank("o5", 2))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o5\" to have rank 2 on checklist \"demo-grade\", peer group \"south\"",
            "but it is unranked (not rated: too little evidence)",
            SOUTH));
  }

  @Test
  void hasRank_fails_on_a_subject_of_another_peer_group() {
    assertThatThrownBy(() -> north().hasRank("o4", 4))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting subject \"o4\" to have rank 4 on checklist \"demo-grade\", peer group \"north\"",
            "but it is not in this ranking",
            NORTH));
  }

  @Test
  void ranksInOrder_passes_on_all_or_some_subjects() {
    north().ranksInOrder("o1", "o2", "o3").ranksInOrder("o1", "o3");
    assertThat(report).ranking("demo-conduct").ranksInOrder("o1", "o2", "o3", "o5", "o4");
  }

  @Test
  void ranksInOrder_fails_naming_the_pair_in_the_wrong_order() {
    assertThatThrownBy(() -> north().ranksInOrder("o3", "o1"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting [o3, o1] to be ranked in this order on checklist \"demo-grade\", peer group \"north\"",
            "but \"o1\" (rank 1) is listed before \"o3\" (rank 3)",
            NORTH));
  }

  @Test
  void ranksInOrder_fails_on_an_unranked_subject() {
    assertThatThrownBy(() -> south().ranksInOrder("o4", "o5"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting [o4, o5] to be ranked in this order on checklist \"demo-grade\", peer group \"south\"",
            "but \"o5\" is unranked (not rated: too little evidence)",
            SOUTH));
  }

  @Test
  void hasUnranked_passes() {
    south().hasUnranked("o5");
    north().hasUnranked();
  }

  @Test
  void hasUnranked_fails_naming_the_differences() {
    assertThatThrownBy(() -> north().hasUnranked("o3"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(lines(
            "",
            "Expecting the unranked subjects on checklist \"demo-grade\", peer group \"north\" to be exactly [o3]",
            "but they are []",
            "ranked or absent: [o3]",
            "unexpectedly unranked: []",
            NORTH));
  }
}
