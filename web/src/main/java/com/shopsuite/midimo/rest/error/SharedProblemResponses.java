package com.shopsuite.midimo.rest.error;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Refers every operation of the OpenAPI document to the problem answers it can give, declared once
 * under {@code components.responses} of {@code META-INF/openapi.yaml}: the answers {@link Problems}
 * gives to any request, and Not Found where the path names a thread or a notification. An answer
 * the document already gives an operation is left as it is. Registered by {@code mp.openapi.filter}
 * (the WAR's microprofile-config.properties); runs once, when the document is built.
 */
public class SharedProblemResponses implements OASFilter {

  /** Status to the name of its response under components.responses, for every operation. */
  static final Map<String, String> EVERY_OPERATION =
      new TreeMap<>(
          Map.of(
              "400", "BadRequest",
              "401", "Unauthorized",
              "403", "Forbidden",
              "500", "InternalError",
              "502", "BadGateway",
              "503", "ServiceUnavailable",
              "504", "GatewayTimeout"));

  /** Added where the path names something that may not exist. */
  static final String NOT_FOUND = "NotFound";

  private static final List<String> RESOURCE_IDS = List.of("{thread_id}", "{notification_id}");

  @Override
  public void filterOpenAPI(OpenAPI document) {
    if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
      return;
    }
    document.getPaths().getPathItems().forEach(SharedProblemResponses::addTo);
  }

  private static void addTo(String path, PathItem item) {
    if (item.getOperations() == null) {
      return;
    }
    boolean namesAResource = RESOURCE_IDS.stream().anyMatch(path::contains);
    for (Operation operation : item.getOperations().values()) {
      APIResponses responses = operation.getResponses();
      if (responses == null) {
        responses = OASFactory.createAPIResponses();
        operation.setResponses(responses);
      }
      for (Map.Entry<String, String> shared : EVERY_OPERATION.entrySet()) {
        refer(responses, shared.getKey(), shared.getValue());
      }
      if (namesAResource) {
        refer(responses, "404", NOT_FOUND);
      }
    }
  }

  private static void refer(APIResponses responses, String status, String name) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
    }
  }
}
