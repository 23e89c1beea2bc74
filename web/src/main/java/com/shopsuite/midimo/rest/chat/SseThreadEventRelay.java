package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ThreadEvent;
import com.shopsuite.midimo.chat.ThreadEvent.MessagePosted;
import com.shopsuite.midimo.chat.ThreadEvent.TypingChanged;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventService;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import com.shopsuite.midimo.context.LogText;
import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.rest.error.Problem;
import com.shopsuite.midimo.rest.error.Problems;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays one thread's live events from Midimo Chat's gRPC stream to one browser's Server-Sent
 * Events stream, until either side goes away; then both are closed, so a browser that leaves
 * cancels its gRPC stream.
 *
 * <p>Events arrive on gRPC threads and must not block there: {@link SseEventSink#send} only queues
 * the write. A browser that disconnects silently is noticed only when a write fails, hence the
 * heartbeat comment.
 */
final class SseThreadEventRelay implements ThreadEventListener {

  static final String MESSAGE_CREATED = "message_created";
  static final String TYPING_CHANGED = "typing_changed";
  // Not "error": a browser's EventSource fires its own "error" event on connection trouble.
  static final String ERROR = "stream_error";
  static final String END = "end";

  private static final Logger LOG = Logger.getLogger(SseThreadEventRelay.class.getName());
  private static final CompletionStage<?> NOTHING_SENT = CompletableFuture.completedFuture(null);

  private final String threadId;
  private final String requestId;
  private final SseEventSink sink;
  private final Sse sse;
  private final Consumer<SseThreadEventRelay> onEnd;
  private final AtomicBoolean ended = new AtomicBoolean();

  // Set once each by start(), read by end() from any thread.
  private volatile ThreadEventSubscription subscription;
  private volatile Future<?> heartbeat;

  SseThreadEventRelay(
      String threadId,
      String requestId,
      SseEventSink sink,
      Sse sse,
      Consumer<SseThreadEventRelay> onEnd) {
    this.threadId = threadId;
    this.requestId = requestId;
    this.sink = sink;
    this.sse = sse;
    this.onEnd = onEnd;
  }

  /** Opens the stream to the browser, subscribes to the thread, starts the heartbeat. */
  void start(
      ThreadEventService events, ScheduledExecutorService scheduler, Duration heartbeatInterval) {
    // First write from the request thread: the 200 and its headers (X-Request-Id) go out now, and
    // the browser's EventSource is open before the first event can arrive on a gRPC thread.
    send(sse.newEventBuilder().comment("thread " + threadId).build());
    // The stream is opened under the request's id, which then appears in its gRPC call log line.
    try (RequestId.Scope scope = RequestId.bind(requestId)) {
      subscription = events.subscribe(threadId, this);
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    if (ended.get()) {
      subscription.close();
      return;
    }
    long period = heartbeatInterval.toMillis();
    heartbeat = scheduler.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    if (ended.get()) {
      heartbeat.cancel(false);
    }
  }

  @Override
  public void onEvent(ThreadEvent event) {
    if (event instanceof MessagePosted posted) {
      MessageView message = MessageView.of(posted.message());
      send(
          sse.newEventBuilder()
              .name(MESSAGE_CREATED)
              .id(message.messageId())
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(MessageView.class, message)
              .build());
    } else if (event instanceof TypingChanged typing) {
      send(
          sse.newEventBuilder()
              .name(TYPING_CHANGED)
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(TypingView.class, TypingView.of(typing))
              .build());
    }
  }

  @Override
  public void onError(MidimoChatException failure) {
    fail(failure);
  }

  @Override
  public void onCompleted() {
    sendLast(
        sse.newEventBuilder()
            .name(END)
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(Map.class, Map.of("thread_id", threadId))
            .build(),
        "Midimo Chat ended the stream");
  }

  /** Tells the browser why the stream ends, as a problem (the same body an HTTP error has). */
  private void fail(RuntimeException failure) {
    if (failure instanceof MidimoChatException) {
      // Already in midimo_chat.log, as the stream's call line (also when it is only recycled).
      log(Level.FINE, "event stream of thread " + threadId + " failed: " + failure, null);
    } else {
      log(Level.WARNING, "event stream of thread " + threadId + " failed", failure);
    }
    Problem problem = Problems.answer(failure, requestId).problem();
    sendLast(
        sse.newEventBuilder()
            .name(ERROR)
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(Problem.class, problem)
            .build(),
        "stream failed");
  }

  private void beat() {
    if (sink.isClosed()) {
      end("browser gone");
    } else {
      send(sse.newEventBuilder().comment("heartbeat").build());
    }
  }

  private CompletionStage<?> send(OutboundSseEvent event) {
    if (ended.get()) {
      return NOTHING_SENT;
    }
    try {
      return sink.send(event)
          .whenComplete(
              (sent, failure) -> {
                if (failure != null) {
                  end("write failed (browser gone): " + failure);
                }
              });
    } catch (RuntimeException e) {
      // RESTEasy throws IllegalStateException once the sink is closed.
      end("browser gone: " + e);
      return NOTHING_SENT;
    }
  }

  /** Sends a final event, then ends once it is written (or could not be). */
  private void sendLast(OutboundSseEvent event, String reason) {
    send(event).whenComplete((sent, failure) -> end(reason));
  }

  /** Ends both sides, once: cancels the gRPC stream, stops the heartbeat, closes the sink. */
  void end(String reason) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    ThreadEventSubscription stream = subscription;
    if (stream != null) {
      stream.close();
    }
    Future<?> beating = heartbeat;
    if (beating != null) {
      beating.cancel(false);
    }
    try {
      if (!sink.isClosed()) {
        sink.close();
      }
    } catch (RuntimeException e) {
      log(Level.FINE, "closing the event sink of thread " + LogText.of(threadId) + " failed", e);
    }
    onEnd.accept(this);
    log(
        Level.FINE,
        "event stream of thread " + LogText.of(threadId) + " ended: " + LogText.of(reason),
        null);
  }

  private void log(Level level, String message, Throwable failure) {
    if (LOG.isLoggable(level)) {
      // Logged from gRPC and scheduler threads: bind the id of the request that opened the stream.
      try (RequestId.Scope scope = RequestId.bind(requestId)) {
        LOG.log(level, message + " (request_id=" + requestId + ")", failure);
      }
    }
  }
}
