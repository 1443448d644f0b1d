/**
 * AssertJ assertions on evaluation reports: {@link
 * vn.conduct.rules.testkit.assertions.ConductAssertions#assertThat(vn.conduct.rules.api.Report)}
 * and the asserts it leads to, whose failure messages name the subject, the rule, the outcome and
 * the reason in both languages.
 */
package vn.conduct.rules.testkit.assertions;
