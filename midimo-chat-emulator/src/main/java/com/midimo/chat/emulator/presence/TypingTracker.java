package com.midimo.chat.emulator.presence;

import com.midimo.chat.emulator.chat.ThreadEventHub;
import com.midimo.chat.emulator.rpc.ProtoTime;
import com.midimo.chat.emulator.store.IdempotencyRecords;
import com.midimo.chat.v1.ThreadEvent;
import com.midimo.chat.v1.TypingChanged;
import com.midimo.chat.v1.TypingStatus;
import com.midimo.chat.v1.UpdateTypingStatusRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is typing in which thread. Typing stops by itself {@code timeout} after the last
 * is_typing=true: a scheduled task ends it and publishes the stop, so subscribers learn of it
 * without anyone polling.
 *
 * <p>Every is_typing=true is published (a refresh moves expires_at); is_typing=false only when the
 * user was typing. Each change is published while its entry is locked, so a thread's subscribers
 * see one user's changes in the order they happened. Entries exist only for participants of
 * existing threads, so the thread and participant caps bound them.
 */
public final class TypingTracker {
  static final int REMEMBERED_REQUEST_IDS = 100_000;

  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Duration timeout;
  private final ThreadEventHub hub;
  private final AtomicLong generations = new AtomicLong();
  private final ConcurrentHashMap<Key, Typing> typing = new ConcurrentHashMap<>();
  private volatile IdempotencyRecords<UpdateTypingStatusRequest, TypingStatus> requests =
      IdempotencyRecords.leastRecentlyUsed(REMEMBERED_REQUEST_IDS);

  public TypingTracker(
      Clock clock, ScheduledExecutorService scheduler, Duration timeout, ThreadEventHub hub) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.timeout = timeout;
    this.hub = hub;
  }

  /**
   * Records a typing change of a participant (checked by the caller); a replayed request_id returns
   * the first result and is not applied again.
   */
  public TypingStatus update(UpdateTypingStatusRequest request) {
    if (request.getRequestId().isEmpty()) {
      return apply(request);
    }
    return requests.once(
        request.getRequestId(), request.toBuilder().clearRequestId().build(), () -> apply(request));
  }

  /** Users typing now, across all threads. */
  public int typingCount() {
    return typing.size();
  }

  /** Forgets who is typing (publishing nothing) and every idempotency key. */
  public void clear() {
    requests = IdempotencyRecords.leastRecentlyUsed(REMEMBERED_REQUEST_IDS);
    for (Key key : typing.keySet()) {
      typing.computeIfPresent(
          key,
          (k, current) -> {
            current.expiry.cancel(false);
            return null;
          });
    }
  }

  private TypingStatus apply(UpdateTypingStatusRequest request) {
    Key key = new Key(request.getThreadId(), request.getUserId());
    TypingStatus.Builder status =
        TypingStatus.newBuilder()
            .setThreadId(key.threadId())
            .setUserId(key.userId())
            .setIsTyping(request.getIsTyping());
    if (request.getIsTyping()) {
      typing.compute(
          key,
          (k, old) -> {
            if (old != null) {
              old.expiry.cancel(false);
            }
            Instant now = clock.instant();
            Instant expiresAt = now.plus(timeout);
            long generation = generations.incrementAndGet();
            ScheduledFuture<?> expiry =
                scheduler.schedule(
                    () -> expire(k, generation), timeout.toNanos(), TimeUnit.NANOSECONDS);
            publish(k, now, expiresAt);
            status.setExpiresAt(ProtoTime.of(expiresAt));
            return new Typing(generation, expiry);
          });
    } else {
      typing.computeIfPresent(
          key,
          (k, old) -> {
            old.expiry.cancel(false);
            publish(k, clock.instant(), null);
            return null;
          });
    }
    return status.build();
  }

  private void expire(Key key, long generation) {
    typing.computeIfPresent(
        key,
        (k, current) -> {
          if (current.generation != generation) {
            return current; // refreshed since this task was scheduled
          }
          publish(k, clock.instant(), null);
          return null;
        });
  }

  /**
   * @param expiresAt null when typing stopped
   */
  private void publish(Key key, Instant now, Instant expiresAt) {
    TypingChanged.Builder change =
        TypingChanged.newBuilder().setUserId(key.userId()).setIsTyping(expiresAt != null);
    if (expiresAt != null) {
      change.setExpiresAt(ProtoTime.of(expiresAt));
    }
    hub.publish(
        ThreadEvent.newBuilder()
            .setThreadId(key.threadId())
            .setOccurredAt(ProtoTime.of(now))
            .setTypingChanged(change)
            .build());
  }

  private record Key(String threadId, String userId) {}

  private record Typing(long generation, ScheduledFuture<?> expiry) {}
}
