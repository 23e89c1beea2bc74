package com.shopsuite.midimo.benchmarks.orders;

import com.midimo.chat.emulator.v1.EmulatorControlGrpc;
import com.midimo.chat.emulator.v1.GetStatsRequest;
import com.midimo.chat.emulator.v1.Stats;
import com.shopsuite.midimo.benchmarks.load.CpuUsage;
import com.shopsuite.midimo.benchmarks.suite.BenchmarkCase;
import com.shopsuite.midimo.benchmarks.suite.CaseResult;
import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.benchmarks.suite.Suite;
import com.shopsuite.midimo.benchmarks.system.ResidentMemory;
import com.shopsuite.midimo.launcher.WildFlyNode;
import com.shopsuite.orders.OrderEventMessage;
import com.shopsuite.orders.OrderEventPublisher;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Case 5: {@value #EVENTS} order events ({@value #ORDERS} orders, {@value #STATUSES} status changes
 * each) published to {@code OrderEvents} by remote producers, as the order system would; events per
 * second end to end, from the first send until the emulator holds every message and notification
 * they make, and a check that it holds exactly {@value #EVENTS} of each, with both queues empty.
 */
public final class OrderEventsCase implements BenchmarkCase {
  public static final String ID = "order-events";

  /** Figures the targets read. */
  public static final String EVENTS_PER_SECOND = "order-events/per-second";

  public static final String MESSAGES = "order-events/messages";
  public static final String NOTIFICATIONS = "order-events/notifications";
  public static final String LIVE_MESSAGES = "order-events/live/messages";
  public static final String LIVE_NOTIFICATIONS = "order-events/live/notifications";
  public static final String DEAD_LETTERED = "order-events/dead-lettered";
  public static final String PEAK_RSS = "order-events/peak-rss-kb";

  public static final int EVENTS = 10_000;
  static final int ORDERS = 1_000;
  static final int STATUSES = EVENTS / ORDERS;

  /** Producer connections, each publishing the events of its share of the orders, in order. */
  static final int PRODUCERS = 16;

  /** Unrecorded first: the consumer's code paths compiled before the clock starts. */
  static final int WARMUP_ORDERS = 1_000;

  static final Duration DEADLINE = Duration.ofMinutes(10);
  static final String DLQ = "OrderEventsDLQ";

  /** The consumer MDB's management resource: stop-delivery and start-delivery. */
  static final String CONSUMER =
      "/deployment=midimo-chat.ear/subdeployment=midimo-chat-web.war/subsystem=ejb3"
          + "/message-driven-bean=OrderEventConsumer";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "5. Order events";
  }

  @Override
  public CaseResult run(Suite suite) throws Exception {
    ServerSession session = suite.startServer(ID, Map.of(), true);
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("localhost", session.emulator().port())
            .usePlaintext()
            .build();
    try {
      EmulatorControlGrpc.EmulatorControlBlockingStub control =
          EmulatorControlGrpc.newBlockingStub(channel);
      WildFlyNode server = session.server();

      suite.log("%s: warm-up, %,d events", ID, WARMUP_ORDERS * STATUSES);
      Run warmup = publishAndAwait(suite, session, control, "warmup", WARMUP_ORDERS, false);
      suite.log("  warm-up: %,.0f events/s", warmup.eventsPerSecond());

      ResidentMemory memory = session.serverMemory();
      memory.resetPeak();
      suite.log("%s: %,d events enqueued, then consumed", ID, EVENTS);
      Run drain = publishAndAwait(suite, session, control, "queued", ORDERS, true);
      log(suite, "enqueued first", drain);
      suite.log("%s: %,d events consumed while they are published", ID, EVENTS);
      Run live = publishAndAwait(suite, session, control, "live", ORDERS, false);
      log(suite, "live", live);
      long deadLettered = queueDepth(server, DLQ);
      long left = queueDepth(server, OrderEventPublisher.QUEUE);
      long peak = memory.peakKb();
      suite.log("  %d dead-lettered, %d left in the queue", deadLettered, left);

      Map<String, Long> figures = new LinkedHashMap<>();
      figures.put(EVENTS_PER_SECOND, Math.round(drain.eventsPerSecond()));
      figures.put(MESSAGES, drain.messages());
      figures.put(NOTIFICATIONS, drain.notifications());
      figures.put(LIVE_MESSAGES, live.messages());
      figures.put(LIVE_NOTIFICATIONS, live.notifications());
      figures.put(DEAD_LETTERED, deadLettered + left);
      figures.put(PEAK_RSS, peak);
      String table =
          "| | 10,000 events enqueued, then consumed | consumed while published |\n"
              + "|---|---:|---:|\n"
              + row(
                  "publishing took",
                  drain.publishedText() + " (consumer paused)",
                  live.publishedText())
              + row(
                  "**end to end**",
                  "**" + drain.totalText() + "** (from the consumer's start)",
                  "**" + live.totalText() + "** (from the first send)")
              + row("messages / notifications made", drain.madeText(), live.madeText())
              + row(
                  "threads made (one per order)",
                  String.format(Locale.ROOT, "%,d", drain.threads()),
                  String.format(Locale.ROOT, "%,d", live.threads()))
              + row(
                  "cores busy (publishers / WildFly / emulator / other processes)",
                  drain.coresText(),
                  live.coresText());
      String after =
          String.format(
              Locale.ROOT,
              "Afterwards %d events were left in `OrderEvents` and %d in `OrderEventsDLQ`;"
                  + " WildFly's resident size peaked at %,d MB. Warm-up before the runs (not"
                  + " recorded): %,d events for %,d other orders, consumed while published, %,.0f"
                  + " events/s.",
              left,
              deadLettered,
              peak / 1024,
              WARMUP_ORDERS * STATUSES,
              WARMUP_ORDERS,
              warmup.eventsPerSecond());
      return new CaseResult(
          ID,
          title(),
          String.format(
              Locale.ROOT,
              "%,d order events (%,d orders × %d status changes, `JMSXGroupID` = the order)"
                  + " published to `OrderEvents` by %d remote producers (the order-event sender's"
                  + " `OrderEventPublisher`, as the order-publisher user, over HTTP upgrade), each"
                  + " publishing its share of the orders in order. First with the consumer paused"
                  + " (`stop-delivery` on the MDB, through the management CLI) until all %,d are"
                  + " on the queue, the clock starting when `start-delivery` takes effect (the"
                  + " last moment the emulator, polled every 2 ms, had nothing yet): what the consumer"
                  + " does with a backlog, the target's measure. Then another %,d for other"
                  + " orders, consumed while they are published, the clock starting at the first"
                  + " send. The clock stops when the emulator (its control service's stats) holds"
                  + " a message and a notification for every event; after the queue is empty the"
                  + " emulator is counted again, so a duplicate would show.",
              EVENTS,
              ORDERS,
              STATUSES,
              PRODUCERS,
              EVENTS,
              EVENTS),
          List.of(),
          figures,
          List.of(table, after));
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      suite.stop(session);
    }
  }

  /** What one batch of events made, and how long it took. */
  record Run(
      int events,
      Duration published,
      Duration total,
      long messages,
      long notifications,
      long threads,
      CpuUsage.Cores cores) {
    double eventsPerSecond() {
      return events / (total.toNanos() / 1e9);
    }

    double publishedPerSecond() {
      return events / (published.toNanos() / 1e9);
    }

    String publishedText() {
      return String.format(
          Locale.ROOT, "%.2f s (%,.0f events/s)", published.toMillis() / 1e3, publishedPerSecond());
    }

    String totalText() {
      return String.format(
          Locale.ROOT, "%.2f s: %,.0f events/s", total.toMillis() / 1e3, eventsPerSecond());
    }

    String madeText() {
      return String.format(Locale.ROOT, "%,d / %,d", messages, notifications);
    }

    String coresText() {
      return String.format(
          Locale.ROOT,
          "%.2f / %.2f / %.2f / %.2f",
          cores.thisProcess(),
          cores.of(Suite.WILDFLY),
          cores.of(Suite.EMULATOR),
          cores.otherProcesses());
    }
  }

  /**
   * Publishes {@code orders × STATUSES} events and waits until the emulator holds a message and a
   * notification for each, and the queue is drained; then reads what was made, to the last one.
   */
  private static Run publishAndAwait(
      Suite suite,
      ServerSession session,
      EmulatorControlGrpc.EmulatorControlBlockingStub control,
      String prefix,
      int orders,
      boolean consumerPaused)
      throws Exception {
    WildFlyNode server = session.server();
    Stats before = stats(control);
    int events = orders * STATUSES;
    if (consumerPaused) {
      server.cli(CONSUMER + ":stop-delivery");
    }
    CpuUsage cpu = CpuUsage.start(session.processes());
    long start = System.nanoTime();
    publish(session, prefix, orders);
    Duration publishing = Duration.ofNanos(System.nanoTime() - start);
    if (consumerPaused) {
      start = startDelivery(server, control, before);
      cpu = CpuUsage.start(session.processes());
    }
    long deadline = start + DEADLINE.toNanos();
    Stats now = stats(control);
    while (now.getMessages() - before.getMessages() < events
        || now.getNotifications() - before.getNotifications() < events) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            String.format(
                "after %s, %d of %d messages and %d notifications",
                DEADLINE,
                now.getMessages() - before.getMessages(),
                events,
                now.getNotifications() - before.getNotifications()));
      }
      Thread.sleep(20);
      now = stats(control);
    }
    long done = System.nanoTime();
    CpuUsage.Cores cores = cpu.stop();
    // Nothing more can come once the queue is empty (in delivery included): count again.
    long pollDeadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (queueDepth(server, OrderEventPublisher.QUEUE) > 0) {
      if (System.nanoTime() > pollDeadline) {
        suite.log("  OrderEvents not empty after a minute");
        break;
      }
      Thread.sleep(100);
    }
    Stats after = stats(control);
    return new Run(
        events,
        publishing,
        Duration.ofNanos(done - start),
        after.getMessages() - before.getMessages(),
        after.getNotifications() - before.getNotifications(),
        after.getThreads() - before.getThreads(),
        cores);
  }

  /**
   * Starts the paused consumer, and returns when it started: the last moment the emulator had
   * nothing yet, polled every few milliseconds while jboss-cli.sh (a JVM of its own, a second or
   * more) asks the server. Neither the CLI's start nor its exit counts against the consumer.
   */
  private static long startDelivery(
      WildFlyNode server, EmulatorControlGrpc.EmulatorControlBlockingStub control, Stats before)
      throws Exception {
    CompletableFuture<String> starting =
        CompletableFuture.supplyAsync(() -> server.cli(CONSUMER + ":start-delivery"));
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    long nothingYet = System.nanoTime();
    while (stats(control).getMessages() == before.getMessages()) {
      if (starting.isCompletedExceptionally() || System.nanoTime() > deadline) {
        starting.get(1, TimeUnit.SECONDS);
        throw new IllegalStateException("the consumer did not start within a minute");
      }
      nothingYet = System.nanoTime();
      Thread.sleep(2);
    }
    starting.get(1, TimeUnit.MINUTES);
    return nothingYet;
  }

  /** The messages in a JMS queue, those being delivered included. */
  private static long queueDepth(WildFlyNode server, String queue) {
    String value =
        server.cli(
            "/subsystem=messaging-activemq/server=default/jms-queue="
                + queue
                + ":read-attribute(name=message-count)");
    return Long.parseLong(value.replaceAll("L$", ""));
  }

  /** PRODUCERS connections; order {@code n} is published by producer {@code n % PRODUCERS}. */
  private static void publish(ServerSession session, String prefix, int orders) throws Exception {
    ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        int producer = p;
        done.add(
            producers.submit(
                () -> {
                  try (OrderEventPublisher publisher =
                      OrderEventPublisher.connect(
                          "localhost",
                          session.server().httpPort(),
                          Suite.ORDER_PUBLISHER,
                          session.orderPublisherPassword())) {
                    for (int status = 0; status < STATUSES; status++) {
                      for (int order = producer; order < orders; order += PRODUCERS) {
                        publisher.publish(
                            new OrderEventMessage(
                                prefix + "-" + order + "-" + status,
                                prefix + "-order-" + order,
                                "customer-" + order,
                                "STATUS_" + status,
                                "Status change " + status + " of order " + order,
                                null,
                                Instant.now()));
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      producers.shutdownNow();
    }
  }

  private static Stats stats(EmulatorControlGrpc.EmulatorControlBlockingStub control) {
    return control
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getStats(GetStatsRequest.getDefaultInstance());
  }

  private static String row(String name, String... values) {
    return "| " + name + " | " + String.join(" | ", values) + " |\n";
  }

  private static void log(Suite suite, String what, Run run) {
    suite.log(
        "  %s: %,.0f events/s end to end (published at %,.0f/s); %,d messages, %,d notifications",
        what, run.eventsPerSecond(), run.publishedPerSecond(), run.messages(), run.notifications());
  }
}
