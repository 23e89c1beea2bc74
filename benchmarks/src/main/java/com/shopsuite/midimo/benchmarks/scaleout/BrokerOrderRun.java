package com.shopsuite.midimo.benchmarks.scaleout;

import com.midimo.chat.emulator.v1.Stats;
import com.midimo.chat.v1.Message;
import com.shopsuite.midimo.benchmarks.resilience.EmulatorFaults;
import com.shopsuite.midimo.benchmarks.resilience.OrderAudit;
import com.shopsuite.midimo.benchmarks.resilience.OrderTraffic;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One batch of order traffic published to the standalone broker and consumed by the nodes: its
 * progress (messages the emulator holds), waiting until every event is applied or progress stopped,
 * the broker's queues, and the audit.
 */
final class BrokerOrderRun implements AutoCloseable {

  /** Longest a batch may take to be applied. */
  static final Duration DEADLINE = Duration.ofMinutes(20);

  static final String EVENTS = "OrderEvents";
  static final String PARKED = "OrderEventsParked";
  static final String DLQ = "OrderEventsDLQ";

  private final TwoNodeCluster cluster;
  private final OrderTraffic traffic;
  private final ManagedChannel channel;
  private final EmulatorFaults emulator;
  private final Stats before;
  private final AtomicLong sent = new AtomicLong();
  private CompletableFuture<Void> publishing;
  private long started;

  BrokerOrderRun(TwoNodeCluster cluster, OrderTraffic traffic) {
    this.cluster = cluster;
    this.traffic = traffic;
    this.channel = cluster.emulatorChannel();
    this.emulator = new EmulatorFaults(channel);
    this.before = emulator.stats();
  }

  OrderTraffic traffic() {
    return traffic;
  }

  /** Starts publishing in the background, every producer on its own connection to the broker. */
  BrokerOrderRun start() {
    started = System.nanoTime();
    publishing = traffic.publish(cluster::connectPublisher, sent);
    return this;
  }

  long startedAt() {
    return started;
  }

  long sent() {
    return sent.get();
  }

  /** Messages the emulator holds for this batch's events (duplicates included). */
  long applied() {
    return emulator.stats().getMessages() - before.getMessages();
  }

  /** Whether the emulator holds a message and a notification for every event. */
  boolean allApplied() {
    Stats now = emulator.stats();
    return now.getMessages() - before.getMessages() >= traffic.events()
        && now.getNotifications() - before.getNotifications() >= traffic.events();
  }

  /** Waits until the emulator holds messages for {@code fraction} of the events. */
  void awaitApplied(double fraction) throws InterruptedException {
    long target = Math.round(traffic.events() * fraction);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (applied() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not " + target + " applied within " + DEADLINE);
      }
      Thread.sleep(20);
    }
  }

  /** Waits until the emulator holds more than {@code count} messages; returns when it did. */
  long awaitMoreThan(long count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (applied() <= count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no message after " + count + " within " + limit);
      }
      Thread.sleep(20);
    }
    return System.nanoTime();
  }

  /**
   * Waits until every event made its message and notification; returns when that happened, or -1
   * when nothing was applied for {@code stall} (or the deadline passed) before.
   */
  long awaitAllApplied(Duration stall) throws Exception {
    publishing.get(DEADLINE.toMinutes(), TimeUnit.MINUTES);
    long deadline = started + DEADLINE.toNanos();
    long last = applied();
    long progressed = System.nanoTime();
    while (!allApplied()) {
      long now = System.nanoTime();
      long applied = applied();
      if (applied != last) {
        last = applied;
        progressed = now;
      } else if (now - progressed > stall.toNanos() || now > deadline) {
        return -1;
      }
      Thread.sleep(50);
    }
    return System.nanoTime();
  }

  /** Polls until no event waits in the broker, none is parked, no retry timer is pending. */
  boolean awaitDrained(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (depth(EVENTS) + depth(PARKED) > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(500);
    }
    return true;
  }

  /** Messages of a queue: waiting, in delivery and scheduled. */
  long depth(String queue) {
    return cluster.queues(q -> q.messageCount(queue));
  }

  /** Dead-lettered order events, the malformed bodies (which are no order's) left out. */
  long deadLettered() {
    return cluster.queues(q -> q.count(DLQ, "deadLetterCause<>'malformed'"));
  }

  long malformed() {
    return cluster.queues(q -> q.count(DLQ, "deadLetterCause='malformed'"));
  }

  /** Events per second from the first send until {@code done}. */
  double eventsPerSecond(long done) {
    return traffic.events() / ((done - started) / 1e9);
  }

  OrderAudit audit() {
    return OrderAudit.of(channel, cluster.emulatorToken(), traffic);
  }

  /** Every order's messages, for when they were made. */
  List<List<Message>> messagesByOrder() {
    return OrderAudit.messagesByOrder(channel, cluster.emulatorToken(), traffic);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
