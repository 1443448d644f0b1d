package vn.conduct.rules.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import vn.conduct.rules.spi.RulePackSource;

/** A pack read from a directory tree. */
public final class DirectoryPackSource implements RulePackSource {

  private final Path root;

  public DirectoryPackSource(Path root) {
    this.root = root;
  }

  @Override
  public String origin() {
    return root.toString();
  }

  @Override
  public List<String> files() throws IOException {
    return list(root);
  }

  static List<String> list(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("Not a directory: " + root);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
          .sorted()
          .toList();
    }
  }

  @Override
  public InputStream open(String relativePath) throws IOException {
    return Files.newInputStream(root.resolve(relativePath));
  }
}
