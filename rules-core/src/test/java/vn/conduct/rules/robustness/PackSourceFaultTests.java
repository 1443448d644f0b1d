package vn.conduct.rules.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.conduct.rules.testing.PackBuilder.pack;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.RulesException;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/**
 * A pack source or provider that fails while the engine is built gives a {@link RulesException}
 * that names the source (or provider) and the file, never the source's raw exception.
 */
class PackSourceFaultTests {

  @TempDir
  static Path dir;

  private static RulePackSource healthy;
  private static String fifth;

  @BeforeAll
  static void writePack() throws IOException {
    pack("faulty", "1.0.0")
        .rule("r.a", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 1}\n")
        .rule("r.b", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 2}\n")
        .rule("r.c", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 3}\n")
        .rule("r.d", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 4}\n")
        .rule("r.e", "applies-to: [officer]\nkind: requirement\ncondition: {indicator: n, ge: 5}\n")
        .writeTo(dir);
    healthy = RulePackSource.directory(dir);
    fifth = healthy.files().get(4);
    RulesEngine.builder().addPack(healthy).build();
  }

  /** What the faulty source does, and when. */
  enum Fault { OPEN_IO, OPEN_RUNTIME, OPEN_NULL, READ_IO, FILES_RUNTIME, FILES_IO, FILES_NULL, ORIGIN_RUNTIME }

  /** The healthy pack, read through a source that fails in one way. */
  static final class FaultySource implements RulePackSource {
    private final Fault fault;
    private int opened;

    FaultySource(Fault fault) {
      this.fault = fault;
    }

    @Override
    public String origin() {
      if (fault == Fault.ORIGIN_RUNTIME) {
        throw new IllegalStateException("origin exploded");
      }
      return "faulty-source:" + fault;
    }

    @Override
    public List<String> files() throws IOException {
      return switch (fault) {
        case FILES_RUNTIME -> throw new IllegalStateException("listing exploded");
        case FILES_IO -> throw new IOException("listing failed");
        case FILES_NULL -> null;
        default -> healthy.files();
      };
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
      opened++;
      if (opened < 5) {
        return healthy.open(relativePath);
      }
      return switch (fault) {
        case OPEN_IO -> throw new IOException("disk on fire");
        case OPEN_RUNTIME -> throw new IllegalStateException("open exploded");
        case OPEN_NULL -> null;
        case READ_IO -> new FilterInputStream(healthy.open(relativePath)) {
          private int read;

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (read > 10) {
              throw new IOException("stream broke mid-way");
            }
            int n = super.read(b, off, Math.min(len, 8));
            read += Math.max(n, 0);
            return n;
          }
        };
        default -> healthy.open(relativePath);
      };
    }
  }

  @Test
  void should_name_the_source_and_the_fifth_file_when_it_cannot_be_opened() {
    assertNamed(Fault.OPEN_IO, fifth, "disk on fire");
  }

  @Test
  void should_name_the_source_and_the_fifth_file_when_opening_it_throws_a_runtime_exception() {
    assertNamed(Fault.OPEN_RUNTIME, fifth, "open exploded");
  }

  @Test
  void should_name_the_source_and_the_fifth_file_when_open_returns_null() {
    assertNamed(Fault.OPEN_NULL, fifth, "");
  }

  @Test
  void should_name_the_source_and_the_fifth_file_when_its_stream_breaks_mid_way() {
    assertNamed(Fault.READ_IO, fifth, "stream broke mid-way");
  }

  @Test
  void should_name_the_source_when_listing_its_files_throws_a_runtime_exception() {
    assertNamed(Fault.FILES_RUNTIME, null, "listing exploded");
  }

  @Test
  void should_name_the_source_when_listing_its_files_fails() {
    assertNamed(Fault.FILES_IO, null, "listing failed");
  }

  @Test
  void should_name_the_source_when_it_lists_no_files() {
    assertNamed(Fault.FILES_NULL, null, "");
  }

  @Test
  void should_build_or_name_the_source_class_when_origin_throws() {
    // GIVEN
    FaultySource source = new FaultySource(Fault.ORIGIN_RUNTIME);

    // WHEN
    Throwable thrown = catchThrowable(() -> RulesEngine.builder().addPack(source).build());

    // THEN: the pack itself is fine, so the engine builds; if it does not, it names the source's class
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(RulesException.class).hasMessageContaining(FaultySource.class.getName());
    }
  }

  @Test
  void should_name_the_provider_when_its_pack_list_throws() {
    // GIVEN
    RulePackProvider provider = provider("exploding", () -> {
      throw new IllegalStateException("packs exploded");
    });

    // WHEN
    Throwable thrown = catchThrowable(() -> RulesEngine.builder().addProvider(provider).build());

    // THEN
    assertThat(thrown).as("what addProvider(...).build() threw").isInstanceOf(RulesException.class)
        .hasMessageContaining("exploding").hasMessageContaining("packs exploded");
  }

  @Test
  void should_name_the_provider_when_its_pack_list_holds_null() {
    // GIVEN
    List<RulePackSource> withNull = new ArrayList<>();
    withNull.add(healthy);
    withNull.add(null);
    RulePackProvider provider = provider("holey", () -> withNull);

    // WHEN
    Throwable thrown = catchThrowable(() -> RulesEngine.builder().addProvider(provider).build());

    // THEN
    assertThat(thrown).as("what addProvider(...).build() threw").isInstanceOf(RulesException.class)
        .hasMessageContaining("holey");
  }

  @Test
  void should_name_the_failing_source_among_several_and_its_file() {
    // GIVEN
    FaultySource broken = new FaultySource(Fault.OPEN_IO);
    RulePackProvider provider = provider("two-packs", () -> List.of(broken));

    // WHEN
    Throwable thrown = catchThrowable(() -> RulesEngine.builder().addPack(Path.of("src/test/resources/io/pack"))
        .addProvider(provider).build());

    // THEN
    assertThat(thrown).isInstanceOf(InvalidRulePackException.class)
        .hasMessageContaining("faulty-source:OPEN_IO").hasMessageContaining(fifth).hasMessageContaining("disk on fire");
  }

  /** Both build() and describe() (which also reads every file, for the digest) name the source, the file and the cause. */
  private static void assertNamed(Fault fault, String file, String cause) {
    Map<String, java.util.function.Function<RulesEngine.Builder, Object>> finishes = Map.of(
        "build()", RulesEngine.Builder::build, "describe()", RulesEngine.Builder::describe);
    finishes.forEach((name, finish) -> {
      // GIVEN
      FaultySource source = new FaultySource(fault);

      // WHEN
      Throwable thrown = catchThrowable(() -> finish.apply(RulesEngine.builder().addPack(source)));

      // THEN
      assertThat(thrown).as("what " + name + " threw").isInstanceOf(RulesException.class)
          .hasMessageContaining(source.origin());
      if (file != null) {
        assertThat(thrown).hasMessageContaining(file);
      }
      assertThat(thrown).hasMessageContaining(cause);
      if (thrown instanceof InvalidRulePackException invalid) {
        assertThat(invalid.issues()).anySatisfy(issue -> {
          assertThat(issue.code()).isEqualTo("pack.io");
          if (file != null) {
            assertThat(issue.file()).isEqualTo(file);
          }
        });
      }
    });
  }

  private static RulePackProvider provider(String id, java.util.function.Supplier<List<RulePackSource>> packs) {
    return new RulePackProvider() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public List<RulePackSource> packs() {
        return packs.get();
      }
    };
  }
}
