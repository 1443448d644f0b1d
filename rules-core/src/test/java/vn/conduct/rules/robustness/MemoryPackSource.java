package vn.conduct.rules.robustness;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.conduct.rules.spi.RulePackSource;

/** A pack held in memory, for generated and fuzzed packs. */
final class MemoryPackSource implements RulePackSource {

  private final String origin;
  private final Map<String, byte[]> files;

  MemoryPackSource(String origin, Map<String, byte[]> files) {
    this.origin = origin;
    this.files = new TreeMap<>(files);
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
