package vn.conduct.rules.internal.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.conduct.rules.internal.load.PackLoader;

/**
 * The file entry names of local jars, sorted, listed once per jar (and again if the jar changes):
 * a shaded jar holds thousands of classes and a dozen packs, and each pack needs only the names
 * under its folder. Keeps the names of the few jars read last.
 */
final class JarNames {

  private static final int KEPT = 4;

  private record Key(Path jar, long size, long modified) { }

  private static final Map<Key, String[]> NAMES = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, String[]> eldest) {
      return size() > KEPT;
    }
  };

  private JarNames() { }

  /**
   * The files under a folder of a jar, relative to it, sorted; entries in hidden folders below
   * it are left out, as {@link DirectoryPackSource} leaves them out, and the list stops one past
   * the loader's limit.
   *
   * @param prefix the folder, ending with {@code /}
   */
  static List<String> under(Path jar, ZipFile zip, String prefix) throws IOException {
    String[] names = names(jar, zip);
    List<String> found = new ArrayList<>();
    int from = Arrays.binarySearch(names, prefix);
    for (int i = from >= 0 ? from : -from - 1; i < names.length && names[i].startsWith(prefix); i++) {
      String name = names[i].substring(prefix.length());
      if (name.isEmpty() || hiddenFolder(name)) {
        continue;
      }
      found.add(name);
      if (found.size() > PackLoader.MAX_FILES) {
        break;
      }
    }
    return found;
  }

  private static boolean hiddenFolder(String name) {
    String[] parts = name.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String[] names(Path jar, ZipFile zip) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
    Key key = new Key(jar.toAbsolutePath().normalize(), attributes.size(), attributes.lastModifiedTime().toMillis());
    synchronized (NAMES) {
      String[] names = NAMES.get(key);
      if (names == null) {
        names = zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).sorted().toArray(String[]::new);
        NAMES.put(key, names);
      }
      return names;
    }
  }
}
