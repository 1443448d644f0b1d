package vn.conduct.cli;

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
import vn.conduct.cli.html.FormView;
import vn.conduct.cli.html.FormView.Deduction;
import vn.conduct.cli.html.FormView.Line;
import vn.conduct.cli.html.FormView.Section;
import vn.conduct.cli.html.Letterhead;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;

/**
 * {@code conduct form}: prints a blank inspection checklist for one subject type from a pack:
 * every criterion with its source, what to observe, its points and blank result columns; the
 * deductions, vetoes, bounds, quotas and bands the inspector applies.
 */
@Command(
    name = "form",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Prints a blank inspection checklist (phiếu kiểm tra) for one subject type of a pack.",
        "",
        "Per checklist of that type: how the score is computed; its criteria in checklist order (what to observe,"
            + " the evidence to collect, the legal source with its basis, the points, weight or bonus, partial"
            + " credit, blank result and notes); the deductions (events, points each, maximum, window, verified"
            + " only, a blank count); the vetoes (rule, cap on rating or score, reason, blank result); the floor and"
            + " maximum, quotas, ranking and rating bands. Then the enabled rules for that type that no checklist"
            + " scores. Example: conduct form hanoi-models --subject-type market --format html -o market.html",
        "",
        "Exits 0 when the form was printed; 1 if the pack is invalid or not on the class path; 2 if the subject"
            + " type has no rules in the pack (the types it has are listed) or a folder does not exist."})
final class FormCommand implements Callable<Integer> {

  /** The form formats. */
  enum Format { markdown, html, csv }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<pack-id-or-dir>",
      description = "A pack id on the class path (e.g. hanoi-models) or a pack folder written as a path (./my-pack).")
  String pack;

  @Option(names = {"-t", "--subject-type"}, required = true, paramLabel = "<type>",
      description = "The subject type inspected, e.g. market, one-stop-desk, officer.")
  String subjectType;

  @Option(names = {"-f", "--format"}, defaultValue = "markdown", paramLabel = "markdown|html|csv",
      description = "markdown (default), html (printable page) or csv (for a spreadsheet).")
  Format format = Format.markdown;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi", description = "Language: vi (default) or en.")
  Language language = Language.VI;

  @Option(names = "--as-of", paramLabel = "<yyyy-mm-dd>",
      description = "Use the pack version in force on this date (default: today; else the latest version).")
  LocalDate asOf;

  @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write the form to this file.")
  Path file;

  @Option(names = "--letterhead", paramLabel = "<file>",
      description = {"With --format html: the page's header and footer from this YAML file (office, motto, place,",
          "footer: lines of text). Default: the pack's rulepacks/<pack-id>/letterhead.yaml (letterhead.yaml in a",
          "pack folder), else none."})
  Path letterhead;

  private Words w;
  /** The page's letterhead (html only), read before anything is written. */
  private Letterhead head;

  @Override
  public Integer call() {
    w = new Words(language);
    if (letterhead != null && format != Format.html) {
      throw new UsageException("--letterhead: " + Arguments.say("usage.letterhead-form"));
    }
    RulesEngine engine = PackOptions.engine("<pack-id-or-dir>", List.of(pack), Map.of(),
        spec.commandLine().getErr());
    RulePackInfo info = version(engine);
    List<RuleInfo> rules = engine.rules().stream()
        .filter(r -> r.rule().packId().equals(info.id()) && r.rule().packVersion().equals(info.version()))
        .toList();
    List<RuleInfo> forType = rules.stream().filter(r -> r.enabled() && r.appliesTo().contains(subjectType)).toList();
    if (forType.isEmpty()) {
      Set<String> types = new TreeSet<>();
      rules.stream().filter(RuleInfo::enabled).forEach(r -> types.addAll(r.appliesTo()));
      throw new UsageException(Arguments.say("usage.form.no-rule", info.id() + " " + info.version(), subjectType,
          String.join(", ", types)));
    }
    List<Section> sections = sections(engine, info, forType);
    String title = w.get("form.inspection-checklist") + " — " + subjectType;
    String subtitle = info.id() + " " + info.version() + (info.title() == null ? "" : " · " + info.title().in(language));
    head = format == Format.html ? letterhead(info.id()) : null;
    if (file == null) {
      render(title, subtitle, sections, spec.commandLine().getOut());
    } else {
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          PrintWriter out = new PrintWriter(writer)) {
        render(title, subtitle, sections, out);
      } catch (IOException e) {
        throw new FileProblem("Could not write the form to " + file + ": " + (e instanceof java.nio.file.NoSuchFileException
            ? "no such folder" : e.getMessage()) + " [Hint: the folder must exist and be writable]");
      }
    }
    return ConductCommand.OK;
  }

  /** The version in force on the date, else the latest; for a folder, its pack. */
  private RulePackInfo version(RulesEngine engine) {
    LocalDate date = asOf != null ? asOf : LocalDate.now();
    // a folder: the pack loaded from it (an overlay folder also loads the class path, for its base)
    String folder = PackOptions.isPath(pack)
        ? vn.conduct.rules.spi.RulePackSource.directory(java.nio.file.Path.of(pack)).origin() : null;
    List<RulePackInfo> candidates = engine.packs().stream()
        .filter(p -> folder != null ? folder.equals(p.origin()) : p.id().equals(pack)).toList();
    Optional<RulePackInfo> inForce = candidates.stream().filter(p -> p.inForceOn(date)).reduce((a, b) -> b);
    return inForce.orElse(candidates.get(candidates.size() - 1));
  }

  private List<Section> sections(RulesEngine engine, RulePackInfo info, List<RuleInfo> rules) {
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
        lines.add(line(rule, points(item)));
      }
      List<Line> vetoes = new ArrayList<>();
      for (ChecklistInfo.Veto veto : checklist.vetoes()) {
        RuleInfo rule = byId.get(veto.ruleId()); // null for a disabled rule: its veto never applies
        if (rule != null) {
          scored.add(veto.ruleId());
          vetoes.add(line(rule, cap(veto)));
        }
      }
      List<String> bands = checklist.bands().stream()
          .map(b -> b.id() + (b.title() == null || b.title().isEmpty() ? "" : " (" + b.title().in(language) + ")")
              + " ≥ " + Words.number(b.min()))
          .toList();
      sections.add(new Section(checklist.title().in(language), checklist.checklistId(),
          scoring(checklist), lines, checklist.deductions().stream().map(this::deduction).toList(), vetoes,
          terms(checklist, checklist.items().stream().anyMatch(ChecklistInfo.Item::bonus)), bands));
    }
    List<Line> others = rules.stream().filter(r -> !scored.contains(r.ruleId()))
        .sorted(Comparator.comparing(RuleInfo::ruleId)).map(r -> line(r, "")).toList();
    if (!others.isEmpty()) {
      sections.add(new Section(sections.isEmpty() ? w.get("form.criteria")
          : w.get("form.other-rules-for-this-type-not"),
          null, "", others, List.of(), List.of(), List.of(), List.of()));
    }
    return sections;
  }

  private String points(ChecklistInfo.Item item) {
    if (item.bonus()) {
      return w.get("form.bonus") + Words.number(item.points());
    }
    if (item.weight() != null) {
      return w.get("form.weight") + Words.number(item.weight());
    }
    String points = Words.number(item.points());
    if (item.credit().isEmpty()) {
      return points;
    }
    ChecklistInfo.Credit credit = item.credit().get();
    if (credit.perUnit() != null) {
      return points + w.get("form.by-per-unit", credit.indicator(), Words.number(credit.perUnit()));
    }
    return points + w.get("form.by", credit.indicator()) + credit.bands()
        .stream().map(b -> "≥ " + Words.number(b.min()) + " → " + Words.number(b.points()))
        .collect(Collectors.joining("; ")) + ")";
  }

  private String cap(ChecklistInfo.Veto veto) {
    List<String> caps = new ArrayList<>();
    if (veto.capRating() != null) {
      caps.add(w.get("form.rating-at-most") + veto.capRating());
    }
    if (veto.capScore() != null) {
      caps.add(w.get("form.score-at-most") + Words.number(veto.capScore()));
    }
    String reason = veto.reason().isEmpty() ? "" : veto.reason().in(language);
    return w.get("form.if-failed") + String.join(w.get("form.and"), caps)
        + (reason == null || reason.isBlank() ? "" : " — " + reason.strip());
  }

  private String scoring(ChecklistInfo terms) {
    String how = terms.method() == ChecklistInfo.Method.WEIGHTED
        ? w.get("form.scoring-score-100-the-weights-of")
        : w.get("form.scoring-the-points-of-the-criteria");
    return how + w.get("form.criteria-that-do-not-apply-are") + Words.number(terms.minEvidence())
        + w.get("form.of-the-criteria-that-apply-are");
  }

  private Deduction deduction(ChecklistInfo.Deduction deduction) {
    String window = switch (deduction.window()) {
      case "period" -> w.get("form.in-the-period");
      case "all" -> w.get("form.any-time");
      default -> w.get("form.within-before-the-evaluation-date", deduction.window());
    };
    return new Deduction(String.join(", ", deduction.events()),
        deduction.title().isEmpty() ? "" : deduction.title().in(language),
        "−" + Words.number(deduction.points()) + w.get("form.each"),
        deduction.max() == null ? w.get("form.no-limit") : Words.number(deduction.max()), window,
        deduction.verifiedOnly() ? w.get("form.verified-events-only")
            : w.get("form.every-event"));
  }

  private List<String> terms(ChecklistInfo terms, boolean bonus) {
    List<String> lines = new ArrayList<>();
    lines.add(w.get("form.bounds-floor") + Words.number(terms.floor()) + w.get("form.maximum")
        + (terms.maximum() != null ? Words.number(terms.maximum())
            : w.get("form.the-points-of-the-criteria-that"))
        + (bonus ? w.get("form.bonus-points-offset-deductions-but-never") : "."));
    for (ChecklistInfo.Quota quota : terms.quotas()) {
      lines.add(w.get("form.quota-at-most-percent-of", Words.number(quota.maxPercent()), w.quotaMembers(quota))
          + (quota.ofBand() == null ? "" : w.get("form.of-those-holding", quota.ofBand()))
          + w.get("form.may-hold") + quota.band()
          + (!quota.overridden() ? "" : w.get("form.when-the-unit-meets", Words.number(quota.overrideMaxPercent()), quota.overrideCondition()))
          + w.get("form.those-over-it-lowest-scores-first") + w.ties(quota.ties()) + ".");
    }
    if (terms.ranked()) {
      String attribute = terms.peerGroup().attribute();
      lines.add(attribute == null ? w.get("form.ranked-by-score")
          : w.get("form.ranked-by-score-within-each-group", attribute));
    }
    return lines;
  }

  private Line line(RuleInfo rule, String points) {
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

  /** Pack, facts and command-line text in Markdown: shown as written, never read as markup. */
  private static String md(String text) {
    return SafeText.markdown(text);
  }

  /** A rule id in a code span when it needs no escaping (a valid id never does), else escaped text. */
  private static String code(String id) {
    String escaped = md(id);
    return escaped.equals(id) ? "`" + id + "`" : escaped;
  }

  private String result() {
    return "☐ " + w.get("form.box.pass") + " ☐ " + w.get("form.box.fail") + " ☐ " + w.get("form.box.n-a");
  }

  private void markdown(String title, String subtitle, List<Section> sections, PrintWriter out) {
    out.println("# " + md(title));
    out.println();
    out.println(md(subtitle));
    out.println();
    out.println(w.get("form.unit-inspected-date-inspector"));
    for (Section section : sections) {
      out.println();
      out.println("## " + md(section.title()) + (section.checklistId() == null ? "" : " " + code(section.checklistId())));
      if (!section.scoring().isEmpty()) {
        out.println();
        out.println(md(section.scoring()));
      }
      out.println();
      table(section.lines(), w.get("form.column.points"), out);
      if (!section.deductions().isEmpty()) {
        out.println();
        out.println("### " + w.get("form.deductions"));
        out.println();
        out.println("| " + String.join(" | ", deductionHeaders()) + " |");
        out.println("|---|---|---|---|---|---|");
        for (Deduction deduction : section.deductions()) {
          out.println("| " + md(deduction.events()) + (deduction.title().isEmpty() ? "" : "<br>_" + md(deduction.title())
              + "_") + " | " + md(deduction.points()) + " | " + md(deduction.max()) + " | " + md(deduction.window())
              + " | " + md(deduction.verified()) + " |  |");
        }
      }
      if (!section.vetoes().isEmpty()) {
        out.println();
        out.println("### " + w.get("form.vetoes"));
        out.println();
        table(section.vetoes(), w.get("form.cap"), out);
      }
      if (!section.terms().isEmpty() || !section.bands().isEmpty()) {
        out.println();
        section.terms().forEach(t -> out.println("- " + md(t)));
        if (!section.bands().isEmpty()) {
          out.println("- " + w.get("form.ratings") + md(String.join("; ", section.bands())));
        }
      }
    }
    out.println();
    out.println(w.get("form.inspectors-signature-unit-representatives-signature"));
  }

  private void table(List<Line> lines, String pointsHeader, PrintWriter out) {
    List<String> headers = headers(pointsHeader);
    out.println("| # | " + String.join(" | ", headers) + " |");
    out.println("|---|" + "---|".repeat(headers.size()));
    int number = 1;
    for (Line line : lines) {
      out.println("| " + number++ + " | **" + md(line.title()) + "**<br>" + code(line.ruleId()) + " | "
          + md(line.observe()) + (line.evidence().isEmpty() ? "" : "<br>_" + md(w.get("form.evidence")
          + line.evidence()) + "_") + " | " + md(line.source()) + " | " + md(line.points()) + " | " + result()
          + " |  |");
    }
  }

  private List<String> deductionHeaders() {
    return List.of(w.get("form.deductions.column.events"), w.get("form.deductions.column.points"), w.get("form.deductions.column.at-most"),
        w.get("form.window"), w.get("form.which-events"), w.get("form.number-recorded"));
  }

  private List<String> headers(String points) {
    return List.of(w.get("form.criterion"), w.get("form.what-to-observe"),
        w.get("form.source"), points, w.get("form.result"), w.get("form.notes"));
  }

  private void html(String title, String subtitle, List<Section> sections, PrintWriter out) {
    Letterhead page = head.place().isEmpty() ? head
        : head.withPlace(w.get("letterhead.place-blank-date", head.place()));
    Pages.render("form.jte", new FormView(Pages.texts(w), page, s(title), s(subtitle),
        sections.stream().map(FormCommand::safe).toList()), out);
  }

  /** The letterhead: --letterhead, else the pack folder's or the pack's own, else none. */
  private Letterhead letterhead(String packId) {
    if (letterhead != null) {
      return Letterheads.file(letterhead);
    }
    Optional<Letterhead> own = PackOptions.isPath(pack) ? Letterheads.ofFolder(Path.of(pack))
        : Letterheads.ofPacks(List.of(packId), FormCommand.class.getClassLoader());
    return own.orElse(Letterhead.NONE);
  }

  /** Text from the pack on one line, control characters and bidirectional overrides shown as escapes. */
  private static String s(String text) {
    return text == null ? "" : SafeText.line(text);
  }

  private static Section safe(Section section) {
    return new Section(s(section.title()), section.checklistId() == null ? null : s(section.checklistId()),
        s(section.scoring()), section.lines().stream().map(FormCommand::safe).toList(),
        section.deductions().stream().map(d -> new Deduction(s(d.events()), s(d.title()), s(d.points()), s(d.max()),
            s(d.window()), s(d.verified()))).toList(),
        section.vetoes().stream().map(FormCommand::safe).toList(), section.terms().stream().map(FormCommand::s).toList(),
        section.bands().stream().map(FormCommand::s).toList());
  }

  private static Line safe(Line line) {
    return new Line(s(line.ruleId()), s(line.title()), s(line.observe()), s(line.evidence()), s(line.source()),
        s(line.points()));
  }

  private void csv(List<Section> sections, PrintWriter out) {
    Csv.row(out, List.of("section", "kind", "no", "rule", "criterion", "observe", "evidence", "source", "points",
        "result", "notes"));
    for (Section section : sections) {
      int number = 1;
      for (Line line : section.lines()) {
        String kind = section.checklistId() == null ? "rule"
            : line.points().startsWith(w.get("form.bonus-word")) ? "bonus" : "item";
        Csv.row(out, List.of(section.heading(), kind, String.valueOf(number++), line.ruleId(), line.title(),
            line.observe(), line.evidence(), line.source(), line.points(), "", ""));
      }
      number = 1;
      for (Deduction deduction : section.deductions()) {
        Csv.row(out, List.of(section.heading(), "deduction", String.valueOf(number++), deduction.events(),
            deduction.title(), deduction.window() + "; " + deduction.verified(), "", "",
            deduction.points() + "; " + w.get("form.csv.at-most") + deduction.max(), "", ""));
      }
      number = 1;
      for (Line veto : section.vetoes()) {
        Csv.row(out, List.of(section.heading(), "veto", String.valueOf(number++), veto.ruleId(), veto.title(),
            veto.observe(), veto.evidence(), veto.source(), veto.points(), "", ""));
      }
      for (String term : section.terms()) {
        Csv.row(out, List.of(section.heading(), "term", "", "", term, "", "", "", "", "", ""));
      }
      for (String band : section.bands()) {
        Csv.row(out, List.of(section.heading(), "band", "", "", band, "", "", "", "", "", ""));
      }
    }
  }
}
