package vn.conduct.rules.testkit.assertions;

import org.assertj.core.api.AbstractAssert;

/**
 * Base of the report asserts: fails with messages built as plain text (never used as a format
 * pattern, so reasons containing {@code %} are shown verbatim) and hands its description on to
 * the asserts it navigates to.
 */
abstract class ReportPartAssert<SELF extends ReportPartAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  ReportPartAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Fails with {@code message}, prefixed by the description if one was set. */
  final void fail(String message) {
    failWithMessage("%s", message);
  }

  /** Fails with {@code message}, stating actual and expected values for IDE diffs. */
  final void fail(Object actualValue, Object expectedValue, String message) {
    failWithActualExpectedAndMessage(actualValue, expectedValue, "%s", message);
  }

  /** Gives {@code child} this assert's description, and returns it. */
  final <A extends AbstractAssert<?, ?>> A navigate(A child) {
    if (info.hasDescription()) {
      child.info.description(info.description());
    }
    return child;
  }
}
