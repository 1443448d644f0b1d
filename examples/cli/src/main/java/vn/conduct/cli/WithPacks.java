package vn.conduct.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/**
 * The packs {@code check} and {@code test} load beside the checked one ({@code --with}): a folder, or the
 * id of a pack on the class path (every version of it), e.g. the Hanoi pack an overlay extends.
 */
final class WithPacks {

  private WithPacks() {
  }

  /**
   * Resolves each {@code --with} value.
   *
   * @throws UsageException for a value that is neither a folder nor the id of a pack on the class path
   */
  static List<RulePackSource> resolve(List<String> given) {
    List<RulePackSource> sources = new ArrayList<>();
    List<RulePackSource> classPath = null;
    for (String value : given) {
      Path folder = Path.of(value);
      if (Files.isDirectory(folder)) {
        sources.add(RulePackSource.directory(folder));
        continue;
      }
      if (classPath == null) {
        classPath = new ArrayList<>();
        for (RulePackProvider provider : ServiceLoader.load(RulePackProvider.class)) {
          classPath.addAll(provider.packs());
        }
      }
      List<RulePackSource> matching = classPath.stream().filter(source -> idOf(source).equals(value)).toList();
      if (matching.isEmpty()) {
        throw new UsageException("--with: " + Arguments.say("usage.with", SafeText.line(value)));
      }
      sources.addAll(matching);
    }
    return sources;
  }

  private static String idOf(RulePackSource source) {
    try {
      return RulesEngine.builder().addPack(source).describe().stream().findFirst().map(p -> p.id()).orElse("");
    } catch (RuntimeException e) {
      return "";
    }
  }
}
