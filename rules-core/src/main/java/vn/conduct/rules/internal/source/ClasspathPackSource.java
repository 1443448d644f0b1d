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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.conduct.rules.internal.load.PackLoader;
import vn.conduct.rules.spi.RulePackSource;

/**
 * A pack under a class-path folder, in a directory or a jar. A folder is read as a
 * {@link DirectoryPackSource} (links refused); a jar is opened once per pack, and every file of the
 * pack is read from that one opening. A jar on the local file system is read with {@link ZipFile},
 * whose parsed central directory the JDK shares between openings of one jar, and its entry names
 * are listed once for all the packs it holds; any other jar URI goes through a zip file system.
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
    if (jarFiles == null) {
      Path jar = localJar(manifest);
      jarFiles = jar != null ? readZip(jar) : readFileSystem();
    }
    return jarFiles;
  }

  /**
   * The jar file of a {@code jar:file:<jar>!/<entry>} URI, or {@code null} for any other form
   * (a jar nested in a jar, another scheme), which is read through a zip file system.
   */
  static Path localJar(URI uri) {
    String text = uri.getRawSchemeSpecificPart();
    int separator = text.indexOf("!/");
    if (!text.startsWith("file:") || separator < 0 || text.indexOf("!/", separator + 2) >= 0) {
      return null;
    }
    try {
      return Path.of(URI.create(text.substring(0, separator)));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /**
   * Reads the pack's files with {@link ZipFile}, which shares the jar's parsed central directory
   * with every other opening of the same jar (the class loader's among them): the names are listed
   * once per jar ({@link JarNames}) and each file is looked up by name.
   */
  private Map<String, byte[]> readZip(Path jar) throws IOException {
    String prefix = folder + "/";
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String name : JarNames.under(jar, zip, prefix)) {
        ZipEntry entry = zip.getEntry(prefix + name);
        if (entry == null) {
          throw new java.nio.file.NoSuchFileException(jar + "!/" + prefix + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
          files.put(name, in.readNBytes(PackLoader.MAX_FILE_BYTES + 1));
        }
      }
    }
    return files;
  }

  /** Reads the pack's files through a zip file system opened once for the whole pack. */
  private Map<String, byte[]> readFileSystem() throws IOException {
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
      return files;
    } finally {
      if (owned) {
        fs.close();
      }
    }
  }
}
