package vn.conduct.rules.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/** A pack reads only its own files, and a source or provider that fails gives located errors. */
class PackSourceSafetyTests {

  private static final String RULE = "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n";

  @TempDir
  Path dir;

  @TempDir
  Path outside;

  private static List<String> rendered(Path pack) {
    return RulesEngine.check(pack).stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR)
        .map(ValidationIssue::render).toList();
  }

  @Test
  void should_refuse_a_rule_file_that_links_outside_the_pack_and_read_nothing_from_it() throws IOException {
    Path pack = pack("links", "1.0.0").rule("r.one", RULE).writeTo(dir);
    Path secret = Files.writeString(outside.resolve("secret.yaml"), "id: r.two\npassword: hunter2\n");
    Files.createDirectories(pack.resolve("rules/r.two"));
    Files.createSymbolicLink(pack.resolve("rules/r.two/rule.yaml"), secret);

    assertThat(rendered(pack)).containsExactly("ERROR   rules/r.two/rule.yaml  rules/r.two/rule.yaml is a symbolic"
        + " link (to " + secret + "); links are not followed [Hint: packs read only their own files: put the file"
        + " itself in the pack instead of a link] [pack.layout]");
  }

  @Test
  void should_refuse_a_linked_manifest_and_a_linked_folder() throws IOException {
    Path pack = pack("links", "1.0.0").rule("r.one", RULE).writeTo(dir);
    Path manifest = Files.move(pack.resolve("pack.yaml"), outside.resolve("pack.yaml"));
    Files.createSymbolicLink(pack.resolve("pack.yaml"), manifest);
    Files.createDirectories(outside.resolve("etc"));
    Files.writeString(outside.resolve("etc/rule.yaml"), RULE);
    Files.createSymbolicLink(pack.resolve("rules/r.etc"), outside.resolve("etc"));

    assertThat(rendered(pack)).extracting(line -> line.substring(0, line.indexOf("  ", 8)))
        .containsExactly("ERROR   pack.yaml", "ERROR   rules/r.etc");
    assertThat(rendered(pack)).allSatisfy(line -> assertThat(line).endsWith("[pack.layout]").doesNotContain("hunter2"));
  }

  @Test
  void should_locate_a_file_the_source_cannot_read_and_still_check_the_others() {
    RulePackSource source = new InMemorySource(pack("io", "1.0.0").rule("r.one", RULE).rule("r.two", RULE + "x: 1\n")
        .writeTo(dir)) {
      @Override
      public InputStream open(String path) throws IOException {
        if (path.equals("rules/r.one/rule.yaml")) {
          throw new IOException("device not ready");
        }
        return super.open(path);
      }
    };

    List<String> errors = PackLoader.load(source, SemVer.parse("0.1.0")).issues().stream()
        .filter(i -> i.severity() == ValidationIssue.Level.ERROR).map(ValidationIssue::render).toList();

    assertThat(errors).containsExactly(
        "ERROR   rules/r.one/rule.yaml  cannot read the file: IOException: device not ready [pack.io]",
        "ERROR   rules/r.two/rule.yaml:8:1  x: unknown field 'x' [Hint: known fields here: [accepted-methods, applies-to, condition,"
            + " description, effective, enabled, evidence, id, kind, points, remediation, sanction, severity, source, tags,"
            + " title, when]] [bind.unknown-field]");
  }

  @Test
  void should_name_a_source_that_cannot_list_its_files() {
    RulePackSource source = new InMemorySource(dir) {
      @Override
      public List<String> files() {
        throw new IllegalStateException("zip is corrupt");
      }
    };

    InvalidRulePackException error = catchThrowableOfType(InvalidRulePackException.class,
        () -> RulesEngine.builder().addPack(source).build());

    assertThat(error.issues()).singleElement().extracting(ValidationIssue::render).isEqualTo("ERROR     cannot list"
        + " the files of the pack at memory:" + dir + ": IllegalStateException: zip is corrupt [Hint: check that the"
        + " folder or jar exists and can be read] [pack.io]");
  }

  @Test
  void should_name_a_provider_whose_pack_list_fails() {
    RulePackProvider provider = new RulePackProvider() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public List<RulePackSource> packs() {
        throw new IllegalStateException("resource missing");
      }
    };

    InvalidRulePackException error = catchThrowableOfType(InvalidRulePackException.class,
        () -> RulesEngine.builder().addProvider(provider).build());

    assertThat(error.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.code()).isEqualTo("provider.load");
      assertThat(issue.message()).startsWith("provider 'broken' (").endsWith(") failed to list its packs:"
          + " IllegalStateException: resource missing");
    });
  }

  /** A pack read from a directory into memory, so tests can make one operation fail. */
  private static class InMemorySource implements RulePackSource {
    private final Path root;

    InMemorySource(Path root) {
      this.root = root;
    }

    @Override
    public String origin() {
      return "memory:" + root;
    }

    @Override
    public List<String> files() throws IOException {
      return RulePackSource.directory(root).files();
    }

    @Override
    public InputStream open(String path) throws IOException {
      return new ByteArrayInputStream(Files.readString(root.resolve(path)).getBytes(StandardCharsets.UTF_8));
    }
  }
}
