package vn.conduct.rules.internal.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.internal.load.PackLoader;
import vn.conduct.rules.spi.RulePackSource;

/**
 * A pack under a class-path folder, in a directory or a jar. A folder is read as a
 * {@link DirectoryPackSource} (links refused); a jar is opened once, and every file of the pack is
 * read from that one opening.
 */
public final class ClasspathPackSource implements RulePackSource {

  private final URI manifest;
  private final String folder;
  private Map<String, byte[]> jarFiles;

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
  public synchronized List<String> files() throws IOException {
    if (!"jar".equals(manifest.getScheme())) {
      return DirectoryPackSource.list(directory());
    }
    return List.copyOf(readJar().keySet());
  }

  @Override
  public synchronized InputStream open(String relativePath) throws IOException {
    if (!"jar".equals(manifest.getScheme())) {
      return DirectoryPackSource.open(directory(), relativePath);
    }
    byte[] bytes = readJar().get(relativePath);
    if (bytes == null) {
      throw new java.nio.file.NoSuchFileException(relativePath);
    }
    return new ByteArrayInputStream(bytes);
  }

  private Path directory() {
    return Path.of(manifest).getParent();
  }

  /** Reads the pack's files from the jar in one opening; each file up to one byte past the limit. */
  private Map<String, byte[]> readJar() throws IOException {
    if (jarFiles != null) {
      return jarFiles;
    }
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
      Path root = fs.getPath("/" + folder);
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (String name : DirectoryPackSource.list(root)) {
        try (InputStream in = Files.newInputStream(root.resolve(name))) {
          files.put(name, in.readNBytes(PackLoader.MAX_FILE_BYTES + 1));
        }
      }
      jarFiles = files;
      return files;
    } finally {
      if (owned) {
        fs.close();
      }
    }
  }
}
