package com.shopsuite.midimo.it.rest;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /support-threads over HTTP, against the real EAR and the emulator. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupportThreadApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @BeforeEach
  void emptyMidimoChat() {
    Emulator.reset();
  }

  @Test
  void create_answers201_withLocation_andTheThread() {
    Reply reply =
        Storefront.post(
            "/support-threads",
            json("customer_id", "cust_1", "order_id", "order_1", "product_id", "prod_1"));

    assertThat(reply.status()).isEqualTo(201);
    JsonObject thread = reply.json();
    String threadId = thread.getString("thread_id");
    assertThat(reply.header("Location")).hasValue(Storefront.BASE + "/threads/" + threadId);
    assertThat(thread.getString("title")).contains("order_1");
    assertThat(thread.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(thread.getString("creator_id")).isEqualTo("cust_1");
    assertThat(thread.getJsonArray("participants").getValuesAs(jakarta.json.JsonString::getString))
        .contains("cust_1");
    assertThat(thread.getJsonObject("metadata").getString("order_id")).isEqualTo("order_1");
    assertThat(thread.getJsonObject("metadata").getString("product_id")).isEqualTo("prod_1");
  }

  @Test
  void create_again_forTheSameCustomerAndOrder_answers200_withTheSameThread() {
    JsonObject request = json("customer_id", "cust_1", "order_id", "order_1");
    Reply first = Storefront.post("/support-threads", request);

    Reply again = Storefront.post("/support-threads", request);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Location")).isEmpty();
    assertThat(again.json().getString("thread_id")).isEqualTo(first.json().getString("thread_id"));
    assertThat(Emulator.stats().getThreads()).isEqualTo(1);
  }

  @Test
  void create_thenGet_servesTheSameThread() {
    String threadId =
        Storefront.post("/support-threads", json("customer_id", "c2", "order_id", "o2"))
            .json()
            .getString("thread_id");

    Reply thread = Storefront.get("/threads/" + threadId);

    assertThat(thread.status()).isEqualTo(200);
    assertThat(thread.json().getString("thread_id")).isEqualTo(threadId);
  }

  @Test
  void create_byTheStorefront_withoutCustomerId_isA400_namingTheField() {
    Reply reply = Storefront.post("/support-threads", json("order_id", "order_1"));

    JsonObject problem = reply.problem(400, "validation");
    assertThat(problem.getString("detail"))
        .isEqualTo("customer_id: is required when the storefront calls");
    assertThat(Emulator.stats().getThreads()).isZero();
  }

  @Test
  void create_withTooLongAnId_isA400_namingTheField() {
    Reply reply =
        Storefront.post(
            "/support-threads", json("customer_id", "c".repeat(129), "order_id", "order_1"));

    assertThat(reply.problem(400, "validation").getString("detail")).startsWith("customer_id:");
  }

  @Test
  void create_withMalformedJson_isA400Problem() {
    Reply reply = Storefront.post("/support-threads", "{\"customer_id\": \"c1\", ");

    assertThat(reply.problem(400, "validation").getString("detail"))
        .startsWith("request body is not valid JSON");
  }

  @Test
  void create_withoutBody_isA400Problem() {
    Reply reply = Storefront.post("/support-threads", "");

    assertThat(reply.problem(400, "validation").getString("detail")).startsWith("body:");
  }

  @Test
  void create_withJsonOfTheWrongShape_isA400Problem() {
    Reply reply = Storefront.post("/support-threads", "[\"cust_1\", \"order_1\"]");

    reply.problem(400, "validation");
  }
}
