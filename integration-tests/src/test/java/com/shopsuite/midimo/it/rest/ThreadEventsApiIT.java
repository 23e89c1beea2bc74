package com.shopsuite.midimo.it.rest;

import static com.shopsuite.midimo.it.rest.Storefront.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import com.shopsuite.midimo.it.rest.EventStream.Event;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /threads/{id}/events: a browser's live view of a thread, relayed from Midimo Chat's gRPC
 * stream. The server runs with its default heartbeat (midimo.chat.sse.heartbeat, 5 s).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreadEventsApiIT {

  /** A browser that left is noticed by the second heartbeat (5 s each) at the latest. */
  private static final Duration DEADLINE = Duration.ofSeconds(20);

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
  void aMessagePostedByAnotherClient_reachesTheBrowser_asMessageCreated() {
    try (EventStream browser = EventStream.open(threadId)) {
      assertThat(browser.status).isEqualTo(200);
      awaitSubscribers(1);

      String messageId =
          Storefront.post(
                  "/threads/" + threadId + "/messages",
                  json("user_id", "cust_1", "content", "Is anyone there?"))
              .json()
              .getString("message_id");

      await()
          .atMost(DEADLINE)
          .untilAsserted(() -> assertThat(browser.named("message_created")).hasSize(1));
      Event event = browser.named("message_created").get(0);
      assertThat(event.id()).isEqualTo(messageId);
      JsonObject message = parse(event.data());
      assertThat(message.getString("message_id")).isEqualTo(messageId);
      assertThat(message.getString("thread_id")).isEqualTo(threadId);
      assertThat(message.getString("content")).isEqualTo("Is anyone there?");
    }
  }

  @Test
  void typing_reachesTheBrowser_asTypingChanged() {
    try (EventStream browser = EventStream.open(threadId)) {
      awaitSubscribers(1);

      Storefront.put(
          "/threads/" + threadId + "/typing", json("user_id", "cust_1", "is_typing", true));

      await()
          .atMost(DEADLINE)
          .untilAsserted(() -> assertThat(browser.named("typing_changed")).isNotEmpty());
      JsonObject typing = parse(browser.named("typing_changed").get(0).data());
      assertThat(typing.getString("user_id")).isEqualTo("cust_1");
      assertThat(typing.getBoolean("is_typing")).isTrue();
      assertThat(typing.getString("expires_at")).endsWith("Z");
    }
  }

  @Test
  void anIdleStream_getsHeartbeats() {
    try (EventStream browser = EventStream.open(threadId)) {
      await().atMost(DEADLINE).until(() -> browser.comments.contains("heartbeat"));
    }
  }

  @Test
  void aBrowserThatGoesAway_cancelsItsGrpcStream() {
    EventStream browser = EventStream.open(threadId);
    awaitSubscribers(1);

    browser.close();

    // Noticed when a heartbeat write fails, the second after it left at the latest; then the
    // gRPC stream is cancelled.
    awaitSubscribers(0);
  }

  @Test
  void theStream_carriesTheRequestId_inItsHeader_andItsGrpcCall() {
    try (EventStream browser = EventStream.open(threadId, "X-Request-Id", "it-sse-stream")) {
      assertThat(browser.status).isEqualTo(200);
      assertThat(browser.headers.firstValue("X-Request-Id")).hasValue("it-sse-stream");
      awaitSubscribers(1);
    }
    // The call's log line is written when the stream ends: cancelled, once the browser left.
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(Storefront.serverLog("midimo_chat.log"))
                    .contains("rpc=ChatService/StreamThreadEvents request_id=it-sse-stream "));
  }

  @Test
  void anUnknownThread_isA404Problem_beforeAnyEvent() {
    Storefront.Reply reply =
        Storefront.send(
            Storefront.request("/threads/no_such_thread/events")
                .header("Accept", "text/event-stream")
                .GET());

    reply.problem(404, "not-found");
    assertThat(Emulator.stats().getStreamSubscribers()).isZero();
  }

  private static void awaitSubscribers(long count) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(Emulator.stats().getStreamSubscribers()).isEqualTo(count));
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
