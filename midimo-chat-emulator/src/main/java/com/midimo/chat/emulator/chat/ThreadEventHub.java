package com.midimo.chat.emulator.chat;

import com.midimo.chat.v1.ThreadEvent;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Delivers each thread's events (new messages, typing changes, participants added) to that thread's
 * open StreamThreadEvents calls. Nothing is replayed: a subscriber gets what happens after it
 * joined.
 */
public final class ThreadEventHub {
  private final int maxPendingPerSubscriber;
  private final ConcurrentHashMap<String, Set<ThreadEventSubscriber>> subscribers =
      new ConcurrentHashMap<>();

  /**
   * @param maxPendingPerSubscriber events queued for a slow subscriber before it is ended
   */
  public ThreadEventHub(int maxPendingPerSubscriber) {
    this.maxPendingPerSubscriber = maxPendingPerSubscriber;
  }

  /**
   * Adds a stream to a thread's subscribers until the client cancels it. Must be called from the
   * service method that received {@code observer}: gRPC accepts its handlers only then.
   */
  public void subscribe(String threadId, ServerCallStreamObserver<ThreadEvent> observer) {
    ThreadEventSubscriber subscriber =
        new ThreadEventSubscriber(threadId, observer, maxPendingPerSubscriber);
    observer.setOnCancelHandler(
        () -> {
          subscriber.cancelled();
          remove(subscriber);
        });
    observer.setOnReadyHandler(subscriber::drain);
    // Added inside compute: remove() drops a thread's set once empty, and must not drop it between
    // our lookup and our add.
    subscribers.compute(
        threadId,
        (id, ofThread) -> {
          Set<ThreadEventSubscriber> set =
              ofThread != null ? ofThread : new CopyOnWriteArraySet<>();
          set.add(subscriber);
          return set;
        });
    if (observer.isCancelled()) {
      // Cancelled before the handler ran (injected latency holds it back): the cancel handler
      // set above will never run.
      subscriber.cancelled();
      remove(subscriber);
    }
  }

  public void publish(ThreadEvent event) {
    Set<ThreadEventSubscriber> ofThread = subscribers.get(event.getThreadId());
    if (ofThread == null) {
      return;
    }
    for (ThreadEventSubscriber subscriber : ofThread) {
      subscriber.offer(event);
      if (subscriber.ended()) {
        // Fell too far behind: offer() ended its stream.
        remove(subscriber);
      }
    }
  }

  /** Open StreamThreadEvents calls. */
  public int subscriberCount() {
    int count = 0;
    for (Set<ThreadEventSubscriber> ofThread : subscribers.values()) {
      count += ofThread.size();
    }
    return count;
  }

  /** Open StreamThreadEvents calls by thread id; threads without any are absent. */
  public Map<String, Long> subscriberCountsByThread() {
    Map<String, Long> counts = new HashMap<>();
    subscribers.forEach(
        (threadId, ofThread) -> {
          // A set may empty between the lookup and the count: remove() then drops it.
          if (!ofThread.isEmpty()) {
            counts.put(threadId, (long) ofThread.size());
          }
        });
    return counts;
  }

  /** Ends every open stream with a status (on reset and on shutdown). */
  public long endAll(Status status) {
    long ended = 0;
    for (Set<ThreadEventSubscriber> ofThread : subscribers.values()) {
      ended += end(ofThread, status);
    }
    return ended;
  }

  /**
   * Ends the open streams of one thread with a status, as a restart of the real service would.
   *
   * @return how many were ended
   */
  public long end(String threadId, Status status) {
    Set<ThreadEventSubscriber> ofThread = subscribers.get(threadId);
    return ofThread == null ? 0 : end(ofThread, status);
  }

  private long end(Set<ThreadEventSubscriber> ofThread, Status status) {
    long ended = 0;
    for (ThreadEventSubscriber subscriber : ofThread) {
      if (subscriber.end(status)) {
        ended++;
      }
      remove(subscriber);
    }
    return ended;
  }

  private void remove(ThreadEventSubscriber subscriber) {
    subscribers.computeIfPresent(
        subscriber.threadId(),
        (id, ofThread) -> {
          ofThread.remove(subscriber);
          return ofThread.isEmpty() ? null : ofThread;
        });
  }
}
