package vn.dalat.conduct;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.conduct.rules.api.Basis;
import vn.conduct.rules.api.EvaluationRequest;
import vn.conduct.rules.api.Event;
import vn.conduct.rules.api.Finding;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.Observation;
import vn.conduct.rules.api.Outcome;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.RuleInfo;
import vn.conduct.rules.api.RulePackInfo;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.api.Subject;
import vn.conduct.rules.api.SubjectResult;
import vn.conduct.rules.io.FactsReader;

/** The provider is found by ServiceLoader, and the pack it supplies evaluates as the code says. */
class DalatRulePackProviderTests {

  private static final RulesEngine ENGINE = RulesEngine.builder().discoverProviders().build();
  private static final LocalDate DECEMBER_END = LocalDate.of(2024, 12, 31);

  @Test
  void should_be_found_by_service_loader() {
    assertThat(ENGINE.packs()).extracting(RulePackInfo::id).contains(DalatRulePackProvider.PACK_ID);
    RulePackInfo pack = ENGINE.packs().stream()
        .filter(p -> p.id().equals(DalatRulePackProvider.PACK_ID)).findFirst().orElseThrow();
    assertThat(pack.version()).isEqualTo("1.1.0");
    assertThat(pack.origin()).contains("rulepacks/dalat-1027");
    assertThat(pack.digest()).hasSize(64);
    assertThat(pack.ruleCount()).isEqualTo(27);
  }

  @Test
  void should_cite_qd_1027_with_the_summary_basis_and_no_article_on_every_rule() {
    assertThat(ENGINE.rules()).extracting(RuleInfo::rule)
        .filteredOn(r -> r.packId().equals(DalatRulePackProvider.PACK_ID))
        .hasSize(27)
        .allSatisfy(rule -> {
          assertThat(rule.ruleId()).startsWith("dl1027.");
          assertThat(rule.citation().documentNumber()).isEqualTo("1027/QĐ-UBND");
          assertThat(rule.citation().basis()).isEqualTo(Basis.SUMMARY);
          assertThat(rule.citation().article()).isNull();
          assertThat(rule.citation().clause()).isNull();
          assertThat(rule.citation().note()).contains("QĐ 1027");
          assertThat(rule.title().in(Language.VI)).isNotBlank().isNotEqualTo(rule.title().in(Language.EN));
        });
  }

  @Test
  void should_fail_a_restaurant_that_insulted_a_customer_and_not_apply_to_lodging() {
    Report report = ENGINE.evaluate(EvaluationRequest.builder(DECEMBER_END)
        .pack(DalatRulePackProvider.PACK_ID)
        .subject(new Subject("quan-an", "business", "Quán ăn", null, Map.of("sector", "restaurant")))
        .subject(new Subject("nha-nghi", "business", "Nhà nghỉ", null, Map.of("sector", "lodging")))
        .event(Event.verified("quan-an", "customer-abused", LocalDate.of(2024, 12, 18)))
        .event(Event.verified("nha-nghi", "customer-abused", LocalDate.of(2024, 12, 18)))
        .observation(Observation.of("quan-an", "listens-to-feedback", true))
        .build());

    SubjectResult restaurant = report.subject("quan-an").orElseThrow();
    Finding abuse = restaurant.finding("dl1027.business.no-abuse").orElseThrow();
    assertThat(abuse.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(abuse.reason().in(Language.VI)).contains("1027/QĐ-UBND");
    assertThat(abuse.reason().in(Language.EN)).contains("1027/QĐ-UBND").contains("customer-abused");
    assertThat(restaurant.finding("dl1027.business.listens-to-feedback").orElseThrow().outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(restaurant.finding("dl1027.business.responsible-for-products").orElseThrow().outcome())
        .as("not assessed: unknown, never a silent pass").isEqualTo(Outcome.UNKNOWN);
    assertThat(restaurant.compliant()).isFalse();

    assertThat(report.subject("nha-nghi").orElseThrow().finding("dl1027.business.no-abuse").orElseThrow().outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  void should_evaluate_the_documented_sample_as_its_comments_say() {
    EvaluationRequest request = new FactsReader().read(Path.of("samples/dalat-sample.yaml"));
    Report report = ENGINE.evaluate(request.toBuilder().pack(DalatRulePackProvider.PACK_ID).build());

    assertThat(report.subject("r-minh").orElseThrow().compliant()).isTrue();
    assertThat(report.subject("r-minh").orElseThrow().count(Outcome.PASS)).isEqualTo(7);
    assertThat(outcome(report, "hh-son", "dl1027.household.exemplary-generations")).isEqualTo(Outcome.FAIL);
    assertThat(report.subject("hh-son").orElseThrow().count(Outcome.PASS)).isEqualTo(4);
    assertThat(outcome(report, "biz-quan-an-3-2", "dl1027.business.no-abuse")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "biz-nha-nghi-hoa-hong", "dl1027.business.no-touting"))
        .isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(report, "t-hoa", "dl1027.tourist.no-flower-picking")).isEqualTo(Outcome.FAIL);
    assertThat(outcome(report, "t-hoa", "dl1027.tourist.no-litter-smoke-spit"))
        .as("the littering report is not verified").isEqualTo(Outcome.PASS);
    assertThat(outcome(report, "t-hoa", "dl1027.obeys-law")).isEqualTo(Outcome.UNKNOWN);
    assertThat(report.factProblems()).isEmpty();
  }

  private static Outcome outcome(Report report, String subject, String rule) {
    return report.subject(subject).orElseThrow().finding(rule).orElseThrow().outcome();
  }
}
