package com.shopsuite.midimo.benchmarks.resilience;

import com.shopsuite.midimo.benchmarks.suite.ServerSession;
import com.shopsuite.midimo.launcher.WildFlyNode;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** 2. One call in ten failing, for 30 s, during the same load. */
final class TransientErrorsScenario implements Scenario {
  static final Duration ERRORS = Duration.ofSeconds(30);
  static final double FRACTION = 0.10;

  /** Each rpc an event makes, and what its failures answer: INTERNAL or UNAVAILABLE. */
  static final List<String[]> FAILING =
      List.of(
          new String[] {"ChatService/FindThreads", "INTERNAL"},
          new String[] {"ChatService/CreateThread", "UNAVAILABLE"},
          new String[] {"ChatService/SendMessage", "INTERNAL"},
          new String[] {"NotificationService/SendNotification", "UNAVAILABLE"});

  @Override
  public String id() {
    return "transient";
  }

  @Override
  public String title() {
    return "2. Transient errors: 10 % of calls failing for 30 s";
  }

  @Override
  public String setup() {
    return "The load of scenario 1 (10,000 events for 1,000 orders, each sent twice, 10 malformed)."
        + " From the first send, for 30 s, 10 % of the calls of every rpc an event makes fail:"
        + " FindThreads and SendMessage with INTERNAL, CreateThread and SendNotification with"
        + " UNAVAILABLE (the emulator's FailFraction).";
  }

  @Override
  public String passRule() {
    return "0 lost, 0 duplicated, 0 dead-lettered, 0 out of order";
  }

  @Override
  public ScenarioResult run(ResilienceRun run) throws Exception {
    ServerSession session = run.start(id());
    ManagedChannel channel = run.emulatorChannel(session);
    try {
      EmulatorFaults faults = new EmulatorFaults(channel);
      WildFlyNode server = session.server();
      OrderTraffic traffic =
          new OrderTraffic(
              id(),
              run.scaled(OutageScenario.ORDERS, 50),
              OutageScenario.STATUSES,
              true,
              OutageScenario.MALFORMED,
              16);
      for (String[] rpc : FAILING) {
        faults.failFraction(rpc[0], FRACTION, Status.Code.valueOf(rpc[1]));
      }
      OrderRun batch = new OrderRun(run, session, faults, traffic).start();
      Thread.sleep(run.scaled(ERRORS).toMillis());
      faults.clear();
      long errorsEnded = System.nanoTime();
      run.log(
          "%s: errors off after %,d messages sent, %,d applied",
          id(), batch.sent(), batch.applied());
      long done = batch.awaitAllApplied();
      OrderAudit audit = batch.audit();
      long deadLettered = OrderQueues.deadLetteredEvents(server);
      long retried = ServerMetrics.orderEvents(server, "retried");
      long held = ServerMetrics.orderEvents(server, "held");
      run.log("%s: %s; %d dead-lettered", id(), audit.summary(), deadLettered);
      boolean passed = audit.clean() && deadLettered == 0;
      Table table =
          new Table()
              .row("messages published", String.format(Locale.ROOT, "%,d", traffic.messages()))
              .row(
                  "attempts that failed and were retried (metric)",
                  String.format(Locale.ROOT, "%,d", retried))
              .row(
                  "events held behind their order's head (metric)",
                  String.format(Locale.ROOT, "%,d", held))
              .row("**lost**", audit.lost())
              .row("**duplicated**", audit.duplicated())
              .row("**dead-lettered** (order events)", deadLettered)
              .row("**out of order** (orders)", audit.outOfOrder())
              .row("malformed bodies in the DLQ", OrderQueues.malformed(server))
              .row(
                  "last event applied, after the errors stopped",
                  OrderRun.seconds(Math.max(0, done - errorsEnded)))
              .row(
                  "events/s, first send to last applied",
                  String.format(Locale.ROOT, "%,.0f", batch.eventsPerSecond(done)));
      return new ScenarioResult(
          passed,
          String.format(
              Locale.ROOT,
              "%d lost, %d duplicated, %d dead-lettered, %d out of order (%,d attempts retried)",
              audit.lost(),
              audit.duplicated(),
              deadLettered,
              audit.outOfOrder(),
              retried),
          List.of(table.toString()));
    } finally {
      channel.shutdownNow();
      run.stop(session);
    }
  }
}
