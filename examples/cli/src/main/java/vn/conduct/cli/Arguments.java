package vn.conduct.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.SafeText;

/**
 * Reads command-line values and words every mistake in them as one line: the option, what was
 * given, what is expected and an example, e.g.
 * {@code conduct: --as-of: '2025-13-01' is not a date: month 13 is not 1–12 [Hint: write yyyy-mm-dd, e.g. 2025-06-30]}.
 * A mistyped command or option gets the nearest names picocli finds and a pointer to
 * {@code --help}, never the whole usage; no Java exception text reaches the user. Everything quoted
 * from the command line passes through {@link SafeText#line}.
 */
final class Arguments {

  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private Arguments() { }

  /**
   * The language of mistakes on the command line: that of the first {@code --lang} given, else English,
   * as for the help ({@link ConductCommand#helpLanguage}); set by {@link ConductCommand#execute} before
   * parsing, as a value may be refused before its command's {@code --lang} is read.
   */
  private static volatile Messages usage = new Messages(Language.EN);

  static void usageLanguage(Language language) {
    usage = new Messages(language);
  }

  /** A usage message under {@code key} in the language of the command line. */
  static String say(String key, Object... args) {
    return usage.get(key, args);
  }

  /**
   * A command-line mistake whose message is complete (what, value, hint): printed as it is after
   * {@code conduct: }, exits with {@link ConductCommand#USAGE}.
   */
  static final class Refused extends ParameterException {

    private static final long serialVersionUID = 1L;

    Refused(CommandLine commandLine, String message) {
      super(commandLine, message);
    }
  }

  /** A value that cannot be read: the message says what was given, what is expected and gives an example. */
  static final class BadValue extends TypeConversionException {

    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message);
    }
  }

  /** Registers the converters, the handler of parse errors and the check of input paths. */
  static CommandLine install(CommandLine commandLine) {
    commandLine.registerConverter(LocalDate.class, Arguments::date);
    commandLine.registerConverter(Language.class, Arguments::language);
    commandLine.registerConverter(vn.conduct.rules.api.Period.class, Arguments::period);
    commandLine.registerConverter(Double.class, Arguments::decimal);
    commandLine.registerConverter(double.class, Arguments::decimal);
    commandLine.registerConverter(Integer.class, Arguments::integer);
    commandLine.registerConverter(int.class, Arguments::integer);
    commandLine.setParameterExceptionHandler(Arguments::refuse);
    commandLine.setExecutionStrategy(parseResult -> {
      requireInputs(parseResult);
      return new CommandLine.RunLast().execute(parseResult);
    });
    return commandLine;
  }

  /** A calendar date written yyyy-mm-dd; the message says which part is wrong. */
  static LocalDate date(String text) {
    Matcher matcher = DATE.matcher(text.strip());
    if (!matcher.matches()) {
      throw new BadValue(say("usage.not-a-date", text));
    }
    int year = Integer.parseInt(matcher.group(1));
    int month = Integer.parseInt(matcher.group(2));
    int day = Integer.parseInt(matcher.group(3));
    if (month < 1 || month > 12) {
      throw new BadValue(say("usage.not-a-date.month", text, month));
    }
    int days = YearMonth.of(year, month).lengthOfMonth();
    if (day < 1 || day > days) {
      throw new BadValue(say("usage.not-a-date.day", text, day, say("usage.month." + month), year, days));
    }
    return LocalDate.of(year, month, day);
  }

  /** A period: a year, a month, a quarter, or start/end dates; the message says what is accepted. */
  static vn.conduct.rules.api.Period period(String text) {
    try {
      return vn.conduct.rules.api.Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadValue(say("usage.not-a-period", text));
    }
  }

  /**
   * A {@code --lang} value: {@code vi} or {@code en}, or any other language tag, which gets English by
   * the library's fallback rule ({@link Language#of(java.util.Locale)}: {@code fr} and {@code zh-TW}
   * read English). {@code vn}, the country's code, is refused with the language's code as a hint.
   */
  static Language language(String text) {
    try {
      return Language.parse(text);
    } catch (IllegalArgumentException e) {
      String tag = text.strip().replace('_', '-');
      if (tag.equalsIgnoreCase("vn") || tag.toLowerCase(java.util.Locale.ROOT).startsWith("vn-")) {
        throw new BadValue(say("usage.lang-country-code", text));
      }
      try {
        java.util.Locale locale = new java.util.Locale.Builder().setLanguageTag(tag).build();
        if (!locale.getLanguage().isEmpty()) {
          return Language.of(locale);
        }
      } catch (java.util.IllformedLocaleException notATag) {
        // refused below
      }
      throw new BadValue(say("usage.not-a-language", text));
    }
  }

  static Double decimal(String text) {
    if (text.strip().length() > vn.conduct.rules.io.FactsReader.MAX_NUMBER_LENGTH || !NUMBER.matcher(text.strip()).matches()) {
      throw new BadValue(say("usage.not-a-number", text));
    }
    return new BigDecimal(text.strip()).doubleValue();
  }

  static Integer integer(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new BadValue(say("usage.not-a-whole-number", text));
    }
  }

  /** The parse-error handler: one line on the standard error, exit {@link ConductCommand#USAGE}. */
  static int refuse(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("conduct: " + SafeText.line(message(exception)));
    err.flush();
    return ConductCommand.USAGE;
  }

  /** What the user did wrong, what is expected and where to read more. */
  static String message(ParameterException exception) {
    CommandLine commandLine = exception.getCommandLine();
    String help = say(commandLine.getSubcommands().isEmpty() ? "usage.help-lists-options" : "usage.help-lists-commands",
        commandLine.getCommandSpec().qualifiedName());
    if (exception instanceof Refused) {
      return exception.getMessage();
    }
    if (exception instanceof UnmatchedArgumentException unmatched) {
      return unmatched(unmatched, commandLine, help);
    }
    ArgSpec arg = exception.getArgSpec();
    Throwable cause = exception.getCause();
    if (arg != null && exception.getValue() != null && cause != null) {
      String name = name(arg);
      if (cause instanceof BadValue) {
        return name + ": " + cause.getMessage();
      }
      if (arg.type().isEnum()) {
        List<String> values = Arrays.stream(arg.type().getEnumConstants()).map(String::valueOf).toList();
        return name + ": " + say("usage.not-one-of", exception.getValue(), String.join(", ", values),
            name + " " + values.get(values.size() > 1 ? 1 : 0));
      }
      if (cause instanceof TypeConversionException) {
        return name + ": " + say("usage.not-valid-because", exception.getValue(), cause.getMessage(), help);
      }
      return name + ": " + say("usage.not-valid", exception.getValue(), help);
    }
    String text = exception.getMessage();
    return text + (text.contains("[Hint:") ? "" : say("usage.hint", help)); // picocli's own words
  }

  /** Levenshtein distance, for "did you mean". */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String unmatched(UnmatchedArgumentException exception, CommandLine commandLine, String help) {
    List<String> given = exception.getUnmatched();
    String first = given.isEmpty() ? "" : given.get(0);
    String option = given.stream().filter(a -> a.startsWith("-")).findFirst().orElse(null);
    String what;
    if (exception.isUnknownOption() && option != null) {
      what = say("usage.unknown-option", option, commandLine.getCommandSpec().qualifiedName());
    } else if (!commandLine.getSubcommands().isEmpty() && commandLine.getParent() == null) {
      what = say("usage.not-a-command", first);
    } else {
      what = say("usage.unexpected-argument", first, commandLine.getCommandSpec().qualifiedName());
    }
    // picocli suggests by shared prefix; the nearest by spelling first, and only those as near as it
    String typed = (exception.isUnknownOption() && option != null ? option : first).replaceFirst("=.*", "");
    List<String> candidates = exception.getSuggestions().stream().distinct().toList();
    int best = candidates.stream().mapToInt(c -> distance(typed, c)).min().orElse(0);
    List<String> suggestions = candidates.stream().filter(c -> distance(typed, c) <= best).limit(3).toList();
    return what + (suggestions.isEmpty() ? say("usage.hint", help)
        : say("usage.hint-did-you-mean", String.join(say("usage.or"), suggestions), help));
  }

  /** The option's longest name, or a positional parameter's label. */
  static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  /**
   * Every file or folder named on the command line (except where output goes) must exist: a
   * missing one is a mistake on the command line, caught before anything runs. A parameter whose
   * label names a folder ({@code <pack-dir>}) must be a folder.
   */
  /** The options that name where output goes (new-pack's --dir included): their files need not exist. */
  private static final List<String> OUTPUTS = List.of("--output", "--rankings", "--dir");

  static void requireInputs(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      CommandLine commandLine = result.commandSpec().commandLine();
      for (ArgSpec arg : result.matchedArgs()) {
        if (arg instanceof OptionSpec option && (OUTPUTS.stream().anyMatch(Arrays.asList(option.names())::contains)
            || result.commandSpec().name().equals("evaluate") && Arrays.asList(option.names()).contains("--log"))) {
          continue; // files written, not read (evaluate --log appends to a log it may create)
        }
        Object value = arg.getValue();
        List<?> values = value instanceof Collection<?> many ? List.copyOf(many) : value == null ? List.of()
            : List.of(value);
        for (Object each : values) {
          if (each instanceof Path path && !(FactsInput.isStdin(path) && name(arg).equals("--facts"))) {
            requireInput(commandLine, arg, path);
          }
        }
      }
    }
  }

  private static void requireInput(CommandLine commandLine, ArgSpec arg, Path path) {
    boolean folder = arg.paramLabel().contains("dir");
    String name = name(arg);
    if (!Files.exists(path)) {
      throw new Refused(commandLine, name + ": " + say(folder ? "usage.no-such-folder" : "usage.no-such-file", path,
          Path.of("").toAbsolutePath()));
    }
    if (folder && !Files.isDirectory(path)) {
      throw new Refused(commandLine, name + ": " + say("usage.file-not-folder", path));
    }
    if (!folder && Files.isDirectory(path)) {
      throw new Refused(commandLine, name + ": " + say("usage.folder-not-file", path));
    }
  }
}
