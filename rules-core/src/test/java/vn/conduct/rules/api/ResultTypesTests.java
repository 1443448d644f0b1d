package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A public result type is a promise (STYLE.md §7): the types the engine builds and hosts read are
 * final classes built through static {@code of(…)} factories, never records, whose public canonical
 * constructor would make every added field a breaking change.
 */
class ResultTypesTests {

  /** The result types of the API: what the engine builds and hosts read. */
  static final List<String> RESULT_TYPES = List.of(
      "Report", "SubjectResult", "ChecklistScore", "ItemScore", "ScoreAdjustment", "Ranking", "Ranking$Entry",
      "RollUp", "FactProblem", "RuleInfo", "RuleInfo$Threshold", "ChecklistInfo", "ChecklistInfo$Item",
      "ChecklistInfo$Band", "ChecklistInfo$Credit", "ChecklistInfo$CreditBand", "ChecklistInfo$Rounding",
      "ChecklistInfo$Deduction", "ChecklistInfo$Veto", "ChecklistInfo$Quota", "ChecklistInfo$PeerGroup", "RulePackInfo", "Citation", "RuleRef",
      "Finding", "PackUse", "Provenance", "Waiver");

  @Test
  void no_result_type_is_a_record() throws ClassNotFoundException {
    // GIVEN the result types and every class nested in them
    List<Class<?>> types = resultTypes();
    // WHEN
    List<String> records = types.stream().filter(Class::isRecord).map(Class::getName).toList();
    // THEN
    assertThat(records).as("result types that are records (make them final classes built by of(...))").isEmpty();
  }

  @Test
  void every_result_type_is_a_final_class_without_public_constructors() throws ClassNotFoundException {
    List<String> open = new ArrayList<>();
    for (Class<?> type : resultTypes()) {
      if (type.isEnum() || type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      if (!Modifier.isFinal(type.getModifiers())) {
        open.add(type.getName() + " is not final");
      }
      // Finding predates the factories and keeps its public constructors (they take a reason source).
      if (type != Finding.class && type.getConstructors().length > 0) {
        open.add(type.getName() + " has a public constructor");
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void every_result_type_is_built_by_a_static_factory() throws ReflectiveOperationException {
    List<String> without = new ArrayList<>();
    for (Class<?> type : resultTypes()) {
      if (type.isEnum() || type.isInterface() || type == Finding.class || type == ChecklistInfo.Builder.class
          || type == Waiver.Builder.class) {
        continue;
      }
      if (type == Waiver.class) { // built by Waiver.builder(id, pack)…build(): many optional members
        assertThat(Waiver.class.getMethod("builder", String.class, String.class).getReturnType())
            .isEqualTo(Waiver.Builder.class);
        continue;
      }
      boolean factory = Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals("of")
          && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type);
      if (!factory) {
        without.add(type.getName());
      }
    }
    assertThat(without).as("result types without a public static of(...)").isEmpty();
  }

  @Test
  void every_result_type_says_how_stable_it_is() throws ClassNotFoundException {
    // Finding has no @API status yet: STYLE.md §6 would mark it STABLE, which is not decided here.
    List<String> unmarked = resultTypes().stream().filter(type -> Modifier.isPublic(type.getModifiers()))
        .filter(type -> type != Finding.class)
        .filter(type -> !type.isEnum() && !type.isAnnotationPresent(org.apiguardian.api.API.class))
        .map(Class::getName).toList();
    assertThat(unmarked).isEmpty();
  }

  @Test
  void accessors_keep_the_names_readers_use() {
    // A sample of the record components readers call; renaming one breaks every host that reads it.
    assertThat(methods(Report.class)).contains("provenance", "subjects", "rankings", "factProblems");
    assertThat(methods(ChecklistScore.class)).contains("packId", "checklistId", "title", "score", "maximum",
        "evidencePercent", "rating", "ratingTitle", "rated", "items", "adjustments");
    assertThat(methods(ChecklistInfo.class)).contains("packId", "packVersion", "checklistId", "title",
        "subjectType", "items", "bands");
    assertThat(methods(RulePackInfo.class)).contains("id", "version", "title", "jurisdiction", "effectiveFrom",
        "effectiveUntil", "digest", "origin", "ruleCount", "checklistCount");
  }

  private static List<String> methods(Class<?> type) {
    return Arrays.stream(type.getMethods()).filter(m -> m.getParameterCount() == 0).map(Method::getName).toList();
  }

  private static List<Class<?>> resultTypes() throws ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    for (String name : RESULT_TYPES) {
      Class<?> type = Class.forName(ResultTypesTests.class.getPackageName() + "." + name);
      types.add(type);
      nested(type).forEach(types::add);
    }
    return types.stream().distinct().toList();
  }

  private static Stream<Class<?>> nested(Class<?> type) {
    return Arrays.stream(type.getDeclaredClasses()).flatMap(c -> Stream.concat(Stream.of(c), nested(c)));
  }
}
