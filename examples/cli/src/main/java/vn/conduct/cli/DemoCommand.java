package vn.conduct.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.hanoi.HanoiRulePackProvider;
import vn.conduct.rules.io.FactsFile;
import vn.conduct.rules.io.FactsReader;

/** {@code conduct demo}: evaluates the bundled Hanoi sample data with the Hanoi packs. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Evaluates the bundled Hanoi sample data and prints a graded, explained summary.",
        "",
        "The sample is a fictional Hanoi district in June 2025 (a district committee, three wards, 60 officers,"
            + " model units, people in public places, peer districts and departments for ranking). It is the"
            + " template for your own facts file: print it with --print-facts.",
        "Sample waivers (specs/waiver-format.md) for it: --print-waivers; evaluate them with"
            + " 'conduct evaluate --facts <facts> --waivers <waivers>'.",
        "Sample decisions (specs/decision-format.md): --print-decisions; evaluate them with"
            + " 'conduct evaluate --facts <facts> --decisions <decisions>'.",
        "Like evaluate, the demo pseudonymises the officers (ids and names; the sample's people are fictional):"
            + " --reveal-ids shows them, --names keeps the names."})
final class DemoCommand implements Callable<Integer> {

  static final String SAMPLE = "samples/hanoi-demo.yaml";

  static final String WAIVERS = "samples/waivers-demo.yaml";

  static final String DECISIONS = "samples/decisions-demo.yaml";

  @Spec
  CommandSpec spec;

  @Mixin
  OutputOptions output;

  @picocli.CommandLine.Option(names = "--print-facts",
      description = "Print the sample facts file (YAML) instead of evaluating it.")
  boolean printFacts;

  @picocli.CommandLine.Option(names = "--print-waivers",
      description = "Print the sample waiver file (YAML) for the sample facts instead of evaluating them.")
  boolean printWaivers;

  @picocli.CommandLine.Option(names = "--print-decisions",
      description = "Print the sample decision file (YAML) for the sample facts instead of evaluating them.")
  boolean printDecisions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if ((printFacts ? 1 : 0) + (printWaivers ? 1 : 0) + (printDecisions ? 1 : 0) > 1) {
      throw new UsageException(Arguments.say("usage.demo-print"));
    }
    byte[] sample = sample(printWaivers ? WAIVERS : printDecisions ? DECISIONS : SAMPLE);
    if (printFacts || printWaivers || printDecisions) {
      out.print(new String(sample, java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      return ConductCommand.OK;
    }
    FactsFile facts = new FactsReader().load("hanoi-demo.yaml", sample);
    RulesEngine engine = RulesEngine.builder().addProvider(new HanoiRulePackProvider()).build();
    Report report = engine.evaluate(facts.request());
    if (output.format == OutputOptions.Format.table) {
      intro(report, output.language(), new TextOut(out));
    }
    output.print(report, facts::locate, out, true, engine.checklists(), spec.commandLine().getErr());
    return ConductCommand.OK;
  }

  private static void intro(Report report, Language language, TextOut out) {
    Messages messages = new Messages(language);
    out.println(messages.get("demo.intro.sample", report.subjects().size()));
    out.println(messages.get("demo.intro.packs"));
    out.println(messages.get("demo.intro.more-packs"));
    out.println(messages.get("demo.intro.lines"));
    out.println();
  }

  private static byte[] sample(String name) {
    try (InputStream in = HanoiRulePackProvider.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The sample data " + name + " is not on the class path"
            + " [Hint: the conduct-hanoi jar (module rules-hanoi) must be on the class path]");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
