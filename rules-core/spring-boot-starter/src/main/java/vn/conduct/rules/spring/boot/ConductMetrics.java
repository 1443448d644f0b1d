package vn.conduct.rules.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.EvaluationListener;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SubjectResult;

/**
 * Micrometer meters of evaluations. The auto-configured {@code RulesEngine} bean is already instrumented
 * when a {@link MeterRegistry} bean exists, so every {@code evaluate} call through it is measured; an
 * application that defines its own engine bean instruments it with {@link #instrument(RulesEngine)}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #EVALUATIONS}</td><td>timer</td><td>{@code exception} (none, or the exception's simple
 *       class name)</td><td>each {@code evaluate} call</td></tr>
 *   <tr><td>{@value #SUBJECTS}</td><td>counter</td><td></td><td>subjects evaluated</td></tr>
 *   <tr><td>{@value #FINDINGS}</td><td>counter</td><td>{@code outcome}: pass, fail, not_applicable,
 *       unknown, error</td><td>findings by outcome</td></tr>
 * </table>
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class ConductMetrics {

  /** Timer of evaluations. */
  public static final String EVALUATIONS = "conduct.evaluations";
  /** Counter of subjects evaluated. */
  public static final String SUBJECTS = "conduct.subjects";
  /** Counter of findings, tagged by outcome. */
  public static final String FINDINGS = "conduct.findings";

  private final MeterRegistry registry;
  private final Counter subjects;
  private final Map<Outcome, Counter> findings = new EnumMap<>(Outcome.class);

  /** Registers the counters (at zero) in the registry. */
  public ConductMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.subjects = Counter.builder(SUBJECTS).description("Subjects evaluated by the Conduct rules engine")
        .baseUnit("subjects").register(registry);
    for (Outcome outcome : Outcome.values()) {
      findings.put(outcome, Counter.builder(FINDINGS).description("Findings of the Conduct rules engine, by outcome")
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
    }
  }

  /**
   * Wraps an engine so that every evaluation through it is timed and counted; the wrapper answers
   * {@code version}, {@code packs}, {@code rules} and {@code checklists} from the engine unchanged. An
   * engine this instance already wraps is returned as it is.
   */
  public RulesEngine instrument(RulesEngine engine) {
    if (engine instanceof Metered metered && metered.metrics == this) {
      return engine;
    }
    return new Metered(engine, this);
  }

  /** Counts one subject's result: the subject and each of its findings by outcome. */
  public void record(SubjectResult result) {
    subjects.increment();
    for (Finding finding : result.findings()) {
      findings.get(finding.outcome()).increment();
    }
  }

  private <T> T timed(Supplier<T> evaluation) {
    Timer.Sample sample = Timer.start(registry);
    String exception = "none";
    try {
      return evaluation.get();
    } catch (RuntimeException | Error e) {
      exception = e.getClass().getSimpleName();
      throw e;
    } finally {
      sample.stop(Timer.builder(EVALUATIONS).description("Evaluations by the Conduct rules engine")
          .tag("exception", exception).register(registry));
    }
  }

  private EvaluationListener counting(EvaluationListener listener) {
    return new EvaluationListener() {
      @Override
      public void started(Progress progress) {
        listener.started(progress);
      }

      @Override
      public void subjectEvaluated(SubjectResult result) {
        record(result);
        listener.subjectEvaluated(result);
      }

      @Override
      public void progressed(Progress progress) {
        listener.progressed(progress);
      }
    };
  }

  /** The instrumented engine: delegates everything, measuring evaluations. */
  private static final class Metered implements RulesEngine {

    private final RulesEngine engine;
    private final ConductMetrics metrics;

    Metered(RulesEngine engine, ConductMetrics metrics) {
      this.engine = engine;
      this.metrics = metrics;
    }

    @Override
    public String version() {
      return engine.version();
    }

    @Override
    public List<RulePackInfo> packs() {
      return engine.packs();
    }

    @Override
    public List<RuleInfo> rules() {
      return engine.rules();
    }

    @Override
    public List<ChecklistInfo> checklists() {
      return engine.checklists();
    }

    @Override
    public Report evaluate(EvaluationRequest request) {
      Report report = metrics.timed(() -> engine.evaluate(request));
      report.subjects().forEach(metrics::record);
      return report;
    }

    @Override
    public Report evaluate(EvaluationRequest request, EvaluationListener listener) {
      return metrics.timed(() -> engine.evaluate(request, metrics.counting(listener)));
    }

    @Override
    public Report evaluate(Iterator<EvaluationRequest> parts, EvaluationListener listener) {
      return metrics.timed(() -> engine.evaluate(parts, metrics.counting(listener)));
    }

    @Override
    public Provenance evaluate(EvaluationRequest request, Consumer<SubjectResult> sink) {
      return metrics.timed(() -> engine.evaluate(request, result -> {
        metrics.record(result);
        sink.accept(result);
      }));
    }

    @Override
    public String toString() {
      return "metered " + engine;
    }
  }
}
