package vn.conduct.rules.internal.score;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.conduct.rules.api.ChecklistScore;
import vn.conduct.rules.api.Ranking;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.internal.model.ChecklistDoc;

/**
 * Rankings (rule-pack-format.md §10): per checklist with a {@code ranking} and per peer group, the rated
 * subjects by score, highest first, equal scores sharing a rank ("1, 2, 2, 4"), ties then by subject id;
 * subjects unrated or without the peer attribute are listed as unranked. Rankings of parts of one
 * evaluation are merged by ranking their entries again, with the same order.
 */
public final class Rankings {

  private static final Comparator<Ranking.Entry> ORDER = Comparator.comparing(Ranking.Entry::score,
      Comparator.reverseOrder()).thenComparing(Ranking.Entry::subjectId);

  private Rankings() {
  }

  /** The rankings of one evaluation's results, ordered by pack, checklist, then peer group. */
  public static List<Ranking> of(Judged judged, Map<String, SubjectResult> results) {
    Map<String, List<SubjectResult>> byChecklist = new TreeMap<>();
    for (SubjectResult result : results.values()) {
      for (ChecklistScore score : result.scores()) {
        if (judged.checklist(score.packId(), score.checklistId()).doc().ranking() != null) {
          byChecklist.computeIfAbsent(score.packId() + "\u0000" + score.checklistId(), k -> new ArrayList<>())
              .add(result);
        }
      }
    }
    List<Ranking> rankings = new ArrayList<>();
    byChecklist.forEach((key, subjects) -> {
      String[] ids = key.split("\u0000");
      ChecklistDoc doc = judged.checklist(ids[0], ids[1]).doc();
      String peerAttribute = doc.ranking().peerGroup();
      Map<String, List<SubjectResult>> groups = new TreeMap<>();
      for (SubjectResult subject : subjects) {
        Object value = peerAttribute == null ? "" : subject.subject().attributes().get(peerAttribute);
        groups.computeIfAbsent(value == null ? "" : String.valueOf(value), k -> new ArrayList<>()).add(subject);
      }
      groups.forEach((group, members) -> {
        List<Ranking.Entry> rated = new ArrayList<>();
        List<String> unranked = new ArrayList<>();
        for (SubjectResult member : members) {
          ChecklistScore score = member.scores().stream()
              .filter(s -> s.packId().equals(ids[0]) && s.checklistId().equals(ids[1])).findFirst().orElseThrow();
          boolean grouped = peerAttribute == null || member.subject().attributes().get(peerAttribute) != null;
          if (score.rated() && grouped) {
            rated.add(Ranking.Entry.of(0, member.subjectId(), score.score(), score.rating()));
          } else {
            unranked.add(member.subjectId());
          }
        }
        unranked.sort(null);
        rankings.add(Ranking.of(ids[0], ids[1], group, ranked(rated), unranked));
      });
    });
    return rankings;
  }

  /**
   * Merges rankings of the same pack, checklist and peer group (from parts of one evaluation), ranking
   * their entries again; ordered by pack, checklist, then peer group.
   */
  public static List<Ranking> merge(List<Ranking> rankings) {
    Map<List<String>, List<Ranking>> groups = new LinkedHashMap<>();
    for (Ranking ranking : rankings) {
      groups.computeIfAbsent(List.of(ranking.packId(), ranking.checklistId(), ranking.peerGroup()),
          k -> new ArrayList<>()).add(ranking);
    }
    List<Ranking> merged = new ArrayList<>();
    groups.forEach((key, parts) -> {
      List<Ranking.Entry> entries = new ArrayList<>();
      TreeSet<String> unranked = new TreeSet<>();
      parts.forEach(r -> {
        entries.addAll(r.entries());
        unranked.addAll(r.unranked());
      });
      merged.add(Ranking.of(key.get(0), key.get(1), key.get(2), ranked(entries), List.copyOf(unranked)));
    });
    merged.sort(Comparator.comparing(Ranking::packId).thenComparing(Ranking::checklistId)
        .thenComparing(Ranking::peerGroup));
    return merged;
  }

  /** The entries in ranking order, each with its rank; equal scores share the rank of the first. */
  private static List<Ranking.Entry> ranked(List<Ranking.Entry> entries) {
    List<Ranking.Entry> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    List<Ranking.Entry> ranked = new ArrayList<>(sorted.size());
    BigDecimal previous = null;
    int rank = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Ranking.Entry entry = sorted.get(i);
      if (previous == null || entry.score().compareTo(previous) != 0) {
        rank = i + 1;
        previous = entry.score();
      }
      ranked.add(Ranking.Entry.of(rank, entry.subjectId(), entry.score(), entry.rating()));
    }
    return ranked;
  }
}
