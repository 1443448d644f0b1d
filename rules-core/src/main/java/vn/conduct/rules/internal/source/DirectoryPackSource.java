package vn.conduct.rules.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import vn.conduct.rules.internal.load.PackLoader;
import vn.conduct.rules.spi.RulePackSource;
import vn.conduct.rules.spi.UnsafePackFileException;

/**
 * A pack read from a directory tree. Only the pack's own files are read: symbolic links inside
 * the pack are listed (so that the loader reports them) but never followed, and no path may
 * resolve outside the pack's root. The root itself may be reached through a link.
 */
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

  /**
   * Lists the files under a root, sorted, with {@code /} separators; links and other non-regular
   * entries are listed too, hidden folders ({@code .git}) are skipped, and the walk stops one file
   * past the loader's limit.
   */
  static List<String> list(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("Not a directory: " + root);
    }
    Path real = root.toRealPath();
    List<String> names = new ArrayList<>();
    Files.walkFileTree(real, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(real) && dir.getFileName().toString().startsWith(".")
                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            names.add(relative(real, file));
            return names.size() > PackLoader.MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            names.add(relative(real, file));
            return names.size() > PackLoader.MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }
        });
    names.sort(null);
    return names;
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  @Override
  public InputStream open(String relativePath) throws IOException {
    return open(root, relativePath);
  }

  /** Opens a regular file under the root, refusing links and anything outside it. */
  static InputStream open(Path root, String relativePath) throws IOException {
    Path real = root.toRealPath();
    Path file = real.resolve(relativePath).normalize();
    if (!file.startsWith(real) || !file.getParent().toRealPath().startsWith(real)) {
      throw new UnsafePackFileException(relativePath + " lies outside the pack's folder");
    }
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isSymbolicLink()) {
      Path target = Files.readSymbolicLink(file);
      throw new UnsafePackFileException(relativePath + " is a symbolic link (to " + target + "); links are not"
          + " followed");
    }
    if (!attributes.isRegularFile()) {
      throw new UnsafePackFileException(relativePath + " is not a regular file");
    }
    return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
  }
}
