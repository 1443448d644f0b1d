package vn.conduct.rules.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import vn.conduct.rules.api.IncompatibleRulePackException;
import vn.conduct.rules.api.InvalidRulePackException;
import vn.conduct.rules.api.RulePackConflictException;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.internal.compile.Planner;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.load.PackLoader;
import vn.conduct.rules.internal.load.SemVer;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/** Collects pack sources and builds a {@link DefaultRulesEngine}. */
public final class EngineBuilder implements RulesEngine.Builder {

  /** This engine's version, from the build. */
  public static final String VERSION = readVersion();

  private final List<RulePackSource> sources = new ArrayList<>();
  private final Set<RulePackProvider> providers = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
  private int parallelism;
  private final List<String> discoveryProblems = new ArrayList<>();

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = EngineBuilder.class.getResourceAsStream("/vn/conduct/rules/engine.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // fall through to the default
    }
    String version = properties.getProperty("version", "0.0.0");
    return version.startsWith("$") ? "0.0.0" : version;
  }

  /** The version used to check packs' engine ranges: the release this build belongs to. */
  public static SemVer compatibilityVersion() {
    SemVer parsed = SemVer.parse(VERSION.replace("-SNAPSHOT", ""));
    return parsed != null ? new SemVer(parsed.major(), parsed.minor(), parsed.patch(), null) : new SemVer(0, 0, 0, null);
  }

  /** Validates one pack source: every issue, sorted. */
  public static List<ValidationIssue> check(RulePackSource source, List<RulePackSource> alongside) {
    List<LoadedPack> loaded = new ArrayList<>();
    PackLoader.Bases bases = id -> loaded.stream().filter(p -> p.id().equals(id)).toList();
    for (RulePackSource other : inLoadingOrder(alongside)) {
      loaded.addAll(PackLoader.load(other, compatibilityVersion(), bases).packs());
    }
    return PackLoader.load(source, compatibilityVersion(), bases).issues();
  }

  @Override
  public RulesEngine.Builder addPack(Path directory) {
    return addPack(RulePackSource.directory(directory));
  }

  @Override
  public RulesEngine.Builder addPack(RulePackSource source) {
    sources.add(Objects.requireNonNull(source, "source"));
    return this;
  }

  @Override
  public RulesEngine.Builder addProvider(RulePackProvider provider) {
    Objects.requireNonNull(provider, "provider");
    if (providers.add(provider)) {
      String name = provider.getClass().getName();
      try {
        name = "'" + SafeText.line(String.valueOf(provider.id())) + "' (" + provider.getClass().getName() + ")";
        List<RulePackSource> packs = provider.packs();
        if (packs == null) {
          discoveryProblems.add("provider " + name + " returned no pack list");
        } else {
          packs.forEach(pack -> sources.add(Objects.requireNonNull(pack, "a pack source of provider " + provider.getClass().getName())));
        }
      } catch (RuntimeException e) {
        discoveryProblems.add("provider " + name + " failed to list its packs: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + SafeText.line(e.getMessage())));
      }
    }
    return this;
  }

  @Override
  public RulesEngine.Builder discoverProviders() {
    ServiceLoader<RulePackProvider> loader = ServiceLoader.load(RulePackProvider.class);
    var iterator = loader.iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        addProvider(iterator.next());
      } catch (ServiceConfigurationError e) {
        discoveryProblems.add(e.getMessage());
      }
    }
    return this;
  }

  @Override
  public RulesEngine.Builder parameter(String packId, String parameter, Object value) {
    Objects.requireNonNull(value, "value");
    Object previous = parameters.computeIfAbsent(Objects.requireNonNull(packId, "packId"), k -> new LinkedHashMap<>())
        .putIfAbsent(Objects.requireNonNull(parameter, "parameter"), value);
    if (previous != null) {
      throw new IllegalStateException("parameter '" + parameter + "' of pack '" + packId + "' was already set to "
          + previous);
    }
    return this;
  }

  @Override
  public RulesEngine.Builder parallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, but was " + threads
          + " [Hint: 1 evaluates on the caller's thread only]");
    }
    if (parallelism != 0) {
      throw new IllegalStateException("parallelism was already set to " + parallelism);
    }
    parallelism = threads;
    return this;
  }

  @Override
  public RulesEngine build() {
    refuseDiscoveryProblems();
    List<LoadedPack> packs = new ArrayList<>();
    Failures failures = new Failures();
    Map<String, LoadedPack> byIdVersion = new LinkedHashMap<>();
    for (RulePackSource source : inLoadingOrder(sources)) {
      PackLoader.Result result = PackLoader.load(source, compatibilityVersion(),
          id -> packs.stream().filter(p -> p.id().equals(id)).toList());
      if (result.pack().isEmpty()) {
        failures.add(source, result.issues(), result.incompatible());
        continue;
      }
      LoadedPack pack = result.pack().get();
      String key = pack.id() + "@" + pack.manifest().version();
      LoadedPack previous = byIdVersion.putIfAbsent(key, pack);
      if (previous != null) {
        throw conflict(pack.id(), pack.manifest().version(), previous.origin(), pack.origin());
      }
      packs.addAll(result.packs());
    }
    failures.throwIfAny();
    Map<String, LoadedPack> ruleOwners = new LinkedHashMap<>();
    for (LoadedPack pack : packs) {
      for (LoadedPack.LoadedRule rule : pack.rules()) {
        LoadedPack owner = ruleOwners.putIfAbsent(rule.doc().id(), pack);
        if (owner != null && !owner.id().equals(pack.id()) && !related(owner, pack)) {
          throw new RulePackConflictException("Rule '" + rule.doc().id() + "' is defined by pack '" + owner.id()
              + "' (" + owner.origin() + "/" + owner.rules().stream().filter(r -> r.doc().id().equals(rule.doc().id()))
                  .findFirst().orElseThrow().file() + ") and by pack '" + pack.id() + "' (" + pack.origin() + "/"
              + rule.file() + ") [Hint: rule ids are unique across packs; prefix them with the pack's code]");
        }
      }
    }
    for (String packId : parameters.keySet()) {
      if (packs.stream().noneMatch(p -> p.id().equals(packId))) {
        throw new IllegalStateException("A parameter was set for pack '" + packId + "', which is not loaded"
            + " [Hint: loaded packs are " + packs.stream().map(LoadedPack::id).distinct().sorted().toList() + "]");
      }
    }
    return DefaultRulesEngine.create(packs, parameters,
        parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism);
  }

  @Override
  public List<RulePackInfo> describe() {
    refuseDiscoveryProblems();
    Failures failures = new Failures();
    Map<String, PackLoader.Described> byIdVersion = new LinkedHashMap<>();
    for (RulePackSource source : sources) {
      PackLoader.Described described = PackLoader.describe(source, compatibilityVersion(), parameters::containsKey);
      if (described.pack().isEmpty()) {
        failures.add(source, described.issues(), described.incompatible());
        continue;
      }
      RulePackInfo pack = described.pack().get();
      PackLoader.Described previous = byIdVersion.putIfAbsent(pack.id() + "@" + pack.version(), described);
      if (previous != null) {
        throw conflict(pack.id(), pack.version(), previous.pack().orElseThrow().origin(), pack.origin());
      }
    }
    failures.throwIfAny();
    List<PackLoader.Described> packs = new ArrayList<>(byIdVersion.values());
    for (var entry : parameters.entrySet()) {
      List<PackLoader.Described> versions = packs.stream()
          .filter(p -> p.pack().orElseThrow().id().equals(entry.getKey())).toList();
      if (versions.isEmpty()) {
        throw new IllegalStateException("A parameter was set for pack '" + entry.getKey() + "', which is not loaded"
            + " [Hint: loaded packs are " + packs.stream().map(p -> p.pack().orElseThrow().id()).distinct()
                .sorted().toList() + "]");
      }
      versions.forEach(p -> Planner.parameters(p.manifest(), p.parameterDefaults(), entry.getValue()));
    }
    return withOverlaysComposed(packs.stream().map(p -> p.pack().orElseThrow()).toList()).stream()
        .sorted(Comparator.comparing(RulePackInfo::id).thenComparing(p -> SemVer.parse(p.version())))
        .toList();
  }

  /**
   * The descriptions with each overlay's rule and checklist counts and digest replaced by those of its
   * composition with its base, as {@link DefaultRulesEngine#packs()} lists them: only the overlays and the
   * packs they extend are loaded (their rules read). An overlay that does not load keeps its manifest's
   * description; building the engine reports why.
   */
  private List<RulePackInfo> withOverlaysComposed(List<RulePackInfo> described) {
    if (described.stream().noneMatch(info -> info.base().isPresent())) {
      return described;
    }
    Set<String> needed = new java.util.HashSet<>();
    described.stream().filter(info -> info.base().isPresent()).forEach(info -> needed.add(info.id()));
    for (boolean grew = true; grew; ) {
      grew = false;
      for (RulePackInfo info : described) {
        if (needed.contains(info.id()) && info.base().isPresent() && needed.add(info.base().get())) {
          grew = true;
        }
      }
    }
    List<LoadedPack> loaded = new ArrayList<>();
    Map<String, LoadedPack> composed = new LinkedHashMap<>();
    for (RulePackSource source : inLoadingOrder(sources)) {
      boolean wanted = described.stream().anyMatch(info -> info.origin().equals(source.origin())
          && needed.contains(info.id()));
      if (!wanted) {
        continue;
      }
      PackLoader.Result result = PackLoader.load(source, compatibilityVersion(),
          id -> loaded.stream().filter(p -> p.id().equals(id)).toList());
      loaded.addAll(result.packs());
      // composed with several versions of its base, an overlay is listed as the last composition
      result.packs().stream().filter(LoadedPack::overlay)
          .forEach(pack -> composed.put(pack.id() + "@" + pack.manifest().version(), pack));
    }
    return described.stream().map(info -> {
      LoadedPack pack = composed.get(info.id() + "@" + info.version());
      return pack == null ? info : RulePackInfo.of(info.id(), info.version(), info.title(), info.jurisdiction(),
          info.effectiveFrom(), info.effectiveUntil(), pack.digest(), info.origin(), pack.rules().size(),
          pack.checklists().size()).withParameters(pack.parameterInfos()).withBase(info.base().orElseThrow());
    }).toList();
  }

  /**
   * The sources with every pack that extends another after the packs it may extend: packs that extend
   * none first, then overlays whose base is loaded by then, over as many rounds as the chain is long.
   */
  static List<RulePackSource> inLoadingOrder(List<RulePackSource> sources) {
    Map<RulePackSource, String> bases = new IdentityHashMap<>();
    sources.forEach(source -> bases.put(source, PackLoader.extendsOf(source)));
    if (bases.values().stream().allMatch(Objects::isNull)) {
      return sources;
    }
    List<RulePackSource> ordered = new ArrayList<>();
    List<RulePackSource> pending = new ArrayList<>(sources);
    Set<String> loaded = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      List<RulePackSource> ready = pending.stream()
          .filter(s -> bases.get(s) == null || loaded.contains(bases.get(s))).toList();
      if (ready.isEmpty()) {
        ordered.addAll(pending); // each reports the base it cannot find
        break;
      }
      for (RulePackSource source : ready) {
        ordered.add(source);
        String id = PackLoader.idOf(source);
        if (id != null) {
          loaded.add(id);
        }
      }
      pending.removeAll(ready);
    }
    return ordered;
  }

  /** Whether one pack is built on the other (an overlay holds its base's rules). */
  private static boolean related(LoadedPack a, LoadedPack b) {
    return a.layers().stream().anyMatch(l -> l.packId().equals(b.id()))
        || b.layers().stream().anyMatch(l -> l.packId().equals(a.id()));
  }

  private void refuseDiscoveryProblems() {
    if (!discoveryProblems.isEmpty()) {
      throw new InvalidRulePackException("class path", discoveryProblems.stream()
          .map(p -> new ValidationIssue(ValidationIssue.Level.ERROR, "provider.load", "META-INF/services", 0, 0, "",
              p, "check the provider's class, its no-argument constructor and its packs() method"))
          .toList());
    }
  }

  private static RulePackConflictException conflict(String id, String version, String first, String second) {
    return new RulePackConflictException("Rule pack '" + id + "' version " + version + " is supplied twice: by "
        + first + " and by " + second + " [Hint: remove one of them from the class path or the builder]");
  }

  /** The packs that failed to load or describe, and their errors, each file named under its pack when there are several. */
  private final class Failures {
    private final List<ValidationIssue> errors = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();

    /** Records a failed pack; a pack refused only for its engine range ends the build at once. */
    void add(RulePackSource source, List<ValidationIssue> issues, boolean incompatible) {
      if (incompatible) {
        throw new IncompatibleRulePackException(issues.stream()
            .filter(i -> i.code().equals("pack.engine-incompatible")).findFirst().orElseThrow().message()
            + " (" + PackLoader.origin(source) + ")");
      }
      origins.add(PackLoader.origin(source));
      issues.stream().filter(i -> i.severity() == ValidationIssue.Level.ERROR)
          .map(i -> new ValidationIssue(i.severity(), i.code(),
              sources.size() == 1 ? i.file() : PackLoader.origin(source) + "/" + i.file(),
              i.line(), i.column(), i.path(), i.message(), i.hint()))
          .forEach(errors::add);
    }

    void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new InvalidRulePackException(String.join(", ", origins), errors);
      }
    }
  }
}
