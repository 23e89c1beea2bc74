package com.shopsuite.midimo.rest.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of the API is in the OpenAPI document (META-INF/openapi.yaml), and the roles the
 * document says may call it are exactly those {@link AccessControl} lets through ({@link
 * RolesAllowed} on the resource): the document cannot promise what the code refuses.
 */
class AccessDocumentationTest {

  private static final String APPLICATION_PATH = "/api/v1";

  private static Map<String, Object> document;

  @BeforeAll
  static void readTheDocument() throws IOException {
    try (InputStream in =
        AccessDocumentationTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      document = new Yaml().load(in);
    }
  }

  @Test
  void everyOperation_isDocumented_withTheRolesThatMayCallIt() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Class<?> resource : resourceClasses()) {
      for (Method method : resource.getDeclaredMethods()) {
        String verb = httpMethod(method);
        if (verb == null) {
          continue;
        }
        String path = APPLICATION_PATH + join(resource.getAnnotation(Path.class), method);
        Map<String, Object> operation = operation(path, verb);
        assertThat(operation).as("%s %s in openapi.yaml", verb, path).isNotNull();
        assertThat(documentedRoles(operation))
            .as("roles of %s %s", verb, path)
            .isEqualTo(new TreeSet<>(List.of(rolesAllowed(resource, method))));
        checked.add(verb + " " + path);
      }
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(12);
  }

  private static String[] rolesAllowed(Class<?> resource, Method method) {
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getAnnotation(RolesAllowed.class);
    }
    assertThat(allowed)
        .as("@RolesAllowed on %s.%s", resource.getSimpleName(), method.getName())
        .isNotNull();
    return allowed.value();
  }

  @SuppressWarnings("unchecked")
  private static Set<String> documentedRoles(Map<String, Object> operation) {
    List<Map<String, List<String>>> security =
        (List<Map<String, List<String>>>)
            operation.getOrDefault("security", document.get("security"));
    return new TreeSet<>(security.get(0).get("bearer"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> operation(String path, String verb) {
    Map<String, Object> item =
        (Map<String, Object>) ((Map<String, Object>) document.get("paths")).get(path);
    return item == null ? null : (Map<String, Object>) item.get(verb.toLowerCase(Locale.ROOT));
  }

  private static String join(Path type, Method method) {
    String base = type == null ? "" : type.value();
    Path own = method.getAnnotation(Path.class);
    return own == null ? base : base + (own.value().startsWith("/") ? "" : "/") + own.value();
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  /** The compiled resource classes of the API: every *Resource under com.shopsuite.midimo.rest. */
  private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
    java.nio.file.Path root =
        Paths.get(AccessControl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("com/shopsuite/midimo/rest"))) {
      return files
          .map(file -> root.relativize(file).toString())
          .filter(name -> name.endsWith("Resource.class"))
          .map(name -> name.replace('/', '.').replace(".class", ""))
          .map(AccessDocumentationTest::load)
          .filter(type -> type.isAnnotationPresent(Path.class))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
