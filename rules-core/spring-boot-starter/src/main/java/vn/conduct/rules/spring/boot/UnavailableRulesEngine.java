package vn.conduct.rules.spring.boot;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import vn.conduct.rules.api.ChecklistInfo;
import vn.conduct.rules.api.EvaluationListener;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Provenance;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.SubjectResult;

/**
 * The engine bean when building failed and {@code conduct.fail-fast=false}: every call throws, naming the
 * cause, so that the application still starts and its health endpoint reports the problem.
 */
final class UnavailableRulesEngine implements RulesEngine {

  private final RuntimeException cause;

  UnavailableRulesEngine(RuntimeException cause) {
    this.cause = cause;
  }

  RuntimeException cause() {
    return cause;
  }

  private IllegalStateException unavailable() {
    return new IllegalStateException("conduct: the rules engine could not be built: " + cause.getMessage()
        + " (conduct.fail-fast=false kept the application running; fix the pack or property and restart)", cause);
  }

  @Override
  public String version() {
    throw unavailable();
  }

  @Override
  public List<RulePackInfo> packs() {
    throw unavailable();
  }

  @Override
  public List<RuleInfo> rules() {
    throw unavailable();
  }

  @Override
  public List<ChecklistInfo> checklists() {
    throw unavailable();
  }

  @Override
  public Report evaluate(EvaluationRequest request) {
    throw unavailable();
  }

  @Override
  public Report evaluate(EvaluationRequest request, EvaluationListener listener) {
    throw unavailable();
  }

  @Override
  public Report evaluate(Iterator<EvaluationRequest> parts, EvaluationListener listener) {
    throw unavailable();
  }

  @Override
  public Provenance evaluate(EvaluationRequest request, Consumer<SubjectResult> sink) {
    throw unavailable();
  }

  @Override
  public String toString() {
    return "UnavailableRulesEngine[" + cause.getMessage() + "]";
  }
}
