package com.shopsuite.midimo.rest.chat;

import com.shopsuite.midimo.chat.ThreadEvent;
import com.shopsuite.midimo.chat.ThreadEvent.HistoryGap;
import com.shopsuite.midimo.chat.ThreadEvent.MessagePosted;
import com.shopsuite.midimo.chat.ThreadEvent.ParticipantsAdded;
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
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays one thread's live events to one browser's Server-Sent Events stream, until either side
 * goes away; then both are closed.
 *
 * <p>One write is in flight at a time; the events behind it wait in a small bounded buffer. A
 * browser that falls that far behind (it stopped reading, or reads slower than the thread talks) is
 * disconnected, so it costs a bounded amount of memory whatever it does: it reconnects with
 * Last-Event-ID and gets what it missed. Events arrive on threads that must not block: nothing here
 * waits for a write. A browser that disconnects silently is noticed when a write fails, hence the
 * heartbeat comment; the stream ends after its maximum duration in any case.
 */
final class SseThreadEventRelay implements ThreadEventListener {

  static final String OPEN = "stream_open";
  static final String MESSAGE_CREATED = "message_created";
  static final String TYPING_CHANGED = "typing_changed";
  static final String PARTICIPANTS_ADDED = "participants_added";
  static final String HISTORY_GAP = "history_gap";
  // Not "error": a browser's EventSource fires its own "error" event on connection trouble.
  static final String ERROR = "stream_error";
  static final String END = "end";

  private static final Logger LOG = Logger.getLogger(SseThreadEventRelay.class.getName());

  /** How the relay is run: the browser's reconnect delay, the heartbeat, the buffer, the end. */
  record Settings(Duration retry, Duration heartbeat, int buffer, Duration maxDuration) {}

  private final String threadId;
  private final String requestId;
  private final SseEventSink sink;
  private final Sse sse;
  private final Settings settings;
  private final Consumer<SseThreadEventRelay> onEnd;
  private final Runnable onSlowReader;
  // Drops the browser's connection at once, whatever is pending on it.
  private final Runnable abort;
  private final AtomicBoolean ended = new AtomicBoolean();

  // Guarded by this.
  private final ArrayDeque<OutboundSseEvent> buffer = new ArrayDeque<>();
  private boolean writing;
  private long writingSince;
  // The final event (end, stream_error), once there is one; nothing is queued after it.
  private volatile OutboundSseEvent last;
  private volatile String lastReason;

  // Set once each by start(), read by end() from any thread.
  private volatile ThreadEventSubscription subscription;
  private volatile List<Future<?>> timers = List.of();
  private volatile ScheduledExecutorService scheduler;

  SseThreadEventRelay(
      String threadId,
      String requestId,
      SseEventSink sink,
      Sse sse,
      Settings settings,
      Consumer<SseThreadEventRelay> onEnd,
      Runnable onSlowReader,
      Runnable abort) {
    this.threadId = threadId;
    this.requestId = requestId;
    this.sink = sink;
    this.sse = sse;
    this.settings = settings;
    this.onEnd = onEnd;
    this.onSlowReader = onSlowReader;
    this.abort = abort;
  }

  /**
   * Subscribes to the thread, then opens the stream to the browser and starts the heartbeat. A
   * subscription refused (a cap of the node reached, an unknown thread) is thrown before anything
   * is written, so the browser gets a plain HTTP problem (503 with Retry-After, 404...).
   *
   * @param lastEventId the browser's Last-Event-ID, or null
   */
  void start(ThreadEventService events, String lastEventId, ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
    // The subscription is made under the request's id, which then appears in its call log lines.
    try (RequestId.Scope scope = RequestId.bind(requestId)) {
      subscription = events.subscribe(threadId, lastEventId, this);
    }
    // The 200 and its headers go out now, with the browser's reconnect delay (an SSE retry: field
    // goes only with an event that has data); events that arrived meanwhile are behind it.
    offer(
        sse.newEventBuilder()
            .name(OPEN)
            .reconnectDelay(settings.retry().toMillis())
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(Map.class, Map.of("thread_id", threadId))
            .build());
    long period = settings.heartbeat().toMillis();
    timers =
        List.of(
            scheduler.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS),
            scheduler.schedule(
                () -> finish("stream recycled", END, Map.of("thread_id", threadId)),
                settings.maxDuration().toMillis(),
                TimeUnit.MILLISECONDS));
    if (ended.get()) {
      timers.forEach(timer -> timer.cancel(false));
    }
  }

  @Override
  public void onEvent(ThreadEvent event) {
    if (event instanceof MessagePosted posted) {
      MessageView message = MessageView.of(posted.message());
      offer(
          sse.newEventBuilder()
              .name(MESSAGE_CREATED)
              .id(message.messageId())
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(MessageView.class, message)
              .build());
    } else if (event instanceof TypingChanged typing) {
      offer(json(TYPING_CHANGED, TypingView.class, TypingView.of(typing)));
    } else if (event instanceof ParticipantsAdded added) {
      offer(json(PARTICIPANTS_ADDED, Map.class, Map.of("user_ids", added.userIds())));
    } else if (event instanceof HistoryGap) {
      offer(json(HISTORY_GAP, Map.class, Map.of("thread_id", threadId)));
    }
  }

  @Override
  public void onError(MidimoChatException failure) {
    log(Level.FINE, "event stream of thread " + LogText.of(threadId) + " failed: " + failure);
    Problem problem = Problems.answer(failure, requestId).problem();
    finish("stream failed", ERROR, problem);
  }

  @Override
  public void onCompleted() {
    finish("Midimo Chat ended the stream", END, Map.of("thread_id", threadId));
  }

  /** Events waiting behind the write in flight. */
  synchronized int buffered() {
    return buffer.size();
  }

  private <T> OutboundSseEvent json(String name, Class<T> type, T data) {
    return sse.newEventBuilder()
        .name(name)
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(type, data)
        .build();
  }

  private void beat() {
    if (sink.isClosed()) {
      end("browser gone");
      return;
    }
    boolean stalled;
    synchronized (this) {
      // A write in flight for two heartbeats: the browser stopped reading (or left without a
      // word, and the write will never fail). Either way, this stream is over.
      stalled = writing && System.nanoTime() - writingSince > 2 * settings.heartbeat().toNanos();
      if (writing && !stalled) {
        return;
      }
    }
    if (stalled) {
      onSlowReader.run();
      end("a write pending for two heartbeats: the browser is not reading");
      return;
    }
    offer(sse.newEventBuilder().comment("heartbeat").build());
  }

  /** Queues an event behind the write in flight; a reader this far behind is disconnected. */
  private void offer(OutboundSseEvent event) {
    boolean slow = false;
    synchronized (this) {
      if (ended.get() || last != null) {
        return;
      }
      if (buffer.size() >= settings.buffer()) {
        slow = true;
      } else {
        buffer.add(event);
        if (writing) {
          return;
        }
        writing = true;
      }
    }
    if (slow) {
      onSlowReader.run();
      end("slow reader: " + settings.buffer() + " events behind");
      return;
    }
    drain();
  }

  /**
   * Writes what is buffered, one write at a time, until the buffer is empty; after the final event,
   * ends the stream.
   */
  private void drain() {
    while (true) {
      OutboundSseEvent next;
      synchronized (this) {
        next = ended.get() ? null : buffer.poll();
        if (next == null) {
          writing = false;
          return;
        }
      }
      boolean isLast = next == last;
      synchronized (this) {
        writingSince = System.nanoTime();
      }
      CompletableFuture<?> written;
      try {
        written = sink.send(next).toCompletableFuture();
      } catch (RuntimeException e) {
        // RESTEasy throws IllegalStateException once the sink is closed.
        end("browser gone: " + e);
        return;
      }
      if (!written.isDone()) {
        written.whenComplete(
            (sent, failure) -> {
              if (failure != null) {
                end("write failed (browser gone): " + failure);
              } else if (isLast) {
                end(lastReason);
              } else {
                drain();
              }
            });
        return;
      }
      if (written.isCompletedExceptionally()) {
        end("write failed (browser gone)");
        return;
      }
      if (isLast) {
        end(lastReason);
        return;
      }
    }
  }

  /**
   * Sends a final event behind what is buffered, then ends once it is written. If it cannot be
   * written within a heartbeat (the browser is not reading), the stream ends all the same.
   */
  private <T> void finish(String reason, String name, T data) {
    @SuppressWarnings("unchecked")
    OutboundSseEvent event = json(name, (Class<T>) data.getClass(), data);
    boolean idle;
    synchronized (this) {
      if (ended.get() || last != null) {
        return;
      }
      lastReason = reason;
      last = event;
      if (buffer.size() >= settings.buffer()) {
        buffer.clear();
      }
      buffer.add(event);
      idle = !writing;
      if (idle) {
        writing = true;
      }
    }
    if (idle) {
      drain();
    } else {
      scheduler.schedule(
          () -> end(reason + ", the browser not reading"),
          settings.heartbeat().toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Ends both sides, once: the subscription, the timers, the browser's stream. */
  void end(String reason) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    ThreadEventSubscription stream = subscription;
    if (stream != null) {
      stream.close();
    }
    timers.forEach(timer -> timer.cancel(false));
    boolean writePending;
    synchronized (this) {
      buffer.clear();
      writePending = writing;
    }
    // Closing the sink waits for what is written to be flushed; with a write the browser will
    // never read, that is forever. Such a connection is dropped instead. Either way not on the
    // caller's thread, which may be one that delivers events.
    Runnable close = () -> closeSink(writePending);
    ScheduledExecutorService closer = scheduler;
    try {
      if (closer == null) {
        close.run();
      } else {
        closer.execute(close);
      }
    } catch (RejectedExecutionException e) {
      close.run();
    }
    onEnd.accept(this);
    log(
        Level.FINE,
        "event stream of thread " + LogText.of(threadId) + " ended: " + LogText.of(reason));
  }

  private void closeSink(boolean writePending) {
    if (writePending) {
      abort.run();
    }
    try {
      if (!sink.isClosed()) {
        sink.close();
      }
    } catch (RuntimeException e) {
      log(Level.FINE, "closing the event sink of thread " + LogText.of(threadId) + " failed: " + e);
    }
  }

  private void log(Level level, String message) {
    if (LOG.isLoggable(level)) {
      // Logged from gRPC and scheduler threads: bind the id of the request that opened the stream.
      try (RequestId.Scope scope = RequestId.bind(requestId)) {
        LOG.log(level, message + " (request_id=" + requestId + ")");
      }
    }
  }
}
