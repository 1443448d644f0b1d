package vn.conduct.cli.html;

import java.util.List;

/**
 * The header and footer of a page, given as data by a host ({@code --letterhead <file>}) or a pack
 * ({@code rulepacks/<pack-id>/letterhead.yaml}): never markup, every line is shown as text.
 *
 * <p>A Vietnamese administrative form puts the issuing office at the top left (the authority above
 * it first, e.g. {@code UBND THÀNH PHỐ HÀ NỘI} / {@code SỞ VĂN HOÁ VÀ THỂ THAO}), the national motto
 * at the top right ({@code CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM} / {@code Độc lập - Tự do - Hạnh phúc})
 * and the place and date under the motto.
 *
 * @param office the office's name, one line each, the authority above it first; may be empty
 * @param motto the motto block, one line each; may be empty
 * @param place the place line under the motto as shown (place and date), or {@code ""}
 * @param footer lines at the foot of the page; may be empty
 * @param source where it was read, for the page's source comment (a file, a pack resource, or {@code ""})
 */
public record Letterhead(List<String> office, List<String> motto, String place, List<String> footer, String source) {

  /** No letterhead: the page starts with its title. */
  public static final Letterhead NONE = new Letterhead(List.of(), List.of(), "", List.of(), "");

  public Letterhead {
    office = List.copyOf(office);
    motto = List.copyOf(motto);
    place = place == null ? "" : place;
    footer = List.copyOf(footer);
    source = source == null ? "" : source;
  }

  /** Whether there is a header block to show (office, motto or place). */
  public boolean hasHeader() {
    return !office.isEmpty() || !motto.isEmpty() || !place.isEmpty();
  }

  /** The same letterhead with its place line replaced (e.g. the place followed by a date). */
  public Letterhead withPlace(String line) {
    return new Letterhead(office, motto, line, footer, source);
  }
}
