package vn.conduct.examples.service;

import java.util.List;

/**
 * What the ranking page ({@code src/main/jte/rankings.jte}) shows. Every text from the facts or the
 * packs is already on one line with control characters shown as escapes; the template HTML-escapes
 * every value for where it stands. Labels come from {@code messages.properties} /
 * {@code messages_vi.properties}.
 *
 * @param lang the page's language tag, {@code vi} or {@code en}
 * @param title the checklist's title
 * @param source the facts, their date and the pack, in one sentence
 * @param letterhead the district's header and footer ({@code conduct.service.letterhead.*})
 * @param columns the tables' column headings: rank, name, id, score, rating
 * @param groups one table per peer group, best first
 * @param languages links to the page in each language (shown on screen, not printed)
 */
public record RankingPage(String lang, String title, String source, ServiceProperties.Letterhead letterhead,
    List<String> columns, List<Group> groups, List<Link> languages) {

  /** A link: its text and its address (a relative URL, its query encoded). */
  public record Link(String label, String href) { }

  /** One peer group's table: its heading, rows best first, and who could not be ranked ({@code ""} if nobody). */
  public record Group(String heading, List<Row> rows, String unranked) { }

  /** One rank. */
  public record Row(int rank, String name, String id, String score, String rating) { }
}
