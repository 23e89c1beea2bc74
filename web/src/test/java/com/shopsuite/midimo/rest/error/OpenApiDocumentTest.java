package com.shopsuite.midimo.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document (META-INF/openapi.yaml) and {@link Problems} describe the same answers: each
 * documented problem response's examples carry a type, title and status that Problems produces, and
 * every kind of problem a resource can answer with is documented. So the document cannot drift from
 * the code.
 */
class OpenApiDocumentTest {

  /** JAX-RS answers these before any resource runs; no operation documents them. */
  private static final Set<Problems.Kind> CONTAINER_ONLY =
      Set.of(
          Problems.Kind.METHOD_NOT_ALLOWED,
          Problems.Kind.NOT_ACCEPTABLE,
          Problems.Kind.UNSUPPORTED_MEDIA_TYPE);

  private static Map<String, Object> responses;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readTheDocument() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      Map<String, Object> document = new Yaml().load(in);
      responses =
          (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("responses");
    }
  }

  @Test
  void everyDocumentedProblem_isOneThatProblemsProduces() {
    for (Map.Entry<String, Object> response : responses.entrySet()) {
      List<Map<String, Object>> examples = examplesOf(response.getValue());
      assertThat(examples).as("examples of %s", response.getKey()).isNotEmpty();
      for (Map<String, Object> example : examples) {
        Problems.Kind kind = kindOf((String) example.get("type"));
        assertThat(kind).as("the type of %s: %s", response.getKey(), example).isNotNull();
        assertThat(example.get("status")).as(response.getKey()).isEqualTo(kind.status);
        assertThat(example.get("title")).as(response.getKey()).isEqualTo(kind.title);
        assertThat(example.get("request_id")).as(response.getKey()).isNotNull();
      }
    }
  }

  @Test
  void everyProblemAResourceCanAnswer_isDocumented() {
    Set<String> documented =
        responses.values().stream()
            .flatMap(response -> examplesOf(response).stream())
            .map(example -> (String) example.get("type"))
            .collect(Collectors.toSet());

    for (Problems.Kind kind : Problems.Kind.values()) {
      if (!CONTAINER_ONLY.contains(kind)) {
        assertThat(documented).as("documented problem types").contains(kind.type);
      }
    }
  }

  @Test
  void theSharedResponses_referToResponsesTheDocumentDeclares() {
    assertThat(responses)
        .containsKeys(SharedProblemResponses.EVERY_OPERATION.values().toArray(String[]::new))
        .containsKey(SharedProblemResponses.NOT_FOUND);
  }

  private static Problems.Kind kindOf(String type) {
    return Stream.of(Problems.Kind.values())
        .filter(kind -> kind.type.equals(type))
        .findFirst()
        .orElse(null);
  }

  /** The single example of a problem response, or each of its named examples' values. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> examplesOf(Object response) {
    Map<String, Object> content =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) response).get("content"))
                .get(Problems.PROBLEM_JSON);
    List<Map<String, Object>> examples = new ArrayList<>();
    if (content.get("example") != null) {
      examples.add((Map<String, Object>) content.get("example"));
    }
    if (content.get("examples") != null) {
      for (Object named : ((Map<String, Object>) content.get("examples")).values()) {
        examples.add((Map<String, Object>) ((Map<String, Object>) named).get("value"));
      }
    }
    return examples;
  }
}
