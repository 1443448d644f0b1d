package vn.conduct.rules.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What the packs of an evaluation mark as personal data (rule-pack-format.md, section 5, format 2):
 * subject types whose subjects are people (their ids and names are personal), and attributes that
 * identify a person. Exported reports pseudonymise them ({@code vn.conduct.rules.io.Pseudonyms}); the
 * in-memory report keeps the real values for the host.
 *
 * <p>Immutable.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class PersonalData {

  /** Nothing marked personal. */
  public static final PersonalData NONE = new PersonalData(Set.of(), Map.of());

  private final Set<String> subjectTypes;
  private final Map<String, Set<String>> attributes;

  private PersonalData(Set<String> subjectTypes, Map<String, Set<String>> attributes) {
    this.subjectTypes = java.util.Collections.unmodifiableSet(new TreeSet<>(subjectTypes));
    Map<String, Set<String>> copy = new TreeMap<>();
    attributes.forEach((type, names) -> {
      if (!names.isEmpty()) {
        copy.put(type, java.util.Collections.unmodifiableSet(new TreeSet<>(names)));
      }
    });
    this.attributes = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Creates a description; for the engine and for tests.
   *
   * @param subjectTypes the subject types whose subjects are people
   * @param attributes by subject type, the attributes marked personal
   */
  public static PersonalData of(Set<String> subjectTypes, Map<String, Set<String>> attributes) {
    return new PersonalData(Objects.requireNonNull(subjectTypes, "subjectTypes"),
        Objects.requireNonNull(attributes, "attributes"));
  }

  /** The subject types whose subjects are people, sorted. */
  public Set<String> subjectTypes() {
    return subjectTypes;
  }

  /** By subject type, the attributes marked personal, sorted. */
  public Map<String, Set<String>> attributes() {
    return attributes;
  }

  /** Whether subjects of a type are people. */
  public boolean isPersonal(String subjectType) {
    return subjectTypes.contains(subjectType);
  }

  /** Whether nothing is marked personal. */
  public boolean isEmpty() {
    return subjectTypes.isEmpty() && attributes.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PersonalData that && subjectTypes.equals(that.subjectTypes)
        && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subjectTypes, attributes);
  }

  @Override
  public String toString() {
    return "PersonalData[subjectTypes=" + subjectTypes + ", attributes=" + attributes + "]";
  }
}
