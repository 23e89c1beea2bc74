package com.shopsuite.midimo.rest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopsuite.midimo.chat.ThreadEvent.MessagePosted;
import com.shopsuite.midimo.chat.ThreadEvent.TypingChanged;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventService;
import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ServiceUnavailableException;
import com.shopsuite.midimo.rest.error.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.time.Duration;
import java.time.Instant;
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

  private final FakeSse sse = new FakeSse();
  private final FakeSse.Sink sink = new FakeSse.Sink();
  private final CapturingScheduler scheduler = new CapturingScheduler();
  private final AtomicBoolean streamCancelled = new AtomicBoolean();
  private final AtomicReference<String> subscribedUnder = new AtomicReference<>();
  private final AtomicReference<ThreadEventListener> listener = new AtomicReference<>();
  private final AtomicInteger ends = new AtomicInteger();

  private final ThreadEventService events =
      (threadId, relay) -> {
        subscribedUnder.set(RequestId.current().orElse(null));
        listener.set(relay);
        return () -> streamCancelled.set(true);
      };

  private SseThreadEventRelay relay;

  @BeforeEach
  void openTheStream() {
    relay = new SseThreadEventRelay("th_1", REQUEST_ID, sink, sse, ended -> ends.incrementAndGet());
    relay.start(events, scheduler, Duration.ofSeconds(15));
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void start_writesAtOnce_subscribesUnderTheRequestsId_andSchedulesTheHeartbeat() {
    assertThat(sink.names()).containsExactly(":thread th_1");
    assertThat(subscribedUnder.get()).isEqualTo(REQUEST_ID);
    assertThat(scheduler.period).isEqualTo(TimeUnit.SECONDS.toMillis(15));
  }

  @Test
  void aPostedMessage_isAMessageCreatedEvent_identifiedByTheMessageId() {
    listener.get().onEvent(new MessagePosted("th_1", NOW, ViewsTest.message("msg_7")));

    OutboundSseEvent event = sink.last();
    assertThat(event.getName()).isEqualTo("message_created");
    assertThat(event.getId()).isEqualTo("msg_7");
    assertThat(event.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    assertThat(event.getData()).isEqualTo(MessageView.of(ViewsTest.message("msg_7")));
  }

  @Test
  void aTypingChange_isATypingChangedEvent() {
    listener.get().onEvent(new TypingChanged("th_1", NOW, "agent_7", false, null));

    assertThat(sink.last().getName()).isEqualTo("typing_changed");
    assertThat(sink.last().getData()).isEqualTo(new TypingView("agent_7", false, null));
  }

  @Test
  void theHeartbeat_isAComment() {
    scheduler.beat();

    assertThat(sink.names()).containsExactly(":thread th_1", ":heartbeat");
  }

  @Test
  void aBrowserGoneSilently_noticedByTheHeartbeat_cancelsTheGrpcStream_andTheHeartbeat() {
    sink.browserGone = true;

    scheduler.beat();

    assertThat(streamCancelled).isTrue();
    assertThat(scheduler.future.isCancelled()).isTrue();
    assertThat(sink.closed).isTrue();
    assertThat(ends).hasValue(1);
  }

  @Test
  void aClosedSink_cancelsTheGrpcStream_atTheNextHeartbeat() {
    sink.closed = true;

    scheduler.beat();

    assertThat(streamCancelled).isTrue();
    assertThat(scheduler.future.isCancelled()).isTrue();
  }

  @Test
  void aFailedStream_endsWithAnErrorEventCarryingAProblem_thenCloses() {
    listener.get().onError(new ServiceUnavailableException("down", null));

    OutboundSseEvent event = sink.last();
    assertThat(event.getName()).isEqualTo("stream_error");
    Problem problem = (Problem) event.getData();
    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.requestId()).isEqualTo(REQUEST_ID);
    assertThat(sink.closed).isTrue();
    assertThat(scheduler.future.isCancelled()).isTrue();
  }

  @Test
  void aCompletedStream_endsWithAnEndEvent_thenCloses() {
    listener.get().onCompleted();

    assertThat(sink.last().getName()).isEqualTo("end");
    assertThat(sink.last().getData()).isEqualTo(Map.of("thread_id", "th_1"));
    assertThat(sink.closed).isTrue();
  }

  @Test
  void nothingIsSentAfterTheEnd() {
    listener.get().onCompleted();
    int sent = sink.received.size();

    listener.get().onEvent(new MessagePosted("th_1", NOW, ViewsTest.message("late")));
    scheduler.beat();

    assertThat(sink.received).hasSize(sent);
  }

  @Test
  void endingTwice_endsOnce() {
    relay.end("first");
    relay.end("second");

    assertThat(ends).hasValue(1);
  }

  @Test
  void aSubscriptionThatFailsAtOnce_endsWithAnErrorEvent_withoutAHeartbeat() {
    FakeSse.Sink other = new FakeSse.Sink();
    CapturingScheduler otherScheduler = new CapturingScheduler();
    try {
      new SseThreadEventRelay("th_2", REQUEST_ID, other, sse, ended -> {})
          .start(
              (threadId, l) -> {
                throw new ResourceNotFoundException("thread 'th_2' not found", null);
              },
              otherScheduler,
              Duration.ofSeconds(15));

      assertThat(other.names()).containsExactly(":thread th_2", "stream_error");
      assertThat(((Problem) other.last().getData()).status()).isEqualTo(404);
      assertThat(other.closed).isTrue();
      assertThat(otherScheduler.task).isNull();
    } finally {
      otherScheduler.shutdownNow();
    }
  }

  /** Runs the heartbeat only when the test says so. */
  private static final class CapturingScheduler extends ScheduledThreadPoolExecutor {
    volatile Runnable task;
    volatile long period;
    volatile ScheduledFuture<?> future;

    CapturingScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        Runnable command, long initialDelay, long period, TimeUnit unit) {
      this.task = command;
      this.period = unit.toMillis(period);
      this.future = schedule(() -> {}, 1, TimeUnit.HOURS);
      return future;
    }

    void beat() {
      task.run();
    }
  }
}
