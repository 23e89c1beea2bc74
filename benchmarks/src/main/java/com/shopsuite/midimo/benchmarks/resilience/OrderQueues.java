package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.launcher.WildFlyNode;
import java.time.Duration;

/** The order-event queues of a node, read through its management CLI. */
final class OrderQueues {
  static final String EVENTS = "OrderEvents";
  static final String PARKED = "OrderEventsParked";
  static final String DLQ = "OrderEventsDLQ";

  private static final String QUEUE = "/subsystem=messaging-activemq/server=default/jms-queue=";

  private OrderQueues() {}

  /** Messages in a queue, those being delivered and those scheduled included. */
  static long depth(WildFlyNode server, String queue) {
    return number(server.cli(QUEUE + queue + ":read-attribute(name=message-count)"));
  }

  /** Messages of a queue that match a JMS selector. */
  static long count(WildFlyNode server, String queue, String filter) {
    return number(
        server.cli(
            QUEUE + queue + ":count-messages(filter=\"" + filter.replace("\"", "\\\"") + "\")"));
  }

  /** Dead-lettered order events, the malformed bodies (which are no order's) left out. */
  static long deadLetteredEvents(WildFlyNode server) {
    return count(server, DLQ, "deadLetterCause<>'malformed'");
  }

  static long malformed(WildFlyNode server) {
    return count(server, DLQ, "deadLetterCause='malformed'");
  }

  /** Nothing left to consume: no event waiting, none parked, no retry timer pending. */
  static boolean drained(WildFlyNode server) {
    return depth(server, EVENTS) == 0 && depth(server, PARKED) == 0;
  }

  /** Polls until drained; false when {@code limit} passed first. */
  static boolean awaitDrained(WildFlyNode server, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!drained(server)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(500);
    }
    return true;
  }

  private static long number(String value) {
    return Long.parseLong(value.replaceAll("L$", ""));
  }
}
