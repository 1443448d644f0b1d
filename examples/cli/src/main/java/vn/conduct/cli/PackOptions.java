package vn.conduct.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;

/**
 * The options that choose packs, shared by the commands that build an engine.
 *
 * <p>A pack is named by a folder or by an id, and the way it is written says which: a path
 * ({@code ./my-pack}, {@code packs/hanoi-522}, an absolute path) is a folder; a plain name
 * ({@code hanoi-522}) is the id of a pack on the class path. A plain name that is also a folder in
 * the working directory is still the id; a warning names the folder and says to write
 * {@code ./<name>} for it, and an id that is not on the class path while such a folder exists is
 * refused with the same hint. Nothing is chosen silently.
 */
final class PackOptions {

  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*([._-][a-z0-9]+)*");
  private static final String PIN_EXAMPLE = "--pin hanoi-units=1.1.0";
  private static final String PARAM_EXAMPLE = "--param hanoi-3814:task-completion-pass-percent=80";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = {"-p", "--pack"}, paramLabel = "<dir-or-id>",
      description = {"A pack folder written as a path (./my-pack, packs/hanoi-522), or the id of a pack on the"
          + " class path (hanoi-522).", "Repeatable. Default: every pack on the class path."})
  List<String> packs = new ArrayList<>();

  @Option(names = "--pin", paramLabel = "<id>=<version>",
      description = "Use this version of a pack, whatever version is in force on the evaluation date, e.g. "
          + PIN_EXAMPLE + ".")
  List<String> pins = new ArrayList<>();

  @Option(names = "--param", paramLabel = "<id>:<name>=<value>",
      description = "Override a pack parameter's default, e.g. " + PARAM_EXAMPLE + ".")
  List<String> parameters = new ArrayList<>();

  @Option(names = "--plugin", paramLabel = "<jar>",
      description = {"A pack plugin jar: the packs of the RulePackProvider it lists in META-INF/services join",
          "the class path's. Repeatable. A plugin's provider is code: give only jars you trust."})
  List<Path> plugins = new ArrayList<>();

  /** Whether a {@code --pack} value is written as a path (a folder) rather than a plain id. */
  static boolean isPath(String given) {
    if (given.contains("/") || given.contains("\\") || given.startsWith(".")) {
      return true;
    }
    try {
      return Path.of(given).isAbsolute();
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** Where plain names are looked for as folders: the working directory; tests point it elsewhere. */
  static Path workingDirectory = Path.of("");

  /** Whether a name is a folder: a path as written, a plain name in the {@link #workingDirectory}. */
  private static boolean isFolder(String name) {
    try {
      return Files.isDirectory(isPath(name) ? Path.of(name) : workingDirectory.resolve(name));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * Pack ids named on the command line, and the ids of overlays given as folders: an overlay is
   * evaluated only when named (rule-pack-format.md, section 16), so a folder holding one names it.
   */
  List<String> packIds() {
    List<String> ids = new ArrayList<>(packs.stream().filter(p -> !isPath(p)).toList());
    folderOverlays(packs).keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    return ids;
  }

  /**
   * The overlays among the folders given, by id, each with the id of the pack it extends; read from
   * their manifests alone (a folder that cannot be read is left to the engine to report).
   */
  private static Map<String, String> folderOverlays(List<String> given) {
    Map<String, String> overlays = new LinkedHashMap<>();
    for (String pack : given) {
      if (isPath(pack) && isFolder(pack)) {
        try {
          RulesEngine.builder().addPack(Path.of(pack)).describe()
              .forEach(info -> info.base().ifPresent(base -> overlays.put(info.id(), base)));
        } catch (RuntimeException e) {
          // reported when the engine is built
        }
      }
    }
    return overlays;
  }

  /** The ids of the packs in the folders given. */
  private static java.util.Set<String> folderIds(List<String> given) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (String pack : given) {
      if (isPath(pack) && isFolder(pack)) {
        try {
          RulesEngine.builder().addPack(Path.of(pack)).describe().forEach(info -> ids.add(info.id()));
        } catch (RuntimeException e) {
          // reported when the engine is built
        }
      }
    }
    return ids;
  }

  /** The versions pinned with {@code --pin}, by pack id. */
  Map<String, String> pins() {
    Map<String, String> pinned = new LinkedHashMap<>();
    for (String pin : pins) {
      int equals = pin.indexOf('=');
      String id = equals < 0 ? "" : pin.substring(0, equals).strip();
      String version = equals < 0 ? "" : pin.substring(equals + 1).strip();
      if (equals < 0 || !ID.matcher(id).matches()) {
        throw new UsageException("--pin: " + Arguments.say("usage.pin-shape", pin, PIN_EXAMPLE));
      }
      if (!VERSION.matcher(version).matches()) {
        throw new UsageException("--pin: " + Arguments.say("usage.pin-version", version, PIN_EXAMPLE));
      }
      String before = pinned.putIfAbsent(id, version);
      if (before != null && !before.equals(version)) {
        throw new UsageException("--pin: " + Arguments.say("usage.pin-twice", id, before, version));
      }
    }
    return pinned;
  }

  /** The parameter overrides given with {@code --param}, by pack id then parameter name. */
  Map<String, Map<String, String>> parameters() {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    for (String parameter : parameters) {
      int colon = parameter.indexOf(':');
      int equals = parameter.indexOf('=', Math.max(colon, 0));
      if (colon <= 0 || equals < 0 || equals == colon + 1) {
        throw new UsageException("--param: " + Arguments.say("usage.param-shape", parameter, PARAM_EXAMPLE));
      }
      String id = parameter.substring(0, colon).strip();
      String name = parameter.substring(colon + 1, equals).strip();
      String value = parameter.substring(equals + 1);
      String before = values.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(name, value);
      if (before != null) {
        throw new UsageException("--param: " + Arguments.say("usage.param-twice", id + ":" + name, before, value));
      }
    }
    return values;
  }

  /**
   * Builds the engine: folders are loaded from disk; the class path's providers are added when no
   * pack was named or when a pack was named by id.
   */
  RulesEngine engine() {
    pins(); // refuses a malformed --pin before the packs are loaded
    RulesEngine.Builder builder = withPlugins(builder("--pack", packs));
    RulesEngine engine = withParameters(builder, parameters(), RulesEngine.Builder::build);
    checkIds("--pack", packs, engine.packs(), command.commandLine().getErr());
    return engine;
  }

  /**
   * Adds the providers each {@code --plugin} jar lists, loaded by one class loader over the jars whose
   * parent is this program's (so a plugin sees the engine's API, not the other way round).
   *
   * @throws UsageException if a jar lists no provider, or its provider cannot be loaded
   */
  private RulesEngine.Builder withPlugins(RulesEngine.Builder builder) {
    if (plugins.isEmpty()) {
      return builder;
    }
    java.net.URL[] urls = new java.net.URL[plugins.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = plugins.get(i).toUri().toURL();
      } catch (java.net.MalformedURLException e) {
        throw new UsageException("--plugin: " + Arguments.say("usage.plugin-not-jar", SafeText.line(plugins.get(i).toString())));
      }
    }
    ClassLoader loader = new java.net.URLClassLoader("conduct-plugins", urls, PackOptions.class.getClassLoader());
    java.util.Set<java.net.URL> withProvider = new java.util.HashSet<>();
    try {
      for (vn.conduct.rules.spi.RulePackProvider provider
          : java.util.ServiceLoader.load(vn.conduct.rules.spi.RulePackProvider.class, loader)) {
        if (provider.getClass().getClassLoader() == loader) { // the class path's own providers are added apart
          builder.addProvider(provider);
          withProvider.add(provider.getClass().getProtectionDomain().getCodeSource().getLocation());
        }
      }
    } catch (java.util.ServiceConfigurationError | LinkageError e) {
      throw new UsageException("--plugin: " + Arguments.say("usage.plugin-not-loaded", SafeText.line(String.valueOf(e.getMessage()))));
    }
    for (int i = 0; i < urls.length; i++) {
      if (!withProvider.contains(urls[i])) {
        throw new UsageException("--plugin: " + Arguments.say("usage.plugin-no-provider", SafeText.line(plugins.get(i).toString())));
      }
    }
    return builder;
  }

  /**
   * Lists the chosen packs from their manifests, as {@link #engine()} would load them, without
   * building an engine (see {@link RulesEngine.Builder#describe()}).
   */
  List<RulePackInfo> describe() {
    pins(); // refuses a malformed --pin before the packs are read
    Map<String, Map<String, String>> values = parameters();
    PrintWriter err = command.commandLine().getErr();
    RulesEngine.Builder builder = withPlugins(builder("--pack", packs));
    List<RulePackInfo> found = withParameters(builder, values, RulesEngine.Builder::describe);
    checkIds("--pack", packs, found, err);
    return found;
  }

  /**
   * Builds an engine from packs named on the command line (see the class comment).
   *
   * @param option how the names were given, for messages ({@code --pack}, {@code <pack-id-or-dir>})
   * @param err where warnings go
   * @throws UsageException if a folder does not exist, a plain name is a folder but not a pack id,
   *     or a parameter override is refused
   * @throws RulePackNotFoundException if an id is not on the class path
   */
  static RulesEngine engine(String option, List<String> given, Map<String, Map<String, String>> parameters,
      PrintWriter err) {
    RulesEngine.Builder builder = builder(option, given);
    RulesEngine engine = withParameters(builder, parameters, RulesEngine.Builder::build);
    checkIds(option, given, engine.packs(), err);
    return engine;
  }

  /** A builder with the folders given and, when no pack or a pack id was given, the class path's providers. */
  private static RulesEngine.Builder builder(String option, List<String> given) {
    RulesEngine.Builder builder = RulesEngine.builder();
    boolean discover = given.isEmpty();
    for (String pack : given) {
      if (isPath(pack)) {
        if (!isFolder(pack)) {
          throw new UsageException(option + ": " + Arguments.say("usage.pack-folder-missing", pack));
        }
        builder.addPack(Path.of(pack));
      } else {
        discover = true;
      }
    }
    if (!discover) {
      // an overlay given as a folder over a pack that no folder holds finds its base on the class path
      java.util.Set<String> folders = folderIds(given);
      discover = folderOverlays(given).values().stream().anyMatch(base -> !folders.contains(base));
    }
    if (discover) {
      builder.discoverProviders();
    }
    return builder;
  }

  /** Sets the parameter overrides and finishes the builder; a refused override is a usage error. */
  private static <T> T withParameters(RulesEngine.Builder builder, Map<String, Map<String, String>> parameters,
      java.util.function.Function<RulesEngine.Builder, T> finish) {
    try {
      parameters.forEach((pack, values) -> values.forEach((name, value) -> builder.parameter(pack, name, value)));
      return finish.apply(builder);
    } catch (IllegalStateException | IllegalArgumentException e) {
      if (parameters.isEmpty()) {
        throw e;
      }
      throw new UsageException("--param: " + e.getMessage());
    }
  }

  /** Checks that each pack named by id is among the packs found; warns of a plain name that is also a folder. */
  private static void checkIds(String option, List<String> given, List<RulePackInfo> packs, PrintWriter err) {
    for (String id : given.stream().filter(p -> !isPath(p)).toList()) {
      List<RulePackInfo> found = packs.stream().filter(p -> p.id().equals(id)).toList();
      boolean folder = isFolder(id);
      if (found.isEmpty() && folder) {
        throw new UsageException(option + ": " + Arguments.say("usage.pack-id-or-folder", id));
      }
      if (found.isEmpty()) {
        throw new RulePackNotFoundException(SafeText.line("No rule pack with id '" + id + "' is on the class path"
            + " [Hint: the packs on the class path are " + packs.stream().map(RulePackInfo::id).distinct()
                .collect(Collectors.joining(", ")) + "; a folder is written as a path, e.g. ./" + id + "]"));
      }
      if (folder) {
        err.println(SafeText.line("conduct: warning: " + option + " " + id + " is the pack '" + id + "' on the class"
            + " path (" + found.get(0).origin() + "), not the folder ./" + id + " [Hint: write ./" + id
            + " for the folder]"));
        err.flush();
      }
    }
  }

  /**
   * Applies the command line to a request read from a facts file: packs named by id replace the
   * file's {@code packs} list (a pack given as a folder adds to it), and pins override the file's.
   */
  EvaluationRequest restrict(EvaluationRequest request) {
    Map<String, String> pinned = pins();
    if (packIds().isEmpty() && pinned.isEmpty()) {
      return request;
    }
    EvaluationRequest.Builder builder = EvaluationRequest.builder(request.asOf())
        .subjects(request.subjects()).observations(request.observations()).events(request.events());
    if (request.periodGiven()) {
      builder.period(request.period()); // a period not given stays so: each pack judges its own unit's
    }
    if (packIds().isEmpty()) {
      request.packIds().forEach(builder::pack);
    } else {
      packIds().forEach(builder::pack);
    }
    Map<String, String> all = new LinkedHashMap<>(request.pinnedVersions());
    all.putAll(pinned);
    all.forEach(builder::pin);
    return builder.build();
  }
}
