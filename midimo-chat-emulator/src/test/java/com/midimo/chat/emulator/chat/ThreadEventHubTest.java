package com.midimo.chat.emulator.chat;

import static com.midimo.chat.emulator.chat.EmulatedChatServiceTest.message;
import static com.midimo.chat.emulator.chat.EmulatedChatServiceTest.threadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.emulator.ThreadEventCollector;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.emulator.v1.ResetRequest;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.ThreadEvent;
import io.grpc.Status.Code;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StreamThreadEvents, through a real in-process server and a second client posting. */
class ThreadEventHubTest {
  private static final int BUFFER = 5;

  private InProcessEmulator emulator;
  private Thread thread;

  @BeforeEach
  void startEmulator() {
    emulator = InProcessEmulator.start(config -> config.streamBufferEvents(BUFFER));
    thread =
        emulator
            .chat()
            .createThread(threadRequest("customer_1").addParticipants("support_1").build());
  }

  @AfterEach
  void stopEmulator() throws InterruptedException {
    emulator.close();
  }

  @Test
  void publish_deliversAMessagePostedByAnotherClientAndReplaysNothing() {
    Message before = emulator.chat().sendMessage(message(thread, "customer_1", "before").build());
    ThreadEventCollector events = subscribe(new ThreadEventCollector());

    Message posted = emulator.chat().sendMessage(message(thread, "support_1", "hello").build());

    await().until(() -> !events.events().isEmpty());
    ThreadEvent event = events.events().get(0);
    assertThat(event.getThreadId()).isEqualTo(thread.getId());
    assertThat(event.getMessageCreated()).isEqualTo(posted);
    assertThat(event.getMessageCreated().getId()).isNotEqualTo(before.getId());
  }

  @Test
  void subscribe_cancelByTheClientRemovesTheSubscriber() {
    ThreadEventCollector events = subscribe(new ThreadEventCollector());

    events.cancel();

    await().until(() -> subscribers() == 0);
  }

  @Test
  void subscribe_failsWithNotFoundForAnUnknownThread() {
    ThreadEventCollector events = new ThreadEventCollector();

    emulator
        .chatAsync()
        .streamThreadEvents(
            StreamThreadEventsRequest.newBuilder().setThreadId("thr_nope").build(), events);

    await().until(() -> events.status() != null);
    assertThat(events.status().getCode()).isEqualTo(Code.NOT_FOUND);
    assertThat(subscribers()).isZero();
  }

  @Test
  void publish_endsASubscriberThatFallsTooFarBehindWithResourceExhausted() {
    ThreadEventCollector slow = subscribe(ThreadEventCollector.readingOnly(1));
    ThreadEventCollector fast = subscribe(new ThreadEventCollector());

    int sent = BUFFER + 2;
    for (int i = 0; i < sent; i++) {
      emulator.chat().sendMessage(message(thread, "customer_1", "m" + i).build());
    }

    await().until(() -> slow.status() != null);
    assertThat(slow.status().getCode()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(slow.status().getDescription())
        .contains("fell more than " + BUFFER + " events behind");
    await().until(() -> fast.events().size() == sent);
    assertThat(fast.status()).isNull();
    assertThat(subscribers()).isEqualTo(1);
  }

  @Test
  void endAll_onResetEndsOpenStreamsWithNotFound() {
    ThreadEventCollector events = subscribe(new ThreadEventCollector());

    emulator.control().reset(ResetRequest.getDefaultInstance());

    await().until(() -> events.status() != null);
    assertThat(events.status().getCode()).isEqualTo(Code.NOT_FOUND);
    assertThat(subscribers()).isZero();
  }

  /** Opens a stream on the test's thread and waits until the emulator holds it. */
  private ThreadEventCollector subscribe(ThreadEventCollector collector) {
    long before = subscribers();
    emulator
        .chatAsync()
        .streamThreadEvents(
            StreamThreadEventsRequest.newBuilder().setThreadId(thread.getId()).build(), collector);
    await().atMost(Duration.ofSeconds(5)).until(() -> subscribers() == before + 1);
    return collector;
  }

  private long subscribers() {
    return emulator.control().getStats(GetStatsRequest.getDefaultInstance()).getStreamSubscribers();
  }
}
