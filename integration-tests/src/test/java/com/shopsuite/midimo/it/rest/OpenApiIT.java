package com.shopsuite.midimo.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated OpenAPI document ({@code /openapi}) describes the whole API as it answers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

  private static final String API = "/chat/api/v1";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  private static JsonObject document;

  @BeforeAll
  static void fetchTheDocument() {
    Reply reply =
        Storefront.send(
            Storefront.requestTo(Storefront.SERVER.resolve("/openapi?format=JSON"))
                .header("Accept", "application/json")
                .GET());
    assertThat(reply.status()).isEqualTo(200);
    document = reply.json();
  }

  @Test
  void listsEveryOperation() {
    JsonObject paths = document.getJsonObject("paths");

    assertThat(paths.keySet())
        .contains(
            API + "/support-threads",
            API + "/threads/{thread_id}",
            API + "/threads/{thread_id}/messages",
            API + "/threads/{thread_id}/order-updates",
            API + "/threads/{thread_id}/typing",
            API + "/threads/{thread_id}/events",
            API + "/presence/{user_id}",
            API + "/agents/availability",
            API + "/users/{user_id}/notifications",
            API + "/users/{user_id}/notifications/{notification_id}/read");
    assertThat(paths.getJsonObject(API + "/threads/{thread_id}/messages").keySet())
        .contains("get", "post");
  }

  @Test
  void namesFieldsAsTheJsonDoes_withExamples() {
    JsonObject thread =
        document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Thread");

    JsonObject properties = thread.getJsonObject("properties");
    assertThat(properties.keySet()).contains("thread_id", "created_at", "participants");
    assertThat(properties.getJsonObject("thread_id").toString()).contains("th_1a2b3c");
  }

  @Test
  void documentsTheProblemAnswers_once_withExamples() {
    JsonObject responses = document.getJsonObject("components").getJsonObject("responses");

    assertThat(responses.keySet())
        .contains(
            "BadRequest",
            "Forbidden",
            "NotFound",
            "Conflict",
            "InternalError",
            "BadGateway",
            "ServiceUnavailable",
            "GatewayTimeout");
    assertThat(responses.getJsonObject("ServiceUnavailable").getJsonObject("headers").keySet())
        .contains("Retry-After");
    JsonObject post =
        document
            .getJsonObject("paths")
            .getJsonObject(API + "/support-threads")
            .getJsonObject("post")
            .getJsonObject("responses");
    assertThat(post.getJsonObject("400").getString("$ref"))
        .isEqualTo("#/components/responses/BadRequest");
    assertThat(post.keySet()).contains("200", "201", "503");
  }

  @Test
  void declaresTheBearerScheme_andWhoMayCallEachOperation() {
    JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
    assertThat(schemes.getJsonObject("bearer").getString("scheme")).isEqualTo("bearer");
    JsonObject orderUpdates =
        document
            .getJsonObject("paths")
            .getJsonObject(API + "/threads/{thread_id}/order-updates")
            .getJsonObject("post");

    assertThat(orderUpdates.getJsonArray("security").getJsonObject(0).getJsonArray("bearer"))
        .extracting(value -> ((jakarta.json.JsonString) value).getString())
        .containsExactly("storefront");
    assertThat(orderUpdates.getJsonObject("responses").getJsonObject("401").getString("$ref"))
        .isEqualTo("#/components/responses/Unauthorized");
    assertThat(orderUpdates.getJsonObject("responses").getJsonObject("403").getString("$ref"))
        .isEqualTo("#/components/responses/Forbidden");
    assertThat(document.getJsonArray("security").getJsonObject(0).getJsonArray("bearer"))
        .hasSize(3);
  }
}
