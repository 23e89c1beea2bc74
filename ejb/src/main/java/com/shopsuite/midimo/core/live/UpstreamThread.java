package com.shopsuite.midimo.core.live;

import com.shopsuite.midimo.chat.ThreadEvent;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import com.shopsuite.midimo.context.LogText;
import com.shopsuite.midimo.error.AuthorizationException;
import com.shopsuite.midimo.error.MidimoChatException;
import com.shopsuite.midimo.error.ResourceNotFoundException;
import com.shopsuite.midimo.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one stream of a thread's events from Midimo Chat on this node, and its subscribers here.
 * Opened with the first subscriber, closed a short linger after the last. When Midimo Chat ends or
 * breaks it (a restart on its side, the stream's maximum duration, a lost connection), it is opened
 * again with backoff, and what was posted in between is read from the thread's history and
 * delivered before the live events that arrived meanwhile: each subscriber sees every message once,
 * in order.
 */
final class UpstreamThread {

  private static final Logger LOG = Logger.getLogger(UpstreamThread.class.getName());

  /** Message ids remembered to drop one that comes twice (the history's and the stream's). */
  static final int REMEMBERED_IDS = 1_000;

  /** What an upstream thread needs from the node. */
  record Node(
      BiFunction<String, ThreadEventListener, ThreadEventSubscription> opener,
      History.Pages history,
      ScheduledExecutorService scheduler,
      LiveSettings settings,
      LiveMetrics metrics) {}

  private final String threadId;
  private final Node node;
  private final Consumer<UpstreamThread> onClosed;
  private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
  private final RecentIds delivered = new RecentIds(REMEMBERED_IDS);

  // Guarded by this.
  private ThreadEventSubscription upstream;
  private int generation;
  private boolean filling;
  private List<ThreadEvent> pending;
  private String lastMessageId;
  private Instant openedAt;
  private int failures;
  private Future<?> reopening;
  private boolean closed;
  // Whether Midimo Chat has the current stream's subscription in place, and what waits for it.
  private boolean subscribed;
  private Future<?> subscribedAnyway;
  private List<Runnable> whenSubscribed = new ArrayList<>();

  UpstreamThread(String threadId, Node node, Consumer<UpstreamThread> onClosed) {
    this.threadId = threadId;
    this.node = node;
    this.onClosed = onClosed;
  }

  String threadId() {
    return threadId;
  }

  int subscribers() {
    return subscribers.size();
  }

  /** Opens the stream (returns at once). */
  synchronized void open() {
    openedAt = Instant.now();
    openStream();
  }

  private void openStream() {
    subscribed = false;
    int streamGeneration = ++generation;
    upstream = node.opener().apply(threadId, new Stream(streamGeneration));
    // A server that sends its headers only with the first event: taken as subscribed after a wait.
    subscribedAnyway =
        node.scheduler()
            .schedule(
                () -> subscribed(streamGeneration),
                node.settings().subscribedWait().toMillis(),
                TimeUnit.MILLISECONDS);
  }

  /**
   * Runs {@code action} on the node's scheduler once Midimo Chat has the stream's subscription in
   * place (at once when it has): a history read from there misses nothing the stream will not
   * bring.
   */
  synchronized void whenSubscribed(Runnable action) {
    if (subscribed) {
      node.scheduler().execute(action);
    } else if (!closed) {
      whenSubscribed.add(action);
    }
  }

  private synchronized void subscribed(int streamGeneration) {
    if (streamGeneration != generation || subscribed || closed) {
      return;
    }
    subscribed = true;
    subscribedAnyway.cancel(false);
    List<Runnable> waiting = whenSubscribed;
    whenSubscribed = new ArrayList<>();
    waiting.forEach(node.scheduler()::execute);
  }

  /** False when this stream is closing: the caller opens a new one. */
  synchronized boolean add(Subscriber subscriber) {
    if (closed) {
      return false;
    }
    subscriber.attachTo(this);
    subscribers.add(subscriber);
    return true;
  }

  /** Lock-free: called from subscribers' own callbacks too. */
  void remove(Subscriber subscriber) {
    if (subscribers.remove(subscriber) && subscribers.isEmpty()) {
      Duration linger = node.settings().linger();
      node.scheduler().schedule(this::closeIfUnused, linger.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void closeIfUnused() {
    if (subscribers.isEmpty() && !closed) {
      close();
    }
  }

  /** Ends the stream; its subscribers are told it completed (the node is going away). */
  synchronized void closeAll() {
    close();
    for (Subscriber subscriber : subscribers) {
      subscriber.fail(
          new com.shopsuite.midimo.error.ServiceUnavailableException(
              "the application is stopping", Duration.ofSeconds(5), null));
    }
  }

  private void close() {
    closed = true;
    whenSubscribed.clear();
    if (subscribedAnyway != null) {
      subscribedAnyway.cancel(false);
    }
    if (reopening != null) {
      reopening.cancel(false);
    }
    if (upstream != null) {
      upstream.close();
      upstream = null;
    }
    onClosed.accept(this);
  }

  private void dispatch(ThreadEvent event) {
    if (event instanceof ThreadEvent.MessagePosted posted) {
      if (!delivered.add(posted.message().id())) {
        return;
      }
      lastMessageId = posted.message().id();
    }
    for (Subscriber subscriber : subscribers) {
      subscriber.deliver(event);
    }
  }

  /** The stream broke or ended: open it again after a backoff, unless nobody is left. */
  private void broke(int streamGeneration, MidimoChatException failure) {
    if (streamGeneration != generation || closed) {
      return;
    }
    upstream = null;
    filling = false;
    pending = null;
    subscribed = false;
    if (failure != null && isDefinitive(failure)) {
      log(Level.INFO, "ended for good: " + failure.getMessage());
      close();
      for (Subscriber subscriber : subscribers) {
        subscriber.fail(failure);
      }
      return;
    }
    failures++;
    node.metrics().upstreamBroke();
    Duration delay = node.settings().reconnectDelay(failures);
    log(
        Level.FINE,
        (failure == null ? "ended by Midimo Chat" : "broke: " + failure.getMessage())
            + "; opened again in "
            + delay.toMillis()
            + " ms");
    reopening = node.scheduler().schedule(this::reopen, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Opens the stream again; its live events wait until the gap is filled from the history. */
  private synchronized void reopen() {
    if (closed) {
      return;
    }
    if (subscribers.isEmpty()) {
      close();
      return;
    }
    filling = true;
    pending = new ArrayList<>();
    try {
      openStream();
    } catch (MidimoChatException e) {
      broke(generation, e);
      return;
    }
    int fillGeneration = generation;
    String after = lastMessageId;
    Instant since = openedAt;
    whenSubscribed(() -> fillGap(fillGeneration, after, since));
  }

  private void fillGap(int fillGeneration, String after, Instant since) {
    synchronized (this) {
      // Queued for a stream that broke before it was subscribed: its successor fills the gap.
      if (fillGeneration != generation || closed) {
        return;
      }
    }
    History.Missed missed;
    try {
      missed =
          History.since(
              node.history(),
              threadId,
              after,
              after == null ? since : null,
              node.settings().historyPages());
    } catch (MidimoChatException e) {
      synchronized (this) {
        if (fillGeneration == generation && upstream != null) {
          upstream.close();
        }
        broke(fillGeneration, e);
      }
      return;
    }
    synchronized (this) {
      if (fillGeneration != generation || closed) {
        return;
      }
      node.metrics().gapFilled(missed.messages().size());
      if (!missed.complete()) {
        // More was missed than the history pages hold: the subscribers reload the messages.
        dispatch(new ThreadEvent.HistoryGap(threadId, Instant.now()));
      } else {
        for (var message : missed.messages()) {
          dispatch(new ThreadEvent.MessagePosted(threadId, message.createdAt(), message));
        }
      }
      for (ThreadEvent event : pending) {
        dispatch(event);
      }
      pending = null;
      filling = false;
      failures = 0;
    }
  }

  private static boolean isDefinitive(MidimoChatException failure) {
    return failure instanceof ResourceNotFoundException
        || failure instanceof AuthorizationException
        || failure instanceof ValidationException;
  }

  private void log(Level level, String what) {
    LOG.log(level, () -> "event stream of thread " + LogText.of(threadId) + " " + LogText.of(what));
  }

  /** The callbacks of one upstream stream; stale once another has been opened. */
  private final class Stream implements ThreadEventListener {
    private final int streamGeneration;

    Stream(int streamGeneration) {
      this.streamGeneration = streamGeneration;
    }

    @Override
    public void onSubscribed() {
      subscribed(streamGeneration);
    }

    @Override
    public void onEvent(ThreadEvent event) {
      synchronized (UpstreamThread.this) {
        if (streamGeneration != generation || closed) {
          return;
        }
        if (filling) {
          pending.add(event);
        } else {
          dispatch(event);
        }
      }
    }

    @Override
    public void onError(MidimoChatException failure) {
      synchronized (UpstreamThread.this) {
        broke(streamGeneration, failure);
      }
    }

    @Override
    public void onCompleted() {
      synchronized (UpstreamThread.this) {
        broke(streamGeneration, null);
      }
    }
  }
}
