package com.midimo.chat.emulator.chat;

import com.midimo.chat.v1.ThreadEvent;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;

/**
 * One open StreamThreadEvents call. Events are sent while the transport is ready and queued while
 * it is not (the client reads slower than events come); a subscriber that falls more than {@code
 * maxPending} events behind is ended with RESOURCE_EXHAUSTED instead of growing memory.
 *
 * <p>All sending happens under this object's lock: publishers run on other calls' threads, and a
 * stream observer must not be called concurrently.
 */
final class ThreadEventSubscriber {
  private final String threadId;
  private final ServerCallStreamObserver<ThreadEvent> observer;
  private final int maxPending;
  private final ArrayDeque<ThreadEvent> pending = new ArrayDeque<>();
  private boolean ended;

  ThreadEventSubscriber(
      String threadId, ServerCallStreamObserver<ThreadEvent> observer, int maxPending) {
    this.threadId = threadId;
    this.observer = observer;
    this.maxPending = maxPending;
  }

  String threadId() {
    return threadId;
  }

  /** Sends the event now if the transport is ready, else queues it. */
  synchronized void offer(ThreadEvent event) {
    if (ended) {
      return;
    }
    pending.add(event);
    if (pending.size() > maxPending) {
      end(
          Status.RESOURCE_EXHAUSTED.withDescription(
              "subscriber fell more than " + maxPending + " events behind"));
      return;
    }
    drain();
  }

  /** Sends what is queued, as far as the transport takes it; called again when it is ready. */
  synchronized void drain() {
    while (!ended && !pending.isEmpty() && observer.isReady()) {
      observer.onNext(pending.poll());
    }
  }

  /**
   * Ends the stream from the server side, with a status.
   *
   * @return false when it had ended already (the client cancelled, or another end came first)
   */
  synchronized boolean end(Status status) {
    if (ended) {
      return false;
    }
    ended = true;
    pending.clear();
    observer.onError(status.asRuntimeException());
    return true;
  }

  /** The client went away: nothing more is sent. */
  synchronized void cancelled() {
    ended = true;
    pending.clear();
  }

  synchronized boolean ended() {
    return ended;
  }
}
