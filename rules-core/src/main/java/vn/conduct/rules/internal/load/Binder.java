package vn.conduct.rules.internal.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import vn.conduct.rules.internal.yaml.YamlDocument;

/**
 * Binds parsed YAML trees to the pack model with Jackson and validates them with Jakarta
 * Validation, reporting every problem with its path instead of stopping at the first.
 *
 * <p>Messages are interpolated by {@link ParameterMessageInterpolator}: no Expression Language
 * ever sees pack text.
 */
public final class Binder {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .disable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
      .build();

  private static final ValidatorFactory VALIDATORS = Validation.byDefaultProvider()
      .configure()
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory();

  private Binder() { }

  /**
   * A bound document: the value, complete or partial, and the paths where binding or validation
   * found an error (a field whose value could not be read is {@code null} in the value).
   *
   * @param value the bound value; fields with errors are {@code null} (or their defaults)
   * @param errorPaths the field paths with errors, sorted; empty if the document is valid
   */
  public record Bound<T>(T value, java.util.NavigableSet<String> errorPaths) {

    /** Whether the document had no binding or validation error. */
    public boolean valid() {
      return errorPaths.isEmpty();
    }

    /** Whether a path, or anything below it, had an error. */
    public boolean hasErrorAt(String path) {
      return hasErrorAt(errorPaths, path);
    }

    static boolean hasErrorAt(java.util.NavigableSet<String> paths, String path) {
      if (path.isEmpty()) {
        return !paths.isEmpty();
      }
      return paths.contains(path)
          || !paths.subSet(path + ".", path + "/").isEmpty()     // '/' follows '.'
          || !paths.subSet(path + "[", path + "\\").isEmpty();  // '\\' follows '['
    }
  }

  /**
   * Binds and validates one document, reporting every problem. Returns the value even when some
   * fields had errors, so that checks which do not need those fields still run; empty only when
   * nothing could be bound (the file is not a mapping, or binding failed as a whole).
   */
  public static <T> Optional<Bound<T>> bind(YamlDocument document, Class<T> type, Issues issues) {
    if (!document.root().isObject()) {
      issues.error(document, "", "bind.type", "the file must hold a mapping, but "
          + (document.root().isMissingNode() ? "is empty" : "holds " + document.root().getNodeType()
              .toString().toLowerCase(Locale.ROOT)), null);
      return Optional.empty();
    }
    java.util.NavigableSet<String> boundErrors = new java.util.TreeSet<>();
    Collector collector = new Collector(document, issues, boundErrors);
    T value;
    try {
      value = MAPPER.reader().withHandler(collector).forType(type).readValue(document.root());
    } catch (JsonMappingException e) {
      String path = path(e.getPath());
      if (boundErrors.add(path)) {
        issues.error(document, path, "bind.type", cleanMessage(e.getOriginalMessage()), null);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      issues.error(document, "", "bind.type", cleanMessage(e.getMessage()), null);
      return Optional.empty();
    }
    if (value == null) {
      return Optional.empty();
    }
    java.util.NavigableSet<String> errors = new java.util.TreeSet<>(boundErrors);
    Validator validator = VALIDATORS.getValidator();
    for (ConstraintViolation<T> violation : validator.validate(value)) {
      String path = path(violation.getPropertyPath(), violation.getRootBeanClass());
      if (Bound.hasErrorAt(boundErrors, path) || under(boundErrors, path)) {
        continue;
      }
      errors.add(path);
      boolean onKey = onMapKey(violation.getPropertyPath());
      Object invalid = violation.getInvalidValue();
      String shown = onKey || invalid == null || invalid instanceof java.util.Collection<?>
          || invalid instanceof java.util.Map<?, ?> || invalid instanceof Record
          ? "" : " but was '" + shorten(String.valueOf(invalid)) + "'";
      int[] mark = onKey ? document.locateKey(path) : document.locate(path);
      issues.error(document.file(), mark[0], mark[1], path, "field.constraint",
          (onKey ? "key '" + shorten(String.valueOf(invalid)) + "' " : "") + violation.getMessage() + shown, null);
    }
    return Optional.of(new Bound<>(value, java.util.Collections.unmodifiableNavigableSet(errors)));
  }

  /** Whether a violation is about a mapping's key (an id declared as a key) rather than a value. */
  private static boolean onMapKey(Path propertyPath) {
    Path.Node leaf = null;
    for (Path.Node node : propertyPath) {
      leaf = node;
    }
    return leaf != null && "<map key>".equals(leaf.getName());
  }

  /** Whether a path lies under one that already had a binding error. */
  private static boolean under(java.util.NavigableSet<String> paths, String path) {
    for (String prefix = YamlDocument.parent(path); !prefix.isEmpty(); prefix = YamlDocument.parent(prefix)) {
      if (paths.contains(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Long values are shown by their start and length, so one message stays readable. */
  static String shorten(String text) {
    return Hints.shorten(text);
  }

  /** Converts a Jakarta property path to a YAML field path (property names in kebab case). */
  static String path(Path propertyPath) {
    return path(propertyPath, Object.class);
  }

  /**
   * Converts a Jakarta property path on a bound value of type {@code root} to a YAML field path: each
   * property as the file writes it — the name its {@code @JsonProperty} gives ({@code extends},
   * {@code default}), else its name in kebab case.
   */
  static String path(Path propertyPath, Class<?> root) {
    String text = "";
    java.lang.reflect.Type current = root;
    for (Path.Node node : propertyPath) {
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          text = YamlDocument.element(text, node.getIndex());
        } else if (node.getKey() != null) {
          text = YamlDocument.child(text, String.valueOf(node.getKey()));
        }
        current = elementType(current);
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        java.lang.reflect.Field field = field(current, name);
        com.fasterxml.jackson.annotation.JsonProperty property = field == null ? null
            : field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        text = YamlDocument.child(text, property != null && !property.value().isEmpty() ? property.value() : kebab(name));
        current = field == null ? Object.class : field.getGenericType();
      }
    }
    return text;
  }

  private static java.lang.reflect.Field field(java.lang.reflect.Type type, String name) {
    Class<?> raw = type instanceof Class<?> c ? c
        : type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    if (raw == null) {
      return null;
    }
    try {
      return raw.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** The type of a container's elements: a list's, a map's values; {@code Object} if unknown. */
  private static java.lang.reflect.Type elementType(java.lang.reflect.Type container) {
    if (container instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      java.lang.reflect.Type[] args = p.getActualTypeArguments();
      if (java.util.Map.class.isAssignableFrom(raw) && args.length == 2) {
        return args[1];
      }
      if (Iterable.class.isAssignableFrom(raw) && args.length == 1) {
        return args[0];
      }
    }
    return Object.class;
  }

  static String path(java.util.List<JsonMappingException.Reference> references) {
    String text = "";
    for (JsonMappingException.Reference reference : references) {
      if (reference.getIndex() >= 0) {
        text = YamlDocument.element(text, reference.getIndex());
      } else if (reference.getFieldName() != null) {
        text = YamlDocument.child(text, reference.getFieldName());
      }
    }
    return text;
  }

  static String path(JsonStreamContext context) {
    java.util.Deque<JsonStreamContext> chain = new java.util.ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    String text = "";
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        text = YamlDocument.element(text, Math.max(0, c.getCurrentIndex()));
      } else if (c.getCurrentName() != null) {
        text = YamlDocument.child(text, c.getCurrentName());
      }
    }
    return text;
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String cleanMessage(String message) {
    if (message == null) {
      return "cannot be read";
    }
    String first = message.split("\n")[0];
    return first.replaceAll(" \\(class [^)]*\\)", "")
        .replaceAll("`vn\\.conduct\\.rules\\.[a-zA-Z.]*\\.([A-Za-z]+)`", "$1")
        .replaceAll("`java\\.[a-z.]*\\.([A-Za-z]+)`", "$1");
  }

  /** Records binding problems and keeps going, so one run reports them all. */
  private static final class Collector extends DeserializationProblemHandler {
    private final YamlDocument document;
    private final Issues issues;
    private final java.util.NavigableSet<String> boundErrors;
    private boolean failed;

    Collector(YamlDocument document, Issues issues, java.util.NavigableSet<String> boundErrors) {
      this.document = document;
      this.issues = issues;
      this.boundErrors = boundErrors;
    }

    private void report(String path, String code, String message, String hint) {
      failed = true;
      if (boundErrors.add(path)) {
        int[] mark = code.equals("bind.unknown-field") ? document.locateKey(path) : document.locate(path);
        issues.error(document.file(), mark[0], mark[1], path, code, message, hint);
      }
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
      // at a mapping or list value the parser is already inside it: its parent names the field
      JsonToken token = p.currentToken();
      String path = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
          ? path(p.getParsingContext().getParent())
          : YamlDocument.child(path(p.getParsingContext().getParent()), propertyName);
      java.util.List<String> known = new java.util.ArrayList<>();
      deserializer.getKnownPropertyNames().forEach(n -> known.add(String.valueOf(n)));
      report(path, "bind.unknown-field", "unknown field '" + shorten(propertyName) + "'",
          Hints.unknown(propertyName, known, "known fields here"));
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
        String valueToConvert, String failureMsg) {
      report(path(ctxt.getParser().getParsingContext()), "bind.type",
          "expected " + describe(targetType) + ", but was '" + shorten(valueToConvert) + "'", hint(targetType));
      return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
        Number valueToConvert, String failureMsg) {
      report(path(ctxt.getParser().getParsingContext()), "bind.type",
          "expected " + describe(targetType) + ", but was " + valueToConvert, hint(targetType));
      return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType,
        JsonToken t, JsonParser p, String failureMsg) throws IOException {
      String found = t == JsonToken.START_OBJECT ? "a mapping"
          : t == JsonToken.START_ARRAY ? "a list" : "'" + shorten(p.getText()) + "'";
      report(path(p.getParsingContext()), "bind.type",
          "expected " + describe(targetType.getRawClass()) + ", but was " + found, hint(targetType.getRawClass()));
      p.skipChildren();
      return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
        ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
      String found = p.currentToken() == JsonToken.START_ARRAY ? "a list" : "'" + shorten(p.getText()) + "'";
      report(path(p.getParsingContext()), "bind.type",
          "expected " + describe(instClass) + ", but was " + found, null);
      p.skipChildren();
      return null;
    }

    private static String describe(Class<?> type) {
      if (type.isEnum()) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
          // as the pack writes it: the constant's @JsonProperty name (half-up, keep-all), else its name
          String name = ((Enum<?>) constant).name();
          try {
            var property = type.getField(name).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            names.add(property != null ? property.value() : name.toLowerCase(Locale.ROOT));
          } catch (NoSuchFieldException e) {
            names.add(name.toLowerCase(Locale.ROOT));
          }
        }
        return "one of " + names;
      }
      if (type == Boolean.class || type == boolean.class) {
        return "true or false";
      }
      if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
        return "a number";
      }
      if (type == java.time.LocalDate.class) {
        return "a date (YYYY-MM-DD)";
      }
      if (type == String.class) {
        return "text";
      }
      if (java.util.Collection.class.isAssignableFrom(type)) {
        return "a list";
      }
      if (type.getSimpleName().equals("DeclaredValues")) {
        return "a list of values or a mapping from each value to {title: …}";
      }
      return "a mapping";
    }

    private static String hint(Class<?> type) {
      if (type == Boolean.class || type == boolean.class) {
        return "YAML 1.1 words such as yes/no/on/off are not booleans here";
      }
      if (type == java.time.LocalDate.class) {
        return "write an ISO date such as 2025-06-30";
      }
      return null;
    }
  }
}
