package com.shopsuite.midimo.order;

import com.shopsuite.midimo.context.LogText;
import com.shopsuite.midimo.error.MidimoChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each order's events, applied in order, and never behind another order's. An order's lane is, at
 * any moment, one of:
 *
 * <ul>
 *   <li><b>clear</b>: an arriving event is applied at once;
 *   <li><b>held</b>: an event failed in a way that may pass, and waits on {@code OrderEventsParked}
 *       for a retry timer (in the order's own message group on {@code OrderEvents}, delivered after
 *       the backoff); the order's later events are parked behind it, in order, and applied after
 *       it. No thread waits and no consumer is held: other orders flow at full speed;
 *   <li><b>blocked</b>: an event is in {@code OrderEventsDLQ} (for any reason but a malformed
 *       body); the order's later events follow it there, "behind" it, until an operator moves them
 *       back ({@code move-messages}), when they are applied in their original order.
 * </ul>
 *
 * Every decision is made in the order's message group, one event at a time, inside the consuming
 * transaction, from state kept in the broker ({@link OrderLaneStore}): a crash, a restart or
 * another node taking the group over finds it as it was. Every write is idempotent on the event id,
 * so an event applied again after a crash changes nothing.
 */
@ApplicationScoped
public class OrderLanes {

  /** Parked events handled in one transaction; a timer continues with the rest. */
  static final int BATCH = 50;

  private static final Logger LOG = Logger.getLogger(OrderLanes.class.getName());

  @Inject OrderLaneStore store;

  @Inject OrderEventReader reader;

  @Inject OrderChatUpdates chat;

  @Inject OrderEventRetryPolicy policy;

  @Inject OrderEventMetrics metrics;

  /**
   * An event arriving on {@code OrderEvents}.
   *
   * @param redrive present when an operator moved it back from the DLQ
   */
  public void arrive(Message message, Redrive redrive) {
    OrderEvent event = null;
    String orderId;
    String eventId;
    String invalid = null;
    try {
      event = reader.read(message);
      orderId = event.orderId();
      eventId = event.eventId();
    } catch (InvalidOrderEventException e) {
      if (e.orderId() == null) {
        deadLetter(message, null, null, DeadLetterCause.MALFORMED, "malformed: " + e.getMessage());
        return;
      }
      orderId = e.orderId();
      eventId = messageId(message);
      invalid = e.getMessage();
    }
    if (!store.parked(orderId, 1).isEmpty()) {
      store.park(message, orderId, eventId);
      metrics.held();
      log(Level.INFO, "held behind the order's retrying event", orderId, eventId);
      return;
    }
    String behind = blockingFor(orderId, redrive);
    if (behind != null) {
      deadLetterBehind(message, orderId, eventId, behind);
    } else if (invalid != null) {
      deadLetter(message, orderId, eventId, DeadLetterCause.INVALID, "invalid: " + invalid);
    } else {
      attemptFirst(message, event);
    }
  }

  /**
   * The event this one must wait behind in the DLQ, if any: the order's first blocking event; for
   * an event an operator moved back, only the one it was behind, if that is still there.
   */
  private String blockingFor(String orderId, Redrive redrive) {
    if (redrive == null) {
      return store.blockingEventId(orderId).orElse(null);
    }
    String before = redrive.blockedBy();
    return before != null && store.isDeadLettered(orderId, before) ? before : null;
  }

  private void attemptFirst(Message message, OrderEvent event) {
    try {
      apply(event);
    } catch (RuntimeException failure) {
      if (!policy.mayPassLater(failure)) {
        deadLetter(
            message,
            event.orderId(),
            event.eventId(),
            DeadLetterCause.REJECTED,
            "refused by Midimo Chat: " + describe(failure));
      } else if (policy.isLastAttempt(1)) {
        deadLetter(
            message,
            event.orderId(),
            event.eventId(),
            DeadLetterCause.EXHAUSTED,
            "failed on its only attempt: " + describe(failure));
      } else {
        store.park(message, event.orderId(), event.eventId());
        retryLater(event.orderId(), groupOf(message, event.orderId()), event.eventId(), 1, failure);
      }
    }
  }

  /**
   * An event redelivered that many times without an outcome (the server died at every try): to the
   * DLQ, blocking its order when it has one.
   */
  public void giveUp(Message message, int deliveries) {
    String orderId = null;
    String eventId = messageId(message);
    try {
      OrderEvent event = reader.read(message);
      orderId = event.orderId();
      eventId = event.eventId();
    } catch (InvalidOrderEventException e) {
      orderId = e.orderId();
    }
    deadLetter(
        message,
        orderId,
        eventId,
        orderId == null ? DeadLetterCause.MALFORMED : DeadLetterCause.EXHAUSTED,
        "delivered " + deliveries + " times without an outcome");
  }

  /** A retry timer of an order fires. */
  public void retry(RetryTimer timer) {
    List<ParkedEvent> parked = store.parked(timer.orderId(), BATCH + 1);
    if (parked.isEmpty()) {
      // Its events were taken care of meanwhile (an operator's purge): nothing left to do.
      return;
    }
    if (timer.mode() == RetryTimer.Mode.DEAD_LETTER) {
      followIntoDeadLetters(timer, parked, 0, timer.headEventId());
      return;
    }
    int attempt = parked.get(0).eventId().equals(timer.headEventId()) ? timer.attempt() : 1;
    int handled = Math.min(BATCH, parked.size());
    for (int i = 0; i < handled; i++) {
      if (!retryOne(timer, parked, i, i == 0 ? attempt : 1)) {
        return;
      }
    }
    if (parked.size() > handled) {
      store.schedule(
          new RetryTimer(
              timer.orderId(),
              timer.group(),
              parked.get(handled).eventId(),
              1,
              RetryTimer.Mode.RETRY),
          Duration.ZERO);
    }
  }

  /** Tries parked event {@code i}; false when the lane stays held (or is now blocked). */
  private boolean retryOne(RetryTimer timer, List<ParkedEvent> parked, int i, int attempt) {
    String orderId = timer.orderId();
    ParkedEvent next = parked.get(i);
    OrderEvent event;
    try {
      event = reader.read(next.message());
    } catch (InvalidOrderEventException invalid) {
      deadLetterFrom(timer, parked, i, DeadLetterCause.INVALID, "invalid: " + invalid.getMessage());
      return false;
    }
    try {
      apply(event);
      store.take(next);
      return true;
    } catch (RuntimeException failure) {
      if (!policy.mayPassLater(failure)) {
        deadLetterFrom(
            timer,
            parked,
            i,
            DeadLetterCause.REJECTED,
            "refused by Midimo Chat: " + describe(failure));
      } else if (policy.isLastAttempt(attempt)) {
        deadLetterFrom(
            timer,
            parked,
            i,
            DeadLetterCause.EXHAUSTED,
            "still failing after " + attempt + " attempts: " + describe(failure));
      } else {
        retryLater(orderId, timer.group(), next.eventId(), attempt, failure);
      }
      return false;
    }
  }

  private void retryLater(
      String orderId, String group, String headEventId, int failedAttempt, Throwable why) {
    Duration backoff = policy.backoffAfter(failedAttempt);
    store.schedule(
        new RetryTimer(orderId, group, headEventId, failedAttempt + 1, RetryTimer.Mode.RETRY),
        backoff);
    metrics.retried();
    boolean expected = why instanceof MidimoChatException;
    LOG.log(
        expected ? Level.INFO : Level.WARNING,
        expected ? null : why,
        () ->
            "order event %s (order %s) failed on attempt %d of %d, tried again in %d ms: %s"
                .formatted(
                    LogText.of(headEventId),
                    LogText.of(orderId),
                    failedAttempt,
                    policy.maxAttempts(),
                    backoff.toMillis(),
                    LogText.of(describe(why))));
  }

  /** Parked event {@code i} goes to the DLQ with its reason, the ones after it behind it. */
  private void deadLetterFrom(
      RetryTimer timer, List<ParkedEvent> parked, int i, DeadLetterCause cause, String reason) {
    ParkedEvent head = parked.get(i);
    store.take(head);
    deadLetter(head.message(), timer.orderId(), head.eventId(), cause, reason);
    followIntoDeadLetters(timer, parked, i + 1, head.eventId());
  }

  /**
   * The parked events from {@code from} on follow the dead-lettered {@code head} into the DLQ, in
   * order; past a batch, a timer moves the rest.
   */
  private void followIntoDeadLetters(
      RetryTimer timer, List<ParkedEvent> parked, int from, String head) {
    int end = Math.min(parked.size(), from + BATCH);
    for (int i = from; i < end; i++) {
      ParkedEvent behind = parked.get(i);
      store.take(behind);
      deadLetterBehind(behind.message(), timer.orderId(), behind.eventId(), head);
    }
    // Fetched at the limit, or not all moved: there may be more behind.
    if (parked.size() > end || parked.size() > BATCH) {
      store.schedule(
          new RetryTimer(timer.orderId(), timer.group(), head, 1, RetryTimer.Mode.DEAD_LETTER),
          Duration.ZERO);
    }
  }

  private void apply(OrderEvent event) {
    long started = System.nanoTime();
    chat.apply(event);
    metrics.applied(System.nanoTime() - started);
  }

  private void deadLetterBehind(Message message, String orderId, String eventId, String head) {
    store.deadLetter(
        message, orderId, eventId, DeadLetterCause.BEHIND, "behind event " + head, head);
    metrics.deadLettered(DeadLetterCause.BEHIND);
    log(Level.WARNING, "dead-lettered behind event " + LogText.of(head), orderId, eventId);
  }

  private void deadLetter(
      Message message, String orderId, String eventId, DeadLetterCause cause, String reason) {
    store.deadLetter(message, orderId, eventId, cause, reason, null);
    metrics.deadLettered(cause);
    log(Level.WARNING, "dead-lettered: " + LogText.of(reason), orderId, eventId);
  }

  private static void log(Level level, String what, String orderId, String eventId) {
    LOG.log(
        level,
        () ->
            "order event " + LogText.of(eventId) + " (order " + LogText.of(orderId) + ") " + what);
  }

  /** The order's message group as its producer set it; the order id when it set none. */
  static String groupOf(Message message, String orderId) {
    try {
      String group = message.getStringProperty("JMSXGroupID");
      return group == null || group.isBlank() ? orderId : group;
    } catch (JMSException e) {
      return orderId;
    }
  }

  private static String messageId(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return null;
    }
  }

  static String describe(Throwable failure) {
    String text =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }

  /**
   * What an event an operator moved back from the DLQ says about itself.
   *
   * @param blockedBy the event it waited behind; null when it was itself the first
   */
  public record Redrive(String blockedBy) {}
}
