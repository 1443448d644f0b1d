package vn.conduct.cli;

import picocli.CommandLine;
import vn.conduct.rules.api.RulesEngine;

/** Prints the engine version for {@code --version}. */
final class Versions implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"conduct " + RulesEngine.builder().build().version()};
  }
}
