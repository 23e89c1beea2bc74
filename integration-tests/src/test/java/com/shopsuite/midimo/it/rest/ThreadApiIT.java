package com.shopsuite.midimo.it.rest;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.Storefront.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A thread's resources over HTTP: reading, posting (idempotently), paging, typing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreadApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  private String threadId;

  @BeforeEach
  void aSupportThread() {
    threadId = Storefront.freshSupportThread();
  }

  @Test
  void get_anUnknownThread_isA404Problem() {
    Storefront.get("/threads/no_such_thread").problem(404, "not-found");
  }

  @Test
  void post_answers201_withTheMessage() {
    Reply reply =
        Storefront.post(
            messages(),
            json(
                "user_id",
                "cust_1",
                "content",
                "Where is my parcel?",
                "attachment_ids",
                List.of("att_1")));

    assertThat(reply.status()).isEqualTo(201);
    JsonObject message = reply.json();
    assertThat(message.getString("message_id")).isNotBlank();
    assertThat(message.getString("thread_id")).isEqualTo(threadId);
    assertThat(message.getString("user_id")).isEqualTo("cust_1");
    assertThat(message.getString("content")).isEqualTo("Where is my parcel?");
    assertThat(message.getJsonArray("attachment_ids").getValuesAs(JsonString::getString))
        .containsExactly("att_1");
    assertThat(message.getString("created_at")).endsWith("Z");
  }

  @Test
  void post_twiceWithTheSameIdempotencyKey_postsOnce_andAnswersTheFirstMessageAgain() {
    JsonObject body = json("user_id", "cust_1", "content", "only once");

    Reply first = Storefront.post(messages(), body, "Idempotency-Key", "checkout-42.msg:1");
    Reply second = Storefront.post(messages(), body, "Idempotency-Key", "checkout-42.msg:1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(Emulator.stats().getMessages()).isEqualTo(1);
    assertThat(Storefront.get(messages()).json().getJsonArray("messages")).hasSize(1);
  }

  @Test
  void post_withoutIdempotencyKey_postsEachTime() {
    JsonObject body = json("user_id", "cust_1", "content", "twice");

    Storefront.post(messages(), body);
    Storefront.post(messages(), body);

    assertThat(Emulator.stats().getMessages()).isEqualTo(2);
  }

  @Test
  void post_withAnUnacceptableIdempotencyKey_isA400_namingTheHeader() {
    Reply reply =
        Storefront.post(
            messages(),
            json("user_id", "cust_1", "content", "hi"),
            "Idempotency-Key",
            "has spaces and ümlauts");

    assertThat(reply.problem(400, "validation").getString("detail")).startsWith("Idempotency-Key:");
    assertThat(Emulator.stats().getMessages()).isZero();
  }

  @Test
  void post_withTooLongContent_orTooManyAttachments_isA400_namingEachField() {
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("att_" + i);
    }
    Reply reply =
        Storefront.post(
            messages(),
            json("user_id", "cust_1", "content", "x".repeat(4001), "attachment_ids", eleven));

    assertThat(reply.problem(400, "validation").getString("detail"))
        .contains("attachment_ids:", "content:");
  }

  @Test
  void post_byANonParticipant_isA403Problem() {
    Storefront.post(messages(), json("user_id", "stranger", "content", "hi"))
        .problem(403, "forbidden");
  }

  @Test
  void post_toAnUnknownThread_isA404Problem() {
    Storefront.post("/threads/no_such_thread/messages", json("user_id", "cust_1", "content", "hi"))
        .problem(404, "not-found");
  }

  @Test
  void messages_pagedBackwardsWithBeforeId_giveEveryMessageOnce_inOrder() {
    for (int i = 1; i <= 120; i++) {
      assertThat(
              Storefront.post(messages(), json("user_id", "cust_1", "content", "m" + i)).status())
          .isEqualTo(201);
    }

    List<String> read = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String beforeId = null;
    boolean hasMore = true;
    while (hasMore) {
      Reply page =
          Storefront.get(
              messages() + "?limit=50" + (beforeId == null ? "" : "&before_id=" + beforeId));
      assertThat(page.status()).isEqualTo(200);
      JsonObject body = page.json();
      List<String> contents =
          body.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
              .map(message -> message.getString("content"))
              .toList();
      read.addAll(0, contents);
      pageSizes.add(contents.size());
      hasMore = body.getBoolean("has_more");
      beforeId = hasMore ? body.getString("next_before_id") : null;
    }

    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      expected.add("m" + i);
    }
    assertThat(read).containsExactlyElementsOf(expected);
    assertThat(pageSizes).containsExactly(50, 50, 20);
  }

  @Test
  void messages_withALimitOutOfRange_orNotANumber_isA400() {
    assertThat(
            Storefront.get(messages() + "?limit=0").problem(400, "validation").getString("detail"))
        .startsWith("limit:");
    assertThat(
            Storefront.get(messages() + "?limit=201")
                .problem(400, "validation")
                .getString("detail"))
        .startsWith("limit:");
    Storefront.get(messages() + "?limit=fifty").problem(400, "validation");
  }

  @Test
  void orderUpdate_answers201_withARecognisableMessage() {
    Reply reply =
        Storefront.post(
            "/threads/" + threadId + "/order-updates",
            json(
                "order_id",
                "order_1",
                "status",
                "Delivered",
                "message",
                "Your order was delivered successfully!"));

    assertThat(reply.status()).isEqualTo(201);
    JsonObject message = reply.json();
    assertThat(message.getString("content"))
        .contains("order_1", "Delivered", "Your order was delivered successfully!");
    assertThat(message.getJsonObject("metadata").getString("type")).isEqualTo("order_update");
    assertThat(message.getJsonObject("metadata").getString("status")).isEqualTo("Delivered");
  }

  @Test
  void orderUpdate_withoutStatus_isA400_namingTheField() {
    Reply reply =
        Storefront.post("/threads/" + threadId + "/order-updates", json("order_id", "order_1"));

    assertThat(reply.problem(400, "validation").getString("detail"))
        .isEqualTo("status: must not be blank");
  }

  @Test
  void typing_answers204_andReachesMidimoChat() {
    Reply reply = Storefront.put(typing(), json("user_id", "cust_1", "is_typing", true));

    assertThat(reply.status()).isEqualTo(204);
    assertThat(Emulator.calls("PresenceService/UpdateTypingStatus")).isEqualTo(1);
  }

  @Test
  void typing_withoutIsTyping_isA400_namingTheField() {
    Reply reply = Storefront.put(typing(), json("user_id", "cust_1"));

    assertThat(reply.problem(400, "validation").getString("detail"))
        .isEqualTo("is_typing: must not be null");
  }

  private String messages() {
    return "/threads/" + threadId + "/messages";
  }

  private String typing() {
    return "/threads/" + threadId + "/typing";
  }
}
