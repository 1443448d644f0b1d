package vn.conduct.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.hanoi.HanoiRulePackProvider;

/**
 * Two versions of one pack named {@code <pack>@<version>} on the command line ({@code diff},
 * {@code impact}), and the engine that holds every version they may name: the class path's packs, the
 * Hanoi packs' frozen format 1 versions, and the folders given.
 */
record PackVersions(String packId, String from, String to) {

  /**
   * Reads the two names; {@code fromOption} and {@code toOption} name them in messages.
   *
   * @throws UsageException if a name is not {@code <pack>@<version>} or the two name different packs
   */
  static PackVersions parse(String command, String fromOption, String from, String toOption, String to,
      String example) {
    String[] a = split(fromOption, from, example);
    String[] b = split(toOption, to, example);
    if (!a[0].equals(b[0])) {
      throw new UsageException(command + ": '" + from + "' and '" + to + "' name two packs, " + a[0] + " and " + b[0]
          + " [Hint: compare two versions of one pack, e.g. " + example + "]");
    }
    return new PackVersions(a[0], a[1], b[1]);
  }

  private static String[] split(String option, String given, String example) {
    int at = given.lastIndexOf('@');
    if (at <= 0 || at == given.length() - 1) {
      throw new UsageException(option + ": '" + given + "' is not <pack>@<version> [Hint: e.g. " + example
          + "; 'conduct packs' lists the versions]");
    }
    return new String[] {given.substring(0, at), given.substring(at + 1)};
  }

  /** The engine holding every version: class path, frozen Hanoi versions, and the folders given. */
  static RulesEngine engine(List<Path> folders) {
    RulesEngine.Builder builder = RulesEngine.builder().discoverProviders();
    HanoiRulePackProvider.frozenPacks().forEach(builder::addPack);
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new UsageException("--pack: folder '" + folder + "' does not exist [Hint: give the folder that holds"
            + " pack.yaml]");
      }
      builder.addPack(folder);
    }
    return builder.build();
  }
}
