package vn.conduct.rules.io;

import java.nio.file.Path;

/**
 * Reads one facts file and prints what the reader says: "ok" or each rendered issue. Exits 0 for
 * a valid file, 1 for an invalid one, 3 on anything else (which a test then reports). Run in a
 * forked, memory-limited JVM by {@link BoundedResourcesTests}.
 */
public final class ReadFactsMain {

  private ReadFactsMain() { }

  public static void main(String[] args) {
    try {
      new FactsReader().load(Path.of(args[0]));
      System.out.println("ok");
      System.exit(0);
    } catch (InvalidFactsException e) {
      e.issues().forEach(issue -> System.out.println(issue.render()));
      System.exit(1);
    } catch (Throwable e) {
      System.out.println("crash: " + e);
      System.exit(3);
    }
  }
}
