package com.shopsuite.midimo.core.live;

import com.shopsuite.midimo.chat.ThreadEvent;
import com.shopsuite.midimo.chat.ThreadEventListener;
import com.shopsuite.midimo.chat.ThreadEventSubscription;
import com.shopsuite.midimo.error.MidimoChatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One subscriber of a thread on this node. While it resumes (it came with a Last-Event-ID), live
 * events wait here until what it missed is delivered; then they follow, those it got from the
 * history dropped. Calls to the listener are made one at a time.
 */
final class Subscriber implements ThreadEventSubscription {

  /** Live events held while resuming; past that, the subscriber must reload instead. */
  static final int MAX_HELD = 1_000;

  private final String threadId;
  private final ThreadEventListener listener;
  private final Consumer<Subscriber> onClose;
  private volatile UpstreamThread upstream;
  private boolean resuming;
  private boolean done;
  private List<ThreadEvent> held = new ArrayList<>();
  private RecentIds replayed;

  Subscriber(
      String threadId,
      ThreadEventListener listener,
      boolean resuming,
      Consumer<Subscriber> onClose) {
    this.threadId = threadId;
    this.listener = listener;
    this.resuming = resuming;
    this.onClose = onClose;
  }

  /** The thread's upstream stream this subscriber is attached to. */
  UpstreamThread upstream() {
    return upstream;
  }

  void attachTo(UpstreamThread upstream) {
    this.upstream = upstream;
  }

  synchronized void deliver(ThreadEvent event) {
    if (done) {
      return;
    }
    if (resuming) {
      if (held.size() >= MAX_HELD) {
        held.clear();
        held.add(new ThreadEvent.HistoryGap(threadId, Instant.now()));
        return;
      }
      held.add(event);
      return;
    }
    if (replayed != null
        && event instanceof ThreadEvent.MessagePosted posted
        && !replayed.add(posted.message().id())) {
      return;
    }
    listener.onEvent(event);
  }

  /** What it missed, then what arrived meanwhile: the resume is over. */
  synchronized void resumed(History.Missed missed) {
    if (done) {
      return;
    }
    replayed = new RecentIds(History.PAGE * 2 + MAX_HELD);
    if (!missed.complete()) {
      // Where the subscriber was is not in what the history keeps: it reloads the messages.
      listener.onEvent(new ThreadEvent.HistoryGap(threadId, Instant.now()));
    } else {
      for (var message : missed.messages()) {
        replayed.add(message.id());
        listener.onEvent(new ThreadEvent.MessagePosted(threadId, message.createdAt(), message));
      }
    }
    resuming = false;
    List<ThreadEvent> meanwhile = held;
    held = null;
    for (ThreadEvent event : meanwhile) {
      deliver(event);
    }
  }

  /** The subscription ends with {@code failure}; the subscriber is gone from its thread. */
  void fail(MidimoChatException failure) {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      listener.onError(failure);
    }
    onClose.accept(this);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
    }
    onClose.accept(this);
  }
}
