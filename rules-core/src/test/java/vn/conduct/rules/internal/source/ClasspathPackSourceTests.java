package vn.conduct.rules.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.spi.RulePackSource;

/** Packs read from a jar, as a shaded application holds them. */
class ClasspathPackSourceTests {

  private static final String RULE = "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 10}\n";

  @TempDir
  Path dir;

  /** Writes a jar holding classes, two packs under {@code packs/}, and a hidden folder in one of them. */
  private Path jar(Path a, Path b) throws IOException {
    Path jar = dir.resolve("app.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (int i = 0; i < 50; i++) {
        entry(zip, "com/example/C" + i + ".class", new byte[] {(byte) 0xCA, (byte) 0xFE});
      }
      zip.putNextEntry(new ZipEntry("packs/"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("packs/a/"));
      zip.closeEntry();
      for (Path pack : List.of(a, b)) {
        String folder = "packs/" + pack.getFileName() + "/";
        for (String name : DirectoryPackSource.list(pack)) {
          entry(zip, folder + name, Files.readAllBytes(pack.resolve(name)));
        }
      }
      entry(zip, "packs/a/.git/config", new byte[] {1});
      entry(zip, "packs/ab/pack.yaml", "not: the pack a\n".getBytes());
    }
    return jar;
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static RulePackSource inJar(Path jar, String folder) {
    return ClasspathPackSource.of(URI.create("jar:" + jar.toUri() + "!/" + folder + "/pack.yaml"), folder);
  }

  @Test
  void should_read_a_pack_from_a_jar_as_from_its_folder() throws IOException {
    // GIVEN two packs written to folders and the same packs in a jar
    Path a = pack("a", "1.0.0").rule("a.one", RULE).rule("a.two", RULE).file("docs/read-me.txt", "hello\n")
        .writeTo(dir.resolve("a"));
    Path b = pack("b", "1.0.0").rule("b.one", RULE).writeTo(dir.resolve("b"));
    Path jar = jar(a, b);

    // WHEN
    RulePackSource source = inJar(jar, "packs/a");
    List<String> files = source.files();

    // THEN the pack's own files, sorted, without the hidden folder or the neighbouring 'ab' folder
    assertThat(files).isEqualTo(DirectoryPackSource.list(a));
    assertThat(files).doesNotContain(".git/config").noneMatch(name -> name.startsWith("packs/"));
    try (InputStream in = source.open("rules/a.two/rule.yaml")) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(a.resolve("rules/a.two/rule.yaml")));
    }
    assertThat(source.origin()).isEqualTo("jar:" + jar.toUri() + "!/packs/a");
  }

  @Test
  void should_give_a_jar_pack_the_digest_of_its_folder_when_listed_and_when_built() throws IOException {
    // GIVEN
    Path a = pack("a", "1.0.0").rule("a.one", RULE).writeTo(dir.resolve("a"));
    Path b = pack("b", "2.0.0").rule("b.one", RULE).writeTo(dir.resolve("b"));
    Path jar = jar(a, b);

    // WHEN
    List<RulePackInfo> fromJar = RulesEngine.builder().addPack(inJar(jar, "packs/a")).addPack(inJar(jar, "packs/b"))
        .describe();
    List<RulePackInfo> builtFromJar = RulesEngine.builder().addPack(inJar(jar, "packs/a"))
        .addPack(inJar(jar, "packs/b")).build().packs();
    List<RulePackInfo> fromFolders = RulesEngine.builder().addPack(a).addPack(b).build().packs();

    // THEN
    assertThat(fromJar).isEqualTo(builtFromJar);
    assertThat(fromJar).extracting(RulePackInfo::digest)
        .containsExactlyElementsOf(fromFolders.stream().map(RulePackInfo::digest).toList());
  }

  @Test
  void should_read_only_local_jars_directly() {
    assertThat(ClasspathPackSource.localJar(URI.create("jar:file:/opt/app.jar!/packs/a/pack.yaml")))
        .isEqualTo(Path.of("/opt/app.jar"));
    assertThat(ClasspathPackSource.localJar(URI.create("jar:file:/opt/a%20b.jar!/packs/a/pack.yaml")))
        .isEqualTo(Path.of("/opt/a b.jar"));
    // a jar nested in a jar (Spring Boot) and other schemes go through a zip file system
    assertThat(ClasspathPackSource.localJar(URI.create("jar:file:/opt/app.jar!/lib/packs.jar!/packs/a/pack.yaml")))
        .isNull();
    assertThat(ClasspathPackSource.localJar(URI.create("jar:nested:/opt/app.jar/!lib/p.jar!/a/pack.yaml"))).isNull();
  }

  @Test
  void should_see_a_changed_jar() throws IOException {
    // GIVEN a jar read once
    Path a = pack("a", "1.0.0").rule("a.one", RULE).writeTo(dir.resolve("a"));
    Path b = pack("b", "1.0.0").rule("b.one", RULE).writeTo(dir.resolve("b"));
    Path jar = jar(a, b);
    assertThat(inJar(jar, "packs/a").files()).doesNotContain("rules/a.two/rule.yaml");

    // WHEN the jar is rewritten with one more rule
    pack("a", "1.0.0").rule("a.two", RULE).writeTo(a);
    Files.delete(jar);
    jar(a, b);
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    // THEN a new source lists it
    assertThat(inJar(jar, "packs/a").files()).contains("rules/a.two/rule.yaml");
  }
}
