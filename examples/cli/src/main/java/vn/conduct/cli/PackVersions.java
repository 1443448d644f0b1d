package vn.conduct.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.hanoi.HanoiRulePackProvider;

/**
 * Two pack versions named {@code <pack>@<version>} on the command line ({@code diff}, {@code impact}):
 * two versions of one pack, or a pack and an overlay of it (rule-pack-format.md, section 16); and the
 * engine that holds every version they may name: the class path's packs, the Hanoi packs' frozen
 * format 1 versions, and the folders given.
 */
record PackVersions(String fromPack, String from, String toPack, String to) {

  /** Reads the two names; {@code fromOption} and {@code toOption} name them in messages. */
  static PackVersions parse(String command, String fromOption, String from, String toOption, String to,
      String example) {
    String[] a = split(fromOption, from, example);
    String[] b = split(toOption, to, example);
    return new PackVersions(a[0], a[1], b[0], b[1]);
  }

  /** Whether a pack version is the first named. */
  boolean isFrom(String packId, String version) {
    return fromPack.equals(packId) && from.equals(version);
  }

  /** Whether a pack version is the second named. */
  boolean isTo(String packId, String version) {
    return toPack.equals(packId) && to.equals(version);
  }

  /** {@code hanoi-units 1.1.0 → 2.1.0}, or {@code hanoi-522 2.1.0 → hanoi-tayho-2020 1.0.0}. */
  static String heading(String fromPack, String from, String toPack, String to) {
    return fromPack + " " + from + " → " + (toPack.equals(fromPack) ? "" : toPack + " ") + to;
  }

  /**
   * Refuses two packs of which neither extends the other.
   *
   * @throws UsageException naming both
   */
  void requireRelated(String command, RulesEngine engine, String example) {
    try {
      vn.conduct.rules.api.PackDiff.between(engine, fromPack, from, toPack, to);
    } catch (IllegalArgumentException e) {
      throw new UsageException(command + ": " + Arguments.say("usage.versions-unrelated", fromPack + "@" + from, toPack + "@" + to,
          example));
    }
  }

  private static String[] split(String option, String given, String example) {
    int at = given.lastIndexOf('@');
    if (at <= 0 || at == given.length() - 1) {
      throw new UsageException(option + ": " + Arguments.say("usage.pack-at-version", given, example));
    }
    return new String[] {given.substring(0, at), given.substring(at + 1)};
  }

  /** The engine holding every version: class path, frozen Hanoi versions, and the folders given. */
  static RulesEngine engine(List<Path> folders) {
    RulesEngine.Builder builder = RulesEngine.builder().discoverProviders();
    HanoiRulePackProvider.frozenPacks().forEach(builder::addPack);
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new UsageException("--pack: " + Arguments.say("usage.folder-missing", folder));
      }
      builder.addPack(folder);
    }
    return builder.build();
  }
}
