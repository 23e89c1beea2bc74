package com.midimo.chat.emulator.chat;

import static com.midimo.chat.emulator.GrpcAssertions.assertFails;
import static com.midimo.chat.emulator.chat.EmulatedChatServiceTest.addition;
import static com.midimo.chat.emulator.chat.EmulatedChatServiceTest.message;
import static com.midimo.chat.emulator.chat.EmulatedChatServiceTest.threadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.midimo.chat.emulator.InProcessEmulator;
import com.midimo.chat.emulator.ThreadEventCollector;
import com.midimo.chat.emulator.v1.EndStreamsRequest;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.emulator.v1.ResetRequest;
import com.midimo.chat.v1.Message;
import com.midimo.chat.v1.StreamThreadEventsRequest;
import com.midimo.chat.v1.Thread;
import com.midimo.chat.v1.ThreadEvent;
import com.midimo.chat.v1.ThreadEvent.EventCase;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
  void publish_deliversParticipantsAddedNamingOnlyTheUsersNewToTheThread() {
    ThreadEventCollector events = subscribe(new ThreadEventCollector());

    emulator.chat().addParticipants(addition(thread, "support_1", "agent_2", "agent_3").build());
    emulator.chat().addParticipants(addition(thread, "agent_2", "customer_1").build());
    Message posted = emulator.chat().sendMessage(message(thread, "agent_2", "joined").build());

    // Events come in the order the thread changed: had the second addition published anything,
    // it would sit between these two.
    await().until(() -> events.events().size() == 2);
    ThreadEvent added = events.events().get(0);
    assertThat(added.getThreadId()).isEqualTo(thread.getId());
    assertThat(added.getEventCase()).isEqualTo(EventCase.PARTICIPANTS_ADDED);
    assertThat(added.getParticipantsAdded().getUserIdsList()).containsExactly("agent_2", "agent_3");
    assertThat(events.events().get(1).getMessageCreated()).isEqualTo(posted);
  }

  @Test
  void end_endsOnlyTheStreamsOfTheChosenThreadWithTheGivenStatus() {
    Thread other = emulator.chat().createThread(threadRequest("customer_2").build());
    ThreadEventCollector one = subscribe(new ThreadEventCollector());
    ThreadEventCollector two = subscribe(new ThreadEventCollector());
    ThreadEventCollector elsewhere = subscribe(other, new ThreadEventCollector());

    long ended =
        emulator
            .control()
            .endStreams(
                EndStreamsRequest.newBuilder()
                    .setThreadId(thread.getId())
                    .setStatusCode(Code.INTERNAL.value())
                    .setDescription("node lost")
                    .build())
            .getEnded();

    assertThat(ended).isEqualTo(2);
    await().until(() -> one.status() != null && two.status() != null);
    for (ThreadEventCollector collector : List.of(one, two)) {
      assertThat(collector.status().getCode()).isEqualTo(Code.INTERNAL);
      assertThat(collector.status().getDescription()).isEqualTo("node lost");
    }
    assertThat(subscribersByThread()).containsExactly(entry(other.getId(), 1L));
    Message posted =
        emulator.chat().sendMessage(message(other, "customer_2", "still here").build());
    await().until(() -> elsewhere.events().size() == 1);
    assertThat(elsewhere.events().get(0).getMessageCreated()).isEqualTo(posted);
    assertThat(elsewhere.status()).isNull();
  }

  @Test
  void endAll_throughEndStreamsEndsEveryStreamWithUnavailableAndKeepsTheThreads() {
    Thread other = emulator.chat().createThread(threadRequest("customer_2").build());
    ThreadEventCollector one = subscribe(new ThreadEventCollector());
    ThreadEventCollector two = subscribe(other, new ThreadEventCollector());

    long ended = emulator.control().endStreams(EndStreamsRequest.getDefaultInstance()).getEnded();

    assertThat(ended).isEqualTo(2);
    await().until(() -> one.status() != null && two.status() != null);
    assertThat(one.status().getCode()).isEqualTo(Code.UNAVAILABLE);
    assertThat(one.status().getDescription()).contains("restart injected");
    assertThat(two.status().getCode()).isEqualTo(Code.UNAVAILABLE);
    assertThat(subscribers()).isZero();
    // As after a restart of the real service, a client subscribes again and hears what follows.
    ThreadEventCollector again = subscribe(new ThreadEventCollector());
    Message posted = emulator.chat().sendMessage(message(thread, "customer_1", "back").build());
    await().until(() -> again.events().size() == 1);
    assertThat(again.events().get(0).getMessageCreated()).isEqualTo(posted);
    assertThat(
            emulator
                .control()
                .endStreams(EndStreamsRequest.newBuilder().setThreadId("thr_none").build())
                .getEnded())
        .isZero();
    assertFails(
        () ->
            emulator.control().endStreams(EndStreamsRequest.newBuilder().setStatusCode(17).build()),
        Code.INVALID_ARGUMENT,
        "status_code");
  }

  @Test
  void subscriberCountsByThread_countsOpenStreamsAndLeavesOutThreadsWithoutAny() {
    Thread other = emulator.chat().createThread(threadRequest("customer_2").build());
    emulator.chat().createThread(threadRequest("customer_3").build());
    ThreadEventCollector one = subscribe(new ThreadEventCollector());
    subscribe(new ThreadEventCollector());
    subscribe(other, new ThreadEventCollector());

    assertThat(subscribersByThread())
        .containsOnly(entry(thread.getId(), 2L), entry(other.getId(), 1L));

    one.cancel();

    await()
        .until(() -> subscribersByThread().equals(Map.of(thread.getId(), 1L, other.getId(), 1L)));
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
    return subscribe(thread, collector);
  }

  private ThreadEventCollector subscribe(Thread of, ThreadEventCollector collector) {
    long before = subscribers();
    emulator
        .chatAsync()
        .streamThreadEvents(
            StreamThreadEventsRequest.newBuilder().setThreadId(of.getId()).build(), collector);
    await().atMost(Duration.ofSeconds(5)).until(() -> subscribers() == before + 1);
    return collector;
  }

  private Map<String, Long> subscribersByThread() {
    return emulator
        .control()
        .getStats(GetStatsRequest.getDefaultInstance())
        .getStreamSubscribersByThreadMap();
  }

  private long subscribers() {
    return emulator.control().getStats(GetStatsRequest.getDefaultInstance()).getStreamSubscribers();
  }
}
