package vn.conduct.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.api.PackDiff;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;

/**
 * {@code conduct diff <pack>@<v1> <pack>@<v2>}: what changed between two versions of a pack — rules and
 * checklists added, removed and changed (each change with its old and new value, conditions in words; an
 * added or removed rule with its conditions) and the pack's dates, title and parameters — read from the
 * engine's description ({@link PackDiff}). The engine holds the packs on the
 * class path, the Hanoi packs' frozen format 1 versions, and any folder given with {@code --pack}.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {"Lists what changed between two versions of a pack: rules and checklists added, removed and",
        "changed (conditions in words, thresholds, severity, citation, points, bands, quotas, vetoes...)",
        "and the pack's dates and parameters.",
        "", "Example: conduct diff hanoi-units@1.1.0 hanoi-units@2.1.0"})
final class DiffCommand implements Callable<Integer> {

  private static final String EXAMPLE = "conduct diff hanoi-units@1.1.0 hanoi-units@2.1.0";

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<pack>@<from>", description = "The older version, e.g. hanoi-units@1.1.0.")
  String from;

  @Parameters(index = "1", paramLabel = "<pack>@<to>", description = "The newer version, e.g. hanoi-units@2.1.0.")
  String to;

  @Option(names = {"-p", "--pack"}, paramLabel = "<dir>",
      description = "A pack folder to load beside the class path's packs (repeatable), e.g. a draft version.")
  List<Path> folders = new ArrayList<>();

  @Option(names = "--format", paramLabel = "text|json|markdown", defaultValue = "text",
      description = "Output format: text (default), json, or markdown (for a change notice).")
  Format format = Format.TEXT;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
      description = "Language of the words and titles: vi (default) or en.")
  Language language = Language.VI;

  private Messages messages;

  enum Format { TEXT, JSON, MARKDOWN }

  @Override
  public Integer call() throws Exception {
    PackVersions versions = PackVersions.parse("diff", "diff", from, "diff", to, EXAMPLE);
    RulesEngine engine = PackVersions.engine(folders);
    versions.requireRelated("diff", engine, EXAMPLE);
    PackDiff diff = PackDiff.between(engine, versions.fromPack(), versions.from(), versions.toPack(), versions.to());
    PrintWriter out = spec.commandLine().getOut();
    messages = new Messages(language);
    switch (format) {
      case JSON -> out.println(json(diff));
      case MARKDOWN -> markdown(diff, out);
      default -> text(diff, out);
    }
    out.flush();
    return ConductCommand.OK;
  }

  private String in(LocalizedText text) {
    return text == null || text.isEmpty() ? "—" : text.in(language);
  }

  /** A change in words; long texts (descriptions, notes) are cut to the part that differs, with some context. */
  private String change(PackDiff.Change c) {
    String a = in(c.oldValue());
    String b = in(c.newValue());
    String field = c.field();
    if (a.equals(b)) { // the text differs only in the other language: show that one, and say so
      Language other = language == Language.VI ? Language.EN : Language.VI;
      a = c.oldValue().isEmpty() ? "—" : c.oldValue().in(other);
      b = c.newValue().isEmpty() ? "—" : c.newValue().in(other);
      field += " (" + other.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
    if (a.length() + b.length() > 2 * LONG) {
      int prefix = 0;
      int max = Math.min(a.length(), b.length());
      while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
        prefix++;
      }
      int suffix = 0;
      while (suffix < max - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
        suffix++;
      }
      int start = Math.max(0, prefix - CONTEXT);
      int endA = Math.min(a.length(), a.length() - suffix + CONTEXT);
      int endB = Math.min(b.length(), b.length() - suffix + CONTEXT);
      a = cut(a, start, endA);
      b = cut(b, start, endB);
    }
    return field + " " + a + " → " + b;
  }

  private static final int LONG = 100;
  private static final int CONTEXT = 20;

  private static String cut(String text, int start, int end) {
    if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
      start--;
    }
    if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
      end++;
    }
    return (start > 0 ? "…" : "") + text.substring(start, end) + (end < text.length() ? "…" : "");
  }

  private void text(PackDiff diff, PrintWriter out) {
    out.println(SafeText.line(PackVersions.heading(diff.packId(), diff.from().version(), diff.to().id(),
        diff.to().version())));
    if (diff.isEmpty()) {
      out.println(messages.get("diff.no-change", diff.from().digest().substring(0, 12),
          diff.to().digest().substring(0, 12)));
    }
    diff.packChanges().forEach(c -> out.println(SafeText.line(messages.get("diff.pack-change", change(c)))));
    diff.addedRules().forEach(r -> {
      out.println(SafeText.line(messages.get("diff.added-rule", r.ruleId(), in(r.rule().title()))));
      conditions(r).forEach(line -> out.println(SafeText.line("  " + line)));
    });
    diff.removedRules().forEach(r -> {
      out.println(SafeText.line(messages.get("diff.removed-rule", r.ruleId(), in(r.rule().title()))));
      conditions(r).forEach(line -> out.println(SafeText.line("  " + line)));
    });
    diff.changedRules().forEach(e -> e.changes().forEach(c -> out.println(SafeText.line(messages.get("diff.changed-rule", e.id(),
        change(c))))));
    diff.addedChecklists().forEach(c -> out.println(SafeText.line(messages.get("diff.added-checklist",
        c.checklistId(), in(c.title())))));
    diff.removedChecklists().forEach(c -> out.println(SafeText.line(messages.get("diff.removed-checklist",
        c.checklistId(), in(c.title())))));
    diff.changedChecklists().forEach(e -> e.changes().forEach(c -> out.println(SafeText.line(messages.get("diff.changed-checklist",
        e.id(), change(c))))));
    out.println(messages.get("diff.summary", diff.addedRules().size(), diff.removedRules().size(),
        diff.changedRules().size(), diff.addedChecklists().size(), diff.removedChecklists().size(),
        diff.changedChecklists().size()));
  }

  /** An added or removed rule's conditions in words: "when …" if it has one, then "condition …". */
  private List<String> conditions(RuleInfo rule) {
    List<String> lines = new ArrayList<>();
    if (!rule.when().isEmpty()) {
      lines.add(messages.get("diff.when", in(rule.when())));
    }
    if (!rule.condition().isEmpty()) {
      lines.add(messages.get(rule.rule().kind() == vn.conduct.rules.api.RuleKind.PROHIBITION ? "diff.breached-when"
          : "diff.condition", in(rule.condition())));
    }
    return lines;
  }

  private void markdown(PackDiff diff, PrintWriter out) {
    out.println("# " + SafeText.markdown(PackVersions.heading(diff.packId(), diff.from().version(), diff.to().id(),
        diff.to().version())));
    section(out, messages.get("diff.section.pack"), diff.packChanges(), c -> change(c));
    ruleSection(out, messages.get("diff.section.rules-added"), diff.addedRules());
    ruleSection(out, messages.get("diff.section.rules-removed"), diff.removedRules());
    section(out, messages.get("diff.section.rules-changed"), diff.changedRules().stream().flatMap(e -> e.changes().stream()
        .map(c -> e.id() + ": " + change(c))).toList(), s -> s);
    section(out, messages.get("diff.section.checklists-added"), diff.addedChecklists(), c -> c.checklistId() + ": " + in(c.title()));
    section(out, messages.get("diff.section.checklists-removed"), diff.removedChecklists(), c -> c.checklistId() + ": " + in(c.title()));
    section(out, messages.get("diff.section.checklists-changed"), diff.changedChecklists().stream().flatMap(e -> e.changes().stream()
        .map(c -> e.id() + ": " + change(c))).toList(), s -> s);
  }

  /** Rules added or removed, each with its conditions as nested items. */
  private void ruleSection(PrintWriter out, String heading, List<RuleInfo> rules) {
    if (rules.isEmpty()) {
      return;
    }
    out.println();
    out.println("## " + heading);
    out.println();
    for (RuleInfo r : rules) {
      out.println("- " + SafeText.markdown(r.ruleId() + ": " + in(r.rule().title())));
      conditions(r).forEach(line -> out.println("  - " + SafeText.markdown(line)));
    }
  }

  private static <T> void section(PrintWriter out, String heading, List<T> values, Function<T, String> line) {
    if (values.isEmpty()) {
      return;
    }
    out.println();
    out.println("## " + heading);
    out.println();
    values.forEach(v -> out.println("- " + SafeText.markdown(line.apply(v))));
  }

  private String json(PackDiff diff) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("pack", diff.packId()).put("from", diff.from().version()).put("to-pack", diff.to().id())
        .put("to", diff.to().version())
        .put("from-digest", diff.from().digest()).put("to-digest", diff.to().digest());
    changes(root.putArray("pack-changes"), diff.packChanges());
    ArrayNode rules = root.putObject("rules").putArray("added");
    diff.addedRules().forEach(r -> rule(rules.addObject(), r));
    ArrayNode removed = ((ObjectNode) root.get("rules")).putArray("removed");
    diff.removedRules().forEach(r -> rule(removed.addObject(), r));
    entries(((ObjectNode) root.get("rules")).putArray("changed"), diff.changedRules());
    ObjectNode lists = root.putObject("checklists");
    ArrayNode addedLists = lists.putArray("added");
    diff.addedChecklists().forEach(c -> addedLists.addObject().put("id", c.checklistId()).put("title", in(c.title())));
    ArrayNode removedLists = lists.putArray("removed");
    diff.removedChecklists().forEach(c -> removedLists.addObject().put("id", c.checklistId())
        .put("title", in(c.title())));
    entries(lists.putArray("changed"), diff.changedChecklists());
    return mapper.writeValueAsString(root);
  }

  /** An added or removed rule: id, title, kind, and its conditions in words ({@code when} null if it has none). */
  private void rule(ObjectNode node, RuleInfo r) {
    node.put("id", r.ruleId()).put("title", in(r.rule().title()))
        .put("kind", r.rule().kind().name().toLowerCase(java.util.Locale.ROOT));
    if (r.when().isEmpty()) {
      node.putNull("when");
    } else {
      node.put("when", r.when().in(language));
    }
    node.put("condition", r.condition().in(language));
  }

  private void entries(ArrayNode array, List<PackDiff.Entry> entries) {
    for (PackDiff.Entry e : entries) {
      ObjectNode node = array.addObject().put("id", e.id()).put("title", in(e.title()));
      changes(node.putArray("changes"), e.changes());
    }
  }

  private void changes(ArrayNode array, List<PackDiff.Change> changes) {
    for (PackDiff.Change c : changes) {
      ObjectNode node = array.addObject().put("field", c.field());
      if (c.oldValue().isEmpty()) {
        node.putNull("old");
      } else {
        node.put("old", c.oldValue().in(language));
      }
      if (c.newValue().isEmpty()) {
        node.putNull("new");
      } else {
        node.put("new", c.newValue().in(language));
      }
    }
  }
}
