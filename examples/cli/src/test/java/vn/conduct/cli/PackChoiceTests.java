package vn.conduct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain name given to --pack is a pack id on the class path, a path is a folder; when a folder of
 * that name is in the working directory too, the user is told, never left to guess.
 */
class PackChoiceTests {

  private final CliRun cli = new CliRun();

  @TempDir
  Path workingDirectory;

  @BeforeEach
  void lookForFoldersInATemporaryDirectory() {
    PackOptions.workingDirectory = workingDirectory;
  }

  @AfterEach
  void lookInTheWorkingDirectoryAgain() {
    PackOptions.workingDirectory = Path.of("");
  }

  @Test
  void should_use_the_pack_on_the_class_path_and_name_the_folder_of_the_same_name_with_how_to_choose_it()
      throws IOException {
    Files.createDirectories(workingDirectory.resolve("hanoi-522"));

    assertThat(cli.run("packs", "--pack", "hanoi-522", "--as-of", "2025-06-30")).isEqualTo(ConductCommand.OK);

    assertThat(cli.err()).startsWith("conduct: warning: --pack hanoi-522 is the pack 'hanoi-522' on the class path (")
        .endsWith("), not the folder ./hanoi-522 [Hint: write ./hanoi-522 for the folder]" + System.lineSeparator());
    assertThat(cli.out()).containsPattern("hanoi-522 +2\\.2\\.0 +yes");
  }

  @Test
  void should_refuse_a_plain_name_that_is_only_a_folder_saying_how_to_write_it() throws IOException {
    Files.createDirectories(workingDirectory.resolve("my-pack"));

    assertThat(cli.run("packs", "--pack", "my-pack")).isEqualTo(ConductCommand.USAGE);

    assertThat(cli.err()).isEqualTo("conduct: --pack: no pack with id 'my-pack' is on the class path, and the folder"
        + " ./my-pack is read only when written as a path [Hint: write ./my-pack for the folder]"
        + System.lineSeparator());
  }

  @Test
  void should_name_the_packs_on_the_class_path_when_an_id_is_unknown() {
    assertThat(cli.run("packs", "--pack", "hanoi-52")).isEqualTo(ConductCommand.INVALID);

    assertThat(cli.err()).startsWith("No rule pack with id 'hanoi-52' is on the class path [Hint: the packs on the"
        + " class path are hanoi-1665, hanoi-3814, hanoi-522,");
  }

  @Test
  void should_mark_a_pinned_version_and_refuse_a_pin_of_a_version_that_is_not_loaded() {
    assertThat(cli.run("packs", "--pin", "hanoi-3814=1.2.0", "--as-of", "2010-01-01")).isEqualTo(ConductCommand.OK);
    assertThat(cli.out()).containsPattern("hanoi-3814 +1\\.2\\.0 +pin +2018-05-16")
        .containsPattern("hanoi-522 +2\\.2\\.0 +no ").contains("pin = chỉ định bằng --pin")
        .doesNotContain("pinned with");
    assertThat(cli.run("packs", "--pin", "hanoi-3814=1.2.0", "--as-of", "2010-01-01", "--lang", "en")).isZero();
    assertThat(cli.out()).contains("NOW = in force on 2010-01-01; pin = pinned with --pin, used whatever its dates");

    assertThat(cli.run("packs", "--pin", "hanoi-3814=9.9.9")).isEqualTo(ConductCommand.INVALID);
    assertThat(cli.err()).isEqualTo("--pin: no version 9.9.9 of pack 'hanoi-3814' is loaded [Hint: loaded versions"
        + " are [1.2.0]]" + System.lineSeparator());
  }

  @Test
  void should_read_a_folder_written_as_a_path() throws IOException {
    Path pack = TestPack.write(workingDirectory);

    assertThat(cli.run("packs", "--pack", pack.toString(), "--as-of", "2025-06-30")).isEqualTo(ConductCommand.OK);

    assertThat(cli.out()).containsPattern("cli-out +1\\.0\\.0 +yes").doesNotContain("hanoi-522");
    assertThat(cli.err()).isEmpty();
  }
}
