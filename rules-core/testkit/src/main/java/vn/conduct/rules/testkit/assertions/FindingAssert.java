package vn.conduct.rules.testkit.assertions;

import static vn.conduct.rules.testkit.assertions.Render.NL;
import static vn.conduct.rules.testkit.assertions.Render.quote;

import java.util.Objects;
import vn.conduct.rules.api.Basis;
import vn.conduct.rules.api.Citation;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Outcome;
import org.apiguardian.api.API;

/**
 * Assertions on one rule's finding for one subject; get one with {@link
 * SubjectResultAssert#rule(String)}.
 *
 * <p>Every failure message ends with the finding itself: the subject id, the rule id, the actual
 * outcome and the reason in Vietnamese and English, e.g.
 *
 * <pre>
 * Expecting the finding of rule "hn522.badge" for subject "cb-001" to have outcome PASS
 * but it is FAIL
 * Finding of rule "hn522.badge" for subject "cb-001": FAIL
 *   vi: Không đạt: chỉ số 'badge-worn' = false (yêu cầu = true) — 522/QĐ-UBND [đọc từ văn bản]
 *   en: Not met: indicator 'badge-worn' = false (required = true) — 522/QĐ-UBND [read in source]
 * </pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class FindingAssert extends ReportPartAssert<FindingAssert, Finding> {

  private final String subjectId;

  /**
   * Creates an assert on {@code actual}; prefer {@link SubjectResultAssert#rule(String)}.
   *
   * @param subjectId the id of the subject the finding is about, shown in failure messages
   * @param actual the finding, may be {@code null} (every assertion then fails)
   */
  public FindingAssert(String subjectId, Finding actual) {
    super(actual, FindingAssert.class);
    this.subjectId = subjectId;
  }

  /**
   * Verifies the finding's outcome.
   *
   * @param expected the expected outcome
   * @return this assert
   * @throws AssertionError if the outcome differs
   */
  public FindingAssert hasOutcome(Outcome expected) {
    Objects.requireNonNull(expected, "expected outcome must not be null");
    isNotNull();
    if (actual.outcome() != expected) {
      fail(actual.outcome(), expected,
          expecting("to have outcome " + expected) + "but it is " + actual.outcome() + NL + finding());
    }
    return myself;
  }

  /**
   * Verifies that the Vietnamese or the English reason contains the text (case-sensitive).
   *
   * <pre>{@code assertThat(report).subject("cb-001").rule("hn522.badge").hasReasonContaining("thẻ");}</pre>
   *
   * @param text the text to find
   * @return this assert
   * @throws AssertionError if neither reason contains it; the message shows both
   */
  public FindingAssert hasReasonContaining(String text) {
    Objects.requireNonNull(text, "text must not be null");
    isNotNull();
    if (!actual.reason().in(Language.VI).contains(text)
        && !actual.reason().in(Language.EN).contains(text)) {
      fail(expecting("to have a reason containing " + quote(text) + " (in Vietnamese or English)")
          + "but neither reason contains it" + NL + finding());
    }
    return myself;
  }

  /**
   * Verifies that the reason in one language contains the text (case-sensitive). A reason missing
   * in that language falls back to the other one, as {@link
   * vn.conduct.rules.api.LocalizedText#in(Language)} does.
   *
   * @param language the language of the reason to search
   * @param text the text to find
   * @return this assert
   * @throws AssertionError if that reason does not contain it; the message shows both reasons
   */
  public FindingAssert hasReasonContaining(Language language, String text) {
    Objects.requireNonNull(language, "language must not be null");
    Objects.requireNonNull(text, "text must not be null");
    isNotNull();
    if (!actual.reason().in(language).contains(text)) {
      fail(expecting("to have a reason in " + (language == Language.VI ? "Vietnamese" : "English")
          + " containing " + quote(text)) + "but it does not" + NL + finding());
    }
    return myself;
  }

  /**
   * Verifies that the rule cites the document with the given official number.
   *
   * @param number the document's number as the pack's {@code sources} give it, e.g. {@code
   *     522/QĐ-UBND} (not the pack-local source id)
   * @return this assert
   * @throws AssertionError if the rule cites another document; the message shows the citation
   */
  public FindingAssert citesDocument(String number) {
    Objects.requireNonNull(number, "number must not be null");
    isNotNull();
    Citation citation = actual.rule().citation();
    if (!number.equals(citation.documentNumber())) {
      fail(citation.documentNumber(), number,
          expecting("to cite document " + quote(number)) + "but it cites document "
              + quote(citation.documentNumber()) + " (source id " + quote(citation.documentId())
              + ")" + NL + citation() + NL + finding());
    }
    return myself;
  }

  /**
   * Verifies the article the rule cites, exactly as the pack writes it (e.g. {@code Điều 3}).
   *
   * @param article the article
   * @return this assert
   * @throws AssertionError if the rule cites another article or none; the message shows the
   *     citation
   */
  public FindingAssert citesArticle(String article) {
    Objects.requireNonNull(article, "article must not be null");
    isNotNull();
    Citation citation = actual.rule().citation();
    if (!article.equals(citation.article())) {
      fail(citation.article(), article,
          expecting("to cite article " + quote(article)) + "but "
              + (citation.article() == null ? "its citation states no article"
                  : "it cites article " + quote(citation.article()))
              + NL + citation() + NL + finding());
    }
    return myself;
  }

  /**
   * Verifies how firmly the rule rests on its source.
   *
   * @param basis the expected basis
   * @return this assert
   * @throws AssertionError if the citation's basis differs
   */
  public FindingAssert hasBasis(Basis basis) {
    Objects.requireNonNull(basis, "basis must not be null");
    isNotNull();
    Citation citation = actual.rule().citation();
    if (citation.basis() != basis) {
      fail(citation.basis(), basis,
          expecting("to have basis " + basis) + "but its basis is " + citation.basis() + NL
              + citation() + NL + finding());
    }
    return myself;
  }

  private String expecting(String what) {
    return NL + "Expecting the finding of rule " + quote(actual.ruleId()) + " for subject "
        + quote(subjectId) + " " + what + NL;
  }

  private String citation() {
    return "Citation: " + actual.rule().citation().render(Language.EN);
  }

  private String finding() {
    return Render.finding(subjectId, actual);
  }
}
