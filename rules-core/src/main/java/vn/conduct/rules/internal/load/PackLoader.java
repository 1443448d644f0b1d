package vn.conduct.rules.internal.load;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.JsonNode;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.condition.ConditionParser;
import vn.conduct.rules.internal.load.LoadedPack.LoadedChecklist;
import vn.conduct.rules.internal.load.LoadedPack.LoadedRule;
import vn.conduct.rules.internal.model.ChecklistDoc;
import vn.conduct.rules.internal.model.DataType;
import vn.conduct.rules.internal.model.EventTypeDoc;
import vn.conduct.rules.internal.model.FieldDoc;
import vn.conduct.rules.internal.model.PackDoc;
import vn.conduct.rules.internal.model.RuleDoc;
import vn.conduct.rules.internal.model.SubjectTypeDoc;
import vn.conduct.rules.internal.yaml.SafeYaml;
import vn.conduct.rules.internal.yaml.YamlDocument;
import vn.conduct.rules.spi.RulePackSource;
import vn.conduct.rules.spi.UnsafePackFileException;

/**
 * Reads a pack from its source: safe parse, bind, validate, check every reference and type, and
 * collect every problem. A pack with any error does not load.
 */
public final class PackLoader {

  /** The most files a pack may hold. */
  public static final int MAX_FILES = 1000;

  /** The newest pack format this engine reads; every format from 1 up to it is read. */
  public static final int FORMAT = 2;

  private PackLoader() { }

  /**
   * The outcome of loading: the pack if it had no error, and every issue found.
   *
   * @param packs the loaded pack, empty if any error was found; for an overlay, one composed pack per
   *     version of its base in its range, lowest base version first
   * @param issues every issue, sorted
   * @param incompatible whether the only reason the pack failed is the engine range
   */
  public record Result(List<LoadedPack> packs, List<ValidationIssue> issues, boolean incompatible) {

    public Result {
      packs = List.copyOf(packs);
    }

    /** The loaded pack (for an overlay, the one composed with the highest version of its base). */
    public Optional<LoadedPack> pack() {
      return packs.isEmpty() ? Optional.empty() : Optional.of(packs.get(packs.size() - 1));
    }
  }

  /** The packs already loaded, by id: where an overlay finds the pack it extends. */
  @FunctionalInterface
  public interface Bases {
    /** The loaded versions of a pack, in any order; empty if it is not loaded. */
    List<LoadedPack> versionsOf(String packId);

    /** No pack loaded. */
    Bases NONE = id -> List.of();
  }

  /**
   * The id of the pack a source extends, read from its {@code pack.yaml} alone; {@code null} if it
   * extends none or its manifest cannot be read (loading it reports why).
   */
  public static String extendsOf(RulePackSource source) {
    return manifestText(source, "extends", "pack");
  }

  /** The id in a source's {@code pack.yaml}; {@code null} if it cannot be read. */
  public static String idOf(RulePackSource source) {
    return manifestText(source, "id");
  }

  private static String manifestText(RulePackSource source, String... path) {
    try (InputStream in = source.open("pack.yaml")) {
      byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
      Optional<YamlDocument> doc = SafeYaml.parse("pack.yaml", content, new Issues());
      if (doc.isEmpty()) {
        return null;
      }
      JsonNode node = doc.get().root();
      for (String key : path) {
        node = node.path(key);
      }
      return node.isTextual() ? node.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * What reading a pack's manifest alone gives: the pack's description if its files could be read
   * and its manifest's listed fields are valid, and every issue found.
   *
   * @param pack the description, as the engine gives it for the loaded pack; empty if any error was found
   * @param manifest the bound and validated manifest when it was asked for, else {@code null}
   * @param parameterDefaults the manifest's parameter defaults, by id, when the manifest was asked for
   * @param issues every issue, sorted
   * @param incompatible whether the only reason the pack failed is the engine range
   */
  public record Described(Optional<RulePackInfo> pack, PackDoc manifest, Map<String, Object> parameterDefaults,
      List<ValidationIssue> issues, boolean incompatible) { }

  /**
   * Reads, validates and checks one pack. Never throws for anything the source holds or does: a
   * source that cannot be listed or read, a file that is a link out of the pack, and every problem
   * in every file end as located issues.
   */
  public static Result load(RulePackSource source, SemVer engineVersion) {
    return load(source, engineVersion, Bases.NONE);
  }

  /**
   * Loads one pack as {@link #load(RulePackSource, SemVer)} does; an overlay is composed with each
   * loaded version of the pack it extends that its range admits.
   */
  public static Result load(RulePackSource source, SemVer engineVersion, Bases bases) {
    Issues issues = new Issues();
    String origin = origin(source);
    PackFiles read = read(source, origin, issues);
    if (read == null) {
      return new Result(List.of(), issues.sorted(), false);
    }
    return new PackReader(origin, read.files(), read.unreadable(), issues, engineVersion).read(bases);
  }

  /**
   * Reads one pack's files and describes it from its manifest: the manifest is parsed safely and
   * its listed fields (format, id, version, title, jurisdiction, engine range, dates) are checked
   * without data binding or bean validation; rule and checklist files are counted by their place in
   * the layout and not parsed. Every file is read, for the digest. Never throws for anything the
   * source holds or does.
   *
   * @param fullManifest whether a pack of this id also has its whole manifest bound and validated
   *     as {@link #load} does it, giving {@link Described#manifest()} and its parameter defaults
   */
  public static Described describe(RulePackSource source, SemVer engineVersion,
      java.util.function.Predicate<String> fullManifest) {
    Issues issues = new Issues();
    String origin = origin(source);
    PackFiles read = read(source, origin, issues);
    if (read == null) {
      return new Described(Optional.empty(), null, Map.of(), issues.sorted(), false);
    }
    return new PackReader(origin, read.files(), read.unreadable(), issues, engineVersion).listing(fullManifest);
  }

  /** A pack's readable files by name, and the names that could not be read. */
  private record PackFiles(Map<String, byte[]> files, Set<String> unreadable) { }

  /** Reads every visible file of a source; {@code null}, with the issue, if they cannot be listed or are too many. */
  private static PackFiles read(RulePackSource source, String origin, Issues issues) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<String> names;
    try {
      names = source.files();
      if (names == null) {
        throw new IOException("the source listed no files");
      }
    } catch (IOException | RuntimeException e) {
      issues.error("", 0, 0, "", "pack.io", "cannot list the files of the pack at " + origin + ": " + describe(e),
          "check that the folder or jar exists and can be read");
      return null;
    }
    List<String> visible = names.stream()
        .filter(name -> name != null && java.util.Arrays.stream(name.split("/")).noneMatch(part -> part.startsWith(".")))
        .toList();
    if (visible.size() > MAX_FILES) {
      issues.error("", 0, 0, "", "pack.size", "pack holds " + (visible.size() > MAX_FILES + 1 ? "more than " + MAX_FILES
          : visible.size()) + " files, over the limit of " + MAX_FILES, "split it into several packs");
      return null;
    }
    for (String name : visible) {
      if (!isPlainRelativePath(name)) {
        issues.error(SafeText.line(name), 0, 0, "", "pack.layout", "file name '" + name + "' leaves the pack's folder",
            "packs read only their own files");
        continue;
      }
      try (InputStream in = source.open(name)) {
        byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES && !isYaml(name)) {
          issues.error(name, 0, 0, "", "yaml.size", "file is larger than the limit of " + MAX_FILE_BYTES
              + " bytes (2 MiB)", "keep large documents out of the pack");
          continue;
        }
        files.put(name, content);
      } catch (UnsafePackFileException e) {
        issues.error(name, 0, 0, "", "pack.layout", e.getMessage(),
            "packs read only their own files: put the file itself in the pack instead of a link");
      } catch (IOException | RuntimeException e) {
        issues.error(name, 0, 0, "", "pack.io", "cannot read the file: " + describe(e), null);
      }
    }
    Set<String> unreadable = new HashSet<>(visible);
    unreadable.removeAll(files.keySet());
    return new PackFiles(files, unreadable);
  }

  /** The largest file a pack may hold, in bytes (rule-pack-format.md, section 2). */
  public static final int MAX_FILE_BYTES = SafeYaml.Profile.PACK.maxBytes();

  /** A source's origin for messages, on one line; the class name if the source gives none or fails. */
  public static String origin(RulePackSource source) {
    try {
      String origin = source.origin();
      return origin == null ? source.getClass().getName() : SafeText.line(origin);
    } catch (RuntimeException e) {
      return source.getClass().getName();
    }
  }

  /** An exception's class and message, on one line, for an issue. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + SafeText.line(message));
  }

  private static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** A relative path of plain names: no leading '/', no '..' or empty segment, no backslash. */
  private static boolean isPlainRelativePath(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
      return false;
    }
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals("..") || part.equals(".")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the pack with its checklists bound again where they take a parameter the host
   * overrode, with the override's value, and checked as when the pack was loaded.
   *
   * @param values the pack's parameter values (defaults and overrides), by id
   * @param overridden the ids of the parameters the host overrode
   * @throws IllegalArgumentException naming the pack, the parameters and every problem, if a value
   *     makes a checklist invalid (e.g. band minimums no longer descending)
   */
  public static LoadedPack withParameters(LoadedPack pack, Map<String, Object> values, Set<String> overridden) {
    List<LoadedChecklist> checklists = new ArrayList<>();
    boolean changed = false;
    for (LoadedChecklist checklist : pack.checklists()) {
      if (checklist.parameterSlots().values().stream().noneMatch(overridden::contains)) {
        checklists.add(checklist);
        continue;
      }
      changed = true;
      Map<String, String> text = new HashMap<>();
      values.forEach((id, value) -> text.put(id, value instanceof BigDecimal d ? d.toPlainString()
          : value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : String.valueOf(value)));
      YamlDocument document = checklist.document().withRoot(
          ParameterSlots.withValues(checklist.document().root(), checklist.parameterSlots(), text));
      Issues issues = new Issues();
      PackReader reader = new PackReader(pack.origin(), Map.of(), Set.of(), issues, SemVer.parse("0.0.0"));
      PackScope scope = PackScope.of(new Binder.Bound<>(pack.manifest(), new java.util.TreeSet<>()));
      Map<String, RuleDoc> rules = new HashMap<>();
      pack.rules().forEach(rule -> rules.put(rule.doc().id(), rule.doc()));
      Optional<LoadedChecklist> rebound = Binder.bind(document, ChecklistDoc.class, issues)
          .flatMap(bound -> reader.checkChecklist(scope, new PackReader.Doc<>(bound.value(), bound, document), rules,
              rules.keySet(), new ParameterSlots.Found(checklist.parameterSlots(), Set.of())));
      if (rebound.isEmpty() || issues.hasErrors()) {
        throw new IllegalArgumentException(ValidationIssue.describeAll("Pack '" + pack.id() + "' with parameters "
            + overridden.stream().filter(checklist.parameterSlots()::containsValue).sorted().toList()
            + " set to " + overridden.stream().filter(checklist.parameterSlots()::containsValue).sorted()
                .map(text::get).toList() + ": checklist " + checklist.doc().id(), issues.sorted()));
      }
      checklists.add(rebound.get());
    }
    return changed ? new LoadedPack(pack.manifest(), pack.version(), pack.engineRange(), pack.digest(), pack.origin(),
        pack.rules(), List.copyOf(checklists), pack.parameterDefaults(), pack.layers(), pack.shapedBy(),
        pack.manifestTree()) : pack;
  }

  /** SHA-256 over every file's path and content, in path order. */
  static String digest(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.keySet().stream().sorted(PackLoader::compareUtf8).forEach(name -> {
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        byte[] content = files.get(name);
        sha.update(path);
        sha.update((byte) 0);
        sha.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
        sha.update(content);
      });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Checks one pack's files; collects every issue. */
  private static final class PackReader {
    private final String origin;
    private final Map<String, byte[]> files;
    private final Set<String> unreadable;
    private final Issues issues;
    private final SemVer engineVersion;
    private boolean incompatible;

    PackReader(String origin, Map<String, byte[]> files, Set<String> unreadable, Issues issues, SemVer engineVersion) {
      this.origin = origin;
      this.files = files;
      this.unreadable = unreadable;
      this.issues = issues;
      this.engineVersion = engineVersion;
    }

    /** A bound file: its value (perhaps partial), where its errors are, and its document. */
    private record Doc<T>(T value, Binder.Bound<T> bound, YamlDocument document) {
      boolean valid() {
        return bound.valid();
      }
    }

    /** The listed fields of the manifest checked, and the rest of the pack counted, not parsed. */
    Described listing(java.util.function.Predicate<String> fullManifest) {
      Optional<YamlDocument> document = Optional.empty();
      if (!files.containsKey("pack.yaml")) {
        if (!unreadable.contains("pack.yaml")) {
          issues.error("pack.yaml", 0, 0, "", "pack.layout", "no pack.yaml at the pack's root (" + origin + ")",
              "a pack is a directory with a pack.yaml manifest at its root");
        }
      } else {
        document = SafeYaml.parse("pack.yaml", files.get("pack.yaml"), issues);
      }
      Optional<ManifestFields> fields = document.flatMap(doc -> ManifestFields.read(doc, issues));
      if (fields.isPresent()) {
        ManifestFields m = fields.get();
        YamlDocument doc = document.get();
        SemVer.Range range = SemVer.Range.parse(m.engine());
        if (m.format() < 1 || m.format() > FORMAT) {
          issues.error(doc, "format", "pack.format", "pack format " + m.format() + " is not supported",
              "this engine reads formats 1 and " + FORMAT);
        } else if (range == null) {
          issues.error(doc, "engine", "pack.engine-range", "'" + m.engine() + "' is not a version range",
              "write e.g. \">=0.1.0 <1.0.0\"");
        } else if (!range.admits(engineVersion)) {
          incompatible = true;
          issues.error(doc, "engine", "pack.engine-incompatible", "pack '" + m.id() + "' " + m.version()
              + " requires engine " + m.engine() + ", but this engine is " + engineVersion,
              "use a rules-core version in that range, or a pack version made for " + engineVersion);
        }
        if (m.from() != null && m.until() != null && m.until().isBefore(m.from())) {
          issues.error(doc, "effective.until", "field.constraint", "'until' " + m.until() + " is before 'from' "
              + m.from(), null);
        }
      }
      PackDoc manifest = null;
      Map<String, Object> defaults = Map.of();
      if (fields.isPresent() && !issues.hasErrors() && fullManifest.test(fields.get().id())) {
        YamlDocument doc = document.get();
        Optional<Doc<PackDoc>> bound = Binder.bind(doc, PackDoc.class, issues).map(b -> new Doc<>(b.value(), b, doc));
        if (bound.isPresent()) {
          Doc<PackDoc> m = bound.get();
          PackScope scope = PackScope.of(m.bound());
          guarded(m.document(), () -> checkManifest(scope, m));
          defaults = guarded(m.document(), () -> parameterDefaults(scope, m.document()));
          manifest = m.value();
        }
      }
      if (fields.isEmpty() || issues.hasErrors() || defaults == null) {
        boolean onlyEngine = incompatible && issues.sorted().stream()
            .filter(i -> i.severity() == ValidationIssue.Level.ERROR)
            .allMatch(i -> i.code().equals("pack.engine-incompatible"));
        return new Described(Optional.empty(), null, Map.of(), issues.sorted(), onlyEngine);
      }
      int rules = 0;
      int checklists = 0;
      for (String name : files.keySet()) {
        String[] parts = name.split("/");
        if (parts.length == 3 && parts[0].equals("rules") && parts[2].equals("rule.yaml")) {
          rules++;
        } else if (parts.length == 2 && parts[0].equals("checklists") && parts[1].endsWith(".yaml")) {
          checklists++;
        }
      }
      ManifestFields m = fields.get();
      RulePackInfo info = RulePackInfo.of(m.id(), m.version(), m.title(), m.jurisdiction(), m.from(), m.until(),
          digest(files), origin, rules, checklists).withParameters(m.parameters());
      JsonNode base = document.get().root().path("extends").path("pack");
      if (base.isTextual()) {
        info = info.withBase(base.asText());
      }
      return new Described(Optional.of(info), manifest, Map.copyOf(defaults), issues.sorted(), false);
    }

    Result read(Bases bases) {
      YamlDocument manifestYaml = null;
      if (!files.containsKey("pack.yaml")) {
        if (!unreadable.contains("pack.yaml")) {
          issues.error("pack.yaml", 0, 0, "", "pack.layout", "no pack.yaml at the pack's root (" + origin + ")",
              "a pack is a directory with a pack.yaml manifest at its root");
        }
      } else {
        manifestYaml = SafeYaml.parse("pack.yaml", files.get("pack.yaml"), issues).orElse(null);
      }
      JsonNode extension = manifestYaml == null ? null : manifestYaml.root().get("extends");
      if (extension != null && extension.isObject() && extension.path("pack").isTextual()
          && extension.path("version").isTextual()) {
        return readOverlay(manifestYaml, extension, bases);
      }
      return read(manifestYaml, null);
    }

    /** Reads an overlay once for each version of its base in its range; every issue of every reading, once. */
    private Result readOverlay(YamlDocument manifestYaml, JsonNode extension, Bases bases) {
      String baseId = extension.get("pack").asText();
      String rangeText = extension.get("version").asText();
      SemVer.Range wanted = SemVer.Range.parse(rangeText);
      if (wanted == null) {
        issues.error(manifestYaml, "extends.version", "pack.engine-range", "'" + SafeText.line(rangeText)
            + "' is not a version range", "write e.g. \">=1.0.0 <2.0.0\"");
        return new Result(List.of(), issues.sorted(), false);
      }
      List<LoadedPack> versions = bases.versionsOf(baseId).stream()
          .sorted(java.util.Comparator.comparing(LoadedPack::version)).toList();
      List<LoadedPack> admitted = versions.stream().filter(p -> wanted.admits(p.version())).toList();
      if (versions.isEmpty()) {
        issues.error(manifestYaml, "extends.pack", "overlay.base-missing", "this overlay extends pack '"
            + SafeText.line(baseId) + "', which is not loaded", "load the pack it extends with it: an overlay is"
            + " checked and evaluated with its base (conduct check|test <overlay> --with <base folder or id>;"
            + " RulesEngine.check(overlay, alongside); PackTests.withPack)");
        return new Result(List.of(), issues.sorted(), false);
      }
      if (admitted.isEmpty()) {
        issues.error(manifestYaml, "extends.version", "overlay.base-missing", "no loaded version of '" + baseId
            + "' is in the range '" + SafeText.line(rangeText) + "'", "loaded versions are "
            + versions.stream().map(p -> p.manifest().version() + " (" + p.origin() + ")").toList());
        return new Result(List.of(), issues.sorted(), false);
      }
      List<LoadedPack> composed = new ArrayList<>();
      Set<ValidationIssue> all = new java.util.LinkedHashSet<>(issues.sorted());
      boolean onlyEngine = true;
      for (LoadedPack base : admitted) {
        Issues own = new Issues();
        Result result = new PackReader(origin, files, unreadable, own, engineVersion).read(manifestYaml, base);
        all.addAll(result.issues());
        composed.addAll(result.packs());
        onlyEngine &= result.incompatible();
      }
      Issues merged = new Issues();
      all.forEach(merged::add);
      boolean failed = merged.hasErrors();
      return new Result(failed ? List.of() : composed, merged.sorted(), failed && onlyEngine);
    }

    /** Reads the pack; an overlay ({@code base} not null) is checked against and composed with that base version. */
    private Result read(YamlDocument manifestYaml, LoadedPack base) {
      Doc<PackDoc> manifest = null;
      if (manifestYaml != null) {
        YamlDocument bound = base == null ? manifestYaml
            : manifestYaml.withRoot(Overlays.mergeManifest(base, manifestYaml, issues));
        manifest = Binder.bind(bound, PackDoc.class, issues).map(b -> new Doc<>(b.value(), b, bound)).orElse(null);
      }
      PackDoc pack = manifest == null ? null : manifest.value();
      if (pack != null && pack.format() != null && (pack.format() < 1 || pack.format() > FORMAT)) {
        issues.error(manifest.document(), "format", "pack.format", "pack format " + pack.format()
            + " is not supported", "this engine reads formats 1 and " + FORMAT);
        return new Result(List.of(), issues.sorted(), false);
      }
      PackScope scope = manifest == null ? PackScope.unknown() : PackScope.of(manifest.bound());

      List<Doc<RuleDoc>> ruleDocs = new ArrayList<>();
      List<Doc<ChecklistDoc>> checklistDocs = new ArrayList<>();
      Map<String, ParameterSlots.Found> parameterSlots = new HashMap<>();
      Set<String> ruleFolders = new TreeSet<>();
      Set<String> present = new TreeSet<>(files.keySet());
      present.addAll(unreadable);
      for (String name : present) {
        String[] parts = name.split("/");
        if (parts.length >= 3 && parts[0].equals("rules")) {
          ruleFolders.add(parts[1]);
        }
        if (!files.containsKey(name)) {
          continue;
        }
        if (parts.length == 3 && parts[0].equals("rules") && parts[2].equals("rule.yaml")) {
          parse(name, RuleDoc.class).ifPresent(ruleDocs::add);
        } else if (parts.length == 2 && parts[0].equals("checklists") && parts[1].endsWith(".yaml")) {
          Optional<YamlDocument> parsed = SafeYaml.parse(name, files.get(name), issues);
          parsed.ifPresent(doc -> parameterSlots.put(name, ParameterSlots.rewrite(doc, scope, issues)));
          parsed.flatMap(doc -> Binder.bind(doc, ChecklistDoc.class, issues).map(b -> new Doc<>(b.value(), b, doc)))
              .ifPresent(checklistDocs::add);
        } else if (parts.length == 2 && parts[0].equals("rules") && isYaml(parts[1])) {
          issues.error(name, 0, 0, "", "pack.layout", "rule files live in rules/<rule-id>/rule.yaml",
              "move it to rules/" + parts[1].replaceFirst("\\.ya?ml$", "") + "/rule.yaml");
        } else if (parts[0].equals("checklists") && (parts.length > 2 || parts[1].endsWith(".yml"))) {
          issues.error(name, 0, 0, "", "pack.layout", "checklists live in checklists/<checklist-id>.yaml",
              parts.length > 2 ? "checklists/ holds no folders" : "use the extension .yaml");
        } else if (name.endsWith(".yml")) {
          issues.error(name, 0, 0, "", "pack.layout", "pack files use the extension .yaml", "rename it to .yaml");
        }
      }
      for (String folder : ruleFolders) {
        String file = "rules/" + folder + "/rule.yaml";
        if (!present.contains(file)) {
          issues.error("rules/" + folder, 0, 0, "", "pack.layout", "rule folder '" + folder + "' has no rule.yaml",
              "every folder under rules/ holds one rule.yaml");
        }
      }

      SemVer.Range range = null;
      Map<String, Object> defaults = Map.of();
      if (manifest != null) {
        Doc<PackDoc> m = manifest;
        range = guarded(m.document(), () -> checkManifest(scope, m));
        defaults = guarded(m.document(), () -> parameterDefaults(scope, m.document()));
      }
      Map<String, RuleDoc> ruleDocsById = new HashMap<>();
      Map<String, String> ruleFiles = new HashMap<>();
      List<LoadedRule> rules = new ArrayList<>();
      for (Doc<RuleDoc> rule : ruleDocs) {
        Optional<LoadedRule> loaded = guarded(rule.document(), () -> checkRule(scope, rule, ruleFiles));
        if (loaded != null) {
          loaded.ifPresent(rules::add);
        }
        String id = rule.value().id() != null ? rule.value().id() : folderOf(rule.document());
        ruleDocsById.putIfAbsent(id, rule.value());
      }
      if (pack != null && pack.base() != null && manifest != null) {
        needsFormat2(scope, manifest.document(), "extends", "an overlay");
      }
      if (base != null) {
        // the overlay's checklists may score the base's rules
        for (LoadedRule rule : base.rules()) {
          ruleDocsById.putIfAbsent(rule.doc().id(), rule.doc());
          ruleFolders.add(rule.doc().id());
        }
      }
      List<LoadedChecklist> checklists = new ArrayList<>();
      for (Doc<ChecklistDoc> checklist : checklistDocs) {
        ParameterSlots.Found slots = parameterSlots.getOrDefault(checklist.document().file(),
            new ParameterSlots.Found(Map.of(), Set.of()));
        Optional<LoadedChecklist> loaded = guarded(checklist.document(),
            () -> checkChecklist(scope, checklist, ruleDocsById, ruleFolders, slots));
        if (loaded != null) {
          loaded.ifPresent(checklists::add);
        }
      }
      checkOnePeriodKind(pack, checklistDocs);
      Overlays.Composed composed = null;
      if (base != null && pack != null && pack.base() != null && defaults != null && !issues.hasErrors()) {
        Map<String, Object> mergedDefaults = defaults;
        Doc<PackDoc> m = manifest;
        composed = guarded(m.document(), () -> Overlays.compose(base, pack, manifestYaml, rules, checklists,
            mergedDefaults, digest(files), origin, issues, (list, changed, into) -> rebind(scope, ruleDocsById, mergedDefaults, list, changed, into)));
      }
      if (pack != null && !pack.authorities().isEmpty()) {
        List<LoadedRule> allRules = composed != null ? composed.rules() : rules;
        List<LoadedChecklist> allLists = composed != null ? composed.checklists() : checklists;
        PackDoc declared = pack;
        Doc<PackDoc> m = manifest;
        guarded(m.document(), () -> {
          checkAuthorities(scope, m.document(), declared, allRules, allLists);
          return null;
        });
      }
      if (!issues.hasErrors() && pack != null) {
        if (composed != null) {
          warnUnused(pack, manifest.document(), composed.rules(), composed.checklists(), manifestYaml.root());
        } else if (base == null) {
          warnUnused(pack, manifest.document(), rules, checklists, null);
        }
      }
      if (issues.hasErrors() || pack == null || range == null || defaults == null) {
        boolean onlyEngine = incompatible && issues.sorted().stream()
            .filter(i -> i.severity() == ValidationIssue.Level.ERROR)
            .allMatch(i -> i.code().equals("pack.engine-incompatible"));
        return new Result(List.of(), issues.sorted(), onlyEngine);
      }
      if (composed != null) {
        LoadedPack loaded = new LoadedPack(composed.manifest(), SemVer.parse(pack.version()), range, composed.digest(), origin,
            composed.rules(), composed.checklists(), composed.defaults(), composed.layers(), composed.shapedBy(),
            manifest.document().root());
        return new Result(List.of(loaded), issues.sorted(), false);
      }
      rules.sort(java.util.Comparator.comparing(r -> r.doc().id()));
      checklists.sort(java.util.Comparator.comparing(c -> c.doc().id()));
      String digest = digest(files);
      LoadedPack loaded = new LoadedPack(pack, SemVer.parse(pack.version()), range, digest, origin,
          List.copyOf(rules), List.copyOf(checklists), Map.copyOf(defaults),
          List.of(LoadedPack.ownLayer(pack, digest, origin)), Map.of(), manifest.document().root());
      return new Result(List.of(loaded), issues.sorted(), false);
    }

    /** A checklist an overlay changed, bound and checked again with the pack's parameter values in their slots. */
    private Optional<LoadedChecklist> rebind(PackScope scope, Map<String, RuleDoc> rules, Map<String, Object> values,
        LoadedChecklist list, YamlDocument changed, Issues into) {
      Map<String, String> text = new HashMap<>();
      values.forEach((id, value) -> text.put(id, value instanceof BigDecimal d ? d.toPlainString()
          : value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : String.valueOf(value)));
      YamlDocument document = list.parameterSlots().isEmpty() ? changed
          : changed.withRoot(ParameterSlots.withValues(changed.root(), list.parameterSlots(), text));
      PackReader reader = new PackReader(origin, Map.of(), Set.of(), into, engineVersion);
      return Binder.bind(document, ChecklistDoc.class, into)
          .flatMap(bound -> reader.checkChecklist(scope, new Doc<>(bound.value(), bound, document), rules,
              rules.keySet(), new ParameterSlots.Found(list.parameterSlots(), Set.of())));
    }

    /**
     * The pack's authorities (rule-pack-format.md, section 19): format 2; one declaration per role;
     * subject types and holder attributes declared; rules and checklists of the pack; a positive
     * {@code max-adjustment}.
     */
    private void checkAuthorities(PackScope scope, YamlDocument doc, PackDoc pack, List<LoadedRule> rules,
        List<LoadedChecklist> checklists) {
      needsFormat2(scope, doc, "authorities", "authorities");
      Map<String, SubjectTypeDoc> types = pack.vocabulary().subjectTypes();
      Set<String> ruleIds = new java.util.TreeSet<>();
      rules.forEach(r -> ruleIds.add(r.doc().id()));
      Set<String> listIds = new java.util.TreeSet<>();
      checklists.forEach(c -> listIds.add(c.doc().id()));
      Set<String> roles = new HashSet<>();
      for (int i = 0; i < pack.authorities().size(); i++) {
        var authority = pack.authorities().get(i);
        String at = YamlDocument.element("authorities", i);
        if (!roles.add(authority.role())) {
          issues.error(doc, YamlDocument.child(at, "role"), "id.duplicate", "role '" + authority.role()
              + "' is declared twice", "declare each role once, with every rule and checklist it decides on");
        }
        String holderType = authority.heldBy().subjectType();
        if (!types.containsKey(holderType)) {
          unknownSubjectType(doc, YamlDocument.child(YamlDocument.child(at, "held-by"), "subject-type"), holderType, types.keySet());
        } else {
          Set<String> attributes = types.get(holderType).attributes().keySet();
          for (String name : authority.heldBy().attribute().keySet()) {
            if (!attributes.contains(name)) {
              issues.error(doc, YamlDocument.child(YamlDocument.child(YamlDocument.child(at, "held-by"), "attribute"), name),
                  "ref.unknown-field", "subject type '" + holderType + "' has no attribute '" + name + "'",
                  Hints.unknown(name, attributes, "its attributes"));
            }
          }
        }
        if (!types.containsKey(authority.over().subjectType())) {
          unknownSubjectType(doc, YamlDocument.child(YamlDocument.child(at, "over"), "subject-type"), authority.over().subjectType(),
              types.keySet());
        }
        var scopeDoc = authority.mayOverride();
        if (scopeDoc.rules().isEmpty() && scopeDoc.checklists().isEmpty()) {
          issues.error(doc, YamlDocument.child(at, "may-override"), "field.constraint", "role '" + authority.role()
              + "' may override nothing", "list the rules or checklists it may review and override");
        }
        for (int k = 0; k < scopeDoc.rules().size(); k++) {
          String rule = scopeDoc.rules().get(k);
          if (!ruleIds.contains(rule)) {
            issues.error(doc, YamlDocument.element(YamlDocument.child(YamlDocument.child(at, "may-override"), "rules"), k), "ref.unknown-rule",
                "unknown rule '" + Binder.shorten(rule) + "'", Hints.unknown(rule, ruleIds, "rules of this pack"));
          }
        }
        for (int k = 0; k < scopeDoc.checklists().size(); k++) {
          String list = scopeDoc.checklists().get(k);
          if (!listIds.contains(list)) {
            issues.error(doc, YamlDocument.element(YamlDocument.child(YamlDocument.child(at, "may-override"), "checklists"), k),
                "ref.unknown-checklist", "unknown checklist '" + Binder.shorten(list) + "'",
                Hints.unknown(list, listIds, "checklists of this pack"));
          }
        }
        if (authority.maxAdjustment() != null && authority.maxAdjustment().signum() <= 0) {
          issues.error(doc, YamlDocument.child(at, "max-adjustment"), "field.constraint", "max-adjustment must be"
              + " more than 0, but is " + authority.maxAdjustment().toPlainString(),
              "leave it out if the role may not adjust scores");
        }
      }
    }

    /** A pack that declares no natural period may let its checklists declare one, the same for all. */
    private void checkOnePeriodKind(PackDoc pack, List<Doc<ChecklistDoc>> checklists) {
      if (pack != null && pack.period() != null) {
        return;
      }
      Doc<ChecklistDoc> first = null;
      for (Doc<ChecklistDoc> checklist : checklists) {
        var unit = checklist.value().period();
        if (unit == null) {
          continue;
        }
        if (first == null) {
          first = checklist;
        } else if (first.value().period() != unit) {
          issues.error(checklist.document(), "period", "field.constraint", "this checklist judges " + unit.id()
              + "s, but " + first.document().file() + " judges " + first.value().period().id() + "s",
              "a pack judges one kind of period: put checklists of another kind in another pack");
        }
      }
    }

    /**
     * Runs one file's checks; if a check fails unexpectedly, the failure becomes an
     * {@code internal.error} issue on that file (a bug to report) instead of ending the load, and
     * {@code null} is returned.
     */
    private <T> T guarded(YamlDocument document, java.util.function.Supplier<T> check) {
      try {
        return check.get();
      } catch (RuntimeException | StackOverflowError e) {
        issues.error(document.file(), 0, 0, "", "internal.error", "the loader failed while checking this file ("
            + describe(e) + "); this is a bug in rules-core", "please report it with this file");
        return null;
      }
    }

    private static String folderOf(YamlDocument document) {
      return document.file().split("/")[1];
    }

    /**
     * Warns of vocabulary no rule or checklist reads ({@code vocabulary.unused}) and of rules that
     * cite no article and say nothing about why ({@code rule.uncited}): both are allowed, and both
     * fail {@code conduct check --strict}.
     */
    private void warnUnused(PackDoc pack, YamlDocument manifest, List<LoadedRule> rules,
        List<LoadedChecklist> checklists, JsonNode ownTree) {
      Set<String> used = new HashSet<>();
      for (LoadedRule rule : rules) {
        uses(rule.when(), used);
        pack.authorities().forEach(a -> a.heldBy().attribute().keySet().forEach(n -> used.add("attribute:" + n)));
        uses(rule.condition(), used);
      }
      for (LoadedChecklist checklist : checklists) {
        checklist.quotaOverrides().forEach(c -> uses(c, used));
        checklist.quotaBases().forEach(c -> uses(c, used));
        checklist.doc().quotas().stream().filter(q -> q.groupBy() != null).flatMap(q -> q.groupBy().stream())
            .filter(k -> k.attribute() != null).forEach(k -> used.add("attribute:" + k.attribute()));
        for (var item : checklist.doc().items()) {
          if (item.credit() != null) {
            used.add("indicator:" + item.credit().indicator());
          }
        }
        checklist.doc().deductions().forEach(d -> d.events().forEach(e -> used.add("event:" + e)));
        if (checklist.doc().ranking() != null && checklist.doc().ranking().peerGroup() != null) {
          used.add("attribute:" + checklist.doc().ranking().peerGroup());
        }
      }
      String types = YamlDocument.child("vocabulary", "subject-types");
      pack.vocabulary().subjectTypes().forEach((type, doc) -> {
        String path = YamlDocument.child(types, type);
        doc.attributes().keySet().stream().filter(name -> !used.contains("attribute:" + name))
            .filter(name -> own(ownTree, "subject-types", type, "attributes", name)).forEach(name ->
            issues.warning(manifest, YamlDocument.child(YamlDocument.child(path, "attributes"), name),
                "vocabulary.unused", "attribute '" + name + "' of '" + type + "' is read by no rule or checklist",
                "remove it, or use it in a rule"));
        doc.indicators().keySet().stream().filter(name -> !used.contains("indicator:" + name))
            .filter(name -> own(ownTree, "subject-types", type, "indicators", name)).forEach(name ->
            issues.warning(manifest, YamlDocument.child(YamlDocument.child(path, "indicators"), name),
                "vocabulary.unused", "indicator '" + name + "' of '" + type + "' is read by no rule or checklist",
                "remove it, or use it in a rule"));
      });
      String events = YamlDocument.child("vocabulary", "event-types");
      pack.vocabulary().eventTypes().forEach((type, doc) -> {
        String path = YamlDocument.child(events, type);
        if (!used.contains("event:" + type) && own(ownTree, "event-types", type)) {
          issues.warning(manifest, path, "vocabulary.unused",
              "event type '" + type + "' is counted by no rule or checklist", "remove it, or count it in a rule");
        }
        doc.attributes().keySet().stream().filter(name -> !used.contains("event-attribute:" + name))
            .filter(name -> own(ownTree, "event-types", type, "attributes", name)).forEach(name ->
            issues.warning(manifest, YamlDocument.child(YamlDocument.child(path, "attributes"), name),
                "vocabulary.unused", "attribute '" + name + "' of event type '" + type + "' is read by no rule",
                "remove it, or use it"));
      });
    }

    /** Whether a vocabulary entry is the pack's own: always, unless it is an overlay that did not declare it. */
    private static boolean own(JsonNode ownTree, String... keys) {
      if (ownTree == null) {
        return true;
      }
      JsonNode node = ownTree.path("vocabulary");
      for (String key : keys) {
        node = node.path(key);
      }
      return !node.isMissingNode();
    }

    private static void uses(Cond cond, Set<String> used) {
      if (cond == null) {
        return;
      }
      if (cond instanceof Cond.All all) {
        all.operands().forEach(c -> uses(c, used));
      } else if (cond instanceof Cond.Any any) {
        any.operands().forEach(c -> uses(c, used));
      } else if (cond instanceof Cond.Not not) {
        uses(not.operand(), used);
      } else if (cond instanceof Cond.Compare compare) {
        used.add(key(compare.field()));
      } else if (cond instanceof Cond.Measure measure) {
        uses(measure.term(), used);
      } else if (cond instanceof Cond.Aggregate agg) {
        agg.eventTypes().forEach(e -> used.add("event:" + e));
        uses(agg.where(), used);
        if (agg.of() != null) {
          used.add(key(agg.of()));
        }
      }
    }

    private static void uses(Cond.Term term, Set<String> used) {
      if (term instanceof Cond.Field field) {
        used.add(key(field));
      } else if (term instanceof Cond.DaysBetween between) {
        uses(between.from(), used);
        uses(between.to(), used);
      }
    }

    private static String key(Cond.Field field) {
      return switch (field.scope()) {
        case ATTRIBUTE -> "attribute:" + field.name();
        case INDICATOR -> "indicator:" + field.name();
        case EVENT_ATTRIBUTE -> "event-attribute:" + field.name();
      };
    }

    private <T> Optional<Doc<T>> parse(String name, Class<T> type) {
      return SafeYaml.parse(name, files.get(name), issues)
          .flatMap(doc -> Binder.bind(doc, type, issues).map(bound -> new Doc<>(bound.value(), bound, doc)));
    }

    /** Checks the manifest; returns the engine range, or {@code null} if it is missing or bad. */
    private SemVer.Range checkManifest(PackScope scope, Doc<PackDoc> manifest) {
      PackDoc pack = manifest.value();
      YamlDocument doc = manifest.document();
      SemVer.Range range = pack.engine() == null ? null : SemVer.Range.parse(pack.engine());
      if (pack.engine() != null && range == null) {
        issues.error(doc, "engine", "pack.engine-range", "'" + pack.engine() + "' is not a version range",
            "write e.g. \">=0.1.0 <1.0.0\"");
      } else if (range != null && !range.admits(engineVersion)) {
        incompatible = true;
        issues.error(doc, "engine", "pack.engine-incompatible", "pack '" + pack.id() + "' " + pack.version()
            + " requires engine " + pack.engine() + ", but this engine is " + engineVersion,
            "use a rules-core version in that range, or a pack version made for " + engineVersion);
      }
      if (pack.effective() != null && pack.effective().from() != null && pack.effective().until() != null
          && pack.effective().until().isBefore(pack.effective().from())) {
        issues.error(doc, "effective.until", "field.constraint", "'until' " + pack.effective().until()
            + " is before 'from' " + pack.effective().from(), null);
      }
      if (pack.period() != null) {
        needsFormat2(scope, doc, "period", "a natural period");
      }
      Map<String, SubjectTypeDoc> subjectTypes = scope.vocabulary().subjectTypes();
      String typesPath = YamlDocument.child("vocabulary", "subject-types");
      for (var entry : subjectTypes.entrySet()) {
        String at = YamlDocument.child(typesPath, entry.getKey());
        checkIndicatorTerms(scope, doc, YamlDocument.child(at, "indicators"), entry.getValue().indicators(), true);
        checkIndicatorTerms(scope, doc, YamlDocument.child(at, "attributes"), entry.getValue().attributes(), false);
        if (entry.getValue().personal() != null) {
          needsFormat2(scope, doc, YamlDocument.child(at, "personal"), "personal data");
        }
        entry.getValue().indicators().forEach((name, field) -> {
          if (field.personal() != null) {
            issues.error(doc, YamlDocument.child(YamlDocument.child(YamlDocument.child(at, "indicators"), name),
                "personal"), "field.constraint", "'personal' is for subject types and attributes, not indicators",
                "mark the subject type personal, or the attribute that identifies a person");
          }
        });
        entry.getValue().attributes().forEach((name, field) -> {
          if (field.personal() != null) {
            needsFormat2(scope, doc, YamlDocument.child(YamlDocument.child(YamlDocument.child(at, "attributes"), name),
                "personal"), "personal data");
          }
        });
      }
      for (var entry : subjectTypes.entrySet()) {
        String path = YamlDocument.child(typesPath, entry.getKey());
        SubjectTypeDoc type = entry.getValue();
        if (type.parent() != null && !subjectTypes.containsKey(type.parent())
            && scope.reportsSubjectType(type.parent())) {
          unknownSubjectType(doc, YamlDocument.child(path, "parent"), type.parent(), subjectTypes.keySet());
        }
        checkFields(doc, YamlDocument.child(path, "attributes"), type.attributes());
        checkFields(doc, YamlDocument.child(path, "indicators"), type.indicators());
        for (String name : type.attributes().keySet()) {
          if (type.indicators().containsKey(name)) {
            issues.error(doc, YamlDocument.child(YamlDocument.child(path, "indicators"), name), "id.duplicate", "'"
                + name + "' is declared both as an attribute and as an indicator", "rename one of them");
          }
        }
      }
      checkParentCycles(doc, subjectTypes, typesPath);
      if (!scope.vocabulary().methods().isEmpty()) {
        needsFormat2(scope, doc, YamlDocument.child("vocabulary", "methods"), "a method vocabulary");
      }
      String eventsPath = YamlDocument.child("vocabulary", "event-types");
      for (var entry : scope.vocabulary().eventTypes().entrySet()) {
        String path = YamlDocument.child(eventsPath, entry.getKey());
        EventTypeDoc type = entry.getValue();
        for (int i = 0; i < type.subjectTypes().size(); i++) {
          String subjectType = type.subjectTypes().get(i);
          if (!subjectTypes.containsKey(subjectType) && scope.reportsSubjectType(subjectType)) {
            unknownSubjectType(doc, YamlDocument.element(YamlDocument.child(path, "subject-types"), i), subjectType,
                subjectTypes.keySet());
          }
        }
        checkFields(doc, YamlDocument.child(path, "attributes"), type.attributes());
      }
      return range;
    }

    /**
     * Reports a format 2 feature used in a pack that says {@code format: 1}: the pack keeps its
     * format 1 meaning only if it uses none.
     */
    private void needsFormat2(PackScope scope, YamlDocument doc, String path, String feature) {
      PackDoc pack = scope.pack();
      if (pack != null && pack.format() != null && pack.format() < 2) {
        issues.error(doc, path, "pack.format-feature", feature + " ('" + lastKey(path) + "') needs format 2, but"
            + " pack.yaml says format: " + pack.format(), "write 'format: 2' in pack.yaml (rule-pack-format.md,"
            + " section 18 says what changes)");
      }
    }

    private static String lastKey(String path) {
      String parent = YamlDocument.parent(path);
      String key = parent.isEmpty() ? path : path.substring(parent.length());
      return key.startsWith(".") ? key.substring(1) : key;
    }

    /** An indicator's range and freshness (format 2); neither is for attributes. */
    private void checkIndicatorTerms(PackScope scope, YamlDocument doc, String path, Map<String, FieldDoc> fields,
        boolean indicators) {
      fields.forEach((name, field) -> {
        String at = YamlDocument.child(path, name);
        if (field.range() != null) {
          needsFormat2(scope, doc, YamlDocument.child(at, "range"), "a valid range");
          if (!indicators || field.type() != DataType.NUMBER) {
            issues.error(doc, YamlDocument.child(at, "range"), "field.constraint", "'range' is for number indicators,"
                + " but '" + name + "' is " + (indicators ? "a " + field.type().label() + " indicator" : "an attribute"),
                indicators ? "remove it, or declare the indicator as a number" : "remove it");
          }
          if (field.range().min() != null && field.range().max() != null
              && field.range().min().compareTo(field.range().max()) > 0) {
            issues.error(doc, YamlDocument.child(YamlDocument.child(at, "range"), "max"), "field.constraint",
                "range max " + field.range().max().toPlainString() + " is below its min "
                    + field.range().min().toPlainString(), null);
          }
          if (field.range().min() == null && field.range().max() == null) {
            issues.error(doc, YamlDocument.child(at, "range"), "field.constraint", "a range gives 'min', 'max' or both",
                "write e.g. range: {min: 0, max: 30}");
          }
        }
        if (field.freshWithin() != null) {
          needsFormat2(scope, doc, YamlDocument.child(at, "fresh-within"), "a freshness window");
          if (!indicators) {
            issues.error(doc, YamlDocument.child(at, "fresh-within"), "field.constraint",
                "'fresh-within' is for indicators: attributes are static", "remove it");
          } else if (!field.freshWithin().equals("period") && !field.freshWithin().equals("all")
              && ConditionParser.lookBack(field.freshWithin()) == null) {
            issues.error(doc, YamlDocument.child(at, "fresh-within"), "field.constraint", "'fresh-within' must be"
                + " 'period', 'all' or a positive ISO-8601 period of at most 100 years such as P3M, but was '"
                + Binder.shorten(field.freshWithin()) + "'", null);
          }
        }
      });
    }

    /** A rule's or an item's own dates (format 2): {@code from} not after {@code until}. */
    private void checkEffective(PackScope scope, YamlDocument doc, String path,
        vn.conduct.rules.internal.model.EffectiveDoc effective, String feature) {
      if (effective == null) {
        return;
      }
      needsFormat2(scope, doc, path, feature);
      if (effective.from() != null && effective.until() != null && effective.until().isBefore(effective.from())) {
        issues.error(doc, YamlDocument.child(path, "until"), "field.constraint", "'until' " + effective.until()
            + " is before 'from' " + effective.from(), null);
      }
      if (effective.from() == null && effective.until() == null) {
        issues.error(doc, path, "field.constraint", "'effective' gives 'from', 'until' or both",
            "write e.g. effective: {from: 2026-01-01}");
      }
    }

    /** A subject type may not be its own ancestor (spec section 5). */
    private void checkParentCycles(YamlDocument doc, Map<String, SubjectTypeDoc> types, String typesPath) {
      Set<String> reported = new HashSet<>();
      for (String start : types.keySet()) {
        List<String> chain = new ArrayList<>();
        String current = start;
        while (current != null && types.containsKey(current) && !chain.contains(current)) {
          chain.add(current);
          current = types.get(current).parent();
        }
        if (current != null && current.equals(start) && reported.add(String.join(",", new TreeSet<>(chain)))) {
          chain.add(start);
          issues.error(doc, YamlDocument.child(YamlDocument.child(typesPath, start), "parent"), "field.constraint",
              "subject types form a cycle of parents: " + String.join(" → ", chain),
              "a unit's type cannot be its own ancestor; remove one 'parent'");
        }
      }
    }

    private void checkFields(YamlDocument doc, String path, Map<String, FieldDoc> fields) {
      fields.forEach((name, field) -> {
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < field.values().size(); i++) {
          String value = field.values().get(i);
          if (value != null && !distinct.add(value)) {
            issues.error(doc, YamlDocument.element(YamlDocument.child(YamlDocument.child(path, name), "values"), i),
                "id.duplicate", "value '" + Binder.shorten(value) + "' is listed twice", null);
          }
        }
        if (field.valuesWrittenEmpty()) {
          issues.error(doc, YamlDocument.child(YamlDocument.child(path, name), "values"), "field.constraint",
              "'values' is empty, so no value would be allowed", "list the allowed values, or leave 'values' out to"
                  + " allow any");
        }
        if (!field.values().isEmpty() && field.type() != DataType.STRING) {
          issues.error(doc, YamlDocument.child(YamlDocument.child(path, name), "values"), "field.constraint",
              "'values' lists allowed strings, but the field is a " + field.type().label(), null);
        }
      });
    }

    private Map<String, Object> parameterDefaults(PackScope scope, YamlDocument doc) {
      Map<String, Object> defaults = new HashMap<>();
      scope.parameters().forEach((name, parameter) -> {
        Object value = ConditionParser.constant(parameter.defaultValue(), parameter.type());
        if (value == null) {
          issues.error(doc, YamlDocument.child(YamlDocument.child("parameters", name), "default"), "type.mismatch",
              "parameter '" + name + "' is a " + parameter.type().label() + ", but its default is "
                  + (parameter.defaultValue().isValueNode() ? "'" + Binder.shorten(parameter.defaultValue().asText()) + "'"
                      : "a " + (parameter.defaultValue().isArray() ? "list" : "mapping")), null);
        } else {
          defaults.put(name, value);
        }
      });
      return defaults;
    }

    private void unknownSubjectType(YamlDocument doc, String path, String type, Set<String> declared) {
      issues.error(doc, path, "ref.unknown-subject-type", "unknown subject type '" + type + "'",
          Hints.unknown(type, declared, "declared subject types"));
    }

    private Optional<LoadedRule> checkRule(PackScope scope, Doc<RuleDoc> bound, Map<String, String> ruleFiles) {
      RuleDoc rule = bound.value();
      YamlDocument doc = bound.document();
      String folder = folderOf(doc);
      int errorsBefore = issues.errorCount();
      String id = rule.id() != null ? rule.id() : folder;
      if (rule.id() != null && !rule.id().equals(folder)) {
        issues.error(doc, "id", "id.mismatch", "rule id '" + Binder.shorten(rule.id()) + "' differs from its folder '"
            + folder + "'", "a rule's id is the name of its folder");
      }
      String previous = ruleFiles.putIfAbsent(id, doc.file());
      if (previous != null) {
        issues.error(doc, "id", "id.duplicate", "rule id '" + id + "' is also used by " + previous,
            "rule ids are unique within a pack");
      }
      var source = rule.source();
      if (source != null) {
        if (source.article() == null && (source.note() == null || source.note().isBlank())) {
          issues.warning(doc, "source", "rule.uncited", "rule '" + id + "' cites no article and gives no note"
              + " saying why", "add the article (and clause) if the source gives one, else a 'note' on what the rule"
              + " rests on");
        }
        unknownSource(scope, doc, source.document());
        if (source.basis() == vn.conduct.rules.api.Basis.DRAFT && !Boolean.FALSE.equals(rule.enabled())) {
          issues.error(doc, rule.enabled() == null ? "source.basis" : "enabled", "field.constraint",
              "rule '" + id + "' rests on a draft only, so it must be written 'enabled: false'",
              "draft-only norms are off until a final text confirms them");
        }
        if (source.basis() == vn.conduct.rules.api.Basis.INFERRED
            && (source.article() != null || source.clause() != null)) {
          issues.error(doc, source.article() != null ? "source.article" : "source.clause", "field.constraint",
              "an inferred rule cites no article or clause", "give the article only where a source states it");
        }
      }
      checkEffective(scope, doc, "effective", rule.effective(), "a rule's own dates");
      checkMethods(scope, doc, rule.acceptedMethods());
      Set<String> types = new java.util.LinkedHashSet<>();
      boolean typesResolved = rule.appliesTo() != null && !rule.appliesTo().isEmpty();
      Map<String, SubjectTypeDoc> declared = scope.vocabulary().subjectTypes();
      for (int i = 0; rule.appliesTo() != null && i < rule.appliesTo().size(); i++) {
        String type = rule.appliesTo().get(i);
        if (type == null) {
          typesResolved = false;
        } else if (!declared.containsKey(type)) {
          typesResolved = false;
          if (scope.reportsSubjectType(type)) {
            unknownSubjectType(doc, YamlDocument.element("applies-to", i), type, declared.keySet());
          }
        } else if (!types.add(type)) {
          issues.error(doc, YamlDocument.element("applies-to", i), "id.duplicate", "subject type '" + type
              + "' is listed twice", null);
        }
      }
      if (!typesResolved || !scope.vocabularyKnown()) {
        return Optional.empty();
      }
      ConditionParser parser = new ConditionParser(scope, doc, issues);
      Cond when = rule.when() == null ? null : parser.parseForSubjects(rule.when(), "when", types);
      Cond condition = rule.condition() == null ? null : parser.parseForSubjects(rule.condition(), "condition", types);
      if (!bound.valid() || condition == null || (rule.when() != null && when == null)
          || issues.errorCount() > errorsBefore) {
        return Optional.empty();
      }
      return Optional.of(new LoadedRule(rule, doc.file(), when, condition));
    }

    /**
     * A rule's {@code accepted-methods} (format 2): a non-empty list of methods the pack's vocabulary
     * declares, each once.
     */
    private void checkMethods(PackScope scope, YamlDocument doc, List<String> methods) {
      if (methods == null) {
        return;
      }
      needsFormat2(scope, doc, "accepted-methods", "accepted methods");
      if (methods.isEmpty()) {
        issues.error(doc, "accepted-methods", "field.constraint", "'accepted-methods' is empty",
            "list the methods whose facts count for this rule, or leave the key out to count every fact");
        return;
      }
      Set<String> declared = scope.vocabulary().methods().keySet();
      Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < methods.size(); i++) {
        String method = methods.get(i);
        String path = YamlDocument.element("accepted-methods", i);
        if (method == null) {
          continue;
        }
        if (!seen.add(method)) {
          issues.error(doc, path, "id.duplicate", "method '" + Binder.shorten(method) + "' is listed twice", null);
        } else if (!declared.contains(method) && scope.reportsMethod(method)) {
          issues.error(doc, path, "ref.unknown-method", "unknown method '" + Binder.shorten(method) + "'",
              declared.isEmpty() ? "declare it under vocabulary.methods in pack.yaml, with a vi and en title"
                  : Hints.unknown(method, declared, "declared methods"));
        }
      }
    }

    private void unknownSource(PackScope scope, YamlDocument doc, String document) {
      if (document != null && !scope.sources().containsKey(document) && scope.reportsSource(document)) {
        issues.error(doc, "source.document", "ref.unknown-source", "unknown source document '"
            + Binder.shorten(document) + "'", Hints.unknown(document, scope.sources().keySet(), "declared sources"));
      }
    }

    /** Reports a reference to a rule this pack does not have (a rule whose file did not load is no news). */
    private void unknownRule(YamlDocument doc, String path, String rule, Map<String, RuleDoc> rules,
        Set<String> ruleFolders) {
      if (!ruleFolders.contains(rule)) {
        issues.error(doc, path, "ref.unknown-rule", "unknown rule '" + Binder.shorten(rule) + "'",
            Hints.unknown(rule, rules.keySet(), "a checklist refers to rules of its own pack"));
      }
    }

    private Optional<LoadedChecklist> checkChecklist(PackScope scope, Doc<ChecklistDoc> bound,
        Map<String, RuleDoc> rules, Set<String> ruleFolders, ParameterSlots.Found parameters) {
      Map<String, String> parameterSlots = parameters.slots();
      Set<String> standIns = parameters.failed();
      ChecklistDoc list = bound.value();
      YamlDocument doc = bound.document();
      int errorsBefore = issues.errorCount();
      String fileId = doc.file().substring("checklists/".length()).replaceFirst("\\.ya?ml$", "");
      if (list.id() != null && !list.id().equals(fileId)) {
        issues.error(doc, "id", "id.mismatch", "checklist id '" + Binder.shorten(list.id())
            + "' differs from its file name '" + fileId + "'", "a checklist's id is its file name without .yaml");
      }
      Map<String, SubjectTypeDoc> declared = scope.vocabulary().subjectTypes();
      SubjectTypeDoc type = list.subjectType() == null ? null : declared.get(list.subjectType());
      if (list.subjectType() != null && type == null && scope.reportsSubjectType(list.subjectType())) {
        unknownSubjectType(doc, "subject-type", list.subjectType(), declared.keySet());
      }
      if (list.source() != null) {
        unknownSource(scope, doc, list.source().document());
      }
      if (list.period() != null) {
        needsFormat2(scope, doc, "period", "a natural period");
        PackDoc pack = scope.pack();
        if (pack != null && pack.period() != null && pack.period() != list.period()) {
          issues.error(doc, "period", "field.constraint", "the checklist judges " + list.period().id() + "s, but"
              + " pack.yaml says the pack judges " + pack.period().id() + "s", "a pack judges one kind of period:"
              + " put its other checklists in another pack");
        }
      }
      if (list.score() != null) {
        needsFormat2(scope, doc, "score", "a score's rounding");
      }
      boolean weighted = list.method() == ChecklistDoc.Method.WEIGHTED;
      List<ChecklistDoc.ItemDoc> items = list.items() == null ? new ArrayList<>() : new ArrayList<>(list.items());
      if (weighted && list.maximum() != null && list.maximum().compareTo(BigDecimal.valueOf(100)) != 0) {
        issues.error(doc, "maximum", "field.constraint", "a weighted checklist scores out of 100, but maximum is "
            + list.maximum(), "leave 'maximum' out");
      }
      Set<String> itemRules = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        ChecklistDoc.ItemDoc item = items.get(i);
        if (item == null) {
          continue;
        }
        String path = YamlDocument.element("items", i);
        RuleDoc rule = item.rule() == null ? null : rules.get(item.rule());
        if (item.rule() != null && rule == null) {
          unknownRule(doc, YamlDocument.child(path, "rule"), item.rule(), rules, ruleFolders);
        } else if (rule != null && rule.appliesTo() != null && list.subjectType() != null && type != null
            && !rule.appliesTo().contains(list.subjectType())) {
          issues.error(doc, YamlDocument.child(path, "rule"), "type.mismatch", "rule '" + item.rule()
              + "' does not apply to subject type '" + list.subjectType() + "'", "it applies to " + rule.appliesTo());
        }
        if (item.rule() != null && !itemRules.add(item.rule())) {
          issues.error(doc, YamlDocument.child(path, "rule"), "id.duplicate", "rule '" + Binder.shorten(item.rule())
              + "' is listed twice", null);
        }
        checkEffective(scope, doc, YamlDocument.child(path, "effective"), item.effective(), "an item's own dates");
        if (item.required() != null) {
          needsFormat2(scope, doc, YamlDocument.child(path, "required"), "a required item");
          if (Boolean.TRUE.equals(item.required()) && Boolean.TRUE.equals(item.bonus())) {
            issues.error(doc, YamlDocument.child(path, "required"), "field.constraint",
                "a bonus item cannot be required: it only ever adds points", "remove 'required' or 'bonus'");
          }
        }
        boolean bonus = Boolean.TRUE.equals(item.bonus());
        BigDecimal points = item.points() != null ? item.points()
            : rule != null && rule.points() != null ? rule.points() : null;
        if (bonus && item.weight() != null) {
          issues.error(doc, YamlDocument.child(path, "weight"), "field.constraint",
              "a bonus item adds 'points' to the score; it has no 'weight'", "write 'points: <n>' and remove 'weight'");
        } else if (weighted && !bonus && item.weight() == null) {
          issues.error(doc, path, "field.constraint", "'weight' is required in a weighted checklist", null);
        }
        if (weighted && !bonus && (item.points() != null || item.credit() != null)) {
          issues.error(doc, path, "field.constraint", "a weighted checklist's items give 'weight', not 'points' or 'credit'",
              null);
        }
        if (!weighted && !bonus && item.weight() != null) {
          issues.error(doc, YamlDocument.child(path, "weight"), "field.constraint", "'weight' is for weighted checklists",
              "give 'points', or set 'method: weighted'");
        }
        if ((!weighted || bonus) && points == null && (item.rule() == null || rule != null)) {
          issues.error(doc, path, "field.constraint", "'points' is required: the item gives none and rule '"
              + item.rule() + "' has no 'points'", bonus ? "give the bonus its points" : "or set 'method: weighted' and give weights");
        }
        if (item.points() == null && points != null && (!weighted || bonus)) {
          items.set(i, new ChecklistDoc.ItemDoc(item.rule(), points, item.weight(), item.bonus(), item.credit(),
              item.required(), item.effective()));
        }
        ChecklistDoc.CreditDoc credit = item.credit();
        if (credit != null && points != null) {
          for (int b = 0; b < credit.bands().size(); b++) {
            ChecklistDoc.CreditBandDoc band = credit.bands().get(b);
            if (band != null && band.points() != null && band.points().compareTo(points) > 0) {
              issues.error(doc, YamlDocument.child(path, "credit.bands[" + b + "].points"), "field.constraint",
                  "band points " + band.points() + " exceed the item's " + points + " points", null);
            }
          }
        }
        if (credit != null && credit.indicator() != null && type != null) {
          FieldDoc indicator = type.indicators().get(credit.indicator());
          if ((indicator == null && scope.reportsField(list.subjectType(), "indicator", credit.indicator()))
              || (indicator != null && indicator.type() != DataType.NUMBER)) {
            issues.error(doc, YamlDocument.child(path, "credit.indicator"), "ref.unknown-field", "subject type '"
                + list.subjectType() + "' has no number indicator '" + credit.indicator() + "'",
                Hints.unknown(credit.indicator(), type.indicators().entrySet().stream()
                    .filter(e -> e.getValue().type() == DataType.NUMBER).map(Map.Entry::getKey).toList(),
                    "number indicators"));
          }
        }
        if (credit != null) {
          if (credit.bands().isEmpty() == (credit.perUnit() == null)) {
            issues.error(doc, YamlDocument.child(path, "credit"), "field.constraint",
                "credit needs exactly one of 'bands' and 'per-unit'", "bands: [{min: 90, points: 45}, ...] or per-unit: 0.5");
          }
          checkDescending(doc, YamlDocument.child(path, "credit.bands"), credit.bands().stream()
              .map(b -> b == null ? null : b.min()).toList());
        }
      }
      for (int i = 0; i < list.deductions().size(); i++) {
        ChecklistDoc.DeductionDoc deduction = list.deductions().get(i);
        if (deduction == null) {
          continue;
        }
        String path = YamlDocument.element("deductions", i);
        for (int j = 0; deduction.events() != null && j < deduction.events().size(); j++) {
          String event = deduction.events().get(j);
          if (event != null && !scope.vocabulary().eventTypes().containsKey(event) && scope.reportsEventType(event)) {
            issues.error(doc, YamlDocument.element(YamlDocument.child(path, "events"), j), "ref.unknown-event-type",
                "unknown event type '" + Binder.shorten(event) + "'",
                Hints.unknown(event, scope.vocabulary().eventTypes().keySet(), "declared event types"));
          }
        }
        if (deduction.within() != null && !deduction.within().equals("period") && !deduction.within().equals("all")) {
          if (ConditionParser.lookBack(deduction.within()) == null) {
            issues.error(doc, YamlDocument.child(path, "within"), "condition.syntax", "'within' must be 'period', "
                + "'all' or a positive ISO-8601 period of at most 100 years, such as P12M, but was '"
                + Binder.shorten(deduction.within()) + "'", null);
          }
        }
      }
      List<ChecklistDoc.BandDoc> bandDocs = list.bands() == null ? List.of() : list.bands();
      Set<String> bands = new HashSet<>();
      for (int i = 0; i < bandDocs.size(); i++) {
        ChecklistDoc.BandDoc band = bandDocs.get(i);
        if (band != null && band.id() != null && !bands.add(band.id())) {
          issues.error(doc, YamlDocument.child(YamlDocument.element("bands", i), "id"), "id.duplicate", "band '"
              + band.id() + "' is declared twice", null);
        }
      }
      List<BigDecimal> mins = new ArrayList<>();
      for (int i = 0; i < bandDocs.size(); i++) {
        ChecklistDoc.BandDoc band = bandDocs.get(i);
        boolean standIn = standIns.contains(YamlDocument.child(YamlDocument.element("bands", i), "min"));
        mins.add(band == null || standIn ? null : band.min());
      }
      checkDescending(doc, "bands", mins);
      BigDecimal floor = list.floor() != null ? list.floor() : BigDecimal.ZERO;
      ChecklistDoc.BandDoc lowest = bandDocs.isEmpty() ? null : bandDocs.get(bandDocs.size() - 1);
      if (lowest != null && lowest.min() != null && lowest.min().compareTo(floor) > 0
          && !standIns.contains(YamlDocument.child(YamlDocument.element("bands", bandDocs.size() - 1), "min"))
          && !standIns.contains("floor")) {
        issues.error(doc, YamlDocument.child(YamlDocument.element("bands", bandDocs.size() - 1), "min"),
            "field.constraint", "the lowest band starts at " + lowest.min() + ", above the floor " + floor
                + ", so some scores would get no band", "let the lowest band start at the floor");
      }
      Set<String> quotaBands = new HashSet<>();
      for (int i = 0; i < list.quotas().size(); i++) {
        ChecklistDoc.QuotaDoc quota = list.quotas().get(i);
        if (quota != null && quota.band() != null && !quotaBands.add(quota.band())) {
          issues.error(doc, YamlDocument.child(YamlDocument.element("quotas", i), "band"), "id.duplicate", "band '"
              + quota.band() + "' has more than one quota", null);
        }
      }
      for (int i = 0; i < list.vetoes().size(); i++) {
        ChecklistDoc.VetoDoc veto = list.vetoes().get(i);
        if (veto == null) {
          continue;
        }
        String path = YamlDocument.element("vetoes", i);
        if (veto.rule() != null && !rules.containsKey(veto.rule())) {
          unknownRule(doc, YamlDocument.child(path, "rule"), veto.rule(), rules, ruleFolders);
        }
        if (veto.capRating() != null && !bands.contains(veto.capRating())) {
          unknownBand(doc, YamlDocument.child(path, "cap-rating"), veto.capRating(), bands);
        }
        if (veto.capRating() == null && veto.capScore() == null) {
          issues.error(doc, path, "field.constraint", "a veto needs 'cap-rating' or 'cap-score'", null);
        }
      }
      List<Cond> overrides = new ArrayList<>();
      List<Cond> bases = new ArrayList<>();
      String lowestId = lowest == null ? null : lowest.id();
      for (int i = 0; i < list.quotas().size(); i++) {
        ChecklistDoc.QuotaDoc quota = list.quotas().get(i);
        if (quota == null) {
          overrides.add(null);
          bases.add(null);
          continue;
        }
        String path = YamlDocument.element("quotas", i);
        if (quota.band() != null && !bands.contains(quota.band())) {
          unknownBand(doc, YamlDocument.child(path, "band"), quota.band(), bands);
        }
        if (quota.of() != null && !bands.contains(quota.of())) {
          unknownBand(doc, YamlDocument.child(path, "of"), quota.of(), bands);
        }
        if (quota.band() != null && quota.band().equals(lowestId)) {
          issues.error(doc, YamlDocument.child(path, "band"), "field.constraint", "the lowest band '" + quota.band()
              + "' cannot have a quota: nobody could be lowered from it", null);
        }
        checkGroupBy(scope, doc, path, list.subjectType(), type, quota);
        bases.add(checkBase(scope, doc, path, list.subjectType(), type, quota));
        if (quota.ties() != null) {
          needsFormat2(scope, doc, YamlDocument.child(path, "ties"), "a quota's tie policy");
        }
        Cond override = null;
        if (quota.override() != null && type != null) {
          if (type.parent() == null) {
            issues.error(doc, YamlDocument.child(path, "override"), "field.constraint", "subject type '"
                + list.subjectType() + "' declares no parent type, so a quota cannot depend on the parent unit",
                "declare 'parent:' on the subject type");
          } else if (quota.groupBy() != null && quota.groupBy().stream()
              .noneMatch(k -> k != null && type.parent().equals(k.ancestor()))) {
            issues.error(doc, YamlDocument.child(path, "override"), "field.constraint", "the override is decided on"
                + " the parent unit, but 'group-by' does not group by the parent type '" + type.parent()
                + "', so a group may span several units", "add {ancestor: " + type.parent() + "} to 'group-by'");
          } else if (quota.override().when() != null && declared.containsKey(type.parent())) {
            ConditionParser parser = new ConditionParser(scope, doc, issues);
            override = parser.parseForSubjects(quota.override().when(), YamlDocument.child(path, "override.when"),
                Set.of(type.parent()));
          }
        }
        overrides.add(override);
      }
      if (list.ranking() != null && list.ranking().peerGroup() != null && type != null
          && !type.attributes().containsKey(list.ranking().peerGroup())
          && scope.reportsField(list.subjectType(), "attribute", list.ranking().peerGroup())) {
        issues.error(doc, "ranking.peer-group", "ref.unknown-field", "subject type '" + list.subjectType()
            + "' has no attribute '" + list.ranking().peerGroup() + "'",
            Hints.unknown(list.ranking().peerGroup(), type.attributes().keySet(), "declared attributes"));
      }
      if (list.floor() != null && list.maximum() != null && list.floor().compareTo(list.maximum()) > 0) {
        issues.error(doc, "floor", "field.constraint", "floor " + list.floor() + " is above the maximum "
            + list.maximum(), null);
      }
      if (!bound.valid() || type == null || issues.errorCount() > errorsBefore) {
        return Optional.empty();
      }
      ChecklistDoc normalized = new ChecklistDoc(list.id(), list.title(), list.description(), list.subjectType(),
          list.period(), list.source(), list.method(), list.maximum(), list.floor(), list.minEvidence(), list.score(),
          List.copyOf(items),
          list.deductions(), list.vetoes(), list.bands(), sortedQuotas(list), list.ranking());
      List<Cond> sortedOverrides = new ArrayList<>();
      List<Cond> sortedBases = new ArrayList<>();
      for (ChecklistDoc.QuotaDoc quota : normalized.quotas()) {
        sortedOverrides.add(overrides.get(list.quotas().indexOf(quota)));
        sortedBases.add(bases.get(list.quotas().indexOf(quota)));
      }
      return Optional.of(new LoadedChecklist(normalized, doc.file(),
          java.util.Collections.unmodifiableList(sortedOverrides),
          java.util.Collections.unmodifiableList(sortedBases), parameterSlots, doc));
    }

    /**
     * A quota's {@code group-by} (format 2): a non-empty list of distinct keys, each exactly one of
     * an ancestor type of the graded type (along its declared parent chain) or one of its attributes.
     */
    private void checkGroupBy(PackScope scope, YamlDocument doc, String quotaPath, String subjectType,
        SubjectTypeDoc type, ChecklistDoc.QuotaDoc quota) {
      if (quota.groupBy() == null) {
        return;
      }
      String path = YamlDocument.child(quotaPath, "group-by");
      needsFormat2(scope, doc, path, "a quota's grouping");
      if (quota.groupBy().isEmpty()) {
        issues.error(doc, path, "field.constraint", "'group-by' is empty", "list at least one key, e.g. "
            + "[{ancestor: unit}], or leave 'group-by' out to group by the parent");
        return;
      }
      Map<String, SubjectTypeDoc> declared = scope.vocabulary().subjectTypes();
      Set<ChecklistDoc.GroupKeyDoc> seen = new HashSet<>();
      for (int k = 0; k < quota.groupBy().size(); k++) {
        ChecklistDoc.GroupKeyDoc key = quota.groupBy().get(k);
        String at = YamlDocument.element(path, k);
        if (key == null) {
          continue;
        }
        if ((key.ancestor() == null) == (key.attribute() == null)) {
          issues.error(doc, at, "field.constraint", "a grouping key names exactly one of 'ancestor' and "
              + "'attribute', but this one names " + (key.ancestor() == null ? "neither" : "both"),
              "write {ancestor: <subject type>} or {attribute: <attribute of " + subjectType + ">}");
          continue;
        }
        if (!seen.add(key)) {
          issues.error(doc, at, "id.duplicate", "grouping key " + (key.ancestor() != null ? "ancestor '"
              + Binder.shorten(key.ancestor()) : "attribute '" + Binder.shorten(key.attribute())) + "' is listed twice",
              null);
          continue;
        }
        if (type == null) {
          continue;
        }
        if (key.attribute() != null) {
          if (!type.attributes().containsKey(key.attribute())
              && scope.reportsField(subjectType, "attribute", key.attribute())) {
            issues.error(doc, YamlDocument.child(at, "attribute"), "ref.unknown-field", "subject type '" + subjectType
                + "' has no attribute '" + Binder.shorten(key.attribute()) + "'",
                Hints.unknown(key.attribute(), type.attributes().keySet(), "declared attributes"));
          }
          continue;
        }
        List<String> chain = ancestors(declared, subjectType);
        if (!declared.containsKey(key.ancestor())) {
          if (scope.reportsSubjectType(key.ancestor())) {
            unknownSubjectType(doc, YamlDocument.child(at, "ancestor"), key.ancestor(), declared.keySet());
          }
        } else if (!chain.contains(key.ancestor())) {
          issues.error(doc, YamlDocument.child(at, "ancestor"), "field.constraint", "subject type '"
              + key.ancestor() + "' is not an ancestor of '" + subjectType + "'", chain.isEmpty()
              ? "'" + subjectType + "' declares no parent type" : "its ancestors are " + String.join(", ", chain));
        }
      }
    }

    /** The declared parent chain of a subject type, nearest first (cycles are reported elsewhere and stop it). */
    private static List<String> ancestors(Map<String, SubjectTypeDoc> declared, String subjectType) {
      List<String> chain = new ArrayList<>();
      SubjectTypeDoc at = declared.get(subjectType);
      while (at != null && at.parent() != null && !chain.contains(at.parent()) && !at.parent().equals(subjectType)) {
        chain.add(at.parent());
        at = declared.get(at.parent());
      }
      return chain;
    }

    /**
     * A quota's {@code base: {where}} (format 2): a condition on the member's own attributes and
     * indicators, compiled as conditions are; aggregates are refused (they need the member's events
     * or members, which a quota does not look at).
     */
    private Cond checkBase(PackScope scope, YamlDocument doc, String quotaPath, String subjectType,
        SubjectTypeDoc type, ChecklistDoc.QuotaDoc quota) {
      if (quota.base() == null) {
        return null;
      }
      String path = YamlDocument.child(quotaPath, "base");
      needsFormat2(scope, doc, path, "a quota's base condition");
      if (quota.base().where() == null || type == null) {
        return null;
      }
      String wherePath = YamlDocument.child(path, "where");
      Cond where = new ConditionParser(scope, doc, issues).parseForSubjects(quota.base().where(), wherePath,
          Set.of(subjectType));
      if (where != null && hasAggregate(where)) {
        issues.error(doc, wherePath, "field.constraint", "a quota's base condition reads the member's own"
            + " attributes and indicators, but this one counts events or members", "move the aggregate into a rule"
            + " and test an indicator or attribute here");
        return null;
      }
      return where;
    }

    private static boolean hasAggregate(Cond cond) {
      if (cond instanceof Cond.All all) {
        return all.operands().stream().anyMatch(PackReader::hasAggregate);
      }
      if (cond instanceof Cond.Any any) {
        return any.operands().stream().anyMatch(PackReader::hasAggregate);
      }
      if (cond instanceof Cond.Not not) {
        return hasAggregate(not.operand());
      }
      return cond instanceof Cond.Aggregate;
    }

    private void unknownBand(YamlDocument doc, String path, String band, Set<String> bands) {
      issues.error(doc, path, "ref.unknown-band", "unknown band '" + Binder.shorten(band) + "'",
          Hints.unknown(band, bands, "bands"));
    }

    private static List<ChecklistDoc.QuotaDoc> sortedQuotas(ChecklistDoc list) {
      List<String> bandOrder = list.bands().stream().map(ChecklistDoc.BandDoc::id).toList();
      return list.quotas().stream()
          .sorted(java.util.Comparator.comparingInt(q -> bandOrder.indexOf(q.band())))
          .toList();
    }

    private void checkDescending(YamlDocument doc, String path, List<BigDecimal> mins) {
      for (int i = 1; i < mins.size(); i++) {
        if (mins.get(i) != null && mins.get(i - 1) != null && mins.get(i).compareTo(mins.get(i - 1)) >= 0) {
          issues.error(doc, YamlDocument.child(YamlDocument.element(path, i), "min"), "field.constraint",
              "bands are listed best first, so min " + mins.get(i) + " must be below the previous band's "
                  + mins.get(i - 1), null);
        }
      }
    }
  }
}
