package vn.conduct.rules.internal.score;

import java.util.Map;
import vn.conduct.rules.internal.facts.EvalContext;
import vn.conduct.rules.internal.facts.Layout;
import vn.conduct.rules.internal.facts.SubjectFact;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.model.SubjectTypeDoc;

/**
 * What the scoring steps that need every subject at once (quotas, rankings, roll-ups) may read of an
 * evaluation: its subjects' facts and units, and the pack versions it used. The evaluator provides it.
 */
public interface Judged {

  /** The fact layout of every pack. */
  Layout layout();

  /** The unit a subject belongs to (its parent's id), the same in every judgment; {@code null} if none. */
  String unitOf(String subjectId);

  /** A subject's facts as any judgment took them in, for its type and parent; {@code null} if unknown. */
  SubjectFact structure(String subjectId);

  /** A subject's facts as the judgment of a pack took them in; {@code null} if none. */
  SubjectFact fact(String subjectId, String packId);

  /** The session context (dates, windows) of the judgment that used a pack; {@code null} if none. */
  EvalContext context(String packId);

  /** The checklist of the version of a pack this evaluation used. */
  LoadedPack.LoadedChecklist checklist(String packId, String checklistId);

  /** The subject types of the version of a pack this evaluation used; empty if none. */
  Map<String, SubjectTypeDoc> vocabulary(String packId);
}
