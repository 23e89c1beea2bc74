package com.shopsuite.midimo.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopsuite.midimo.it.Deployments;
import com.shopsuite.midimo.it.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node's caps on live events, made small for the test (a configuration jar in the EAR's lib,
 * above the application's defaults): past one, a new watcher gets a 503 problem with Retry-After
 * before any stream opens, and the node keeps serving those it has.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveEventCapsIT {

  static final int MAX_SUBSCRIBERS = 4;
  static final int MAX_UPSTREAM_STREAMS = 2;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.applicationConfiguredWith(
        "live-caps",
        "midimo.chat.live.max-subscribers=" + MAX_SUBSCRIBERS,
        "midimo.chat.live.max-upstream-streams=" + MAX_UPSTREAM_STREAMS);
  }

  private final List<EventStream> streams = new ArrayList<>();

  @AfterEach
  void closeStreams() {
    streams.forEach(EventStream::close);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Emulator.stats().getStreamSubscribers() == 0);
  }

  private EventStream watch(String threadId) {
    EventStream stream = EventStream.open(threadId);
    streams.add(stream);
    return stream;
  }

  @Test
  void aWatcherPastTheSubscriberCap_isA503WithRetryAfter_andTheOthersKeepTheirStreams() {
    String threadId = Storefront.freshSupportThread();
    for (int i = 0; i < MAX_SUBSCRIBERS; i++) {
      assertThat(watch(threadId).status).isEqualTo(200);
    }

    assertRefusedWithRetryAfter(threadId);
    String posted =
        Storefront.post(
                "/threads/" + threadId + "/messages",
                Storefront.json("user_id", "cust_1", "content", "still live"))
            .json()
            .getString("message_id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(streams)
                    .allSatisfy(
                        stream ->
                            assertThat(stream.named("message_created"))
                                .extracting(EventStream.Event::id)
                                .contains(posted)));
  }

  @Test
  void aThreadPastTheUpstreamStreamCap_isA503WithRetryAfter() {
    Emulator.reset();
    for (int i = 0; i < MAX_UPSTREAM_STREAMS; i++) {
      String threadId =
          Storefront.post(
                  "/support-threads",
                  Storefront.json("customer_id", "cust_cap", "order_id", "order_cap_" + i))
              .json()
              .getString("thread_id");
      assertThat(watch(threadId).status).isEqualTo(200);
    }
    String oneMore =
        Storefront.post(
                "/support-threads",
                Storefront.json("customer_id", "cust_cap", "order_id", "order_cap_more"))
            .json()
            .getString("thread_id");

    assertRefusedWithRetryAfter(oneMore);
    assertThat(Emulator.stats().getStreamSubscribers()).isEqualTo(MAX_UPSTREAM_STREAMS);
  }

  private static void assertRefusedWithRetryAfter(String threadId) {
    Storefront.Reply refused =
        Storefront.send(
            Storefront.request("/threads/" + threadId + "/events")
                .header("Accept", "text/event-stream")
                .GET());
    refused.problem(503, "service-unavailable");
    assertThat(refused.header("Retry-After")).hasValue("5");
  }
}
