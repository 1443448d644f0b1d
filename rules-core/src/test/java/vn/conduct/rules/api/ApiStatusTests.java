package vn.conduct.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The public API says what it promises: every public type of {@code api}, {@code io} and {@code spi}
 * carries an {@link API} status, and no public signature there exposes a Jackson type (hosts choose
 * their own JSON library).
 */
class ApiStatusTests {

  private static final List<String> PACKAGES = List.of("vn/conduct/rules/api", "vn/conduct/rules/io",
      "vn/conduct/rules/spi");

  static List<Class<?>> publicTypes() throws IOException, ClassNotFoundException {
    Path classes = Path.of("target/classes");
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : PACKAGES) {
      try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
          String name = (pkg + "/" + file.getFileName().toString().replace(".class", "")).replace('/', '.');
          if (name.endsWith("package-info")) {
            continue;
          }
          Class<?> type = Class.forName(name, false, ApiStatusTests.class.getClassLoader());
          if (Modifier.isPublic(type.getModifiers()) && (type.getEnclosingClass() == null
              || Modifier.isPublic(type.getEnclosingClass().getModifiers()))) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }

  @Test
  void every_public_type_has_an_api_status() throws Exception {
    List<Class<?>> types = publicTypes();

    assertThat(types).hasSizeGreaterThan(40);
    assertThat(types).filteredOn(t -> t.getEnclosingClass() == null && !t.isAnnotationPresent(API.class))
        .extracting(Class::getName).isEmpty();
  }

  @Test
  void no_public_signature_exposes_a_jackson_type() throws Exception {
    List<String> exposed = new ArrayList<>();
    for (Class<?> type : publicTypes()) {
      for (Method method : type.getDeclaredMethods()) {
        if (!Modifier.isPublic(method.getModifiers())) {
          continue;
        }
        List<Type> signature = new ArrayList<>(List.of(method.getGenericParameterTypes()));
        signature.add(method.getGenericReturnType());
        for (Type t : signature) {
          if (t.getTypeName().contains("com.fasterxml.jackson")) {
            exposed.add(type.getName() + "." + method.getName() + ": " + t.getTypeName());
          }
        }
      }
    }
    assertThat(exposed).isEmpty();
  }
}
