package vn.conduct.rules.api;

import org.apiguardian.api.API;

/**
 * Follows an evaluation as it goes: progress by subjects and units, and each subject's result as soon
 * as it is final. Pass one to {@link RulesEngine#evaluate(EvaluationRequest, EvaluationListener)} or
 * {@link RulesEngine#evaluate(java.util.Iterator, EvaluationListener)}.
 *
 * <p>The engine evaluates in parts of whole unit trees (a unit with every subject below it, and their
 * facts), so a subject's result is final when its part is done: quotas and roll-ups only look inside a
 * unit tree. Rankings span every part and are in the report the call returns. Methods are called on the
 * thread that called {@code evaluate}, one at a time, in this order: {@link #started}, then for each part
 * {@link #subjectEvaluated} for each of its subjects (by id) and {@link #progressed}. A listener that
 * throws stops the evaluation; the exception reaches the caller.
 *
 * <pre>{@code
 * Report report = engine.evaluate(request, new EvaluationListener() {
 *   public void progressed(Progress p) {
 *     System.err.printf("%d / %d subjects%n", p.subjectsDone(), p.subjectsTotal());
 *   }
 * });
 * }</pre>
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public interface EvaluationListener {

  /** A listener that does nothing. */
  EvaluationListener NONE = new EvaluationListener() { };

  /** Called once, before any subject is evaluated; totals are {@code -1} when not known (a stream). */
  default void started(Progress progress) {
  }

  /** Called with each subject's final result (quotas and roll-ups applied), as soon as its part is done. */
  default void subjectEvaluated(SubjectResult result) {
  }

  /** Called after each part, with the counts so far. */
  default void progressed(Progress progress) {
  }

  /**
   * How far an evaluation has come.
   *
   * @param subjectsDone subjects evaluated so far
   * @param subjectsTotal subjects in the evaluation, or {@code -1} if not known
   * @param unitsDone unit trees evaluated so far (a tree is a subject with no parent among the facts, and
   *     everything below it; members of a unit that is not among the facts count as that unit's tree)
   * @param unitsTotal unit trees in the evaluation, or {@code -1} if not known
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  record Progress(long subjectsDone, long subjectsTotal, long unitsDone, long unitsTotal) {

    /** Validates the counts. */
    public Progress {
      if (subjectsDone < 0 || unitsDone < 0 || subjectsTotal < -1 || unitsTotal < -1) {
        throw new IllegalArgumentException("progress counts must not be negative: " + subjectsDone + "/"
            + subjectsTotal + " subjects, " + unitsDone + "/" + unitsTotal + " units");
      }
    }
  }
}
