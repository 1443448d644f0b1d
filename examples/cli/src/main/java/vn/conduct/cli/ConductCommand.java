package vn.conduct.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.RulesException;
import vn.conduct.rules.api.SafeText;

/**
 * The {@code conduct} command line.
 *
 * <p>Exit codes, for every command:
 *
 * <ul>
 *   <li>{@value #OK}: done; for {@code check}, the pack is valid (warnings may have been printed);
 *   <li>{@value #INVALID}: a pack, facts, fixture or CSV file has errors, each printed with its
 *       {@code file:line:col}, a pack id is not on the class path, or an output file cannot be
 *       written; for {@code evaluate}, also when CSV rows were rejected (the report of the other
 *       rows is still written);
 *   <li>{@value #USAGE}: the command line itself is wrong (unknown command or option, missing
 *       argument, a value that cannot be read, a file or folder that does not exist), said in one
 *       line (see {@link Arguments});
 *   <li>{@value #SOFTWARE}: an unexpected error inside the engine (a bug: please report it).
 * </ul>
 */
@Command(
    name = "conduct",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = {
        "Checks rule packs of codes of conduct and evaluates facts against them.",
        "Kiểm tra bộ quy tắc ứng xử và đánh giá dữ liệu theo các bộ quy tắc đó."},
    subcommands = {
        CheckCommand.class,
        TestCommand.class,
        EvaluateCommand.class,
        ExplainCommand.class,
        FormCommand.class,
        DemoCommand.class,
        PacksCommand.class,
        DiffCommand.class,
        ImpactCommand.class,
        NewPackCommand.class,
        picocli.AutoComplete.GenerateCompletion.class,
        WaiversCommand.class,
        DecisionsCommand.class,
        ReplayCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  done; for check, waivers check and decisions check: valid (warnings may have been printed)",
        "  1  a pack, facts, fixture or CSV file is invalid (errors shown as file:line:col), a pack id is not",
        "     on the class path, or an output file cannot be written; evaluate: some CSV rows were rejected",
        "     (the other rows are still reported); check, waivers check and decisions check --strict: warnings",
        "  2  wrong command line: unknown command or option, a bad value (date, number, language, format,",
        "     --pin, --param), a file or folder that does not exist; also explain's subject or checklist and",
        "     form's subject type not found; new-pack's id not a pack id or its folder not empty",
        "  3  unexpected internal error",
        "  4  evaluate --fail-on: a finding had one of the outcomes named (the report is still written)"})
public final class ConductCommand implements Runnable {

  /** Done. */
  public static final int OK = 0;
  /** A pack or facts file is invalid or missing. */
  public static final int INVALID = 1;
  /** The command line is wrong. */
  public static final int USAGE = 2;
  /** Unexpected internal error. */
  public static final int SOFTWARE = 3;
  /** {@code evaluate --fail-on}: a finding had one of the outcomes named. */
  public static final int FAILED = 4;

  /** Held so that its level is not lost when java.util.logging drops unreferenced loggers. */
  private static final Logger HIBERNATE_VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Read before parsing (see {@link #helpLanguage}); declared so that {@code conduct --lang vi --help} parses. */
  @CommandLine.Option(names = "--lang", paramLabel = "vi|en", description = "Language of the help: en (the default) or vi.")
  Language lang;

  /** The help's Vietnamese texts; English is in the commands' annotations. */
  static final String HELP_BUNDLE = "vn.conduct.cli.help";

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /**
   * Runs the command line and exits with its exit code. The standard output and error are written
   * in UTF-8 whatever the platform's default charset ({@code LANG=C}, {@code file.encoding=ISO-8859-1},
   * a Windows code page): reports, JSON, help and messages alike. {@code System.out} and
   * {@code System.err} are replaced too, for anything a library prints.
   */
  public static void main(String[] args) {
    PrintStream stdout = utf8(FileDescriptor.out);
    PrintStream stderr = utf8(FileDescriptor.err);
    System.setOut(stdout);
    System.setErr(stderr);
    int code;
    try {
      code = execute(args, new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true),
          new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
    } catch (OutOfMemoryError e) {
      // Input over the limits is refused with located errors; running out of memory anyway is an
      // engine bug. One line, no stack trace: the heap may be too full to print one.
      stderr.println("conduct: out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
          + " MB heap); this is a bug in the engine, please report it with the command that caused it");
      stderr.flush();
      code = SOFTWARE;
    }
    System.exit(code);
  }

  private static PrintStream utf8(FileDescriptor descriptor) {
    return new PrintStream(new BufferedOutputStream(new FileOutputStream(descriptor), 1 << 16), true,
        StandardCharsets.UTF_8);
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    // Hibernate Validator announces its version on java.util.logging; a command line stays quiet.
    HIBERNATE_VALIDATOR_LOG.setLevel(Level.WARNING);
    CommandLine commandLine = new CommandLine(new ConductCommand())
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((exception, line, parseResult) -> {
          if (exception instanceof UsageException) {
            line.getErr().println("conduct: " + SafeText.line(exception.getMessage()));
            return USAGE;
          }
          if (exception instanceof FileProblem) {
            line.getErr().println("conduct: " + SafeText.line(exception.getMessage()));
            return INVALID;
          }
          if (exception instanceof RulesException) {
            line.getErr().println(safeLines(exception.getMessage()));
            return INVALID;
          }
          StringWriter trace = new StringWriter();
          exception.printStackTrace(new PrintWriter(trace));
          line.getErr().println("conduct: unexpected error: " + SafeText.line(String.valueOf(exception)));
          line.getErr().println(safeLines(trace.toString()));
          return SOFTWARE;
        });
    Arguments.install(commandLine);
    Arguments.usageLanguage(helpLanguage(args));
    if (helpLanguage(args) == Language.VI) {
      commandLine.setResourceBundle(ResourceBundle.getBundle(HELP_BUNDLE, Messages.locale(Language.VI),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The language of the help: the value of the first {@code --lang} on the command line (before any
   * {@code --}), else English. Read before parsing, as the help is built from the command model.
   */
  static Language helpLanguage(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value = args[i].equals("--lang") && i + 1 < args.length ? args[i + 1]
          : args[i].startsWith("--lang=") ? args[i].substring("--lang=".length()) : null;
      if (args[i].equals("--")) {
        break;
      }
      if (value != null) {
        try {
          return Arguments.language(value);
        } catch (RuntimeException e) {
          return Language.EN; // the parser refuses the value with its own message
        }
      }
    }
    return Language.EN;
  }

  /** A message of several lines (e.g. every issue of an invalid pack), each line made safe for a terminal. */
  static String safeLines(String message) {
    return String.valueOf(message).lines().map(SafeText::line).collect(Collectors.joining(System.lineSeparator()));
  }
}
