package vn.conduct.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.SafeText;

/**
 * {@code conduct new-pack <id>}: writes the skeleton of a third-party pack, a standalone Maven project
 * that imports {@code conduct-bom} and builds a plugin jar. The files are templates among this
 * class's resources ({@code new-pack/*.tmpl}) in which {@code {{name}}} is replaced; as written, the
 * pack passes {@code conduct test} and its project {@code mvn verify}.
 */
@Command(
    name = "new-pack",
    mixinStandardHelpOptions = true,
    description = {
        "Writes the skeleton of a new rule pack, as a Maven project building a plugin jar, into <dir>/<id>.",
        "",
        "It holds pack.yaml (format 2, a placeholder source to replace), one rule with a pass and a fail fixture,"
            + " one checklist with a fixture of scores, a RulePackProvider and its services file, a JUnit test"
            + " running the fixtures with the test kit, and a README. Its pom.xml has no parent: it imports"
            + " vn.conduct:conduct-bom at this engine's version, which must be in the local Maven repository"
            + " ('mvn -B install' at Conduct's root) before 'mvn -B verify' builds it.",
        "Exits 0 when written; 2 for an id that is not a pack id or a target folder that is not empty; 1 when a"
            + " file cannot be written."})
final class NewPackCommand implements Callable<Integer> {

  /** The pack id pattern of the format (rule-pack-format.md, section 3). */
  static final Pattern PACK_ID = Pattern.compile("[a-z][a-z0-9]*([._-][a-z0-9]+)*");

  /** Longer ids are refused: the rule id is the pack id and a suffix, and ids end at 128 characters. */
  static final int MAX_ID_LENGTH = 100;

  private static final String TEMPLATES = "new-pack/";
  private static final Pattern TOKEN = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<id>", description = "The pack id, e.g. hue-demo: lowercase letters and"
      + " digits, starting with a letter, parts separated by single '.', '_' or '-'.")
  String id;

  @Option(names = "--dir", paramLabel = "<dir>", defaultValue = ".",
      description = "The folder to write <id>/ in (default: the current folder); created if missing.")
  Path dir;

  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "en",
      description = "Language of what it prints: en (the default; the pack it writes has both) or vi.")
  Language language = Language.EN;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    checkId(id);
    Path target = dir.resolve(id);
    refuseNonEmpty(target);
    Map<String, String> values = values(id);
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, String> file : files(values).entrySet()) {
      Path path = target.resolve(file.getKey());
      String text = fill(template(file.getValue()), values);
      try {
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new FileProblem("new-pack: cannot write '" + path + "': " + e.getMessage()
            + " [Hint: choose a writable folder with --dir]");
      }
      written.add(file.getKey());
    }
    String packDir = target.resolve("src/main/resources/rulepacks").resolve(id).toString();
    Messages messages = new Messages(language);
    out.println(SafeText.line(messages.get("new-pack.wrote", id, target)));
    written.forEach(f -> out.println("  " + SafeText.line(f)));
    out.println();
    out.println(messages.get("new-pack.next"));
    out.println(SafeText.line("  conduct test " + packDir));
    out.println(SafeText.line(messages.get("new-pack.verify", target, values.get("conductVersion"))));
    out.println(messages.get("new-pack.placeholders"));
    out.flush();
    return ConductCommand.OK;
  }

  private static void checkId(String id) {
    if (!PACK_ID.matcher(id).matches()) {
      throw new UsageException("new-pack: " + Arguments.say("usage.new-pack.id", id));
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new UsageException("new-pack: " + Arguments.say("usage.new-pack.id-length", id.length(), MAX_ID_LENGTH));
    }
  }

  private static void refuseNonEmpty(Path target) {
    if (Files.isDirectory(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new UsageException("new-pack: " + Arguments.say("usage.new-pack.not-empty", target));
        }
      } catch (IOException e) {
        throw new FileProblem("new-pack: cannot read '" + target + "': " + e.getMessage());
      }
    } else if (Files.exists(target)) {
      throw new UsageException("new-pack: " + Arguments.say("usage.new-pack.not-folder", target));
    }
  }

  /** The values of the templates' {@code {{name}}}s for pack {@code id}. */
  static Map<String, String> values(String id) {
    Properties versions = new Properties();
    try (InputStream in = NewPackCommand.class.getResourceAsStream(TEMPLATES + "versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("the resource " + TEMPLATES + "versions.properties is missing from the jar");
      }
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String conductVersion = versions.getProperty("conduct.version");
    List<String> parts = List.of(id.split("[._-]"));
    String joined = String.join("", parts);
    String camel = parts.stream().map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
        .reduce("", String::concat);
    String javaPackage = SourceVersion.isName(joined + ".conduct") ? joined + ".conduct" : "pack" + joined + ".conduct";
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", id);
    values.put("ruleId", id + ".task-completion");
    values.put("package", javaPackage);
    values.put("packagePath", javaPackage.replace('.', '/'));
    values.put("providerClass", camel + "RulePackProvider");
    values.put("testClass", camel + "PackTests");
    values.put("conductVersion", conductVersion);
    values.put("engineRange", engineRange(conductVersion));
    values.put("junitVersion", versions.getProperty("junit.version"));
    values.put("slf4jVersion", versions.getProperty("slf4j.version"));
    return values;
  }

  /** {@code >=M.m.0 <(M+1).0.0} for engine version {@code M.m.p[-tag]}: this engine and later minor versions. */
  static String engineRange(String version) {
    Matcher v = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+(-.*)?").matcher(version);
    if (!v.matches()) {
      throw new IllegalStateException("the engine version '" + version + "' is not MAJOR.MINOR.PATCH");
    }
    int major = Integer.parseInt(v.group(1));
    return String.format(Locale.ROOT, ">=%d.%s.0 <%d.0.0", major, v.group(2), major + 1);
  }

  /** The files to write, relative to the target folder, each with its template. */
  private static Map<String, String> files(Map<String, String> values) {
    String id = values.get("id");
    String pack = "src/main/resources/rulepacks/" + id + "/";
    String rule = pack + "rules/" + values.get("ruleId") + "/";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pom.xml", "pom.xml.tmpl");
    files.put("README.md", "README.md.tmpl");
    files.put(".gitignore", "gitignore.tmpl");
    files.put(pack + "pack.yaml", "pack.yaml.tmpl");
    files.put(rule + "rule.yaml", "rule.yaml.tmpl");
    files.put(rule + "tests/above-threshold.pass.yaml", "pass.yaml.tmpl");
    files.put(rule + "tests/below-threshold.fail.yaml", "fail.yaml.tmpl");
    files.put(pack + "checklists/monthly.yaml", "checklist.yaml.tmpl");
    files.put(pack + "tests/june.yaml", "june.yaml.tmpl");
    files.put("src/main/java/" + values.get("packagePath") + "/" + values.get("providerClass") + ".java",
        "Provider.java.tmpl");
    files.put("src/main/resources/META-INF/services/vn.conduct.rules.spi.RulePackProvider", "services.tmpl");
    files.put("src/test/java/" + values.get("packagePath") + "/" + values.get("testClass") + ".java",
        "PackTests.java.tmpl");
    return files;
  }

  private static String template(String name) {
    try (InputStream in = NewPackCommand.class.getResourceAsStream(TEMPLATES + name)) {
      if (in == null) {
        throw new IllegalStateException("the template " + TEMPLATES + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every {@code {{name}}}; a name without a value is a bug in the templates. */
  static String fill(String template, Map<String, String> values) {
    Matcher token = TOKEN.matcher(template);
    StringBuilder text = new StringBuilder();
    while (token.find()) {
      String value = values.get(token.group(1));
      if (value == null) {
        throw new IllegalStateException("a template names {{" + token.group(1) + "}}, which has no value");
      }
      token.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    return token.appendTail(text).toString();
  }
}
