package vn.conduct.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.RulePackNotFoundException;
import vn.conduct.rules.api.RulesEngine;

/** The options that choose packs, shared by the commands that build an engine. */
final class PackOptions {

  @Option(names = {"-p", "--pack"}, paramLabel = "<dir-or-id>",
      description = {"A pack directory, or the id of a pack on the class path (e.g. hanoi-522).",
          "Repeatable. Default: every pack on the class path."})
  List<String> packs = new ArrayList<>();

  @Option(names = "--pin", paramLabel = "<id>=<version>",
      description = "Use this version of a pack, whatever version is in force on the evaluation date.")
  Map<String, String> pins = Map.of();

  @Option(names = "--param", paramLabel = "<id>:<name>=<value>",
      description = "Override a pack parameter's default, e.g. hanoi-3814:quota-a-percent=40.")
  Map<String, String> parameters = Map.of();

  /** Pack ids named on the command line (not directories). */
  List<String> packIds() {
    return packs.stream().filter(p -> !Files.isDirectory(Path.of(p))).toList();
  }

  /**
   * Builds the engine: directories are loaded from disk; the class path's providers are added when
   * no pack was named or when a pack was named by id.
   */
  RulesEngine engine() {
    RulesEngine.Builder builder = RulesEngine.builder();
    boolean discover = packs.isEmpty();
    for (String pack : packs) {
      if (Files.isDirectory(Path.of(pack))) {
        builder.addPack(Path.of(pack));
      } else if (pack.contains("/") || pack.contains("\\") || Files.exists(Path.of(pack))) {
        throw new RulePackNotFoundException("Rule pack directory '" + pack + "' does not exist"
            + " [Hint: give the folder that holds pack.yaml, or a pack id such as hanoi-522]");
      } else {
        discover = true;
      }
    }
    if (discover) {
      builder.discoverProviders();
    }
    parameters.forEach((key, value) -> {
      int colon = key.indexOf(':');
      if (colon <= 0 || colon == key.length() - 1) {
        throw new UsageException(
          "--param '" + key + "=" + value + "' must name a pack and a parameter, e.g. hanoi-3814:quota-a-percent=40");
      }
      builder.parameter(key.substring(0, colon), key.substring(colon + 1), value);
    });
    RulesEngine engine;
    try {
      engine = builder.build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      if (parameters.isEmpty()) {
        throw e;
      }
      throw new UsageException( "--param: " + e.getMessage());
    }
    for (String id : packIds()) {
      if (engine.packs().stream().noneMatch(p -> p.id().equals(id))) {
        throw new RulePackNotFoundException("No rule pack with id '" + id + "' is on the class path"
            + " [Hint: 'conduct packs' lists them; a directory must exist]");
      }
    }
    return engine;
  }

  /**
   * Applies the command line to a request read from a facts file: packs named by id replace the
   * file's {@code packs} list (a pack given as a directory adds to it), and pins override the file's.
   */
  EvaluationRequest restrict(EvaluationRequest request) {
    if (packIds().isEmpty() && pins.isEmpty()) {
      return request;
    }
    EvaluationRequest.Builder builder = EvaluationRequest.builder(request.asOf()).period(request.period())
        .subjects(request.subjects()).observations(request.observations()).events(request.events());
    if (packIds().isEmpty()) {
      request.packIds().forEach(builder::pack);
    } else {
      packIds().forEach(builder::pack);
    }
    java.util.Map<String, String> pinned = new java.util.LinkedHashMap<>(request.pinnedVersions());
    pinned.putAll(pins);
    pinned.forEach(builder::pin);
    return builder.build();
  }
}
