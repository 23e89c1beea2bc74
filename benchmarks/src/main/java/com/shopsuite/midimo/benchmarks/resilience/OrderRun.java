package com.shopsuite.midimo.benchmarks.resilience;

import com.midimo.chat.emulator.v1.Stats;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import com.shopsuite.midimo.launcher.WildFlyNode;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One batch of order traffic through a session, from the first send until Midimo Chat holds a
 * message and a notification for every event and the queues are drained; then the audit.
 */
final class OrderRun {

  /** Longest a batch may take to be applied, faults included. */
  static final Duration DEADLINE = Duration.ofMinutes(20);

  private final ResilienceRun run;
  private final ServerSession session;
  private final EmulatorFaults faults;
  private final OrderTraffic traffic;
  private final AtomicLong sent = new AtomicLong();
  private final Stats before;
  private CompletableFuture<Void> publishing;
  private long started;

  OrderRun(ResilienceRun run, ServerSession session, EmulatorFaults faults, OrderTraffic traffic) {
    this.run = run;
    this.session = session;
    this.faults = faults;
    this.traffic = traffic;
    this.before = faults.stats();
  }

  /** Starts publishing in the background. */
  OrderRun start() {
    started = System.nanoTime();
    publishing =
        traffic.publish(
            "localhost",
            session.server().httpPort(),
            Suite.ORDER_PUBLISHER,
            session.orderPublisherPassword(),
            sent);
    return this;
  }

  long sent() {
    return sent.get();
  }

  /** Messages the emulator holds for this batch's events (duplicates included). */
  long applied() {
    return faults.stats().getMessages() - before.getMessages();
  }

  /** Waits until {@code fraction} of the messages were sent. */
  void awaitSent(double fraction) throws InterruptedException {
    long target = Math.round(traffic.messages() * fraction);
    while (sent.get() < target && !publishing.isDone()) {
      Thread.sleep(20);
    }
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

  /**
   * Waits until every event made its message and notification (or the deadline passed), then until
   * the queues are empty; returns when the last one was applied.
   */
  long awaitAllApplied() throws Exception {
    publishing.get(DEADLINE.toMinutes(), TimeUnit.MINUTES);
    long deadline = started + DEADLINE.toNanos();
    Stats now = faults.stats();
    while (now.getMessages() - before.getMessages() < traffic.events()
        || now.getNotifications() - before.getNotifications() < traffic.events()) {
      if (System.nanoTime() > deadline) {
        run.log(
            "  after %s: %,d of %,d messages",
            DEADLINE, now.getMessages() - before.getMessages(), traffic.events());
        break;
      }
      Thread.sleep(50);
      now = faults.stats();
    }
    long done = System.nanoTime();
    WildFlyNode server = session.server();
    if (!OrderQueues.awaitDrained(server, Duration.ofMinutes(5))) {
      run.log("  the order-event queues are not empty after 5 minutes");
    }
    return done;
  }

  long startedAt() {
    return started;
  }

  /** Events per second from the first send until {@code done}. */
  double eventsPerSecond(long done) {
    return traffic.events() / ((done - started) / 1e9);
  }

  OrderAudit audit() {
    var channel = run.emulatorChannel(session);
    try {
      return OrderAudit.of(channel, run.emulatorToken(), traffic);
    } finally {
      channel.shutdownNow();
    }
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
