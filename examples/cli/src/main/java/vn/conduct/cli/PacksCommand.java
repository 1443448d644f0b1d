package vn.conduct.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.SafeText;

/**
 * {@code conduct packs}: lists the pack versions and which is in force, read from their manifests
 * without building an engine ({@code RulesEngine.Builder#describe()}): a pack whose manifest is
 * valid is listed even if one of its rules is not; {@code conduct check} validates every file.
 */
@Command(
    name = "packs",
    mixinStandardHelpOptions = true,
    description = {"Lists the rule packs on the class path and any given with --pack.",
        "", "For each version: id, dates in force, rules, checklists, digest and origin."})
final class PacksCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  PackOptions packs;

  @Option(names = "--as-of", paramLabel = "<yyyy-mm-dd>", description = "Mark the versions in force on this date (default: today).")
  LocalDate asOf;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
      description = "Language of titles and the legend: vi (default) or en.")
  Language language = Language.VI;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalDate date = asOf != null ? asOf : LocalDate.now();
    List<RulePackInfo> listed = packs.describe();
    Map<String, String> pinned = packs.pins();
    pinned.forEach((id, version) -> {
      if (listed.stream().noneMatch(p -> p.id().equals(id) && p.version().equals(version))) {
        throw new RulePackNotFoundException(SafeText.line("--pin: no version " + version + " of pack '" + id
            + "' is loaded [Hint: loaded versions are " + listed.stream().filter(p -> p.id().equals(id))
                .map(RulePackInfo::version).toList() + "]"));
      }
    });
    // counts are given as text: %d would load the JDK's locale data (CLDR) just to write digits
    out.println(String.format(java.util.Locale.ROOT, "%-16s %-9s %-5s %-11s %-11s %5s %5s  %-12s  %s", "ID", "VERSION", "NOW", "FROM", "UNTIL",
        "RULES", "LISTS", "SHA-256", "TITLE"));
    for (RulePackInfo pack : listed) {
      out.println(SafeText.line(String.format(java.util.Locale.ROOT, "%-16s %-9s %-5s %-11s %-11s %5s %5s  %-12s  %s", pack.id(),
          pack.version(), pack.version().equals(pinned.get(pack.id())) ? "pin" : pack.inForceOn(date) ? "yes" : "no", pack.effectiveFrom() == null ? "—" : pack.effectiveFrom(),
          pack.effectiveUntil() == null ? "—" : pack.effectiveUntil(), Integer.toString(pack.ruleCount()), Integer.toString(pack.checklistCount()),
          pack.digest().substring(0, 12), pack.title() == null ? "" : pack.title().in(language))));
    }
    out.println();
    Messages messages = new Messages(language);
    out.println(messages.get(pinned.isEmpty() ? "packs.legend" : "packs.legend-pinned", date));
    listed.forEach(p -> out.println("  " + SafeText.line(p.id() + " " + p.version() + ": " + p.origin()
        + p.base().map(base -> messages.get("packs.overlay-of", base)).orElse(""))));
    out.flush();
    return ConductCommand.OK;
  }
}
