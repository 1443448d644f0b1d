package vn.conduct.rules.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SafeText;
import vn.conduct.rules.api.ValidationIssue;
import vn.conduct.rules.io.InvalidFactsException;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/**
 * Runs a pack's fixtures: as JUnit 5 dynamic tests, or directly for tools.
 *
 * <pre>{@code
 * class MyPackTests {
 *   @TestFactory
 *   Stream<DynamicNode> fixtures() {
 *     return PackTests.forPack(Path.of("src/main/resources/rulepacks/my-pack")).dynamicTests();
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #dynamicTests()} yields one test per fixture (named by its path in the pack), one per
 * probed threshold, and a last test, {@code coverage}, that prints the coverage table and fails if
 * a threshold is not met. By default every enabled rule must be covered (100 %) and every cited
 * clause (100 %); rating bands are reported but not required.
 *
 * <p>Instances are immutable; the {@code with…} and {@code require…} methods return new ones. The
 * engine is built once per instance, on first use.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PackTests {

  private final Path pack;
  private final List<Path> otherPacks;
  private final List<RulePackProvider> providers;
  private final double minRules;
  private final double minClauses;
  private final double minBands;
  private final boolean boundaries;
  private final Supplier<RulesEngine> engine;

  private PackTests(Path pack, List<Path> otherPacks, List<RulePackProvider> providers, double minRules,
      double minClauses, double minBands, boolean boundaries) {
    this.pack = pack;
    this.otherPacks = List.copyOf(otherPacks);
    this.providers = List.copyOf(providers);
    this.minRules = minRules;
    this.minClauses = minClauses;
    this.minBands = minBands;
    this.boundaries = boundaries;
    this.engine = memoize(this::buildEngine);
  }

  /** Tests the pack in a directory (its fixtures are read from the same directory). */
  public static PackTests forPack(Path packDirectory) {
    return new PackTests(Objects.requireNonNull(packDirectory, "packDirectory").toAbsolutePath().normalize(),
        List.of(), List.of(), 100, 100, 0, true);
  }

  /** Also loads another pack directory (one the tested pack's fixtures need, e.g. shared vocabulary). */
  public PackTests withPack(Path packDirectory) {
    List<Path> more = new ArrayList<>(otherPacks);
    more.add(packDirectory);
    return new PackTests(pack, more, providers, minRules, minClauses, minBands, boundaries);
  }

  /**
   * Also loads a pack from any source (a jar, a provider's class-path pack), e.g. the pack an overlay
   * extends.
   *
   * @since 0.3
   */
  public PackTests withPack(RulePackSource source) {
    Objects.requireNonNull(source, "source");
    return withProvider(new RulePackProvider() {
      @Override
      public String id() {
        return "with " + source.origin();
      }

      @Override
      public List<RulePackSource> packs() {
        return List.of(source);
      }
    });
  }

  /** Also loads every pack of a provider. */
  public PackTests withProvider(RulePackProvider provider) {
    List<RulePackProvider> more = new ArrayList<>(providers);
    more.add(provider);
    return new PackTests(pack, otherPacks, more, minRules, minClauses, minBands, boundaries);
  }

  /** Requires this percentage of enabled rules to be covered (default 100). */
  public PackTests requireRuleCoverage(double percent) {
    return new PackTests(pack, otherPacks, providers, percent, minClauses, minBands, boundaries);
  }

  /** Requires this percentage of cited clauses to be covered (default 100). */
  public PackTests requireClauseCoverage(double percent) {
    return new PackTests(pack, otherPacks, providers, minRules, percent, minBands, boundaries);
  }

  /** Requires this percentage of checklist rating bands to be reached (default 0). */
  public PackTests requireBandCoverage(double percent) {
    return new PackTests(pack, otherPacks, providers, minRules, minClauses, percent, boundaries);
  }

  /** Does not probe numeric thresholds. */
  public PackTests withoutBoundaryProbes() {
    return new PackTests(pack, otherPacks, providers, minRules, minClauses, minBands, false);
  }

  /** The engine the fixtures run on (built on first use). */
  public RulesEngine engine() {
    return engine.get();
  }

  private RulesEngine buildEngine() {
    RulesEngine.Builder builder = RulesEngine.builder().addPack(pack);
    otherPacks.forEach(builder::addPack);
    providers.forEach(builder::addProvider);
    return builder.build();
  }

  /**
   * The tested pack's rules (every loaded version of it). For an overlay (rule-pack-format.md,
   * section 16), the rules it adds or changes: the base's rules it keeps unchanged are the base's to test.
   */
  public List<RuleInfo> rules() {
    List<String> tested = testedVersions();
    return engine().rules().stream().filter(r -> tested.contains(r.rule().packId() + "@" + r.rule().packVersion()))
        .filter(r -> r.rule().layer().map(layer -> layer.equals(r.rule().packId() + "@" + r.rule().packVersion()))
            .orElse(true))
        .toList();
  }

  private List<ChecklistInfo> checklists() {
    List<String> tested = testedVersions();
    return engine().checklists().stream().filter(c -> tested.contains(c.packId() + "@" + c.packVersion())).toList();
  }

  /** {@code id@version} of the pack versions loaded from the tested directory (not the packs beside it). */
  private List<String> testedVersions() {
    String origin = RulePackSource.directory(pack).origin();
    return engine().packs().stream().filter(p -> p.origin().equals(origin)).map(p -> p.id() + "@" + p.version())
        .toList();
  }

  /** The fixture files of the pack, sorted. */
  public List<Path> fixtureFiles() {
    return Fixtures.find(pack);
  }

  /**
   * Reads and runs one fixture.
   *
   * <p>Before it runs, what the fixture names is checked against the loaded packs (see
   * {@link #checkFixtures()}). An expected outcome of a rule that the version used on the
   * fixture's date lacks fails, naming the version that has it and its dates.
   *
   * @throws vn.conduct.rules.api.RulesException if the fixture or its facts are invalid
   *     ({@link InvalidFixtureException} for a rule, checklist or version that the packs lack)
   */
  public FixtureResult run(Path fixtureFile) {
    Fixtures.Read read = Fixtures.readAll(pack, fixtureFile);
    List<ValidationIssue> issues = problems(read);
    if (!issues.isEmpty()) {
      throw new InvalidFixtureException(read.fixture().name(), issues);
    }
    return FixtureResult.check(read.fixture(), engine().evaluate(requestFor(read.fixture())), engine());
  }

  /** A fixture's own problems and those of what its readable expectations name, sorted. */
  private List<ValidationIssue> problems(Fixtures.Read read) {
    List<ValidationIssue> issues = new ArrayList<>(read.issues());
    issues.addAll(FixtureCheck.references(read.fixture(), engine(), testedIds()));
    return issues.stream().distinct().sorted(ValidationIssue.ORDER).toList();
  }

  /**
   * Checks every fixture of the pack without running it: each file's facts and expectations (as
   * {@link Fixtures#read} does), then what its expectations name: rules and checklists that no
   * loaded pack has (with the nearest ids as a hint), rules that are disabled or do not apply to
   * the subject's type, checklists that do not score it, and a date on which no version of the
   * tested pack is in force (unless the fixture pins a loaded version).
   *
   * <p>Each problem is an error located in its fixture ({@code file:line:col} relative to the pack,
   * field path, code and hint), rendered as pack issues are ({@link ValidationIssue#render()}).
   * Builds the engine.
   *
   * @return every problem, sorted; empty when every fixture can run
   * @since 0.2
   */
  public List<ValidationIssue> checkFixtures() {
    List<ValidationIssue> issues = new ArrayList<>();
    for (Path file : fixtureFiles()) {
      try {
        issues.addAll(problems(Fixtures.readAll(pack, file)));
      } catch (InvalidFactsException e) {
        issues.addAll(e.issues());
      }
    }
    return issues.stream().sorted(ValidationIssue.ORDER).toList();
  }

  /**
   * A warning ({@code lint.untested-rule}) for every enabled rule of the tested pack that no
   * fixture expects an outcome of (the expectations that can be read count, even in a fixture with
   * problems). Builds the engine.
   *
   * @since 0.2
   */
  public List<ValidationIssue> untestedRules() {
    List<Fixture> fixtures = new ArrayList<>();
    for (Path file : fixtureFiles()) {
      try {
        fixtures.add(Fixtures.readAll(pack, file).fixture());
      } catch (InvalidFactsException e) {
        // reported by checkFixtures()
      }
    }
    // a rule an overlay changes lives in its base: its fixtures go in the overlay's tests/ folder
    return FixtureCheck.untested(rules(), fixtures).stream()
        .map(issue -> java.nio.file.Files.exists(pack.resolve(issue.file())) ? issue
            : new ValidationIssue(issue.severity(), issue.code(), "pack.yaml", 0, 0, issue.path(),
                issue.message() + " (a rule of the pack this overlay extends, changed by it)",
                "add tests/<case>.yaml with outcomes for it (fixture-format.md, section 5)"))
        .toList();
  }

  /**
   * A fixture's request as the kit runs it: an overlay is evaluated only when named
   * (rule-pack-format.md, section 16), so a fixture of an overlay that names no packs is run with the
   * overlay named.
   */
  EvaluationRequest requestFor(Fixture fixture) {
    EvaluationRequest request = fixture.request();
    if (!request.packIds().isEmpty()) {
      return request;
    }
    String origin = RulePackSource.directory(pack).origin();
    List<String> overlays = engine().packs().stream()
        .filter(p -> p.origin().equals(origin) && p.base().isPresent()).map(p -> p.id()).distinct().toList();
    if (overlays.isEmpty()) {
      return request;
    }
    EvaluationRequest.Builder named = request.toBuilder();
    overlays.forEach(named::pack);
    return named.build();
  }

  private Set<String> testedIds() {
    Set<String> ids = new LinkedHashSet<>();
    testedVersions().forEach(v -> ids.add(v.substring(0, v.indexOf('@'))));
    return ids;
  }

  /** Measures coverage from fixture results. */
  public Coverage coverage(List<FixtureResult> results) {
    return Coverage.of(rules(), checklists(), results);
  }

  /** What falls short of this instance's thresholds. */
  public List<String> shortfalls(Coverage coverage) {
    return coverage.shortfalls(minRules, minClauses, minBands);
  }

  /**
   * The boundary probes for every enabled rule whose whole condition is a numeric threshold, using
   * the first passing fixture that decided the rule; each entry names the rule and threshold.
   */
  public List<BoundaryCheck> boundaryChecks(List<FixtureResult> results) {
    List<BoundaryCheck> checks = new ArrayList<>();
    for (RuleInfo rule : rules()) {
      if (!rule.enabled()) {
        continue;
      }
      for (RuleInfo.Threshold threshold : rule.thresholds()) {
        if (!threshold.whole()) {
          continue;
        }
        templateFor(rule, results).ifPresent(template -> checks.add(new BoundaryCheck(rule, threshold, template,
            requestFor(template.fixture()))));
      }
    }
    return checks;
  }

  private static Optional<Expectation.RuleOutcome> decided(RuleInfo rule, FixtureResult result) {
    return result.fixture().expectations().stream()
        .filter(e -> e instanceof Expectation.RuleOutcome).map(e -> (Expectation.RuleOutcome) e)
        .filter(o -> o.ruleId().equals(rule.ruleId()) && (o.outcome() == Outcome.PASS || o.outcome() == Outcome.FAIL))
        .findFirst();
  }

  private static Optional<Template> templateFor(RuleInfo rule, List<FixtureResult> results) {
    for (FixtureResult result : results) {
      if (result.passed()) {
        Optional<Expectation.RuleOutcome> decided = decided(rule, result);
        if (decided.isPresent()) {
          return Optional.of(new Template(result.fixture(), decided.get().subjectId()));
        }
      }
    }
    return Optional.empty();
  }

  /** A fixture and the subject in it a probe varies. */
  record Template(Fixture fixture, String subjectId) { }

  /** A threshold to probe, with the fixture it starts from. */
  public static final class BoundaryCheck {
    private final RuleInfo rule;
    private final RuleInfo.Threshold threshold;
    private final Template template;
    private final EvaluationRequest request;

    BoundaryCheck(RuleInfo rule, RuleInfo.Threshold threshold, Template template, EvaluationRequest request) {
      this.request = request;
      this.rule = rule;
      this.threshold = threshold;
      this.template = template;
    }

    /** E.g. {@code hn3814.task-completion: indicator task-completion ge 70 (from rules/…/x.pass.yaml, cb-1)}. */
    public String name() {
      return rule.ruleId() + ": " + threshold.scope() + " " + threshold.field() + " " + threshold.operator() + " "
          + threshold.values().stream().map(v -> v.toPlainString()).collect(Collectors.joining(" and "))
          + " (from " + template.fixture().name() + ", " + template.subjectId() + ")";
    }

    /** Runs the probes. */
    public List<BoundaryProbe.Probe> run(RulesEngine engine) {
      return BoundaryProbe.probe(engine, rule, threshold, request, template.subjectId());
    }
  }

  /**
   * The JUnit 5 dynamic tests: a container {@code fixtures} with one test per fixture, a container
   * {@code boundaries} with one test per probed threshold, and a test {@code coverage}.
   */
  public Stream<DynamicNode> dynamicTests() {
    List<FixtureResult> results = Collections.synchronizedList(new ArrayList<>());
    List<Path> files = fixtureFiles();
    Stream<DynamicNode> fixtureTests = files.stream().map(file -> DynamicTest.dynamicTest(
        pack.relativize(file).toString().replace('\\', '/'), file.toUri(), () -> {
          FixtureResult result = run(file);
          results.add(result);
          if (!result.passed()) {
            throw failure(result);
          }
        }));
    Stream<DynamicNode> boundaryTests = Stream.of(0).flatMap(ignored -> boundaries
        ? boundaryChecks(List.copyOf(results)).stream().map(check -> DynamicTest.dynamicTest(check.name(), () -> {
          List<BoundaryProbe.Probe> probes = check.run(engine());
          if (probes.stream().anyMatch(p -> !p.agrees())) {
            throw new AssertionFailedError(check.name() + ": the outcome does not flip where the threshold says: "
                + probes);
          }
        }))
        : Stream.empty());
    DynamicTest coverageTest = DynamicTest.dynamicTest("coverage", () -> {
      Coverage coverage = coverage(List.copyOf(results));
      System.out.println("\nCoverage of " + pack.getFileName() + " by " + results.size() + " fixtures ("
          + results.stream().filter(FixtureResult::passed).count() + " passed):\n" + coverage.table());
      List<String> shortfalls = shortfalls(coverage);
      if (!shortfalls.isEmpty()) {
        throw new AssertionFailedError(String.join("\n", shortfalls));
      }
    });
    return Stream.of(
        DynamicContainer.dynamicContainer("fixtures", fixtureTests),
        DynamicContainer.dynamicContainer("boundaries", boundaryTests),
        coverageTest);
  }

  /** The assertion error for a failed fixture: every mismatch, expected and actual. */
  static AssertionFailedError failure(FixtureResult result) {
    String message = SafeText.line(result.fixture().name()
        + (result.fixture().description().isEmpty() ? "" : " (" + result.fixture().description().strip() + ")")) + ": "
        + result.mismatches().size() + (result.mismatches().size() == 1 ? " expectation" : " expectations")
        + " not met\n  " + result.mismatches().stream().map(FixtureResult.Mismatch::render)
            .collect(Collectors.joining("\n  "));
    String expected = result.mismatches().stream().map(FixtureResult.Mismatch::expected).collect(Collectors.joining("\n"));
    String actual = result.mismatches().stream().map(FixtureResult.Mismatch::actual).collect(Collectors.joining("\n"));
    return new AssertionFailedError(message, expected, actual);
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  static URI uri(Path file) {
    return file.toUri();
  }
}
