package vn.conduct.rules.testkit.sweep;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.conduct.rules.spi.RulePackSource;

/**
 * A pack held in memory: the original files, read once, with at most one file replaced. Building an
 * engine from it reads no disk, so a sweep pays only for parsing and checking.
 */
final class MemoryPackSource implements RulePackSource {

  private final String origin;
  private final Map<String, byte[]> files;

  MemoryPackSource(String origin, Map<String, byte[]> files) {
    this.origin = origin;
    this.files = new TreeMap<>(files);
  }

  /** The same pack with one file's content replaced. */
  MemoryPackSource with(String file, byte[] content) {
    Map<String, byte[]> copy = new TreeMap<>(files);
    copy.put(file, content);
    return new MemoryPackSource(origin, copy);
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public List<String> files() {
    return List.copyOf(files.keySet());
  }

  @Override
  public InputStream open(String relativePath) throws FileNotFoundException {
    byte[] content = files.get(relativePath);
    if (content == null) {
      throw new FileNotFoundException(origin + "/" + relativePath);
    }
    return new ByteArrayInputStream(content);
  }
}
