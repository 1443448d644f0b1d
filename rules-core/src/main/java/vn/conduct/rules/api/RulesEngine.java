package vn.conduct.rules.api;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import vn.conduct.rules.internal.engine.EngineBuilder;
import vn.conduct.rules.spi.RulePackProvider;
import vn.conduct.rules.spi.RulePackSource;

/**
 * Loads versioned rule packs once and evaluates facts against them.
 *
 * <p>An engine is immutable and thread-safe: build it once, share it, and call
 * {@link #evaluate(EvaluationRequest)} from any number of threads. Each evaluation uses its own
 * rule-engine sessions, which are always disposed.
 *
 * <pre>{@code
 * RulesEngine engine = RulesEngine.builder()
 *     .addPack(Path.of("packs/hanoi-522"))
 *     .build();
 * Report report = engine.evaluate(EvaluationRequest.builder(LocalDate.of(2025, 6, 30))
 *     .subject(Subject.of("cb-001", "officer").withParent("ubnd-ba-dinh"))
 *     .event(Event.verified("cb-001", "badge-not-worn", LocalDate.of(2025, 6, 12)))
 *     .build());
 * report.subject("cb-001").orElseThrow().findings()
 *     .forEach(f -> System.out.println(f.ruleId() + " " + f.outcome() + " " + f.reason().in(Locale.ENGLISH)));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RulesEngine {

  /** Starts building an engine. */
  static Builder builder() {
    return new EngineBuilder();
  }

  /**
   * Validates the pack in a directory without building an engine: every problem, sorted, errors
   * and warnings. An empty list means the pack is valid.
   */
  static List<ValidationIssue> check(Path packDirectory) {
    return EngineBuilder.check(RulePackSource.directory(packDirectory), List.of());
  }

  /**
   * Validates the pack in a directory with other packs loaded beside it, as an overlay needs the pack
   * it extends (rule-pack-format.md, section 16): every problem of the checked pack, sorted. The other
   * packs are only read; their own problems are not reported (check them on their own).
   *
   * @since 0.3
   */
  static List<ValidationIssue> check(Path packDirectory, List<Path> alongside) {
    return EngineBuilder.check(RulePackSource.directory(packDirectory),
        alongside.stream().map(RulePackSource::directory).toList());
  }

  /**
   * Validates a pack with other packs loaded beside it, from any sources (folders, jars, a provider's
   * class-path packs), as {@link #check(Path, List)} does.
   *
   * @since 0.3
   */
  static List<ValidationIssue> check(RulePackSource pack, List<RulePackSource> alongside) {
    return EngineBuilder.check(pack, List.copyOf(alongside));
  }

  /** The version of this engine (rules-core), e.g. {@code 0.1.0}. */
  String version();

  /** Every loaded pack version, ordered by id then version. */
  List<RulePackInfo> packs();

  /**
   * Every rule of every loaded pack version, disabled ones included, ordered by pack id, pack
   * version, then rule id: for tools that print forms, measure test coverage or probe thresholds.
   */
  List<RuleInfo> rules();

  /** Every checklist of every loaded pack version, ordered by pack id, pack version, then id. */
  List<ChecklistInfo> checklists();

  /**
   * Evaluates the request against the pack versions in force on its date (or pinned by it).
   *
   * @throws RulePackNotFoundException if the request names a pack or pinned version not loaded
   */
  Report evaluate(EvaluationRequest request);

  /**
   * Evaluates the request as {@link #evaluate(EvaluationRequest)} does, telling the listener how far it
   * has come and handing it each subject's result as soon as it is final. A large request (more than
   * 5 000 subjects, fewer with many rules, or 100 000 events and observations) is evaluated in parts of
   * whole unit trees, each taken in and evaluated on its own; the report is the same as in one part
   * (quotas, roll-ups and aggregates over members only look inside a unit; rankings are merged across
   * parts).
   *
   * @throws RulePackNotFoundException if the request names a pack or pinned version not loaded
   * @since 0.3
   */
  Report evaluate(EvaluationRequest request, EvaluationListener listener);

  /**
   * Evaluates facts supplied part by part, for inputs too large to hold at once (a country's civil
   * servants): only one part's facts are in memory at a time. Each part holds whole unit trees (a unit,
   * every subject below it, and their events and observations: input grouped by unit); each subject's
   * final result goes to the listener and is not kept.
   *
   * <p>Within a part, quotas, roll-ups and aggregates over members are exactly those of one evaluation
   * (they only look inside a unit). Rankings span the parts: each part's ranking entries are kept (one
   * small entry per ranked subject) and ranked again at the end, as one evaluation ranks them. A quota
   * that groups by attributes only ({@code group-by} without an ancestor) is applied within each part;
   * give its groups' members in one part. Fact problems are numbered across the stream (the index of a
   * fact counts the facts of its kind in the parts before it).
   *
   * @param parts the parts, each with the decision date, period, packs and pins of the first
   * @return a report without subjects (each went to the listener) holding the provenance, the merged
   *     rankings and every fact problem
   * @throws IllegalArgumentException if there is no part, if a part's date, period, packs or pins differ
   *     from the first's, or if a unit is in two parts
   * @throws RulePackNotFoundException if the parts name a pack or pinned version not loaded
   * @since 0.3
   */
  Report evaluate(java.util.Iterator<EvaluationRequest> parts, EvaluationListener listener);

  /**
   * Evaluates the request and hands each subject's final result to {@code sink} as soon as its part is
   * done (see {@link #evaluate(EvaluationRequest, EvaluationListener)}), without keeping the results:
   * for batches too large to hold in one report. Rankings are not returned.
   *
   * @return the provenance of the evaluation
   */
  Provenance evaluate(EvaluationRequest request, Consumer<SubjectResult> sink);

  /**
   * Builds a {@link RulesEngine}. Not thread-safe; each setter may be called once per value.
   */
  interface Builder {

    /** Adds the pack in a directory. */
    Builder addPack(Path directory);

    /** Adds a pack from any source. */
    Builder addPack(RulePackSource source);

    /** Adds every pack a provider supplies; adding the same provider instance twice is a no-op. */
    Builder addProvider(RulePackProvider provider);

    /** Adds every provider found by {@link java.util.ServiceLoader} on the class path. */
    Builder discoverProviders();

    /**
     * Overrides a pack parameter's default.
     *
     * @throws IllegalStateException if the parameter was already set
     */
    Builder parameter(String packId, String parameter, Object value);

    /**
     * Sets how many threads one evaluation may use: a large request (or a stream) is evaluated in parts
     * of whole unit trees, and up to this many parts at once; results, listener calls and reports are the
     * same whatever the number (the listener is called on the caller's thread, in order). The default is
     * the number of processors the JVM may use; 1 evaluates on the caller's thread only.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     * @throws IllegalStateException if it was already set
     * @since 0.3
     */
    Builder parallelism(int threads);

    /**
     * Loads and validates every pack, and plans its rules; the Drools rule base is compiled when the
     * first evaluation needs it, once, so an engine built only to list or describe packs costs no
     * compilation. Every problem in a pack is reported here: a validated pack cannot fail to compile,
     * and if it does, that is an engine bug, raised by the first evaluation as
     * {@link RuleCompilationException}.
     *
     * @throws InvalidRulePackException if any pack has errors (all packs' issues are reported)
     * @throws IncompatibleRulePackException if a pack requires another engine version
     * @throws RulePackConflictException if two packs have the same id and version
     */
    RulesEngine build();

    /**
     * Lists the pack versions added so far from their manifests, without building an engine: for
     * tools that only show which packs there are ({@code conduct packs}). Much cheaper than
     * {@link #build()}, which binds, validates and plans every file of every pack.
     *
     * <p>What is checked: each pack's files are listed and read, as {@code build()} reads them (the
     * digest covers every file, so it equals {@link RulesEngine#packs()}'s); {@code pack.yaml} is
     * parsed safely, with the same YAML limits; the fields listed (format, id, version, title,
     * jurisdiction, engine range, dates in force) are held to the constraints {@code build()}
     * holds them to, and a pack made for another engine version is refused; two packs with the same
     * id and version are refused; a parameter set on this builder must name a listed pack, and for
     * that pack the whole manifest is validated as {@code build()} validates it, so that the
     * parameter's name and type are checked too.
     *
     * <p>What is not checked: the rest of the manifest (sources, vocabulary, parameters, unknown
     * keys) of a pack no parameter is set for; every rule and checklist file, which are counted by
     * their place in the layout ({@code rules/<id>/rule.yaml}, {@code checklists/<id>.yaml}) and not
     * parsed; rule ids across packs. So a listed pack may still fail {@code build()} (and
     * {@link RulesEngine#check(Path)} reports every problem); for a pack {@code build()} accepts,
     * the description returned here equals the built engine's.
     *
     * <p>The builder is not changed and may still be built.
     *
     * @return every pack version, ordered by id then version, as {@link RulesEngine#packs()} orders them
     * @throws InvalidRulePackException if a pack's files cannot be listed or read, or its manifest
     *     fails a check above (every such pack's errors are reported, located by file, line and column)
     * @throws IncompatibleRulePackException if a pack requires another engine version
     * @throws RulePackConflictException if two packs have the same id and version
     * @throws IllegalStateException if a parameter was set for a pack not listed, or names no
     *     parameter of that pack
     * @throws IllegalArgumentException if a parameter's value is not of its declared type
     * @since 0.2
     */
    List<RulePackInfo> describe();
  }
}
