package vn.conduct.rules.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.InvalidWaiversException;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.Period;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.api.Waiver;
import vn.conduct.rules.internal.load.Hints;

/**
 * What the engine does with waivers (specs/waiver-format.md): checks that their scopes name packs,
 * rules, checklists and items it knows, and words what a waiver did not do for a period. Stateless.
 */
public final class Waivers {

  private Waivers() { }

  /** A problem with a waiver's scope: the field of {@code scope} it is about, what is wrong, and a hint. */
  public record ScopeProblem(String field, String code, String message, String hint) { }

  /**
   * The problems with a waiver's scope against the packs, rules and checklists of an engine (every
   * version): an unknown pack, rule, checklist, or an item that is not in the checklist.
   */
  public static List<ScopeProblem> scopeProblems(Waiver waiver, List<RulePackInfo> packs, List<RuleInfo> rules,
      List<ChecklistInfo> checklists) {
    return targetProblems("waiver '" + SafeText.line(waiver.id()) + "'", "waiver", "", waiver.packId(),
        waiver.ruleId().orElse(null), waiver.checklistId().orElse(null), waiver.itemId().orElse(null), packs, rules,
        checklists);
  }

  /**
   * The problems with what a waiver or a decision names ({@code name}), against the packs, rules and
   * checklists of an engine (every version): an unknown pack (then nothing else is looked at), rule,
   * checklist, or an item that is not in the checklist; each with the field it is about ({@code pack},
   * {@code rule}, {@code checklist}, {@code item}), the code {@code <kind>.unknown-<field>} and the nearest
   * names. One definition for both side files.
   *
   * @param unknownRule what is added to the message of an unknown rule (a decision: that no such finding exists)
   */
  static List<ScopeProblem> targetProblems(String name, String kind, String unknownRule, String packId, String ruleId,
      String checklistId, String itemId, List<RulePackInfo> packs, List<RuleInfo> rules, List<ChecklistInfo> checklists) {
    List<ScopeProblem> problems = new ArrayList<>();
    Set<String> packIds = new TreeSet<>();
    packs.forEach(p -> packIds.add(p.id()));
    if (!packIds.contains(packId)) {
      problems.add(new ScopeProblem("pack", kind + ".unknown-pack", name + " names pack '" + SafeText.line(packId)
          + "', which is not loaded", Hints.unknown(packId, packIds, "loaded packs")));
      return problems;
    }
    if (ruleId != null) {
      Set<String> ruleIds = new TreeSet<>();
      rules.stream().filter(r -> r.rule().packId().equals(packId)).forEach(r -> ruleIds.add(r.rule().ruleId()));
      if (!ruleIds.contains(ruleId)) {
        problems.add(new ScopeProblem("rule", kind + ".unknown-rule", name + " names rule '" + SafeText.line(ruleId)
            + "', which pack '" + packId + "' does not have" + unknownRule,
            Hints.unknown(ruleId, ruleIds, "rules of " + packId)));
      }
    }
    if (checklistId != null) {
      Set<String> checklistIds = new TreeSet<>();
      Set<String> items = new TreeSet<>();
      for (ChecklistInfo info : checklists) {
        if (info.packId().equals(packId)) {
          checklistIds.add(info.checklistId());
          if (info.checklistId().equals(checklistId)) {
            info.items().forEach(i -> items.add(i.ruleId()));
          }
        }
      }
      if (!checklistIds.contains(checklistId)) {
        problems.add(new ScopeProblem("checklist", kind + ".unknown-checklist", name + " names checklist '"
            + SafeText.line(checklistId) + "', which pack '" + packId + "' does not have",
            Hints.unknown(checklistId, checklistIds, "checklists of " + packId)));
      } else if (itemId != null && !items.contains(itemId)) {
        problems.add(new ScopeProblem("item", kind + ".unknown-item", name + " names item '" + SafeText.line(itemId)
            + "', which is not an item of checklist " + packId + "/" + checklistId,
            Hints.unknown(itemId, items, "its items")));
      }
    }
    return problems;
  }

  /**
   * Refuses waivers whose scopes the engine does not know, naming each waiver, where it was written
   * and the nearest known names.
   *
   * @throws InvalidWaiversException listing every problem
   */
  static void check(List<Waiver> waivers, List<RulePackInfo> packs, List<RuleInfo> rules,
      List<ChecklistInfo> checklists) {
    List<ValidationIssue> issues = new ArrayList<>();
    Set<String> files = new LinkedHashSet<>();
    for (Waiver waiver : waivers) {
      for (ScopeProblem problem : scopeProblems(waiver, packs, rules, checklists)) {
        String[] at = where(waiver);
        files.add(at[0]);
        issues.add(new ValidationIssue(ValidationIssue.Level.ERROR, problem.code(), at[0], Integer.parseInt(at[1]),
            Integer.parseInt(at[2]), "scope." + problem.field(), problem.message(), problem.hint()));
      }
    }
    if (!issues.isEmpty()) {
      throw new InvalidWaiversException(files.size() == 1 ? files.iterator().next() : "request", issues);
    }
  }

  /** A waiver's file, line and column, from its source ({@code file:line:column}); {@code request} if none. */
  static String[] where(Waiver waiver) {
    String source = waiver.source().orElse(null);
    if (source != null) {
      int column = source.lastIndexOf(':');
      int line = column > 0 ? source.lastIndexOf(':', column - 1) : -1;
      if (line > 0) {
        String l = source.substring(line + 1, column);
        String c = source.substring(column + 1);
        if (l.matches("\\d{1,9}") && c.matches("\\d{1,9}")) {
          return new String[] {source.substring(0, line), l, c};
        }
      }
      return new String[] {source, "0", "0"};
    }
    return new String[] {"request", "0", "0"};
  }

  /**
   * A note saying why a waiver does nothing for a period judged (expired, not started, or covering part
   * of it), or {@code null} when it covers the period.
   */
  static LocalizedText note(Waiver waiver, Period period) {
    String id = SafeText.line(waiver.id());
    String dates = waiver.start() + ".." + waiver.expiry();
    return switch (waiver.coverageOf(period)) {
      case COVERS -> null;
      case EXPIRED -> LocalizedText.of(
          "Miễn trừ " + id + " đã hết hạn ngày " + waiver.expiry() + ", trước kỳ " + period + ": không áp dụng",
          "Waiver " + id + " expired on " + waiver.expiry() + ", before the period " + period + ": not applied");
      case NOT_STARTED -> LocalizedText.of(
          "Miễn trừ " + id + " bắt đầu từ ngày " + waiver.start() + ", sau kỳ " + period + ": không áp dụng",
          "Waiver " + id + " starts on " + waiver.start() + ", after the period " + period + ": not applied");
      case PARTIAL -> {
        String covered = (waiver.start().isAfter(period.start()) ? waiver.start() : period.start()) + ".."
            + (waiver.expiry().isBefore(period.end()) ? waiver.expiry() : period.end());
        yield LocalizedText.of(
            "Miễn trừ " + id + " (" + dates + ") chỉ phủ " + covered + " của kỳ " + period
                + ": không áp dụng (miễn trừ phải phủ cả kỳ đánh giá)",
            "Waiver " + id + " (" + dates + ") covers " + covered + " of the period " + period
                + ": not applied (a waiver must cover the whole period judged)");
      }
    };
  }

  /** A note for a waiver whose pack this evaluation did not use. */
  static LocalizedText unusedPack(Waiver waiver) {
    String id = SafeText.line(waiver.id());
    return LocalizedText.of(
        "Miễn trừ " + id + ": gói " + waiver.packId() + " không được dùng trong lần đánh giá này: không áp dụng",
        "Waiver " + id + ": pack " + waiver.packId() + " is not used by this evaluation: not applied");
  }

  /**
   * The provenance with one more note for each waiver that covered its period but excused no finding
   * (its scope and subjects had no FAIL or UNKNOWN finding), so that a waiver doing nothing is never
   * silent. Waivers already noted (expired, not started, partial, pack not used) are not noted again.
   */
  /** {@link Waiver#scopeText()} in Vietnamese, for the notes' Vietnamese texts. */
  static String scopeTextVi(Waiver waiver) {
    if (waiver.ruleId().isPresent()) {
      return waiver.packId() + ", quy tắc " + waiver.ruleId().get();
    }
    if (waiver.checklistId().isPresent()) {
      return waiver.packId() + "/" + waiver.checklistId().get()
          + waiver.itemId().map(item -> ", mục " + item).orElse(" (mọi mục)");
    }
    return waiver.packId() + " (mọi quy tắc)";
  }

  static vn.conduct.rules.api.Provenance withUnapplied(vn.conduct.rules.api.Provenance provenance,
      List<Waiver> waivers, Set<String> applied) {
    List<LocalizedText> notes = new ArrayList<>(provenance.notes());
    for (Waiver waiver : waivers) {
      if (applied.contains(waiver.id()) || noted(provenance.notes(), waiver)) {
        continue;
      }
      String id = SafeText.line(waiver.id());
      notes.add(LocalizedText.of(
          "Miễn trừ " + id + " không áp dụng cho kết quả nào: không có kết quả KHÔNG ĐẠT hoặc CHƯA RÕ nào trong phạm vi ("
              + scopeTextVi(waiver) + ") của các đối tượng được chọn",
          "Waiver " + id + " excused no finding: no FAIL or UNKNOWN finding in its scope (" + waiver.scopeText()
              + ") for the subjects it selects"));
    }
    return notes.size() == provenance.notes().size() ? provenance
        : vn.conduct.rules.api.Provenance.of(provenance.engineVersion(), provenance.decisionDate(), provenance.period(),
            provenance.periodGiven(), provenance.packs(), notes).withPersonalData(provenance.personalData());
  }

  /** Whether one of {@link #note}'s or {@link #unusedPack}'s notes is about this waiver. */
  private static boolean noted(List<LocalizedText> notes, Waiver waiver) {
    String id = SafeText.line(waiver.id());
    return notes.stream().map(LocalizedText::en).anyMatch(en -> en != null
        && (en.startsWith("Waiver " + id + " ") || en.startsWith("Waiver " + id + ":")));
  }

  /** The rules of a checklist a scope selects, or null for every rule of the pack. */
  static Set<String> rulesOf(Waiver waiver, Map<String, List<String>> itemsByChecklist) {
    if (waiver.ruleId().isPresent()) {
      return Set.of(waiver.ruleId().get());
    }
    if (waiver.checklistId().isPresent()) {
      if (waiver.itemId().isPresent()) {
        return Set.of(waiver.itemId().get());
      }
      return Set.copyOf(itemsByChecklist.getOrDefault(waiver.checklistId().get(), List.of()));
    }
    return null;
  }
}
