package com.shopsuite.midimo.rest.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopsuite.midimo.chat.ThreadEvent.HistoryGap;
import com.shopsuite.midimo.chat.ThreadEvent.MessagePosted;
import com.shopsuite.midimo.chat.ThreadEvent.ParticipantsAdded;
import com.shopsuite.midimo.chat.ThreadEvent.TypingChanged;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventService;
import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.rest.error.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SseThreadEventRelayTest {

  private static final String REQUEST_ID = "req-sse-1";
  private static final Instant NOW = Instant.parse("2025-01-15T09:30:00Z");
  private static final int BUFFER = 4;
  private static final SseThreadEventRelay.Settings SETTINGS =
      new SseThreadEventRelay.Settings(
          Duration.ofSeconds(2), Duration.ofSeconds(15), BUFFER, Duration.ofMinutes(15));

  private final FakeSse sse = new FakeSse();
  private final FakeSse.Sink sink = new FakeSse.Sink();
  private final CapturingScheduler scheduler = new CapturingScheduler();
  private final AtomicBoolean unsubscribed = new AtomicBoolean();
  private final AtomicReference<String> subscribedUnder = new AtomicReference<>();
  private final AtomicReference<String> lastEventIdGiven = new AtomicReference<>();
  private final AtomicReference<ThreadEventListener> listener = new AtomicReference<>();
  private final AtomicInteger ends = new AtomicInteger();
  private final AtomicInteger slowReaders = new AtomicInteger();
  private final AtomicBoolean aborted = new AtomicBoolean();

  private final ThreadEventService events =
      (threadId, lastEventId, relay) -> {
        subscribedUnder.set(RequestId.current().orElse(null));
        lastEventIdGiven.set(lastEventId);
        listener.set(relay);
        return () -> unsubscribed.set(true);
      };

  private SseThreadEventRelay relay;

  private SseThreadEventRelay relay(FakeSse.Sink to) {
    return new SseThreadEventRelay(
        "th_1",
        REQUEST_ID,
        to,
        sse,
        SETTINGS,
        ended -> ends.incrementAndGet(),
        slowReaders::incrementAndGet,
        () -> aborted.set(true));
  }

  @BeforeEach
  void openTheStream() {
    relay = relay(sink);
    relay.start(events, "msg_3", scheduler);
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private static MessagePosted posted(String id) {
    return new MessagePosted("th_1", NOW, ViewsTest.message(id));
  }

  @Test
  void start_subscribesUnderTheRequestsId_withTheLastEventId_thenWritesTheRetryDelay() {
    assertThat(subscribedUnder.get()).isEqualTo(REQUEST_ID);
    assertThat(lastEventIdGiven.get()).isEqualTo("msg_3");
    assertThat(sink.names()).containsExactly("stream_open");
    assertThat(sink.last().getReconnectDelay()).isEqualTo(2_000);
    assertThat(sink.last().getData()).isEqualTo(Map.of("thread_id", "th_1"));
    assertThat(scheduler.period).isEqualTo(TimeUnit.SECONDS.toMillis(15));
    assertThat(scheduler.delay).isEqualTo(TimeUnit.MINUTES.toMillis(15));
  }

  @Test
  void aSubscriptionRefusedAtACap_isThrownBeforeAnythingIsWritten() {
    FakeSse.Sink other = new FakeSse.Sink();
    SseThreadEventRelay refused = relay(other);

    assertThatThrownBy(
            () ->
                refused.start(
                    (threadId, lastEventId, l) -> {
                      throw new ServiceUnavailableException(
                          "at its most", Duration.ofSeconds(5), null);
                    },
                    null,
                    scheduler))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(other.received).isEmpty();
  }

  @Test
  void aPostedMessage_isAMessageCreatedEvent_identifiedByTheMessageId() {
    listener.get().onEvent(posted("msg_7"));

    OutboundSseEvent event = sink.last();
    assertThat(event.getName()).isEqualTo("message_created");
    assertThat(event.getId()).isEqualTo("msg_7");
    assertThat(event.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    assertThat(event.getData()).isEqualTo(MessageView.of(ViewsTest.message("msg_7")));
  }

  @Test
  void typingParticipantsAndAHistoryGap_haveEventsOfTheirOwn_withoutAnId() {
    listener.get().onEvent(new TypingChanged("th_1", NOW, "agent_7", false, null));
    listener.get().onEvent(new ParticipantsAdded("th_1", NOW, List.of("agent_7")));
    listener.get().onEvent(new HistoryGap("th_1", NOW));

    assertThat(sink.names())
        .containsExactly("stream_open", "typing_changed", "participants_added", "history_gap");
    assertThat(sink.received.get(1).getData()).isEqualTo(new TypingView("agent_7", false, null));
    assertThat(sink.received.get(2).getData()).isEqualTo(Map.of("user_ids", List.of("agent_7")));
    assertThat(sink.received).extracting(OutboundSseEvent::getId).containsOnlyNulls();
  }

  @Test
  void events_areWrittenOneAtATime_inOrder() {
    sink.stalled = true;
    listener.get().onEvent(posted("m1"));
    listener.get().onEvent(posted("m2"));
    listener.get().onEvent(posted("m3"));

    assertThat(sink.names()).containsExactly("stream_open", "message_created");
    assertThat(relay.buffered()).isEqualTo(2);

    sink.stalled = false;
    sink.pending.get(0).complete(null);

    assertThat(sink.received)
        .extracting(OutboundSseEvent::getId)
        .containsExactly(null, "m1", "m2", "m3");
    assertThat(relay.buffered()).isZero();
  }

  @Test
  void aBrowserThatStopsReading_isDisconnected_whenItsBufferIsFull_andHoldsNoMore() {
    sink.stalled = true;
    for (int i = 0; i <= BUFFER + 1; i++) {
      listener.get().onEvent(posted("m" + i));
    }

    assertThat(slowReaders).hasValue(1);
    assertThat(unsubscribed).isTrue();
    assertThat(aborted).as("the connection with a write pending forever is dropped").isTrue();
    assertThat(sink.closed).isTrue();
    assertThat(relay.buffered()).isZero();
    assertThat(ends).hasValue(1);
    int written = sink.received.size();

    listener.get().onEvent(posted("late"));
    assertThat(sink.received).hasSize(written);
  }

  @Test
  void theHeartbeat_isAComment_onlyWhenNothingIsBeingWritten() {
    scheduler.beat();
    assertThat(sink.names()).containsExactly("stream_open", ":heartbeat");

    sink.stalled = true;
    listener.get().onEvent(posted("m1"));
    scheduler.beat();
    assertThat(sink.names()).containsExactly("stream_open", ":heartbeat", "message_created");
  }

  @Test
  void aWriteThatNeverCompletes_endsTheStreamAfterTwoHeartbeats_asASlowReader() {
    SseThreadEventRelay quick =
        new SseThreadEventRelay(
            "th_1",
            REQUEST_ID,
            sink,
            sse,
            new SseThreadEventRelay.Settings(
                Duration.ofSeconds(2), Duration.ofMillis(1), BUFFER, Duration.ofMinutes(15)),
            ended -> ends.incrementAndGet(),
            slowReaders::incrementAndGet,
            () -> aborted.set(true));
    CapturingScheduler own = new CapturingScheduler();
    try {
      sink.stalled = true;
      quick.start(events, null, own);
      // Two heartbeats (2 ms) pass with the first write still in flight.
      long later = System.nanoTime() + 5_000_000;
      while (System.nanoTime() < later) {
        Thread.onSpinWait();
      }

      own.beat();

      assertThat(slowReaders).hasValue(1);
      assertThat(sink.closed).isTrue();
    } finally {
      own.shutdownNow();
    }
  }

  @Test
  void aBrowserGoneSilently_noticedByTheHeartbeat_endsTheSubscriptionAndTheTimers() {
    sink.browserGone = true;

    scheduler.beat();

    assertThat(unsubscribed).isTrue();
    assertThat(scheduler.futures).allMatch(ScheduledFuture::isCancelled);
    assertThat(sink.closed).isTrue();
    assertThat(ends).hasValue(1);
  }

  @Test
  void aFailedSubscription_endsWithAnErrorEventCarryingAProblem_thenCloses() {
    listener.get().onError(new ServiceUnavailableException("down", null));

    OutboundSseEvent event = sink.last();
    assertThat(event.getName()).isEqualTo("stream_error");
    Problem problem = (Problem) event.getData();
    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.requestId()).isEqualTo(REQUEST_ID);
    assertThat(sink.closed).isTrue();
    assertThat(scheduler.futures).allMatch(ScheduledFuture::isCancelled);
  }

  @Test
  void theEndEvent_followsTheEventsStillBuffered() {
    sink.stalled = true;
    listener.get().onEvent(posted("m1"));
    listener.get().onEvent(posted("m2"));
    listener.get().onCompleted();
    sink.stalled = false;
    sink.pending.get(0).complete(null);

    assertThat(sink.names())
        .containsExactly("stream_open", "message_created", "message_created", "end");
    assertThat(sink.last().getData()).isEqualTo(Map.of("thread_id", "th_1"));
    assertThat(sink.closed).isTrue();
  }

  @Test
  void theMaximumDuration_endsTheStream_evenWhenTheBrowserNeverReads() {
    sink.stalled = true;
    listener.get().onEvent(posted("m1"));

    scheduler.expire();
    assertThat(sink.closed).as("the final event waits behind the write in flight").isFalse();

    scheduler.runLatest();

    assertThat(unsubscribed).isTrue();
    assertThat(sink.closed).isTrue();
    assertThat(ends).hasValue(1);
  }

  @Test
  void anEndWithNothingPending_closesTheSink_withoutDroppingTheConnection() {
    relay.end("browser gone");

    assertThat(sink.closed).isTrue();
    assertThat(aborted).isFalse();
  }

  @Test
  void endingTwice_endsOnce() {
    relay.end("first");
    relay.end("second");

    assertThat(ends).hasValue(1);
  }

  /** Runs the heartbeat and the end of the stream only when the test says so. */
  private static final class CapturingScheduler extends ScheduledThreadPoolExecutor {
    volatile Runnable heartbeat;
    final List<Runnable> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile long period;
    volatile long delay;
    final List<ScheduledFuture<?>> futures = new java.util.concurrent.CopyOnWriteArrayList<>();

    CapturingScheduler() {
      super(1);
    }

    /** What the relay hands over to be done now (closing the sink) is done at once. */
    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        Runnable command, long initialDelay, long period, TimeUnit unit) {
      this.heartbeat = command;
      this.period = unit.toMillis(period);
      return placeholder();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      if (scheduled.isEmpty()) {
        this.delay = unit.toMillis(delay);
      }
      scheduled.add(command);
      return placeholder();
    }

    private ScheduledFuture<?> placeholder() {
      ScheduledFuture<?> future = super.schedule(() -> {}, 1, TimeUnit.HOURS);
      futures.add(future);
      return future;
    }

    void beat() {
      heartbeat.run();
    }

    /** The stream's maximum duration is over. */
    void expire() {
      scheduled.get(0).run();
    }

    /** The last thing scheduled runs now. */
    void runLatest() {
      scheduled.get(scheduled.size() - 1).run();
    }
  }
}
