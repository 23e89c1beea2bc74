package com.shopsuite.midimo.order;

import jakarta.jms.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The lanes' state as the broker keeps it, in lists: what the JMS store does, for the tests. */
final class InMemoryLaneStore implements OrderLaneStore {

  record DeadLetter(
      Message message,
      String orderId,
      String eventId,
      DeadLetterCause cause,
      String reason,
      String blockedBy) {}

  record Scheduled(RetryTimer timer, Duration delay) {}

  final List<ParkedEvent> parked = new ArrayList<>();
  final List<String> parkedOrders = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  final List<Scheduled> timers = new ArrayList<>();

  @Override
  public List<ParkedEvent> parked(String orderId, int max) {
    List<ParkedEvent> found = new ArrayList<>();
    for (int i = 0; i < parked.size() && found.size() < max; i++) {
      if (parkedOrders.get(i).equals(orderId)) {
        found.add(parked.get(i));
      }
    }
    return found;
  }

  @Override
  public Optional<String> blockingEventId(String orderId) {
    return deadLetters.stream()
        .filter(d -> orderId.equals(d.orderId()) && d.cause() != DeadLetterCause.MALFORMED)
        .map(DeadLetter::eventId)
        .findFirst();
  }

  @Override
  public boolean isDeadLettered(String orderId, String eventId) {
    return deadLetters.stream()
        .anyMatch(d -> orderId.equals(d.orderId()) && Objects.equals(eventId, d.eventId()));
  }

  @Override
  public void park(Message message, String orderId, String eventId) {
    parked.add(new ParkedEvent(UUID.randomUUID().toString(), eventId, message));
    parkedOrders.add(orderId);
  }

  @Override
  public void take(ParkedEvent event) {
    int i = parked.indexOf(event);
    if (i < 0) {
      throw new IllegalStateException("not parked: " + event);
    }
    parked.remove(i);
    parkedOrders.remove(i);
  }

  @Override
  public void deadLetter(
      Message message,
      String orderId,
      String eventId,
      DeadLetterCause cause,
      String reason,
      String blockedBy) {
    deadLetters.add(new DeadLetter(message, orderId, eventId, cause, reason, blockedBy));
  }

  @Override
  public void schedule(RetryTimer timer, Duration delay) {
    timers.add(new Scheduled(timer, delay));
  }

  /** The next timer due, taken off the list (what the broker delivers). */
  RetryTimer nextTimer() {
    return timers.remove(0).timer();
  }

  /** An operator's move-messages of the order's DLQ events back to the queue, in DLQ order. */
  List<DeadLetter> redrive(String orderId) {
    List<DeadLetter> moved = deadLetters.stream().filter(d -> orderId.equals(d.orderId())).toList();
    deadLetters.removeAll(moved);
    return moved;
  }
}
