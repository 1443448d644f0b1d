package vn.conduct.cli;

import static vn.conduct.cli.Html.esc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.RulesEngine;

/**
 * {@code conduct form}: prints a blank inspection checklist for one subject type from a pack:
 * every criterion with its source, what to observe, its points and blank result columns.
 */
@Command(
    name = "form",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Prints a blank inspection checklist (phiếu kiểm tra) for one subject type of a pack.",
        "",
        "One table per checklist of that type, its criteria in checklist order: what to observe, the evidence"
            + " to collect, the legal source with its basis, the points (or weight), and blank columns for the"
            + " result and notes; then the enabled rules for that type that no checklist scores; then the"
            + " rating bands. Example: conduct form hanoi-models --subject-type market --format html -o market.html",
        "",
        "Exits 0 when the form was printed; 1 if the pack is invalid or not found; 2 if the subject type has"
            + " no rules in the pack (the types it has are listed)."})
final class FormCommand implements Callable<Integer> {

  /** The form formats. */
  enum Format { markdown, html, csv }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<pack-id-or-dir>",
      description = "A pack id on the class path (e.g. hanoi-models) or a pack directory.")
  String pack;

  @Option(names = {"-t", "--subject-type"}, required = true, paramLabel = "<type>",
      description = "The subject type inspected, e.g. market, one-stop-desk, officer.")
  String subjectType;

  @Option(names = {"-f", "--format"}, defaultValue = "markdown", paramLabel = "markdown|html|csv",
      description = "markdown (default), html (printable page) or csv (for a spreadsheet).")
  Format format = Format.markdown;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi", description = "Language: vi (default) or en.")
  String lang = "vi";

  @Option(names = "--as-of", paramLabel = "<yyyy-mm-dd>",
      description = "Use the pack version in force on this date (default: today; else the latest version).")
  LocalDate asOf;

  @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write the form to this file.")
  Path file;

  /** One criterion line of the form. */
  record Line(String ruleId, String title, String observe, String evidence, String source, String points) { }

  /** One table of the form. */
  record Section(String title, String description, List<Line> lines, List<String> bands) { }

  private Words w;

  @Override
  public Integer call() {
    Language language;
    try {
      language = Language.parse(lang);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--lang: " + e.getMessage());
    }
    w = new Words(language);
    RulesEngine engine = engine();
    RulePackInfo info = version(engine);
    List<RuleInfo> rules = engine.rules().stream()
        .filter(r -> r.rule().packId().equals(info.id()) && r.rule().packVersion().equals(info.version()))
        .toList();
    List<RuleInfo> forType = rules.stream().filter(r -> r.enabled() && r.appliesTo().contains(subjectType)).toList();
    if (forType.isEmpty()) {
      Set<String> types = new TreeSet<>();
      rules.stream().filter(RuleInfo::enabled).forEach(r -> types.addAll(r.appliesTo()));
      throw new UsageException("pack " + info.id() + " " + info.version() + " has no rule for subject type '"
          + subjectType + "' [Hint: its types are " + String.join(", ", types) + "]");
    }
    List<Section> sections = sections(engine, info, forType, language);
    String title = w.t("Phiếu kiểm tra", "Inspection checklist") + " — " + subjectType;
    String subtitle = info.id() + " " + info.version() + (info.title() == null ? "" : " · " + info.title().in(language));
    if (file == null) {
      render(title, subtitle, sections, spec.commandLine().getOut());
    } else {
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          PrintWriter out = new PrintWriter(writer)) {
        render(title, subtitle, sections, out);
      } catch (IOException e) {
        throw new FileProblem("Could not write the form to " + file + ": " + e);
      }
    }
    return ConductCommand.OK;
  }

  private RulesEngine engine() {
    Path directory = Path.of(pack);
    if (Files.isDirectory(directory)) {
      return RulesEngine.builder().addPack(directory).build();
    }
    if (pack.contains("/") || pack.contains("\\") || Files.exists(directory)) {
      throw new RulePackNotFoundException("Rule pack directory '" + pack + "' does not exist"
          + " [Hint: give the folder that holds pack.yaml, or a pack id such as hanoi-models]");
    }
    RulesEngine engine = RulesEngine.builder().discoverProviders().build();
    if (engine.packs().stream().noneMatch(p -> p.id().equals(pack))) {
      throw new RulePackNotFoundException("No rule pack with id '" + pack + "' is on the class path"
          + " [Hint: 'conduct packs' lists them; a directory must exist]");
    }
    return engine;
  }

  /** The version in force on the date, else the latest; for a directory, its pack. */
  private RulePackInfo version(RulesEngine engine) {
    LocalDate date = asOf != null ? asOf : LocalDate.now();
    List<RulePackInfo> candidates = engine.packs().stream()
        .filter(p -> Files.isDirectory(Path.of(pack)) || p.id().equals(pack)).toList();
    Optional<RulePackInfo> inForce = candidates.stream().filter(p -> p.inForceOn(date)).reduce((a, b) -> b);
    return inForce.orElse(candidates.get(candidates.size() - 1));
  }

  private List<Section> sections(RulesEngine engine, RulePackInfo info, List<RuleInfo> rules, Language language) {
    Map<String, RuleInfo> byId = rules.stream().collect(Collectors.toMap(RuleInfo::ruleId, r -> r));
    List<Section> sections = new ArrayList<>();
    Set<String> scored = new LinkedHashSet<>();
    for (ChecklistInfo checklist : engine.checklists()) {
      if (!checklist.packId().equals(info.id()) || !checklist.packVersion().equals(info.version())
          || !subjectType.equals(checklist.subjectType())) {
        continue;
      }
      List<Line> lines = new ArrayList<>();
      for (ChecklistInfo.Item item : checklist.items()) {
        RuleInfo rule = byId.get(item.ruleId());
        if (rule == null) {
          continue; // a disabled rule: left out of scores, so out of the form
        }
        scored.add(item.ruleId());
        lines.add(line(rule, points(item), language));
      }
      List<String> bands = checklist.bands().stream()
          .map(b -> b.id() + (b.title() == null || b.title().isEmpty() ? "" : " (" + b.title().in(language) + ")")
              + " ≥ " + Words.display(b.min()))
          .toList();
      sections.add(new Section(checklist.title().in(language) + " [" + checklist.checklistId() + "]", "", lines, bands));
    }
    List<Line> others = rules.stream().filter(r -> !scored.contains(r.ruleId()))
        .sorted(Comparator.comparing(RuleInfo::ruleId)).map(r -> line(r, "", language)).toList();
    if (!others.isEmpty()) {
      sections.add(new Section(sections.isEmpty() ? w.t("Tiêu chí", "Criteria")
          : w.t("Quy tắc khác cho loại đối tượng này (không tính điểm)", "Other rules for this type (not scored)"),
          "", others, List.of()));
    }
    return sections;
  }

  private String points(ChecklistInfo.Item item) {
    if (item.bonus()) {
      return "+" + Words.display(item.points()) + w.t(" (thưởng)", " (bonus)");
    }
    if (item.weight() != null) {
      return w.t("trọng số ", "weight ") + Words.display(item.weight());
    }
    return Words.display(item.points());
  }

  private static Line line(RuleInfo rule, String points, Language language) {
    String source = rule.rule().citation() == null ? "" : rule.rule().citation().render(language);
    return new Line(rule.ruleId(), text(rule.rule().title().in(language)), text(rule.description().in(language)),
        text(rule.evidence().in(language)), source, points);
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  private void render(String title, String subtitle, List<Section> sections, PrintWriter out) {
    switch (format) {
      case markdown -> markdown(title, subtitle, sections, out);
      case html -> html(title, subtitle, sections, out);
      case csv -> csv(sections, out);
    }
    out.flush();
  }

  private void markdown(String title, String subtitle, List<Section> sections, PrintWriter out) {
    out.println("# " + title);
    out.println();
    out.println(md(subtitle));
    out.println();
    out.println(w.t("Đơn vị được kiểm tra: ____________________  Ngày kiểm tra: ___/___/______  "
        + "Người kiểm tra: ____________________", "Unit inspected: ____________________  Date: ___/___/______  "
        + "Inspector: ____________________"));
    for (Section section : sections) {
      out.println();
      out.println("## " + md(section.title()));
      out.println();
      out.println("| # | " + String.join(" | ", headers()) + " |");
      out.println("|---|" + "---|".repeat(headers().size()));
      int number = 1;
      for (Line line : section.lines()) {
        out.println("| " + number++ + " | **" + md(line.title()) + "**<br>`" + md(line.ruleId()) + "` | "
            + md(line.observe()) + (line.evidence().isEmpty() ? "" : "<br>_" + md(w.t("Bằng chứng: ", "Evidence: ")
            + line.evidence()) + "_") + " | " + md(line.source()) + " | " + md(line.points())
            + " | ☐ " + w.t("Đạt", "Pass") + " ☐ " + w.t("Không đạt", "Fail") + " ☐ " + w.t("K.áp dụng", "N/A")
            + " |  |");
      }
      if (!section.bands().isEmpty()) {
        out.println();
        out.println(w.t("Xếp loại: ", "Ratings: ") + md(String.join("; ", section.bands())));
      }
    }
    out.println();
    out.println(w.t("Chữ ký người kiểm tra: ____________________   Chữ ký đại diện đơn vị: ____________________",
        "Inspector's signature: ____________________   Unit representative's signature: ____________________"));
  }

  private List<String> headers() {
    return List.of(w.t("Tiêu chí", "Criterion"), w.t("Nội dung quan sát", "What to observe"),
        w.t("Căn cứ", "Source"), w.t("Điểm", "Points"), w.t("Kết quả", "Result"), w.t("Ghi chú", "Notes"));
  }

  private static String md(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
        .replace("<", "&lt;").replace(">", "&gt;");
  }

  private void html(String title, String subtitle, List<Section> sections, PrintWriter out) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"").append(w.language() == Language.VI ? "vi" : "en")
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n<style>")
        .append(FORM_CSS).append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">")
        .append(esc(subtitle)).append("</p>\n<p class=\"fill\">")
        .append(esc(w.t("Đơn vị được kiểm tra:", "Unit inspected:"))).append(" <span class=\"blank\"></span> ")
        .append(esc(w.t("Ngày kiểm tra:", "Date:"))).append(" <span class=\"blank short\"></span> ")
        .append(esc(w.t("Người kiểm tra:", "Inspector:"))).append(" <span class=\"blank\"></span></p>\n");
    for (Section section : sections) {
      html.append("<h2>").append(esc(section.title())).append("</h2>\n<table>\n<thead><tr><th>#</th>");
      headers().forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
      html.append("</tr></thead>\n<tbody>\n");
      int number = 1;
      for (Line line : section.lines()) {
        html.append("<tr><td>").append(number++).append("</td><td><b>").append(esc(line.title()))
            .append("</b><br><code>").append(esc(line.ruleId())).append("</code></td><td>").append(esc(line.observe()));
        if (!line.evidence().isEmpty()) {
          html.append("<br><i>").append(esc(w.t("Bằng chứng: ", "Evidence: "))).append(esc(line.evidence())).append("</i>");
        }
        html.append("</td><td>").append(esc(line.source())).append("</td><td class=\"num\">").append(esc(line.points()))
            .append("</td><td class=\"result\">☐ ").append(esc(w.t("Đạt", "Pass"))).append("<br>☐ ")
            .append(esc(w.t("Không đạt", "Fail"))).append("<br>☐ ").append(esc(w.t("Không áp dụng", "N/A")))
            .append("</td><td class=\"notes\"></td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
      if (!section.bands().isEmpty()) {
        html.append("<p>").append(esc(w.t("Xếp loại: ", "Ratings: "))).append(esc(String.join("; ", section.bands())))
            .append("</p>\n");
      }
    }
    html.append("<p class=\"sign\"><span>").append(esc(w.t("Người kiểm tra (ký, ghi rõ họ tên)",
        "Inspector (signature, full name)"))).append("</span><span>").append(esc(w.t("Đại diện đơn vị (ký, ghi rõ họ tên)",
        "Unit representative (signature, full name)"))).append("</span></p>\n</body>\n</html>\n");
    out.print(html);
  }

  private void csv(List<Section> sections, PrintWriter out) {
    Csv.row(out, List.of("section", "no", "rule", "criterion", "observe", "evidence", "source", "points", "result",
        "notes"));
    for (Section section : sections) {
      int number = 1;
      for (Line line : section.lines()) {
        Csv.row(out, List.of(section.title(), String.valueOf(number++), line.ruleId(), line.title(), line.observe(),
            line.evidence(), line.source(), line.points(), "", ""));
      }
    }
  }

  private static final String FORM_CSS = """

      body { font: 13px/1.45 "Times New Roman", "DejaVu Serif", serif; margin: 24px; color: #000; }
      h1 { font-size: 20px; text-align: center; text-transform: uppercase; margin: 0 0 4px; }
      h2 { font-size: 15px; margin: 18px 0 6px; }
      .sub { text-align: center; margin: 0 0 14px; }
      .fill .blank { display: inline-block; width: 200px; border-bottom: 1px dotted #000; }
      .fill .blank.short { width: 90px; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; }
      th { background: #eee; }
      td.num { text-align: center; white-space: nowrap; }
      td.result { white-space: nowrap; width: 90px; }
      td.notes { width: 16%; }
      code { font-size: 11px; color: #444; }
      .sign { display: flex; justify-content: space-around; margin-top: 32px; font-weight: bold; }
      .sign span { padding-bottom: 60px; }
      @media print { body { margin: 10mm; } tr { break-inside: avoid; } }
      """;
}
