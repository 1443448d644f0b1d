package vn.conduct.rules.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.spi.RulePackSource;

/** A pack under a class-path folder, in a directory or a jar. */
public final class ClasspathPackSource implements RulePackSource {

  private final URI manifest;
  private final String folder;

  private ClasspathPackSource(URI manifest, String folder) {
    this.manifest = manifest;
    this.folder = folder;
  }

  public static ClasspathPackSource of(URI manifest, String folder) {
    return new ClasspathPackSource(manifest, folder);
  }

  @Override
  public String origin() {
    String text = manifest.toString();
    return text.substring(0, text.length() - "/pack.yaml".length());
  }

  @Override
  public List<String> files() throws IOException {
    return withRoot(DirectoryPackSource::list);
  }

  @Override
  public InputStream open(String relativePath) throws IOException {
    byte[] bytes = withRoot(root -> Files.readAllBytes(root.resolve(relativePath)));
    return new java.io.ByteArrayInputStream(bytes);
  }

  private interface RootFunction<T> {
    T apply(Path root) throws IOException;
  }

  private <T> T withRoot(RootFunction<T> function) throws IOException {
    if ("jar".equals(manifest.getScheme())) {
      FileSystem fs;
      boolean owned;
      try {
        fs = FileSystems.newFileSystem(manifest, Map.of());
        owned = true;
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(manifest);
        owned = false;
      }
      try {
        return function.apply(fs.getPath("/" + folder));
      } finally {
        if (owned) {
          fs.close();
        }
      }
    }
    return function.apply(Path.of(manifest).getParent());
  }
}
