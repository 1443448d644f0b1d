package vn.conduct.rules.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import vn.conduct.rules.internal.source.ClasspathPackSource;
import vn.conduct.rules.internal.source.DirectoryPackSource;

/**
 * The files of one rule pack: a read-only tree with a {@code pack.yaml} at its root.
 *
 * <p>Implementations must be safe to read from one thread at a time; the engine reads each source
 * once, while it is built.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RulePackSource {

  /** Where the pack comes from, for messages (a directory, a jar URL); never {@code null}. */
  String origin();

  /**
   * Lists the pack's files as relative paths with {@code /} separators, sorted.
   *
   * @throws IOException if the tree cannot be listed
   */
  List<String> files() throws IOException;

  /**
   * Opens one of the files listed by {@link #files()}.
   *
   * @throws IOException if the file cannot be read
   */
  InputStream open(String relativePath) throws IOException;

  /** Returns the pack in the given directory. */
  static RulePackSource directory(Path directory) {
    return new DirectoryPackSource(Objects.requireNonNull(directory, "directory"));
  }

  /**
   * Returns the pack under a class-path folder, read from a directory or from inside a jar.
   *
   * @param anchor a class whose class loader sees the folder
   * @param folder the folder, e.g. {@code rulepacks/hanoi-522}
   * @throws IllegalArgumentException if the folder is not on the class path
   */
  static RulePackSource classpath(Class<?> anchor, String folder) {
    String clean = folder.startsWith("/") ? folder.substring(1) : folder;
    URL url = anchor.getClassLoader().getResource(clean + "/pack.yaml");
    if (url == null) {
      throw new IllegalArgumentException("No pack.yaml under class-path folder '" + clean
          + "' of " + anchor.getName() + " [Hint: is the pack's jar on the class path?]");
    }
    try {
      return ClasspathPackSource.of(url.toURI(), clean);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Cannot read class-path folder '" + clean + "': " + url, e);
    }
  }
}
